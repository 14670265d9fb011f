"""A classroom session: which characters, how each feels, whom they told, what help they found.

The session keeps no personal data about children: only scenario ids, the class's decisions as
choice logs, and the results. It is saved after every decision (atomically) so a lesson can
resume after a crash or the next day; a saved log is replayed into the scenario, and an edited
scenario replays as far as its choices still match.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from max247.settings import write_atomic
from max247.story.model import Scenario
from max247.story.runtime import Decision, Story

SAVE_VERSION = 1


def source_hash(scenario: Scenario) -> str:
    try:
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

    @property
    def feels_ok(self) -> bool:
        return self.mood >= 3

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
        self.ended = story.ended
        if story.ended and story.ending and story.ending.ending:
            e = story.ending.ending
            self.ending = e.id or e.title.source


@dataclass
class Session:
    characters: list[Progress]
    language: str
    region: str

    @classmethod
    def new(cls, scenarios: list[Scenario], language: str, region: str) -> Session:
        progress = [Progress(s.id, s.mood, source=source_hash(s)) for s in scenarios]
        return cls(progress, language, region)

    def progress(self, scenario_id: str) -> Progress:
        return next(p for p in self.characters if p.scenario == scenario_id)

    @property
    def all_done(self) -> bool:
        return all(p.done for p in self.characters)

    @property
    def all_played(self) -> bool:
        return all(p.ended for p in self.characters)

    # --- saving ---------------------------------------------------------------------------

    def to_json(self) -> str:
        data = {"version": SAVE_VERSION, **asdict(self)}
        return json.dumps(data, indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Session:
        data = json.loads(text)
        if data.get("version") != SAVE_VERSION:
            raise ValueError(f"unknown save version {data.get('version')}")
        chars = []
        for p in data["characters"]:
            p["log"] = [Decision(**d) for d in p.get("log", [])]
            p["told"] = [tuple(t) for t in p.get("told", [])]
            chars.append(Progress(**p))
        return cls(chars, data["language"], data["region"])

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> tuple[Session | None, str | None]:
        """The saved session, or None with a message when it had to be set aside."""
        try:
            return cls.from_json(path.read_text(encoding="utf-8")), None
        except FileNotFoundError:
            return None, None
        except (OSError, ValueError, TypeError, KeyError) as exc:
            aside = path.with_name(path.name + ".corrupt")
            with contextlib.suppress(OSError):
                path.replace(aside)
            return None, f"The saved lesson could not be read ({exc}); it was set aside as {aside}."
