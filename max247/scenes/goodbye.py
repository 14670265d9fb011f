"""Stopping at the bell: before the game closes, the class sees where help is, once more.

"Stop the lesson" never just vanishes mid-story: for a few seconds (or until a key) the screen
says it is never too late to tell someone, and shows the region's help lines for children.
"""

from __future__ import annotations

import pygame

from max247.helpdir import HelpList, help_list
from max247.input import Action
from max247.scenes.base import Common
from max247.ui import stack
from max247.ui import theme as th
from max247.ui.helpwords import CLASS_NEEDS, card_line, checked_words
from max247.ui.stack import Part

SECONDS = 8.0


class GoodbyeScene(Common):
    screen = "goodbye"

    def __init__(self, app, next_group: bool = False) -> None:
        super().__init__(app)
        self.until = app.now + SECONDS * (3 if next_group else 1)
        # at the stand (kiosk mode) a group that walked away mid-story: the screen thanks it
        # and gives the help lines, then the stand welcomes the next group; nothing closes
        self.next_group = next_group

    def handle(self, action: Action) -> None:
        if action is Action.BLANK:
            self.common(action)
        else:
            self.close()  # any key: the lesson is saved already

    def click(self, pos: tuple[int, int]) -> None:
        self.close()

    def close(self) -> None:
        if self.next_group:
            self.dismiss()
            return
        self.app.save_session()
        self.app.running = False

    def update(self, now: float) -> bool:
        if now >= self.until:
            self.close()
        return False

    def ticking(self) -> bool:
        return True  # the loop wakes to close the screen on time, even with no key pressed

    def help(self) -> HelpList:
        """The same help lines as the closing screen, one service per need, and their date."""
        settings = self.app.settings
        return help_list(
            self.app.directory, CLASS_NEEDS, settings.region, settings.language, first_only=True
        )

    def lines(self, found: HelpList) -> list[str]:
        """The region's help lines for children, one each: name and number or address."""
        lang = self.app.settings.language
        return [card_line(card, lang) for card in found.cards]

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        w = t.width - 2 * t.margin
        title = _("It is never too late to tell someone.")
        if self.next_group:
            title = _("Thank you for helping! It is never too late to tell someone.")
        call = _("Talk to your Max, a friend, or call for free:")
        found = self.help()  # once a frame: the screen redraws four times a second
        lines = self.lines(found)
        checked = checked_words(self.app, found.checked)
        hint = _("Press any key to go on.") if self.next_group else _("Press any key to close.")
        # everything above the hint: with big text on a small screen, tighter gaps and a smaller
        # title rather than a help line or the date under the hint; the help lines shrink last
        bottom = t.height - t.u(1) - c.block_height(hint, w, t.small) - t.u(1)
        parts = [
            Part(title, t.title, "bold", th.ACCENT),
            Part(call, t.body, gap=3),
            *(
                Part(line, t.body, "bold", gap=2 if i == 0 else 1, keep=True)
                for i, line in enumerate(lines)
            ),
        ]
        if checked:
            parts.append(Part(checked, t.small, colour=th.INK_SOFT, gap=1))
        top = t.u(6)
        if stack.height(c, parts, w, 1.0) > bottom - top:
            top = t.u(2)  # the empty band above the title goes before any text shrinks
        settled = stack.settle(c, parts, w, bottom - top)
        stack.draw(c, settled, t.margin, top, w)
        c.hint(hint, t.height - t.u(1))
