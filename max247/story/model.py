"""The scenario model: what a scenario file means once it is read.

Every node keeps the place it was written (`loc`), so any message about it can name the file and
line. Texts keep their source, their inline translations and their message context; translating
them is the job of the layer above.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, cast

from max247.story.conditions import Condition, FlagValue
from max247.story.findings import Loc

LANGUAGES = ("nl", "fr", "en")
THEMES = (
    "grooming",
    "sexting",
    "sextortion",
    "image-abuse",
    "online-safety",
    "trusted-adult",
    "running-away",
)
NEEDS = (
    "talk",
    "exploitation",
    "remove-image",
    "crisis",
    "emergency",
    "missing",
    "adult-advice",
)
MOOD_MIN, MOOD_MAX = 0, 4


@dataclass(frozen=True)
class Text:
    """A text as written: its source language text, inline translations, and gettext context."""

    source: str
    context: str
    loc: Loc
    inline: tuple[tuple[str, str], ...] = ()  # (language, text) pairs written in the file

    def inline_for(self, language: str) -> str | None:
        return dict(self.inline).get(language)

    def __str__(self) -> str:
        return self.source


@dataclass(frozen=True)
class Character:
    id: str
    name: Text
    loc: Loc
    max: bool = False
    friend: bool = False
    picture: Path | None = None
    alt: Text | None = None


@dataclass(frozen=True)
class Beat:
    loc: Loc


@dataclass(frozen=True)
class Narrate(Beat):
    text: Text
    mood: int = 0


@dataclass(frozen=True)
class Message(Beat):
    speaker: str
    text: Text
    mood: int = 0


@dataclass(frozen=True)
class Option:
    loc: Loc
    key: str  # stable across reordering: a choice log names options by it
    text: Text
    condition: Condition | None = None
    mood: int = 0
    set: tuple[tuple[str, FlagValue], ...] = ()
    add: tuple[tuple[str, int], ...] = ()
    feedback: Text | None = None
    goto: str | None = None
    goto_loc: Loc | None = None
    then: tuple[Beat, ...] | None = None


@dataclass(frozen=True)
class Choice(Beat):
    key: str  # 'passage/N': the Nth choice of the passage in file order
    prompt: Text
    options: tuple[Option, ...]
    timer: int | None = None
    discuss: Text | None = None  # a question for the class about the character, after a vote
    teacher: Text | None = None  # for the teacher's eyes only: never drawn on the projector


@dataclass(frozen=True)
class If(Beat):
    condition: Condition
    then: tuple[Beat, ...]
    else_: tuple[Beat, ...] | None = None


@dataclass(frozen=True)
class SetFlags(Beat):
    values: tuple[tuple[str, FlagValue], ...]
    mood: int = 0


@dataclass(frozen=True)
class AddFlags(Beat):
    values: tuple[tuple[str, int], ...]
    mood: int = 0


@dataclass(frozen=True)
class Tell(Beat):
    who: str
    listens: bool = True
    mood: int = 0


@dataclass(frozen=True)
class Help(Beat):
    need: str
    mood: int = 0


@dataclass(frozen=True)
class Goto(Beat):
    target: str


@dataclass(frozen=True)
class View(Beat):
    mode: str  # 'phone' or 'in-person'


@dataclass(frozen=True)
class Photo(Beat):
    sender: str
    alt: Text
    mood: int = 0


@dataclass(frozen=True)
class Ending(Beat):
    title: Text
    message: Text
    mood: int | None = None  # a value 0..4, not a change
    id: str | None = None


# Every kind of beat: a `match` over a beat narrows to this and ends in `assert_never`, so the
# type checker names every place that would miss a kind added later.
BeatKind = (
    Narrate
    | Message
    | Photo
    | View
    | Tell
    | Help
    | SetFlags
    | AddFlags
    | Goto
    | If
    | Choice
    | Ending
)


if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # the same check for mypy; at run time, a kind nobody handles is a bug said loudly

    def assert_never(value: NoReturn, /) -> NoReturn:
        raise AssertionError(f"unhandled kind: {value!r}")


def kind(beat: Beat) -> BeatKind:
    """`beat` as one of the kinds, for a `match` (the loader makes no other; a `match` that
    ends in `assert_never` still says so loudly at run time if one ever were)."""
    return cast(BeatKind, beat)


@dataclass(frozen=True)
class Passage:
    id: str
    beats: tuple[Beat, ...]
    loc: Loc


@dataclass(frozen=True)
class Scenario:
    path: Path
    id: str
    language: str
    title: Text
    theme: str
    ages: str
    minutes: int
    character: str
    mood: int
    content_warning: Text
    goals: tuple[Text, ...]
    characters: dict[str, Character]
    start: str
    passages: dict[str, Passage]
    loc: Loc
    problem: Text | None = None
    teacher_notes: Text | None = None
    discussion: tuple[Text, ...] = ()
    start_loc: Loc | None = None
    format: int = 1
    extra: dict[str, Loc] = field(default_factory=dict)  # where each top-level key stands

    @property
    def folder(self) -> Path:
        return self.path.parent

    def maxes(self) -> list[str]:
        return [c.id for c in self.characters.values() if c.max]

    def endings(self) -> list[Ending]:
        return [b for b in walk(self) if isinstance(b, Ending)]

    def choices(self) -> list[Choice]:
        return [b for b in walk(self) if isinstance(b, Choice)]


def nested(beat: Beat) -> list[tuple[Beat, ...]]:
    """The beat lists a beat holds: branches of an `if`, `then` of each option."""
    if isinstance(beat, If):
        return [beat.then] + ([beat.else_] if beat.else_ is not None else [])
    if isinstance(beat, Choice):
        return [o.then for o in beat.options if o.then is not None]
    return []


def walk(scenario: Scenario) -> Iterator[Beat]:
    """Every beat of the scenario, depth first, in file order."""
    stack = [b for p in reversed(scenario.passages.values()) for b in reversed(p.beats)]
    while stack:
        beat = stack.pop()
        yield beat
        for beats in reversed(nested(beat)):
            stack.extend(reversed(beats))


def texts(scenario: Scenario) -> Iterator[tuple[str | None, Text]]:
    """Every translatable text of the scenario, in file order, with the passage it stands in."""
    head = [scenario.title, scenario.problem, scenario.content_warning, *scenario.goals]
    head += [scenario.teacher_notes, *scenario.discussion]
    for c in scenario.characters.values():
        head += [c.name, c.alt]
    for t in head:
        if t is not None:
            yield None, t
    for passage in scenario.passages.values():
        stack = list(reversed(passage.beats))
        while stack:
            beat = stack.pop()
            for t in beat_texts(beat):
                yield passage.id, t
            for beats in reversed(nested(beat)):
                stack.extend(reversed(beats))


def beat_texts(beat: Beat) -> list[Text]:
    if isinstance(beat, (Narrate, Message)):
        return [beat.text]
    if isinstance(beat, Photo):
        return [beat.alt]
    if isinstance(beat, Ending):
        return [beat.title, beat.message]
    if isinstance(beat, Choice):
        out = [beat.prompt]
        for o in beat.options:
            out.append(o.text)
            if o.feedback is not None:
                out.append(o.feedback)
        out += [t for t in (beat.discuss, beat.teacher) if t is not None]
        return out
    return []
