"""Where the shipped files and the user's own files are.

In a checkout the shipped library, its translations and the help directory are read from the
project's root; an installed wheel and the ready folder (`max247 build`) carry them in
`max247/shipped/` (see pyproject.toml and packaging/max247.spec). Nothing is ever written
there: the user's own files go to the user's own folders.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "shipped"
BUNDLED = _BUNDLED.is_dir()  # a wheel or the ready folder, not a checkout
SHIPPED = _BUNDLED if BUNDLED else _PACKAGE.parent

SCENARIOS = SHIPPED / "scenarios"
LOCALES = SHIPPED / "locales"
HELP_DIRECTORY = SHIPPED / "data" / "help-directory.yaml"
ASSETS = _PACKAGE / "assets"


def user_data() -> Path:
    """The user's own folder: settings, local help corrections, saved sessions."""
    return Path(platformdirs.user_data_dir("max247", appauthor=False))


def user_cache() -> Path:
    """What can be made again (the validation cache): deleting it only costs time."""
    return Path(platformdirs.user_cache_dir("max247", appauthor=False))


def user_log() -> Path:
    """Where crash reports go: the user's own log folder, never next to the program."""
    return Path(platformdirs.user_log_dir("max247", appauthor=False))
