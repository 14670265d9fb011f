from max247.launch import main

raise SystemExit(main())
