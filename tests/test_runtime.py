import subprocess
import sys

import pytest

from max247 import paths
from max247.story.explore import Explorer
from max247.story.loader import load_scenario
from max247.story.runtime import (
    ChoiceOffered,
    Ended,
    FeedbackShown,
    Line,
    MoodChanged,
    Story,
    StoryError,
    Told,
)
from tests.scenario_text import scenario

SAMPLE = paths.SCENARIOS / "noor-gems" / "noor-gems.yaml"


def play(story: Story, numbers: list[int]) -> list:
    events = story.run()
    for n in numbers:
        story.choose(n)
        events += story.run()
    return events


def all_paths(scenario_):
    """A play to each ending from each state the explorer meets: (choices, the ended story)."""
    return [(list(v.choices), v.story) for v in Explorer(scenario_).visits() if v.story.ended]


def test_every_path_of_the_sample_ends_with_help():
    s = load_scenario(SAMPLE)
    paths_ = all_paths(s)
    assert len(paths_) >= 6
    endings = set()
    for numbers, story in paths_:
        assert story.state.found_help, numbers
        assert 0 <= story.state.mood <= 4
        endings.add(story.ending.ending.id)
    assert endings == {e.id for e in s.endings()}


def test_events_come_in_order_with_feedback_before_the_story_goes_on():
    story = Story(load_scenario(SAMPLE))
    first = story.run()
    assert [type(e) for e in first[:3]] == [Line, Line, Line]
    assert isinstance(first[-1], ChoiceOffered)
    assert [o.number for o in first[-1].options] == [1, 2, 3]
    story.choose(1)  # taking the gems: feedback, and no rise of the mood for a risky choice
    after = story.run()
    assert isinstance(after[0], FeedbackShown)
    assert [type(e) for e in after[1:4]] == [Line, Line, Line]
    # the drop comes right after the line it stands on (Jay's demand for a secret)
    assert isinstance(after[4], MoodChanged) and (after[4].before, after[4].after) == (2, 1)
    assert story.state.flags == {"gems": True}


def test_choose_without_a_choice_and_a_number_not_on_offer():
    story = Story(load_scenario(SAMPLE))
    with pytest.raises(StoryError):
        story.choose(1)
    story.run()
    with pytest.raises(StoryError):
        story.choose(4)
    with pytest.raises(StoryError):
        story.next()  # a choice is waiting


def test_mood_is_clamped_after_every_change(write):
    text = scenario(
        """\
  one:
    - narrate: a
      mood: -4
    - narrate: b
      mood: -1
    - narrate: c
      mood: +1
    - tell: mum
    - ending: {title: E, message: M}
"""
    )
    story = Story(load_scenario(write("s.yaml", text)))
    story.run()
    assert story.state.mood == 1  # 2 -4 -> 0, -1 -> 0, +1 -> 1


def test_hidden_options_are_skipped_in_the_numbering_and_then_gathers(write):
    text = scenario(
        """\
  one:
    - choice:
        prompt: P
        options:
          - {text: A, then: [narrate: a]}
          - {text: B, if: seen, goto: two}
          - {text: C, set: {seen: true}, then: [narrate: c]}
    - narrate: after
    - goto: two
  two:
    - tell: sam
    - tell: {who: mum, listens: false}
    - tell: mum
    - ending: {title: E, message: M, mood: 4}
"""
    )
    story = Story(load_scenario(write("s.yaml", text)))
    offered = story.run()[-1]
    assert [(o.number, str(o.option.text)) for o in offered.options] == [(1, "A"), (2, "C")]
    story.choose(2)
    events = story.run()
    texts = [str(e.text) for e in events if isinstance(e, Line)]
    assert texts == ["c", "after"]
    told = [(e.who, e.listens) for e in events if isinstance(e, Told)]
    assert told == [("sam", True), ("mum", False), ("mum", True)]
    assert story.state.found_help and story.ended and story.state.mood == 4


def test_a_friend_alone_is_not_help(write):
    text = scenario("  one:\n    - tell: sam\n    - ending: {title: E, message: M}\n")
    story = Story(load_scenario(write("s.yaml", text), whole=False))
    story.run()
    assert story.ended and not story.state.found_help


def test_the_choice_log_survives_options_being_moved(write):
    original = """\
  one:
    - choice:
        prompt: P
        options:
          - {text: Wait, goto: one}
          - {text: Tell Mum, goto: two}
  two:
    - tell: mum
    - ending: {title: E, message: M}
"""
    moved = original.replace(
        "          - {text: Wait, goto: one}\n          - {text: Tell Mum, goto: two}",
        "          - {text: Tell Mum, goto: two}\n          - {text: Wait, goto: one}",
    )
    story = Story(load_scenario(write("a.yaml", scenario(original))))
    play(story, [1, 1, 2])
    log = story.state.log
    assert [d.option for d in log] == ["wait", "wait", "tell-mum"]
    again = Story(load_scenario(write("b.yaml", scenario(moved))))
    _, done = again.replay(log)
    assert done == 3 and again.ended


def test_replay_stops_where_the_scenario_changed(write):
    text = scenario(
        "  one:\n    - choice:\n        prompt: P\n        options:\n"
        "          - {text: A, goto: two}\n          - {text: B, goto: two}\n"
        "  two:\n    - tell: mum\n    - ending: {title: E, message: M}\n"
    )
    s = load_scenario(write("s.yaml", text))
    story = Story(s)
    play(story, [1])
    edited = load_scenario(write("t.yaml", text.replace("text: A", "text: Other")))
    again = Story(edited)
    _, done = again.replay(story.state.log)
    assert done == 0 and again.waiting is not None


def test_a_silent_loop_is_reported_not_hung(write):
    text = scenario(
        "  one:\n    - goto: two\n  two:\n    - goto: one\n"
        "  three:\n    - tell: mum\n    - ending: {title: E, message: M}\n"
    )
    story = Story(load_scenario(write("s.yaml", text), whole=False))
    with pytest.raises(StoryError, match="loop"):
        story.next()


def test_start_anywhere(write):
    story = Story(load_scenario(SAMPLE), start="ask-mum")
    events = story.run()
    assert isinstance(events[-1], Ended) and story.state.found_help
    with pytest.raises(StoryError):
        Story(load_scenario(SAMPLE), start="nowhere")


def test_story_layer_never_imports_pygame():
    code = (
        "import sys, max247.story.runtime, max247.story.plans, max247.story.library, "
        "max247.helpdir, max247.i18n; "
        "print('pygame' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
