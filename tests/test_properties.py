"""Properties, checked on small random stories (tests/story_gen.py): what the validator passes,
the game plays; the graph, the proof page and the validator say the same; the runtime's invariants.

The suite runs a few hundred examples of each. The long run is `scripts/fuzz-proof` (10,000 or
more, see docs/testing.md): the same tests with MAX247_FUZZ_EXAMPLES set.
"""

from __future__ import annotations

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from max247.authoring import graph, proof
from max247.story.explore import explore
from max247.story.flow import check_flow
from max247.story.loader import read_scenario
from max247.story.model import MOOD_MAX, MOOD_MIN, Scenario
from max247.story.plans import inline_or_source
from max247.story.runtime import ChoiceOffered, Ended, MoodChanged, Story, StoryError
from tests.story_gen import stories

pytestmark = pytest.mark.slow  # long walks: a few hundred random stories, each played every way

EXAMPLES = int(os.environ.get("MAX247_FUZZ_EXAMPLES", "150"))
STATES, SECONDS = 3_000, 1.0  # small bounds: a random story's counters can go on forever
DEPTH = 6  # choices deep that exhaustive play goes

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def load(tmp_path, text: str) -> Scenario | None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return read_scenario(path, whole=False).scenario


def exhaustive_play(scenario: Scenario, depth: int = DEPTH):
    """Every play of up to `depth` choices, by the runtime alone: (choices, outcome) for each play
    that ends or raises; outcome is 'help', 'no help' or the runtime's error.
    """
    out = []
    todo = [Story(scenario)]
    while todo:
        story = todo.pop()
        choices = [d.number for d in story.state.log]
        try:
            story.run()
        except StoryError as exc:
            out.append((choices, f"raised: {exc}"))
            continue
        if story.ended:
            out.append((choices, "help" if story.state.found_help else "no help"))
        elif len(choices) < depth:
            for offered in story.waiting.options:
                branch = story.fork()
                branch.choose(offered.number)
                todo.append(branch)
    return out


def replay(scenario: Scenario, choices) -> Story:
    story = Story(scenario)
    for number in choices:
        story.run()
        story.choose(number)
    story.run()
    return story


@FUZZ
@given(text=stories())
def test_what_the_validator_passes_the_game_plays(tmp_path, text):
    scenario = load(tmp_path, text)
    if scenario is None:
        return  # the loader refused its shape: nothing for the explorer to prove
    findings = check_flow(scenario, STATES, SECONDS)
    errors = [f for f in findings if f.is_error]
    plays = exhaustive_play(scenario)
    if not errors:
        bad = [(c, o) for c, o in plays if o != "help"]
        assert not bad, f"the validator passed a story with a play {bad[0]}"
    # every counterexample the explorer gives is a real play, and ends as it says
    found = explore(scenario, STATES, SECONDS)
    for ending, choices in found.without_help():
        story = replay(scenario, choices)
        assert story.ended and story.ending.ending is ending and not story.state.found_help
    for loop in found.loops.values():
        story = Story(scenario)
        for number in loop.choices:
            story.run()
            story.choose(number)
    # and where exhaustive play finds an ending without help, the explorer finds it too
    if found.complete:
        for choices, outcome in plays:
            if outcome == "no help":
                story = replay(scenario, choices)
                assert found.reach(story.ending.ending).without_help is not None, choices


@FUZZ
@given(text=stories())
def test_the_graph_the_proof_page_and_the_validator_agree(tmp_path, text):
    scenario = load(tmp_path, text)
    if scenario is None:
        return
    findings = check_flow(scenario, STATES, SECONDS)
    if any(f.code in ("W401", "E307") for f in findings):
        return  # not explored to the end with the small bounds, or not explored at all
    assert_agree(scenario, findings)


def assert_agree(scenario: Scenario, findings) -> None:
    """Which endings some path reaches without help: the same for the three of them."""
    validator = sorted(f.loc.line for f in findings if f.code == "E401")
    found = explore(scenario)
    assert found.complete
    explored = sorted(e.loc.line for e, _ in found.without_help())
    drawn = graph.build(scenario, inline_or_source, "en")
    nohelp_nodes = [n for n in drawn.nodes if n.kind == "ending" and n.css == "nohelp"]
    page = proof.to_html(scenario, inline_or_source, "en")
    assert validator == explored
    assert len(nohelp_nodes) == len(validator) == page.count('class="ending nohelp"')


def test_the_shipped_stories_agree_too():
    from max247 import paths
    from max247.story.library import load_library

    library = load_library([paths.SCENARIOS])
    assert library.scenarios
    for scenario in library.scenarios.values():
        findings = library.findings[scenario.path]
        assert not [f for f in findings if f.code in ("E401", "W401", "E308")]
        assert_agree(scenario, findings)


# --- the runtime's invariants ---------------------------------------------------------------------


@FUZZ
@given(text=stories(), picks=st.lists(st.integers(0, 5), max_size=12), fork_at=st.integers(0, 6))
def test_the_runtime_keeps_its_promises(tmp_path, text, picks, fork_at):
    scenario = load(tmp_path, text)
    if scenario is None:
        return
    story = Story(scenario)
    events = []
    try:
        for i, pick in enumerate(picks):
            events += check_events(story.run())
            if story.ended:
                break
            options = story.waiting.options
            # options are numbered 1..k as the class sees them
            assert [o.number for o in options] == list(range(1, len(options) + 1))
            if i == fork_at:
                assert_fork_is_independent(story, picks[i:])
            story.choose(options[pick % len(options)].number)
        events += check_events(story.run())
    except StoryError:
        return  # a loop: the validator refuses it (E308), the runtime says so and never hangs
    if story.ended:
        # the ending comes last, and nothing after it
        assert isinstance(events[-1], Ended)
        with pytest.raises(StoryError):
            story.next()
    # replay by key gives the same state
    again = Story(scenario)
    _, done = again.replay(story.state.log)
    assert done == len(story.state.log)
    assert again.state == story.state
    assert again.ended == story.ended


def check_events(events):
    for e in events:
        if isinstance(e, MoodChanged):
            assert MOOD_MIN <= e.after <= MOOD_MAX and e.before != e.after
        if isinstance(e, ChoiceOffered):
            assert e is events[-1]
    return events


def assert_fork_is_independent(story: Story, picks) -> None:
    before = copy.deepcopy(story.state)
    position = story.position()
    branch = story.fork()
    try:
        for pick in picks:
            branch.run()
            if branch.ended:
                break
            options = branch.waiting.options
            branch.choose(options[pick % len(options)].number)
        branch.run()
    except StoryError:
        pass
    assert story.state == before and story.position() == position
    assert MOOD_MIN <= branch.state.mood <= MOOD_MAX
