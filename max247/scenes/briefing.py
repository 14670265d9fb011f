"""Before a story, for the teacher: title, ages, minutes, the content warning and the goals.

From here the class starts the story, continues where it stopped, or, after an ending, goes
back to one of its decisions to try another way.
"""

from __future__ import annotations

import pygame

from max247.scenes.base import Item, Menu
from max247.story.model import Scenario
from max247.ui import draw
from max247.ui import theme as th


class BriefingScene(Menu):
    def __init__(self, app, scenario: Scenario) -> None:
        super().__init__(app)
        self.scenario = scenario
        _ = app._
        progress = app.session.progress(scenario.id)
        self.items = []
        if progress.started and not progress.ended and progress.log:
            self.items.append(Item(lambda: _("Continue the story"), self.resume, primary=True))
        if progress.ended and progress.log:
            self.items.append(
                Item(lambda: _("Go back to a decision"), self.decisions, primary=not progress.done)
            )
        self.items.append(
            Item(
                lambda: _("Start the story") if not progress.started else _("Start again"),
                self.start,
                primary=not self.items,
            )
        )
        self.items.append(Item(lambda: _("Back to the board"), self.back))

    def start(self) -> None:
        from max247.scenes.story import StoryScene

        self.app.replace(StoryScene(self.app, self.scenario))

    def resume(self) -> None:
        from max247.scenes.story import StoryScene

        log = self.app.session.progress(self.scenario.id).log
        self.app.replace(StoryScene(self.app, self.scenario, log))

    def decisions(self) -> None:
        from max247.scenes.ending import DecisionsScene

        self.app.push(DecisionsScene(self.app, self.scenario))

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        s = self.scenario
        c = self.canvas(surface)
        self.background(surface)
        pr = t.u(9)
        draw.portrait(surface, s.character, (t.margin + pr, t.u(3) + pr), pr)
        x = t.margin + 2 * pr + t.u(3)
        c.text(
            self.app.text(s, s.title),
            pygame.Rect(x, t.u(3), t.width - x - t.margin, t.title * 2),
            th.INK,
            size=t.title,
            style="bold",
            valign="center",
        )
        info = _("Ages {ages} · about {minutes} minutes with discussion").format(
            ages=s.ages, minutes=s.minutes
        )
        c.text(
            info,
            pygame.Rect(x, t.u(3) + t.title * 2, t.width - x - t.margin, t.body * 2),
            th.INK_SOFT,
        )
        y = t.u(3) + 2 * pr + t.u(2)
        # the content warning stands out: the teacher reads it before the class sees anything
        warn = pygame.Rect(t.margin, y, t.width - 2 * t.margin, t.body * 4)
        draw.panel(surface, warn, th.CAPTION, t.radius)
        label = _("For the teacher")
        c.text(
            label + " — " + self.app.text(s, s.content_warning),
            warn.inflate(-2 * t.u(2), -2 * t.u(1)),
            th.INK,
            valign="center",
        )
        y = warn.bottom + t.u(2)
        goals = "\n".join("• " + self.app.text(s, g) for g in s.goals)
        n = len(self.items)
        bh = round(t.body * 2.2)
        buttons_top = t.height - t.u(2) - c.line_height(t.small) - n * (bh + t.u(1.5))
        c.text(
            _("Goals") + "\n" + goals,
            pygame.Rect(t.margin, y, t.width - 2 * t.margin, buttons_top - y - t.u(1)),
            th.INK,
        )
        c.hint(_("You may stop at any time: press B for a blank screen."), t.height - t.u(0.5))
        w = min(t.width - 2 * t.margin, t.u(80))
        for i, item in enumerate(self.items):
            r = pygame.Rect(0, 0, w, bh)
            r.midtop = (t.width // 2, buttons_top + i * (bh + t.u(1.5)))
            item.rect = r
            c.button(item.label(), r, i == self.index, item.primary)
