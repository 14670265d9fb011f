"""Read aloud: every line of a story, each prompt and option with its number, each feedback and
help card is said when it appears, in order, in the class's language; Shift+R and the pause
menu say the current text again; a teacher's screen says nothing; no voice means silence.

With a fake speaker (fast) and with espeak-ng writing each line to a WAV file (slow)."""

import subprocess
import threading
import time

import pygame
import pytest

from max247.input import CHOOSE, Action
from max247.pilot import Pilot
from max247.scenes.choice import ChoiceScene
from max247.scenes.ending import EndingScene
from max247.speech import EspeakBackend, FakeBackend, Speaker, Utterance
from max247.story.runtime import (
    ChoiceOffered,
    FeedbackShown,
    HelpShown,
    Line,
    PhotoShown,
    Story,
)
from tests.conftest import require_tool

STORY = "noor-gems"


def reading_pilot(language: str, backend) -> tuple[Pilot, Speaker]:
    pilot = Pilot((1024, 768), language)
    pilot.app.settings.read_aloud = True
    speaker = Speaker(backend)
    pilot.app.speaker = speaker
    return pilot, speaker


def expected(pilot: Pilot, scenario_id: str) -> list[str]:
    """What the class should hear along the path that always takes the first option offered,
    worked out from the story's runtime alone, not from the screens."""
    app = pilot.app
    scenario = app.library.scenarios[scenario_id]
    story = Story(scenario)
    out = [app.text(scenario, scenario.title)]  # the briefing
    while not story.ended:
        event = story.next()
        if isinstance(event, Line):
            out.append(app.text(scenario, event.text))
        elif isinstance(event, PhotoShown):
            out.append(app.text(scenario, event.alt))
        elif isinstance(event, ChoiceOffered):
            out.append(app.text(scenario, event.choice.prompt))
            out += [app.text(scenario, o.option.text) for o in event.options]
            story.choose(event.options[0].number)
        elif isinstance(event, FeedbackShown):
            out.append(app.text(scenario, event.text))
        elif isinstance(event, HelpShown):
            out.append(app._("Help is there"))
    return out


def play(pilot: Pilot, speaker: Speaker, scenario_id: str) -> None:
    """Brief, start and play the story to its ending, taking the first option every time,
    letting each screen be said before the next press (as a class listens)."""
    pilot.lesson(scenario_id)
    pilot.press(Action.CONFIRM)  # the briefing
    assert speaker.wait()
    pilot.press(Action.CONFIRM)  # the story starts
    for _ in range(400):
        assert speaker.wait()
        top = pilot.top
        if isinstance(top, EndingScene):
            return
        pilot.press(CHOOSE[0] if isinstance(top, ChoiceScene) else Action.NEXT)
    raise AssertionError("the story did not end")


def assert_in_order(wanted: list[str], said: list[str]) -> None:
    i = 0
    for text in wanted:
        while i < len(said) and text not in said[i]:
            i += 1
        assert i < len(said), f"not said, or not in order: {text!r}\nsaid: {said}"
        i += 1


def test_a_story_is_read_aloud_in_order_with_who_says_it(tmp_path):
    fake = FakeBackend()
    pilot, speaker = reading_pilot("en", fake)
    play(pilot, speaker, STORY)
    said = [u.text for u in fake.said]
    assert_in_order(expected(pilot, STORY), said)
    assert {u.language for u in fake.said} == {"en"}
    # who says it, and each option with its number
    scenario = pilot.app.library.scenarios[STORY]
    assert any(s.startswith("Option 1: ") for s in said)
    names = {pilot.app.text(scenario, c.name) for c in scenario.characters.values()}
    assert any(
        any(s.startswith(f"{n} writes: ") or s.startswith(f"{n} says: ") for n in names)
        for s in said
    )
    # the ending: its title and how the character feels
    assert isinstance(pilot.top, EndingScene)
    assert pilot.top.read_aloud()[0] in said
    # never a teacher's note
    notes = [pilot.app.text(scenario, scenario.teacher_notes)] if scenario.teacher_notes else []
    assert not any(note and note in s for note in notes for s in said)


def test_the_class_hears_its_own_language():
    fake = FakeBackend()
    pilot, speaker = reading_pilot("fr", fake)
    play(pilot, speaker, STORY)
    assert_in_order(expected(pilot, STORY), [u.text for u in fake.said])
    assert {u.language for u in fake.said} == {"fr"}


def test_shift_r_and_the_pause_menu_say_the_current_text_again():
    fake = FakeBackend()
    pilot, speaker = reading_pilot("en", fake)
    pilot.lesson(STORY)
    pilot.press(Action.CONFIRM, Action.CONFIRM, Action.NEXT)
    assert speaker.wait()
    current = pilot.top.read_aloud()
    assert current and [u.text for u in fake.said[-len(current) :]] == current
    n = len(fake.said)
    pilot.step()  # drawing again says nothing new
    assert speaker.wait() and len(fake.said) == n
    pilot.key(pygame.K_r, mod=pygame.KMOD_SHIFT)
    assert speaker.wait()
    assert [u.text for u in fake.said[n:]] == current
    # the clicker's way: the pause menu's item, which closes the menu and says it again
    pilot.press(Action.PAUSE)
    assert speaker.wait()
    n = len(fake.said)
    labels = [item.label() for item in pilot.top.items]
    pilot.press(CHOOSE[labels.index("Read it aloud again")])
    assert speaker.wait()
    assert [u.text for u in fake.said[n:]] == current
    # the teacher's screen is never read aloud
    n = len(fake.said)
    pilot.press(Action.TEACHER)
    assert speaker.wait() and len(fake.said) == n
    pilot.press(Action.PAUSE)


def test_silent_where_no_voice_exists_and_the_menu_says_so():
    fake = FakeBackend(languages=["fr"])  # a French computer: no Dutch voice
    pilot, speaker = reading_pilot("nl", fake)
    play(pilot, speaker, STORY)
    assert fake.said == []
    pilot.key(pygame.K_a, mod=pygame.KMOD_SHIFT)
    assert pilot.top.screen == "access"
    note = pilot.top.note()
    assert (
        "Français" in note
        and pilot.app._("None for the class's language: the game stays silent.") in note
    )
    silent = Speaker(None)
    silent.say([Utterance("hallo", "nl")])  # no speech at all: nothing happens, nothing fails
    assert silent.voices() == [] and silent.idle()


def test_say_never_blocks_the_frame_loop_and_a_new_screen_cuts_the_old_short():
    class Slow(FakeBackend):
        def __init__(self):
            super().__init__()
            self.release = threading.Event()

        def speak(self, text, language):
            self.release.wait(5)
            super().speak(text, language)

    slow = Slow()
    speaker = Speaker(slow)
    start = time.monotonic()
    speaker.say([Utterance("one", "en"), Utterance("two", "en")])
    speaker.say([Utterance("three", "en")])  # the next screen, before "one" is done
    assert time.monotonic() - start < 0.5  # queued, not said, on the caller's thread
    slow.release.set()
    assert speaker.wait()
    assert [u.text for u in slow.said][-1] == "three"
    assert "two" not in [u.text for u in slow.said]


@pytest.mark.slow
@pytest.mark.parametrize(("language", "voice"), [("nl", "nl"), ("fr", "fr-be")])
def test_espeak_reads_a_story_into_wav_files(tmp_path, language, voice):
    require_tool("espeak-ng")
    sox = require_tool("sox")
    backend = EspeakBackend(wav_folder=tmp_path)
    pilot, speaker = reading_pilot(language, backend)
    assert language in speaker.voices()
    play(pilot, speaker, STORY)
    assert speaker.wait(60)
    said = [text for text, _, _ in backend.written]
    assert_in_order(expected(pilot, STORY), said)
    assert {v for _, v, _ in backend.written} == {voice}
    for text, _, path in backend.written:
        samples = subprocess.run(
            [sox, "--i", "-s", str(path)], capture_output=True, text=True, check=True
        ).stdout
        assert int(samples) > 1000, f"{path.name} is empty: {text!r}"
