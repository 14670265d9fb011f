"""When the game stops on an error: a readable report in the user's log folder, and a message
that says where it is.

A double-clicked game has no console, so a traceback printed there would be lost and the
window would just vanish in front of the class. Instead the teacher sees a message box (SDL's
own, native on Windows, macOS and X11; Windows' MessageBox if SDL cannot) naming the report,
which holds what a maintainer needs and nothing about the class.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from max247 import __version__, paths

KEEP = 20  # reports kept; older ones are removed, so a crash loop cannot fill the disk


def _(message: str) -> str:
    """Marks a text for the interface catalog; `message()` translates it."""
    return message


TITLE = _("Max 24/7 stopped because of an error")
BODY = _(
    "A report was written to:\n{path}\n\n"
    "Start the game again: the lesson goes on from the last decision. Please send the report "
    "to whoever looks after the game; it holds nothing about the class."
)


def report_text(exc: BaseException, argv: Sequence[str], now: datetime) -> str:
    frozen = getattr(sys, "frozen", False)
    pygame = sys.modules.get("pygame")
    sdl = pygame.version.ver if pygame is not None and hasattr(pygame, "version") else "not loaded"
    lines = [
        "Max 24/7 stopped because of an error.",
        "Send this file to whoever looks after the game. It holds nothing about the class.",
        "",
        f"when:      {now.isoformat(timespec='seconds')}",
        f"version:   {__version__} ({'ready folder' if frozen else 'from source'})",
        f"program:   {sys.executable}",
        f"command:   max247 {' '.join(argv)}".rstrip(),
        f"system:    {platform.platform()}",
        f"python:    {platform.python_version()}",
        f"pygame-ce: {sdl}",
        "",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    ]
    return "\n".join(lines)


def write_report(exc: BaseException, argv: Sequence[str], folder: Path | None = None) -> Path:
    """Write the report to the user's log folder (the temporary folder if that fails)."""
    now = datetime.now()
    text = report_text(exc, argv, now)
    name = f"crash-{now:%Y-%m-%d_%H-%M-%S}.log"
    for place in (folder or paths.user_log(), Path(tempfile.gettempdir())):
        try:
            place.mkdir(parents=True, exist_ok=True)
            path = place / name
            path.write_text(text, encoding="utf-8")
        except OSError:
            continue
        for old in sorted(place.glob("crash-*.log"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return path
    raise OSError("no folder to write a crash report to")


def message(path: Path) -> tuple[str, str]:
    """The title and text to show, in the class's language if it can still be known."""
    try:
        from max247.firststart import system_language
        from max247.i18n import Interface
        from max247.settings import load_settings, settings_path

        known = settings_path().exists()
        language = load_settings()[0].language if known else system_language()
        tr = Interface(language).gettext
    except Exception:  # whatever broke may break this too: English is always there
        return TITLE, BODY.format(path=path)
    return tr(TITLE), tr(BODY).format(path=path)


def show(title: str, text: str) -> bool:
    """Say it on screen; False where nothing can be shown (no display, or headless on purpose).

    Windows and macOS get their native message box (through SDL). On Linux SDL's own box
    cannot draw an accent (French is cut at the first "é"), so a small window in the game's
    font says it, and the box is only the fallback.
    """
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return False  # tests, screenshots, benchmarks
    try:
        import pygame

        pygame.display.quit()  # a full-screen window would hide the message
        # the video driver asked for may be what failed; SDL finds the system's own without it
        os.environ.pop("SDL_VIDEODRIVER", None)
        if sys.platform.startswith("linux"):
            with contextlib.suppress(Exception):
                return message_window(title, text)
        pygame.display.message_box(title, text, "error")
        return True
    except Exception:
        pass
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)  # MB_ICONERROR
        return True
    return False


def message_window(title: str, text: str) -> bool:
    """A plain window with the message in the game's font, until a key, a click or closing."""
    import pygame

    from max247.ui.theme import INK, PAPER

    pygame.display.init()
    pygame.font.init()
    width, margin = 960, 32
    fonts = paths.ASSETS / "fonts"
    heading = pygame.font.Font(fonts / "Andika-Bold.ttf", 30)
    body = pygame.font.Font(fonts / "Andika-Regular.ttf", 22)
    blocks = [heading.render(title, True, INK, wraplength=width - 2 * margin)]
    for paragraph in text.split("\n"):
        font = body
        while font.size(paragraph)[0] > width - 2 * margin and " " not in paragraph:
            font = pygame.font.Font(fonts / "Andika-Regular.ttf", font.get_height() - 4)  # a path
        blocks.append(font.render(paragraph or " ", True, INK, wraplength=width - 2 * margin))
    height = margin * 2 + sum(b.get_height() + 8 for b in blocks)
    screen = pygame.display.set_mode((width, height))
    pygame.display.set_caption(title)
    screen.fill(PAPER)
    y = margin
    for block in blocks:
        screen.blit(block, (margin, y))
        y += block.get_height() + 8
    pygame.display.flip()
    while True:
        ev = pygame.event.wait()
        if ev.type in (pygame.QUIT, pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            pygame.display.quit()
            return True
        if ev.type in (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE):
            pygame.display.flip()


def guarded(run: Callable[[], int], argv: Sequence[str], windowed: bool) -> int:
    """Run the program; on an unexpected error write the report and say where it is."""
    try:
        return run()
    except Exception as exc:
        try:
            path = write_report(exc, argv)
        except OSError:
            traceback.print_exception(type(exc), exc, exc.__traceback__)
            return 1
        title, text = message(path)
        if sys.stderr is not None:
            traceback.print_exception(type(exc), exc, exc.__traceback__)
            print(f"\n{title}. {text}", file=sys.stderr)
        if windowed:
            show(title, text)
        return 1
