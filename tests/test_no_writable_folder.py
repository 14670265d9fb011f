"""Issue 12: a data folder that cannot be written (a locked-down school profile, a 0-byte file
where the folder should be) never stops the game: it says so once and plays on in memory."""

from __future__ import annotations

import pytest

from max247 import paths
from max247.cli import main
from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.board import BoardScene
from max247.scenes.title import TitleScene
from tests.test_game import choose_noor


@pytest.fixture
def blocked(tmp_path, monkeypatch):
    """The user's data folder lies under a 0-byte file: every write fails (NotADirectoryError)."""
    (tmp_path / "data").write_bytes(b"")
    folder = tmp_path / "data" / "max247"
    monkeypatch.setattr(paths, "user_data", lambda: folder)
    return folder


def saving_pilot(language: str = "nl") -> Pilot:
    pilot = Pilot((1280, 720), language=language)
    pilot.app.headless = False  # save as the game does (the pilot's app saves nothing)
    return pilot


def test_a_region_change_and_a_lesson_start_play_on_and_say_it_once(blocked):
    pilot = saving_pilot("en")
    pilot.start(TitleScene(pilot.app))
    pilot.press(Action.UP, Action.CONFIRM)  # "Help cards for": the next region, saved
    assert pilot.app.settings.region == "nl"  # changed, in memory
    assert not pilot.app.keeping
    [note] = pilot.app.notes
    shown = [d.text for d in pilot.drawn]
    assert any(text.startswith("Nothing will be kept on this computer") for text in shown)
    pilot.press(Action.DOWN)  # the notice goes with the next key
    assert pilot.app.notice is None
    choose_noor(pilot)  # the lesson starts, and would be saved
    assert isinstance(pilot.top, BoardScene)
    assert pilot.app.notes == [note]  # said once, not at every save


def test_the_notice_is_said_in_the_classes_language(blocked):
    for language, start in (("nl", "Er wordt niets bewaard"), ("fr", "Rien ne sera gardé")):
        pilot = saving_pilot(language)
        pilot.start(TitleScene(pilot.app))
        pilot.app.save_settings()
        pilot.step()
        assert any(d.text.startswith(start) for d in pilot.drawn), language


def test_library_add_says_why_without_a_traceback(blocked, tmp_path, capsys):
    (tmp_path / "stories").mkdir()
    assert main(["library", "add", str(tmp_path / "stories")]) == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Traceback" not in err
