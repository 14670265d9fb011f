import os
import time

from max247 import paths
from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.briefing import BriefingScene
from max247.scenes.choice import ChoiceScene
from max247.scenes.preview import BrokenFile, Watcher
from max247.scenes.story import StoryScene
from max247.session import Session

SAMPLE = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")


def to_choice(pilot: Pilot) -> None:
    for _ in range(20):
        if isinstance(pilot.top, ChoiceScene):
            return
        pilot.press(Action.NEXT)
    raise AssertionError("no choice")


def test_a_saved_lesson_resumes_at_the_same_decision(tmp_path):
    pilot = Pilot()
    pilot.lesson("noor-gems").press(Action.CONFIRM, Action.CONFIRM)
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)  # "No thanks"
    to_choice(pilot)
    pilot.app.session.save(tmp_path / "session.json")

    saved, note = Session.load(tmp_path / "session.json")
    assert note is None and saved.progress("noor-gems").log[0].option == "no-thanks-im-fine"
    again = Pilot()
    again.app.session = saved
    again.start(BriefingScene(again.app, again.app.library.scenarios["noor-gems"]))
    again.press(Action.CONFIRM)  # "Continue the story"
    assert isinstance(again.top, ChoiceScene)
    assert again.top.offered.choice.key == "insists/1"


def test_a_corrupt_save_is_set_aside(tmp_path):
    (tmp_path / "session.json").write_text("{nope", encoding="utf-8")
    saved, note = Session.load(tmp_path / "session.json")
    assert saved is None and "set aside" in note
    assert (tmp_path / "session.json.corrupt").exists()


def test_play_reloads_on_save_replays_and_survives_a_broken_save(tmp_path):
    path = tmp_path / "noor-gems.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    pilot = Pilot()
    watcher = Watcher(pilot.app, str(path), None)
    assert watcher.begin()
    pilot.step()
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)
    to_choice(pilot)

    def save(text: str) -> None:
        path.write_text(text, encoding="utf-8")
        stamp = time.time() + 10
        os.utime(path, (stamp, stamp))
        watcher.checked = -1e9
        watcher.check()
        pilot.step()

    save(SAMPLE.replace("come on, it's free", "come on, it's really free"))
    story = pilot.app.find(StoryScene)
    assert isinstance(pilot.top, ChoiceScene) and pilot.top.offered.choice.key == "insists/1"
    assert any("really free" in str(s.text) for s in story.shown)

    save(SAMPLE.replace("goto: ask-mum", "goto: nowhere", 1))
    assert isinstance(pilot.top, BrokenFile)
    assert any("E202" in m for m in pilot.top.messages)

    save(SAMPLE)
    assert isinstance(pilot.top, ChoiceScene) and pilot.top.offered.choice.key == "insists/1"
