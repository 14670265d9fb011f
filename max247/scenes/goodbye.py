"""Stopping at the bell: before the game closes, the class sees where help is, once more.

"Stop the lesson" never just vanishes mid-story: for a few seconds (or until a key) the screen
says it is never too late to tell someone, and shows the region's help lines for children.
"""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.scenes.base import Common
from max247.ui import theme as th

SECONDS = 8.0
NEEDS = ("talk", "exploitation", "emergency")


class GoodbyeScene(Common):
    context = "reading"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.until = app.now + SECONDS

    def handle(self, action: Action) -> None:
        if action is Action.BLANK:
            self.common(action)
        else:
            self.close()  # any key: the lesson is saved already

    def click(self, pos: tuple[int, int]) -> None:
        self.close()

    def close(self) -> None:
        self.app.save_session()
        self.app.running = False

    def update(self, now: float) -> bool:
        if now >= self.until:
            self.close()
        return False

    def ticking(self) -> bool:
        return True  # the loop wakes to close the screen on time, even with no key pressed

    def lines(self) -> list[str]:
        """The region's help lines for children, one each: name and number or address."""
        from max247.scenes.cards import short_url

        lang, region = self.app.settings.language, self.app.settings.region
        out: list[str] = []
        for need in NEEDS:
            for card in self.app.directory.cards_for(need, region, lang)[:1]:
                reach = card.phone or short_url(card.chat or card.web or "")
                line = card.text("name", lang) + (f" · {reach}" if reach else "")
                if line not in out:
                    out.append(line)
        return out

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        w = t.width - 2 * t.margin
        y = t.u(6)
        y += c.block(
            _("It is never too late to tell someone."),
            t.margin,
            y,
            w,
            th.ACCENT,
            size=t.title,
            style="bold",
            align="center",
        )
        y += t.u(3)
        y += c.block(
            _("Talk to your Max, a friend, or call for free:"), t.margin, y, w, align="center"
        )
        y += t.u(2)
        for line in self.lines():
            y += c.block(line, t.margin, y, w, size=t.body, style="bold", align="center")
            y += t.u(1)
        c.hint(_("Press any key to close."), t.height - t.u(1))
