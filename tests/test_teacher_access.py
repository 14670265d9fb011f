"""The accessibility menu from the teacher's screen (issue 20): a button on the teacher's own
window opens the class's menu on the projector, its settings act there at once, the clicker's
keys and the teacher's clicks move one focus ring; the one-display overlay (F2) has the entry
too, reached with the keys."""

from __future__ import annotations

import pygame

from max247 import teacherwindow
from max247.input import Action
from max247.pilot import Pilot
from max247.screenshots import navigate
from max247.ui import theme as th


def click(pilot: Pilot, window, key: str) -> None:
    rect = next(r for b, r in window.screen.rects if b.key == key)
    window.event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rect.center))
    pilot.step()


def ringed_on_teacher_screen(window) -> list[str]:
    return [b.key for b, _ in window.screen.rects if b.key == window.screen.ringed()]


def test_the_teacher_s_window_opens_the_accessibility_menu_on_the_projector(monkeypatch):
    pilot = Pilot((1024, 768), "en")
    window = pilot.teacher()
    monkeypatch.setattr(teacherwindow, "focus_projector", lambda: None)
    navigate(pilot, "story", "ines-never-taken", [], 1)
    story = pilot.top
    window.draw()
    assert ringed_on_teacher_screen(window) == []  # no ring where no key acts on it
    click(pilot, window, "access")
    assert pilot.top.screen == "access"
    window.draw()
    assert "Accessibility" not in [d.text for d in window.screen.drawn]  # its items now
    assert any(d.text == "High contrast: off" for d in window.screen.drawn)
    # a click on the teacher's screen changes the projector at once, and rings it there
    key = next(b.key for b, _ in window.screen.rects if b.label == "High contrast: off")
    click(pilot, window, key)
    assert pilot.app.settings.high_contrast
    assert th.INK == th.HIGH_CONTRAST.INK  # the projector's next frame is in high contrast
    assert pilot.top.items[pilot.top.index].label() == "High contrast: on"
    window.draw()
    assert ringed_on_teacher_screen(window) == [key]
    # the clicker's keys move the ring on both screens
    pilot.press(Action.DOWN)
    window.draw()
    assert ringed_on_teacher_screen(window) == [f"access-{pilot.top.index}"] != [key]
    # the safe exit stays on the teacher's screen while the menu is open
    click(pilot, window, "blank")
    assert pilot.top.screen == "blank"
    click(pilot, window, "blank")  # "Come back"
    assert pilot.top.screen == "access"
    pilot.press(Action.PAUSE)  # Escape leaves the menu: the story is where it was
    assert pilot.top is story
    window.draw()
    assert any(b.key == "access" for b, _ in window.screen.rects)
    th.use_palette(th.DEFAULT)  # the colours are the module's: the next test starts plain


def test_the_teacher_overlay_reaches_the_accessibility_menu_with_the_keys():
    pilot = Pilot((1024, 768), "en")
    navigate(pilot, "briefing", "ines-never-taken", [], 0)
    briefing = pilot.top
    pilot.press(Action.TEACHER)
    overlay = pilot.top
    assert overlay.screen == "teacher"
    labels = [i.label() for i in overlay.items]
    assert "Accessibility" in labels
    for _ in range(labels.index("Accessibility")):
        pilot.press(Action.RIGHT)
    assert overlay.items[overlay.index].label() == "Accessibility"
    pilot.press(Action.CONFIRM)
    assert pilot.top.screen == "access"
    pilot.press(Action.PAUSE)
    assert pilot.top is briefing
