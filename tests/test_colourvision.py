"""Nothing is told by colour alone: the option cards and the moods stay apart for colour-blind
eyes (Machado et al. 2009 at full severity, CIEDE2000 at least 10), in both colour themes, on
the rendered choice and board; and the colour maths is checked against published data."""

import itertools

import pygame
import pytest

from max247.pilot import Pilot
from max247.screenshots import navigate
from max247.ui import draw
from max247.ui import theme as th
from tests.colourvision import MACHADO, ciede2000, contrast, difference, simulate

APART = 10.0


# Sharma, Wu and Dalal (2005), Table 1: pairs 1, 2, 3, 7, 17, 18, 19, 20, 25 and 34.
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_matches_sharmas_reference_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)  # symmetric


def test_machado_keeps_greys_and_wcag_contrast_is_right():
    for kind in MACHADO:
        for grey in ((0, 0, 0), (128, 128, 128), (255, 255, 255)):
            assert max(abs(a - b) for a, b in zip(simulate(grey, kind), grey, strict=True)) <= 2
    # red and green, the classic confusion, come close for a deuteranope and stay apart else
    red, green = (200, 60, 40), (90, 140, 40)
    assert difference(simulate(red, "deuteranopia"), simulate(green, "deuteranopia")) < 15
    assert difference(red, green) > 40
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def assert_apart(colours: list, what: str) -> None:
    for kind in (None, *MACHADO):
        seen = [simulate(c, kind) if kind else c for c in colours]
        for (i, a), (j, b) in itertools.combinations(enumerate(seen), 2):
            d = difference(a, b)
            assert d >= APART, f"{what} {i + 1} and {j + 1} for {kind or 'full'} vision: {d:.1f}"


def badge_colours(pilot: Pilot) -> list:
    """The colour of each option card's badge, read off the rendered screen."""
    surface = pilot.app.screen
    out = []
    for item in pilot.top.items:
        rect = item.rect
        badge_w = min(pilot.app.theme.u(14), rect.h)
        out.append(tuple(surface.get_at((rect.x + max(3, badge_w // 8), rect.centery)))[:3])
    return out


@pytest.mark.parametrize("high_contrast", [False, True])
def test_option_cards_stay_apart_for_colour_blind_eyes(high_contrast):
    pilot = Pilot((1024, 768), "en", high_contrast=high_contrast)
    # lucas-password's first choice has four options
    navigate(pilot, "choice", "lucas-password", [], 0)
    pilot.step()
    rendered = badge_colours(pilot)
    assert len(rendered) >= 3
    assert rendered == list(th.OPTION_COLOURS[: len(rendered)])  # the sample reads the badge
    assert_apart(rendered, "option")
    assert_apart(list(th.OPTION_COLOURS), "option")  # all four, whatever a story offers
    # and never colour alone: each card has its own shape and its number
    assert len(set(th.OPTION_SHAPES)) == 4


@pytest.mark.parametrize("high_contrast", [False, True])
def test_moods_stay_apart_for_colour_blind_eyes(high_contrast):
    pilot = Pilot((1024, 768), "en", high_contrast=high_contrast)
    navigate(pilot, "board", "noor-gems", [], 0)
    pilot.step()
    # the board's faces, one of each mood, drawn as the board draws them
    surface = pygame.Surface((500, 100))
    surface.fill(th.PAPER)
    r = 40
    for mood in range(5):
        draw.face(surface, mood, (50 + 100 * mood, 50), r)
    faces = [tuple(surface.get_at((50 + 100 * m - r // 2, 50 + r // 8)))[:3] for m in range(5)]
    assert faces == list(th.MOOD_COLOURS)
    assert_apart(faces, "mood")
