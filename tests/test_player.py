"""The player layer (max247.player): where a front end stops, what it records, when a character
feels OK, and whether a story reads in a language; without pygame."""

import subprocess
import sys

from max247 import paths
from max247.player import Runner, feels_ok, translation_complete, worth_stopping
from max247.session import Session
from max247.story.loader import load_scenario
from max247.story.runtime import (
    ChoiceOffered,
    Ended,
    FeedbackShown,
    HelpShown,
    Line,
    MoodChanged,
    Told,
    ViewChanged,
)
from tests.scenario_text import scenario

STORY = scenario("""\
  one:
    - view: in-person
    - stranger: Hi
    - narrate: Later.
      mood: -1
    - tell: mum
    - sam: Hey
    - choice:
        prompt: P
        options:
          - {text: A, feedback: Good., mood: 3, goto: two}
          - {text: B, goto: two}
  two:
    - help: talk
    - ending: {title: E, message: M}
""")


def runner_for(write, **kw) -> Runner:
    return Runner(load_scenario(write("s.yaml", STORY)), **kw)


def test_advance_stops_at_what_the_class_reads_and_runs_through_the_rest(write):
    r = runner_for(write)
    first = r.advance()
    assert [type(e) for e in first] == [ViewChanged, Line]  # the view change is no stop
    assert [type(e) for e in r.advance()] == [Line]
    assert [type(e) for e in r.advance()] == [MoodChanged, Told, Line]
    assert [type(e) for e in r.advance()] == [ChoiceOffered]
    assert [type(e) for e in r.advance()] == [ChoiceOffered]  # still waiting: the same stop
    r.choose(1)
    assert [type(e) for e in r.advance()] == [FeedbackShown]
    assert [type(e) for e in r.advance()][-1] is HelpShown
    assert [type(e) for e in r.advance()] == [Ended]
    assert r.story.ended
    assert [type(e) for e in r.advance()] == [Ended]  # an ended story stays at its ending


def test_every_kind_of_event_is_either_a_stop_or_not(write):
    stops = {Line, ChoiceOffered, FeedbackShown, HelpShown, Ended}
    r = runner_for(write)
    seen = r.advance() + r.advance() + r.advance() + r.advance()
    r.choose(2)
    while not r.story.ended:
        seen += r.advance()
    for event in seen:
        assert worth_stopping(event) == (type(event) in stops), event


def test_the_record_follows_the_play_and_is_saved_each_time(write):
    s = load_scenario(write("s.yaml", STORY))
    progress = Session.new([s], "en", "be").progress(s.id)
    saves = []
    r = Runner(s, progress=progress, save=lambda: saves.append(len(progress.log)))
    r.advance()
    r.advance()
    assert saves == [] and not progress.started  # a line is no moment to save
    r.advance()  # Mum was told: kept at once
    assert progress.told == [("mum", True)] and saves == [0]
    r.advance()
    r.choose(1)
    assert len(progress.log) == 1 and saves[-1] == 1
    undone = r.undo()
    assert undone is not None and isinstance(undone[1][-1], ChoiceOffered)
    assert progress.log == [] and saves[-1] == 0  # the shorter log is kept at once
    assert r.undo() is None  # nothing left to take back


def test_feels_ok_from_three():
    assert [feels_ok(m) for m in range(5)] == [False, False, False, True, True]


def test_translation_complete_for_the_shipped_library():
    s = load_scenario(paths.SCENARIOS / "noor-gems" / "noor-gems.yaml")
    assert translation_complete(s, s.language, None)  # its own language always reads
    assert not translation_complete(s, "fr", None)  # no catalogs: nothing translated
    locales = paths.SCENARIOS.parent / "locales"
    others = [lang for lang in ("nl", "fr", "en") if lang != s.language]
    assert all(translation_complete(s, lang, locales) for lang in others)


def test_the_player_needs_no_pygame():
    code = (
        "import sys, max247.player, max247.textplay\n"
        "assert 'pygame' not in sys.modules, 'pygame imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
