"""Every text on every screen reads against what is really behind it: for each text box the
canvas draws, the WCAG contrast between its colour and the median of the rendered pixels under
it (faded backgrounds, veils and cards included) is at least 4.5:1, and 7:1 in high contrast.

A text that something drawn later covers (the story under a menu's veil) is not read by the
class, and is left out; the menu over it is measured instead.
"""

import pygame
import pytest

from max247.cli import SCREENS
from max247.pilot import Pilot
from max247.screenshots import navigate
from max247.ui import widgets
from tests.colourvision import contrast

THRESHOLD = {False: 4.5, True: 7.0}


def median_colour(surface: pygame.Surface, rect: pygame.Rect) -> tuple[int, int, int]:
    raw = pygame.image.tobytes(surface.subsurface(rect), "RGB")
    return tuple(sorted(raw[i::3])[len(raw[i::3]) // 2] for i in range(3))  # type: ignore[return-value]


@pytest.fixture
def texts(monkeypatch):
    """Every text box drawn: its colour, where its lines went, the pixels before and after."""
    drawn = []
    real = widgets.draw_lines

    def spy(surface, fonts, lines, pos, size, colour, *args, **kwargs):
        band = pygame.Rect(0, pos[1], surface.get_width(), surface.get_height()).clip(
            surface.get_rect()
        )
        before = surface.subsurface(band).copy() if band.h > 0 else None
        covered = real(surface, fonts, lines, pos, size, colour, *args, **kwargs)
        covered = covered.clip(surface.get_rect())
        if before is not None and covered.w > 0 and covered.h > 0:
            after = pygame.image.tobytes(surface.subsurface(covered), "RGB")
            under = median_colour(before, covered.move(0, -band.y))
            drawn.append((" ".join(lines), colour, covered, under, after, surface))
        return covered

    monkeypatch.setattr(widgets, "draw_lines", spy)
    return drawn


@pytest.mark.parametrize("high_contrast", [False, True], ids=["default", "high-contrast"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_text_reads_against_its_rendered_background(screen, high_contrast, texts):
    pilot = Pilot((1024, 768), "fr", high_contrast=high_contrast)
    choose = {"help": [3], "feedback": [1], "ending": [1, 1, 1], "decisions": [1, 1, 1]}
    navigate(pilot, screen, "noor-gems", choose.get(screen, []), 1 if screen == "story" else 0)
    texts.clear()
    pilot.step()
    low = []
    measured = 0
    for text, colour, covered, under, after, surface in texts:
        if pygame.image.tobytes(surface.subsurface(covered), "RGB") != after:
            continue  # drawn over later: a veil or a card hides it from the class
        measured += 1
        ratio = contrast(tuple(colour[:3]), under)
        if ratio < THRESHOLD[high_contrast]:
            low.append(f"{text[:40]!r} {tuple(colour[:3])} on {under}: {ratio:.2f}")
    if screen != "blank":
        assert measured, "no text measured: the spy saw nothing"
    assert not low, f"{screen}: " + "; ".join(low)
