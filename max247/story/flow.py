"""Flow checks over a whole scenario: reachability, ways out, and the proof that help is found.

The loader checks each passage on its own first (max247.story.ends: loose ends, dead beats).
Here the scenario is seen as a whole:
- a control-flow graph over beat positions, conditions ignored, tells which passages no path
  reaches and from which beats no path reaches an ending (a loop with no way out);
- the explorer (max247.story.explore) plays every reachable state with the runtime itself, to
  prove that every path to every ending finds help and that no loop runs without a choice. Where
  the states are too many, it says it could not prove it, never nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator

from max247.story import explore as explorer
from max247.story.findings import N_, Finding, finding
from max247.story.model import (
    Beat,
    Choice,
    Ending,
    Goto,
    If,
    Scenario,
    Text,
    texts,
)
from max247.story.runtime import STEP_BUDGET

# Suggested lengths (format page, "Beats"), by the text's message context.
LENGTHS = {"narrate": 200, "photo": 200, "prompt": 100, "option": 80, "feedback": 200}
LENGTHS["ending_message"] = 250
PHONE = re.compile(
    r"(?<![\w-])(?:\+?\d(?:[ .\-/]?\d){5,}|101|102|103|112|999|911|116[ .]?\d{3})(?![\w%-])"
)


def check_flow(
    scenario: Scenario, max_states: int | None = None, max_seconds: float | None = None
) -> list[Finding]:
    findings = _graph_checks(scenario)
    if not any(f.is_error for f in findings):
        findings += prove_help(scenario, max_states, max_seconds)
    return findings


def check_texts(
    scenario: Scenario, translations: Callable[[Text], dict[str, str]] | None = None
) -> list[Finding]:
    """Lengths and phone numbers (which belong to the help directory) of the file's own texts,
    or, given `translations` (text -> {language: translation}), the lengths of those alone.
    """
    out = []
    characters = set(scenario.characters)
    for _, text in texts(scenario):
        limit = LENGTHS.get(text.context, 200 if text.context in characters else None)
        if translations is None:
            versions = {scenario.language: text.source, **dict(text.inline)}
        else:
            versions = translations(text)
        if limit is not None:
            for lang, value in versions.items():
                n = length(value)
                if n > limit:
                    out.append(
                        finding(
                            "W601",
                            text.loc,
                            N_(
                                "this text is {length} characters long in '{language}'; "
                                "{limit} is comfortable to read on a projector.",
                                length=n,
                                language=lang,
                                limit=limit,
                            ),
                            N_("Shorten it, or split it into two beats."),
                        )
                    )
        if translations is not None:
            continue
        if (m := PHONE.search(text.source)) and text.context != "teacher_notes":
            out.append(
                finding(
                    "W602",
                    text.loc,
                    N_("'{number}' looks like a phone number.", number=m.group(0)),
                    N_(
                        "Numbers change and differ per region: use a help beat "
                        "(help: talk, exploitation, ...) and the help card shows the right one."
                    ),
                )
            )
    return out


def length(text: str) -> int:
    """Characters as a reader counts them: an emoji with its modifiers counts as one."""
    n = 0
    joined = False
    for ch in text:
        if ch == "\u200d":
            joined = True
            continue
        if (
            unicodedata.combining(ch)
            or "\ufe00" <= ch <= "\ufe0f"
            or "\U0001f3fb" <= ch <= "\U0001f3ff"
        ):
            continue
        if joined:
            joined = False
            continue
        n += 1
    return n


# --- the control-flow graph -------------------------------------------------------------------

# A position is (passage, path) where path indexes into nested beat lists; we number them.
Node = tuple[str, tuple[int, ...]]


def _beats_at(scenario: Scenario, passage: str, path: tuple[int, ...]) -> tuple[Beat, ...]:
    """The beat list a path points into (the path's last index is a beat in this list)."""
    beats = scenario.passages[passage].beats
    i = 0
    while i < len(path) - 1:
        beat = beats[path[i]]
        branch = path[i + 1]
        if isinstance(beat, If):
            beats = beat.then if branch == 0 else beat.else_  # type: ignore[assignment]
        else:
            assert isinstance(beat, Choice)
            beats = beat.options[branch].then  # type: ignore[assignment]
        i += 2
    return beats


def _successors(scenario: Scenario, node: Node) -> Iterator[Node | str]:
    """Where control can go from a beat, ignoring conditions; 'END' for an ending."""
    passage, path = node
    beats = _beats_at(scenario, passage, path)
    beat = beats[path[-1]]

    def after(p: tuple[int, ...]) -> Iterator[Node]:
        # the beat after position p, climbing out of nested lists that run out: after an
        # option's 'then' comes its goto, if it has one, else the beat after the choice
        while True:
            if p[-1] + 1 < len(_beats_at(scenario, passage, p)):
                yield (passage, (*p[:-1], p[-1] + 1))
                return
            if len(p) == 1:
                return  # the passage runs out: a loose end, reported by the loader
            holder_path = p[:-2]
            holder = _beats_at(scenario, passage, holder_path)[holder_path[-1]]
            if isinstance(holder, Choice) and (goto := holder.options[p[-2]].goto):
                yield (goto, (0,))
                return
            p = holder_path

    if isinstance(beat, Ending):
        yield "END"
    elif isinstance(beat, Goto):
        yield (beat.target, (0,))
    elif isinstance(beat, If):
        yield (passage, (*path, 0, 0))
        if beat.else_ is not None:
            yield (passage, (*path, 1, 0))
        else:
            yield from after(path)
    elif isinstance(beat, Choice):
        for i, o in enumerate(beat.options):
            if o.then is not None:
                yield (passage, (*path, i, 0))
            elif o.goto is not None:
                yield (o.goto, (0,))
    else:
        yield from after(path)


def _graph_checks(scenario: Scenario) -> list[Finding]:
    out: list[Finding] = []
    start: Node = (scenario.start, (0,))
    edges: dict[Node, list[Node | str]] = {}
    todo = [start]
    while todo:
        node = todo.pop()
        if node in edges:
            continue
        succ = list(_successors(scenario, node))
        edges[node] = succ
        todo += [s for s in succ if s != "END" and s not in edges]  # type: ignore[misc]
    reached = {p for p, _ in edges}
    for pid, passage in scenario.passages.items():
        if pid not in reached:
            out.append(
                finding(
                    "W301",
                    passage.loc,
                    N_("no path reaches the passage '{id}'.", id=pid),
                    N_("Add a goto to it, or remove it if it is left over."),
                )
            )
    # which nodes can reach an ending: walk the edges backwards from 'END'
    back: dict[Node | str, list[Node]] = {}
    for node, succ in edges.items():
        for s in succ:
            back.setdefault(s, []).append(node)
    good: set[Node | str] = {"END"}
    queue: deque[Node | str] = deque(["END"])
    while queue:
        for prev in back.get(queue.popleft(), []):
            if prev not in good:
                good.add(prev)
                queue.append(prev)
    stuck = [n for n in edges if n not in good]
    reported: set[str] = set()
    for at, path in sorted(stuck):
        if at in reported:
            continue
        reported.add(at)
        beat = _beats_at(scenario, at, path)[path[-1]]
        out.append(
            finding(
                "E307",
                beat.loc,
                N_(
                    "from here no path ever reaches an ending (in passage '{id}'): "
                    "the story would go round in a loop forever.",
                    id=at,
                ),
                N_("Give the loop a way out: an option or a goto that leads to an ending."),
            )
        )
    return out


# --- the help proof ---------------------------------------------------------------------------


def prove_help(
    scenario: Scenario, max_states: int | None = None, max_seconds: float | None = None
) -> list[Finding]:
    """Explore every reachable state (max247.story.explore): every path to an ending that finds
    no help, every loop that runs without a choice, and whether the exploration was complete.
    The bounds default to explore.MAX_STATES and explore.MAX_SECONDS.
    """
    found = explorer.explore(
        scenario, max_states or explorer.MAX_STATES, max_seconds or explorer.MAX_SECONDS
    )
    out = []
    for loop in found.loops.values():
        choices = str(list(loop.choices))
        if loop.budget:
            message = N_(
                "the story plays more than {budget} beats here without a choice of the class "
                "(choosing {choices}).",
                budget=STEP_BUDGET,
                choices=choices,
            )
        else:
            message = N_(
                "this goes back round a loop that runs without a choice of the class "
                "(choosing {choices}): the story would play the same beats again and again.",
                choices=choices,
            )
        hint = N_(
            "Put a choice in the loop, or go on to a choice or an ending instead "
            "(test plan: choose: {choices}).",
            choices=choices,
        )
        out.append(finding("E308", loop.loc, message, hint))
    for reason, picked in found.errors:
        out.append(
            finding(
                "E309",
                scenario.loc,
                N_(
                    "the story cannot go on after choosing {choices}: {reason}.",
                    choices=str(list(picked)),
                    reason=reason,
                ),
            )
        )
    for ending, numbers in found.without_help():
        out.append(
            finding(
                "E401",
                ending.loc,
                N_(
                    "a path reaches this ending without a Max who listens or a help card, "
                    "choosing {choices}.",
                    choices=str(list(numbers)),
                ),
                N_(
                    "Every story leads to help: add a 'tell' of a Max or a 'help' beat on that "
                    "path (test plan: choose: {choices}).",
                    choices=str(list(numbers)),
                ),
            )
        )
    if found.stopped:
        flags = ", ".join(f"{name} ({count})" for name, count in found.wide) or "-"
        out.append(
            finding(
                "W401",
                scenario.loc,
                N_(
                    "the story has too many states to explore ({states} in {seconds} s), so it "
                    "could not be proved that every path finds help; the flags that take the "
                    "most values (how many): {flags}.",
                    states=found.states,
                    seconds=max(1, round(found.seconds)),
                    flags=flags,
                ),
                N_(
                    "Give those number flags fewer values: compare them with fewer numbers, "
                    "or use true/false flags."
                ),
            )
        )
    return out
