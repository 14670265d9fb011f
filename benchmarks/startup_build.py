"""The ready folder against the game from source, measured in the same run on the same machine
(so the ratios, not the seconds, are the figures):

- start-up to the first frame: a process started, the title screen drawn (1280x720) and saved,
  the process gone: `max247-cli screenshot title` from the folder, `.venv/bin/max247 screenshot
  title` from source; a bare pygame-ce window for scale;
- size: the folder (and its zip, if built) against what running from source needs on disk:
  Python's own library, the game's four dependencies and the project's files.

    .venv/bin/python benchmarks/startup_build.py [--runs 7] [--dist dist]

Builds the folder first if it is not there. Runs headless (SDL's dummy driver). It prints
figures; it never fails: targets are judged by reading them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from importlib import metadata
from pathlib import Path

from max247.build import ROOT, build, console_program, folder_size, platform_name, ready_folder

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
BARE = (
    "import pygame; pygame.display.init(); s = pygame.display.set_mode((1280, 720)); "
    "s.fill((255, 248, 238)); pygame.display.flip()"
)


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=ENV, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def median_start(command: list[str], runs: int, cwd: Path) -> float:
    wall(command, cwd)  # a warm-up: both sides are measured with the files in the disk cache
    return statistics.median(wall(command, cwd) for _ in range(runs))


def source_size() -> int:
    """Python's standard library and runtime, the four dependencies, the project's files: the
    least a machine needs to run the game from source (pip and a venv come on top)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    total = sum(
        p.stat().st_size
        for p in stdlib.rglob("*")
        if p.is_file() and not {"site-packages", "test"} & set(p.relative_to(stdlib).parts)
    )  # without other packages and Python's own test suite
    libdir = Path(sysconfig.get_config_var("LIBDIR") or "")
    total += sum(p.stat().st_size for p in libdir.glob("libpython*") if p.is_file())
    total += Path(sys.executable).resolve().stat().st_size
    for name in ("pygame-ce", "PyYAML", "Babel", "platformdirs"):
        for file in metadata.distribution(name).files or []:
            path = Path(file.locate())
            if path.is_file():
                total += path.stat().st_size
    return total + sum(folder_size(ROOT / p) for p in ("max247", "scenarios", "locales", "data"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()

    folder = ready_folder(args.dist)
    if not console_program(folder).exists():
        built = build(args.dist, ROOT / "build" / "pyinstaller")
        print(f"built {folder} in {built.seconds:.0f} s")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        title = ["screenshot", "title", "--size", "1280x720", "-o", "title.png"]
        frozen = median_start([str(console_program(folder)), *title], args.runs, out)
        source_cli = Path(sys.executable).with_name("max247")
        source = median_start([str(source_cli), *title], args.runs, out)
        bare = median_start([sys.executable, "-c", BARE], args.runs, out)
    print(
        f"start-up to the first frame (median of {args.runs}): ready folder {frozen * 1000:.0f} ms,"
        f" from source {source * 1000:.0f} ms, ratio {frozen / source:.2f}; "
        f"bare pygame-ce {bare * 1000:.0f} ms (folder/bare {frozen / bare:.1f})"
    )

    size, from_source = folder_size(folder), source_size()
    line = (
        f"size on disk: ready folder {size / 2**20:.0f} MiB, from source {from_source / 2**20:.0f}"
        f" MiB (Python + dependencies + project), ratio {size / from_source:.2f}"
    )
    archive = args.dist / f"Max247-{platform_name()}.zip"
    if archive.exists():
        line += f"; download (zip) {archive.stat().st_size / 2**20:.0f} MiB"
    print(line)


if __name__ == "__main__":
    main()
