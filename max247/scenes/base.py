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
from max247.ui.text import wrap
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

    def label_size(self, label: str, width: int, height: int, style: str = "bold") -> int:
        """The largest size from the body size down to the smallest at which `label` fits a box
        of `width` x `height` without a word cut in two ("Commenc / er"): a text box shrinks
        only as far as its lines fit, and would rather split a long word than shrink more."""
        t = self.app.theme
        fonts = self.app.fonts
        s = t.body
        while s > t.min_body:
            words_fit = all(fonts.width(w, s, style) <= width for w in label.split())
            lines = wrap(fonts, label, width, s, style)
            if words_fit and len(lines) * fonts.line_height(s, style) <= height:
                break
            s = max(t.min_body, int(s * 0.92))
        return s

    def cue_size(self, text: str, width: int) -> int:
        """A cue's size ("1-4 of 9: scroll for more"): a hint's, shrinking to the 1x body size
        before it takes a second line."""
        t = self.app.theme
        s = t.small
        while s > t.floor and self.app.fonts.width(text, s) > width:
            s = max(t.floor, int(s * 0.92))
        return s

    def cue_height(self, c: Canvas, text: str) -> int:
        t = self.app.theme
        width = t.width - 2 * t.margin
        return c.block_height(text, width, self.cue_size(text, width))

    def cue(self, c: Canvas, text: str, bottom: int, align: str = "right") -> int:
        """A cue ending at `bottom`, across the page; returns its height, to keep room for it."""
        t = self.app.theme
        width = t.width - 2 * t.margin
        size = self.cue_size(text, width)
        h = c.block_height(text, width, size)
        box = pygame.Rect(t.margin, bottom - h, width, h)
        c.text(text, box, th.INK_SOFT, size=size, min_size=size, align=align)
        return h

    def label_lines(self, label: str, width: int, style: str = "bold") -> int:
        """How many lines `label` needs at the smallest body size in a box `width` wide."""
        t = self.app.theme
        return len(wrap(self.app.fonts, label, width, t.min_body, style))

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

    def button_grid(self, bottom: int, top: int | None = None) -> tuple[int, list[pygame.Rect]]:
        """Rectangles for the items as buttons ending at `bottom`: side by side, else two by
        two, else stacked, as far as every label fits its button; and the top of the grid.
        With `top`, the buttons are lower where they must be to start no higher than that,
        though never lower than their labels at the smallest size.

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
        if top is not None:
            lh = self.app.fonts.line_height(t.min_body, "bold")
            need = max(self.label_lines(i.label(), bw - 2 * t.u(2)) for i in self.items)
            bh = max(need * lh + t.u(1), min(bh, (bottom - top + gap) // rows - gap))
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
            self.button(c, item.label(), rect, i == self.index, item.primary)

    def button(
        self, c: Canvas, label: str, rect: pygame.Rect, ringed: bool, primary: bool = False
    ) -> None:
        """A button whose label shrinks before a word of it is cut in two."""
        t = self.app.theme
        size = self.label_size(label, rect.w - 2 * t.u(2), rect.h)
        c.button(label, rect, ringed, primary, size=size)

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
        gap = t.u(1.5)
        # wider with bigger text, as far as the screen goes, so long labels keep one line
        w = min(t.width - 2 * t.margin - t.u(8), round(t.u(90) * max(1.0, t.text_scale * 0.8)))
        heights = self.button_heights(w, t.height - t.u(8) - t.title * 2, gap)
        h = t.title * 2 + sum(heights) + gap * len(heights) + t.u(4)
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
        for i, (item, bh) in enumerate(zip(self.items, heights, strict=True)):
            rect = pygame.Rect(panel.x + t.u(4), y, w, bh)
            item.rect = rect
            self.button(c, item.label(), rect, i == self.index, item.primary)
            y += bh + gap

    def button_heights(self, w: int, room: int, gap: int) -> list[int]:
        """Each button's height in a column `w` wide: as tall as a button, taller where its
        label needs two lines even at the smallest size; where the column is short of `room`,
        the buttons give up their spare height first, never a line of their label."""
        t = self.app.theme
        lh = self.app.fonts.line_height(t.min_body, "bold")
        need = [self.label_lines(item.label(), w - 2 * t.u(2)) * lh + t.u(1) for item in self.items]
        ideal = [max(round(t.body * 2.2), n) for n in need]
        spare = room - gap * len(ideal) - sum(need)
        extra = sum(ideal) - sum(need)
        if spare >= extra:
            return ideal
        return [
            n + max(0, spare) * (i - n) // max(1, extra) for n, i in zip(need, ideal, strict=True)
        ]

    def title(self) -> str:
        return ""
