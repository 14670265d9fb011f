"""The board: this lesson's characters, how each feels, and whether they found help.

Each card shows a portrait, a name, the problem in a child's words (never the theme word) and
the mood as a face, a number and a colour. The shared goal stands above: everyone feels OK and
has found help. The class picks whom to help next.
"""

from __future__ import annotations

import math
from functools import partial

import pygame

from max247.scenes.base import Item, Menu
from max247.session import Progress
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.widgets import mood_word


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
        done = sum(p.done for p in session.characters)
        goal = _("Together: everyone feels OK and has found help.")
        count = self.app.ngettext(
            "{done} of {n} character helped",
            "{done} of {n} characters helped",
            len(session.characters),
        ).format(done=done, n=len(session.characters))
        count_w = self.app.fonts.width(count, t.body) + t.u(2)
        full = t.width - 2 * t.margin
        line_h = self.app.fonts.line_height(t.title, "bold")
        if self.app.fonts.width(goal, t.title, "bold") + count_w <= full:
            head = pygame.Rect(t.margin, t.u(2), full - count_w, line_h)
            c.text(goal, head, th.INK, size=t.title, style="bold", valign="center")
            c.text(
                count,
                pygame.Rect(head.right, head.y, count_w, head.h),
                th.INK_SOFT,
                align="right",
                valign="center",
            )
        else:  # the goal takes the whole width, the count goes under it
            # a goal on two lines at title size would crowd the board out: body size, bold
            size = t.title if self.app.fonts.width(goal, t.title, "bold") <= full else t.body
            y = t.u(2) + c.block(goal, t.margin, t.u(2), full, size=size, style="bold")
            y += c.block(count, t.margin, y, full, th.INK_SOFT)
            head = pygame.Rect(t.margin, t.u(2), full, y - t.u(2))

        n = len(session.characters)
        top = head.bottom + t.u(2)
        foot_h = round(t.body * 2.2)
        strip_h = 2 * c.line_height(t.body) + c.line_height(t.small) + t.u(2)
        bottom = t.height - t.u(5) - foot_h - strip_h - t.u(4)
        gap = t.u(2)
        # cards tall enough for a portrait, a name and a status line, and wide enough for a
        # name; when they do not all fit (large text, small screen) the board shows a page of
        # them around the highlighted one
        need = 2 * c.line_height(t.body, "bold") + c.line_height(t.small) + t.u(5)
        max_rows = max(1, (bottom - top + gap) // (need + gap))
        min_w = t.u(8) + self.app.fonts.width("Mmmmmmm", t.body, "bold")
        max_cols = max(1, (t.width - 2 * t.margin + gap) // (min_w + gap))
        cols = max(1, min(n, max_cols, 3 if n in (5, 6, 9) else 4))
        cols = min(max_cols, max(cols, math.ceil(n / max_rows)))
        per_page = cols * max_rows
        if per_page < n:  # a page of cards: keep a line for the hint that says so
            bottom -= c.line_height(t.small)
        rows = min(max_rows, math.ceil(n / cols))
        first = (min(self.index, n - 1) // per_page) * per_page
        cw = (t.width - 2 * t.margin - (cols - 1) * gap) // cols
        ch = min((bottom - top - (rows - 1) * gap) // rows, t.u(40))
        for item in self.items[:-1]:
            item.rect = None
        for k, i in enumerate(range(first, min(n, first + per_page))):
            p = session.characters[i]
            r = pygame.Rect(
                t.margin + (k % cols) * (cw + gap), top + (k // cols) * (ch + gap), cw, ch
            )
            self.items[i].rect = r
            self.card(c, surface, r, p, i == self.index)
        if per_page < n:
            more = _("Characters {first}-{last} of {n}: move on to see the others").format(
                first=first + 1, last=min(n, first + per_page), n=n
            )
            c.hint(more, bottom + c.line_height(t.small), align="right")
        # the highlighted character's problem, in a child's words, large enough for the class
        # under the hint of a paged board, never over it (it hid the sign that more exist)
        strip_top = bottom + (c.line_height(t.small) + t.u(1) if per_page < n else t.u(2))
        strip = pygame.Rect(t.margin, strip_top, t.width - 2 * t.margin, strip_h)
        if self.index < len(session.characters):
            p = session.characters[self.index]
            s = self.app.library.scenarios.get(p.scenario)
            if s is not None:
                draw.panel(surface, strip, th.CAPTION, t.radius)
                problem = self.app.text(s, s.problem) if s.problem else self.app.text(s, s.title)
                inner = strip.inflate(-t.u(4), -t.u(1))
                status_h = c.line_height(t.small)
                said = _("{name}: {problem}").format(name=self.name(p), problem=problem)
                c.text(
                    said,
                    pygame.Rect(inner.x, inner.y, inner.w, inner.h - status_h),
                    th.INK,
                    min_size=t.small,
                    valign="center",
                )
                c.text(
                    self.status(p),
                    pygame.Rect(inner.x, inner.bottom - status_h, inner.w, status_h),
                    th.INK_SOFT,
                    size=t.small,
                    min_size=t.small,
                )
        fin = pygame.Rect(0, 0, min(t.width - 2 * t.margin, t.u(80)), foot_h)
        fin.midbottom = (t.width // 2, t.height - t.u(5))
        self.items[-1].rect = fin
        c.button(
            self.items[-1].label(), fin, self.index == len(self.items) - 1, self.items[-1].primary
        )

    def card(self, c, surface, rect: pygame.Rect, p: Progress, highlighted: bool) -> None:
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
        pr = max(t.u(2), min(body.h // 2, body.w // 5))
        room = body.w - 2 * pr - face_w - 2 * pad
        stacked = room < self.app.fonts.width(name, t.body, "bold")
        top_h = body.h - lh if stacked else body.h  # narrow cards: the name on a row of its own
        pr = max(t.u(2), min(top_h // 2, body.w // 5))
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
