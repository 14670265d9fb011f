from pathlib import Path

import pytest

from max247.story.findings import CODES
from max247.story.loader import load_scenario, read_scenario
from max247.story.model import Choice, Ending, If, Message, Narrate, Photo, SetFlags, Tell, walk
from tests.scenario_text import HEAD, line_of, scenario

GOOD_END = """\
    - tell: mum
    - ending: {title: Done, message: Kai told Mum.}
"""


def findings(write, text):
    loaded = read_scenario(write("s.yaml", text))
    return loaded, [(f.code, f.loc.line) for f in loaded.findings]


def test_sample_scenario_loads_with_every_kind_of_beat(write):
    text = scenario(
        """\
  one:
    - narrate: Kai plays.
    - stranger: hi
      mood: -1
    - photo: {from: stranger, alt: A blurred picture.}
    - set: {seen: true, app: snaptalk, trust: 2}
    - add: {trust: 1}
    - view: in-person
    - if: seen and trust >= 3
      then:
        - narrate: Kai thinks.
      else:
        - narrate: Kai waits.
    - choice:
        prompt: What now?
        timer: 30
        options:
          - text: Tell Mum.
            feedback: Good idea.
            goto: two
          - text: Tell Sam.
            if: app == snaptalk
            then:
              - tell: sam
            goto: two
          - text: Wait.
            mood: -1
            then:
              - narrate: Kai waits a day.
    - goto: two
  two:
"""
        + GOOD_END
    )
    s = load_scenario(write("s.yaml", text))
    kinds = {type(b) for b in walk(s)}
    assert {Narrate, Message, Photo, SetFlags, If, Choice, Tell, Ending} <= kinds
    choice = s.choices()[0]
    assert choice.key == "one/1"
    assert [o.key for o in choice.options] == ["tell-mum", "tell-sam", "wait"]
    assert choice.timer == 30
    assert s.characters["mum"].max and s.characters["sam"].friend
    msg = next(b for b in walk(s) if isinstance(b, Message))
    assert msg.mood == -1 and msg.text.context == "stranger"
    assert msg.loc.line == line_of(text, "stranger: hi")


def test_texts_stay_texts_where_a_text_is_expected(write):
    text = scenario(
        """\
  one:
    - narrate: No
    - kai: on
    - mum: 10:30
    - narrate: 0612
    - tell: mum
    - ending: {title: 2024-05-01, message: yes}
"""
    )
    s = load_scenario(write("s.yaml", text))
    assert [str(b.text) for b in s.passages["one"].beats[:4]] == ["No", "on", "10:30", "0612"]
    assert str(s.endings()[0].title) == "2024-05-01"


@pytest.mark.parametrize(
    ("passages", "code", "needle"),
    [
        ("  one:\n    - narate: hi\n" + GOOD_END, "E101", "narate"),
        ("  one:\n    - jay: hi\n" + GOOD_END, "E203", "jay: hi"),
        ("  one:\n    - goto: tow\n", "E202", "goto: tow"),
        ("  one:\n    - tell: stranger\n" + GOOD_END, "E204", "tell: stranger"),
        ("  one:\n    - narrate: hi\n", "E301", "narrate: hi"),
        ("  one:\n    - goto: one\n    - narrate: never\n", "E306", "never"),
        ("  one:\n    - narrate: hi\n      set: {a: true}\n" + GOOD_END, "E108", "set:"),
        ("  one:\n    - mood: +1\n" + GOOD_END, "E107", "mood: +1"),
        ("  one:\n    - narrate: hi\n      mood: 0\n" + GOOD_END, "E106", "mood: 0"),
        ("  one:\n    - narrate: hi\n      mood: +5\n" + GOOD_END, "E106", "mood: +5"),
        ("  one:\n    - narrate:\n" + GOOD_END, "E104", "narrate:"),
        ("  one:\n    - narrate: [photo deleted]\n" + GOOD_END, "E105", "photo deleted"),
        ("  one:\n    - kai: {a: b}\n" + GOOD_END, "E105", "kai: {a"),
        ("  one:\n    - narrate: my #1 fan\n" + GOOD_END, "W603", "my #1"),
        ("  one:\n    - help: money\n" + GOOD_END, "E205", "help: money"),
        ("  one:\n    - help: adult-advice\n" + GOOD_END, "E205", "help: adult"),
        ("  one:\n    - view: chat\n" + GOOD_END, "E106", "view: chat"),
        ("  one:\n    - if: gems\n      then: [goto: one]\n" + GOOD_END, "E502", "if: gems"),
        ("  one:\n    - if: gems &&\n      then: [goto: one]\n" + GOOD_END, "E501", "if: gems"),
        ("  one:\n    - set: {Gems: true}\n" + GOOD_END, "E201", "Gems"),
        ("  one:\n    - set: {gems: two words}\n" + GOOD_END, "W501", "gems"),
        ("  one:\n    - set: {gems: [a]}\n" + GOOD_END, "E503", "gems: [a]"),
        ("  One:\n" + GOOD_END, "E201", "One"),
        ("  one:\n    - ending: {title: A, message: B, mood: +3}\n", "E106", "ending"),
        ("  one:\n    - ending: {title: A, message: B}\n      mood: -1\n", "E108", "mood: -1"),
        ("  one:\n    - goto: one\n      narrate: x\n", "E107", "goto: one"),
        ("  one: hello\n", "E103", "one: hello"),
        ("  one: []\n", "E102", "one: []"),
        ("  one:\n    - just a line\n" + GOOD_END, "E107", "just a line"),
    ],
)
def test_each_mistake_gets_its_code_at_its_line(write, passages, code, needle):
    text = scenario(passages)
    _, found = findings(write, text)
    assert (code, line_of(text, needle)) in found, found


CHOICE = (
    """\
  one:
    - choice:
        prompt: What?
        options:
{options}
  two:
"""
    + GOOD_END
)


@pytest.mark.parametrize(
    ("options", "code", "needle"),
    [
        ("          - {text: A, goto: two}", "E302", "- {text: A"),
        ("\n".join(f"          - {{text: O{i}, goto: two}}" for i in range(5)), "E302", "O0"),
        (
            "          - {text: A, goto: two}\n          - {text: B, goto: two, if: a}\n"
            "          - {text: C, goto: two, set: {a: true}, if: a}",
            "E303",
            "text: A",
        ),
        ("          - {text: A, goto: two}\n          - {text: B}", "E304", "text: B"),
        (
            "          - {text: A, goto: two}\n          - text: B\n            then: [goto: two]\n"
            "            goto: two",
            "E305",
            "            goto: two",
        ),
        (
            "          - {text: A, goto: two}\n          - {text: B, goto: two, mod: 1}",
            "E101",
            "mod",
        ),
        ("          - {text: A, goto: two}\n          - {text: B, goto: three}", "E202", "three"),
    ],
)
def test_choice_mistakes(write, options, code, needle):
    text = scenario(CHOICE.replace("{options}", options))
    _, found = findings(write, text)
    assert (code, line_of(text, needle)) in found, found


@pytest.mark.parametrize(
    ("head_change", "code"),
    [
        (("format: 1", "format: 2"), "E109"),
        (("id: test-story", "id: Test Story"), "E201"),
        (("language: en", "language: de"), "E106"),
        (("theme: grooming", "theme: groming"), "E106"),
        (("ages: 10-12", "ages: ten"), "E103"),
        (("minutes: 5", "minutes: five"), "E103"),
        (("mood: 2", "mood: +2"), "E106"),
        (("mood: 2", "mood: 7"), "E106"),
        (("character: kai", "character: kay"), "E203"),
        (("title: A test\n", "titel: A test\n"), "E101"),
        (("title: A test\n", ""), "E102"),
        (("  kai: {name: Kai}", "  kai: Kai"), "E103"),
        (("  sam: {name: Sam, friend: true}", "  narrate: {name: Sam}"), "E206"),
        (("  mum: {name: Mum, max: true}", "  mum: {name: Mum, max: yes}"), "E103"),
        (("  kai: {name: Kai}", "  kai: {name: Kai, max: true}"), "E208"),
        (("title: A test", "title: {nl: Een test}"), "E110"),
    ],
)
def test_head_mistakes(write, head_change, code):
    old, new = head_change
    text = scenario("  one:\n" + GOOD_END, HEAD.replace(old, new))
    _, found = findings(write, text)
    assert code in [c for c, _ in found], found


def test_did_you_mean(write):
    loaded, _ = findings(write, scenario("  one:\n    - narate: hi\n" + GOOD_END))
    assert "Did you mean 'narrate'?" in str(loaded.findings[0])


def test_every_finding_not_just_the_first(write):
    text = scenario("  one:\n    - narate: hi\n    - tell: stranger\n    - goto: nowhere\n")
    _, found = findings(write, text)
    assert {"E101", "E204", "E202"} <= {c for c, _ in found}


def test_inline_translations(write):
    text = scenario("  one:\n    - narrate: {en: Hello, nl: Hallo, fr: Bonjour}\n" + GOOD_END)
    s = load_scenario(write("s.yaml", text))
    t = s.passages["one"].beats[0].text
    assert t.source == "Hello" and t.inline_for("fr") == "Bonjour"


def test_every_code_is_documented_in_the_registry_and_the_guide():
    guide_path = Path(__file__).parent.parent / "docs" / "authoring-guide.md"
    guide = guide_path.read_text(encoding="utf-8")
    for code, (severity, about) in CODES.items():
        assert code[0] == severity.value[0].upper() and code[1:].isdigit() and len(code) == 4
        # the table of codes, the anchor the messages link to, and the explanation itself
        assert f"| [{code}](#{code.lower()}) | {severity.value} | {about} |" in guide, code
        assert f'<a id="{code.lower()}"></a>\n#### {code} {about}\n' in guide, code


def test_a_choice_carries_a_discussion_question_and_a_teacher_note(write, tmp_path):
    from max247.authoring.proof import to_html
    from max247.catalogs import scenario_messages

    text = scenario(
        """\
  one:
    - choice:
        prompt: What now?
        discuss: Why does Kai hesitate?
        teacher: Listen for the word 'secret'.
        options:
          - text: Tell Mum.
            then:
              - tell: mum
              - ending: {title: Done, message: Kai told Mum.}
          - text: Wait.
            then:
              - tell: mum
              - ending: {title: Later, message: Kai told Mum later.}
"""
    )
    loaded, found = findings(write, text)
    assert found == []
    choice = next(b for b in walk(loaded.scenario) if isinstance(b, Choice))
    assert choice.discuss.source == "Why does Kai hesitate?"
    assert choice.discuss.loc.line == line_of(text, "discuss:")
    assert choice.teacher.source == "Listen for the word 'secret'."
    contexts = {(t.context, t.source) for t, _ in scenario_messages(loaded.scenario)}
    assert ("discuss", "Why does Kai hesitate?") in contexts
    assert ("teacher", "Listen for the word 'secret'.") in contexts
    page = to_html(loaded.scenario, lambda s, t, lang: t.source, "en")
    assert "Why does Kai hesitate?" in page and "Listen for the word" in page


def test_an_empty_discussion_question_is_refused_at_its_line(write):
    text = scenario(
        """\
  one:
    - choice:
        prompt: What now?
        discuss: ""
        options:
          - text: Tell Mum.
            then:
              - tell: mum
              - ending: {title: Done, message: Kai told Mum.}
          - text: Wait.
            goto: one
"""
    )
    _, found = findings(write, text)
    assert ("E104", line_of(text, "discuss:")) in found


def test_a_picture_without_a_description_is_w606(write):
    """Read aloud says a picture's description: a picture without one is warned about."""
    head = HEAD.replace(
        "  sam: {name: Sam, friend: true}", "  sam: {name: Sam, friend: true, picture: sam.png}"
    )
    text = scenario("  one:\n    - narrate: Kai plays.\n" + GOOD_END, head)
    _, found = findings(write, text)
    assert ("W606", line_of(text, "sam:")) in found
    described = head.replace("picture: sam.png}", "picture: sam.png, alt: Sam smiling.}")
    _, found = findings(
        write, scenario("  one:\n    - narrate: Kai plays.\n" + GOOD_END, described)
    )
    assert not [f for f in found if f[0] == "W606"]
