"""The stand at an event (kiosk mode), driven through the pilot: a group comes, plays, walks away;
the stand resets, keeps only counts, and nothing a child presses leaves the game."""

from __future__ import annotations

import datetime as dt
import json

import pygame
import pytest

from max247.input import Action, key_action
from max247.pilot import Pilot
from max247.settings import load_settings
from max247.stand import StandCounts, load_counts, offered, save_counts


def stand(**settings) -> Pilot:
    pilot = Pilot(kiosk=True)
    for name, value in settings.items():
        setattr(pilot.app.settings, name, value)
    pilot.app.reset("stand")
    return pilot.step()


def screens(pilot: Pilot) -> list[str]:
    return [s.screen for s in pilot.app.scenes]


def texts(pilot: Pilot) -> str:
    return " ".join(d.text for d in pilot.drawn)


def organiser_keys(pilot: Pilot) -> Pilot:
    mods = pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT
    return pilot.key(pygame.K_o, mod=mods)


def test_the_welcome_says_an_adult_is_near_and_any_button_starts_the_age_bands_stories():
    pilot = stand()
    assert "An adult from the stand is nearby" in texts(pilot)
    pilot.press(Action.DOWN)  # any button, not only confirm
    assert pilot.top.screen == "board"
    library = pilot.app.library.scenarios
    ages = {library[p.scenario].ages for p in pilot.app.session.characters}
    assert ages == {"10-12"}  # the 12-15 stories are off unless the organiser chooses them


def test_blank_and_pause_never_start_a_group():
    pilot = stand()
    pilot.press(Action.BLANK)
    assert screens(pilot) == ["stand", "blank"]
    assert pilot.app.session is None


def test_the_organiser_chooses_an_older_story_and_it_is_offered():
    pilot = stand()
    organiser_keys(pilot)
    assert pilot.top.screen == "stand-setup"
    labels = [item.label() for item in pilot.top.items]
    older = next(i for i, label in enumerate(labels) if "(12-15)" in label)
    assert labels[older].startswith("\u2b1c")  # an empty box: off
    pilot.top.index = older
    pilot.press(Action.CONFIRM)
    assert pilot.top.items[older].label().startswith("\u2611\ufe0f")
    chosen = pilot.app.settings.stand_stories
    pilot.press(Action.BACK)
    assert pilot.top.screen == "stand"
    pilot.press(Action.CONFIRM)
    assert [p.scenario for p in pilot.app.session.characters] == chosen


def test_a_group_that_walks_away_mid_story_ends_with_the_help_lines_then_the_welcome():
    pilot = stand(stand_stories=["lucas-password"])
    pilot.app.idle_seconds = 60
    pilot.press(Action.CONFIRM, Action.CONFIRM, Action.CONFIRM)  # board, briefing, story
    assert pilot.top.screen == "story"
    for _ in range(11):  # 55 s untouched: still playing
        pilot.step()
    assert pilot.top.screen == "story"
    pilot.step()  # 60 s
    assert screens(pilot) == ["stand", "goodbye"]
    assert "116" in texts(pilot)  # the region's help lines (Child Focus 116 000 in Belgium)
    assert "Thank you for helping" in texts(pilot)
    assert pilot.app.session is None  # the group's play is forgotten ...
    today = pilot.app.counts.today()
    assert today["lucas-password"].groups == 1  # ... but counted
    assert today["lucas-password"].helped == 0
    pilot.press(Action.NEXT)
    assert screens(pilot) == ["stand"]


def test_nothing_a_child_presses_leaves_the_stand():
    pilot = stand(stand_stories=["lucas-password"])
    pilot.press(Action.CONFIRM)
    pilot.app.event(pygame.event.Event(pygame.QUIT))  # Alt+F4, the close button
    assert pilot.app.running
    pilot.press(Action.BACK)  # the board's way back leads to the title in class: not here
    assert pilot.top.screen == "stand"
    # "Stop the lesson" from the pause menu: the goodbye, then the stand, not the desktop
    pilot.press(Action.CONFIRM, Action.CONFIRM, Action.CONFIRM, Action.PAUSE)
    stop = next(i for i, item in enumerate(pilot.top.items) if "Stop" in item.label())
    pilot.top.index = stop
    pilot.press(Action.CONFIRM)
    assert pilot.top.screen == "confirm-quit"
    pilot.press(Action.CHOOSE_2)
    assert pilot.top.screen == "goodbye"
    pilot.press(Action.NEXT)
    assert pilot.app.running
    assert screens(pilot) == ["stand"]
    pilot.press(Action.FULLSCREEN)  # F11 changes nothing at a stand
    assert not pilot.app.settings.fullscreen


def test_the_organisers_keys_work_mid_story_and_only_their_menu_closes_the_game():
    pilot = stand(stand_stories=["lucas-password"])
    pilot.press(Action.CONFIRM, Action.CONFIRM, Action.CONFIRM)
    organiser_keys(pilot)
    assert screens(pilot) == ["stand", "stand-setup"]
    assert pilot.app.counts.today()["lucas-password"].groups == 1
    close = next(i for i, item in enumerate(pilot.top.items) if "Close" in item.label())
    pilot.top.index = close
    pilot.press(Action.CONFIRM)
    assert not pilot.app.running


def test_the_organisers_keys_mean_nothing_outside_a_stand():
    assert key_action("menu", pygame.K_o, pygame.KMOD_CTRL | pygame.KMOD_SHIFT) is Action.ORGANISER
    assert key_action("reading", pygame.K_o) is None
    pilot = Pilot()
    pilot.app.reset("title")
    organiser_keys(pilot.step())
    assert pilot.top.screen == "title"


def test_counts_are_numbers_per_day_and_story_and_a_damaged_file_starts_afresh(tmp_path):
    counts = StandCounts()
    day = dt.date(2026, 12, 3)
    counts.record([("noor-gems", True), ("lucas-password", False)], day)
    counts.record([("noor-gems", False)], day)
    save_counts(tmp_path, counts)
    data = json.loads((tmp_path / "stand-counts.json").read_text(encoding="utf-8"))
    assert data == {"2026-12-03": {"lucas-password": [1, 0], "noor-gems": [2, 1]}}
    assert load_counts(tmp_path).today(day)["noor-gems"].helped == 1
    (tmp_path / "stand-counts.json").write_text('{"2026-12-03": {"x": [1, 5], "y": "z"', "utf-8")
    assert load_counts(tmp_path).days == {}
    (tmp_path / "stand-counts.json").write_text('{"2026-12-03": {"x": [1, 5], "y": "z"}}', "utf-8")
    assert load_counts(tmp_path).today(day)["x"].helped == 1  # never more helped than groups
    assert "y" not in load_counts(tmp_path).today(day)


def test_offered_keeps_the_organisers_choice_and_forgets_stories_that_left_the_library():
    ages = [("a", "10-12"), ("b", "12-15"), ("c", "10-12")]
    assert offered([], ages, "10-12") == ["a", "c"]
    assert offered([], ages, "12-15") == ["b"]
    assert offered(["b", "gone"], ages, "10-12") == ["b"]
    assert offered(["gone"], ages, "10-12") == ["a", "c"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("stand_ages", "8-10"), ("stand_idle_minutes", 0), ("stand_stories", [1, 2])],
)
def test_a_wrong_stand_setting_takes_its_default(tmp_path, field, value):
    (tmp_path / "settings.json").write_text(json.dumps({field: value}), encoding="utf-8")
    settings, note = load_settings(tmp_path)
    assert note is not None
    assert (settings.stand_ages, settings.stand_idle_minutes, settings.stand_stories) == (
        "10-12",
        3,
        [],
    )
