"""The first start: the teacher says which language the class speaks and where it is, so the
help cards are the region's own. Nothing is guessed silently: the guess is only preselected.

Two questions, each a short list of large buttons (keys, clicker, mouse and touch alike); the
answers are saved as the teacher's settings, and the title screen shows them from then on.
"""

from __future__ import annotations

from functools import partial

import pygame

from max247.i18n import language_name
from max247.scenes.base import Item, Menu
from max247.story.model import LANGUAGES
from max247.ui import stack
from max247.ui.helpwords import REGIONS, region_name
from max247.ui.stack import Part


class WelcomeScene(Menu):
    screen = "welcome"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.step = "language"
        self.build()

    def build(self) -> None:
        _ = self.app._
        s = self.app.settings
        if self.step == "language":
            self.items = [
                Item(partial(language_name, lang), partial(self.language, lang))
                for lang in LANGUAGES
            ]
            self.index = LANGUAGES.index(s.language) if s.language in LANGUAGES else 0
        else:
            self.items = [
                Item(
                    partial(region_name, r, s.language, _("another country")),
                    partial(self.region, r),
                )
                for r in REGIONS
            ]
            self.index = REGIONS.index(s.region) if s.region in REGIONS else 0

    def language(self, lang: str) -> None:
        self.app.set_language(lang)
        self.step = "region"
        self.build()

    def region(self, region: str) -> None:
        self.app.settings.region = region
        self.app.save_settings()
        self.app.pop()

    def back(self) -> None:
        if self.step == "region":
            self.step = "language"
            self.build()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        w = t.width - 2 * t.margin
        y = t.u(4)
        if self.step == "language":
            # asked in all three languages: the teacher may not read the preselected one
            question = "Welke taal spreekt de klas? · Quelle langue parle la classe\u00a0? · "
            question += "Which language does the class speak?"
        else:
            question = _("Where is the class? The help cards show that region's services.")
        hint = _("You can change this later on the title screen.")
        bottom = t.height - t.u(1) - c.block_height(hint, w, t.small) - t.u(2)
        bh = round(t.body * 2.2)
        gap = t.u(1.5)
        bw = min(w, t.u(80))
        asked = [Part(question, t.body, "bold")]
        stacked = len(self.items) * (bh + gap) - gap
        lowest = stack.height(c, [Part(question, t.floor, "bold")], w, 1.0)
        if y + lowest + t.u(3) + stacked <= bottom:
            # one button under the other, under the question, as long as they fit
            settled = stack.settle(c, asked, w, bottom - stacked - t.u(3) - y)
            y = stack.draw(c, settled, t.margin, y, w) + t.u(3)
            rects = []
            for _item in self.items:
                rect = pygame.Rect(0, 0, bw, bh)
                rect.midtop = (t.width // 2, y)
                rects.append(rect)
                y += bh + gap
        else:
            # large text on a small screen: the buttons two by two (or all side by side) under
            # the question, which is as large as the rest allows (options never page)
            cols = self.columns(w, gap)
            rows = -(-len(self.items) // cols)
            grid_h = rows * (bh + gap) - gap
            settled = stack.settle(c, asked, w, bottom - grid_h - t.u(2) - t.u(1))
            y = stack.draw(c, settled, t.margin, t.u(1), w) + t.u(2)
            y = min(y + t.u(2), bottom - grid_h)
            cw = min(t.u(80), (w - (cols - 1) * gap) // cols)
            rects = []
            for i in range(len(self.items)):
                row, col = divmod(i, cols)
                in_row = min(cols, len(self.items) - row * cols)  # a shorter last row, centred
                x = (t.width - in_row * cw - (in_row - 1) * gap) // 2 + col * (cw + gap)
                rects.append(pygame.Rect(x, y + row * (bh + gap), cw, bh))
        self.draw_buttons_ringed(c, rects)
        c.hint(hint, t.height - t.u(1))

    def columns(self, width: int, gap: int) -> int:
        """Two columns if every label fits its button whole at body size, else all side by
        side if they do there, else two (the labels shrink, as any button's may)."""
        t = self.app.theme
        for cols in dict.fromkeys((2, len(self.items))):
            bw = min(t.u(80), (width - (cols - 1) * gap) // cols)
            if all(
                self.app.fonts.width(item.label(), t.body, "bold") <= bw - 2 * t.u(2)
                for item in self.items
            ):
                return cols
        return 2

    def draw_buttons_ringed(self, c, rects: list[pygame.Rect]) -> None:
        """The buttons; the preselected one is also the primary (filled) one."""
        for i, (item, rect) in enumerate(zip(self.items, rects, strict=True)):
            item.rect = rect
            c.button(item.label(), rect, i == self.index, primary=i == self.index)
