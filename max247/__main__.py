from max247.cli import main

raise SystemExit(main())
