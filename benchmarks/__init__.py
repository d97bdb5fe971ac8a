"""Benchmarks for lcv-tui: run with ``python -m benchmarks`` (see ``benchmarks/README.md``).

Not part of the test suite."""
