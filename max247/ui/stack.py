"""A column of texts that fits the height it is given, by giving up the least needed room first.

At a large text size on a small screen, a screen of stacked texts (a title, a line, the help
numbers, a date) runs off the bottom. `settle` decides how big each text may be: first the gaps
between them shrink, then the texts that are not kept (titles, explanations) shrink toward the
floor, and only then the kept ones (help numbers), which never page and are never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from max247.ui.theme import Colour
from max247.ui.widgets import Canvas

# gaps first: they are decoration; a third of a gap still separates two texts
GAP_STEPS = (1.0, 0.6, 0.33)


@dataclass(frozen=True)
class Part:
    """One text of the column, with the gap above it (in units of the theme)."""

    text: str
    size: int
    style: str = "regular"
    colour: Colour | None = None
    gap: float = 0.0
    keep: bool = False  # a help number: the last to shrink
    floor: int = 0  # the smallest size it may take (0: the theme's floor)


@dataclass(frozen=True)
class Settled:
    parts: tuple[Part, ...]
    gap: float  # the factor every gap is drawn with
    height: int
    fits: bool


def height(c: Canvas, parts: tuple[Part, ...] | list[Part], width: int, gap: float) -> int:
    """How tall the column draws at these sizes and this gap factor."""
    t = c.theme
    return sum(
        t.u(p.gap * gap) * (i > 0) + c.block_height(p.text, width, p.size, p.style)
        for i, p in enumerate(parts)
    )


def settle(c: Canvas, parts: list[Part], width: int, room: int) -> Settled:
    """The parts at the largest sizes that fit `room`: gaps give first, then unkept texts,
    then kept ones; at every floor, the column as it is (`fits` False)."""
    floor = c.theme.floor
    now = tuple(parts)
    for gap in GAP_STEPS:
        h = height(c, now, width, gap)
        if h <= room:
            return Settled(now, gap, h, True)
    gap = GAP_STEPS[-1]
    for kept in (False, True):
        while True:
            shrinkable = [
                i
                for i, p in enumerate(now)
                if p.keep == kept and p.size > max(floor, p.floor or floor)
            ]
            if not shrinkable:
                break
            # one step of the largest text at a time: the title gives before the line under it
            i = max(shrinkable, key=lambda k: now[k].size)
            p = now[i]
            grown = list(now)
            grown[i] = replace(p, size=max(p.floor or floor, floor, int(p.size * 0.92)))
            now = tuple(grown)
            h = height(c, now, width, gap)
            if h <= room:
                return Settled(now, gap, h, True)
    return Settled(now, gap, height(c, now, width, gap), False)


def draw(c: Canvas, settled: Settled, x: int, y: int, width: int, align: str = "center") -> int:
    """Draw the settled column from (x, y); returns the y under it."""
    t = c.theme
    for i, p in enumerate(settled.parts):
        if i:
            y += t.u(p.gap * settled.gap)
        y += c.block(p.text, x, y, width, p.colour, size=p.size, style=p.style, align=align)
    return y
