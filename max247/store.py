"""Saved sessions: an SQLite database in the user's data folder, many lessons side by side.

A crash, a kill or a power cut at any moment loses at most the step in progress: each save is one
transaction, with `journal_mode=DELETE` and `synchronous=FULL` rather than WAL, because school
profiles often sit on network folders and a copied database must not lose its -wal file. The
schema has a version and migrations from the start. A damaged database is set aside with a
message and the game starts with none; with no writable folder the sessions live in memory and
the game says so. The one JSON session of earlier versions is imported once.

A portable session file (`export`/`import`) is JSON with a format name and a version; a file
that is old, newer, damaged or not ours is refused with a reason and changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from max247.session import (
    FINISHED,
    PLAYING,
    Damaged,
    Progress,
    Session,
    from_legacy_json,
    progress_from_dict,
    progress_to_dict,
)
from max247.story.runtime import Decision

DB_NAME = "sessions.sqlite3"
LEGACY_NAME = "session.json"
MEMORY = ":memory:"
EXPORT_FORMAT = "max247-session"
EXPORT_VERSION = 1
MAX_FILE_BYTES = 5_000_000  # a session file is a few kilobytes; more is not one of ours
NAME_LIMIT = 60

Translate = Callable[[str], str]

# Migration N takes the schema from version N-1 to N. Never edit one that has shipped: add one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        language TEXT NOT NULL,
        region TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('playing', 'finished')),
        current TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE characters (
        session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        scenario TEXT NOT NULL,
        source TEXT NOT NULL,
        mood INTEGER NOT NULL,
        started INTEGER NOT NULL,
        ended INTEGER NOT NULL,
        ending TEXT NOT NULL,
        found_max INTEGER NOT NULL,
        found_help INTEGER NOT NULL,
        told TEXT NOT NULL,      -- JSON: [[who, listened], ...]
        helped TEXT NOT NULL,    -- JSON: [need, ...]
        PRIMARY KEY (session, scenario)
    );
    CREATE TABLE decisions (
        session INTEGER NOT NULL,
        scenario TEXT NOT NULL,
        step INTEGER NOT NULL,
        choice TEXT NOT NULL,    -- 'passage/N'
        option TEXT NOT NULL,    -- the option's stable key
        number INTEGER NOT NULL, -- as the class saw it
        votes TEXT NOT NULL DEFAULT '{}',  -- JSON: {option key: count}, counts only
        PRIMARY KEY (session, scenario, step),
        FOREIGN KEY (session, scenario) REFERENCES characters (session, scenario)
            ON DELETE CASCADE
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class Refused(Exception):
    """A session file or a command the store will not take; the message says why."""


@dataclass(frozen=True)
class Listed:
    """A session as the list shows it."""

    id: int
    name: str
    created: str
    updated: str
    language: str
    region: str
    state: str
    characters: tuple[str, ...]
    decisions: int

    @property
    def finished(self) -> bool:
        return self.state == FINISHED


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def _identity(text: str) -> str:
    return text


class Store:
    """The sessions of one data folder (or of memory only)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path  # None: in memory, gone when the game closes
        self.notes: list[str] = []  # what the teacher should be told, in their language

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def memory(cls) -> Store:
        store = cls(_connect(MEMORY), None)
        store._migrate()
        return store

    @classmethod
    def open(cls, folder: Path, _: Translate = _identity, legacy: bool = True) -> Store:
        """The store in `folder`, made or migrated as needed; never raises for a bad file.

        Whatever had to be set aside, and a fall back to memory, is said in `notes`.
        """
        path = folder / DB_NAME
        notes: list[str] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            store = cls._open_file(path, _, notes)
        except OSError:
            store = None
            notes.append(
                _(
                    "There is no folder to save lessons in ({folder}): this lesson is kept "
                    "only until the game closes."
                ).format(folder=folder)
            )
        except sqlite3.Error as exc:  # locked by another copy of the game, read-only, full
            store = None
            notes.append(
                _(
                    "The saved lessons in {file} cannot be opened now ({error}): this lesson is "
                    "kept only until the game closes."
                ).format(file=path, error=exc)
            )
        if store is None:
            store = cls.memory()
        store.notes += notes
        if legacy and store.path is not None:
            store.import_legacy(folder / LEGACY_NAME, _)
        return store

    @classmethod
    def _open_file(cls, path: Path, _: Translate, notes: list[str]) -> Store | None:
        if path.exists() and not path.is_file():  # a folder or a FIFO where the database goes
            _set_aside(path, _("it is not a file"), _, notes)
        store = None
        try:
            store = cls(_connect(path), path)
            problem = store._check()
        except sqlite3.DatabaseError as exc:
            if store is not None:
                store.conn.close()
            if isinstance(exc, sqlite3.OperationalError) and not _damage(exc):
                raise  # not writable, locked, no room: not the file's fault
            problem = str(exc)
        if problem is not None:
            if store is not None:
                store.conn.close()
            _set_aside(path, problem, _, notes)
            store = cls(_connect(path), path)
        assert store is not None  # opened above, or opened again after the damaged file went aside
        version = store._version()
        if version > SCHEMA_VERSION:
            store.conn.close()
            notes.append(
                _(
                    "The saved lessons in {file} were made by a newer version of Max 24/7: "
                    "they are left as they are, and this lesson is kept only until the game "
                    "closes."
                ).format(file=path)
            )
            return None
        store._migrate()
        return store

    def _check(self) -> str | None:
        """None for a sound database, else what is wrong with it."""
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            return "; ".join(str(r[0]) for r in rows[:3])
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        if tables and "meta" not in tables:
            return "not a database of Max 24/7"
        return None

    def _version(self) -> int:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        version = self._version()
        for number, script in enumerate(MIGRATIONS[version:], version + 1):
            # executescript commits first, so each migration runs as one explicit transaction
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\n"
                f"INSERT OR REPLACE INTO meta VALUES ('schema', '{number}');\nCOMMIT;"
            )

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- the sessions of earlier versions --------------------------------------------------

    def import_legacy(self, legacy: Path, _: Translate = _identity) -> Session | None:
        """Take in the JSON session of earlier versions once; a damaged one is set aside."""
        if not os.path.lexists(legacy):
            return None
        try:
            session = from_legacy_json(_read_small(legacy))
        except (OSError, UnicodeDecodeError, Damaged) as exc:
            aside = _aside_name(legacy, "damaged")
            with contextlib.suppress(OSError):
                legacy.replace(aside)
            self.notes.append(
                _(
                    "The lesson saved by an earlier version could not be read ({reason}); it "
                    "was set aside as {file}."
                ).format(reason=exc, file=aside)
            )
            return None
        session.name = self.unique_name(_("Lesson saved before the update"))
        session.created = dt.datetime.fromtimestamp(legacy.stat().st_mtime).isoformat(
            timespec="minutes"
        )
        self.save(session)
        with contextlib.suppress(OSError):
            legacy.replace(_aside_name(legacy, "imported"))
        return session

    # --- reading ---------------------------------------------------------------------------

    def sessions(self, unfinished: bool = False) -> list[Listed]:
        """Every session, the most recently played first."""
        rows = self.conn.execute(
            "SELECT id, name, created, updated, language, region, state FROM sessions "
            + ("WHERE state = 'playing' " if unfinished else "")
            + "ORDER BY updated DESC, id DESC"
        ).fetchall()
        out = []
        for row in rows:
            chars = tuple(
                r[0]
                for r in self.conn.execute(
                    "SELECT scenario FROM characters WHERE session = ? ORDER BY position",
                    (row[0],),
                )
            )
            (n,) = self.conn.execute(
                "SELECT count(*) FROM decisions WHERE session = ?", (row[0],)
            ).fetchone()
            sid, name, created, updated, language, region, state = row
            out.append(Listed(sid, name, created, updated, language, region, state, chars, n))
        return out

    def find(self, name: str) -> Listed | None:
        """A session by its name: exactly, else ignoring case and spaces around it."""
        every = self.sessions()
        for listed in every:
            if listed.name == name:
                return listed
        wanted = name.strip().casefold()
        return next((x for x in every if x.name.casefold() == wanted), None)

    def load(self, session_id: int) -> Session:
        row = self.conn.execute(
            "SELECT name, created, language, region, state, current FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        name, created, language, region, state, current = row
        characters = []
        for c in self.conn.execute(
            "SELECT scenario, mood, started, ended, ending, found_max, found_help, told, "
            "helped, source FROM characters WHERE session = ? ORDER BY position",
            (session_id,),
        ).fetchall():
            p = Progress(
                c[0],
                c[1],
                bool(c[2]),
                bool(c[3]),
                c[4],
                bool(c[5]),
                bool(c[6]),
                [(w, bool(b)) for w, b in json.loads(c[7])],
                list(json.loads(c[8])),
                source=c[9],
            )
            for choice, option, number, votes in self.conn.execute(
                "SELECT choice, option, number, votes FROM decisions "
                "WHERE session = ? AND scenario = ? ORDER BY step",
                (session_id, p.scenario),
            ):
                p.log.append(Decision(choice, option, number))
                p.votes.append(json.loads(votes))
            characters.append(p)
        return Session(characters, language, region, name, created, state, current, session_id)

    # --- writing ---------------------------------------------------------------------------

    def unique_name(self, wanted: str, but: int | None = None) -> str:
        taken = {x.name.casefold() for x in self.sessions() if x.id != but}
        name, n = wanted, 2
        while name.casefold() in taken:
            name, n = f"{wanted} ({n})", n + 1
        return name

    def save(self, session: Session, scenario: str | None = None) -> None:
        """Write the session in one transaction; with `scenario`, only that character's play.

        A new session gets its id (and a unique name) here.
        """
        with self.transaction() as db:
            if session.id is None:
                session.name = self.unique_name(session.name or "Max 24/7")
                cur = db.execute(
                    "INSERT INTO sessions (name, created, updated, language, region, state, "
                    "current) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        session.name,
                        session.created or _now(),
                        _now(),
                        session.language,
                        session.region,
                        session.state,
                        session.current,
                    ),
                )
                session.id = cur.lastrowid
                scenario = None
            else:
                db.execute(
                    "UPDATE sessions SET updated = ?, language = ?, region = ?, state = ?, "
                    "current = ? WHERE id = ?",
                    (
                        _now(),
                        session.language,
                        session.region,
                        session.state,
                        session.current,
                        session.id,
                    ),
                )
            assert session.id is not None  # SQLite gives every inserted row its id
            for position, p in enumerate(session.characters):
                if scenario is None or p.scenario == scenario:
                    self._write_progress(db, session.id, position, p)

    def _write_progress(self, db: sqlite3.Connection, sid: int, position: int, p: Progress) -> None:
        where = (sid, p.scenario)
        pause = os.environ.get("MAX247_SAVE_PAUSE")
        if pause:  # the crash test's hook: a decision's save stops half done, to be killed
            (stored,) = db.execute(
                "SELECT count(*) FROM decisions WHERE session = ? AND scenario = ?", where
            ).fetchone()
        db.execute("DELETE FROM decisions WHERE session = ? AND scenario = ?", where)
        db.execute(
            "INSERT OR REPLACE INTO characters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sid,
                position,
                p.scenario,
                p.source,
                p.mood,
                p.started,
                p.ended,
                p.ending,
                p.found_max,
                p.found_help,
                json.dumps([[w, b] for w, b in p.told]),
                json.dumps(p.helped),
            ),
        )
        if pause and len(p.log) > stored:  # the character's row is rewritten, its log is not
            print("in-save", flush=True)
            time.sleep(float(pause))
        db.executemany(
            "INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sid,
                    p.scenario,
                    step,
                    d.choice,
                    d.option,
                    d.number,
                    json.dumps(p.votes[step] if step < len(p.votes) else {}, sort_keys=True),
                )
                for step, d in enumerate(p.log)
            ],
        )

    def rename(self, name: str, new: str, _: Translate = _identity) -> str:
        listed = self.named(name, _)
        new = check_name(new, _)
        if self.unique_name(new, but=listed.id) != new:
            raise Refused(_("There is already a lesson named “{name}”.").format(name=new))
        with self.transaction() as db:
            db.execute("UPDATE sessions SET name = ? WHERE id = ?", (new, listed.id))
        return new

    def delete(self, name: str, _: Translate = _identity) -> None:
        listed = self.named(name, _)
        with self.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (listed.id,))

    def named(self, name: str, _: Translate) -> Listed:
        listed = self.find(name)
        if listed is None:
            raise Refused(_("There is no lesson named “{name}”.").format(name=name))
        return listed

    # --- portable files --------------------------------------------------------------------

    def export(self, name: str, _: Translate = _identity) -> dict:
        session = self.load(self.named(name, _).id)
        return to_portable(session)

    def import_file(self, path: Path, _: Translate = _identity) -> Session:
        """Read a session file into the store under a free name, or raise Refused."""
        session = read_portable(path, _)
        session.name = self.unique_name(session.name)
        session.id = None
        self.save(session)
        return session


def check_name(name: str, _: Translate = _identity) -> str:
    name = " ".join(name.split())
    if not name:
        raise Refused(_("A lesson needs a name, such as “6B Tuesday”."))
    if len(name) > NAME_LIMIT:
        raise Refused(_("A lesson's name has at most {n} characters.").format(n=NAME_LIMIT))
    return name


def to_portable(session: Session) -> dict:
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": _now(),
        "session": {
            "name": session.name,
            "created": session.created,
            "language": session.language,
            "region": session.region,
            "state": session.state,
            "current": session.current,
            "characters": [progress_to_dict(p) for p in session.characters],
        },
    }


def read_portable(path: Path, _: Translate = _identity) -> Session:
    """A session from an exported file; Refused, naming the file and the reason, if not."""

    def refuse(reason: str) -> Refused:
        return Refused(
            _("{file} cannot be imported: {reason}. Nothing was changed.").format(
                file=path, reason=reason
            )
        )

    try:
        data = json.loads(_read_small(path))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, Damaged) as exc:
        raise refuse(_("it is not a readable session file ({error})").format(error=exc)) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        if isinstance(data, dict) and "characters" in data:
            raise refuse(_("it is a lesson file of an older version of Max 24/7"))
        raise refuse(_("it is not a session file of Max 24/7"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse(_("it was written by an older version of Max 24/7"))
    if version > EXPORT_VERSION:
        raise refuse(_("it was written by a newer version of Max 24/7"))
    body = data.get("session")
    try:
        if not isinstance(body, dict):
            raise Damaged("no session")
        chars = body.get("characters")
        if not isinstance(chars, list) or not chars:
            raise Damaged("no characters")
        for key in ("name", "created", "language", "region", "state", "current"):
            if not isinstance(body.get(key), str):
                raise Damaged(f"no {key}")
        if body["state"] not in (PLAYING, FINISHED):
            raise Damaged("state")
        session = Session(
            [progress_from_dict(c) for c in chars],
            body["language"][:10],
            body["region"][:10],
            check_name(body["name"], _),
            body["created"][:40],
            body["state"],
            body["current"][:100],
        )
    except (Damaged, Refused) as exc:
        raise refuse(_("it is damaged ({error})").format(error=exc)) from None
    return session


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5)
    conn.execute("PRAGMA foreign_keys = ON")
    if path != MEMORY:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _damage(exc: sqlite3.Error) -> bool:
    """Whether an error means the file itself is bad (rather than the folder or a lock)."""
    text = str(exc).lower()
    return any(w in text for w in ("malformed", "not a database", "corrupt", "disk image"))


def _read_small(path: Path) -> str:
    """A file's text, refusing what is not a regular file (a FIFO would block) or too big."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Damaged("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise Damaged(f"{info.st_size} bytes, too big")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_FILE_BYTES + 1).decode("utf-8")
    finally:
        os.close(fd)


def _aside_name(path: Path, why: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.{why}-{stamp}")


def _set_aside(path: Path, reason: str, _: Translate, notes: list[str]) -> None:
    """Move a damaged database (and its journal, which belongs to it) out of the way."""
    aside = _aside_name(path, "damaged")
    os.replace(path, aside)
    journal = path.with_name(path.name + "-journal")
    if journal.exists():
        with contextlib.suppress(OSError):
            os.replace(journal, aside.with_name(aside.name + "-journal"))
    notes.append(
        _(
            "The saved lessons could not be read ({reason}); they were set aside as {file}. "
            "The game starts without them."
        ).format(reason=reason, file=aside)
    )
