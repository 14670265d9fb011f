"""A fuzzing campaign: every target in turn for a share of the time, keeping what it finds.

    scripts/fuzz                      # 30 minutes over every target
    scripts/fuzz --minutes 5 loader   # one target for 5 minutes

Each target runs under atheris (coverage-guided, libFuzzer) in ONE process at a time, seeded from
tests/fuzz/corpus/TARGET (shipped scenarios, plans, catalogs and settings) plus the inputs found
by earlier runs in .fuzz/corpus/TARGET. A crash (any exception other than the reader's own
refusal, or an input slower than --timeout seconds) is copied to tests/fuzz/crashes/TARGET/,
where tests/test_fuzz.py replays it for good; the fuzzer then starts again and goes on. At the
end, inputs that reach new code are merged into the kept corpus, and the number of inputs run
is printed per target.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent.parent
sys.path.insert(0, str(FUZZ))

from targets import CORPUS, CRASHES, TARGETS  # noqa: E402

WORK = ROOT / ".fuzz"
DICTIONARY = {
    "yaml_c": "yaml.dict",
    "yaml_pure": "yaml.dict",
    "loader": "yaml.dict",
    "validator": "yaml.dict",
    "plan": "yaml.dict",
    "condition": "condition.dict",
    "po": "po.dict",
    "settings": "settings.dict",
}
# Longest input per target: whole scenarios for the loader and the validator (the flow checks
# need a story that reads), shorter ones where the instrumented pure-Python code is slow.
MAX_LEN = {
    "yaml_c": 16384,
    "yaml_pure": 4096,
    "loader": 65536,
    "validator": 65536,
    "plan": 4096,
    "condition": 1024,
    "po": 8192,
    "settings": 4096,
}
_RUNS = re.compile(r"^#(\d+)\s", re.M)


def fuzz_one(name: str, seconds: float, timeout: int, log) -> tuple[int, list[Path]]:
    """Run one target for `seconds`, restarting after each crash; (inputs run, crashes kept)."""
    work = WORK / "corpus" / name
    artifacts = WORK / "artifacts" / name
    work.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    seeds = CORPUS / name
    ran = 0
    found: list[Path] = []
    end = time.monotonic() + seconds
    while (left := int(end - time.monotonic())) > 0:
        before = set(artifacts.iterdir())
        flags = [
            f"-max_total_time={left}",
            f"-timeout={timeout}",
            "-rss_limit_mb=2048",
            f"-max_len={MAX_LEN[name]}",
            f"-artifact_prefix={artifacts}/",
            "-print_final_stats=1",
        ]
        if (FUZZ / DICTIONARY[name]).exists():
            flags.append(f"-dict={FUZZ / DICTIONARY[name]}")
        cmd = [sys.executable, str(FUZZ / "run.py"), name, *flags, str(work), str(seeds)]
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
        out = proc.stdout + proc.stderr
        log.write(out)
        log.flush()
        runs = [int(n) for n in _RUNS.findall(out)]
        stat = re.search(r"stat::number_of_executed_units:\s*(\d+)", out)
        ran += int(stat.group(1)) if stat else (max(runs) if runs else 0)
        new = sorted(set(artifacts.iterdir()) - before)
        for crash in new:
            keep = CRASHES / name / crash.name
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(crash, keep)
            found.append(keep)
            tail = out[out.rfind("Traceback") :][:1500] if "Traceback" in out else out[-1500:]
            print(f"  {name}: CRASH kept as {keep.relative_to(ROOT)}\n{tail}", flush=True)
        if proc.returncode != 0 and not new:
            print(f"  {name}: the fuzzer stopped ({proc.returncode}):\n{out[-1500:]}", flush=True)
            break
    return ran, found


def _env() -> dict[str, str]:
    """libFuzzer starts run.py again by its own name to merge: with our Python first on PATH,
    its `#!/usr/bin/env python3` line finds the interpreter that has atheris."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def merge(name: str) -> int:
    """Inputs of this run that reach code the kept corpus does not: added to it."""
    seeds = CORPUS / name
    before = len(list(seeds.iterdir()))
    cmd = [
        sys.executable,
        str(FUZZ / "run.py"),
        name,
        "-merge=1",
        "-timeout=10",
        "-max_len=65536",
        str(seeds),
        str(WORK / "corpus" / name),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, errors="replace", env=_env())
    if done.returncode != 0:
        print(f"  {name}: the merge failed:\n{(done.stdout + done.stderr)[-1500:]}", flush=True)
    return len(list(seeds.iterdir())) - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/fuzz", description=__doc__.split("\n")[0])
    parser.add_argument(
        "targets",
        nargs="*",
        choices=[[], *TARGETS],
        default=[],
        metavar="TARGET",
        help=f"some of: {', '.join(TARGETS)} (default: all)",
    )
    parser.add_argument("--minutes", type=float, default=30, help="in all (default: 30)")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take")
    parser.add_argument("--no-merge", action="store_true", help="keep the corpus as it is")
    parser.add_argument(
        "--merge-only", action="store_true", help="only merge what earlier runs found"
    )
    args = parser.parse_args(argv)
    names = args.targets or list(TARGETS)
    share = args.minutes * 60 / len(names)
    WORK.mkdir(exist_ok=True)
    total = 0
    crashes: list[Path] = []
    with (WORK / "fuzz.log").open("a", encoding="utf-8") as log:
        for name in names:
            if args.merge_only:
                print(f"{name:10} {merge(name)} input(s) added to the corpus", flush=True)
                continue
            started = time.monotonic()
            ran, found = fuzz_one(name, share, args.timeout, log)
            added = 0 if args.no_merge else merge(name)
            total += ran
            crashes += found
            print(
                f"{name:10} {ran:10,} inputs in {time.monotonic() - started:6.0f} s, "
                f"{len(found)} crash(es), {added} input(s) added to the corpus",
                flush=True,
            )
    print(f"{'in all':10} {total:10,} inputs, {len(crashes)} crash(es)")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
