"""Test plans: an educator's proof that a scenario plays the way they meant.

A plan names a scenario and a few plays; each play is a list of choice numbers, as the class sees
them, and what must be true where it stops (an ending, or the first choice after its own choices
ran out). Every failure names the plan's file and line; its words are a `Msg`, said in the
interface's language by `max247 test --lang`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from max247.story.conditions import MAX_DIGITS, FlagValue, NumberTooLong, parse_value
from max247.story.fields import Fields
from max247.story.findings import N_, Finding, Loc, Msg, ScenarioError, finding
from max247.story.library import display_path, scenario_files
from max247.story.loader import read_scenario
from max247.story.model import LANGUAGES, Ending, Scenario, Text
from max247.story.plannames import check_names
from max247.story.planoptions import check_options
from max247.story.runtime import (
    ChoiceOffered,
    Ended,
    Line,
    Story,
    StoryError,
)
from max247.story.yamlread import Mapping, Node, Scalar, Sequence, read_yaml

# (scenario, text, language) -> what the class reads; the i18n layer supplies catalogs
Translate = Callable[[Scenario, Text, str], str]


def inline_or_source(scenario: Scenario, text: Text, language: str) -> str:
    return text.inline_for(language) or text.source


@dataclass
class Play:
    name: str
    loc: Loc
    choose: list[tuple[int, Loc]]
    language: str | None
    expect: dict[str, tuple[object, Loc]]


@dataclass
class Plan:
    path: Path
    scenario_ref: str
    scenario_loc: Loc
    plays: list[Play]


@dataclass
class PlayResult:
    plan: Path
    play: Play
    problems: list[tuple[Loc, str]] = field(default_factory=list)  # English, usually a Msg

    @property
    def ok(self) -> bool:
        return not self.problems


EXPECT_KEYS = ("ending", "mood", "told", "help", "flags", "says", "offered", "hidden")
LISTS = ("told", "help", "says", "offered", "hidden")  # one value, or a list of values


PLAN_KEYS = ("scenario", "plays")
PLAY_KEYS = ("name", "choose", "expect", "language")


def _err(loc: Loc, message: str, hint: str = "") -> ScenarioError:
    return ScenarioError([finding("E901", loc, message, hint)])


class _PlanFields(Fields):
    """The shared field readers, for a test plan: a plan stops at its first problem, and every
    problem is E901 (a plan that cannot be run), whatever a scenario would call it."""

    def add(self, code: str, loc: Loc, message: str, hint: str = "") -> None:
        raise _err(loc, message, hint)


def read_plan(path: Path) -> Plan:
    """Read a test plan; raise ScenarioError (code E901 or a YAML code) if it cannot be run."""
    doc = read_yaml(path, display_path(path))
    if doc.warnings:
        raise ScenarioError(doc.warnings)
    root = doc.root
    if not isinstance(root, Mapping):
        raise _err(root.loc, N_("a test plan is a mapping with 'scenario' and 'plays'."))
    _PlanFields().check_keys(root, PLAN_KEYS, N_("a test plan"))
    ref = root.get("scenario")
    plays = root.get("plays")
    if not isinstance(ref, Scalar) or ref.is_null:
        raise _err(root.loc, N_("the plan needs 'scenario: ID' (or a path to the scenario file)."))
    if not isinstance(plays, Sequence) or not plays.items:
        raise _err(root.loc, N_("the plan needs 'plays:', a list of plays."))
    return Plan(path, ref.value, ref.loc, [_read_play(p) for p in plays.items])


def _read_play(node: Node) -> Play:
    if not isinstance(node, Mapping):
        raise _err(node.loc, N_("a play is a mapping with name, choose and expect."))
    fields = _PlanFields()
    fields.check_keys(node, PLAY_KEYS, N_("a play"))
    name = node.get("name")
    if not isinstance(name, Scalar) or name.is_null:
        raise _err(node.loc, N_("a play needs a 'name'."))
    choose: list[tuple[int, Loc]] = []
    cnode = node.get("choose")
    if cnode is not None:
        if not isinstance(cnode, Sequence):
            raise _err(cnode.loc, N_("choose is a list of option numbers, such as [1, 3]."))
        for item in cnode.items:
            # ASCII digits only ("²".isdigit() is true), and few: an option is 1 to 4
            if not isinstance(item, Scalar) or not re.fullmatch(r"[1-9][0-9]?", item.value):
                raise _err(item.loc, N_("each choice is an option number: 1, 2, 3 or 4."))
            choose.append((int(item.value), item.loc))
    language = None
    if (lnode := node.get("language")) is not None:
        language = fields.one_of(lnode, "language", LANGUAGES)
    expect: dict[str, tuple[object, Loc]] = {}
    enode = node.get("expect")
    if enode is not None:
        if not isinstance(enode, Mapping):
            raise _err(
                enode.loc,
                N_("expect is a mapping: ending, mood, told, help, flags, says, offered, hidden."),
            )
        for key, value in enode.items:
            if key.value not in EXPECT_KEYS:
                raise _err(
                    key.loc, N_("'{key}' is not something a play can expect.", key=key.value)
                )
            _check_expect(key.value, value)
            expect[key.value] = (_plain(value), key.loc)
    return Play(name.value, name.loc, choose, language, expect)


def _check_expect(key: str, value: Node) -> None:
    """An expectation of the shape its key needs: one value (ending, mood), one value or a list
    of values (told, help, says), or a mapping of flags to values."""
    if key == "flags":
        if not isinstance(value, Mapping):
            raise _err(value.loc, N_("flags is a mapping such as {{gems: true}}."))
        for _, v in value.items:
            if not isinstance(v, Scalar):
                raise _err(v.loc, N_("a flag is expected to hold one value."))
            try:
                parse_value(v.value)
            except NumberTooLong:
                raise _err(
                    v.loc,
                    N_(
                        "the number {value} has more than {limit} digits",
                        value=v.value[:12] + "…",
                        limit=MAX_DIGITS,
                    ),
                ) from None
        return
    items = value.items if isinstance(value, Sequence) and key in LISTS else [value]
    for item in items:
        if not isinstance(item, Scalar):
            # TRANSLATORS: {key} is ending, mood, told, help or says
            raise _err(
                item.loc, N_("{key} is expected to be a value, or a list of values.", key=key)
            )


def _plain(node: Node) -> object:
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [_plain(i) for i in node.items]
    assert isinstance(node, Mapping)  # a node is a scalar, a sequence or a mapping
    return {k.value: _plain(v) for k, v in node.items}


def find_scenario(plan: Plan, shipped: dict[str, Scenario]) -> Scenario:
    """The plan's scenario: a path from the plan's folder, an id beside the plan, or shipped."""
    ref = plan.scenario_ref
    folder = plan.path.parent
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        path = folder / ref
        if not path.is_file():
            raise _err(plan.scenario_loc, N_("there is no file {path}.", path=display_path(path)))
        loaded = read_scenario(path, display=display_path(path))
        if loaded.scenario is None:
            raise ScenarioError(loaded.errors)
        return loaded.scenario
    for path in scenario_files(folder):
        loaded = read_scenario(path, display=display_path(path))
        if loaded.scenario is not None and loaded.scenario.id == ref:
            return loaded.scenario
        if loaded.scenario is None and path.stem == ref:
            raise ScenarioError(loaded.errors)  # say why the plan's own scenario cannot play
    if ref in shipped:
        return shipped[ref]
    raise _err(
        plan.scenario_loc,
        N_("no scenario '{id}' was found beside the plan or among the shipped ones.", id=ref),
    )


def run_play(
    scenario: Scenario, plan: Path, play: Play, translate: Translate = inline_or_source
) -> PlayResult:
    result = PlayResult(plan, play)
    lang = play.language or scenario.language
    story = Story(scenario)
    lines: list[str] = []

    def advance() -> None:
        for event in story.run():
            if isinstance(event, Line):
                lines.append(translate(scenario, event.text, lang))

    try:
        advance()
        for number, loc in play.choose:
            waiting = story.waiting
            if waiting is None:
                result.problems.append(
                    (
                        loc,
                        N_(
                            "choice {number} is left over: the story already ended here.",
                            number=number,
                        ),
                    )
                )
                return result
            if not any(o.number == number for o in waiting.options):
                offered = ", ".join(
                    f'{o.number} "{translate(scenario, o.option.text, lang)}"'
                    for o in waiting.options
                )
                prompt = translate(scenario, waiting.choice.prompt, lang)
                where = f"'{waiting.choice.key}' ({prompt})"
                problem = N_(
                    "option {number} is not on offer at {where}; on offer: {offered}",
                    number=number,
                    where=where,
                    offered=offered,
                )
                result.problems.append((loc, problem))
                return result
            story.choose(number)
            advance()
    except StoryError as exc:
        # the reason is in English: max247.story.runtime says it
        problem = N_("the story could not go on: {reason}.", reason=str(exc))
        result.problems.append((play.loc, problem))
        return result
    _check(scenario, story, play, lines, lang, translate, result)
    return result


def _check(
    scenario: Scenario,
    story: Story,
    play: Play,
    lines: list[str],
    lang: str,
    translate: Translate,
    result: PlayResult,
) -> None:
    state = story.state
    ending = story.ending.ending if isinstance(story.ending, Ended) else None
    where = _where(scenario, story, ending, lang, translate)
    for key, (want, loc) in play.expect.items():
        problem = None
        if key == "ending":
            if ending is None:
                problem = N_(
                    "expected the ending '{want}', but the play stopped {where}.",
                    want=want,
                    where=where,
                )
            elif want not in (ending.id, translate(scenario, ending.title, lang)):
                problem = N_("expected the ending '{want}', got '{where}'.", want=want, where=where)
        elif key == "mood":
            if str(state.mood) != str(want):
                problem = N_(
                    "expected mood {want}, the mood is {mood} ({where}).",
                    want=want,
                    mood=state.mood,
                    where=where,
                )
        elif key == "told":
            told = {c.who for c in state.told}
            wanted = set(want) if isinstance(want, list) else {want}
            if told != wanted:
                problem = N_(
                    "expected told {want}, got {got} ({where}).",
                    want=str(sorted(wanted, key=str)),
                    got=str(sorted(told)),
                    where=where,
                )
        elif key == "help":
            helped = set(state.helped)
            wanted = set(want) if isinstance(want, list) else {want}
            if helped != wanted:
                problem = N_(
                    "expected help {want}, got {got} ({where}).",
                    want=str(sorted(wanted, key=str)),
                    got=str(sorted(helped)),
                    where=where,
                )
        elif key == "flags":
            problem = _check_flags(want, state.flags, where)
        elif key == "says":
            problem = _check_says(want, lines)
        elif key in ("offered", "hidden"):
            problem = check_options(key, want, story, scenario, lang, translate, where)
        if problem:
            result.problems.append((loc, problem))


def _where(
    scenario: Scenario, story: Story, ending: Ending | None, lang: str, translate: Translate
) -> str:
    if ending is not None:
        return translate(scenario, ending.title, lang)
    if story.waiting is not None:
        return N_("at the choice '{key}'", key=story.waiting.choice.key)
    return N_("at a loose end")


def _check_flags(want: object, flags: dict[str, FlagValue], where: str) -> Msg | None:
    if not isinstance(want, dict):
        return N_("flags is a mapping such as {{gems: true}}.")
    wrong = []
    for name, raw in want.items():
        value = parse_value(str(raw))
        current = flags.get(name, type(value)() if value is not None else False)
        if current != value or isinstance(current, bool) != isinstance(value, bool):
            wrong.append(
                N_("{flag} is {value}, not {want}", flag=name, value=_show(current), want=raw)
            )
    if not wrong:
        return None
    return N_("{problems} ({where}).", problems=Msg.joined("; ", wrong), where=where)


def _show(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _norm(text: str) -> str:
    return text.replace("\u2019", "'")


def _check_says(want: object, lines: list[str]) -> Msg | None:
    pieces = want if isinstance(want, list) else [want]
    at = 0
    for piece in pieces:
        p = _norm(str(piece))
        found = next((i for i in range(at, len(lines)) if p in _norm(lines[i])), None)
        if found is None:
            if at == 0:
                return N_("no line says '{text}'.", text=piece)
            return N_("no line after the line before it says '{text}'.", text=piece)
        at = found + 1
    return None


def run_plan(
    path: Path, shipped: dict[str, Scenario], translate: Translate = inline_or_source
) -> list[PlayResult | Finding]:
    """Run every play of a plan: results (after any warnings about the plan's names), or the
    findings that keep the plan from running."""
    try:
        plan = read_plan(path)
        scenario = find_scenario(plan, shipped)
    except ScenarioError as exc:
        return [*exc.findings]
    names = check_names(plan.plays, scenario)  # oma for grandma, a flag that cannot fail
    if any(f.is_error for f in names):
        return [*names]
    return [*names, *(run_play(scenario, path, play, translate) for play in plan.plays)]


__all__ = [
    "ChoiceOffered",
    "Plan",
    "PlayResult",
    "Translate",
    "find_scenario",
    "inline_or_source",
    "read_plan",
    "run_plan",
    "run_play",
]
