"""The closing screen: whom each character talked to, the three circles of help, the region's
help cards, and the question every child takes home: who is your Max?
"""

from __future__ import annotations

import pygame
from babel.lists import format_list

from max247.scenes.base import Item, Menu
from max247.scenes.sessions import PrintOverlay
from max247.session import FINISHED
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import fit

CLASS_NEEDS = ("talk", "exploitation", "emergency")


class ClosingScene(Menu):
    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        self.items = [
            # "Back", not "Back to the board": three buttons fit one row, and the help cards
            # above them keep their room on a small screen
            Item(lambda: _("Back"), self.back),
            Item(lambda: _("Print…"), lambda: app.push(PrintOverlay(app))),
            Item(lambda: _("End the lesson"), self.end, primary=True),
        ]
        self.index = 2

    @staticmethod
    def card_line(card, lang: str) -> str:
        """A help card in one line: its name, and its number or address."""
        from max247.scenes.cards import short_url

        reach = card.phone or short_url(card.chat or card.web or "")
        name = card.text("name", lang)
        return name + (f" · {reach}" if reach and reach not in name else "")

    def back(self) -> None:
        self.app.pop()

    def end(self) -> None:
        from max247.scenes.title import TitleScene

        session = self.app.session
        if session is not None:  # kept, for its summary; no longer offered to resume
            session.state = FINISHED
            session.current = ""
            self.app.save_session()
        self.app.session = None
        self.app.reset(TitleScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        lang = self.app.settings.language
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.huge + t.u(2))
        c.text(
            _("Who is your Max?"),
            head,
            th.ACCENT,
            size=t.huge,
            style="bold",
            align="center",
            valign="center",
        )
        top = head.bottom + t.u(1)
        bh = round(t.body * 2.2)
        bottom = t.height - t.u(5) - bh - t.u(2)
        left = pygame.Rect(t.margin, top, (t.width - 2 * t.margin) * 3 // 5, bottom - top)
        right = pygame.Rect(
            left.right + t.u(3), top, t.width - t.margin - left.right - t.u(3), bottom - top
        )

        # whom each character talked to
        session = self.app.session
        rows = session.characters if session else []
        row_h = min(t.u(11), left.h // max(1, len(rows)))
        for i, p in enumerate(rows):
            s = self.app.library.scenarios.get(p.scenario)
            if s is None:
                continue
            y = left.y + i * row_h
            r = min(row_h // 2 - t.u(0.5), t.u(4))
            draw.portrait(surface, s.character, (left.x + r, y + row_h // 2), r)
            name = self.app.text(s, s.characters[s.character].name)
            told = [
                self.app.text(s, s.characters[w].name)
                for w, listens in dict.fromkeys(p.told)
                if listens and w in s.characters
            ]
            words = (
                _("{name} talked to {people}").format(
                    name=name, people=format_list(list(dict.fromkeys(told)), locale=lang)
                )
                if told
                else _("{name} has not talked to anyone yet").format(name=name)
            )
            x = left.x + 2 * r + t.u(1.5)
            c.text(
                words,
                pygame.Rect(x, y, left.right - x, row_h),
                th.INK,
                valign="center",
                min_size=t.floor,
            )

        # the three circles of help, and the region's cards
        cards = []
        for need in CLASS_NEEDS:
            card = self.app.directory.card(need, self.app.settings.region, lang)
            if card is not None and card not in cards:
                cards.append(card)
        lines = [self.card_line(card, lang) for card in cards]
        inner_w = right.w - 2 * t.u(2)
        one = max(c.line_height(t.small, "bold") + t.u(1), c.line_height(t.body, "bold"))
        two = 2 * c.line_height(t.small, "bold") + t.u(1)
        # a card whose name and address do not fit one line takes a second one
        heights = [
            one if self.app.fonts.width(w, t.small, "bold") <= inner_w else two for w in lines
        ]
        cards_h = sum(h + t.u(1) for h in heights)
        full = (
            "1. " + _("Friends: listen, stay with them, go along to an adult"),
            "2. " + _("Your Max: an adult you trust 100%, chosen by you"),
            "3. " + _("Help lines: free, and they know what to do"),
        )
        short = ("1. " + _("Friends"), "2. " + _("Your Max"), "3. " + _("Help lines"))
        lh = c.line_height(t.small)
        # the legend in words beside the circles, else under them; then smaller circles; on a
        # small screen with big text, three short names: the help cards (the numbers the class
        # takes home) must all fit
        big, small = min(right.w // 4, right.h // 5), min(right.w // 4, t.u(6))
        beside_short = min(right.w // 4, (3 * lh + 1) // 2)  # three short names beside it
        for words, cr in ((full, big), (full, small), (short, beside_short), (short, small)):
            legend = "\n".join(words)
            lx = right.x + 2 * cr + t.u(2)
            beside = c.block_height(legend, right.right - lx, t.small)
            under = c.block_height(legend, right.w, t.small)
            needed = 2 * cr + t.u(2) + (0 if beside <= 2 * cr else under + t.u(1))
            if needed + cards_h <= right.h:
                break
        centre = (right.x + cr, right.y + cr)
        draw.circles(
            surface,
            centre,
            cr,
            (
                th.mix(th.ACCENT, th.PAPER, 0.7),
                th.mix(th.WARM, th.PAPER, 0.5),
                th.mix(th.MOOD_COLOURS[4], th.PAPER, 0.4),
            ),
        )
        if beside <= 2 * cr:
            c.block(legend, lx, right.y + cr - beside // 2, right.right - lx, size=t.small)
            y = right.y + 2 * cr + t.u(2)
        else:
            y = right.y + 2 * cr + t.u(1)
            y += c.block(legend, right.x, y, right.w, size=t.small) + t.u(1)
        shown = []
        for words, h in zip(lines, heights, strict=True):
            if y + h > right.bottom:
                break  # as many cards as fit; the emergency number comes last
            shown.append((words, pygame.Rect(right.x, y, right.w, h)))
            y += h + t.u(1)
        # one size for all the cards, so no service looks more important than another
        size = min(
            (fit(self.app.fonts, w, inner_w, r.h, t.body, t.small, "bold").size for w, r in shown),
            default=t.body,
        )
        for words, rect in shown:
            draw.panel(surface, rect, th.WHITE, t.radius, shadow=t.u(0.4))
            c.text(
                words,
                rect.inflate(-t.u(2), 0),
                th.INK,
                size=size,
                style="bold",
                valign="center",
                min_size=t.small,
            )

        # the buttons on one row (a long label takes two lines): the help cards keep the room
        n, gap = len(self.items), t.u(3)
        w = (t.width - 2 * t.margin - (n - 1) * gap) // n
        for i, item in enumerate(self.items):
            rect = pygame.Rect(t.margin + i * (w + gap), t.height - t.u(5) - bh, w, bh)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
