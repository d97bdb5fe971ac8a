from lcv_tui.cli import main

raise SystemExit(main())
