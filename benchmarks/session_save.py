"""How long saving a class's decision takes: the SQLite transaction (journal_mode=DELETE,
synchronous=FULL) against the JSON file of earlier versions (a temporary file and a rename, which
never called fsync) and that same write made durable with fsync, measured in the same run on the
same disk, as ratios.

    .venv/bin/python benchmarks/session_save.py [FOLDER]

FOLDER defaults to a temporary folder; give a network folder to measure a school's profile.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from max247 import paths
from max247.session import Session, progress_to_dict
from max247.settings import write_atomic
from max247.store import Store
from max247.story.library import load_library
from max247.story.runtime import Decision

DECISIONS = 200


def lesson() -> Session:
    library = load_library([paths.SCENARIOS])
    chosen = [library.scenarios[i] for i in sorted(library.scenarios)[:5]]
    return Session.new(chosen, "nl", "be", "bench")


def old_json(session: Session) -> str:
    """What earlier versions wrote after every decision: the whole session as JSON."""
    data = {
        "version": 1,
        "characters": [progress_to_dict(p) for p in session.characters],
        "language": session.language,
        "region": session.region,
    }
    return json.dumps(data, indent=1, ensure_ascii=False)


def write_synced(path: Path, text: str) -> None:
    """The old write made durable: what surviving a power cut would have cost it."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def timed(save, session: Session) -> list[float]:
    p = session.characters[0]
    p.log.clear()
    p.votes.clear()
    times = []
    for n in range(DECISIONS):
        p.log.append(Decision(f"passage/{n}", f"option-{n}", 1))
        p.votes.append({f"option-{n}": 12, "other": 7})
        start = time.perf_counter()
        save(session, p.scenario)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory(dir=sys.argv[1] if len(sys.argv) > 1 else None) as tmp:
        folder = Path(tmp)
        session = lesson()
        store = Store.open(folder)
        sqlite_ms = timed(store.save, session)
        legacy = folder / "session.json"
        json_ms = timed(lambda s, _scenario: write_atomic(legacy, old_json(s)), session)
        synced_ms = timed(lambda s, _scenario: write_synced(legacy, old_json(s)), session)
        store.close()
    for name, ms in (
        ("SQLite, one transaction", sqlite_ms),
        ("JSON, temp file + rename", json_ms),
        ("JSON, + fsync (durable)", synced_ms),
    ):
        print(
            f"{name:26} median {statistics.median(ms):6.2f} ms  "
            f"p95 {sorted(ms)[int(len(ms) * 0.95)]:6.2f} ms  per decision ({DECISIONS} decisions)"
        )
    for name, ms in (("the old JSON write", json_ms), ("a durable JSON write", synced_ms)):
        ratio = statistics.median(sqlite_ms) / statistics.median(ms)
        print(f"ratio SQLite / {name} (median): {ratio:.2f}")


if __name__ == "__main__":
    main()
