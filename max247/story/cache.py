"""The validation cache: what the validator said about each story file, kept between starts.

Validating a story (reading it, then proving that every path finds help) takes a good part of a
second on a school laptop; a library of a thousand stories would take minutes at every start. The
cache keeps, per file, its findings and the few facts the game lists it by (a `Summary`: id,
title, language, theme, ages, minutes), keyed by the file's path, size and modification time, the
help needs it was checked against and the engine's version (a hash of this package's own source,
so a changed validator never trusts an old verdict). With it, the game lists every story with its
status without reading one, and reads a story when it is played.

It lives in the user's cache folder as one JSON file. A cache that cannot be read, is damaged or
was written by another version is ignored as a whole and written anew; one that cannot be
written is simply not kept. JSON, not pickle: a damaged or planted file can only be refused,
never run.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from max247 import __version__
from max247.story.findings import CODES, Finding, Loc, Msg
from max247.story.model import Scenario, Text

FILE_NAME = "validation.json"
FORMAT = 1
MAX_ENTRIES = 10_000  # the most recently seen are kept: a few libraries' worth
MAX_BYTES = 64 * 2**20


def engine_version() -> str:
    """The package version and a hash of the story engine's source: any change to the loader
    or the proof invalidates every entry. A frozen build has no sources: its version says it."""
    # zlib's checksums, not hashlib: a cache key needs no security, and hashlib loads OpenSSL
    # (4 MiB of the game's memory at start)
    crc, adler = 0, 1
    folder = Path(__file__).resolve().parent
    try:
        for source in sorted(folder.glob("*.py")):
            data = source.name.encode() + source.read_bytes()
            crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    except OSError:
        return __version__
    return f"{__version__}+{crc:08x}{adler:08x}"


@dataclass(frozen=True)
class Summary:
    """What the game lists a story by, known without reading the story. It quacks like a
    `Scenario` for the translator (id, path, language) and for lists (title, theme, ages)."""

    path: Path
    id: str
    language: str
    title: Text
    theme: str
    ages: str
    minutes: int

    @classmethod
    def of(cls, s: Scenario) -> Summary:
        return cls(s.path, s.id, s.language, s.title, s.theme, s.ages, s.minutes)


@dataclass(frozen=True)
class Entry:
    findings: list[Finding]
    summary: Summary | None  # None: the story has errors and cannot be played


def file_key(path: Path, needs: tuple[str, ...]) -> str | None:
    """The key of a file as it is now; None if it cannot be looked at."""
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{','.join(needs)}"


class ValidationCache:
    def __init__(self, file: Path | None, entries: dict[str, Any] | None = None) -> None:
        self.file = file
        self.engine = engine_version()
        self._entries: dict[str, dict[str, Any]] = entries or {}
        self.changed = False

    @classmethod
    def open(cls, folder: Path) -> ValidationCache:
        """The cache in `folder`; empty when the file is missing, damaged or stale."""
        cache = cls(folder / FILE_NAME)
        try:
            with (folder / FILE_NAME).open("rb") as f:
                raw = f.read(MAX_BYTES + 1)
            data = json.loads(raw) if len(raw) <= MAX_BYTES else None
        except (OSError, ValueError):
            data = None
        if (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and data.get("engine") == cache.engine
            and isinstance(data.get("files"), dict)
        ):
            cache._entries = data["files"]
        else:
            cache.changed = data is not None or (folder / FILE_NAME).exists()
        return cache

    def get(self, path: Path, key: str | None) -> Entry | None:
        if key is None:
            return None
        raw = self._entries.get(str(path))
        if not isinstance(raw, dict) or raw.get("key") != key:
            return None
        try:
            return _entry(raw)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            del self._entries[str(path)]  # a damaged entry: read the file again
            self.changed = True
            return None

    def put(self, path: Path, key: str | None, findings: list[Finding], s: Scenario | None) -> None:
        if key is None:
            return
        self._entries.pop(str(path), None)  # re-inserted last: the most recently seen
        self._entries[str(path)] = {
            "key": key,
            "findings": [_finding_json(f) for f in findings],
            "summary": None if s is None else _summary_json(Summary.of(s)),
        }
        self.changed = True

    def save(self) -> None:
        """Write the cache if it changed, atomically; a folder that cannot be written is left
        alone (the next start validates again, nothing else is lost)."""
        if not self.changed or self.file is None:
            return
        entries = dict(list(self._entries.items())[-MAX_ENTRIES:])
        data = {"format": FORMAT, "engine": self.engine, "files": entries}
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".validation-", dir=self.file.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, self.file)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self.changed = False


# --- JSON -------------------------------------------------------------------------------


def _loc_json(loc: Loc) -> list[Any]:
    return [loc.file, loc.line, loc.col]


def _loc(raw: list[Any]) -> Loc:
    file, line, col = raw
    if not (isinstance(file, str) and isinstance(line, int) and isinstance(col, int)):
        raise TypeError("loc")
    return Loc(file, line, col)


def _text_json(t: Text) -> list[Any]:
    return [t.source, t.context, _loc_json(t.loc), [list(p) for p in t.inline]]


def _text(raw: list[Any]) -> Text:
    source, context, loc, inline = raw
    if not (isinstance(source, str) and isinstance(context, str)):
        raise TypeError("text")
    pairs = tuple((str(lang), str(value)) for lang, value in inline)
    return Text(source, context, _loc(loc), pairs)


def _summary_json(s: Summary) -> dict[str, Any]:
    return {
        "path": str(s.path),
        "id": s.id,
        "language": s.language,
        "title": _text_json(s.title),
        "theme": s.theme,
        "ages": s.ages,
        "minutes": s.minutes,
    }


def _summary(raw: dict[str, Any]) -> Summary:
    fields = (raw["id"], raw["language"], raw["theme"], raw["ages"])
    if not all(isinstance(x, str) for x in fields) or not isinstance(raw["minutes"], int):
        raise TypeError("summary")
    return Summary(Path(raw["path"]), *fields[:2], _text(raw["title"]), *fields[2:], raw["minutes"])


def _value_json(v: object) -> object:
    if isinstance(v, Msg):
        return {
            "msg": v.template,
            "params": {k: _value_json(x) for k, x in v.params.items()},
            "plural": v.plural,
            "n": v.n,
            "tr": v.translatable,
        }
    if isinstance(v, str | int | float | bool) or v is None:
        return v
    return str(v)


def _value(raw: object) -> object:
    if isinstance(raw, dict):
        params = raw["params"]
        if not isinstance(params, dict) or not isinstance(raw["msg"], str):
            raise TypeError("message")
        return Msg(
            raw["msg"],
            {k: _value(x) for k, x in params.items()},
            raw["plural"],
            int(raw["n"]),
            bool(raw["tr"]),
        )
    if isinstance(raw, list):
        raise TypeError("message")
    return raw


def _finding_json(f: Finding) -> list[Any]:
    return [f.code, _loc_json(f.loc), _value_json(f.message), _value_json(f.hint)]


def _entry(raw: dict[str, Any]) -> Entry:
    findings = []
    for code, loc, message, hint in raw["findings"]:
        if code not in CODES:
            raise ValueError(code)
        message, hint = _value(message), _value(hint)
        if not isinstance(message, str) or not isinstance(hint, str):
            raise TypeError("finding")
        findings.append(Finding(code, _loc(loc), message, hint))
    summary = raw["summary"]
    return Entry(findings, None if summary is None else _summary(summary))
