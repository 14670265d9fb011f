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
from max247.ui.helpwords import REGIONS, region_name


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
        y += c.block(question, t.margin, y, w, size=t.body, style="bold", align="center")
        y += t.u(3)
        bh = round(t.body * 2.2)
        gap = t.u(1.5)
        bw = min(w, t.u(80))
        for i, item in enumerate(self.items):
            rect = pygame.Rect(0, 0, bw, bh)
            rect.midtop = (t.width // 2, y)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, primary=i == self.index)
            y += bh + gap
        c.hint(_("You can change this later on the title screen."), t.height - t.u(1))
