"""The explorer (max247.story.explore) and the runtime's step budget: what the proof rests on."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from max247.story.explore import Explorer, explore, flag_key, number_bounds, state_key
from max247.story.flow import prove_help
from max247.story.loader import load_scenario, read_scenario
from max247.story.runtime import (
    Decision,
    MoodChanged,
    StepBudgetError,
    Story,
    StoryError,
    StoryState,
)
from tests.scenario_text import HEAD, UNBOUNDED, line_of, scenario

CORPUS = Path(__file__).parent / "corpus"


def story_of(write, passages: str, head: str = HEAD):
    text = scenario(passages, head)
    return text, load_scenario(write("s.yaml", text), whole=False)


# --- the three stories of issue 10 ----------------------------------------------------------------


def test_a_number_lowered_in_a_loop_is_not_rounded_off():
    s = load_scenario(CORPUS / "E401-number-lowered-in-a-loop.yaml", whole=False)
    found = explore(s)
    assert found.complete
    [(_, choices)] = found.without_help()
    assert choices == (1, 1, 2)  # n: 5, 4, 3, then 0 on the way home
    assert found.states < 20


@pytest.mark.parametrize("name", ["E308-loop-condition-stays-true", "E308-counter-loop"])
def test_a_loop_without_a_choice_is_found_at_its_goto(name):
    path = CORPUS / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    s = load_scenario(path, whole=False)
    found = explore(s)
    [loop] = found.loops.values()
    assert loop.loc.line == line_of(text, "        - goto: one")
    assert loop.choices == () and not loop.budget
    [finding] = [f for f in read_scenario(path).findings if f.code == "E308"]
    assert "choosing []" in finding.message and "choose: []" in finding.hint


def test_a_loop_after_some_choices_gives_the_way_there(write):
    text, s = story_of(
        write,
        """\
  one:
    - choice:
        prompt: P
        options:
          - {text: A, goto: fine}
          - {text: B, goto: round}
  round:
    - narrate: again
    - goto: round
  fine:
    - tell: mum
    - ending: {title: E, message: M}
""",
    )
    [loop] = explore(s).loops.values()
    assert loop.choices == (2,) and loop.loc.line == line_of(text, "    - goto: round")


# --- the state key ------------------------------------------------------------------------------


def test_help_found_is_part_of_the_state(write):
    # telling Mum or not leads to the same place with the same flags: only help tells them apart
    text, s = story_of(
        write,
        """\
  one:
    - choice:
        prompt: P
        options:
          - {text: Tell, then: [tell: mum], goto: two}
          - {text: Keep it, goto: two}
  two:
    - narrate: Later.
    - choice:
        prompt: Q
        options:
          - {text: A, goto: end}
          - {text: B, goto: end}
  end:
    - ending: {title: E, message: M}
""",
    )
    [f] = [f for f in prove_help(s) if f.code == "E401"]
    assert f.loc.line == line_of(text, "ending:") and "[2, 1]" in f.message


def test_whom_they_told_and_whether_they_listened_are_in_the_key(write):
    _, s = story_of(write, "  one:\n    - tell: mum\n    - ending: {title: E, message: M}\n")
    a, b = Story(s), Story(s)
    key = state_key(a, {})
    a.run()
    b.run()
    assert state_key(a, {}) == state_key(b, {}) != key
    b.state.helped.append("talk")
    assert state_key(a, {}) != state_key(b, {})
    b.state.helped.clear()
    b.state.mood += 1
    assert state_key(a, {}) != state_key(b, {})


def test_numbers_are_capped_only_where_nothing_lowers_them(write):
    _, s = story_of(
        write,
        """\
  one:
    - add: {up: 1, down: -1}
    - add: {both: 1}
    - add: {both: -2}
    - if: up >= 3 and down < -2 and both > 1 and seen
      then: [tell: mum]
    - set: {seen: true}
    - ending: {title: E, message: M}
""",
    )
    bounds = number_bounds(s)
    assert bounds["up"] == (None, 4)  # never lowered: above 3 all the same
    assert bounds["down"] == (-3, None)  # never raised: below -2 all the same
    assert bounds["both"] == (None, None)  # raised and lowered: kept exactly
    assert bounds["seen"] == (-1, 1)  # read as true or false: 0 or not
    assert flag_key({"up": 9, "down": -9, "both": 9}, bounds) == (
        ("both", 9),
        ("down", -3),
        ("up", 4),
    )
    assert flag_key({"up": 2, "down": -2}, bounds) == (("down", -2), ("up", 2))
    assert flag_key({"up": True, "x": "word"}, bounds) == (("up", True), ("x", "word"))


# --- bounds on the walk -----------------------------------------------------------------------


def test_too_many_states_names_the_flags(write):
    _, s = story_of(write, UNBOUNDED)
    [f] = prove_help(s, max_states=300)
    assert f.code == "W401" and "trust (" in f.message and "other" not in f.message
    explorer = Explorer(s, max_states=300)
    list(explorer.visits())
    assert explorer.stopped == "states" and explorer.states >= 300
    explorer = Explorer(s, max_seconds=0.0)
    list(explorer.visits())
    assert explorer.stopped == "seconds"


def test_the_shipped_stories_are_explored_to_the_end():
    from max247 import paths
    from max247.story.library import load_library

    for s in load_library([paths.SCENARIOS]).scenarios.values():
        found = explore(s)
        assert found.complete and not found.loops and not found.errors, s.id
        assert 0 < found.states < 5_000, (s.id, found.states)
        assert not found.without_help()


# --- the runtime ----------------------------------------------------------------------------------


COUNTER = """\
  one:
    - add: {n: 1}
    - if: n < 4000
      then:
        - goto: one
    - tell: mum
    - choice:
        prompt: P
        options:
          - {text: A, goto: one}
          - {text: B, goto: two}
  two:
    - ending: {title: E, message: M}
"""


def test_the_runtime_refuses_to_step_past_its_budget(write):
    text, s = story_of(write, COUNTER)
    story = Story(s, budget=100)
    with pytest.raises(StepBudgetError) as caught:
        story.run()
    assert caught.value.loc.line == line_of(text, "        - goto: one")
    assert "100 beats" in str(caught.value) and isinstance(caught.value, StoryError)
    # the budget counts from the last choice: a long way in several stretches is fine
    with pytest.raises(StepBudgetError):
        Story(s).run()  # 4,000 rounds of 3 beats: past the default budget, 10,000
    story = Story(s, budget=20_000)
    story.run()
    assert story.state.flags["n"] == 4000 and story.steps > 4000
    story.choose(1)
    assert story.steps == 0
    story.run()
    story.choose(2)
    assert story.run()[-1].ending is not None


def test_a_plan_on_a_looping_story_fails_it_does_not_hang(write):
    from max247.story.findings import Loc
    from max247.story.plans import Play, run_play

    _, s = story_of(
        write,
        "  one:\n    - narrate: round\n    - goto: one\n  two:\n"
        "    - tell: mum\n    - ending: {title: E, message: M}\n",
    )
    result = run_play(s, Path("p.plan.yaml"), Play("p", Loc("p"), [], None, {}))
    [(_, problem)] = result.problems
    assert "goes round a loop" in problem


def test_the_mood_stays_between_0_and_4(write):
    head = HEAD.replace("mood: 2", "mood: 3")
    _, s = story_of(
        write,
        "  one:\n    - narrate: up\n      mood: +3\n    - narrate: down\n      mood: -3\n"
        "    - narrate: down\n      mood: -3\n    - tell: mum\n"
        "    - ending: {title: E, message: M}\n",
        head,
    )
    story = Story(s)
    moods = [(e.before, e.after) for e in story.run() if isinstance(e, MoodChanged)]
    assert moods == [(3, 4), (4, 1), (1, 0)]


def test_add_adds_and_lowers(write):
    _, s = story_of(
        write,
        "  one:\n    - set: {flag: true}\n    - add: {n: 2}\n    - add: {n: -3, flag: 2}\n"
        "    - tell: mum\n    - ending: {title: E, message: M}\n",
    )
    story = Story(s)
    story.run()
    assert story.state.flags == {"n": -1, "flag": 2}  # a true/false flag counts from 0


def test_replay_follows_the_choice_and_the_option_key(write):
    _, s = story_of(
        write,
        """\
  one:
    - choice:
        prompt: P
        options:
          - {text: A, goto: two}
          - {text: B, goto: two}
  two:
    - tell: mum
    - ending: {title: E, message: M}
""",
    )
    story = Story(s)
    story.run()
    story.choose(2)
    [decision] = story.state.log
    assert (decision.choice, decision.option, decision.number) == ("one/1", "b", 2)
    _, done = Story(s).replay([decision])
    assert done == 1
    # a log from another choice, even with an option key that matches, replays nothing
    _, done = Story(s).replay([Decision("two/1", "b", 2)])
    assert done == 0
    _, done = Story(s).replay([Decision("one/1", "c", 2)])
    assert done == 0


def test_a_fork_shares_nothing_that_changes(write):
    _, s = story_of(
        write,
        """\
  one:
    - set: {x: 1}
    - tell: mum
    - help: talk
    - choice:
        prompt: P
        options:
          - {text: A, goto: two}
          - {text: B, goto: two}
  two:
    - add: {x: 1}
    - tell: sam
    - ending: {title: E, message: M}
""",
    )
    story = Story(s)
    story.run()
    branch = story.fork()
    for f in fields(StoryState):
        value = getattr(story.state, f.name)
        if isinstance(value, (list, dict, set)):
            assert getattr(branch.state, f.name) is not value, f.name
    branch.choose(1)
    branch.run()
    branch.state.helped.append("emergency")
    assert story.state.flags == {"x": 1} and len(story.state.told) == 1
    assert story.state.helped == ["talk"] and story.state.log == []
    assert story.waiting is not None and not story.ended
    story.choose(2)
    story.run()
    assert story.state.flags == {"x": 2} and story.ended


# --- killed mutants (scripts/mutate) --------------------------------------------------------------


def test_the_flags_named_are_those_that_vary_three_at_most():
    from max247.story.explore import widest_flags

    def key(**flags):
        return ((), 2, tuple(sorted(flags.items())), frozenset(), frozenset())

    seen = {key(a=i, b=i % 2, c=i % 3, d=i % 4, same=1) for i in range(12)}
    assert widest_flags(seen) == [("a", 12), ("d", 4), ("c", 3)]  # 'same' never varies
    assert widest_flags({key(a=True, same=1), key(a=False, same=1)}) == [("a", 2)]


def test_an_ending_no_play_reached_is_said_so(write):
    _, s = story_of(write, "  one:\n    - tell: mum\n    - ending: {title: E, message: M}\n")
    _, other = story_of(write, "  one:\n    - help: talk\n    - ending: {title: F, message: M}\n")
    found = explore(s)
    assert found.reach(s.endings()[0]).status == "help found"
    assert found.reach(other.endings()[0]).status == "not reached"


def test_replay_gives_every_event_and_choose_key_says_what_is_wrong(write):
    _, s = story_of(
        write,
        """\
  one:
    - narrate: first
    - choice:
        prompt: P
        options:
          - {text: A, goto: two}
          - {text: B, goto: two}
  two:
    - narrate: second
    - tell: mum
    - ending: {title: E, message: M}
""",
    )
    story = Story(s)
    with pytest.raises(StoryError, match="no option 'b' is on offer"):
        story.choose_key("b")  # nothing waits yet
    played = story.run()
    story.choose_key("b")
    played += story.run()
    events, done = Story(s).replay(story.state.log)
    assert done == 1 and events == played  # the lines before the choice, and after it


def test_next_says_why_it_cannot_go_on(write):
    _, s = story_of(
        write,
        "  one:\n    - choice:\n        prompt: P\n        options:\n"
        "          - {text: A, goto: two}\n          - {text: B, goto: two}\n"
        "  two:\n    - tell: mum\n    - ending: {title: E, message: M}\n",
    )
    story = Story(s)
    story.run()
    with pytest.raises(StoryError, match=r"^a choice is waiting: call choose\(\) first$"):
        story.next()
    story.choose(1)
    story.run()
    with pytest.raises(StoryError, match=r"^the story has ended$"):
        story.next()


def test_a_fork_copies_a_field_with_mutable_insides_deeply():
    from max247.story.runtime import _copied

    nested = [[1], {"a": [2]}]
    copied = _copied(nested)
    assert copied == nested and copied[0] is not nested[0] and copied[1]["a"] is not nested[1]["a"]
    flat = [1, "two", (3,)]
    assert _copied(flat) == flat and _copied(flat) is not flat
