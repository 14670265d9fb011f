"""`max247 play FILE`: an educator plays the scenario they are writing, straight away.

When the file is saved, the game reloads it and replays the class's decisions to the same point.
A save that breaks the file shows the validator's messages on screen; the next good save
recovers, with the decisions replayed as far as the edited story still matches them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

from max247.input import Action
from max247.scenes.scene import Scene
from max247.session import Session
from max247.story.library import display_path
from max247.story.loader import read_scenario
from max247.ui import theme as th
from max247.ui.widgets import Canvas

CHECK_SECONDS = 0.5


class Watcher:
    def __init__(self, app, which: str | None, start_at: str | None) -> None:
        self.app = app
        self.which = which
        self.start_at = start_at
        self.path: Path | None = None
        self.mtime = 0.0
        self.checked = 0.0
        self.under: list[Scene] | None = None  # played from the game: the screens to go back to

    def begin(self) -> bool:
        which = self.which
        if which and not Path(which).is_file():
            s = self.app.library.scenarios.get(which)
            if s is None:
                print(f"max247 play: no scenario file or id '{which}'", file=sys.stderr)
                return False
            which = str(s.path)
        if not which:
            print(
                "max247 play: name a scenario file (or use `max247` for the whole game)",
                file=sys.stderr,
            )
            return False
        self.path = Path(which)
        self.mtime = self.path.stat().st_mtime
        return self.load(keep_log=False)

    def load(self, keep_log: bool) -> bool:
        assert self.path is not None
        loaded = read_scenario(self.path, display=display_path(self.path))
        if loaded.scenario is None:
            # in the teacher's language, as the heading over them is (the parser's own words too)
            messages = [f.render(self.app.interface) for f in loaded.errors]
            if not self.app.scenes:
                print("\n".join(messages), file=sys.stderr)
                return False
            self.app.push(BrokenFile(self.app, messages))
            return True
        s = loaded.scenario
        log = []
        mark = None
        if keep_log and self.app.session is not None:
            old = self.app.session.characters[0]
            log = list(old.log) if old.scenario == s.id else []
            mark = self.where() if old.scenario == s.id else None
        self.app.library.scenarios[s.id] = s
        self.app.session = Session.new([s], self.app.settings.language, self.app.settings.region)
        self.app.persist = False  # a preview never overwrites the teacher's saved lesson
        # `--from` holds across saves: the decisions replay from that passage, where they began
        start = self.start_at if self.start_at in s.passages else None
        story = {"scenario": s, "log": log or None, "start": start, "mark": mark}
        if self.under is None:
            self.app.reset("story", **story)
        else:  # over the screen it was opened from, which "Stop" and the menu lead back to
            self.app.scenes = list(self.under)
            self.app.push("story", **story)
        return True

    def where(self):
        """Where the writer is reading: the line on screen, or a card over it; None at a
        choice or an ending (the replay stops at the choice by itself)."""
        story = self.app.find("story")
        if story is None:
            return None
        top = self.app.top.screen
        if top == "broken-file":  # the save before broke the file: where it was under that
            top = self.app.scenes[-2].screen if len(self.app.scenes) > 1 else ""
        if top == "story":
            return story.here()
        if top in ("feedback", "help-card"):
            return story.here(card=True)
        return None

    def check(self) -> None:
        if self.under is not None and self.app.scenes and self.app.top in self.under:
            # the teacher left the story they played from the game: lessons are kept again
            self.app.watch = None
            self.app.persist = True
            self.app.session = None
            return
        if self.app.now - self.checked < CHECK_SECONDS or self.path is None:
            return
        self.checked = self.app.now
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            return  # an editor replacing the file: look again next time
        if mtime != self.mtime:
            self.mtime = mtime
            self.load(keep_log=True)


class BrokenFile(Scene):
    """The validator's messages over the story; the game goes on as it was under it."""

    screen = "broken-file"

    overlay = True

    def __init__(self, app, messages: list[str]) -> None:
        super().__init__(app)
        self.messages = messages

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.CONFIRM, Action.BACK):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = Canvas(surface, self.app.fonts, t, self.app.drawn)
        rect = pygame.Rect(t.margin, t.margin, t.width - 2 * t.margin, t.height - 2 * t.margin)
        pygame.draw.rect(surface, th.WHITE, rect, border_radius=t.radius)
        pygame.draw.rect(surface, th.WARM, rect, t.u(0.6), border_radius=t.radius)
        head = self.app._(
            "The scenario cannot be played as it is saved now. Fix it and save again:"
        )
        c.text(
            head + "\n\n" + "\n".join(self.messages),
            rect.inflate(-t.u(4), -t.u(4)),
            th.INK,
            size=t.small,
            min_size=t.small,
        )
