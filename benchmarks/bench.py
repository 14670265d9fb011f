"""Every speed and memory figure of issue 19, each a ratio against a baseline measured in the
same run, side by side (game, baseline, game, baseline, ...), the median of several runs, with
its goal and whether it is met. Whole processes where the figure is about a process.

    scripts/bench                    # everything (about 10 minutes on a busy 2-core machine)
    scripts/bench --runs 3 --only startup,memory
    scripts/bench --stories 200      # a smaller generated library

Headless (SDL's dummy video driver) unless SDL_VIDEODRIVER is set. It prints figures and never
fails: a figure that misses its goal says so, and the README says why.

- start-up: `max247 game --first-frame` (the title screen drawn and shown, then exit) against
  a bare pygame-ce program that opens a window and draws one line of text (goal <= 1.5x);
- memory: peak resident memory of the game with every shipped story read, against the bare
  program (goal <= 1.5x);
- frame: one frame while a message animates on the story screen at 1920x1080 and 3840x2160,
  against a full-screen blit and flip of the same size (goal <= 2x);
- idle: CPU while each still screen waits for input, against a bare `pygame.event.wait` loop
  (goal <= 1.1x);
- validate: `max247 validate` on a generated library (1,000 stories of 50 passages), against
  PyYAML's C loader reading the same files in a process of its own (goal <= 3x);
- flags: a story with 25 flags and 500 lines of narration between choices is proved or
  bounded (W401) within 2 s (an absolute goal: the proof's own bound);
- library: the game's start (as above) with 1,000 stories in the teacher's library against 9,
  the validation cache warm (goal <= 1.1x).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import storygen  # noqa: E402

PY = sys.executable

BARE = """
import pygame
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((255, 248, 238))
font = pygame.font.Font(None, 48)
screen.blit(font.render("Max 24/7", True, (40, 40, 40)), (40, 40))
pygame.display.flip()
"""

GAME_MEMORY = """
import pygame
from max247.app import App
from max247.scenes.title import TitleScene
from max247.settings import load_settings
settings, _ = load_settings()
app = App(settings, size=(1280, 720))
app.push(TitleScene(app))
app.step()
stories = [app.library.scenarios[i] for i in list(app.library.scenarios)]
assert len(stories) >= 9, len(stories)
"""

VALIDATE_BASE = """
import sys, yaml
from pathlib import Path
for p in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with p.open("rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""

FRAME = """
import json, sys, time
import pygame
from max247.input import Action
from max247.pilot import Pilot
from max247.screenshots import navigate
from max247.scenes.story import StoryScene

w, h, frames = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
pilot = Pilot((w, h))
navigate(pilot, "story", sorted(pilot.app.library.scenarios)[0], [], 0)
app = pilot.app
story = app.find(StoryScene)
for _ in range(30):  # on to a message from someone else: the one whose typing animates
    last = story.shown[-1] if story.shown else None
    if last is not None and last.speaker not in (None, story.scenario.character):
        break
    pilot.press(Action.NEXT)
assert story is not None and app.top is story
app.headless = False
full = pygame.Surface((w, h)).convert()
full.fill((200, 180, 160))
screen = pygame.display.get_surface()

def base():
    t = time.perf_counter()
    screen.blit(full, (0, 0))
    pygame.display.flip()
    return time.perf_counter() - t

def game(now):
    story.typing_until = now + 10.0  # a message is being typed: the screen moves
    t = time.perf_counter()
    moving = app.step(now)
    assert moving
    return time.perf_counter() - t

now = time.monotonic()
g, b = [], []
for i in range(frames):  # side by side, frame by frame
    now += 0.016
    g.append(game(now))
    b.append(base())
print(json.dumps([sorted(g)[len(g) // 2], sorted(b)[len(b) // 2]]))
"""

IDLE_BASE = """
import resource, sys, time, pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720)); screen.fill((0, 0, 0)); pygame.display.flip()
end = time.monotonic() + float(sys.argv[1])
r0 = resource.getrusage(resource.RUSAGE_SELF)
while time.monotonic() < end:
    pygame.event.wait(1000)
r1 = resource.getrusage(resource.RUSAGE_SELF)
print((r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime))
"""

IDLE_GAME = """
import resource, sys, time
from max247.pilot import Pilot
from max247.screenshots import navigate
seconds, screen = float(sys.argv[1]), sys.argv[2]
pilot = Pilot((1280, 720))
navigate(pilot, screen, sorted(pilot.app.library.scenarios)[0], [], 0)
app = pilot.app
app.headless = False
app.now = time.monotonic()
app.step()
_ = app.directory  # read once after the first frame (the loop does it): not idle work
app.step()  # a screen that asked for one more frame (a scroll set while drawing) draws it
end = time.monotonic() + seconds
r0 = resource.getrusage(resource.RUSAGE_SELF)
def stop():
    if time.monotonic() >= end:
        app.running = False
app.watch = stop
app._loop()
r1 = resource.getrusage(resource.RUSAGE_SELF)
print((r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime))
"""

FLAGS = """
import json, sys, time
from pathlib import Path
from max247.story.loader import read_scenario
t, cpu = time.perf_counter(), time.process_time()
loaded = read_scenario(Path(sys.argv[1]))
wall, cpu = time.perf_counter() - t, time.process_time() - cpu
codes = sorted({f.code for f in loaded.findings})
print(json.dumps([wall, cpu, codes]))
"""

IDLE_SCREENS = ("title", "setup", "board", "briefing", "story", "choice", "pause", "blank")


class Bench:
    def __init__(self, runs: int, work: Path) -> None:
        self.runs = runs
        self.work = work
        self.rows: list[tuple[str, float, float, float, str, str]] = []
        home = work / "home"
        self.env = {
            **os.environ,
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
            "SDL_AUDIODRIVER": "dummy",
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
        }
        self.env.setdefault("SDL_VIDEODRIVER", "dummy")
        self.bare = work / "bare.py"
        self.bare.write_text(BARE, encoding="utf-8")

    # --- running ------------------------------------------------------------------------

    def data_home(self, name: str, libraries: list[str]) -> dict[str, str]:
        """An environment whose teacher has played before (no first-start questions) and
        has these libraries of their own."""
        data = self.work / "home" / name
        (data / "max247").mkdir(parents=True, exist_ok=True)
        settings = {"language": "nl", "region": "be", "libraries": libraries}  # a Flemish class
        (data / "max247" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        return {**self.env, "XDG_DATA_HOME": str(data)}

    def process(self, args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
        """Wall seconds and peak resident MiB of a whole process."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            args, env=env or self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out, err = proc.communicate()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):  # validate says 1 when it finds errors
            raise SystemExit(f"{' '.join(args)} failed:\n{err.decode(errors='replace')}")
        self.last_out = out.decode(errors="replace")
        return wall, usage.ru_maxrss / 1024  # KiB on Linux

    def script(self, code: str, *args: object, env: dict[str, str] | None = None) -> object:
        out = subprocess.run(
            [PY, "-c", textwrap.dedent(code), *map(str, args)],
            env=env or self.env,
            capture_output=True,
            text=True,
        )
        if out.returncode:
            raise SystemExit(out.stderr)
        return json.loads(out.stdout.strip().splitlines()[-1])

    def side_by_side(self, game, base) -> tuple[float, float]:
        g, b = [], []
        for _ in range(self.runs):
            g.append(game())
            b.append(base())
        return statistics.median(g), statistics.median(b)

    def row(
        self, what: str, game: float, base: float, goal: float, unit: str, note: str = ""
    ) -> None:
        ratio = game / base if base else float("inf")
        self.rows.append((what, game, base, goal, unit, note))
        verdict = "met" if ratio <= goal else f"MISSED by {ratio / goal:.2f}x"
        print(
            f"{what:44} {ratio:6.2f}x  goal <= {goal:g}x  {verdict:17} "
            f"(game {game:.4g} {unit}, baseline {base:.4g} {unit}){' ' + note if note else ''}",
            flush=True,
        )

    # --- the figures -----------------------------------------------------------------------

    def startup_and_memory(self, only: set[str]) -> None:
        env = self.data_home("start", [])
        game = [PY, "-m", "max247", "game", "--size", "1280x720", "--first-frame"]
        self.process(game, env)  # fills the validation cache: a teacher's second start
        if "startup" in only:
            g, b = self.side_by_side(
                lambda: self.process(game, env)[0], lambda: self.process([PY, str(self.bare)])[0]
            )
            self.row("start-up to the first frame", g, b, 1.5, "s")
        if "memory" in only:
            mem = self.work / "memory.py"
            mem.write_text(GAME_MEMORY, encoding="utf-8")
            g, b = self.side_by_side(
                lambda: self.process([PY, str(mem)], env)[1],
                lambda: self.process([PY, str(self.bare)])[1],
            )
            self.row("peak memory, every shipped story read", g, b, 1.5, "MiB")

    def frame(self) -> None:
        for w, h in ((1920, 1080), (3840, 2160)):
            results = [self.script(FRAME, w, h, 60) for _ in range(self.runs)]
            g = statistics.median(r[0] for r in results)
            b = statistics.median(r[1] for r in results)
            self.row(f"frame while a message animates, {w}x{h}", g * 1000, b * 1000, 2, "ms")

    def idle(self, seconds: float) -> None:
        base = statistics.median(self.script(IDLE_BASE, seconds) for _ in range(self.runs))
        for screen in IDLE_SCREENS:
            g = statistics.median(self.script(IDLE_GAME, seconds, screen) for _ in range(self.runs))
            # CPU seconds over `seconds` of waiting; a floor of 1 ms keeps 0/0 a ratio of 1
            self.row(
                f"idle CPU, {screen} screen ({seconds:g} s)",
                max(g, 0.001) * 1000,
                max(base, 0.001) * 1000,
                1.1,
                "ms CPU",
            )

    def validate(self, library: Path) -> None:
        base = [PY, "-c", VALIDATE_BASE, str(library)]
        game = [PY, "-m", "max247", "validate", str(library)]
        g, b = self.side_by_side(lambda: self.process(game)[0], lambda: self.process(base)[0])
        n = len(list(library.glob("*.yaml")))
        self.row(f"validate {n} stories x 50 passages", g, b, 3, "s", "(vs C loader read)")

    def flags(self) -> None:
        path = self.work / "many-flags.yaml"
        path.write_text(storygen.flags_story(25, 500), encoding="utf-8")
        results = [self.script(FLAGS, path) for _ in range(self.runs)]
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[1] for r in results)
        proved = "bounded (W401)" if "W401" in results[0][2] else "proved"
        verdict = "met" if cpu <= 2 else f"MISSED by {cpu / 2:.2f}x"
        print(
            f"{'25 flags, 500 lines between choices':44} {cpu:6.2f} s CPU  goal <= 2 s  "
            f"{verdict:17} ({proved}; {wall:.2f} s wall)",
            flush=True,
        )

    def library_start(self, small: Path, big: Path) -> None:
        game = [PY, "-m", "max247", "game", "--size", "1280x720", "--first-frame"]
        env_small = self.data_home("small", [str(small)])
        env_big = self.data_home("big", [str(big)])
        cold, _ = self.process(game, env_big)  # validates the 1,000 once: the cache fills
        self.process(game, env_small)
        g, b = self.side_by_side(
            lambda: self.process(game, env_big)[0], lambda: self.process(game, env_small)[0]
        )
        n = len(list(big.glob("*.yaml")))
        self.row(
            f"start with {n} stories in the library vs 9",
            g,
            b,
            1.1,
            "s",
            f"(cache warm; the first start validated them in {cold:.1f} s)",
        )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load:.1f} at the start"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (median)")
    parser.add_argument("--stories", type=int, default=1000, help="the generated library's size")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument(
        "--only",
        default="startup,memory,frame,idle,validate,flags,library",
        help="a comma-separated choice of the figures",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    print(machine(), flush=True)
    work = Path(tempfile.mkdtemp(prefix="max247-bench-"))
    try:
        bench = Bench(args.runs, work)
        if only & {"startup", "memory"}:
            bench.startup_and_memory(only)
        if "frame" in only:
            bench.frame()
        if "idle" in only:
            bench.idle(args.idle_seconds)
        if only & {"validate", "library"}:
            big = storygen.write_library(work / "big", args.stories)
            small = storygen.write_library(work / "small", 9)
            if "validate" in only:
                bench.validate(big)
            if "library" in only:
                bench.library_start(small, big)
        if "flags" in only:
            bench.flags()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
