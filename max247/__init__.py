"""Max 24/7: a cooperative classroom game about finding a trusted adult when things go wrong
online."""

import os

# pygame prints a banner on import; our commands print only what they are asked for
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

__version__ = "0.1.0"
