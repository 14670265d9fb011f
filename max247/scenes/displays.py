"""The first start's question when a second display is connected: stay here, full screen?

The game has opened full screen on the display that is not the primary, in a classroom the
projector (max247/firststart.py). It asks once, over the title screen; the answer is kept in
the settings, and F11 switches between full screen and a window at any time.
"""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.scenes.base import Item, MenuOverlay
from max247.ui import draw, stack
from max247.ui import theme as th
from max247.ui.stack import Part


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
        # the menu overlay's panel, measured: at a large size (or in the spaced reading font)
        # the question takes the lines it needs, and the F11 note below keeps its own room
        t = self.app.theme
        c = self.canvas(surface)
        self.veil(surface)
        w = min(t.width - 2 * t.margin, t.u(90))
        note = self.app._("F11 switches between full screen and a window at any time.")
        note_w = t.width - 2 * t.margin
        note_top = t.height - t.u(2) - c.block_height(note, note_w, t.small)
        bh, gap = round(t.body * 2.2), t.u(1.5)
        buttons_h = len(self.items) * (bh + gap) - gap
        pad = t.u(2)
        room = note_top - t.u(1) - t.u(2) - 2 * pad - gap - buttons_h
        settled = stack.settle(c, [Part(self.title(), t.title, "bold")], w, room)
        panel = pygame.Rect(0, 0, w + t.u(8), 2 * pad + settled.height + gap + buttons_h)
        panel.center = (t.width // 2, t.height // 2)
        panel.bottom = min(panel.bottom, note_top - t.u(1))
        panel.top = max(panel.top, t.u(2))
        draw.panel(surface, panel, th.PAPER, t.radius, shadow=t.u(1))
        y = stack.draw(c, settled, panel.x + t.u(4), panel.y + pad, w) + gap
        for i, item in enumerate(self.items):
            rect = pygame.Rect(panel.x + t.u(4), y, w, bh)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
            y += bh + gap
        # light on the veil, where the dark hint colour would not read
        c.block(note, t.margin, note_top, note_w, th.PAPER, size=t.small, align="center")
