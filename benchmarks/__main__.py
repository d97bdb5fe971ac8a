"""``python -m benchmarks``: run every benchmark and print the table (see ``benchmarks/README.md``)."""

from benchmarks.run import main

raise SystemExit(main())
