"""The organiser's list at the largest text size: it scrolls to its last row, and says so.

At 200% on a 4:3 projector only a few rows of the stand's menu fit; the highlighted row must
stay in view as it moves down, and a scroll bar with arrows shows that more rows follow.
"""

from __future__ import annotations

import pygame
import pytest

import max247.app
from max247.input import Action
from max247.pilot import Pilot
from max247.screenshots import navigate


@pytest.fixture
def uncapped(monkeypatch: pytest.MonkeyPatch) -> None:
    # the cap keeps 200% off small screens today; these screens must fit without it
    monkeypatch.setattr(max247.app, "scale_cap", lambda w, h, spaced=False: 9.0)


def test_the_stand_menu_scrolls_to_its_last_row_at_200_percent(uncapped: None) -> None:
    pilot = Pilot((1024, 768), "fr", text_scale=2.0, reading_font=True, high_contrast=True)
    navigate(pilot, "stand-setup", "noor-gems", [], 0)
    menu = pilot.top
    assert menu.screen == "stand-setup"
    shown = [item for item in menu.items if item.rect is not None]
    assert 0 < len(shown) < len(menu.items)  # the list is longer than the screen
    screen = pygame.Rect(0, 0, 1024, 768)
    for _ in range(len(menu.items) - 1):
        pilot.press(Action.DOWN)
        ringed = menu.items[menu.index]
        assert ringed.rect is not None and screen.contains(ringed.rect)
    assert menu.index == len(menu.items) - 1
    assert menu.items[0].rect is None  # scrolled: the first row left at the top
    labels = [d.text for d in pilot.drawn]
    assert menu.items[-1].label() in labels
