"""The teacher's settings: remembered between sessions, in the user's own data folder.

The file is written atomically and durably (fsynced, file and folder). Whatever the file holds,
the game starts: a file that is not JSON, not an object, too big, or not a plain file at all is
set aside as `settings.json.broken-DATE` and the defaults are used; a value of the wrong type or
out of range (`"language": 5`, `"text_scale": 1e308`, `"libraries": [1, 2]`) takes its default,
the teacher's other settings are kept, and the original file is set aside as well, so nothing
the teacher wrote is lost. The message saying so is a `Msg`, said in the class's language.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from max247 import paths
from max247.player.votes import (
    DEFAULT_MODE,
    DEFAULT_TABLES,
    DEFAULT_TALK,
    MODES,
    TABLES,
    TALK_TIMES,
)
from max247.story.findings import N_, Msg, N_and
from max247.story.model import LANGUAGES
from max247.ui.theme import TEXT_SCALES

FILE_NAME = "settings.json"
MAX_BYTES = 64 * 1024  # a real settings file is about 200 bytes
MAX_LIBRARIES = 50
MAX_PATH = 4096

MAX_DISPLAYS = 16


@dataclass
class Settings:
    language: str = "nl"
    region: str = "be"
    text_scale: float = 1.0
    libraries: list[str] = field(default_factory=list)  # the teacher's own scenario folders
    display: int = 0
    fullscreen: bool = False
    lesson_minutes: int = 50
    # the stand at an event (max247 kiosk): its stories (none ticked: the age band's), its
    # age band, and how long a group may leave the game untouched before the stand resets
    stand_stories: list[str] = field(default_factory=list)
    stand_ages: str = "10-12"
    stand_idle_minutes: int = 3
    # the tip to extend the desktop to the projector (Win+P) was given: it is given once
    told_extend: bool = False
    # the accessibility menu (max247.scenes.access): every child can follow
    high_contrast: bool = False
    reading_font: bool = False  # Atkinson Hyperlegible with extra letter and line spacing
    reduced_motion: bool = False
    read_aloud: bool = False
    # how the class decides at a choice (see max247.player.votes), chosen at setup and kept as
    # the default: its mode, how many tables, and the talk time before a vote when the choice
    # sets none (seconds, 0: no countdown)
    decision_mode: str = DEFAULT_MODE.value
    tables: int = DEFAULT_TABLES
    talk_seconds: int = DEFAULT_TALK
    # tables with a device each may share one keyboard in zones (see max247.input)
    keyboard_zones: bool = False


def _regions() -> tuple[str, ...]:
    # imported when a settings file is checked, not when the game starts: the help
    # directory's module brings the whole scenario reader with it
    from max247.helpdir import REGIONS

    return REGIONS


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # true is an int in Python


def _library(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_PATH
        and "\x00" not in value
        and Path(value).is_absolute()
    )


# field -> whether a value read from the file can be used
CHECKS = {
    "language": lambda v: v in LANGUAGES,
    "region": lambda v: v in _regions(),
    "text_scale": lambda v: (
        isinstance(v, (int, float))
        and not isinstance(v, bool)
        and math.isfinite(v)
        and float(v) in TEXT_SCALES
    ),
    "libraries": lambda v: (
        isinstance(v, list) and len(v) <= MAX_LIBRARIES and all(_library(p) for p in v)
    ),
    "display": lambda v: _is_int(v) and 0 <= v < MAX_DISPLAYS,
    "fullscreen": lambda v: isinstance(v, bool),
    "told_extend": lambda v: isinstance(v, bool),
    "lesson_minutes": lambda v: _is_int(v) and 10 <= v <= 600,
    "stand_stories": lambda v: (
        isinstance(v, list)
        and len(v) <= MAX_LIBRARIES * 20
        and all(isinstance(i, str) and 0 < len(i) <= 200 for i in v)
    ),
    "stand_ages": lambda v: v in ("10-12", "12-15"),
    "stand_idle_minutes": lambda v: _is_int(v) and 1 <= v <= 60,
    "high_contrast": lambda v: isinstance(v, bool),
    "reading_font": lambda v: isinstance(v, bool),
    "reduced_motion": lambda v: isinstance(v, bool),
    "read_aloud": lambda v: isinstance(v, bool),
    "decision_mode": lambda v: v in {m.value for m in MODES},
    "tables": lambda v: _is_int(v) and v in TABLES,
    "talk_seconds": lambda v: _is_int(v) and v in TALK_TIMES,
    "keyboard_zones": lambda v: isinstance(v, bool),
}


def settings_path(folder: Path | None = None) -> Path:
    return (folder or paths.user_data()) / FILE_NAME


def load_settings(folder: Path | None = None) -> tuple[Settings, Msg | None]:
    """The settings, and a message for the teacher when the file could not be used as it is.

    Never raises and never blocks: a pipe or a device named settings.json is not opened."""
    path = settings_path(folder)
    try:
        info = path.stat()
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError):  # a data folder that is a file, a folder we may not read
        return Settings(), None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        return Settings(), _set_aside(path, N_("it is not a settings file"))
    try:
        # O_NONBLOCK: should the file be swapped for a pipe since stat(), open() still returns
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        return Settings(), N_(
            "The settings in {path} could not be read ({reason}); the game uses its defaults.",
            path=str(path),
            reason=exc.strerror or str(exc),
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested past Python's limit
        return Settings(), _set_aside(path, N_("it is not JSON"))
    if not isinstance(data, dict):
        return Settings(), _set_aside(path, N_("it is not a JSON object"))
    settings = Settings()
    wrong = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if CHECKS[f.name](value):
            if f.name == "text_scale":
                value = float(value)
            elif f.name == "libraries":
                value = list(value)
            setattr(settings, f.name, value)
        else:
            wrong.append(f.name)
    if not wrong:
        return settings, None  # keys from a newer version are ignored
    reason = N_("{fields} could not be used", fields=N_and(wrong))
    return settings, _set_aside(path, reason, copy=True)


def _set_aside(path: Path, reason: str, copy: bool = False) -> Msg:
    """Move (or copy) the file out of the way, so that it is never read again but kept."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        if copy:
            with path.open("rb") as f:
                write_atomic_bytes(aside, f.read(MAX_BYTES))
        else:
            os.replace(path, aside)
    except OSError:
        return N_(
            "The settings in {path} could not be used ({reason}); the game uses its defaults.",
            path=str(path),
            reason=reason,
        )
    return N_(
        "The settings in {path} could not be used ({reason}); the game uses its defaults, "
        "and the file is kept as {aside}.",
        path=str(path),
        reason=reason,
        aside=aside.name,
    )


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Write the settings; OSError if the folder cannot be written (the app says so once)."""
    write_atomic(settings_path(folder), json.dumps(asdict(settings), indent=2) + "\n")


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a file."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Atomic and durable: the new file's bytes reach the disk before the rename, and the
    rename reaches it before we return, so neither a crash nor a power cut leaves half a file
    (or an empty one: a rename without the data's fsync can do that on ext4 and NTFS)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it is on disk (not possible on Windows: skipped)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
