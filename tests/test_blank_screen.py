"""The blank screen is the safe exit: nothing opens over it and nothing is read out over it.

With one display the teacher's notes open on the projector; over the blank screen they would put
the steps for a child's disclosure in front of the class (a safeguarding reviewer found it)."""

from max247.input import Action
from max247.pilot import Pilot
from max247.speech import Speaker


class _Recording:
    def __init__(self) -> None:
        self.said: list[str] = []

    def voices(self) -> list[str]:
        return ["en", "nl", "fr"]

    def speak(self, text: str, language: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def test_nothing_opens_over_the_blank_screen_and_the_class_never_sees_the_disclosure_steps():
    pilot = Pilot((1024, 768))
    pilot.lesson("noor-gems")
    pilot.press(Action.BLANK)
    for action in (Action.TEACHER, Action.KEYS, Action.PAUSE, Action.ACCESS, Action.REPEAT):
        pilot.press(action)
        assert pilot.top.screen == "blank", action
        shown = " ".join(d.text for d in pilot.drawn)
        assert "worrying" not in shown and "discloses" not in shown, action


def test_the_blank_screen_is_silent():
    pilot = Pilot((1024, 768))
    backend = _Recording()
    pilot.app.speaker = Speaker(backend)
    pilot.app.settings.read_aloud = True
    pilot.lesson("noor-gems")
    pilot.press(Action.CONFIRM)  # the character's card is read out
    assert pilot.app.speaker.wait(10)
    before = len(backend.said)
    assert before > 0
    pilot.press(Action.BLANK, Action.REPEAT)  # Shift+R over the blank screen says nothing
    assert pilot.app.speaker.wait(10)
    assert len(backend.said) == before
