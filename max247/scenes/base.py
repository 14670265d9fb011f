"""What menu-like scenes share: a highlight that keys, a clicker, a pad and the pointer move,
items chosen by number, click or confirm; and the common keys (blank, pause, teacher view).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from max247.input import CHOOSE, Action
from max247.scenes.scene import Scene
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.widgets import Canvas

# The screens that the same key opens over every screen, by name (see max247.scenes.SCENES).
COMMON_SCREENS = {
    Action.BLANK: "blank",
    Action.PAUSE: "pause",
    Action.TEACHER: "teacher",
    Action.KEYS: "keys",
}

NO_HIGHLIGHT = -1  # a menu whose items nothing rings yet (a fresh choice)


@dataclass
class Item:
    label: Callable[[], str]
    run: Callable[[], object]  # what it returns (a scene pushed, say) is not used
    primary: bool = False
    rect: pygame.Rect | None = None


class Common(Scene):
    """Blank, pause and the teacher view, the same on every screen."""

    def common(self, action: Action) -> bool:
        screen = COMMON_SCREENS.get(action)
        if screen is None:
            return False
        self.app.push(screen)
        return True

    def lesson_actions(self) -> list[Item]:
        """Actions this screen offers in the pause menu, so the four clicker keys reach them."""
        return []

    def canvas(self, surface: pygame.Surface) -> Canvas:
        return Canvas(surface, self.app.fonts, self.app.theme, self.app.drawn)

    def background(self, surface: pygame.Surface, colour: th.Colour | None = None) -> None:
        surface.fill(colour or th.PAPER)
        t = self.app.theme
        # a soft band at the bottom: calm, and it frames the page on a projector
        pygame.draw.rect(surface, th.PAPER_DEEP, (0, t.height - t.u(4), t.width, t.u(4)))


class Menu(Common):
    """A scene whose items the class moves through and picks."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.items: list[Item] = []
        self.index = 0

    def handle(self, action: Action) -> None:
        if self.common(action):
            return
        if not self.items:
            return
        if action in (Action.DOWN, Action.RIGHT):
            self.index = (self.index + 1) % len(self.items)
        elif action in (Action.UP, Action.LEFT):
            self.index = (self.index - 1) % len(self.items)
        elif action is Action.CONFIRM:
            self.items[self.index].run()
        elif action in CHOOSE:
            n = CHOOSE.index(action)
            if n < len(self.items):
                self.index = n
                self.items[n].run()
        elif action is Action.BACK:
            self.back()

    def back(self) -> None:
        """Backspace / the pad's east button: the screen before, where there is one."""

    def trace_line(self) -> str:
        ringed = self.items[self.index].label() if 0 <= self.index < len(self.items) else ""
        return f"{type(self).__name__}\t{ringed}"

    def button_grid(self, bottom: int) -> tuple[int, list[pygame.Rect]]:
        """Rectangles for the items as buttons ending at `bottom`: side by side, else two by
        two, else stacked, as far as every label fits its button; and the top of the grid.

        The fewer rows, the more height the screen keeps for its text.
        """
        t = self.app.theme
        n = len(self.items)
        bh, gap = round(t.body * 2.2), t.u(1.5)
        for cols in dict.fromkeys((n, 2, 1)):
            bw = min(t.u(80), (t.width - 2 * t.margin - (cols - 1) * gap) // cols)
            # a button's label may shrink to the smallest body size, as any button's does
            if all(
                self.app.fonts.width(item.label(), t.min_body, "bold") <= bw - 2 * t.u(2)
                for item in self.items
            ):
                break
        rows = -(-n // cols)
        top = bottom - rows * (bh + gap) + gap
        rects = []
        for i in range(n):
            row, col = divmod(i, cols)
            in_row = min(cols, n - row * cols)  # a last, shorter row is centred too
            x = (t.width - in_row * bw - (in_row - 1) * gap) // 2 + col * (bw + gap)
            rects.append(pygame.Rect(x, top + row * (bh + gap), bw, bh))
        return top, rects

    def draw_buttons(self, c: Canvas, rects: list[pygame.Rect]) -> None:
        for i, (item, rect) in enumerate(zip(self.items, rects, strict=True)):
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)

    def click(self, pos: tuple[int, int]) -> None:
        for i, item in enumerate(self.items):
            if item.rect is not None and item.rect.collidepoint(pos):
                self.index = i
                item.run()
                return

    def hover(self, pos: tuple[int, int]) -> None:
        for i, item in enumerate(self.items):
            if item.rect is not None and item.rect.collidepoint(pos) and self.index != i:
                self.index = i
                self.app.dirty = True


class MenuOverlay(Menu):
    overlay = True
    heading = ""

    def veil(self, surface: pygame.Surface) -> None:
        """Dim the screen below, so the overlay reads as a question over it."""
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((*th.INK, 170))
        surface.blit(veil, (0, 0))

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.veil(surface)
        bh = round(t.body * 2.2)
        gap = t.u(1.5)
        w = min(t.width - 2 * t.margin, t.u(90))
        h = t.title * 2 + len(self.items) * (bh + gap) + t.u(4)
        panel = pygame.Rect(0, 0, w + t.u(8), min(h, t.height - t.u(4)))
        panel.center = (t.width // 2, t.height // 2)
        draw.panel(surface, panel, th.PAPER, t.radius, shadow=t.u(1))
        c.text(
            self.title(),
            pygame.Rect(panel.x + t.u(4), panel.y + t.u(2), w, t.title * 2),
            th.INK,
            size=t.title,
            style="bold",
            align="center",
            valign="center",
        )
        y = panel.y + t.u(2) + t.title * 2
        bh = min(bh, (panel.bottom - t.u(2) - y) // len(self.items) - gap)
        for i, item in enumerate(self.items):
            rect = pygame.Rect(panel.x + t.u(4), y, w, bh)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
            y += bh + gap

    def title(self) -> str:
        return ""
