"""Start-up to the first frame, and idle CPU on the board, each against a bare pygame-ce program
measured in the same run on the same machine (so the ratio, not the seconds, is the figure).

    .venv/bin/python benchmarks/startup_idle.py [--idle-seconds 5] [--runs 5]

Runs headless (SDL's dummy video driver) unless DISPLAY or a driver is set. It prints figures;
it never fails: targets are judged by reading them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import textwrap

ENV = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1", "SDL_AUDIODRIVER": "dummy"}
ENV.setdefault("SDL_VIDEODRIVER", "dummy")

BARE_START = """
import time
t0 = time.perf_counter()
import pygame
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((255, 248, 238)); pygame.display.flip()
print(time.perf_counter() - t0)
"""

GAME_START = """
import time
t0 = time.perf_counter()
from max247.app import App
from max247.settings import Settings
from max247.scenes.title import TitleScene
import pygame
app = App(Settings(), size=(1280, 720))
app.push(TitleScene(app))
app.step(); pygame.display.flip()
print(time.perf_counter() - t0)
"""

BARE_IDLE = """
import resource, time, pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720)); screen.fill((0, 0, 0)); pygame.display.flip()
end = time.monotonic() + {seconds}
r0 = resource.getrusage(resource.RUSAGE_SELF)
while time.monotonic() < end:
    pygame.event.wait(1000)
r1 = resource.getrusage(resource.RUSAGE_SELF)
print((r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime))
"""

GAME_IDLE = """
import resource, time
from max247.pilot import Pilot
import pygame
pilot = Pilot((1280, 720))
pilot.app.headless = False
ids = sorted(pilot.app.library.scenarios)[:6]
pilot.lesson(*ids)
app = pilot.app
end = time.monotonic() + {seconds}
r0 = resource.getrusage(resource.RUSAGE_SELF)
def stop():
    if time.monotonic() >= end:
        app.running = False
app.watch = stop
app.run()
r1 = resource.getrusage(resource.RUSAGE_SELF)
print((r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime))
"""


def run(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=ENV, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    args = parser.parse_args()

    bare = statistics.median(run(BARE_START) for _ in range(args.runs))
    game = statistics.median(run(GAME_START) for _ in range(args.runs))
    print(
        f"start-up to first frame (imports included): game {game * 1000:.0f} ms, "
        f"bare pygame-ce {bare * 1000:.0f} ms, ratio {game / bare:.1f}"
    )

    s = args.idle_seconds
    bare_cpu = run(BARE_IDLE.format(seconds=s))
    game_cpu = run(GAME_IDLE.format(seconds=s))
    print(
        f"idle CPU on the board over {s:.0f} s: game {game_cpu / s * 100:.2f}% of a core, "
        f"bare pygame-ce {bare_cpu / s * 100:.2f}%, ratio {game_cpu / max(bare_cpu, 1e-3):.1f} "
        f"(CPU seconds: {game_cpu:.3f} vs {bare_cpu:.3f})"
    )


if __name__ == "__main__":
    main()
