"""The front door of every way the program starts: `max247`, `python -m max247`, and both
programs of the ready folder (the windowed `Max247` a teacher double-clicks, the console
`max247-cli`).

It adds one thing to the command itself: an unexpected error becomes a crash report in the
user's log folder and a message saying where it is (max247/crash.py), so the windowed game
never just vanishes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def is_windowed() -> bool:
    """The ready folder's double-clicked game: no console, so messages go in a box."""
    return bool(getattr(sys, "frozen", False)) and Path(sys.executable).stem == "Max247"


def main() -> int:
    from max247 import crash
    from max247.cli import run

    windowed = is_windowed()
    if windowed:
        # Windows gives a windowed program no streams at all: print() and logging go nowhere
        for name in ("stdout", "stderr"):
            if getattr(sys, name) is None:
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    return crash.guarded(run, sys.argv[1:], windowed)
