"""Before a story: title, ages, minutes, the character's problem and the goals.

The content warning and the notes are for the teacher: they are shown on request ("For the
teacher", or F2), never projected by default.

From here the class starts the story, continues where it stopped, or, after an ending, goes
back to one of its decisions to try another way.
"""

from __future__ import annotations

import pygame

from max247.scenes.base import Item, Menu
from max247.story.model import Scenario
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import wrap


class BriefingScene(Menu):
    screen = "briefing"

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
        self.items.append(Item(lambda: _("For the teacher"), self.teacher))
        self.items.append(Item(lambda: _("Back to the board"), self.back))
        self.goal_page = 0
        self.goal_pages = 1

    def more(self) -> None:
        """Long goals are paged on a small screen: this item turns the page."""
        self.goal_page = (self.goal_page + 1) % self.goal_pages

    def start(self) -> None:
        self.app.replace("story", scenario=self.scenario)

    def resume(self) -> None:
        assert self.app.session is not None  # resuming is offered in a lesson only
        log = self.app.session.progress(self.scenario.id).log
        self.app.replace("story", scenario=self.scenario, log=log)

    def decisions(self) -> None:
        self.app.push("decisions", scenario=self.scenario)

    def back(self) -> None:
        self.app.pop()

    def teacher(self) -> None:
        self.app.push("teacher", scenario=self.scenario)

    def read_aloud(self) -> list[str]:
        """The story's title, the character's problem and the goals, as the class sees them
        (the teacher's notes stay behind "For the teacher")."""
        s = self.scenario
        name = self.app.text(s, s.characters[s.character].name)
        lines = [self.app.text(s, s.title)]
        if s.problem:
            lines.append(f"{name}: {self.app.text(s, s.problem)}")
        return [*lines, self.app._("Goals"), *(self.app.text(s, g) for g in s.goals)]

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        s = self.scenario
        c = self.canvas(surface)
        drawn_before = c.mark()
        self.background(surface)
        pr = t.u(9)
        draw.portrait(surface, s.character, (t.margin + pr, t.u(3) + pr), pr)
        x = t.margin + 2 * pr + t.u(3)
        y = t.u(3)
        title = self.app.text(s, s.title)
        info = _("Ages {ages} · about {minutes} minutes with discussion").format(
            ages=s.ages, minutes=s.minutes
        )
        stop = _("You may stop at any time: press B for a blank screen.")
        # the safe-exit hint stays one line at the foot, smaller if it must be
        full = t.width - 2 * t.margin
        stop_size = t.small
        while stop_size > t.floor and self.app.fonts.width(stop, stop_size) > full:
            stop_size = max(t.floor, int(stop_size * 0.92))
        stop_h = c.line_height(stop_size) * len(wrap(self.app.fonts, stop, full, stop_size))
        # the buttons take as few rows as their labels allow: the rest is the goals' height
        buttons_top, rects = self.button_grid(t.height - t.u(2) - stop_h)
        buttons_top -= t.u(1.5)
        # a title that needs two lines at full size takes a smaller one: the room below is the
        # character's words and the goals; with large text on a small screen the title and the
        # line under it shrink (not below the body's size and the floor) until that room holds
        # three lines and a page counter
        w = t.width - x - t.margin
        options = []
        for size, info_size in (
            (t.title, t.small),
            (max(t.body, round(t.title * 0.8)), t.small),
            (t.body, t.small),
            (t.body, t.floor),
            (t.small, t.floor),
            (t.floor, t.floor),
        ):
            if size == t.title and len(wrap(self.app.fonts, title, w, size, "bold")) > 1:
                continue
            head_h = c.block_height(title, w, size, "bold") + c.block_height(info, w, info_size)
            options.append((max(head_h, 2 * pr) + t.u(5), size, info_size))
        enough = c.line_height(t.small) + 3 * c.line_height(t.floor) + t.u(1) + 2 * t.u(2)
        # the first that leaves enough room, else the first of those that leave the most (a
        # title beside a taller portrait gains nothing by shrinking)
        least = min(top for top, _s, _i in options)
        _top, size, info_size = next(
            (o for o in options if buttons_top - o[0] >= enough),
            next(o for o in options if o[0] == least),
        )
        y += c.block(title, x, y, w, size=size, style="bold")
        y += c.block(info, x, y, w, th.INK_SOFT, size=info_size)
        y = max(y, t.u(3) + 2 * pr) + t.u(2)
        # the content warning stands out: the teacher reads it before the class sees anything;
        # for the teacher's eyes, so it may be smaller than the class's text on a small screen
        pad = t.u(2)
        # the class sees the character's problem, as the board shows it; the content warning
        # is the teacher's, behind "For the teacher"
        name = self.app.text(s, s.characters[s.character].name)
        warning = f"{name}: “{self.app.text(s, s.problem)}”" if s.problem else name
        goals = _("Goals") + "\n" + "\n".join("• " + self.app.text(s, g) for g in s.goals)
        size = t.body if c.line_height(t.body) * 12 < buttons_top - y else t.floor
        lines = wrap(self.app.fonts, warning, t.width - 2 * t.margin - 2 * pad, size)
        warn_h = len(lines) * c.line_height(size) + 2 * pad
        if buttons_top - y - warn_h - t.u(3) >= 3 * c.line_height(size):
            warn = pygame.Rect(t.margin, y, t.width - 2 * t.margin, warn_h)
            draw.panel(surface, warn, th.CAPTION, t.radius)
            c.block(warning, warn.x + pad, warn.y + pad, warn.w - 2 * pad, size=size)
            y = warn.bottom + t.u(2)
            text, box = (
                goals,
                pygame.Rect(t.margin, y, t.width - 2 * t.margin, buttons_top - y - t.u(1)),
            )
        else:  # no room for both: one panel, the warning first, paged with "More"
            panel = pygame.Rect(t.margin, y, t.width - 2 * t.margin, buttons_top - y - t.u(1))
            draw.panel(surface, panel, th.CAPTION, t.radius)
            text, box = warning + "\n\n" + goals, panel.inflate(-2 * pad, -2 * pad)
            size = t.body  # as large as the panel allows: it shrinks to fit, then pages
        fitted = c.text(
            text,
            box,
            th.INK,
            size=size,
            min_size=t.floor,
            page=self.goal_page,
            pageable=True,
        )
        more = [i for i in self.items if i.run == self.more]
        self.goal_pages = len(fitted.pages)
        if self.goal_pages > 1 and not more:
            self.items.insert(-1, Item(lambda: self.app._("More goals"), self.more))
            # the buttons now take more room: lay the whole screen out again with it (what
            # this try drew is painted over, so it is no longer on the record either)
            c.forget_since(drawn_before)
            return self.draw(surface)
        c.text(
            stop,
            pygame.Rect(t.margin, t.height - t.u(0.5) - stop_h, full, stop_h),
            th.INK_SOFT,
            size=stop_size,
            min_size=stop_size,
            align="center",
        )
        self.draw_buttons(c, rects)
