"""The first start on a computer: the class's language from the system's, and where the game
shows when a second display (the projector) is connected.

A teacher who double-clicks the game for the first time sees the title screen in the language
of their computer (nl, fr or en; English for any other), and with a projector connected as a
second display, the game full screen on it and a question, asked once, whether it should stay
there. `system_language()` and `system_region()` are what a fuller first-start screen (language
and region) starts from.
"""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Mapping
from pathlib import Path

from max247.settings import Settings

LANGUAGES = ("nl", "fr", "en")
# the help directory's regions, by the territory a system locale names
_REGIONS = {"BE": "be", "NL": "nl", "GB": "uk"}


def system_locales(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> list[str]:
    """The user's languages in order of preference, as locale names (nl_BE, fr, en_GB...)."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    found: list[str] = []
    if platform == "win32":
        found += _windows_locales()
    elif platform == "darwin":
        found += _macos_locales(Path(env.get("HOME", "~")).expanduser())
    # gettext's order: LANGUAGE (a list) unless the locale is C, then LC_ALL, LC_MESSAGES, LANG
    lang = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    if env.get("LANGUAGE") and lang.split(".")[0] not in ("C", "POSIX"):
        found += env["LANGUAGE"].split(":")
    found.append(lang)
    return [_normal(x) for x in found if x and _normal(x) not in ("C", "POSIX")]


def _normal(name: str) -> str:
    """nl-BE.UTF-8@euro -> nl_BE"""
    return name.split(".")[0].split("@")[0].replace("-", "_")


def _windows_locales() -> list[str]:
    if sys.platform != "win32":  # ctypes.windll exists on Windows only
        return []
    try:
        import ctypes
        import locale

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # the display language
        name = locale.windows_locale.get(langid)
    except (AttributeError, OSError):
        return []
    return [name] if name else []


def _macos_locales(home: Path) -> list[str]:
    # what Finder gives a double-clicked app: no LANG, only the user's preferred languages
    try:
        with (home / "Library" / "Preferences" / ".GlobalPreferences.plist").open("rb") as f:
            prefs = plistlib.load(f)
    except (OSError, plistlib.InvalidFileException, ValueError):
        return []
    langs = prefs.get("AppleLanguages") or []
    region = str(prefs.get("AppleLocale", ""))
    return [str(x) for x in langs if isinstance(x, str)] + ([region] if region else [])


def system_language(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """The first of nl, fr, en among the system's languages; English if none of them."""
    for name in system_locales(environ, platform):
        language = name.split("_")[0].lower()
        if language in LANGUAGES:
            return language
    return "en"


def system_region(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """The help directory's region the system names (be, nl, uk), or None if it names none."""
    for name in system_locales(environ, platform):
        parts = name.split("_")
        if len(parts) > 1 and parts[1].upper() in _REGIONS:
            return _REGIONS[parts[1].upper()]
    return None


def display_count() -> int:
    import pygame

    try:
        pygame.display.init()
        return pygame.display.get_num_displays()
    except pygame.error:
        return 1


def first_start(settings: Settings, displays: int) -> bool:
    """Fill in what a first start takes from the computer; True if the display is to be asked.

    With two or more displays, the game goes full screen on the first that is not the primary
    (in a classroom, the projector), and asks once whether to stay there.
    """
    settings.language = system_language()
    settings.region = system_region() or settings.region
    if displays < 2:
        return False
    settings.display = 1
    settings.fullscreen = True
    return True
