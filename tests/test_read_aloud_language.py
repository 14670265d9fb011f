"""Read aloud speaks the language of what is on screen (issue 20): the class's, except a story's
text not translated into it yet, which the screen shows in the story's own language and the
story's voice says; the words around it ("Option 1:") stay in the class's voice."""

from __future__ import annotations

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.choice import ChoiceScene
from max247.speech import FakeBackend, Speaker, Utterance, in_languages

STORY = "noor-gems"  # written in English, translated into Dutch and French


def untranslated_pilot(language: str, fake: FakeBackend) -> Pilot:
    pilot = Pilot((1024, 768), language)
    pilot.app.settings.read_aloud = True
    pilot.app.speaker = Speaker(fake)
    # the story's catalogs are not there: a French class sees its English source
    pilot.app.translator.locales[STORY] = None
    return pilot


def test_an_untranslated_story_is_said_in_its_own_language_the_interface_in_the_class_s():
    fake = FakeBackend()
    pilot = untranslated_pilot("fr", fake)
    scenario = pilot.app.library.scenarios[STORY]
    assert scenario.language == "en"
    pilot.lesson(STORY)
    pilot.press(Action.CONFIRM)  # the briefing: its title as the screen shows it
    assert pilot.app.speaker.wait()
    title = pilot.app.text(scenario, scenario.title)
    assert title == scenario.title.source
    assert Utterance(title, "en") in fake.said
    pilot.press(Action.CONFIRM)
    for _ in range(100):
        assert pilot.app.speaker.wait()
        if isinstance(pilot.top, ChoiceScene):
            break
        pilot.press(Action.NEXT)
    assert pilot.app.speaker.wait()
    choice = pilot.top
    assert isinstance(choice, ChoiceScene)
    first = choice.offered.options[0]
    option = pilot.app.text(scenario, first.option.text)
    n = fake.said.index(Utterance(option, "en"))
    # the number in the class's language, just before the option's words in the story's
    assert fake.said[n - 1].language == "fr" and fake.said[n - 1].text.startswith("Option 1")
    assert Utterance(pilot.app.text(scenario, choice.offered.choice.prompt), "en") in fake.said
    # every line of the story's own words went to the English voice, none to the French one
    story_lines = {u.text for u in fake.said if u.language == "en"}
    assert all(u.text not in story_lines for u in fake.said if u.language == "fr")
    # Shift+R says it again, in the same voices
    n = len(fake.said)
    pilot.press(Action.REPEAT)
    assert pilot.app.speaker.wait()
    assert Utterance(option, "en") in fake.said[n:]


def test_a_translated_story_is_said_in_the_class_s_language_only():
    fake = FakeBackend()
    pilot = Pilot((1024, 768), "nl")
    pilot.app.settings.read_aloud = True
    pilot.app.speaker = Speaker(fake)
    pilot.lesson(STORY)
    pilot.press(Action.CONFIRM, Action.CONFIRM, Action.NEXT)
    assert pilot.app.speaker.wait()
    assert fake.said and {u.language for u in fake.said} == {"nl"}


def test_a_line_is_cut_where_it_quotes_a_text_in_another_language():
    shown_in = {"Ik weet het niet.": "nl", "Noor": "nl"}
    said = in_languages("Noor écrit : Ik weet het niet.", shown_in, "fr")
    # a name alone keeps the line's voice; the quoted words get their own
    assert said == [Utterance("Noor écrit : ", "fr"), Utterance("Ik weet het niet.", "nl")]
    assert in_languages("Bonjour", shown_in, "fr") == [Utterance("Bonjour", "fr")]
    assert in_languages("Ik weet het niet.", shown_in, "fr") == [
        Utterance("Ik weet het niet.", "nl")
    ]
