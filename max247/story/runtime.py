"""The story runtime: a pure state machine, in the manner of Ink's and Yarn Spinner's.

Beats go out as events, choices come in as numbers. The runtime keeps the character's mood, the
flags, whom the character told (and whether they listened), which help needs were shown, and a
choice log. The game only shows what comes out; tests and test plans drive it the same way.

    story = Story(scenario)
    while not story.ended:
        event = story.next()
        if isinstance(event, ChoiceOffered):
            story.choose(1)
"""

from __future__ import annotations

import copy
from collections import deque
from dataclasses import dataclass, field, fields, replace
from typing import Any

from max247.story.conditions import FlagValue, evaluate
from max247.story.findings import Loc
from max247.story.model import (
    MOOD_MAX,
    MOOD_MIN,
    AddFlags,
    Beat,
    Choice,
    Ending,
    Goto,
    Help,
    If,
    Message,
    Narrate,
    Option,
    Photo,
    Scenario,
    SetFlags,
    Tell,
    Text,
    View,
    assert_never,
    kind,
)

# The step budget: a story that plays this many beats between two choices of the class is going
# round a loop (the validator refuses such a story; this keeps an unvalidated one from hanging).
STEP_BUDGET = 10_000


class StoryError(Exception):
    """The runtime was asked something it cannot do (choose with no choice waiting, ...)."""


class StepBudgetError(StoryError):
    """The story played more beats than the step budget allows without a choice of the class."""

    def __init__(self, message: str, loc: Loc) -> None:
        super().__init__(message)
        self.loc = loc  # the last beat played: in a loop, the one that goes round


# --- what comes out --------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """Narration (speaker None) or a message; `view` says how it is shown."""

    speaker: str | None
    text: Text
    view: str
    loc: Loc

    @property
    def is_narration(self) -> bool:
        return self.speaker is None


@dataclass(frozen=True)
class PhotoShown:
    sender: str
    alt: Text
    view: str
    loc: Loc


@dataclass(frozen=True)
class ViewChanged:
    mode: str
    loc: Loc


@dataclass(frozen=True)
class Told:
    who: str
    listens: bool
    loc: Loc


@dataclass(frozen=True)
class HelpShown:
    need: str
    loc: Loc


@dataclass(frozen=True)
class Offered:
    number: int  # as the class sees it: options hidden by their `if` are skipped
    option: Option


@dataclass(frozen=True)
class ChoiceOffered:
    choice: Choice
    options: tuple[Offered, ...]


@dataclass(frozen=True)
class FeedbackShown:
    text: Text
    option: Option


@dataclass(frozen=True)
class MoodChanged:
    before: int
    after: int


@dataclass(frozen=True)
class Ended:
    ending: Ending | None  # None: a loose end (the validator reports those)
    loc: Loc


Event = (
    Line
    | PhotoShown
    | ViewChanged
    | Told
    | HelpShown
    | ChoiceOffered
    | FeedbackShown
    | MoodChanged
    | Ended
)


# --- state ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """One decision of the class: which choice (passage/N) and which option (its stable key)."""

    choice: str
    option: str
    number: int


@dataclass(frozen=True)
class Confided:
    """The story's character told someone: a friend, or a Max who listened or did not."""

    who: str
    listens: bool
    max: bool


@dataclass
class StoryState:
    mood: int
    flags: dict[str, FlagValue] = field(default_factory=dict)
    told: list[Confided] = field(default_factory=list)
    helped: list[str] = field(default_factory=list)
    log: list[Decision] = field(default_factory=list)
    view: str = "phone"
    passage: str = ""

    @property
    def found_help(self) -> bool:
        """A Max who listened, or a help card: telling a friend alone is not help enough."""
        return bool(self.helped) or any(c.max and c.listens for c in self.told)

    @property
    def found_max(self) -> bool:
        return any(c.max and c.listens for c in self.told)


_FIELDS = tuple(f.name for f in fields(StoryState))
_IMMUTABLE = (bool, int, str, tuple, frozenset, type(None))


def _copied(value: object) -> object:
    """A copy of a state field that shares nothing mutable with the original.

    Lists, dicts and sets of immutable things (the fields today) are copied cheaply, since the
    validator forks at every decision; anything else is copied deeply, so a field added later
    with mutable insides is never shared between forks."""
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, (list, set)) and all(_frozen(v) for v in value):
        return value.copy()
    if isinstance(value, dict) and all(_frozen(v) for v in value.values()):
        return value.copy()
    return copy.deepcopy(value)


def _frozen(value: object) -> bool:
    """Whether a value can be shared between forks: immutable, or a frozen dataclass."""
    if isinstance(value, _IMMUTABLE):
        return True
    params = getattr(type(value), "__dataclass_params__", None)
    return params is not None and params.frozen


@dataclass
class _Frame:
    beats: tuple[Beat, ...]
    index: int = 0
    goto: str | None = None  # an option's goto, followed when its 'then' runs out


class Story:
    """One play of one scenario."""

    def __init__(
        self, scenario: Scenario, start: str | None = None, budget: int = STEP_BUDGET
    ) -> None:
        self.scenario = scenario
        self.state = StoryState(mood=scenario.mood)
        self.budget = budget  # beats that may be played between two choices
        self.steps = 0  # beats played since the last choice (or the start)
        self.last: Beat | None = None  # the beat played last
        self.last_goto: Goto | None = None  # the goto played last, since the last choice
        self._stack: list[_Frame] = []
        self._pending: deque[Event] = deque()
        self._waiting: ChoiceOffered | None = None
        self._ending: Ended | None = None
        self._goto(start or scenario.start)

    # --- reading the state ---------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self._ending is not None and not self._pending

    @property
    def ending(self) -> Ended | None:
        return self._ending

    @property
    def waiting(self) -> ChoiceOffered | None:
        """The choice the class must make before the story goes on, if any."""
        return self._waiting if not self._pending else None

    def position(self) -> tuple[tuple[int, int, str | None], ...]:
        """Where the story stands, as a hashable key: which beat lists, and how far into each."""
        return tuple((id(f.beats), f.index, f.goto) for f in self._stack)

    def upcoming(self) -> Beat | None:
        """The beat the next step plays, if it plays one (not a pending event, not a way out)."""
        if self._pending or self._waiting is not None or self._ending is not None:
            return None
        if not self._stack:
            return None
        frame = self._stack[-1]
        return frame.beats[frame.index] if frame.index < len(frame.beats) else None

    def fork(self) -> Story:
        """An independent copy that shares the scenario: how the validator explores branches."""
        other = copy.copy(self)  # every attribute; the mutable ones are copied below
        # each field of the state copied on its own, so that a field added later is never shared
        state = self.state
        copied: dict[str, Any] = {name: _copied(getattr(state, name)) for name in _FIELDS}
        other.state = replace(state, **copied)
        other._stack = [copy.copy(f) for f in self._stack]
        other._pending = deque(self._pending)
        return other

    # --- moving on -----------------------------------------------------------------------

    def next(self) -> Event:
        """The next event. Raises StoryError while a choice waits or after the ending."""
        if self._pending:
            return self._pending.popleft()
        if self._waiting is not None:
            raise StoryError("a choice is waiting: call choose() first")
        if self._ending is not None:
            raise StoryError("the story has ended")
        while True:
            event = self.step()
            if event is not None:
                return event

    def step(self) -> Event | None:
        """Play one beat (or leave a beat list that ran out); the event it shows, if any.

        Refuses with StepBudgetError once the budget of beats between two choices is spent.
        """
        if self._pending:
            return self._pending.popleft()
        if self._waiting is not None or self._ending is not None:
            return None
        if not self._stack:
            raise StoryError("the story has no beats left")  # never: loose ends end below
        frame = self._stack[-1]
        if frame.index >= len(frame.beats):
            self._stack.pop()
            if frame.goto is not None:
                self._goto(frame.goto)
            elif not self._stack:
                last = frame.beats[-1].loc if frame.beats else self.scenario.loc
                self._ending = Ended(None, last)
                return self._ending
            return None
        if self.steps >= self.budget:
            # a walk this long goes round a loop, and every loop without a choice has a goto
            back = self.last_goto or self.last
            where = back.loc if back is not None else self.scenario.loc
            raise StepBudgetError(
                f"the story played {self.steps} beats without a choice: it goes round a loop "
                f"(near passage '{self.state.passage}', line {where.line})",
                where,
            )
        beat = frame.beats[frame.index]
        frame.index += 1
        self.steps += 1
        self.last = beat
        event = self._play(beat)
        if event is not None:
            return event  # a mood change it caused waits in _pending, and comes next
        if self._pending:
            return self._pending.popleft()
        return None

    def run(self) -> list[Event]:
        """Every event up to the next choice or the ending."""
        events: list[Event] = []
        while self.waiting is None and not self.ended:
            events.append(self.next())
        return events

    def choose(self, number: int) -> Option:
        """Take option `number` (1-based, as the class sees it) of the waiting choice."""
        waiting = self.waiting
        if waiting is None:
            raise StoryError("no choice is waiting")
        offered = {o.number: o.option for o in waiting.options}
        if number not in offered:
            raise StoryError(f"option {number} is not on offer (1 to {len(offered)})")
        option = offered[number]
        self._waiting = None
        self.steps = 0
        self.last_goto = None
        self.state.log.append(Decision(waiting.choice.key, option.key, number))
        self._apply(option.set, option.add)
        self._change_mood(option.mood)
        if option.feedback is not None:
            # feedback shows before the mood moves on the board, so the board can animate after
            self._pending.appendleft(FeedbackShown(option.feedback, option))
        if option.then is not None:
            self._stack.append(_Frame(option.then, goto=option.goto))
        elif option.goto is not None:
            self._goto(option.goto)
        return option

    def choose_key(self, option_key: str) -> Option:
        """Take the option with this stable key: how a saved choice log is replayed."""
        waiting = self.waiting
        for o in waiting.options if waiting else ():
            if o.option.key == option_key:
                return self.choose(o.number)
        raise StoryError(f"no option '{option_key}' is on offer")

    def replay(self, log: list[Decision], finish: bool = True) -> tuple[list[Event], int]:
        """Play a saved choice log; stop where the scenario no longer matches it.

        Returns the events shown and how many decisions were replayed. An edited scenario replays
        as far as its choices and options still carry the same keys. With `finish` it plays on
        to the next choice or the ending; without, it stops right after the last decision (hot
        reload then walks on beat by beat to where the writer was).
        """
        events: list[Event] = []
        done = 0
        for decision in log:
            events += self.run()
            waiting = self.waiting
            if waiting is None or waiting.choice.key != decision.choice:
                break
            if not any(o.option.key == decision.option for o in waiting.options):
                break
            self.choose_key(decision.option)
            done += 1
        if finish or done < len(log):
            events += self.run()
        return events, done

    # --- beats ---------------------------------------------------------------------------

    def _goto(self, passage: str) -> None:
        target = self.scenario.passages.get(passage)
        if target is None:
            raise StoryError(f"there is no passage '{passage}'")
        self.state.passage = passage
        self._stack = [_Frame(target.beats)]

    def _play(self, beat: Beat) -> Event | None:
        view = self.state.view
        event: Event | None = None
        k = kind(beat)
        match k:
            case Narrate() as b:
                event = Line(None, b.text, view, b.loc)
            case Message() as b:
                event = Line(b.speaker, b.text, view, b.loc)
            case Photo() as b:
                event = PhotoShown(b.sender, b.alt, view, b.loc)
            case View() as b:
                self.state.view = b.mode
                event = ViewChanged(b.mode, b.loc)
            case Tell() as b:
                is_max = self.scenario.characters[b.who].max
                self.state.told.append(Confided(b.who, b.listens, is_max))
                event = Told(b.who, b.listens, b.loc)
            case Help() as b:
                if b.need not in self.state.helped:
                    self.state.helped.append(b.need)
                event = HelpShown(b.need, b.loc)
            case SetFlags() as b:
                self._apply(b.values, ())
            case AddFlags() as b:
                self._apply((), b.values)
            case Goto() as b:
                self.last_goto = b
                self._goto(b.target)
            case If() as b:
                branch = b.then if evaluate(b.condition, self.state.flags) else b.else_
                if branch:
                    self._stack.append(_Frame(branch))
            case Choice() as b:
                offered = [o for o in b.options if o.condition is None or self._holds(o)]
                self._waiting = ChoiceOffered(
                    b, tuple(Offered(i, o) for i, o in enumerate(offered, 1))
                )
                return self._waiting
            case Ending() as b:
                self._ending = Ended(b, b.loc)
                self._stack.clear()
                if b.mood is not None and b.mood != self.state.mood:
                    # the final mood moves first, so that Ended is always the last event
                    change = MoodChanged(self.state.mood, b.mood)
                    self.state.mood = b.mood
                    self._pending.append(self._ending)
                    return change
                return self._ending
            case _:
                assert_never(k)
        self._change_mood(getattr(beat, "mood", 0))
        return event

    def _holds(self, option: Option) -> bool:
        return option.condition is None or evaluate(option.condition, self.state.flags)

    def _apply(
        self, values: tuple[tuple[str, FlagValue], ...], adds: tuple[tuple[str, int], ...]
    ) -> None:
        for name, value in values:
            self.state.flags[name] = value
        for name, amount in adds:
            current = self.state.flags.get(name, 0)
            base = current if isinstance(current, int) and not isinstance(current, bool) else 0
            self.state.flags[name] = base + amount

    def _change_mood(self, change: int) -> None:
        if not change:
            return
        before = self.state.mood
        self.state.mood = max(MOOD_MIN, min(MOOD_MAX, before + change))
        if self.state.mood != before:
            self._pending.append(MoodChanged(before, self.state.mood))
