"""Full keyboard and clicker play with a visible focus ring everywhere, the menus included
(issue 20): every screen that offers buttons or items draws the ring (Canvas.highlight) round
what F5 would act on, at once or after the first press of PageDown (a fresh choice rings no
option first, so no option is favoured); and the ring moves with the clicker's keys."""

from __future__ import annotations

import pytest

from max247 import paths
from max247.cli import SCREENS
from max247.input import Action, screen_keys
from max247.pilot import Pilot
from max247.screenshots import navigate
from max247.ui.widgets import Canvas


class Rings:
    """What the screen drew on its last frame: rings and buttons, counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rings: list[tuple[int, int, int, int]] = []
        self.buttons = 0
        highlight, button = Canvas.highlight, Canvas.button

        def ring(canvas, rect, *args, **kwargs):
            self.rings.append(tuple(rect))
            return highlight(canvas, rect, *args, **kwargs)

        def counted(canvas, *args, **kwargs):
            self.buttons += 1
            return button(canvas, *args, **kwargs)

        monkeypatch.setattr(Canvas, "highlight", ring)
        monkeypatch.setattr(Canvas, "button", counted)

    def frame(self, pilot: Pilot) -> Rings:
        self.rings, self.buttons = [], 0
        pilot.step()
        return self


def offers(pilot: Pilot, rings: Rings) -> bool:
    """Whether the screen on top has something to pick: buttons drawn, or items."""
    return rings.buttons > 0 or bool(getattr(pilot.top, "items", None))


def check_ring(pilot: Pilot, rings: Rings, where: str) -> None:
    rings.frame(pilot)
    if not offers(pilot, rings):
        return
    if not rings.rings:  # nothing ringed yet: the first PageDown rings something
        pilot.press(Action.DOWN)
        rings.frame(pilot)
    assert rings.rings, f"{where}: buttons but no focus ring"
    if screen_keys(pilot.top.screen) != "menu" or len(getattr(pilot.top, "items", [])) < 2:
        return
    before = rings.rings
    pilot.press(Action.DOWN)
    assert rings.frame(pilot).rings != before, f"{where}: PageDown does not move the ring"


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_with_buttons_rings_one(screen, monkeypatch):
    rings = Rings(monkeypatch)
    pilot = Pilot((1024, 768), "fr")
    choose = [1, 1, 1] if screen in ("ending", "decisions") else []
    navigate(pilot, screen, "noor-gems", choose, 1 if screen == "story" else 0)
    check_ring(pilot, rings, screen)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("confirm-quit", {}),
        ("print", {}),
        ("session-notice", {"message": "Une leçon gardée."}),
        ("checklist", {"path": paths.SCENARIOS / "noor-gems" / "noor-gems.yaml"}),
    ],
)
def test_the_screens_no_screenshot_reaches_ring_one_too(name, args, monkeypatch):
    rings = Rings(monkeypatch)
    pilot = Pilot((1024, 768), "fr")
    pilot.lesson("noor-gems")
    pilot.app.push(name, **args)
    check_ring(pilot, rings, name)


def test_the_teacher_s_window_rings_what_the_clicker_acts_on(monkeypatch):
    rings = Rings(monkeypatch)
    pilot = Pilot((1024, 768), "fr")
    window = pilot.teacher()
    navigate(pilot, "access", "noor-gems", [], 0)
    rings.rings = []
    window.draw()
    assert len(rings.rings) == 1
    first = rings.rings
    pilot.press(Action.DOWN)
    rings.rings = []
    window.draw()
    assert len(rings.rings) == 1 and rings.rings != first
