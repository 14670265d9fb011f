from max247.cli import run

raise SystemExit(run())
