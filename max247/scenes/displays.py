"""The first start's question when a second display is connected: stay here, full screen?

The game has opened full screen on the display that is not the primary, in a classroom the
projector (max247/firststart.py). It asks once, over the title screen; the answer is kept in
the settings, and F11 switches between full screen and a window at any time.
"""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.scenes.base import Item, MenuOverlay
from max247.ui import theme as th


class DisplayQuestion(MenuOverlay):
    screen = "displays"

    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        self.items = [
            Item(lambda: _("Yes, full screen here"), self.keep, primary=True),
            Item(lambda: _("No, in a window on the main screen"), self.window),
        ]

    def title(self) -> str:
        return self.app._("Show the game on this screen, full screen?")

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.BACK):
            self.keep()  # Escape leaves things as they are, as everywhere
        else:
            super().handle(action)

    def keep(self) -> None:
        self.app.save_settings()
        self.app.pop()

    def window(self) -> None:
        settings = self.app.settings
        settings.display = 0
        if settings.fullscreen and not self.app.headless:
            self.app.toggle_fullscreen()  # also saves the settings
        settings.fullscreen = False
        self.app.save_settings()
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        t = self.app.theme
        box = pygame.Rect(t.margin, t.height - t.u(9), t.width - 2 * t.margin, t.u(7))
        self.canvas(surface).text(
            self.app._("F11 switches between full screen and a window at any time."),
            box,
            th.PAPER,  # light on the veil, where the dark hint colour would not read
            size=t.small,
            align="center",
            valign="center",
        )
