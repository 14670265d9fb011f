"""The closing screen: whom each character talked to, the three circles of help, the region's
help cards, and the question every child takes home: who is your Max?
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from babel.lists import format_list

from max247.helpdir import help_list
from max247.scenes.base import Item, Menu
from max247.session import FINISHED
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.helpwords import CLASS_NEEDS, card_line, checked_words
from max247.ui.text import fit


class ClosingScene(Menu):
    screen = "closing"

    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        self.items = [
            # "Back", not "Back to the board": three buttons fit one row, and the help cards
            # above them keep their room on a small screen
            Item(lambda: _("Back"), self.back),
            Item(lambda: _("Print…"), lambda: app.push("print")),
            Item(lambda: _("End the lesson"), self.end, primary=True),
        ]
        self.index = 2

    def read_aloud(self) -> list[str]:
        """The question, the three circles of help, and the numbers the class takes home."""
        _ = self.app._
        lang = self.app.settings.language
        found = help_list(
            self.app.directory, CLASS_NEEDS, self.app.settings.region, lang, first_only=True
        )
        return [
            _("Who is your Max?"),
            _("Friends: listen, stay with them, go along to an adult"),
            _("Your Max: an adult you trust 100%, chosen by you"),
            _("Help lines: free, and they know what to do"),
            *(
                card_line(card, lang).replace("\u00a0·\u00a0", ", ").replace(" · ", ", ")
                for card in found.cards
            ),
        ]

    def back(self) -> None:
        self.app.pop()

    def end(self) -> None:
        session = self.app.session
        if session is not None:  # kept, for its summary; no longer offered to resume
            session.state = FINISHED
            session.current = ""
            self.app.save_session()
        self.app.session = None
        self.app.reset("title")

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        lang = self.app.settings.language
        # the buttons on one row (a long label takes two lines): the help cards keep the room,
        # and where the pupils' rows would not fit, the buttons give up their spare height
        n, gap = len(self.items), t.u(3)
        bw = (t.width - 2 * t.margin - (n - 1) * gap) // n
        lh = c.line_height(t.min_body, "bold")
        need = max(self.label_lines(i.label(), bw - 2 * t.u(2)) for i in self.items) * lh + t.u(1)
        heights = dict.fromkeys(
            (
                max(need, round(t.body * 2.2)),
                max(need, c.line_height(t.body, "bold") + t.u(1)),
                need,
            )
        )

        # the region's help cards (one service per need) and when they were checked
        found = help_list(
            self.app.directory, CLASS_NEEDS, self.app.settings.region, lang, first_only=True
        )
        lines = [card_line(card, lang) for card in found.cards]
        checked = checked_words(self.app, found.checked, short=True)
        # whom each character talked to, one row each
        session = self.app.session
        rows = []
        for p in session.characters if session else []:
            s = self.app.library.scenarios.get(p.scenario)
            if s is None:
                continue
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
            rows.append((s.character, words))
        # the pupils' column takes three fifths, or less when the help column needs the width
        # for every card (a long name such as "Centre de Prévention du Suicide") and the pupils'
        # rows still fit; on a small screen with big text the question may be one size down
        # rather than a help number left out; else three fifths, and the help cards that fit
        layouts = []
        for bh, head_size in ((bh, hs) for bh in heights for hs in (t.huge, t.title, t.body)):
            bottom = t.height - t.u(5) - bh - t.u(2)
            head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, head_size + t.u(2))
            top = head.bottom + t.u(1)
            row_h = min(t.u(11), (bottom - top) // max(1, len(rows)))
            # the portraits give way to the words when a row's words would not fit beside them
            for r, share in (
                (r, share)
                for r in (min(row_h // 2 - t.u(0.5), t.u(4)), min(row_h // 2 - t.u(0.5), t.u(2.5)))
                for share in (3 / 5, 11 / 20, 1 / 2)
            ):
                w = int((t.width - 2 * t.margin) * share)
                left = pygame.Rect(t.margin, top, w, bottom - top)
                right = pygame.Rect(
                    left.right + t.u(3), top, t.width - t.margin - left.right - t.u(3), left.h
                )
                text_w = left.w - 2 * r - t.u(1.5)
                rows_fit = all(
                    len(fit(self.app.fonts, words, text_w, row_h, t.body, t.floor).pages) == 1
                    for _who, words in rows
                )
                plan = self.help_column(c, right, lines, checked)
                layouts.append((head, head_size, row_h, r, left, right, plan, rows_fit, bh))
            if any(x[6].fits and x[7] for x in layouts):
                break
        # else the layout, with the pupils' rows whole, that shows the most help cards
        everything = [x for x in layouts if x[6].fits and x[7]]
        rows_whole = [x for x in layouts if x[7]] or layouts
        best = max(x[6].count for x in rows_whole)
        head, head_size, row_h, r, left, right, plan, _rows_fit, bh = (
            everything or [x for x in rows_whole if x[6].count == best]
        )[0]
        c.text(
            _("Who is your Max?"),
            head,
            th.ACCENT,
            size=head_size,
            style="bold",
            align="center",
            valign="center",
        )

        for i, (who, words) in enumerate(rows):
            y = left.y + i * row_h
            draw.portrait(surface, who, (left.x + r, y + row_h // 2), r)
            x = left.x + 2 * r + t.u(1.5)
            c.text(
                words,
                pygame.Rect(x, y, left.right - x, row_h),
                th.INK,
                valign="center",
                min_size=t.floor,
            )

        self.draw_help_column(c, right, plan)

        for i, item in enumerate(self.items):
            rect = pygame.Rect(t.margin + i * (bw + gap), t.height - t.u(5) - bh, bw, bh)
            item.rect = rect
            self.button(c, item.label(), rect, i == self.index, item.primary)

    def help_column(self, c, right: pygame.Rect, lines: list[str], checked: str) -> HelpColumn:
        """How the three circles, their legend, the cards and the date share the column: the
        legend in words beside the circles, else under them; then smaller circles; on a small
        screen with big text, three short names; at last no circles, and "3. Help lines" over
        the cards. The help cards (the numbers the class takes home) must all fit."""
        t = self.app.theme
        _ = self.app._
        inner_w = right.w - 2 * t.u(2)
        one = max(c.line_height(t.small, "bold") + t.u(1), c.line_height(t.body, "bold"))
        # a card whose name and number do not fit one line takes as many as it needs
        heights = [max(one, c.block_height(w, inner_w, t.small, "bold") + t.u(1)) for w in lines]
        # the date in small text, or the smallest, so it takes one line where it can
        checked_size = t.small if self.app.fonts.width(checked, t.small) <= right.w else t.floor
        checked_h = c.block_height(checked, right.w, checked_size) if checked else 0
        cards_h = sum(h + t.u(1) for h in heights) + checked_h
        full = (
            "1. " + _("Friends: listen, stay with them, go along to an adult"),
            "2. " + _("Your Max: an adult you trust 100%, chosen by you"),
            "3. " + _("Help lines: free, and they know what to do"),
        )
        short = ("1. " + _("Friends"), "2. " + _("Your Max"), "3. " + _("Help lines"))
        lh = c.line_height(t.small)
        big, small = min(right.w // 4, right.h // 5), min(right.w // 4, t.u(6))
        beside_short = min(right.w // 4, (3 * lh + 1) // 2)  # three short names beside it
        steps = (
            (full, big),
            (full, small),
            (short, beside_short),
            (short, small),
            (short, 0),  # the three names without the circles, before any name is left out
            ((_("Help lines"),), 0),  # at last a heading over the cards, not a list of one
            ((), 0),
        )
        for words, cr in steps:
            legend = "\n".join(words)
            lx = right.x + 2 * cr + t.u(2)
            beside = c.block_height(legend, right.right - lx, t.small)
            under = c.block_height(legend, right.w, t.small)
            if not cr:
                needed = under + t.u(1) if legend else 0
            else:
                needed = 2 * cr + t.u(2) + (0 if beside <= 2 * cr else under + t.u(1))
            if needed + cards_h <= right.h:
                break
        # how many cards the column shows: all of them, or those that fit
        y, count = needed, 0
        for h in heights:
            if y + h > right.h - checked_h:
                break
            y, count = y + h + t.u(1), count + 1
        return HelpColumn(lines, heights, legend, cr, beside, checked, checked_size, count)

    def draw_help_column(self, c, right: pygame.Rect, plan: HelpColumn) -> None:
        t = self.app.theme
        cr = plan.circle
        lx = right.x + 2 * cr + t.u(2)
        if cr:
            draw.circles(
                c.surface,
                (right.x + cr, right.y + cr),
                cr,
                (
                    th.mix(th.ACCENT, th.PAPER, 0.7),
                    th.mix(th.WARM, th.PAPER, 0.5),
                    th.mix(th.MOOD_COLOURS[4], th.PAPER, 0.4),
                ),
            )
        if not cr:
            y = right.y
            if plan.legend:
                y += c.block(plan.legend, right.x, right.y, right.w, size=t.small) + t.u(1)
        elif plan.beside <= 2 * cr:
            c.block(
                plan.legend, lx, right.y + cr - plan.beside // 2, right.right - lx, size=t.small
            )
            y = right.y + 2 * cr + t.u(2)
        else:
            y = right.y + 2 * cr + t.u(1)
            y += c.block(plan.legend, right.x, y, right.w, size=t.small) + t.u(1)
        checked_h = c.block_height(plan.checked, right.w, plan.checked_size) if plan.checked else 0
        shown = []
        for words, h in zip(plan.lines, plan.heights, strict=True):
            if y + h > right.bottom - checked_h:
                break  # as many cards as fit; the emergency number comes last
            shown.append((words, pygame.Rect(right.x, y, right.w, h)))
            y += h + t.u(1)
        if plan.checked:
            c.block(plan.checked, right.x, y, right.w, th.INK_SOFT, size=plan.checked_size)
        # one size for all the cards, so no service looks more important than another
        inner_w = right.w - 2 * t.u(2)
        size = min(
            (fit(self.app.fonts, w, inner_w, r.h, t.body, t.small, "bold").size for w, r in shown),
            default=t.body,
        )
        for words, rect in shown:
            draw.panel(c.surface, rect, th.WHITE, t.radius, shadow=t.u(0.4))
            c.text(
                words,
                rect.inflate(-t.u(2), 0),
                th.INK,
                size=size,
                style="bold",
                valign="center",
                min_size=t.small,
            )


@dataclass(frozen=True)
class HelpColumn:
    """The help column's layout, measured before anything is drawn."""

    lines: list[str]
    heights: list[int]
    legend: str
    circle: int  # the circles' radius; 0: no circles, the legend is "3. Help lines" alone
    beside: int  # the legend's height beside the circles
    checked: str
    checked_size: int
    count: int  # how many cards fit

    @property
    def fits(self) -> bool:
        return self.count == len(self.lines)
