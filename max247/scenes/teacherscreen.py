"""The teacher's own screen, drawn on any surface: what `teacherview` gathers, in two columns
(the moment and the notes; help and advice), with buttons for what the clicker does. No screen
of the stack: a module the screens and the teacher's window share.

It is drawn in the teacher's window on the laptop (max247.teacherwindow) and, in tests and
screenshots, on a surface of its own. Its buttons post the same actions as the keys, through
the app, so a click here and a key on the clicker do the same thing.
"""

from __future__ import annotations

from functools import partial

import pygame

from max247.i18n import language_name, next_language
from max247.input import CHOOSE, Action
from max247.scenes.scene import Host, Scene
from max247.scenes.teacherview import (
    Button,
    Section,
    TeacherView,
    choice_scene,
    current_vote,
    most_votes,
    teacher_view,
)
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.theme import Theme
from max247.ui.widgets import Canvas, Drawn

TEACHER_SCALE = 1.25


class TeacherScreen:
    """The teacher's screen for one app: drawn from the app's state, clicked by the teacher."""

    def __init__(self, app: Host) -> None:
        self.app = app
        self.drawn: list[Drawn] | None = None  # set by tests: every text box drawn here
        self.rects: list[tuple[Button, pygame.Rect]] = []
        self.page = 0
        self.pages = 1

    # --- what it offers --------------------------------------------------------------------

    def buttons(self) -> list[Button]:
        app = self.app
        _ = app._
        top = app.top if app.scenes else None
        out: list[Button] = []
        blank = top is not None and top.screen == "blank"
        if top is not None and top.screen == "access":
            # the safe exit stays one click away, as on every screen
            return [*self.access_buttons(top), self.blank_button(False), *self.language_buttons()]
        if not blank and top is not None:
            out.append(Button("back", _("Back one step"), lambda: app.post(Action.BACK)))
            if top.context == "reading":
                out.append(Button("next", _("Next"), lambda: app.post(Action.NEXT), True))
            # the vote's reveal, where the screen on top has one (the vote on the projector)
            reveal = getattr(top, "reveal", None)
            vote = current_vote(app)
            if callable(reveal) and vote is not None and vote.state.value != "revealed":
                out.append(Button("reveal", _("Reveal"), reveal, True))
            choice = choice_scene(app)
            if choice is not None and top is choice:
                most = most_votes(app)
                for i in range(min(len(getattr(choice, "items", [])), len(CHOOSE))):
                    label = _("Play {number}").format(number=i + 1)
                    if most == i + 1:
                        label = _("Play {number} (most votes)").format(number=i + 1)
                    out.append(
                        Button(f"play-{i + 1}", label, partial(app.post, CHOOSE[i]), most == i + 1)
                    )
        out.append(self.blank_button(blank))
        if not blank:  # the class's accessibility menu, opened on the projector
            out.append(Button("access", _("Accessibility"), lambda: app.post(Action.ACCESS)))
        out += self.language_buttons()
        if self.pages > 1:
            out.append(Button("page", _("More notes"), self.turn))
        return out

    def blank_button(self, blank: bool) -> Button:
        _ = self.app._
        return Button(
            "blank",
            _("Come back") if blank else _("Blank screen"),
            lambda: self.app.post(Action.BLANK),
            primary=blank,
        )

    def language_buttons(self) -> list[Button]:
        app = self.app
        return [
            Button(
                "language",
                app._("Language: {name}").format(name=language_name(app.settings.language)),
                lambda: app.set_language(next_language(app.settings.language)),
            )
        ]

    def access_buttons(self, menu: Scene) -> list[Button]:
        """While the accessibility menu is on the projector, its settings are buttons here
        too: a click changes the class's screen at once, and the ring follows it there."""
        items = getattr(menu, "items", [])

        def pick(i: int) -> None:
            menu.index = i  # type: ignore[attr-defined]
            items[i].run()

        return [
            Button(f"access-{i}", item.label(), partial(pick, i), item.primary)
            for i, item in enumerate(items)
        ]

    def ringed(self) -> str | None:
        """The button with the focus ring: the setting the projector's menu rings (the
        clicker's keys move that ring), so both screens show where F5 acts."""
        top = self.app.top if self.app.scenes else None
        if top is None or top.screen != "access":
            return None
        return f"access-{getattr(top, 'index', 0)}"

    def turn(self) -> None:
        self.page = (self.page + 1) % self.pages
        self.app.dirty = True

    def click(self, pos: tuple[int, int]) -> bool:
        """A click on the teacher's screen: True if it pressed a button."""
        for button, rect in self.rects:
            if rect.collidepoint(pos):
                button.run()
                self.app.dirty = True
                return True
        return False

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> TeacherView:
        app = self.app
        # the class's text size is for the far end of the room; the teacher reads at arm's
        # length, so the largest size stops a step lower and leaves the notes room
        t = Theme(*surface.get_size(), min(app.settings.text_scale, TEACHER_SCALE))
        c = Canvas(surface, app.fonts, t, self.drawn)
        if self.drawn is not None:
            self.drawn.clear()
        view = teacher_view(app)
        surface.fill(th.PAPER)
        # the band at the top says this is the teacher's screen and what the class sees
        band = pygame.Rect(0, 0, t.width, t.u(9))
        pygame.draw.rect(surface, th.BLANK if view.blank else th.ACCENT, band)
        head = app._("The class sees: {where}").format(where=view.where or "…")
        timer_w = app.fonts.width(view.timer, t.small, "bold") + t.u(2) if view.timer else 0
        c.text(
            head,
            pygame.Rect(t.margin, 0, t.width - 2 * t.margin - timer_w, band.h),
            th.WHITE,
            size=t.small,
            min_size=t.floor,
            style="bold",
            valign="center",
        )
        if view.timer:
            c.text(
                view.timer,
                pygame.Rect(t.width - t.margin - timer_w, 0, timer_w, band.h),
                th.WHITE,
                size=t.small,
                min_size=t.floor,
                style="bold",
                align="right",
                valign="center",
            )
        # buttons along the bottom, measured first so the columns know their room
        bh = round(t.body * 2)
        buttons = self.buttons()
        top = self.layout_buttons(t, buttons, t.height - t.u(2), bh)
        body = pygame.Rect(t.margin, band.bottom + t.u(2), t.width - 2 * t.margin, 0)
        body.h = top - t.u(2) - body.y
        # the moment and its notes on the left; where to find help on the right
        left = [s for s in view.sections if not s.help]
        right = [s for s in view.sections if s.help]
        gap = t.u(3)
        if t.width / t.height >= 1.2 and left and right:
            lw = (body.w - gap) * 3 // 5
            columns = [
                (pygame.Rect(body.x, body.y, lw, body.h), left),
                (pygame.Rect(body.x + lw + gap, body.y, body.w - lw - gap, body.h), right),
            ]
        else:
            columns = [(body, left + right)]
        pages = 1
        for rect, sections in columns:
            if rect is not columns[0][0]:
                pygame.draw.line(
                    surface,
                    th.PAPER_DEEP,
                    (rect.x - gap // 2, rect.y),
                    (rect.x - gap // 2, rect.bottom),
                    max(1, t.u(0.3)),
                )
            pages = max(pages, self.column(c, t, rect, sections, view.blank))
        self.pages = pages
        if self.page >= self.pages:
            self.page = 0
        ringed = self.ringed()
        for button, rect in self.rects:
            c.button(button.label, rect, button.key == ringed, button.primary)
        return view

    def layout_buttons(self, t: Theme, buttons: list[Button], bottom: int, bh: int) -> int:
        """Place the buttons in rows from the bottom up; return the top of the first row."""
        gap = t.u(1.5)
        pad = 2 * t.u(2)
        widths = [self.app.fonts.width(b.label, t.body, "bold") + 2 * pad for b in buttons]
        rows: list[list[int]] = [[]]
        used = 0
        room = t.width - 2 * t.margin
        for i, w in enumerate(widths):
            if rows[-1] and used + gap + w > room:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + min(w, room)
            rows[-1].append(i)
        self.rects = []
        top = bottom - len(rows) * (bh + gap) + gap
        for r, row in enumerate(rows):
            x = t.margin
            y = top + r * (bh + gap)
            for i in row:
                w = min(widths[i], room)
                self.rects.append((buttons[i], pygame.Rect(x, y, w, bh)))
                x += w + gap
        return top

    def column(
        self, c: Canvas, t: Theme, rect: pygame.Rect, sections: list[Section], blank: bool
    ) -> int:
        """Sections down a column, page after page: a heading, then its text. Returns how
        many pages the column needs; draws the page the teacher turned to."""
        # a section takes the largest size that fits what is left of the page, else starts
        # a page; the teacher reads at arm's length, so it may be smaller than the class's
        sizes = sorted(
            {t.small, round(t.small * 0.9), round(t.small * 0.8), smallest(t)}, reverse=True
        )
        pages: list[list[tuple[Section, int]]] = [[]]
        y = rect.y
        for s in sections:
            size = next(
                (z for z in sizes if y + self.section_height(c, t, s, rect.w, z) <= rect.bottom),
                None,
            )
            if size is None and pages[-1]:
                pages.append([])
                y = rect.y
                size = next(
                    (
                        z
                        for z in sizes
                        if y + self.section_height(c, t, s, rect.w, z) <= rect.bottom
                    ),
                    sizes[-1],
                )
            size = size or sizes[-1]
            pages[-1].append((s, size))
            y += self.section_height(c, t, s, rect.w, size) + t.u(2)
        page = pages[min(self.page, len(pages) - 1)]
        y = rect.y
        for s, size in page:
            urgent = blank and s is sections[0]
            if urgent:  # the steps for a disclosure stand out: a calm panel, not an alarm
                panel = pygame.Rect(rect.x - t.u(1), y - t.u(1), rect.w + t.u(2), 0)
                panel.h = self.section_height(c, t, s, rect.w, size) + t.u(2)
                draw.panel(c.surface, panel, th.ACCENT_SOFT, t.radius)
            y += c.block(s.heading, rect.x, y, rect.w, th.ACCENT, size=size, style="bold")
            room = pygame.Rect(rect.x, y, rect.w, max(0, rect.bottom - y))
            h = c.block_height(s.body, rect.w, size)
            if h <= room.h:
                y += c.block(s.body, rect.x, y, rect.w, th.INK, size=size)
            else:  # one section taller than a page: fitted into what is left, paged inside
                c.text(s.body, room, th.INK, size=size, min_size=size, pageable=True)
                y = rect.bottom
            y += t.u(2)
        return len(pages)

    def section_height(self, c: Canvas, t: Theme, s: Section, width: int, size: int) -> int:
        return c.block_height(s.heading, width, size, "bold") + c.block_height(s.body, width, size)


def smallest(t: Theme) -> int:
    """The smallest text on the teacher's screen: read from the laptop, not across a room."""
    return max(12, round(t.height / 46))
