"""`Runner`: one play of one story for a front end, and the policy of where it stops.

The story emits every event; a class cannot be asked to press "next" for a change of view or a
mood that moved. `Runner.advance` runs the story on to the next event worth stopping at (a line,
a photo, a choice, a card, the ending) and keeps the session's record of the play (the lesson's
`Progress`) current at the moments a crash must not lose: a choice offered, a confidant told, a
help card, the ending, a decision taken or taken back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from max247.player.votes import keep
from max247.story.model import Scenario, assert_never
from max247.story.runtime import (
    ChoiceOffered,
    Decision,
    Ended,
    Event,
    FeedbackShown,
    HelpShown,
    Line,
    MoodChanged,
    PhotoShown,
    Story,
    Told,
    ViewChanged,
)

if TYPE_CHECKING:
    from max247.session import Progress

__all__ = ["Runner", "assert_never", "records", "worth_stopping"]


def worth_stopping(event: Event) -> bool:
    """Whether the class stops at `event`: something to read, to decide, or the end. A change of
    view, a mood that moved and a confidant told show on the screen the next stop draws."""
    match event:
        case Line() | PhotoShown() | ChoiceOffered() | FeedbackShown() | HelpShown() | Ended():
            return True
        case ViewChanged() | MoodChanged() | Told():
            return False
        case _:
            assert_never(event)


def records(event: Event) -> bool:
    """Whether the session's record is brought up to date when the play reaches `event`."""
    match event:
        case ChoiceOffered() | HelpShown() | Ended() | Told():
            return True
        case Line() | PhotoShown() | FeedbackShown() | ViewChanged() | MoodChanged():
            return False
        case _:
            assert_never(event)


class Runner:
    """A story being played, and (in a lesson) the character's `Progress` it keeps current;
    `save` is called after each record (the app saves the lesson then)."""

    def __init__(
        self,
        scenario: Scenario,
        start: str | None = None,
        progress: Progress | None = None,
        save: Callable[[], None] | None = None,
    ) -> None:
        self.scenario = scenario
        self.start = start
        self.story = Story(scenario, start)
        self.progress = progress
        self.save = save

    def record(self) -> None:
        """Bring the session's record of this play up to date (nothing outside a lesson)."""
        if self.progress is not None:
            self.progress.record(self.story)
            if self.save is not None:
                self.save()

    def advance(self) -> list[Event]:
        """Play on to the next event worth stopping at: the events on the way, the stop last.

        A choice still waiting is the stop at once; a story that has ended stops at its ending.
        A StoryError (a loop without a choice in an unproven story) is the caller's to say.
        """
        story = self.story
        if story.waiting is not None:
            self.record()
            return [story.waiting]
        events: list[Event] = []
        while not story.ended:
            event = story.next()
            events.append(event)
            if records(event):
                self.record()
            if worth_stopping(event):
                return events
        if story.ending is not None:  # ended on the way without its own event: stop there
            self.record()
            events.append(story.ending)
        return events

    def replay(self, log: list[Decision], finish: bool = True) -> tuple[list[Event], int]:
        """Replay the class's decisions (see Story.replay: up to the next choice, or without
        `finish` right after the last decision) and record."""
        events, done = self.story.replay(log, finish=finish)
        self.record()
        return events, done

    def choose(self, number: int, spread: dict[str, int] | None = None) -> None:
        """The class's decision: option `number` as the class sees it, with the vote's counts
        per option key when the tables voted (max247.player.votes: counts only, no table)."""
        self.story.choose(number)
        if self.progress is not None:
            self.progress.record(self.story)
            keep(self.progress, spread or {})
        self.record()

    def undo(self) -> tuple[list[Event], list[Event]] | None:
        """Take the last decision back: the story replayed without it, up to that choice again
        (None if there is none): the events up to the last decision kept, and those after it.
        The record keeps the shorter log at once, so a crash after an undo resumes at the
        choice, not at the decision that was taken back."""
        log = list(self.story.state.log[:-1])
        if len(log) == len(self.story.state.log):
            return None
        self.story = Story(self.scenario, self.start)
        before, _done = self.story.replay(log, finish=False)
        after = self.story.run()
        self.record()
        return before, after
