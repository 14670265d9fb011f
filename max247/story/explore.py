"""The explorer: every way through a story, played by the runtime itself.

One explorer serves everything that walks paths: the validator's proof that every path finds help
(max247.story.flow), the graph and the proof page (max247.authoring), and the tests. It forks the
runtime at every choice and plays each option, breadth first, so the first path found to anything
is a shortest one (ready for a test plan's `choose:`).

Two plays that reach the same state behave the same from there on, so a state is explored once.
The state key is exact: the position, the mood, every flag's real value, whom the character told
and whether they listened, and the help shown. A number is capped only where nothing can bring it
back across a value it is compared with: a flag that is never lowered (no negative `add`) behaves
the same at every value above the largest number it is compared with, and one never raised the same
at every value below the smallest. (The view, phone or face to face, only changes how lines look,
and the choice log is how a state was reached, not what it is.)

Between two choices the explorer watches the positions the story passes: a position met twice is a
loop that runs without the class choosing anything, an error at the beat that closes it (a goto).
The runtime's step budget stops any walk that would run longer. The exploration itself is bounded
(states and seconds); where it stops, it says so, with the flags that take the most values.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from max247.story import conditions
from max247.story.conditions import FlagValue
from max247.story.findings import Loc
from max247.story.model import AddFlags, Choice, Ending, If, Scenario, walk
from max247.story.runtime import Ended, Event, StepBudgetError, Story, StoryError

MAX_STATES = 200_000  # states explored before the explorer gives up on a story
# seconds of CPU time (not of the clock, so that a busy machine gives the same answer) spent on
# one story before it gives up
MAX_SECONDS = 2.0

Bounds = dict[str, tuple[int | None, int | None]]  # flag -> (lowest, highest) value kept


def number_bounds(scenario: Scenario) -> Bounds:
    """For each number flag, the values beyond which it can be capped without changing a thing.

    A flag is compared with whole numbers (and, read as true or false, with 0). If no `add` ever
    lowers it, every value above the largest of them behaves the same from then on: it is kept as
    that number + 1. Likewise below the smallest, for a flag that no `add` ever raises.
    """
    compared: dict[str, set[int]] = {}
    raised: set[str] = set()
    lowered: set[str] = set()
    for beat in walk(scenario):
        conds: list[conditions.Condition] = []
        adds: list[tuple[str, int]] = []
        if isinstance(beat, If):
            conds.append(beat.condition)
        elif isinstance(beat, Choice):
            for o in beat.options:
                if o.condition is not None:
                    conds.append(o.condition)
                adds += o.add
        elif isinstance(beat, AddFlags):
            adds += beat.values
        for cond in conds:
            for leaf in conditions.leaves(cond):
                if isinstance(leaf, conditions.Flag):
                    compared.setdefault(leaf.name, set()).add(0)
                elif isinstance(leaf.value, int) and not isinstance(leaf.value, bool):
                    compared.setdefault(leaf.flag, set()).add(leaf.value)
        for name, amount in adds:
            (raised if amount > 0 else lowered).add(name)
    bounds: Bounds = {}
    for name in raised | lowered | set(compared):
        values = compared.get(name, set()) | {0}
        low = None if name in raised else min(values) - 1
        high = None if name in lowered else max(values) + 1
        bounds[name] = (low, high)
    return bounds


def flag_key(flags: dict[str, FlagValue], bounds: Bounds) -> tuple[object, ...]:
    out = []
    for name in sorted(flags):
        v = flags[name]
        if isinstance(v, int) and not isinstance(v, bool) and name in bounds:
            low, high = bounds[name]
            if high is not None and v > high:
                v = high
            elif low is not None and v < low:
                v = low
        out.append((name, v))
    return tuple(out)


def state_key(story: Story, bounds: Bounds) -> tuple[object, ...]:
    """Everything that decides what can happen next, and whether help was found."""
    state = story.state
    return (
        story.position(),
        state.mood,
        flag_key(state.flags, bounds),
        frozenset(state.told),
        frozenset(state.helped),
    )


# --- what a walk meets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Loop:
    """A loop that runs without a choice (or a walk longer than the step budget)."""

    loc: Loc  # the beat that closes the loop: where it goes back
    choices: tuple[int, ...]  # the choices that lead to it, as the class numbers them
    budget: bool = False  # True: the step budget ran out (no position came round twice)


@dataclass
class Visit:
    """A play after one more choice: waiting at a choice, at its ending, or stuck in a loop."""

    story: Story
    events: list[Event]  # what it showed since the choice before
    loop: Loop | None = None
    error: str = ""  # the runtime refused to go on (other than a loop)

    @property
    def choices(self) -> tuple[int, ...]:
        return tuple(d.number for d in self.story.state.log)


@dataclass
class EndingReach:
    """How the explored plays reached one ending."""

    plays: int = 0
    with_help: int = 0
    moods: set[int] = field(default_factory=set)
    without_help: tuple[int, ...] | None = None  # a shortest path that reaches it with no help

    @property
    def status(self) -> str:
        if not self.plays:
            return "not reached"
        if self.with_help == self.plays:
            return "help found"
        return "no help yet" if not self.with_help else "not always"


class Explorer:
    """Walks every state of a story, breadth first: iterate `visits()`, then read the outcome."""

    def __init__(
        self, scenario: Scenario, max_states: int = MAX_STATES, max_seconds: float = MAX_SECONDS
    ) -> None:
        self.scenario = scenario
        self.max_states = max_states
        self.max_seconds = max_seconds
        self.bounds = number_bounds(scenario)
        self.states = 0  # distinct states at a choice
        self.stopped = ""  # "", "states" or "seconds": why the walk stopped early
        self.wide: list[tuple[str, int]] = []  # when stopped: flags by how many values they took
        self.seconds = 0.0

    @property
    def complete(self) -> bool:
        return not self.stopped

    def visits(self) -> Iterator[Visit]:
        start = time.process_time()
        seen: set[tuple[object, ...]] = set()
        first = Story(self.scenario)
        visit = settle(first)
        yield visit
        queue: deque[Story] = deque()
        if first.waiting is not None and visit.loop is None:
            seen.add(state_key(first, self.bounds))
            queue.append(first)
        pops = 0
        while queue:
            story = queue.popleft()
            pops += 1
            for offered in story.waiting.options:  # type: ignore[union-attr]
                branch = story.fork()
                branch.choose(offered.number)
                visit = settle(branch)
                if branch.waiting is None or visit.loop or visit.error:
                    yield visit
                    continue
                key = state_key(branch, self.bounds)
                if key in seen:
                    continue
                seen.add(key)
                yield visit
                queue.append(branch)
            if pops % 8 == 0:  # the CPU clock costs up to a millisecond on some machines
                self.seconds = time.process_time() - start
            if queue and (len(seen) >= self.max_states or self.seconds > self.max_seconds):
                self.stopped = "states" if len(seen) >= self.max_states else "seconds"
                self.wide = widest_flags(seen)
                break
        self.states = len(seen)
        self.seconds = time.process_time() - start


def settle(story: Story) -> Visit:
    """Play on to the next choice or the ending, watching for a loop that needs no choice."""
    events: list[Event] = []
    passed: set[tuple[object, ...]] = set()
    try:
        while story.waiting is None and not story.ended:
            if story.upcoming() is not None:
                here = story.position()
                if here in passed and story.last is not None:
                    loop = Loop(story.last.loc, tuple(d.number for d in story.state.log))
                    return Visit(story, events, loop)
                passed.add(here)
            event = story.step()
            if event is not None:
                events.append(event)
    except StepBudgetError as exc:
        return Visit(story, events, Loop(exc.loc, tuple(d.number for d in story.state.log), True))
    except StoryError as exc:
        return Visit(story, events, error=str(exc))
    return Visit(story, events)


def widest_flags(seen: set[tuple[Any, ...]]) -> list[tuple[str, int]]:
    """The flags that take the most values over the states seen: what blows the space up."""
    values: dict[str, set[object]] = {}
    for key in seen:
        for name, v in key[2]:
            values.setdefault(name, set()).add(v)
    counts = Counter({name: len(vs) for name, vs in values.items() if len(vs) > 1})
    return counts.most_common(3)


# --- the outcome, per ending ----------------------------------------------------------------------


@dataclass
class Exploration:
    endings: dict[int, EndingReach]  # id() of the Ending beat -> how plays reached it
    loops: dict[Loc, Loop] = field(default_factory=dict)  # first path to each loop
    errors: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)
    plays: int = 0  # arrivals at an ending
    states: int = 0
    seconds: float = 0.0
    stopped: str = ""
    wide: list[tuple[str, int]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.stopped

    ending_beats: list[Ending] = field(default_factory=list)

    def reach(self, ending: Ending) -> EndingReach:
        return self.endings.get(id(ending), EndingReach())

    def without_help(self) -> list[tuple[Ending, tuple[int, ...]]]:
        """Each ending some path reaches without help, with a shortest such path, in file order."""
        out = []
        for ending in self.ending_beats:
            reach = self.endings[id(ending)]
            if reach.without_help is not None:
                out.append((ending, reach.without_help))
        return out


def explore(
    scenario: Scenario, max_states: int = MAX_STATES, max_seconds: float = MAX_SECONDS
) -> Exploration:
    """Explore every state; per ending, whether help was found on the way, and every loop."""
    endings = scenario.endings()
    result = Exploration({id(e): EndingReach() for e in endings}, ending_beats=endings)
    explorer = Explorer(scenario, max_states, max_seconds)
    for visit in explorer.visits():
        story = visit.story
        if visit.loop is not None:
            result.loops.setdefault(visit.loop.loc, visit.loop)
        elif visit.error:
            result.errors.append((visit.error, visit.choices))
        elif story.ended:
            result.plays += 1
            ended = story.ending
            if isinstance(ended, Ended) and ended.ending is not None:
                reach = result.endings.setdefault(id(ended.ending), EndingReach())
                reach.plays += 1
                reach.moods.add(story.state.mood)
                if story.state.found_help:
                    reach.with_help += 1
                elif reach.without_help is None:
                    reach.without_help = visit.choices
    result.states = explorer.states
    result.seconds = explorer.seconds
    result.stopped = explorer.stopped
    result.wide = explorer.wide
    return result
