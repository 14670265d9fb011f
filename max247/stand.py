"""The stand at an event (kiosk mode): which stories the groups play, and the counts it keeps.

At a stand, groups of children come and go while a volunteer watches. The organiser chooses the
stories and the age band once; stories for 12 to 15 year olds are off unless chosen. The stand
keeps only counts, per day and story: how many groups played it and how many of them reached
help. Nothing about a child, a group or a choice is kept, not even the time a group played.

No pygame here: the app and the stand's screens use it, and tests read it directly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from max247.settings import write_atomic

COUNTS_FILE = "stand-counts.json"
AGE_BANDS = ("10-12", "12-15")
IDLE_MINUTES = (1, 2, 3, 5, 10)  # the organiser's choices; a group idle that long is gone
MAX_COUNT_BYTES = 1024 * 1024  # a year of daily counts for 20 stories is about 100 KiB


def default_stories(ages: Iterable[tuple[str, str]], band: str) -> list[str]:
    """The stories a stand offers when the organiser ticked none: those of its age band.

    `ages` holds (story id, its age band) pairs; a story for older children is never offered
    to younger ones by default."""
    return [sid for sid, story_ages in ages if story_ages == band]


def offered(chosen: Sequence[str], ages: Iterable[tuple[str, str]], band: str) -> list[str]:
    """The stories the stand offers: the organiser's choice (those still in the library), or
    the age band's stories when none is chosen."""
    known = dict(ages)
    picked = [sid for sid in chosen if sid in known]
    return picked or default_stories(known.items(), band)


@dataclass
class StoryCount:
    groups: int = 0  # groups that started the story
    helped: int = 0  # of them, groups whose character found help


@dataclass
class StandCounts:
    """Counts per day (ISO date) and story id. Only numbers: no names, no times, no choices."""

    days: dict[str, dict[str, StoryCount]] = field(default_factory=dict)

    def record(self, played: Iterable[tuple[str, bool]], day: dt.date | None = None) -> None:
        """A group left: for each story it started, whether its character found help."""
        today = (day or dt.date.today()).isoformat()
        stories = self.days.setdefault(today, {})
        for story, found_help in played:
            count = stories.setdefault(story, StoryCount())
            count.groups += 1
            count.helped += int(found_help)

    def today(self, day: dt.date | None = None) -> dict[str, StoryCount]:
        return self.days.get((day or dt.date.today()).isoformat(), {})

    def to_json(self) -> str:
        data = {
            day: {sid: [c.groups, c.helped] for sid, c in sorted(stories.items())}
            for day, stories in sorted(self.days.items())
        }
        return json.dumps(data, indent=1)

    @classmethod
    def from_json(cls, text: str) -> StandCounts:
        """The counts a file holds; whatever in it is not a count is left out."""
        counts = cls()
        data = json.loads(text)
        if not isinstance(data, dict):
            return counts
        for day, stories in data.items():
            if not isinstance(day, str) or not isinstance(stories, dict):
                continue
            for sid, pair in stories.items():
                if (
                    isinstance(sid, str)
                    and isinstance(pair, list)
                    and len(pair) == 2
                    and all(type(n) is int and n >= 0 for n in pair)
                ):
                    groups, helped = pair
                    # never more groups helped than groups
                    counts.days.setdefault(day, {})[sid] = StoryCount(groups, min(helped, groups))
        return counts


def load_counts(folder: Path) -> StandCounts:
    """The stand's counts in `folder`; none when the file is missing, too big or damaged (a
    count is not worth stopping a stand for)."""
    path = folder / COUNTS_FILE
    try:
        if path.stat().st_size > MAX_COUNT_BYTES:
            return StandCounts()
        return StandCounts.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return StandCounts()


def save_counts(folder: Path, counts: StandCounts) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / COUNTS_FILE, counts.to_json())
