"""Moods that say the right thing: W101 (a character who starts feeling OK) and W605 (words
about the character's mood that the meter contradicts)."""

from max247.story.loader import read_scenario
from max247.story.moods import mood_words
from tests.conftest import ROOT
from tests.scenario_text import HEAD, line_of, scenario

PASSAGES = """\
  one:
    - narrate: Kai gets a message.
      mood: -1
    - narrate: "{line}"
    - choice:
        prompt: What does Kai do?
        options:
          - text: Tell Mum.
            mood: +1
            feedback: "{feedback}"
            goto: told
          - text: Wait.
            goto: told
  told:
    - view: in-person
    - tell: mum
    - help: talk
    - ending: {{title: Kai found help, message: "{ending}", mood: {end}}}
"""


def codes(write, mood=2, line="Kai reads it.", feedback="OK.", ending="Good.", end=4):
    passages = PASSAGES.format(line=line, feedback=feedback, ending=ending, end=end)
    text = scenario(passages, HEAD.replace("\nmood: 2\n", f"\nmood: {mood}\n"))
    found = read_scenario(write("kai-test.yaml", text)).findings
    return [(f.code, f.loc.line) for f in found if f.code in ("W101", "W605")]


MOOD = line_of(HEAD, "mood:")
LINE = line_of(HEAD + PASSAGES, "{line}")
FEEDBACK = line_of(HEAD + PASSAGES, "feedback:")
ENDING = line_of(HEAD + PASSAGES, "- ending:")


def test_a_character_starting_at_3_or_more_is_warned_at_the_mood_line(write):
    assert codes(write, mood=3) == [("W101", MOOD)]
    assert codes(write, mood=4) == [("W101", MOOD)]
    assert codes(write, mood=2) == codes(write, mood=1) == codes(write, mood=0) == []


def test_words_against_the_meter_on_every_kind_of_text(write):
    # after the drop the meter shows 1: "feels bad" agrees, "feels good" does not
    assert codes(write, line="Kai feels bad.") == []
    assert codes(write, line="Kai still feels good.") == [("W605", LINE)]
    assert codes(write, line="Kai feels very bad.") == [("W605", LINE)]  # 'very bad' is 0 only
    # feedback is read after its option's change (1 + 1 = 2, so-so)
    assert codes(write, feedback="Kai feels so-so now.") == []
    assert codes(write, feedback="Kai feels great now.") == [("W605", FEEDBACK)]
    # an ending's text is read at the ending's own mood
    assert codes(write, ending="Kai feels OK again.", end=3) == []
    assert codes(write, ending="Kai feels awful.", end=3) == [("W605", ENDING)]


def test_only_what_is_reliable_is_reported(write):
    for line in (
        "Kai doesn't feel good.",  # a negation
        "Kai feels better.",  # a comparison says nothing of the meter
        "Mum feels great.",  # someone else
        "She feels great.",  # a pronoun: who?
        "Kai feels bad that Mum is worried.",  # regret, not a mood
    ):
        assert codes(write, line=line) == [], line


def test_the_phrases_of_each_language():
    assert [w for w, _ in mood_words("Fatou se sent très mal.", "Fatou", "fr")] == [
        "Fatou se sent très mal"
    ]
    assert mood_words("Fatou ne se sent pas bien.", "Fatou", "fr") == []
    [(_, moods)] = mood_words("Fatou se sent très mal.", "Fatou", "fr")
    assert moods == {0}
    [(_, moods)] = mood_words("Nu voelt Fatou zich echt rot.", "Fatou", "nl")
    assert moods == {0, 1}
    assert mood_words("Fatou voelt zich niet goed.", "Fatou", "nl") == []
    [(_, moods)] = mood_words("Zoë still feels OK.", "Zoë", "en")
    assert moods == {3, 4}


def test_the_shipped_template_and_the_guides_example_start_below_3():
    from max247.authoring.new import TEMPLATE

    assert "\nmood: 2\n" in TEMPLATE.read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "authoring-guide.md").read_text(encoding="utf-8")
    assert (
        "\nmood: 2                   # their mood" in guide
        and "character: amira\nmood: 2\n" in guide
    )
