"""The teacher's settings: remembered between sessions, in the user's own data folder.

The file is written atomically, and a corrupt one never stops the game: it is set aside, with
a message saying where, and the defaults are used.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from max247 import paths

FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str = "nl"
    region: str = "be"
    text_scale: float = 1.0
    libraries: list[str] = field(default_factory=list)  # the teacher's own scenario folders
    display: int = 0
    fullscreen: bool = False
    lesson_minutes: int = 50


def settings_path(folder: Path | None = None) -> Path:
    return (folder or paths.user_data()) / FILE_NAME


def load_settings(folder: Path | None = None) -> tuple[Settings, str | None]:
    """The settings, and a message when a corrupt file had to be set aside."""
    path = settings_path(folder)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(Settings)}
        settings = Settings(**{k: v for k, v in raw.items() if k in known})
        if not isinstance(settings.libraries, list):
            raise TypeError("libraries")
        return settings, None
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError, TypeError) as exc:
        aside = path.with_name(path.name + ".corrupt")
        try:
            os.replace(path, aside)
        except OSError:
            return Settings(), f"The settings in {path} could not be read ({exc}); using defaults."
        return Settings(), f"The settings in {path} could not be read; set aside as {aside}."


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    write_atomic(settings_path(folder), json.dumps(asdict(settings), indent=2) + "\n")


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
