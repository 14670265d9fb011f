"""A lesson played through the app's event queue in each decision mode, with the four clicker
keys only (PageDown, PageUp, F5/Escape, B): a vote counted, a count skipped, a tie the teacher
picks, a reveal; the spread is kept by option key (counts only) and reaches the summary."""

from __future__ import annotations

import pygame
import pytest

from max247.pilot import Pilot
from max247.player.votes import Mode, State
from max247.printouts.summary import to_html
from max247.scenes.choice import ChoiceScene
from max247.scenes.ending import EndingScene
from max247.scenes.overlays import BlankScreen, PauseOverlay
from max247.scenes.vote import VoteScene

BUTTONS = {
    "next": pygame.K_PAGEDOWN,
    "prev": pygame.K_PAGEUP,
    "start": pygame.K_F5,
    "esc": pygame.K_ESCAPE,
    "blank": pygame.K_b,
}
MODES = [m.value for m in Mode]


def clicker(pilot: Pilot, *buttons: str) -> None:
    """Presses of the clicker's buttons, through pygame's event queue as the game reads them."""
    for b in buttons:
        pilot.queue(pygame.event.Event(pygame.KEYDOWN, key=BUTTONS[b], mod=0, unicode=""))


def texts(pilot: Pilot) -> list[str]:
    pilot.step()
    return [d.text for d in pilot.drawn]


def menu(pilot: Pilot, label: str) -> None:
    """Escape, ring `label` with PageDown, F5: how a clicker reaches a menu's action."""
    clicker(pilot, "esc")
    pause = pilot.top
    assert isinstance(pause, PauseOverlay)
    labels = [i.label() for i in pause.items]
    assert label in labels, labels
    clicker(pilot, *["next"] * (labels.index(label) - pause.index), "start")


def lesson(mode: str, story: str = "noor-gems") -> Pilot:
    pilot = Pilot((1024, 768))
    pilot.app.settings.decision_mode = mode
    pilot.app.settings.tables = 5
    pilot.lesson(story)
    clicker(pilot, "start", "start")  # the character's card, then the story
    return pilot


def to_choice(pilot: Pilot) -> ChoiceScene | None:
    for _ in range(100):
        if isinstance(pilot.top, ChoiceScene):
            return pilot.top
        if isinstance(pilot.top, EndingScene):
            return None
        clicker(pilot, "next")
    raise AssertionError("no choice and no ending")


def open_vote(pilot: Pilot, mode: str) -> VoteScene:
    choice = pilot.top
    if mode == Mode.WHOLE_CLASS:
        before = len(choice.story_scene.story.state.log)
        clicker(pilot, "start")  # "next" on a fresh choice: nothing happens, the class talks
        assert pilot.top is choice and len(choice.story_scene.story.state.log) == before
        menu(pilot, "Vote with the table cards")
    else:
        clicker(pilot, "start")
    vote = pilot.top
    assert isinstance(vote, VoteScene) and vote.vote.state is State.DECIDING
    return vote


def count(pilot: Pilot, vote: VoteScene, numbers: list[int]) -> None:
    clicker(pilot, "start")  # cards up
    assert vote.vote.state is State.COUNTING
    for n in numbers:
        clicker(pilot, *["next"] * n)
        clicker(pilot, "start")  # the next option; after the last, the reveal
    assert vote.vote.state is State.REVEALED


def decided(pilot: Pilot, story: str = "noor-gems") -> tuple[int, dict[str, int]]:
    p = pilot.app.session.progress(story)
    return p.log[-1].number, p.votes[len(p.log) - 1]


@pytest.mark.parametrize("mode", MODES)
def test_a_lesson_in_each_mode_with_clicker_keys_only(mode):
    pilot = lesson(mode)
    kinds = ["count", "tie", "skip", "zero"]
    played = []
    for turn in range(12):
        choice = to_choice(pilot)
        if choice is None:
            break
        kind = kinds[turn % len(kinds)]
        keys = [o.option.key for o in choice.offered.options]
        vote = open_vote(pilot, mode)
        if kind == "skip":  # the teacher skips the count and plays a card at once
            menu(pilot, "Skip the vote: choose on the cards")
            assert pilot.top is choice
            clicker(pilot, "next", "start")
            assert decided(pilot) == (1, {})
            played.append(kind)
            continue
        if mode != Mode.HEADS_DOWN:
            clicker(pilot, "next", "next", "next", "prev")  # two tables ready
            assert vote.vote.ready == 2
            shown = texts(pilot)
            assert "2 of 5 tables ready" in shown
            # while the tables decide, nothing on screen says what any table chose
            assert not any("vote" in t for t in shown if t != vote.hint())
        numbers = {"count": [1, 3], "tie": [2, 2], "zero": [0, 0]}[kind]
        numbers += [0] * (len(keys) - 2)
        count(pilot, vote, numbers)
        shown = texts(pilot)
        if kind == "zero":
            clicker(pilot, "start")  # nothing counted: F5 rings the first option
            assert vote.ring == 0
            clicker(pilot, "next", "start")
            assert decided(pilot) == (2, {})
        elif kind == "tie":
            assert vote.vote.tie and "2 votes" in shown and vote.question() in shown
            clicker(pilot, "start")  # a tie: F5 rings the first of the tied, never plays
            assert vote.ring == 0 and pilot.top is vote
            clicker(pilot, "next", "start")  # the teacher picks the other tied option
            assert decided(pilot) == (2, dict(zip(keys, numbers, strict=True)))
        else:
            assert "1 vote" in shown and "3 votes" in shown and vote.question() in shown
            clicker(pilot, "start")  # most votes: option 2
            assert decided(pilot) == (2, dict(zip(keys, numbers, strict=True)))
        played.append(kind)
    assert isinstance(pilot.top, EndingScene)
    assert {"count", "tie", "skip"} <= set(played), played
    # the summary shows the spread at each counted decision: counts only
    page = to_html(pilot.app.session, pilot.app.library, pilot.app.directory)
    progress = pilot.app.session.progress("noor-gems")
    counted = [v for v in progress.votes if v]
    assert len(counted) == played.count("count") + played.count("tie")
    cells = page.count('<td class="n">')
    assert cells == sum(len(v) for v in counted)  # a count per option at each counted decision
    assert '<td class="n">3</td>' in page and '<td class="n">2</td>' in page


def test_the_teacher_may_play_any_option_whatever_the_counts():
    pilot = lesson(Mode.CARDS.value)
    choice = to_choice(pilot)
    keys = [o.option.key for o in choice.offered.options]
    vote = open_vote(pilot, Mode.CARDS.value)
    count(pilot, vote, [4] + [0] * (len(keys) - 1))
    assert not vote.vote.disagree and vote.question() not in texts(pilot)
    clicker(pilot, "prev", "start")  # PageUp rings the last option; F5 plays it
    assert decided(pilot)[0] == len(keys)


def test_heads_down_for_one_sensitive_choice_then_back_to_cards():
    pilot = lesson(Mode.CARDS.value)
    to_choice(pilot)
    vote = open_vote(pilot, Mode.CARDS.value)
    menu(pilot, "Heads down for this vote")
    assert vote.vote.mode is Mode.HEADS_DOWN
    clicker(pilot, "start")
    assert "Heads down, eyes closed. Hands up for option 1." in texts(pilot)
    assert pilot.app.settings.decision_mode == Mode.CARDS.value  # the default stays


def test_blank_and_pause_keep_their_meaning_on_the_vote_and_the_clock_stops():
    pilot = lesson(Mode.CARDS.value)
    choice = to_choice(pilot)
    vote = open_vote(pilot, Mode.CARDS.value)
    assert choice.running_since is not None  # the talk time runs while the tables decide
    clicker(pilot, "blank")
    assert isinstance(pilot.top, BlankScreen) and choice.running_since is None
    clicker(pilot, "blank")
    assert pilot.top is vote
    clicker(pilot, "esc")
    assert isinstance(pilot.top, PauseOverlay)
    clicker(pilot, "esc")
    assert pilot.top is vote and vote.vote.state is State.DECIDING


def test_the_talk_time_runs_out_calmly_and_never_chooses():
    pilot = lesson(Mode.CARDS.value)
    choice = to_choice(pilot)
    vote = open_vote(pilot, Mode.CARDS.value)
    pilot.time += 3600
    shown = texts(pilot)
    assert "Time to decide together" in shown
    assert pilot.top is vote and vote.vote.state is State.DECIDING
    assert choice.story_scene.story.state.log == []


def test_digits_type_a_count_and_backspace_goes_back_a_step():
    pilot = lesson(Mode.HEADS_DOWN.value)
    to_choice(pilot)
    vote = open_vote(pilot, Mode.HEADS_DOWN.value)
    clicker(pilot, "start")
    pilot.key(pygame.K_1, pygame.K_2)  # twelve hands
    assert vote.vote.counts[vote.vote.keys[0]] == 12
    pilot.key(pygame.K_BACKSPACE)
    assert vote.vote.counts[vote.vote.keys[0]] == 1
    pilot.key(pygame.K_TAB, pygame.K_3, pygame.K_UP, pygame.K_PLUS)
    assert [vote.vote.counts[k] for k in vote.vote.keys[:2]] == [2, 3]


@pytest.mark.slow  # every choice of every story, three times over: minutes
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_vote_fits_at_the_largest_text_size(language):
    """At every choice of every shipped story (along option 1), while the tables decide and at
    a reveal with a discussion question: no text leaves its box, none pages, none is too small."""
    from max247.input import Action
    from max247.ui.theme import TEXT_SCALES
    from tests.test_layout import LIBRARY, check

    for scenario_id in sorted(LIBRARY.scenarios):
        pilot = Pilot((1024, 768), language, text_scale=max(TEXT_SCALES))
        pilot.lesson(scenario_id).press(Action.CONFIRM, Action.CONFIRM)
        for _ in range(300):
            top = pilot.top
            if isinstance(top, EndingScene):
                break
            if not isinstance(top, ChoiceScene):
                pilot.press(Action.NEXT)
                continue
            where = f"{scenario_id} {language} {top.offered.choice.key}"
            pilot.app.push("vote", choice=top, mode=Mode.CARDS)
            pilot.press(Action.PLUS)
            check(pilot, where + " deciding")
            pilot.press(Action.CONFIRM, Action.PLUS, Action.CONFIRM, Action.PLUS, Action.PLUS)
            check(pilot, where + " counting")
            while pilot.top.vote.state is State.COUNTING:
                pilot.press(Action.CONFIRM)
            check(pilot, where + " revealed")
            pilot.press(Action.CONFIRM)  # most votes: option 2
