"""Play a scenario in a terminal: the quickest way for an educator to try a story.

It shows what the runtime emits and reads option numbers, nothing more; the projector game
shows the same runtime with pictures.
"""

from __future__ import annotations

import sys
from pathlib import Path

from max247.i18n import ScenarioTranslator, messages_in
from max247.story.findings import N_, ScenarioError, render_text
from max247.story.library import load_library
from max247.story.loader import load_scenario
from max247.story.model import Scenario
from max247.story.runtime import (
    ChoiceOffered,
    Ended,
    FeedbackShown,
    HelpShown,
    Line,
    MoodChanged,
    PhotoShown,
    Story,
    StoryError,
    Told,
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
    print(f"\n== {t(scenario.title)} ==\n({t(scenario.content_warning)})\n")
    try:
        story = Story(scenario, start)
    except StoryError as exc:
        print(exc, file=sys.stderr)
        return 1
    while not story.ended:
        event = story.next()
        if isinstance(event, Line):
            who = "" if event.is_narration else f"{names[event.speaker]}: "
            print(f"  {who}{t(event.text)}")
        elif isinstance(event, PhotoShown):
            say(N_("  [{who} sends a photo: {alt}]", who=names[event.sender], alt=t(event.alt)))
        elif isinstance(event, Told):
            if event.listens:
                say(
                    N_(
                        "  ({who} tells {whom})",
                        who=names[scenario.character],
                        whom=names[event.who],
                    )
                )
            else:
                said = N_(
                    "  ({who} tells {whom}; {whom} does not listen)",
                    who=names[scenario.character],
                    whom=names[event.who],
                )
                say(said)
        elif isinstance(event, HelpShown):
            say(N_("  [help card: {need}]", need=event.need))
        elif isinstance(event, FeedbackShown):
            print(f"\n  * {t(event.text)}\n")
        elif isinstance(event, MoodChanged):
            say(N_("  (mood {before} -> {after})", before=event.before, after=event.after))
        elif isinstance(event, ChoiceOffered):
            print(f"\n{t(event.choice.prompt)}")
            for o in event.options:
                print(f"  {o.number}. {t(o.option.text)}")
            story.choose(_ask(len(event.options)))
        elif isinstance(event, Ended) and event.ending is not None:
            print(f"\n== {t(event.ending.title)} ==\n{t(event.ending.message)}")
    if story.state.found_help:
        say(N_("\nmood {mood}/4, found help", mood=story.state.mood))
    else:
        say(N_("\nmood {mood}/4, no help found", mood=story.state.mood))
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
