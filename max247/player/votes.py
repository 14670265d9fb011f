"""The class's vote at a choice, as data: how the class decides, how many tables are ready, the
counts per option, and what the teacher plays. Pure (no pygame), so the projector's vote screen,
a teacher's second window and the tests read and change the same object.

How a class decides is chosen at setup and remembered (`Settings.decision_mode`):

- whole class: the class talks, the teacher plays an option (no vote is counted);
- table cards (the default): each table holds up a printed card with its option's number and
  shape; the teacher counts the cards per option;
- heads down: eyes closed, hands up, for the most sensitive choices; counted the same way.

A vote goes DECIDING (the projector shows how many tables are ready, never what they chose) ->
COUNTING (the teacher enters counts, option by option) -> REVEALED (a bar per option, no
winner) -> PLAYED. Counts are kept by the option's stable key, so the lesson's summary shows the
spread at each decision; nothing says which table chose what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from max247.session import Progress


class Mode(str, Enum):
    WHOLE_CLASS = "whole-class"
    CARDS = "cards"
    HEADS_DOWN = "heads-down"


MODES: tuple[Mode, ...] = tuple(Mode)
DEFAULT_MODE = Mode.CARDS
TABLES = range(2, 13)  # tables a class may have: a class of 30 sits at 5 or 6
DEFAULT_TABLES = 6
TALK_TIMES = (0, 60, 90, 120, 180, 300)  # seconds of talk before a vote; 0: no countdown
DEFAULT_TALK = 120
MOST_VOTES = 99  # no count above this: a class, not a hall


def mode_name(_: Callable[[str], str], mode: Mode) -> str:
    """A decision mode's name, through the caller's gettext (`app._`)."""
    return {
        Mode.WHOLE_CLASS: _("the whole class"),
        Mode.CARDS: _("table cards"),
        Mode.HEADS_DOWN: _("heads down"),
    }[mode]


class State(str, Enum):
    DECIDING = "deciding"
    COUNTING = "counting"
    REVEALED = "revealed"
    PLAYED = "played"


@dataclass
class Vote:
    """One vote at one choice. `keys` are the offered options' stable keys in screen order;
    option numbers (1-4) are positions in it, as on the cards and the screen."""

    keys: tuple[str, ...]
    mode: Mode = DEFAULT_MODE
    tables: int = DEFAULT_TABLES
    counts: dict[str, int] = field(default_factory=dict)
    state: State = State.DECIDING
    ready: int = 0  # tables ready to show their card (table cards only)
    counting: int = 0  # the option whose count the teacher is entering (an index in keys)
    played: str | None = None

    def __post_init__(self) -> None:
        self.counts = {k: self.counts.get(k, 0) for k in self.keys}

    # --- deciding -------------------------------------------------------------------------

    def more_ready(self) -> None:
        self.ready = min(self.tables, self.ready + 1)

    def fewer_ready(self) -> None:
        self.ready = max(0, self.ready - 1)

    def switch(self, mode: Mode) -> None:
        """Another way of deciding for this vote (heads down for a sensitive choice)."""
        if self.state is State.DECIDING:
            self.mode = mode

    # --- counting -------------------------------------------------------------------------

    def count(self) -> None:
        """Cards up (or hands up): the teacher enters the counts, from option 1."""
        self.state, self.counting = State.COUNTING, 0

    def decide(self) -> None:
        """Back to talking at the tables (the counts entered so far are kept)."""
        if self.state is State.COUNTING:
            self.state = State.DECIDING

    def add(self, n: int = 1, key: str | None = None) -> None:
        """One more vote (or `n`, which may be negative) for `key`, by default the option being
        counted; never below 0."""
        key = key or self.keys[self.counting]
        self.counts[key] = max(0, min(MOST_VOTES, self.counts[key] + n))

    def set(self, n: int, key: str | None = None) -> None:
        key = key or self.keys[self.counting]
        self.counts[key] = max(0, min(MOST_VOTES, n))

    def next_option(self) -> bool:
        """Go on to the next option's count; False when the last one was counted."""
        if self.counting + 1 < len(self.keys):
            self.counting += 1
            return True
        return False

    def previous_option(self) -> None:
        self.counting = max(0, self.counting - 1)

    def reveal(self) -> None:
        self.state = State.REVEALED

    def recount(self) -> None:
        if self.state is State.REVEALED:
            self.count()

    # --- the spread -----------------------------------------------------------------------

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def counted(self) -> bool:
        return self.total > 0

    def most(self) -> list[str]:
        """The options with most votes, in screen order (several on a tie; none if nothing was
        counted). For the teacher's play, never shown as a winner."""
        if not self.counted:
            return []
        top = max(self.counts.values())
        return [k for k in self.keys if self.counts[k] == top]

    @property
    def tie(self) -> bool:
        return len(self.most()) > 1

    @property
    def disagree(self) -> bool:
        """More than one option got votes: the class talks about why."""
        return sum(1 for n in self.counts.values() if n) > 1

    def to_play(self) -> str | None:
        """The option with most votes, or None when the teacher picks (a tie, nothing counted)."""
        most = self.most()
        return most[0] if len(most) == 1 else None

    def number(self, key: str) -> int:
        return self.keys.index(key) + 1

    def play(self, key: str) -> None:
        """The teacher plays `key`: any offered option is allowed, whatever the counts."""
        if key not in self.keys:
            raise ValueError(f"{key!r} is not offered")
        self.played, self.state = key, State.PLAYED

    def spread(self) -> dict[str, int]:
        """What the session keeps: the count per option key (zeros included), or nothing when
        no vote was counted. Counts only: never a table, never a child."""
        return dict(self.counts) if self.counted else {}


def keep(progress: Progress, spread: dict[str, int]) -> None:
    """Keep the spread of the decision just taken (the log's last) in the character's play."""
    if progress.log:
        progress.votes[len(progress.log) - 1] = dict(spread)
