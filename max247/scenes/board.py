"""The board: this lesson's characters, how each feels, and whether they found help.

Each card shows a portrait, a name, the problem in a child's words (never the theme word) and
the mood as a face, a number and a colour. The shared goal stands above: everyone feels OK and
has found help. The class picks whom to help next.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import pygame

from max247.scenes.base import Item, Menu
from max247.session import Progress
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.widgets import mood_word


@dataclass(frozen=True)
class Plan:
    """Where the board's parts go and how large their words are, for the screen's room."""

    head_size: int  # the goal's and the count's (the goal is the title's at the body size)
    head_h: int
    cols: int
    rows: int
    beside: bool  # the names beside the portraits, else under them
    cards_bottom: int
    hint_size: int  # "characters 1-3 of 6", when the cards are paged
    hint_h: int
    strip_top: int
    strip_h: int
    said_size: int  # the highlighted character's problem
    status_size: int  # its status line; 0 when there is no room for it
    foot_h: int


def _hint_sample(_, n: int) -> str:
    """The paging hint with the widest numbers it can show, to measure its height."""
    return _("Characters {first}-{last} of {n}: move on to see the others").format(
        first=n, last=n, n=n
    )


class BoardScene(Menu):
    screen = "board"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.build()

    def entered(self) -> None:
        session = self.app.session
        if session is not None and session.current:
            session.current = ""  # back on the board: a resumed lesson opens here
            self.app.save_session()

    def build(self) -> None:
        _ = self.app._
        session = self.app.session
        assert session is not None
        self.items = [
            Item(partial(self.name, p), partial(self.open, p)) for p in session.characters
        ]
        self.items.append(
            Item(lambda: _("Finish the lesson"), self.finish, primary=session.all_played)
        )
        first_open = next(
            (i for i, p in enumerate(session.characters) if not p.done), len(self.items) - 1
        )
        self.index = first_open

    def name(self, p: Progress) -> str:
        s = self.app.library.scenarios.get(p.scenario)
        if s is None:
            return p.scenario
        return self.app.text(s, s.characters[s.character].name)

    def open(self, p: Progress) -> None:
        s = self.app.library.scenarios.get(p.scenario)
        if s is not None:
            self.app.push("briefing", scenario=s)

    def back(self) -> None:
        """Back (Backspace, the pad's east button) leads to the title; the lesson is kept."""
        self.app.save_session()
        self.app.reset("title")  # it offers this lesson first: saved just now

    def finish(self) -> None:
        self.app.push("closing")

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        session = self.app.session
        assert session is not None
        n = len(session.characters)
        plan = self.plan(c)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, plan.head_h)
        self.heading(c, head, plan.head_size)

        gap = t.u(2)
        cols, rows, per_page = plan.cols, plan.rows, plan.cols * plan.rows
        first = (min(self.index, n - 1) // per_page) * per_page
        top = head.bottom + gap
        cw = (t.width - 2 * t.margin - (cols - 1) * gap) // cols
        ch = min((plan.cards_bottom - top - (rows - 1) * gap) // rows, t.u(40))
        for item in self.items[:-1]:
            item.rect = None
        # one layout for every card: names beside the portraits only if all of them fit there
        stacked = not plan.beside
        for k, i in enumerate(range(first, min(n, first + per_page))):
            p = session.characters[i]
            r = pygame.Rect(
                t.margin + (k % cols) * (cw + gap), top + (k // cols) * (ch + gap), cw, ch
            )
            self.items[i].rect = r
            self.card(c, surface, r, p, i == self.index, stacked)
        if per_page < n:
            more = _("Characters {first}-{last} of {n}: move on to see the others").format(
                first=first + 1, last=min(n, first + per_page), n=n
            )
            hint = pygame.Rect(t.margin, plan.cards_bottom + t.u(1), head.w, plan.hint_h)
            c.text(
                more, hint, th.INK_SOFT, size=plan.hint_size, min_size=plan.hint_size, align="right"
            )
        # the highlighted character's problem, in a child's words, large enough for the class
        # under the hint of a paged board, never over it (it hid the sign that more exist)
        strip = pygame.Rect(t.margin, plan.strip_top, head.w, plan.strip_h)
        if self.index < n:
            p = session.characters[self.index]
            s = self.app.library.scenarios.get(p.scenario)
            if s is not None:
                draw.panel(surface, strip, th.CAPTION, t.radius)
                inner = strip.inflate(-t.u(4), -t.u(1))
                status_h = c.line_height(plan.status_size) if plan.status_size else 0
                c.text(
                    self.said(p),
                    pygame.Rect(inner.x, inner.y, inner.w, inner.h - status_h),
                    th.INK,
                    size=plan.said_size,
                    min_size=plan.said_size,
                    valign="center",
                )
                if plan.status_size:
                    c.text(
                        self.status(p),
                        pygame.Rect(inner.x, inner.bottom - status_h, inner.w, status_h),
                        th.INK_SOFT,
                        size=plan.status_size,
                        min_size=plan.status_size,
                    )
        fin = pygame.Rect(0, 0, min(t.width - 2 * t.margin, t.u(80)), plan.foot_h)
        fin.midbottom = (t.width // 2, t.height - t.u(5))
        self.items[-1].rect = fin
        c.button(
            self.items[-1].label(), fin, self.index == len(self.items) - 1, self.items[-1].primary
        )

    def said(self, p: Progress) -> str:
        """The character's problem in a child's words, as the strip under the cards says it."""
        _ = self.app._
        s = self.app.library.scenarios.get(p.scenario)
        if s is None:
            return self.name(p)
        problem = self.app.text(s, s.problem) if s.problem else self.app.text(s, s.title)
        return _("{name}: {problem}").format(name=self.name(p), problem=problem)

    def goal_count(self) -> tuple[str, str]:
        _ = self.app._
        session = self.app.session
        assert session is not None
        done = sum(p.done for p in session.characters)
        goal = _("Together: everyone feels OK and has found help.")
        count = self.app.ngettext(
            "{done} of {n} character helped",
            "{done} of {n} characters helped",
            len(session.characters),
        ).format(done=done, n=len(session.characters))
        return goal, count

    def heading_height(self, c, size: int) -> int:
        """How tall the goal and the count are at this size (the title's, when it is the body's)."""
        t = self.app.theme
        goal, count = self.goal_count()
        full = t.width - 2 * t.margin
        if size == t.body:
            count_w = self.app.fonts.width(count, t.body) + t.u(2)
            if self.app.fonts.width(goal, t.title, "bold") + count_w <= full:
                return self.app.fonts.line_height(t.title, "bold")
            if self.app.fonts.width(goal, t.title, "bold") <= full:
                return c.line_height(t.title, "bold") + c.block_height(count, full, size)
        return c.block_height(goal, full, size, "bold") + c.block_height(count, full, size)

    def heading(self, c, head: pygame.Rect, size: int) -> None:
        """The shared goal above the board, and how many characters found help."""
        t = self.app.theme
        goal, count = self.goal_count()
        count_w = self.app.fonts.width(count, t.body) + t.u(2)
        if size == t.body and self.app.fonts.width(goal, t.title, "bold") + count_w <= head.w:
            line = pygame.Rect(head.x, head.y, head.w - count_w, head.h)
            c.text(goal, line, th.INK, size=t.title, style="bold", valign="center")
            line = pygame.Rect(line.right, head.y, count_w, head.h)
            c.text(count, line, th.INK_SOFT, align="right", valign="center")
            return
        # the goal takes the whole width, the count goes under it; a goal on two lines at
        # title size would crowd the board out: then the body's size, bold
        gs = size
        if size == t.body and self.app.fonts.width(goal, t.title, "bold") <= head.w:
            gs = t.title
        y = head.y + c.block(goal, head.x, head.y, head.w, size=gs, style="bold")
        c.block(count, head.x, y, head.w, th.INK_SOFT, size=size)

    def plan(self, c) -> Plan:
        """Sizes and rows that fit the screen: the cards keep their size; when room is short
        the goal above and the hint shrink first (towards the floor), then the strip's status
        line goes (each card shows the mood and the icons), then the strip's words shrink."""
        t = self.app.theme
        session = self.app.session
        assert session is not None
        n = len(session.characters)
        p = session.characters[min(self.index, n - 1)]
        said = self.said(p)
        full = t.width - 2 * t.margin
        gap = t.u(2)
        foot_h = round(t.body * 2.2)
        strip_bottom = t.height - t.u(5) - foot_h - t.u(3)
        sizes = [t.body]
        while sizes[-1] > t.floor:
            sizes.append(max(t.floor, int(sizes[-1] * 0.92)))
        steps = [(hs, t.body, True) for hs in sizes]
        steps += [(t.floor, t.body, False)]
        steps += [(t.floor, ss, False) for ss in sizes[1:]]
        min_w = t.u(8) + self.app.fonts.width("Mmmmmmm", t.body, "bold")
        max_cols = max(1, (full + gap) // (min_w + gap))
        plan = None
        for hs, ss, with_status in steps:
            head_h = self.heading_height(c, hs)
            top = t.u(2) + head_h + gap
            status_size = min(t.small, ss) if with_status else 0
            status_h = c.line_height(status_size) if with_status else 0
            said_h = c.block_height(said, full - t.u(4), ss)
            strip_h = said_h + status_h + t.u(1)
            strip_top = strip_bottom - strip_h
            hint_size = min(t.small, hs)
            sample = _hint_sample(self.app._, n)
            hint_h = c.block_height(sample, full, hint_size) + 2 * t.u(1)
            for paged in (False, True):
                bottom = strip_top - (hint_h if paged else gap)
                for beside in (True, False):
                    need = self.card_need(c, beside)
                    max_rows = max(0, (bottom - top + gap) // (need + gap))
                    cols = max(1, min(n, max_cols, 3 if n in (5, 6, 9) else 4))
                    if max_rows:
                        cols = min(max_cols, max(cols, math.ceil(n / max_rows)))
                    if not beside or self.beside((full - (cols - 1) * gap) // cols):
                        break
                if paged or cols * max_rows >= n:
                    break
            rows = min(max_rows, math.ceil(n / cols))
            plan = Plan(
                head_size=hs,
                head_h=head_h,
                cols=cols,
                rows=max(1, rows),
                beside=beside,
                cards_bottom=bottom,
                hint_size=hint_size,
                hint_h=hint_h - 2 * t.u(1),
                strip_top=strip_top,
                strip_h=strip_h,
                said_size=ss,
                status_size=status_size,
                foot_h=foot_h,
            )
            if rows >= 1:
                break
        assert plan is not None
        return plan

    def widest_name(self) -> int:
        session = self.app.session
        assert session is not None
        t = self.app.theme
        return max(self.app.fonts.width(self.name(p), t.body, "bold") for p in session.characters)

    def face_width(self) -> int:
        t = self.app.theme
        return max(2 * t.u(2.5), self.app.fonts.width("4/4", t.small, "bold"))

    def beside(self, cw: int) -> bool:
        """Whether every name fits beside a (smallest) portrait on a card this wide."""
        t = self.app.theme
        pad = t.u(1.5)
        body_w = cw - t.u(1.5) - 2 * pad
        return body_w - 2 * t.u(2) - self.face_width() - 2 * pad >= self.widest_name()

    def card_need(self, c, beside: bool) -> int:
        """The least height of a card: a portrait, a name, a face with its number, a status."""
        t = self.app.theme
        num_h = c.line_height(t.small, "bold")
        status_h = c.line_height(t.small) + t.u(0.5)
        lh = c.line_height(t.body, "bold")
        faces = 2 * t.u(2) + num_h
        top_h = max(lh, faces) if beside else lh + faces
        return 2 * t.u(1.5) + status_h + top_h

    def card(
        self, c, surface, rect: pygame.Rect, p: Progress, highlighted: bool, stacked: bool
    ) -> None:
        t = self.app.theme
        _ = self.app._
        s = self.app.library.scenarios.get(p.scenario)
        draw.panel(surface, rect, th.WHITE, t.radius, shadow=t.u(0.8))
        # the mood colour as a band on the left edge; the face and number say it without colour
        band = pygame.Rect(rect.x, rect.y, t.u(1.5), rect.h)
        pygame.draw.rect(
            surface,
            th.mood_colour(p.mood),
            band,
            border_top_left_radius=t.radius,
            border_bottom_left_radius=t.radius,
        )
        if highlighted:
            c.highlight(rect)
        pad = t.u(1.5)
        status_h = self.app.fonts.line_height(t.small) + t.u(0.5)
        body = pygame.Rect(
            band.right + pad,
            rect.y + pad,
            rect.right - band.right - 2 * pad,
            rect.h - 2 * pad - status_h,
        )
        name = self.name(p)
        lh = c.line_height(t.body, "bold")
        fr = max(t.u(2.5), min(body.h // 3, t.u(6)))
        num = self.app.fonts.render(f"{p.mood}/4", t.small, th.INK, "bold")
        face_w = max(2 * fr, num.get_width())
        top_h = body.h - lh if stacked else body.h  # narrow cards: the name on a row of its own
        pr = max(t.u(2), min(top_h // 2, body.w // 5))
        if not stacked:  # the portrait gives way to the widest name, so every card looks alike
            pr = max(t.u(2), min(pr, (body.w - face_w - 2 * pad - self.widest_name()) // 2))
        fr = max(t.u(2), min(fr, (top_h - num.get_height()) // 2))
        pcentre = (body.x + pr, body.y + top_h // 2)
        if s is not None:
            draw.portrait(surface, s.character, pcentre, pr, "child")
        fc = (body.right - face_w // 2, body.y + top_h // 2 - num.get_height() // 2)
        draw.face(surface, p.mood, fc, fr)
        surface.blit(num, (fc[0] - num.get_width() // 2, fc[1] + fr))
        if stacked:
            name_box = pygame.Rect(body.x, body.y + top_h, body.w, lh)
        else:
            name_x = pcentre[0] + pr + pad
            name_box = pygame.Rect(name_x, body.y, body.right - face_w - pad - name_x, body.h)
        c.text(name, name_box, th.INK, style="bold", valign="center", min_size=t.floor)
        # status: icons and the most important word; the strip below says it all
        x = body.x
        sy = rect.bottom - pad - status_h
        if p.found_max:
            draw.heart(surface, (x + t.u(1.2), sy + status_h // 2), t.u(1.2), (220, 70, 90))
            x += t.u(3)
        if p.found_help:
            draw.check(surface, (x + t.u(1.2), sy + status_h // 2), t.u(1.1), th.MOOD_COLOURS[4])
            x += t.u(3)
        word = (
            _("helped")
            if p.done
            else _("still needs help")
            if p.ended
            else mood_word(self.app, p.mood)
        )
        c.text(
            word,
            pygame.Rect(x, sy, rect.right - pad - x, status_h),
            th.INK,
            size=t.small,
            min_size=t.small,
            valign="center",
        )

    def status(self, p: Progress) -> str:
        _ = self.app._
        bits = [mood_word(self.app, p.mood)]
        if p.found_max:
            bits.append(_("found a Max"))
        if p.found_help:
            bits.append(_("found help"))
        if p.ended and not p.done:
            bits.append(_("still needs help"))
        elif p.done:
            bits.append(_("helped"))
        return " · ".join(bits)
