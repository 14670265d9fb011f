"""The vote model: counting, ties, what is played and what the session keeps (counts only)."""

import pytest

from max247.player.votes import Mode, State, Vote, keep
from max247.session import Progress
from max247.settings import Settings, load_settings, save_settings
from max247.story.runtime import Decision


def vote(**kw) -> Vote:
    return Vote(("talk-to-mum", "ignore-it", "send-it"), **kw)


def test_a_vote_starts_deciding_with_nothing_counted_and_table_cards_by_default():
    v = vote()
    assert v.mode is Mode.CARDS and v.state is State.DECIDING
    assert v.counts == {"talk-to-mum": 0, "ignore-it": 0, "send-it": 0}
    assert v.most() == [] and v.to_play() is None and not v.disagree and v.spread() == {}


def test_ready_tables_stay_between_none_and_all():
    v = vote(tables=3)
    for _ in range(5):
        v.more_ready()
    assert v.ready == 3
    for _ in range(5):
        v.fewer_ready()
    assert v.ready == 0


def test_counting_option_by_option_then_the_reveal():
    v = vote()
    v.count()
    assert v.state is State.COUNTING and v.counting == 0
    v.add(), v.add(), v.add()
    v.add(-1)
    assert v.next_option()
    v.set(1)
    assert v.next_option()
    v.add(-1)  # never below zero
    assert not v.next_option()  # the last option: the teacher is done
    v.reveal()
    assert v.state is State.REVEALED
    assert v.counts == {"talk-to-mum": 2, "ignore-it": 1, "send-it": 0}
    assert v.most() == ["talk-to-mum"] and not v.tie and v.disagree
    assert v.to_play() == "talk-to-mum"


def test_a_tie_leaves_the_choice_to_the_teacher_among_the_tied():
    v = vote(counts={"talk-to-mum": 2, "send-it": 2})
    assert v.tie and v.most() == ["talk-to-mum", "send-it"]
    assert v.to_play() is None


def test_one_option_only_means_no_disagreement():
    assert not vote(counts={"ignore-it": 5}).disagree


def test_the_teacher_may_play_any_offered_option_whatever_the_counts():
    v = vote(counts={"talk-to-mum": 5})
    v.play("send-it")
    assert v.state is State.PLAYED and v.played == "send-it"
    with pytest.raises(ValueError):
        v.play("not-offered")


def test_heads_down_is_chosen_only_before_counting():
    v = vote()
    v.switch(Mode.HEADS_DOWN)
    assert v.mode is Mode.HEADS_DOWN
    v.count()
    v.switch(Mode.CARDS)
    assert v.mode is Mode.HEADS_DOWN


def test_the_session_keeps_counts_by_option_key_for_the_last_decision():
    p = Progress("noor-gems", 3)
    p.log = [Decision("start/1", "a", 1), Decision("chat/1", "b", 2)]
    p.votes = [{}, {}]
    keep(p, vote(counts={"ignore-it": 4, "send-it": 1}).spread())
    assert p.votes == [{}, {"talk-to-mum": 0, "ignore-it": 4, "send-it": 1}]


def test_the_decision_settings_are_remembered_and_checked(tmp_path):
    s = Settings(decision_mode="heads-down", tables=4, talk_seconds=90)
    save_settings(s, tmp_path)
    loaded, note = load_settings(tmp_path)
    assert (loaded.decision_mode, loaded.tables, loaded.talk_seconds) == ("heads-down", 4, 90)
    assert note is None
    (tmp_path / "settings.json").write_text(
        '{"decision_mode": "raise-hands", "tables": 40, "talk_seconds": 7}'
    )
    loaded, note = load_settings(tmp_path)
    assert (loaded.decision_mode, loaded.tables, loaded.talk_seconds) == ("cards", 6, 120)
    assert note is not None


def test_the_vote_model_never_imports_pygame():
    """The teacher's window and the tests share the model; it must stay free of any screen."""
    import subprocess
    import sys

    code = "import sys, max247.player.votes; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
