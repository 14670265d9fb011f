"""A teacher's first start: the system's language and region, and a second display."""

from __future__ import annotations

import plistlib

import pytest

from max247 import firststart
from max247.firststart import first_start, system_language, system_region
from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.displays import DisplayQuestion
from max247.scenes.title import TitleScene
from max247.settings import Settings


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # any other language: English
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "nl_BE.UTF-8"}, "fr"),  # LC_ALL wins, as in gettext
        ({"LANGUAGE": "de:fr:en", "LANG": "de_DE.UTF-8"}, "fr"),  # the first one we have
        ({"LANGUAGE": "fr", "LANG": "C"}, "en"),  # gettext ignores LANGUAGE in the C locale
    ],
)
def test_the_systems_language_from_the_environment(environ, language):
    assert system_language(environ, "linux") == language


def test_macos_reads_the_users_preferred_languages(tmp_path):
    """Finder starts an app without LANG: the preferences say the language."""
    prefs = tmp_path / "Library" / "Preferences" / ".GlobalPreferences.plist"
    prefs.parent.mkdir(parents=True)
    prefs.write_bytes(
        plistlib.dumps(
            {"AppleLanguages": ["fr-BE", "nl-BE"], "AppleLocale": "fr_BE"},
            fmt=plistlib.FMT_BINARY,
        )
    )
    environ = {"HOME": str(tmp_path)}
    assert system_language(environ, "darwin") == "fr"
    assert system_region(environ, "darwin") == "be"
    assert system_language({"HOME": str(tmp_path / "nobody")}, "darwin") == "en"


def test_windows_asks_for_the_display_language(monkeypatch):
    monkeypatch.setattr(firststart, "_windows_locales", lambda: ["nl_BE"])
    assert system_language({}, "win32") == "nl"
    assert system_region({}, "win32") == "be"


@pytest.mark.parametrize(
    ("lang", "region"),
    [("nl_NL.UTF-8", "nl"), ("en_GB.UTF-8", "uk"), ("fr_BE.UTF-8", "be"), ("fr_FR.UTF-8", None)],
)
def test_the_systems_region(lang, region):
    assert system_region({"LANG": lang}, "linux") == region


def test_one_display_opens_a_window_and_asks_nothing(monkeypatch):
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    settings = Settings()
    assert first_start(settings, displays=1) is False
    assert (settings.language, settings.fullscreen, settings.display) == ("fr", False, 0)


def test_two_displays_go_full_screen_on_the_projector_and_ask():
    settings = Settings()
    assert first_start(settings, displays=2) is True
    assert settings.fullscreen and settings.display == 1


def _asked(choice: Action) -> Pilot:
    pilot = Pilot((1280, 720), "nl")
    pilot.app.settings.display, pilot.app.settings.fullscreen = 1, True
    pilot.start(TitleScene(pilot.app))
    pilot.app.push(DisplayQuestion(pilot.app))
    pilot.step()
    return pilot.press(choice)


def test_the_question_keeps_the_projector():
    pilot = _asked(Action.CHOOSE_1)
    assert isinstance(pilot.top, TitleScene)
    assert (pilot.app.settings.display, pilot.app.settings.fullscreen) == (1, True)


def test_the_question_can_send_the_game_to_a_window_on_the_main_screen():
    pilot = _asked(Action.CHOOSE_2)
    assert isinstance(pilot.top, TitleScene)
    assert (pilot.app.settings.display, pilot.app.settings.fullscreen) == (0, False)


def test_escape_leaves_the_question_as_it_is():
    pilot = _asked(Action.PAUSE)
    assert isinstance(pilot.top, TitleScene) and pilot.app.settings.fullscreen


def test_the_question_reads_in_the_classs_language():
    pilot = _asked(Action.DOWN)
    texts = " ".join(d.text for d in pilot.drawn)
    assert "volledig scherm" in texts and "F11" in texts


def _started(monkeypatch, tmp_path, displays: int):
    """`max247` alone (the double-click), up to its first frame, on a computer set to French."""
    from max247 import app as app_module
    from max247 import paths

    monkeypatch.setattr(paths, "user_data", lambda: tmp_path)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    monkeypatch.setattr(firststart, "display_count", lambda: displays)
    started = []
    monkeypatch.setattr(app_module.App, "run", lambda self: started.append(self) or 0)
    assert app_module.start() == 0
    return started[0]


def test_the_first_start_asks_with_the_systems_language_preselected(monkeypatch, tmp_path):
    from max247.scenes.welcome import WelcomeScene

    app = _started(monkeypatch, tmp_path, displays=1)
    assert [type(s) for s in app.scenes] == [TitleScene, WelcomeScene]
    assert app.settings.language == "fr" and not app.settings.fullscreen
    # no settings saved before the teacher answers (the lessons' database opens at start, empty)
    from max247.store import DB_NAME

    assert [p.name for p in tmp_path.iterdir() if p.name != DB_NAME] == []


def test_the_first_start_with_a_projector_asks_about_it_after_the_welcome(monkeypatch, tmp_path):
    from max247.scenes.welcome import WelcomeScene

    app = _started(monkeypatch, tmp_path, displays=2)
    assert [type(s) for s in app.scenes] == [TitleScene, DisplayQuestion, WelcomeScene]
    assert (app.settings.display, app.settings.fullscreen) == (1, True)


def test_a_later_start_asks_nothing(monkeypatch, tmp_path):
    from max247.settings import save_settings

    save_settings(Settings(language="nl"), tmp_path)
    app = _started(monkeypatch, tmp_path, displays=2)
    assert [type(s) for s in app.scenes] == [TitleScene]
    assert app.settings.language == "nl" and not app.settings.fullscreen
