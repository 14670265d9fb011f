"""Widgets built from the primitives: text in a box, buttons, badges, the mood meter.

Every widget takes a rectangle computed by its scene from the theme, so sizes follow the window.
Text in a box is fitted: smaller if it must, never below the minimum size, paged if still too
long, and the fit is recorded so tests can check that no text leaves its box.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import Fitted, Fonts, draw_lines, fit, wrap
from max247.ui.theme import Colour, Theme


@dataclass(frozen=True)
class Drawn:
    """What a text box drew: for the layout tests (inside its box, never below the minimum)."""

    text: str
    box: pygame.Rect
    covered: pygame.Rect
    size: int
    min_size: int
    pages: int
    pageable: bool  # the scene turns pages with next; elsewhere a second page is hidden text
    # which scene of the stack drew it (0 the lowest drawn): an overlay's text may lie over the
    # faded screen below it, but two texts of one scene never overlap
    layer: int = 0


class Canvas:
    """A surface with the fonts and theme, recording every text box drawn on it."""

    def __init__(
        self, surface: pygame.Surface, fonts: Fonts, theme: Theme, record: list[Drawn] | None = None
    ) -> None:
        self.surface = surface
        self.fonts = fonts
        self.theme = theme
        self.drawn = record  # the layout tests read what was drawn; the game records nothing

    def mark(self) -> int:
        """Where the record of text boxes stands now (see forget_since)."""
        return len(self.drawn) if self.drawn is not None else 0

    def forget_since(self, mark: int) -> None:
        """Take the text boxes drawn since `mark` off the record: a screen that lays itself
        out again paints over them, so the class never sees them."""
        if self.drawn is not None:
            del self.drawn[mark:]

    def text(
        self,
        text: str,
        box: pygame.Rect,
        colour: Colour | None = None,
        size: int | None = None,
        style: str = "regular",
        align: str = "left",
        valign: str = "top",
        page: int = 0,
        min_size: int | None = None,
        pageable: bool = False,
    ) -> Fitted:
        t = self.theme
        colour = colour or th.INK  # read when drawn: the palette may have changed (contrast)
        size = size or t.body
        min_size = min(size, min_size or t.min_body)
        fitted = fit(self.fonts, text, box.w, box.h, size, min_size, style)
        counter_h = self.fonts.line_height(t.small)
        counter_y = box.bottom  # under a box too small to give a line up
        if len(fitted.pages) > 1 and box.h > 2 * counter_h:
            counter_y = box.bottom - counter_h
            # paged: the last line of the box is the page counter's, so it never sits on
            # whatever comes under the box (a button, the card's edge)
            fitted = fit(self.fonts, text, box.w, box.h - counter_h, size, min_size, style)
        lines = fitted.pages[min(page, len(fitted.pages) - 1)]
        height = len(lines) * fitted.line_height
        y = box.y
        if valign == "center":
            y = box.y + (box.h - height) // 2
        elif valign == "bottom":
            y = box.bottom - height
        covered = draw_lines(
            self.surface, self.fonts, lines, (box.x, y), fitted.size, colour, style, align, box.w
        )
        if len(fitted.pages) > 1:
            # a page counter "1/2" in the box's corner: long text is paged, never cut
            label = f"{min(page, len(fitted.pages) - 1) + 1}/{len(fitted.pages)}"
            img = self.fonts.render(label, t.small, th.INK_SOFT)
            self.surface.blit(img, (box.right - img.get_width(), counter_y))
        if self.drawn is not None:
            self.drawn.append(
                Drawn(text, box.copy(), covered, fitted.size, min_size, len(fitted.pages), pageable)
            )
        return fitted

    def hint(
        self,
        text: str,
        bottom: int,
        x: int | None = None,
        width: int | None = None,
        align: str = "center",
    ) -> None:
        """A small line of help that ends at `bottom`: as tall as its font needs, at any scale."""
        t = self.theme
        x = t.margin if x is None else x
        width = t.width - 2 * t.margin if width is None else width
        fitted = fit(self.fonts, text, width, 10**6, t.small, t.small)
        h = len(fitted.pages[0]) * fitted.line_height
        self.text(
            text,
            pygame.Rect(x, bottom - h, width, h),
            th.INK_SOFT,
            size=t.small,
            min_size=t.small,
            align=align,
        )

    def block(
        self,
        text: str,
        x: int,
        y: int,
        width: int,
        colour: th.Colour | None = None,
        size: int | None = None,
        style: str = "regular",
        align: str = "left",
        min_size: int | None = None,
    ) -> int:
        """Text that flows down from (x, y) as far as it needs, never paged; returns its height.

        For side panels and labels whose box follows the text, rather than the other way round.
        With `min_size`, a word too wide for a narrow column makes the text smaller, down to
        that size, rather than being cut in two.
        """
        size = size or self.theme.body
        if min_size is not None:
            longest = max(text.split(), key=lambda w: self.fonts.width(w, size, style), default="")
            while size > min_size and self.fonts.width(longest, size, style) > width:
                size = max(min_size, int(size * 0.92))
        height = self.block_height(text, width, size, style)
        self.text(text, pygame.Rect(x, y, width, height), colour, size, style, align, min_size=size)
        return height

    def block_height(
        self, text: str, width: int, size: int | None = None, style: str = "regular"
    ) -> int:
        """How tall `block` draws this text at this size: for layouts that measure first."""
        size = size or self.theme.body
        return len(wrap(self.fonts, text, width, size, style)) * self.fonts.line_height(size, style)

    def line_height(self, size: int, style: str = "regular") -> int:
        return self.fonts.line_height(size, style)

    def highlight(self, rect: pygame.Rect, weight: float = 1.0) -> None:
        """The highlight: a thick dark ring with a white edge round what the class would choose.

        Dark ink on paper and white beside any card colour: the ring stands out on every card,
        the orange one included (a warm ring vanished there), and its shape, not colour alone,
        says which it is.
        """
        t = self.theme
        grow = t.u(1.6 * weight)
        width = max(2, t.u(0.8 * weight))
        ring = rect.inflate(grow, grow)
        pygame.draw.rect(self.surface, th.INK, ring, width, t.radius + grow // 2)
        edge = ring.inflate(-2 * width, -2 * width)
        pygame.draw.rect(self.surface, th.WHITE, edge, max(1, width // 2), t.radius + grow // 4)

    def button(
        self,
        label: str,
        rect: pygame.Rect,
        highlighted: bool,
        primary: bool = False,
        number: int | None = None,
        size: int | None = None,
    ) -> None:
        """A button; `size` (default the body size) is where its label starts shrinking."""
        t = self.theme
        fill = th.ACCENT if primary else th.WHITE
        ink = th.WHITE if primary else th.INK
        draw.panel(self.surface, rect, fill, t.radius, shadow=t.u(0.6))
        if highlighted:
            self.highlight(rect)
        # the label may use the button's whole height: only the sides keep a margin
        inner = rect.inflate(-2 * t.u(2), 0)
        if number is not None:
            tag = self.fonts.render(
                str(number), t.small, th.INK_SOFT if not primary else th.WHITE, "bold"
            )
            self.surface.blit(tag, (rect.x + t.u(1.2), rect.centery - tag.get_height() // 2))
            inner.x += t.u(2)
            inner.w -= t.u(2)
        self.text(
            label, inner, ink, size=size or t.body, style="bold", align="center", valign="center"
        )

    def option_badge(self, rect: pygame.Rect, i: int, width: int) -> pygame.Rect:
        """Option `i`'s badge at the left of `rect` (a card or a row): its colour, its shape and
        its number, never colour alone. Returns the badge, so the words go to its right."""
        t = self.theme
        colour = th.OPTION_COLOURS[i]
        badge = pygame.Rect(rect.x, rect.y, min(width, rect.h), rect.h)
        pygame.draw.rect(
            self.surface,
            colour,
            badge,
            border_top_left_radius=t.radius,
            border_bottom_left_radius=t.radius,
        )
        r = min(badge.w, badge.h) // 3
        triangle = th.OPTION_SHAPES[i] == "triangle"
        draw.shape(self.surface, th.OPTION_SHAPES[i], badge.center, r, th.WHITE)
        # the number is sized to its shape, not to the text scale: a triangle's inner room is
        # small, and a large text size must not push the digit out of it
        num = self.fonts.render(
            str(i + 1), min(t.title, round(r * (1.0 if triangle else 1.4))), colour, "bold"
        )
        lift = -r // 4 if triangle else 0  # a triangle's middle is low
        self.surface.blit(
            num,
            (badge.centerx - num.get_width() // 2, badge.centery - num.get_height() // 2 - lift),
        )
        return badge

    def mood(self, mood: int, centre: tuple[int, int], r: int, label: str | None = None) -> None:
        """The mood as a face, a colour and a number (and a word, when there is room)."""
        t = self.theme
        draw.face(self.surface, mood, centre, r)
        num = self.fonts.render(f"{mood}/4", t.small, th.INK, "bold")
        self.surface.blit(num, (centre[0] - num.get_width() // 2, centre[1] + r + t.u(0.5)))
        if label:
            box = pygame.Rect(0, 0, r * 5, t.small * 3)
            box.midtop = (centre[0], centre[1] + r + t.u(0.5) + num.get_height())
            self.text(label, box, th.INK_SOFT, size=t.small, min_size=t.small, align="center")


def mood_word(app, mood: int) -> str:
    _ = app._
    return (
        _("feels very bad"),
        _("feels bad"),
        _("feels so-so"),
        _("feels OK"),
        _("feels good"),
    )[max(0, min(4, mood))]
