"""The look of the game: colours, and every size derived from the window and the text scale.

Nothing here is a pixel constant: a size is a fraction of the screen height, so the same screen
reads the same on a 1024x768 projector and on a 4K board. Body text is at least 1/28 of the
screen height at the default text scale (readable from the back of a classroom).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

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
# Okabe-Ito's blue and purple moved apart, so that every pair stays at least 12 apart (CIEDE2000)
# for protanopes, deuteranopes and tritanopes too (tests/test_colourvision.py).
OPTION_COLOURS: tuple[Colour, ...] = (
    (2, 108, 226),  # blue, circle
    (204, 121, 0),  # dark orange, square
    (0, 140, 100),  # green, triangle
    (169, 67, 151),  # purple, diamond
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

# Five steps up to twice the default (a child who sees poorly reads from the back of the room).
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)

# The largest step that still fits every screen, by the screen's shape: the layout tests
# (tests/test_layout.py) play every beat at these caps. A narrow 4:3 projector has less room per
# line than a 16:9 one; the wider spacing of the reading font takes room too. Sizes are fractions
# of the height, so the pixel count does not matter, only the shape.
WIDE = 16 / 10


def scale_cap(width: int, height: int, spaced: bool = False) -> float:
    """The largest text scale whose screens fit a window of this shape (`spaced`: in the
    reading font, with its extra spacing)."""
    wide = width / max(1, height) >= WIDE - 0.01
    # measured by tests/test_layout.py at every step: on 16:9 every screen fits at 200%, with
    # the reading font too; on a 4:3 projector the validator's findings (an educator's screen)
    # lay a suggestion over the scroll line at 200%, so 4:3 stops at 175%, and at 150% in the
    # reading font, whose wider lines leave the closing screen room for only two or three of
    # its help cards above that (seen on screenshots: the layout checks count no cards)
    if wide:
        return 2.0
    return 1.5 if spaced else 1.75


@dataclass(frozen=True)
class Palette:
    """Every colour a screen draws text or a surface under text with, for one look."""

    PAPER: Colour
    PAPER_DEEP: Colour
    INK: Colour
    INK_SOFT: Colour
    WHITE: Colour
    ACCENT: Colour
    ACCENT_SOFT: Colour
    WARM: Colour
    PHONE: Colour
    SCREEN: Colour
    BUBBLE_THEM: Colour
    BUBBLE_ME: Colour
    CAPTION: Colour
    OPTION_COLOURS: tuple[Colour, ...]


DEFAULT = Palette(
    PAPER=PAPER,
    PAPER_DEEP=PAPER_DEEP,
    INK=INK,
    INK_SOFT=INK_SOFT,
    WHITE=WHITE,
    ACCENT=ACCENT,
    ACCENT_SOFT=ACCENT_SOFT,
    WARM=WARM,
    PHONE=PHONE,
    SCREEN=SCREEN,
    BUBBLE_THEM=BUBBLE_THEM,
    BUBBLE_ME=BUBBLE_ME,
    CAPTION=CAPTION,
    OPTION_COLOURS=OPTION_COLOURS,
)

# High contrast (WCAG AAA, at least 7:1 for every text): black on white, white on the darkest
# blue, and no soft grey for hints; surfaces stay light so black text reads on every one.
HIGH_CONTRAST = Palette(
    PAPER=(255, 255, 255),
    PAPER_DEEP=(230, 230, 230),
    INK=(0, 0, 0),
    INK_SOFT=(20, 20, 20),
    WHITE=(255, 255, 255),
    ACCENT=(0, 48, 100),
    ACCENT_SOFT=(220, 232, 255),
    WARM=(150, 60, 0),
    PHONE=(0, 0, 0),
    SCREEN=(255, 255, 255),
    BUBBLE_THEM=(255, 255, 255),
    BUBBLE_ME=(226, 244, 232),
    CAPTION=(255, 250, 205),
    OPTION_COLOURS=((3, 67, 168), (150, 70, 0), (12, 101, 70), (113, 14, 95)),
)


def use_palette(palette: Palette) -> None:
    """Make `palette` the colours every screen reads (`th.INK` ...) from the next frame on.

    The one exception to "no global mutable state": the colours are read by name in every
    scene, so the look is swapped where they live, and only the app calls this, when the
    teacher turns high contrast on or off (and at start)."""
    globals().update(asdict(palette))


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
