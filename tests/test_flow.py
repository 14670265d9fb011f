import json

from max247.story.flow import length
from max247.story.loader import load_scenario, read_scenario
from max247.story.runtime import Story
from tests.scenario_text import line_of, scenario


def found(write, passages):
    text = scenario(passages)
    loaded = read_scenario(write("s.yaml", text))
    return text, loaded, [(f.code, f.loc.line) for f in loaded.findings]


def test_a_passage_no_path_reaches(write):
    text, _, codes = found(
        write,
        "  one:\n    - tell: mum\n    - ending: {title: E, message: M}\n  lost:\n    - goto: one\n",
    )
    assert ("W301", line_of(text, "  lost:")) in codes


def test_a_loop_with_no_way_out(write):
    text, _, codes = found(
        write,
        """\
  one:
    - choice:
        prompt: P
        options:
          - {text: A, goto: two}
          - {text: B, goto: three}
  two:
    - tell: mum
    - ending: {title: E, message: M}
  three:
    - narrate: round and round
    - goto: four
  four:
    - narrate: again
    - goto: three
""",
    )
    assert ("E307", line_of(text, "round and round")) in codes
    assert ("E307", line_of(text, "again")) in codes


def test_the_help_proof_gives_a_path_ready_for_a_test_plan(write):
    text, loaded, _ = found(
        write,
        """\
  one:
    - choice:
        prompt: P
        options:
          - {text: Tell Mum, goto: told}
          - {text: Tell Sam, goto: friend}
  told:
    - tell: mum
    - goto: end
  friend:
    - tell: sam
    - choice:
        prompt: Q
        options:
          - {text: Then Mum, goto: told}
          - {text: Keep quiet, goto: end}
  end:
    - ending: {title: E, message: M}
""",
    )
    [f] = [f for f in loaded.findings if f.code == "E401"]
    assert f.loc.line == line_of(text, "ending:")
    assert "[2, 2]" in f.message and "choose: [2, 2]" in f.hint


def test_help_depends_on_flags(write):
    base = """\
  one:
    - choice:
        prompt: P
        options:
          - {text: A, set: {told: true}, goto: two}
          - {text: B, goto: two}
  two:
    - if: {cond}
      then:
        - tell: mum
    - ending: {title: E, message: M}
"""
    _, _, codes = found(write, base.replace("{cond}", "told or not told"))
    assert "E401" not in [c for c, _ in codes]
    _, _, codes = found(write, base.replace("{cond}", "told"))
    assert "E401" in [c for c, _ in codes]


def test_a_listening_max_is_help_but_one_who_does_not_listen_is_not(write):
    _, _, codes = found(
        write,
        "  one:\n    - tell: {who: mum, listens: false}\n    - ending: {title: E, message: M}\n",
    )
    assert "E401" in [c for c, _ in codes]


def test_number_flags_in_loops_terminate_and_count(write):
    # tries only ever goes up: the proof caps it and ends; and the help at the end depends on
    # the adds having counted (with tries still 0, the first way to 'two' would find no help)
    story = """\
  one:
    - add: {tries: 1}
    - choice:
        prompt: P
        options:
          - {text: Again, goto: one}
          - {text: Mum, if: tries >= 3, goto: two}
          - {text: Stop, goto: two}
  two:
    - if: tries == 0
      then:
        - ending: {title: Nobody, message: M}
    - help: talk
    - ending: {title: E, message: M}
"""
    _, _, codes = found(write, story)
    assert [c for c, _ in codes if c.startswith("E")] == []
    # the same story where the count stays 0: the proof finds the way without help
    text, _, codes = found(write, story.replace("add: {tries: 1}", "set: {tries: 0}"))
    assert ("E401", line_of(text, "title: Nobody")) in codes


def test_too_many_states_is_said_not_hidden(write):
    options = "\n".join(
        f"          - {{text: O{i}, add: {{f{i}: 1}}, goto: one}}" for i in range(4)
    )
    reads = " and ".join(f"f{i} < 100" for i in range(4))
    text = scenario(
        f"""\
  one:
    - choice:
        prompt: P
        options:
{options}
  two:
    - if: {reads}
      then: [tell: mum]
    - ending: {{title: E, message: M}}
"""
    ).replace(
        "          - {text: O3, add: {f3: 1}, goto: one}",
        "          - {text: O3, add: {f3: 1}, goto: two}",
    )
    loaded = read_scenario(write("s.yaml", text))
    assert "W401" in [f.code for f in loaded.findings]


def test_long_texts_and_phone_numbers(write):
    long = "word " * 50
    text, _, codes = found(
        write,
        f"  one:\n    - narrate: {long}\n    - narrate: Call 116 000 now\n"
        "    - narrate: Noor (11) has 500 gems and is 100% sure\n"
        "    - tell: mum\n    - ending: {title: E, message: M}\n",
    )
    assert ("W601", line_of(text, "word word")) in codes
    assert ("W602", line_of(text, "116 000")) in codes
    assert ("W602", line_of(text, "500 gems")) not in codes


def test_an_emoji_counts_as_one():
    assert length("hi 👋🏽") == 4
    assert length("👨‍👩‍👧") == 1
    assert length("é") == 1


def test_the_counterexample_pasted_into_a_plan_reproduces_it(write):
    text, loaded, _ = found(
        write,
        "  one:\n    - choice:\n        prompt: P\n        options:\n"
        "          - {text: A, goto: two}\n          - {text: B, goto: three}\n"
        "  two:\n    - tell: mum\n    - ending: {title: E, message: M}\n"
        "  three:\n    - ending: {title: F, message: N}\n",
    )
    [f] = [f for f in loaded.findings if f.code == "E401"]
    numbers = json.loads(f.hint.split("choose: ")[1].rstrip(")."))
    story = Story(load_scenario(write("s.yaml", text), whole=False))
    story.run()
    for n in numbers:
        story.choose(n)
        story.run()
    assert story.ended and not story.state.found_help
    assert str(story.ending.ending.title) == "F"
