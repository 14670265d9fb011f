"""Play a scenario in a terminal: the quickest way for an educator to try a story.

It shows what the runtime emits and reads option numbers, nothing more; the projector game
shows the same runtime with pictures.
"""

from __future__ import annotations

import sys
from pathlib import Path

from max247.i18n import ScenarioTranslator, messages_in
from max247.player import Runner, assert_never, feels_ok
from max247.story.findings import N_, ScenarioError, render_text
from max247.story.library import load_library
from max247.story.loader import load_scenario
from max247.story.model import Scenario
from max247.story.runtime import (
    ChoiceOffered,
    Ended,
    Event,
    FeedbackShown,
    HelpShown,
    Line,
    MoodChanged,
    PhotoShown,
    StoryError,
    Told,
    ViewChanged,
)


def play_in_terminal(
    roots: list[Path], which: str | None, start: str | None, language: str | None
) -> int:
    try:
        scenario = _pick(roots, which)
    except ScenarioError as exc:
        print(exc, file=sys.stderr)
        return 1
    if scenario is None:
        return 0
    lang = language or scenario.language
    tr = ScenarioTranslator()
    words = messages_in(lang)  # the player's own notes, in the class's language

    def say(message: str) -> None:
        print(render_text(message, words))

    def t(text) -> str:
        return tr(scenario, text, lang)

    names = {c.id: t(c.name) for c in scenario.characters.values()}

    def show(event: Event) -> None:
        match event:
            case Line():
                who = "" if event.is_narration else f"{names[event.speaker or '']}: "
                print(f"  {who}{t(event.text)}")
            case PhotoShown():
                say(N_("  [{who} sends a photo: {alt}]", who=names[event.sender], alt=t(event.alt)))
            case Told():
                who, whom = names[scenario.character], names[event.who]
                if event.listens:
                    say(N_("  ({who} tells {whom})", who=who, whom=whom))
                else:
                    say(N_("  ({who} tells {whom}; {whom} does not listen)", who=who, whom=whom))
            case HelpShown():
                say(N_("  [help card: {need}]", need=event.need))
            case FeedbackShown():
                print(f"\n  * {t(event.text)}\n")
            case MoodChanged():
                say(N_("  (mood {before} -> {after})", before=event.before, after=event.after))
            case ChoiceOffered():
                print(f"\n{t(event.choice.prompt)}")
                for o in event.options:
                    print(f"  {o.number}. {t(o.option.text)}")
            case Ended():
                if event.ending is not None:
                    print(f"\n== {t(event.ending.title)} ==\n{t(event.ending.message)}")
            case ViewChanged():
                pass  # a terminal has one view
            case _:
                assert_never(event)

    print(f"\n== {t(scenario.title)} ==\n({t(scenario.content_warning)})\n")
    try:
        runner = Runner(scenario, start)
    except StoryError as exc:
        print(exc, file=sys.stderr)
        return 1
    story = runner.story
    while not story.ended:
        for event in runner.advance():
            show(event)
            if isinstance(event, ChoiceOffered):
                runner.choose(_ask(len(event.options)))
    mood = story.state.mood
    feels = N_("feels OK") if feels_ok(mood) else N_("still needs help")
    if story.state.found_help:
        say(N_("\nmood {mood}/4 ({feels}), found help", mood=mood, feels=feels))
    else:
        say(N_("\nmood {mood}/4 ({feels}), no help found", mood=mood, feels=feels))
    return 0


def _pick(roots: list[Path], which: str | None) -> Scenario | None:
    if which and Path(which).is_file():
        return load_scenario(which)
    library = load_library(roots)
    if which:
        if which not in library.scenarios:
            print(f"No scenario '{which}'. Known: {', '.join(sorted(library.scenarios))}.")
            return None
        return library.scenarios[which]
    items = sorted(library.scenarios.values(), key=lambda s: s.id)
    for i, s in enumerate(items, 1):
        print(f"{i}. {s.title} ({s.ages}, {s.minutes} min)")
    if not items:
        print("No scenarios found.")
        return None
    return items[_ask(len(items)) - 1]


def _ask(count: int) -> int:
    while True:
        try:
            answer = input(f"Choose 1-{count}: ").strip()
        except EOFError:
            raise SystemExit(0) from None
        if answer.isdigit() and 1 <= int(answer) <= count:
            return int(answer)
