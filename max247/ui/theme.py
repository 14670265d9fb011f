"""The look of the game: colours, and every size derived from the window and the text scale.

Nothing here is a pixel constant: a size is a fraction of the screen height, so the same screen
reads the same on a 1024x768 projector and on a 4K board. Body text is at least 1/28 of the
screen height at the default text scale (readable from the back of a classroom).
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

# A warm, calm palette with strong text contrast (ink on paper is over 12:1).
PAPER: Colour = (255, 248, 238)
PAPER_DEEP: Colour = (246, 234, 216)
INK: Colour = (33, 37, 58)
INK_SOFT: Colour = (88, 92, 112)
WHITE: Colour = (255, 255, 255)
ACCENT: Colour = (31, 111, 139)  # calm teal-blue: buttons, highlights
ACCENT_SOFT: Colour = (214, 234, 240)
WARM: Colour = (233, 150, 92)
PHONE: Colour = (44, 48, 66)
SCREEN: Colour = (236, 241, 247)
BUBBLE_THEM: Colour = (255, 255, 255)
BUBBLE_ME: Colour = (200, 233, 214)
CAPTION: Colour = (255, 241, 204)
BLANK: Colour = (0, 0, 0)  # a projector shows black as no light at all

# Mood 0..4, from "feels very bad" to "feels good". Okabe-Ito colours stay apart for
# colour-blind eyes, and a face and a number always come with the colour.
MOOD_COLOURS: tuple[Colour, ...] = (
    (213, 94, 0),  # vermillion
    (230, 159, 0),  # orange
    (240, 228, 66),  # yellow
    (86, 180, 233),  # sky blue
    (0, 158, 115),  # bluish green
)

# Option cards: a number, a shape and a colour each, never colour alone.
OPTION_COLOURS: tuple[Colour, ...] = (
    (0, 114, 178),  # blue, circle
    (204, 121, 0),  # dark orange, square
    (0, 140, 100),  # green, triangle
    (170, 68, 153),  # purple, diamond
)
OPTION_SHAPES = ("circle", "square", "triangle", "diamond")

# Tables with a device each (max247.player.tables): a number and a mark first, then a colour.
TABLE_COLOURS: tuple[Colour, ...] = (
    (0, 114, 178),  # blue, star
    (213, 94, 0),  # vermillion, heart
    (0, 140, 100),  # green, hexagon
    (170, 68, 153),  # purple, plus
    (160, 110, 0),  # ochre, moon
    (60, 120, 200),  # sky blue, pentagon
    (200, 60, 120),  # pink, flower
    (70, 70, 80),  # slate, arrow
)

TEXT_SCALES = (1.0, 1.25, 1.5)


@dataclass(frozen=True)
class Theme:
    width: int
    height: int
    text_scale: float = 1.0

    @property
    def unit(self) -> float:
        """One hundredth of the screen height: the ruler for every size and gap."""
        return self.height / 100

    def u(self, n: float) -> int:
        return max(1, round(self.unit * n))

    @property
    def min_body(self) -> int:
        """The smallest body text ever drawn: 1/28 of the screen height."""
        return max(12, round(self.height / 28))

    @property
    def body(self) -> int:
        return round(self.min_body * self.text_scale)

    @property
    def small(self) -> int:
        # captions and hints, never a story text: still readable, a little smaller than body
        return max(10, round(self.body * 0.8))

    @property
    def floor(self) -> int:
        """The size text may shrink to when room is short: 1/28 of the screen, or the small
        size if that is smaller. Below it, text is paged, never shrunk further."""
        return min(self.small, self.min_body)

    @property
    def title(self) -> int:
        return round(self.body * 1.6)

    @property
    def huge(self) -> int:
        return round(self.body * 2.6)

    @property
    def margin(self) -> int:
        return self.u(3)

    @property
    def radius(self) -> int:
        return self.u(2)


def mood_colour(mood: int) -> Colour:
    return MOOD_COLOURS[max(0, min(4, mood))]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]
