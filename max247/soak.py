"""The soak: play every story in every language for a long time, and watch the memory.

An event laptop runs the game all day, so a leak that costs a kilobyte a story matters there and
nowhere else. `scripts/soak MINUTES` drives the game through the pilot (no window, simulated
time) with what a class and a teacher do at random: read on, choose, go back, pause, blank the
screen, switch language, change the text size, resize the window, reload the library. Each round
plays one story in one language; the rounds go through every (story, language) pair in turn, then
start over. It prints the process's memory over time and the slope of a straight line through
it (least squares, the first tenth of the run left out as warming up), and stops at the first
exception with its traceback (exit 1).

    scripts/soak 30            # half an hour
    python -m max247.soak 0.2 --seed 3 --every 2
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import resource
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from max247.input import CHOOSE, Action, screen_keys
from max247.pilot import Pilot
from max247.story.model import LANGUAGES

SIZES = ((1024, 768), (1280, 720), (1920, 1080), (800, 600))
MAX_STEPS = 400  # actions in one round: every shipped story ends well within it


def rss_mib() -> float:
    """The memory the process holds now (resident set), in MiB; the peak where /proc is not."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (x, y) points; 0 for fewer than two distinct x."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in points) / sxx


@dataclass
class Report:
    rounds: int = 0
    actions: int = 0
    played: set[tuple[str, str]] = field(default_factory=set)  # (story, language)
    samples: list[tuple[float, float]] = field(default_factory=list)  # (minutes, MiB)

    def slope(self, after: float = 0.1) -> float:
        """MiB a minute, after the first tenth of the run (imports, caches filling), or after
        another part of it."""
        if not self.samples:
            return 0.0
        end = self.samples[-1][0]
        return slope([p for p in self.samples if p[0] >= end * after])


class Soak:
    def __init__(self, seed: int = 0) -> None:
        self.random = random.Random(seed)
        self.pilot = Pilot((1280, 720))
        self.report = Report()
        self.pairs: Iterator[tuple[str, str]] = itertools.cycle(
            [(s, lang) for s in sorted(self.pilot.app.library.scenarios) for lang in LANGUAGES]
        )

    def round(self) -> None:
        """One story in one language, from the board to its ending (or MAX_STEPS actions)."""
        story, language = next(self.pairs)
        app = self.pilot.app
        app.set_language(language)
        self.pilot.lesson(story)
        self.report.played.add((story, language))
        for _ in range(MAX_STEPS):
            if self.finished(story):
                break
            self.act(story)
            self.report.actions += 1
        self.report.rounds += 1

    def finished(self, story: str) -> bool:
        from max247.scenes.board import BoardScene

        app = self.pilot.app
        session = app.session
        if session is None or not app.scenes:
            return True
        return isinstance(app.top, BoardScene) and session.progress(story).ended

    def act(self, story: str) -> None:
        """One thing a class or a teacher does, chosen at random for the screen on top."""
        from max247.scenes.board import BoardScene
        from max247.scenes.choice import ChoiceScene

        pilot, app = self.pilot, self.pilot.app
        top = app.top
        roll = self.random.random()
        extras: list[tuple[float, Callable[[], object]]] = [
            (0.03, lambda: pilot.press(Action.PAUSE, Action.PAUSE)),  # the menu, and back
            (0.02, lambda: pilot.press(Action.BLANK, Action.NEXT)),  # the safe exit, and back
            (0.02, lambda: pilot.press(Action.KEYS, Action.KEYS)),
            (0.02, self.switch_language),
            (0.02, self.resize),
            (0.01, lambda: pilot.press(Action.TEXT_SCALE)),
            (0.01, self.reload),
        ]
        for chance, do in extras:
            if roll < chance:
                do()
                return
            roll -= chance
        if isinstance(top, BoardScene):
            # the story's card: briefing, then the story (or the ending it reached)
            top.index = 0
            pilot.press(Action.CONFIRM)
        elif isinstance(top, ChoiceScene):
            if self.random.random() < 0.1:
                pilot.press(Action.BACK)
            else:
                numbers = [o.number for o in top.offered.options]
                pilot.press(CHOOSE[self.random.choice(numbers) - 1])
        elif self.random.random() < 0.08:
            pilot.press(Action.BACK)
        elif screen_keys(top.screen) == "menu":
            pilot.press(Action.CONFIRM)
        else:
            pilot.press(Action.NEXT)

    def switch_language(self) -> None:
        self.pilot.app.set_language(self.random.choice(LANGUAGES))
        self.pilot.step()

    def resize(self) -> None:
        import pygame

        pygame.display.set_mode(self.random.choice(SIZES), pygame.RESIZABLE)
        self.pilot.app.resized()
        self.pilot.step()

    def reload(self) -> None:
        """Read the libraries again, as after a teacher added one; the lesson goes on with the
        stories read now (the old ones must then be freed)."""
        app = self.pilot.app
        app.library = app.load_library()
        self.pilot.step()


def soak(
    minutes: float, seed: int = 0, every: float = 30.0, say: Callable[[str], None] = print
) -> Report:
    """Play for `minutes`, saying the memory every `every` seconds; exceptions propagate."""
    s = Soak(seed)
    start = time.monotonic()
    end = start + minutes * 60
    next_sample = start
    while True:
        now = time.monotonic()
        if now >= next_sample or now >= end:
            gc.collect()
            mib = rss_mib()
            s.report.samples.append(((now - start) / 60, mib))
            say(
                f"{(now - start) / 60:7.2f} min  {mib:7.1f} MiB  rounds {s.report.rounds:5d}  "
                f"actions {s.report.actions:7d}  slope {s.report.slope():+.3f} MiB/min"
            )
            next_sample = now + every
        if now >= end:
            break
        s.round()
    return s.report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("minutes", type=float, help="how long to play")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    args = parser.parse_args(argv)
    try:
        report = soak(args.minutes, args.seed, args.every, lambda line: print(line, flush=True))
    except Exception:
        traceback.print_exc()
        print("soak: stopped by the exception above", flush=True)
        return 1
    stories = {s for s, _ in report.played}
    first, last = report.samples[0][1], report.samples[-1][1]
    print(
        f"played {report.rounds} rounds, {report.actions} actions, {len(stories)} stories in "
        f"{len({lang for _, lang in report.played})} languages ({len(report.played)} pairs); "
        f"memory {first:.1f} -> {last:.1f} MiB, slope {report.slope():+.3f} MiB/min after "
        f"the first tenth, {report.slope(0.5):+.3f} MiB/min over the second half",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
