"""Hot reload lands where the writer is: after a save, the line that was on screen (or the
nearest one before it that still exists), not the next choice; `--from` holds across saves."""

from __future__ import annotations

from pathlib import Path

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.preview import Watcher

STORY = """\
format: 1
id: sam-reload
language: en
title: A strange message
theme: trusted-adult
ages: 10-12
minutes: 10
problem: A message from someone Sam does not know
character: sam
mood: 2
content_warning: Someone unknown sends a child a message.
goals:
  - Telling a trusted adult helps.
teacher_notes: Talk about the characters.
discussion:
  - Who could Sam talk to?
characters:
  sam:
    name: Sam
  stranger:
    name: Star_Player
  lina:
    name: Lina
    friend: true
  dad:
    name: Dad
    max: true
start: evening
passages:
  evening:
    - narrate: Sam plays an online game after school.
    - stranger: hi Sam! you play really well.
    - stranger: but don't tell anyone about me, ok?
      mood: -1
    - sam: who are you?
    - choice:
        prompt: What does Sam do?
        options:
          - text: Show the message to Dad.
            goto: dad
          - text: Ask Lina what she thinks.
            feedback: Talking to a friend is a good first step.
            goto: lina
  lina:
    - view: in-person
    - tell: lina
    - lina: That's weird.
    - lina: Let's show it to your dad together.
    - goto: dad
  dad:
    - view: in-person
    - tell: dad
    - dad: Thank you for showing me. You did nothing wrong.
      mood: +1
    - dad: Let's block and report this account.
    - help: talk
    - ending:
        id: found-max
        title: Sam found a Max
        message: Telling a trusted adult helps.
        mood: 4
"""


def playing(tmp_path: Path, start: str | None = None) -> tuple[Pilot, Watcher, Path]:
    path = tmp_path / "sam-reload.yaml"
    path.write_text(STORY, encoding="utf-8")
    pilot = Pilot()
    pilot.app.now = pilot.time  # the pilot's clock, not the machine's, as the first line types
    watcher = Watcher(pilot.app, str(path), start)
    assert watcher.begin()
    pilot.step()
    return pilot, watcher, path


def save(pilot: Pilot, watcher: Watcher, path: Path, old: str, new: str) -> None:
    """The writer changes the file and saves; the game notices (as `check` does)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert watcher.load(keep_log=True)
    pilot.step()


def to_choice(pilot: Pilot) -> None:
    for _ in range(10):
        if pilot.top.screen == "choice":
            return
        pilot.press(Action.NEXT)
    raise AssertionError("no choice")


def on_screen(pilot: Pilot) -> str:
    assert pilot.top.screen == "story", pilot.top.screen
    line = pilot.top.shown[-1].text.source
    assert line in [d.text for d in pilot.drawn], "the line is drawn, not only remembered"
    return line


def test_an_edited_line_comes_back_edited_not_the_next_choice(tmp_path):
    pilot, watcher, path = playing(tmp_path)
    pilot.press(Action.NEXT)
    assert on_screen(pilot) == "hi Sam! you play really well."
    save(pilot, watcher, path, "hi Sam! you play", "hey Sam, you play")
    assert on_screen(pilot) == "hey Sam, you play really well."
    assert len(pilot.top.shown) == 2
    pilot.press(Action.NEXT)  # and the story goes on from there
    assert on_screen(pilot) == "but don't tell anyone about me, ok?"


def test_after_a_decision_a_line_inserted_before_does_not_move_the_writer(tmp_path):
    pilot, watcher, path = playing(tmp_path)
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)  # Lina: a feedback card first
    assert pilot.top.screen == "feedback"
    pilot.press(Action.NEXT)
    assert on_screen(pilot) == "That's weird."
    pilot.press(Action.NEXT)
    assert on_screen(pilot) == "Let's show it to your dad together."
    save(
        pilot,
        watcher,
        path,
        "    - lina: That's weird.\n",
        "    - lina: Hm.\n    - lina: That's weird.\n",
    )
    assert on_screen(pilot) == "Let's show it to your dad together."
    assert pilot.top.story.state.passage == "lina"


def test_a_feedback_card_on_screen_comes_back(tmp_path):
    pilot, watcher, path = playing(tmp_path)
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)
    assert pilot.top.screen == "feedback"
    save(pilot, watcher, path, "a good first step", "a brave first step")
    assert pilot.top.screen == "feedback"
    assert any("a brave first step" in d.text for d in pilot.drawn)


def test_a_line_edited_away_lands_on_the_nearest_one_before_it(tmp_path):
    pilot, watcher, path = playing(tmp_path)
    pilot.press(Action.NEXT, Action.NEXT)
    assert on_screen(pilot) == "but don't tell anyone about me, ok?"
    save(
        pilot,
        watcher,
        path,
        "    - stranger: hi Sam! you play really well.\n"
        "    - stranger: but don't tell anyone about me, ok?\n      mood: -1\n",
        "    - stranger: hi Sam!\n",
    )
    assert on_screen(pilot) == "hi Sam!"
    assert pilot.top.screen == "story"


def test_with_from_a_save_stays_in_that_passage(tmp_path):
    pilot, watcher, path = playing(tmp_path, start="dad")
    pilot.press(Action.NEXT)
    assert on_screen(pilot) == "Let's block and report this account."
    save(pilot, watcher, path, "block and report", "block and report together")
    assert on_screen(pilot) == "Let's block and report together this account."
    assert pilot.top.story.state.passage == "dad"
    assert all("Sam plays" not in s.text.source for s in pilot.top.shown)
