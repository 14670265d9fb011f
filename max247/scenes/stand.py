"""The stand at an event: the welcome that invites the next group, and the organiser's menu.

The welcome says an adult is nearby and that any button starts; the group then meets the stand's
characters on the board. The organiser's menu (Ctrl+Shift+O, see max247.input) chooses the
stories, the age band and the idle time, shows today's counts and is the only way to close the
game. No child's name or choice appears here: only counts (see max247.stand).
"""

from __future__ import annotations

from functools import partial

import pygame

from max247.input import Action
from max247.scenes.base import Item, Menu
from max247.scenes.scene import Host
from max247.session import Session
from max247.stand import AGE_BANDS, IDLE_MINUTES, offered
from max247.story.cache import Summary
from max247.story.model import Scenario
from max247.ui import draw, stack
from max247.ui import theme as th
from max247.ui.stack import Part
from max247.ui.text import fit, wrap
from max247.ui.widgets import Canvas

# keys that never start a group: the safe exit, pause, the key card, the teacher's view
_NOT_A_START = (Action.BLANK, Action.PAUSE, Action.KEYS, Action.TEACHER)


def stand_ids(app: Host) -> list[str]:
    """The ids of the stories this stand offers, in the library's order (from the library's
    summaries: no story is read to list them)."""
    s = app.settings
    listed = [(sid, sc.ages) for sid, sc in app.library.summaries.items()]
    return offered(s.stand_stories, listed, s.stand_ages)


def stand_stories(app: Host) -> list[Scenario]:
    """The stories this stand offers, in the library's order."""
    library = app.library.scenarios
    return [library[sid] for sid in stand_ids(app) if sid in library]


class StandScene(Menu):
    """Welcome, next group: any button starts; the organiser's keys open their menu."""

    screen = "stand"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.items = [Item(lambda: app._("Start"), self.start, primary=True)]

    def entered(self) -> None:
        self.app.end_group()  # the group before has gone: only its counts stay

    def handle(self, action: Action) -> None:
        if action is Action.ORGANISER:
            self.app.push("stand-setup")
        elif action in _NOT_A_START:
            self.common(action)
        else:
            self.start()

    def click(self, pos: tuple[int, int]) -> None:
        self.start()

    def start(self) -> None:
        stories = stand_stories(self.app)
        if not stories:
            self.app.say(self.app._("The stand has no stories: the organiser chooses them."))
            return
        s = self.app.settings
        self.app.session = Session.new(stories, s.language, s.region)
        self.app.reset("board")

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        w = t.width - 2 * t.margin
        label = _("Press any button to start")
        button_h = round(t.body * 2.2)
        bottom = t.height - t.u(6) - button_h - t.u(3)  # the texts end above the button
        parts = [
            Part(
                _("Welcome! Together you help some made-up young people find help."),
                t.body,
                "bold",
            ),
            # the adult nearby is the stand's help line: it shrinks last and never leaves
            Part(
                _(
                    "An adult from the stand is nearby. Ask them about the game, or tell them "
                    "if something is bothering you: they will help you find someone to talk to."
                ),
                t.body,
                colour=th.INK_SOFT,
                gap=1.5,
                keep=True,
            ),
        ]
        text_h = stack.height(c, parts, w, 1.0)
        # the circles are decoration: they shrink, then go, before any text does
        r = min(t.u(18), (bottom - text_h - t.u(7)) // 2)
        if r >= t.u(9):
            centre = (t.width // 2, t.u(4) + r)
            self.emblem(c, centre, r, max(t.floor, round(t.huge * r / t.u(18))))
            settled = stack.settle(c, parts, w, bottom - (centre[1] + r + t.u(3)))
            y = stack.draw(c, settled, t.margin, centre[1] + r + t.u(3), w)
        else:
            parts.insert(0, Part("Max 24/7", t.title, "bold"))
            settled = stack.settle(c, parts, w, bottom - t.u(2))
            y = stack.draw(c, settled, t.margin, t.u(2), w)
        # as wide as its words need (French needs more than English), never wider than the page
        wide = self.app.fonts.width(label, t.body, "bold") + 2 * t.u(4)
        button = pygame.Rect(0, 0, min(w, max(t.u(60), wide)), button_h)
        button.midtop = (t.width // 2, max(y + t.u(3), t.height - t.u(6) - button.h))
        button.bottom = min(button.bottom, t.height - t.u(5))
        self.items[0].rect = button
        c.button(label, button, True, True)

    def emblem(self, c: Canvas, centre: tuple[int, int], r: int, size: int) -> None:
        """The stand's sign: the three circles, a heart and "Max 24/7" across them."""
        t = self.app.theme
        draw.circles(
            c.surface,
            centre,
            r,
            (
                th.mix(th.ACCENT, th.PAPER, 0.85),
                th.mix(th.WARM, th.PAPER, 0.7),
                th.mix(th.MOOD_COLOURS[4], th.PAPER, 0.6),
            ),
        )
        draw.heart(
            c.surface, (centre[0], centre[1] - r * 7 // 18), round(r * 3.5 / 18), (220, 70, 90)
        )
        title = pygame.Rect(0, 0, t.width - 2 * t.margin, size * 2)
        title.center = (centre[0], centre[1] + t.u(1))
        c.text("Max 24/7", title, th.INK, size=size, style="bold", align="center", valign="center")


class OrganiserScene(Menu):
    """The organiser's menu: stories, age band, idle time, today's counts, closing the game."""

    screen = "stand-setup"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.top_row = 0  # the first row shown when the list is longer than the screen
        self.build()

    def build(self) -> None:
        _ = self.app._
        s = self.app.settings
        self.items = [
            Item(lambda: _("Open the stand"), self.dismiss, primary=True),
            Item(lambda: _("Ages: {band}").format(band=s.stand_ages), self.next_band),
            Item(
                lambda: self.app.ngettext(
                    "A group is gone after {n} minute untouched",
                    "A group is gone after {n} minutes untouched",
                    s.stand_idle_minutes,
                ).format(n=s.stand_idle_minutes),
                self.next_idle,
            ),
        ]
        for sid, scenario in self.app.library.summaries.items():
            self.items.append(Item(partial(self.story_label, scenario), partial(self.toggle, sid)))
        self.items.append(Item(lambda: _("Close the game"), self.app.close))

    def story_label(self, scenario: Summary) -> str:
        on = scenario.id in stand_ids(self.app)
        # A ticked or an empty box, never colour alone (both are in the emoji font;
        # the plain ballot box U+2610 is not, and would draw as nothing).
        mark = "\u2611\ufe0f" if on else "\u2b1c"
        name = self.app.text(scenario, scenario.title)
        return f"{mark} {name} ({scenario.ages})"

    def handle(self, action: Action) -> None:
        if action in (Action.ORGANISER, Action.BACK):
            self.dismiss()
        else:
            super().handle(action)

    def next_band(self) -> None:
        s = self.app.settings
        s.stand_ages = AGE_BANDS[(AGE_BANDS.index(s.stand_ages) + 1) % len(AGE_BANDS)]
        s.stand_stories = []  # the new band's stories, until the organiser ticks others
        self.app.save_settings()

    def next_idle(self) -> None:
        s = self.app.settings
        later = [m for m in IDLE_MINUTES if m > s.stand_idle_minutes]
        s.stand_idle_minutes = later[0] if later else IDLE_MINUTES[0]
        self.app.save_settings()

    def toggle(self, sid: str) -> None:
        s = self.app.settings
        chosen = stand_ids(self.app)
        if sid in chosen:
            if len(chosen) == 1:
                return  # a stand always has a story to offer
            chosen.remove(sid)
        else:
            chosen.append(sid)
        s.stand_stories = chosen
        self.app.save_settings()

    def counts_line(self) -> str:
        today = self.app.counts.today()
        groups = sum(c.groups for c in today.values())
        helped = sum(c.helped for c in today.values())
        return self.app.ngettext(
            "Today: {n} story played, {helped} of them to help",
            "Today: {n} stories played, {helped} of them to help",
            groups,
        ).format(n=groups, helped=helped)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        w = t.width - 2 * t.margin
        hint = _("Ctrl+Shift+O opens this menu; the children cannot leave the game.")
        bottom = t.height - t.u(1) - c.block_height(hint, w, t.small) - t.u(1.5)
        bh = round(t.body * 2.0)
        gap = t.u(1)
        # the list keeps room for three rows; the title and the counts give way first
        header = [
            Part(_("The stand"), t.title, "bold"),
            Part(self.counts_line(), t.body, colour=th.INK_SOFT),
        ]
        top = t.u(2)
        settled = stack.settle(c, header, w, bottom - top - t.u(2) - 3 * (bh + gap))
        y = stack.draw(c, settled, t.margin, top, w, align="left") + t.u(2)
        scrolls = self.row_heights(w, bh, gap, bottom - y)
        bar = t.u(3.5) if scrolls else 0  # the scroll bar's lane, right of the rows
        heights = self.heights(w - bar, bh)
        # the highlighted row stays in view: the list scrolls by whole rows
        self.top_row = min(self.top_row, self.index)
        while self.top_row < self.index and not self.shows(
            heights, self.top_row, self.index, bottom - y, gap
        ):
            self.top_row += 1
        for item in self.items:
            item.rect = None
        first, last = self.top_row, self.top_row
        list_top = y
        for i in range(self.top_row, len(self.items)):
            item = self.items[i]
            h = heights[i]
            if y + h > bottom:
                # the last row takes the room left if its label still fits there whole
                rest = bottom - y
                inner = w - bar - 2 * t.u(2)
                fitted = fit(self.app.fonts, item.label(), inner, rest, t.body, t.min_body, "bold")
                if rest < bh or len(fitted.pages) > 1:
                    break
                h = rest
            rect = pygame.Rect(t.margin, y, w - bar, h)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
            y += h + gap
            last = i
        if scrolls:
            self.scroll_bar(
                surface,
                pygame.Rect(t.width - t.margin - t.u(2.2), list_top, t.u(2.2), y - gap - list_top),
                first,
                last,
                len(self.items),
            )
        c.hint(hint, t.height - t.u(1))

    def heights(self, width: int, bh: int) -> list[int]:
        """Each row's height: a label that needs two lines gets them, so it never pages."""
        t = self.app.theme
        inner = width - 2 * t.u(2)
        lh = self.app.fonts.line_height(t.body, "bold")
        out = []
        for item in self.items:
            lines = len(wrap(self.app.fonts, item.label(), inner, t.body, "bold"))
            # two lines at most: a longer label shrinks in its button, as any button's does
            out.append(max(bh, min(lines, 2) * lh + t.u(1)))
        return out

    def row_heights(self, width: int, bh: int, gap: int, room: int) -> bool:
        """Whether the list is longer than `room` (then it scrolls, with a bar)."""
        heights = self.heights(width, bh)
        return sum(heights) + gap * (len(heights) - 1) > room

    @staticmethod
    def shows(heights: list[int], first: int, index: int, room: int, gap: int) -> bool:
        return sum(heights[first : index + 1]) + gap * (index - first) <= room

    def scroll_bar(
        self, surface: pygame.Surface, track: pygame.Rect, first: int, last: int, n: int
    ) -> None:
        """Where the rows shown are in the whole list: a track, a thumb, and an arrow at each
        end that has more rows beyond it, so the organiser sees the list goes on."""
        t = self.app.theme
        arrow = track.w
        lane = track.inflate(0, -2 * (arrow + t.u(0.5)))
        pygame.draw.rect(surface, th.PAPER_DEEP, lane, border_radius=track.w // 2)
        thumb = pygame.Rect(
            lane.x,
            lane.y + lane.h * first // n,
            lane.w,
            max(track.w, lane.h * (last - first + 1) // n),
        )
        pygame.draw.rect(surface, th.INK_SOFT, thumb, border_radius=track.w // 2)
        cx = track.centerx
        if first > 0:
            pygame.draw.polygon(
                surface,
                th.INK,
                [(cx, track.y), (track.x, track.y + arrow), (track.right, track.y + arrow)],
            )
        if last < n - 1:
            b = track.bottom
            pygame.draw.polygon(
                surface, th.INK, [(cx, b), (track.x, b - arrow), (track.right, b - arrow)]
            )
