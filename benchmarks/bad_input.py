"""How fast, and in how little memory, bad input is refused: an alias bomb, a huge file, deep
nesting, random bytes. Each must be refused within a second with a small peak of memory.

    .venv/bin/python benchmarks/bad_input.py
"""

from __future__ import annotations

import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from max247.story.findings import ScenarioError
from max247.story.loader import read_scenario
from max247.story.yamlread import MAX_BYTES


def cases() -> dict[str, bytes]:
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        bomb.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return {
        "alias bomb (9^10 nodes)": "\n".join(bomb).encode(),
        "file over the size limit": b"a: " + b"x" * (MAX_BYTES + 1),
        "file just under the limit": b"a: " + b"x" * (MAX_BYTES - 10),
        "nesting 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
        "random bytes, 1 MB": os.urandom(1_000_000),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, raw in cases().items():
            path = Path(tmp) / "case.yaml"
            path.write_bytes(raw)
            tracemalloc.start()
            start = time.perf_counter()
            try:
                loaded = read_scenario(path)
                codes = sorted({f.code for f in loaded.findings})
            except ScenarioError as exc:  # never expected: the loader returns findings
                codes = ["raised " + exc.findings[0].code]
            elapsed = time.perf_counter() - start
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"{name:28} {elapsed * 1000:8.1f} ms  peak {peak / 1e6:7.1f} MB  {' '.join(codes)}"
            )


if __name__ == "__main__":
    main()
