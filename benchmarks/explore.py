"""How long the explorer (max247.story.explore) takes, per shipped story and on the three stories
of issue 10, against reading the same file without the whole-story checks, measured in the same
run (so the ratio, not the seconds, is the figure). Also how many states a second it explores on
a story that has too many (a number the class can raise and lower at will).

    .venv/bin/python benchmarks/explore.py

It prints figures; it never fails: targets (a refusal within a second; the shipped library well
inside the 2 s bound per story) are judged by reading them.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from max247 import paths
from max247.story.explore import explore
from max247.story.library import scenario_files
from max247.story.loader import read_scenario

ROOT = Path(__file__).resolve().parent.parent
ISSUE_10 = ["E401-number-lowered-in-a-loop", "E308-loop-condition-stays-true", "E308-counter-loop"]


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"{'story':34} {'states':>7} {'read ms':>8} {'whole ms':>9} {'ratio':>6}")
    files = scenario_files(paths.SCENARIOS) + [
        ROOT / "tests" / "corpus" / f"{n}.yaml" for n in ISSUE_10
    ]
    for path in files:
        loaded = read_scenario(path, whole=False)
        states = explore(loaded.scenario).states if loaded.scenario else 0
        read = best(lambda p=path: read_scenario(p, whole=False))
        whole = best(lambda p=path: read_scenario(p))
        print(
            f"{path.stem:34} {states:7} {read * 1000:8.1f} {whole * 1000:9.1f} {whole / read:6.1f}"
        )
    from tests.scenario_text import UNBOUNDED, scenario

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "unbounded.yaml"
        path.write_text(scenario(UNBOUNDED), encoding="utf-8")
        s = read_scenario(path, whole=False).scenario
        start, cpu = time.perf_counter(), time.process_time()
        found = explore(s, max_states=20_000, max_seconds=600)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"unbounded counter: {found.states} states in {seconds:.2f} s, {cpu:.2f} s of CPU "
            f"({found.states / cpu:,.0f} states per CPU second), stopped by {found.stopped}"
        )


if __name__ == "__main__":
    main()
