"""A classroom session: which characters, how each feels, whom they told, what help they found.

The session keeps no personal data about children: a name the teacher gives the lesson ("6B
Tuesday"), scenario ids, the class's decisions as choice logs (with vote counts per option, never
who voted), and the results. `max247.store` saves it after every decision, so a lesson resumes
after a crash or the next day; a saved log is replayed into the scenario, and an edited scenario
replays as far as its choices still match.

Sessions of earlier versions were one JSON file; `from_json` reads that shape once, checking every
field, so a damaged file is refused with a reason and never half-read.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TypeGuard

from max247.story.model import MOOD_MAX, MOOD_MIN, Choice, Option, Scenario
from max247.story.moods import feels_ok
from max247.story.runtime import Decision, Story

SAVE_VERSION = 1  # the JSON session file of earlier versions
PLAYING, FINISHED = "playing", "finished"


def source_hash(scenario: Scenario) -> str:
    try:
        import hashlib  # here, not at start: it loads OpenSSL (4 MiB)

        return hashlib.sha256(scenario.path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


@dataclass
class Progress:
    """One character's play in this session."""

    scenario: str
    mood: int
    started: bool = False
    ended: bool = False
    ending: str = ""  # the ending's id or title, in the scenario's language
    found_max: bool = False
    found_help: bool = False
    told: list[tuple[str, bool]] = field(default_factory=list)
    helped: list[str] = field(default_factory=list)
    log: list[Decision] = field(default_factory=list)
    source: str = ""
    # per decision of the log, the votes per option key (counts only); empty until votes exist
    votes: list[dict[str, int]] = field(default_factory=list)

    @property
    def feels_ok(self) -> bool:
        return feels_ok(self.mood)

    @property
    def done(self) -> bool:
        """Helped all the way: ended feeling OK, with help found."""
        return self.ended and self.feels_ok and self.found_help

    def record(self, story: Story) -> None:
        state = story.state
        self.started = True
        self.mood = state.mood
        self.found_max = self.found_max or state.found_max
        self.found_help = self.found_help or state.found_help
        self.told = [(c.who, c.listens) for c in state.told]
        self.helped = list(state.helped)
        self.log = list(state.log)
        self.votes = [*self.votes[: len(self.log)], *[{}] * (len(self.log) - len(self.votes))]
        self.ended = story.ended
        if story.ended and story.ending and story.ending.ending:
            e = story.ending.ending
            self.ending = e.id or e.title.source


@dataclass
class Session:
    characters: list[Progress]
    language: str
    region: str
    name: str = ""  # the teacher's name for the lesson ("6B Tuesday"), never a child's
    created: str = ""  # when the lesson began: ISO date and time, to the minute
    state: str = PLAYING
    current: str = ""  # the scenario whose story is open, to resume at the same beat
    id: int | None = None  # its row in the store, once saved

    @classmethod
    def new(cls, scenarios: list[Scenario], language: str, region: str, name: str = "") -> Session:
        progress = [Progress(s.id, s.mood, source=source_hash(s)) for s in scenarios]
        created = dt.datetime.now().replace(second=0, microsecond=0).isoformat()
        return cls(progress, language, region, name=name, created=created)

    def progress(self, scenario_id: str) -> Progress:
        return next(p for p in self.characters if p.scenario == scenario_id)

    @property
    def all_done(self) -> bool:
        return all(p.done for p in self.characters)

    @property
    def all_played(self) -> bool:
        return all(p.ended for p in self.characters)

    @property
    def finished(self) -> bool:
        return self.state == FINISHED

    def decisions(self) -> int:
        return sum(len(p.log) for p in self.characters)


class Damaged(ValueError):
    """A saved session whose shape is not one this program wrote."""


def _expect(ok: bool, what: str) -> None:
    if not ok:
        raise Damaged(what)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: object, what: str, low: int | None = None, high: int | None = None) -> int:
    """`value` if it is a whole number (not a bool) within the bounds given, else Damaged."""
    if (
        not _is_int(value)
        or (low is not None and value < low)
        or (high is not None and value > high)
    ):
        raise Damaged(what)
    return value


def _text(value: object, what: str, limit: int = 200) -> str:
    _expect(isinstance(value, str) and len(value) <= limit, what)
    return value  # type: ignore[return-value]


def progress_from_dict(data: object) -> Progress:
    """One character's play, every field checked: a saved file may have been edited or cut."""
    _expect(isinstance(data, dict), "a character is not a mapping")
    assert isinstance(data, dict)
    scenario = _text(data.get("scenario"), "a character has no scenario id", 100)
    mood = _int(data.get("mood"), f"the mood of {scenario!r}", MOOD_MIN, MOOD_MAX)
    flags = {}
    for key in ("started", "ended", "found_max", "found_help"):
        flags[key] = data.get(key, False)
        _expect(isinstance(flags[key], bool), f"{key} of {scenario!r}")
    told = data.get("told", [])
    _expect(isinstance(told, list), f"told of {scenario!r}")
    for t in told:
        _expect(
            isinstance(t, list | tuple)
            and len(t) == 2
            and isinstance(t[0], str)
            and isinstance(t[1], bool),
            f"told of {scenario!r}",
        )
    helped = data.get("helped", [])
    _expect(isinstance(helped, list) and all(isinstance(h, str) for h in helped), "helped")
    log = data.get("log", [])
    _expect(isinstance(log, list), f"the decisions of {scenario!r}")
    decisions = []
    for d in log:
        _expect(isinstance(d, dict), f"a decision of {scenario!r}")
        decisions.append(
            Decision(
                _text(d.get("choice"), f"a decision of {scenario!r}"),
                _text(d.get("option"), f"a decision of {scenario!r}"),
                _int(d.get("number"), f"a decision of {scenario!r}"),
            )
        )
    votes = data.get("votes", [])
    _expect(isinstance(votes, list) and len(votes) <= len(decisions), f"votes of {scenario!r}")
    for v in votes:
        _expect(
            isinstance(v, dict)
            and all(isinstance(k, str) and _is_int(n) and n >= 0 for k, n in v.items()),
            f"votes of {scenario!r}",
        )
    return Progress(
        scenario,
        mood,
        ending=_text(data.get("ending", ""), f"the ending of {scenario!r}"),
        told=[(w, b) for w, b in told],
        helped=list(helped),
        log=decisions,
        source=_text(data.get("source", ""), f"source of {scenario!r}", 64),
        votes=[dict(v) for v in votes] + [{}] * (len(decisions) - len(votes)),
        **flags,
    )


def progress_to_dict(p: Progress) -> dict:
    return {
        "scenario": p.scenario,
        "mood": p.mood,
        "started": p.started,
        "ended": p.ended,
        "ending": p.ending,
        "found_max": p.found_max,
        "found_help": p.found_help,
        "told": [[w, b] for w, b in p.told],
        "helped": list(p.helped),
        "log": [{"choice": d.choice, "option": d.option, "number": d.number} for d in p.log],
        "source": p.source,
        "votes": [dict(v) for v in p.votes],
    }


def from_legacy_json(text: str) -> Session:
    """The one session of earlier versions (`session.json`), or Damaged saying what is wrong."""
    try:
        data = json.loads(text)
    except RecursionError:  # [[[[...]]]] 100,000 deep
        raise Damaged("nested too deeply") from None
    except ValueError as exc:
        raise Damaged(f"not JSON ({exc})") from None
    _expect(isinstance(data, dict), "not a mapping")
    _expect(data.get("version") == SAVE_VERSION, f"unknown version {data.get('version')!r}")
    chars = data.get("characters")
    _expect(isinstance(chars, list) and len(chars) > 0, "no characters")
    language = _text(data.get("language"), "no language", 10)
    region = _text(data.get("region"), "no region", 10)
    progress = [progress_from_dict(c) for c in chars]
    return Session(progress, language, region)


@dataclass(frozen=True)
class Step:
    """One decision of a character's path: the choice as the class saw it and what it chose."""

    choice: Choice
    offered: tuple[Option, ...]
    chosen: Option
    votes: dict[str, int]


def steps(scenario: Scenario, progress: Progress) -> list[Step]:
    """The class's decisions replayed into the scenario, as far as the scenario still matches."""
    story = Story(scenario)
    out = []
    for i, decision in enumerate(progress.log):
        story.run()
        waiting = story.waiting
        if waiting is None or waiting.choice.key != decision.choice:
            break
        offered = tuple(o.option for o in waiting.options)
        chosen = next((o for o in offered if o.key == decision.option), None)
        if chosen is None:
            break
        votes = progress.votes[i] if i < len(progress.votes) else {}
        out.append(Step(waiting.choice, offered, chosen, votes))
        story.choose_key(decision.option)
    return out
