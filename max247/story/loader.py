"""Turn a scenario file into the model, or say precisely why it cannot be played.

The loader collects every finding it can rather than stopping at the first, so an educator fixes a
file in one go. It refuses (raises ScenarioError) only when there is an error; warnings travel
with the scenario. The deeper flow checks (reachability, the proof that every path finds help)
live in the validator, which starts from what this module builds.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from max247.story import advice, conditions, knockon, shapes
from max247.story.conditions import FlagValue
from max247.story.ends import check_ends
from max247.story.fields import Fields, did_you_mean, listed, slug
from max247.story.findings import N_, Finding, Loc, N_and, ScenarioError
from max247.story.grammar import (
    AGES,
    BEAT_KEYS,
    CHARACTER,
    CHOICE,
    ENDING,
    MINUTES,
    MOOD_CHANGE,
    NO_MOOD,
    NODE_ID,
    OPTION,
    PHOTO,
    RESERVED,
    SCENARIO,
    SCENARIO_ID,
    STORY_NEEDS,
    TELL,
    TIMER,
    TOP_KEYS,
    VIEWS,
)
from max247.story.model import (
    LANGUAGES,
    MOOD_MAX,
    MOOD_MIN,
    THEMES,
    AddFlags,
    Beat,
    Character,
    Choice,
    Ending,
    Goto,
    Help,
    If,
    Message,
    Narrate,
    Option,
    Passage,
    Photo,
    Scenario,
    SetFlags,
    Tell,
    Text,
    View,
)
from max247.story.yamlread import Mapping, Node, Scalar, Sequence, parse_yaml, read_yaml

MIN_MOOD_SECONDS = 0.2  # the mood walk's least share of the bound, after a long proof
DEFAULT_NEEDS = STORY_NEEDS


@dataclass
class Loaded:
    scenario: Scenario | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def load_scenario(
    path: Path | str,
    needs: Iterable[str] = DEFAULT_NEEDS,
    display: str | None = None,
    whole: bool = True,
) -> Scenario:
    """Load a scenario or raise ScenarioError listing every error (warnings are dropped)."""
    loaded = read_scenario(path, needs, display, whole)
    if loaded.errors or loaded.scenario is None:
        raise ScenarioError(loaded.errors)
    return loaded.scenario


def read_scenario(
    path: Path | str,
    needs: Iterable[str] = DEFAULT_NEEDS,
    display: str | None = None,
    whole: bool = True,
    raw: bytes | None = None,
) -> Loaded:
    """Read a scenario, returning it (when it has no errors) with every finding.

    `whole` adds the checks over the whole story (max247.story.flow): reachability, ways out,
    the proof that every path finds help, text lengths; tools that only need the texts (the
    translation extractor) and tests of the runtime turn it off. `raw` gives the file's bytes
    when they are already read.
    """
    path = Path(path)
    name = display or str(path)
    try:
        doc = read_yaml(path, display) if raw is None else parse_yaml(raw, name)
    except ScenarioError as exc:
        return Loaded(None, exc.findings)
    reader = _Reader(path, name, tuple(needs))
    scenario = reader.scenario(doc.root)
    findings = doc.warnings + reader.findings
    if scenario is not None and whole and not any(f.is_error for f in findings):
        # imported here: a story read to be played (whole=False) needs none of the proof
        from max247.story.explore import MAX_SECONDS
        from max247.story.flow import check_flow, check_texts
        from max247.story.moods import check_moods

        # the proof and the mood walk share one bound (explore.MAX_SECONDS of CPU): a story too
        # big to prove is bounded (W401) in that time, not in the sum of two walks' bounds
        started = time.process_time()
        flow = check_flow(scenario)
        left = max(MIN_MOOD_SECONDS, MAX_SECONDS - (time.process_time() - started))
        errors = any(f.is_error for f in flow)
        findings += flow + check_texts(scenario) + check_moods(scenario, errors, left)
    findings.sort(key=lambda f: (f.loc.line, f.loc.col))
    findings = knockon.fold(findings)
    if any(f.is_error for f in findings):
        scenario = None
    return Loaded(scenario, findings)


class _Reader(Fields):
    """Reads a scenario's parts, as max247/story/grammar.py defines them, into the model, with
    the shared field readers; remembers the gotos and flags to check them once all is read."""

    def __init__(self, path: Path, name: str, needs: tuple[str, ...]) -> None:
        super().__init__()
        self.path = path
        self.name = name
        self.needs = needs
        self.language = "en"
        self.characters: dict[str, Character] = {}
        self.gotos: list[tuple[str, Loc]] = []
        self.flags_set: dict[str, Loc] = {}
        self.flags_read: dict[str, Loc] = {}
        self.flags_with_words: set[str] = set()
        # `seen: no` is the word "no", which holds like true: kept to warn unless it is compared
        self.yes_no_words: list[tuple[str, str, Loc]] = []
        self.choice_count: dict[str, int] = {}
        self.passage = ""

    # --- values of the scenario format -------------------------------------------------------

    def mapping(self, node: Node, what: str) -> Mapping | None:
        if not isinstance(node, Mapping) and (meant := shapes.as_mapping(node, what)) is not None:
            self.findings.append(meant[1])  # `- lotte:`: read as meant, with one message
            return meant[0]
        return super().mapping(node, what)

    def text(self, node: Node | None, context: str, what: str) -> Text | None:
        if node is None:
            return None
        if isinstance(node, Scalar):
            if self.plain_text(node, what) is None:
                return None
            return Text(node.value, context, node.loc)
        if isinstance(node, Mapping) and node.items and set(node.keys()) <= set(LANGUAGES):
            inline: list[tuple[str, str]] = []
            for key, value in node.items:
                # TRANSLATORS: a text and the language it is in, such as "the narration (nl)"
                t = self.text(
                    value, context, N_("{what} ({language})", what=what, language=key.value)
                )
                if t is not None:
                    inline.append((key.value, t.source))
            own = dict(inline).get(self.language)
            if own is None:
                if self.language not in node:
                    self.add(
                        "E110",
                        node.loc,
                        N_(
                            "{what} is translated inline but has no '{language}', "
                            "the file's own language.",
                            what=what,
                            language=self.language,
                        ),
                    )
                return None
            return Text(own, context, node.loc, tuple(inline))
        self.not_a_text(node, what)
        return None

    def mood_change(self, node: Node) -> int:
        s = self.scalar(node, "mood")
        if s is None:
            return 0
        value = self.whole_number(s)
        if value is None:
            if s.value not in self.too_long:
                self.add(
                    "E103",
                    s.loc,
                    N_("mood should be a change such as +1 or -1, not '{value}'.", value=s.value),
                )
            return 0
        if value == 0 or not -MOOD_CHANGE <= value <= MOOD_CHANGE:
            self.add(
                "E106",
                s.loc,
                N_("mood {value}: a change is from -4 to +4, and never 0.", value=s.value),
            )
            return 0
        return value

    def mood_value(self, node: Node, what: str) -> int | None:
        s = self.scalar(node, what)
        if s is not None and s.value[:1] in "+-" and s.value[1:].isdigit():
            self.add(
                "E106",
                s.loc,
                N_(
                    "{what} is a value from {low} to {high}, not a change: "
                    "write {value} without a sign.",
                    what=what,
                    low=MOOD_MIN,
                    high=MOOD_MAX,
                    value=s.value[1:],
                ),
            )
            return None
        return self.number(node, what, MOOD_MIN, MOOD_MAX)

    # --- the scenario ----------------------------------------------------------------------

    def scenario(self, root: Node) -> Scenario | None:
        if not isinstance(root, Mapping):
            kind = N_("a list") if isinstance(root, Sequence) else N_("a single value")
            self.add(
                "E006",
                root.loc,
                N_(
                    "the file is {kind}; a scenario is a mapping of keys "
                    "(format: 1, id: ..., ...).",
                    kind=kind,
                ),
                N_("Start from `max247 new` or the example in the authoring guide."),
            )
            return None
        a_scenario = N_("a scenario")
        self.check_keys(root, TOP_KEYS, a_scenario)
        self.require(root, SCENARIO.required, a_scenario)
        fmt = root.get("format")
        if fmt is not None:
            s = self.scalar(fmt, "format")
            if s is not None and s.value != "1":
                self.add(
                    "E109",
                    s.loc,
                    N_("format {value} is not known; this engine reads 1.", value=s.value),
                )
        language = self.one_of(root.get("language"), "language", LANGUAGES)
        if language is not None:
            self.language = language
        sid = self.ident(root.get("id"), N_("scenario id"), SCENARIO_ID)
        theme = self.one_of(root.get("theme"), "theme", THEMES)
        ages = self.scalar(root.get("ages"), "ages")
        if ages is not None and not AGES.fullmatch(ages.value):
            self.add(
                "E103",
                ages.loc,
                N_("ages should be a range such as 10-12, not '{value}'.", value=ages.value),
            )
        minutes = self.number(root.get("minutes"), "minutes", *MINUTES)
        mood = self.mood_value(m, "mood") if (m := root.get("mood")) else None

        characters = root.get("characters")
        if characters is not None:
            self.read_characters(characters)
        who = self.scalar(root.get("character"), "character")
        if who is not None:
            c = self.characters.get(who.value)
            if c is None:
                self.add(
                    "E203",
                    who.loc,
                    N_(
                        "the story's character '{id}' is not declared under characters.",
                        id=who.value,
                    ),
                    did_you_mean(who.value, self.characters),
                )
            elif c.max:
                self.add("E208", who.loc, N_("the story's own character cannot be their own Max."))

        passages: dict[str, Passage] = {}
        broken: set[str] = set()
        pnode = root.get("passages")
        if pnode is not None and (pmap := self.mapping(pnode, "passages")) is not None:
            for key, value in pmap.items:
                pid = self.ident(key, N_("passage id"), NODE_ID)
                if pid is None:
                    continue
                self.passage = pid
                errors = self.error_count()
                beats = self.beats(value, N_("passage '{id}'", id=pid))
                if beats is not None:
                    passages[pid] = Passage(pid, beats, key.loc)
                if self.error_count() > errors:
                    broken.add(pid)  # its flow would only repeat what is already said
        start = self.scalar(root.get("start"), "start")
        if start is not None:
            self.gotos.append((start.value, start.loc))
        for target, loc in self.gotos:
            if target not in passages and pnode is not None:
                self.add(
                    "E202",
                    loc,
                    N_("there is no passage '{id}'.", id=target),
                    did_you_mean(target, passages) or N_("Passages: {ids}.", ids=listed(passages)),
                )
        # a passage with errors is left out: its flow would only repeat what is already said
        self.findings += check_ends(p for p in passages.values() if p.id not in broken)
        self.check_flags()

        texts = {
            key: self.text(root.get(key), key, key)
            for key in ("title", "problem", "content_warning", "teacher_notes")
        }
        goals = self.text_list(root.get("goals"), "goal", "goals")
        discussion = self.text_list(root.get("discussion"), "discussion", "discussion")
        if any(f.is_error for f in self.findings):
            return None
        assert sid and theme and ages and minutes is not None and mood is not None
        assert who and start and texts["title"] and texts["content_warning"]
        return Scenario(
            path=self.path,
            id=sid,
            language=self.language,
            title=texts["title"],
            theme=theme,
            ages=re.sub(r"\s", "", ages.value),
            minutes=minutes,
            character=who.value,
            mood=mood,
            content_warning=texts["content_warning"],
            goals=goals,
            characters=self.characters,
            start=start.value,
            passages=passages,
            loc=root.loc,
            problem=texts["problem"],
            teacher_notes=texts["teacher_notes"],
            discussion=discussion,
            start_loc=start.loc,
            extra={k.value: k.loc for k, _ in root.items},
        )

    def text_list(self, node: Node | None, context: str, what: str) -> tuple[Text, ...]:
        if node is None:
            return ()
        if not isinstance(node, Sequence):
            self.add(
                "E103",
                node.loc,
                N_("{what} should be a list, each line starting with '- '.", what=what),
            )
            return ()
        out = [self.text(item, context, N_("a line of {what}", what=what)) for item in node.items]
        return tuple(t for t in out if t is not None)

    def read_characters(self, node: Node) -> None:
        cmap = self.mapping(node, "characters")
        if cmap is None:
            return
        for key, value in cmap.items:
            cid = self.ident(key, N_("character id"), NODE_ID)
            if cid is None:
                continue
            if cid in RESERVED:
                self.add(
                    "E206",
                    key.loc,
                    N_(
                        "'{id}' is a word the format keeps for itself and cannot name a character.",
                        id=cid,
                    ),
                    N_("Call the character '{id}_' or by their name.", id=cid),
                )
                continue
            if isinstance(value, Scalar) and not value.is_null:
                self.add(
                    "E103",
                    value.loc,
                    N_("character '{id}' should be a mapping.", id=cid),
                    N_("Write {{name: {name}}}.", name=value.value),
                )
                continue
            c = self.mapping(value, N_("character '{id}'", id=cid))
            if c is None:
                continue
            self.check_keys(c, CHARACTER.allowed, N_("a character"))
            if not self.require(c, CHARACTER.required, N_("character '{id}'", id=cid)):
                continue
            name = self.text(c.get("name"), "name", N_("the name of '{id}'", id=cid))
            is_max = self.boolean(c.get("max"), "max") if c.get("max") else False
            friend = self.boolean(c.get("friend"), "friend") if c.get("friend") else False
            picture = None
            if (p := self.scalar(c.get("picture"), "picture")) is not None:
                rel = Path(p.value)
                if rel.is_absolute() or ".." in rel.parts:
                    self.add(
                        "E103",
                        p.loc,
                        N_("a picture is a path inside the scenario's folder."),
                        N_("Put the picture beside the scenario and write its file name."),
                    )
                else:
                    picture = rel
            alt = self.text(c.get("alt"), "alt", N_("the picture description of '{id}'", id=cid))
            if picture is not None and alt is None:  # read aloud says the description
                self.add(
                    "W606",
                    key.loc,
                    N_("The picture of '{id}' has no description.", id=cid),
                    N_("Add alt: with a few words that say what it shows."),
                )
            if name is not None:
                self.characters[cid] = Character(cid, name, key.loc, is_max, friend, picture, alt)

    # --- beats -----------------------------------------------------------------------------

    def beats(self, node: Node, what: str) -> tuple[Beat, ...] | None:
        if not isinstance(node, Sequence):
            self.add(
                "E103",
                node.loc,
                N_("{what} should be a list of beats, each starting with '- '.", what=what),
            )
            return None
        if not node.items:
            self.add("E102", node.loc, N_("{what} has no beats.", what=what))
            return None
        out = [self.beat(item) for item in node.items]
        return tuple(b for b in out if b is not None)

    def beat(self, node: Node) -> Beat | None:
        if not isinstance(node, Mapping):
            self.add(
                "E107",
                node.loc,
                N_("a beat is a key and a value, such as 'narrate: ...' or 'goto: ...'."),
                N_("Did you forget the key and the ':'?"),
            )
            return None
        keys = node.keys()
        kinds = [k for k in keys if k in BEAT_KEYS or k in self.characters]
        for key, _ in node.items:
            k = key.value
            if k in kinds or k == "mood" or (k in ("then", "else") and "if" in kinds):
                continue
            close = did_you_mean(k, [*BEAT_KEYS, *self.characters])
            if not close and len(keys) == 1:
                self.add(
                    "E203",
                    key.loc,
                    N_("'{id}' speaks but is not declared under characters.", id=k),
                    N_("Add it under characters: {id}: {{name: ...}}.", id=k),
                )
            else:
                self.add("E101", key.loc, N_("'{key}' is not a beat key.", key=k), close)
        if not kinds:
            if keys == ["mood"]:
                self.add(
                    "E107",
                    node.loc,
                    N_("a beat with only 'mood' (is it indented under the line above?)."),
                    N_("Put mood on the same level as the text it belongs to."),
                )
            return None
        if len(kinds) > 1:
            text_kinds = [k for k in kinds if k not in ("set", "add")]
            if len(text_kinds) == 1 and text_kinds[0] not in ("if", "choice"):
                other = next(k for k in kinds if k in ("set", "add"))
                self.add(
                    "E108",
                    (node.get(other) or node).loc,
                    N_("'{key}' cannot stand beside a text in the same beat.", key=other),
                    N_("Make it its own beat: a new line starting with '- {key}:'.", key=other),
                )
            else:
                self.add(
                    "E107",
                    node.loc,
                    N_(
                        "one beat holds {keys}; a beat has one.",
                        keys=N_and(repr(k) for k in kinds),
                    ),
                    N_("Start each on its own line with '- '."),
                )
            return None
        kind = kinds[0]
        value = node.get(kind)
        assert value is not None  # kind is one of the beat's keys
        mood = 0
        if (m := node.get("mood")) is not None:
            if kind in NO_MOOD:
                self.add(
                    "E108",
                    m.loc,
                    N_("'mood' cannot stand on '{key}'.", key=kind),
                    N_("Put it on an option, a text or a beat of its own (set, tell, help)."),
                )
            else:
                mood = self.mood_change(m)
        if kind == "if":
            return self.if_beat(node, value)
        for extra in ("then", "else"):
            if (beside := node.get(extra)) is not None:
                self.add("E108", beside.loc, N_("'{key}' goes with 'if'.", key=extra))
        return self.simple_beat(kind, value, node.loc, mood)

    def simple_beat(self, kind: str, value: Node, loc: Loc, mood: int) -> Beat | None:
        if kind == "narrate":
            t = self.text(value, "narrate", N_("the narration"))
            return Narrate(loc, t, mood) if t else None
        if kind in self.characters:
            t = self.text(value, kind, N_("the message of '{id}'", id=kind))
            return Message(loc, kind, t, mood) if t else None
        if kind == "choice":
            return self.choice(value, loc)
        if kind == "set":
            values = self.flag_values(value, "set")
            return SetFlags(loc, values, mood) if values is not None else None
        if kind == "add":
            adds = self.flag_adds(value)
            return AddFlags(loc, adds, mood) if adds is not None else None
        if kind == "tell":
            return self.tell(value, loc, mood)
        if kind == "help":
            need = self.scalar(value, "help")
            if need is None:
                return None
            if need.value not in self.needs:
                hint = did_you_mean(need.value, self.needs) or N_(
                    "Needs: {needs}.", needs=listed(self.needs)
                )
                if need.value == "adult-advice":
                    hint = N_(
                        "adult-advice cards are for teachers and are never shown to the class."
                    )
                self.add(
                    "E205",
                    need.loc,
                    N_("there is no help for the need '{need}'.", need=need.value),
                    hint,
                )
                return None
            return Help(loc, need.value, mood)
        if kind == "goto":
            target = self.scalar(value, "goto")
            if target is None:
                return None
            self.gotos.append((target.value, target.loc))
            return Goto(target.loc, target.value)
        if kind == "view":
            v = self.scalar(value, "view")
            if v is None:
                return None
            if v.value not in VIEWS:
                self.add(
                    "E106",
                    v.loc,
                    N_("view '{value}' is not known: write phone or in-person.", value=v.value),
                    did_you_mean(v.value, VIEWS),
                )
                return None
            return View(loc, v.value)
        if kind == "photo":
            p = self.mapping(value, "photo")
            if p is None:
                return None
            a_photo = N_("a photo")
            self.check_keys(p, PHOTO.allowed, a_photo)
            if not self.require(p, PHOTO.required, a_photo):
                return None
            sender = self.character_ref(p.get("from"), "from")
            alt = self.text(p.get("alt"), "photo", N_("the photo's description"))
            return Photo(loc, sender, alt, mood) if sender and alt else None
        return self.ending(value, loc)

    def character_ref(self, node: Node | None, what: str) -> str | None:
        s = self.scalar(node, what)
        if s is None:
            return None
        if s.value not in self.characters:
            self.add(
                "E203",
                s.loc,
                N_("'{id}' is not declared under characters.", id=s.value),
                did_you_mean(s.value, self.characters),
            )
            return None
        return s.value

    def tell(self, value: Node, loc: Loc, mood: int) -> Tell | None:
        listens = True
        who_node: Node | None = value
        if isinstance(value, Mapping):
            self.check_keys(value, TELL.allowed, N_("a tell"))
            if not self.require(value, TELL.required, N_("a tell")):
                return None
            who_node = value.get("who")
            if value.get("listens") is not None:
                listens = self.boolean(value.get("listens"), "listens")
        who = self.character_ref(who_node, "tell")
        if who is None:
            return None
        c = self.characters[who]
        assert who_node is not None  # the character was read from it
        if not (c.max or c.friend):
            self.add(
                "E204",
                who_node.loc,
                N_("'{id}' is neither a Max nor a friend, so telling them is not help.", id=who),
                N_(
                    "Mark them under characters: {id}: {{name: ..., max: true}} "
                    "(a trusted adult) or friend: true.",
                    id=who,
                ),
            )
            return None
        return Tell(loc, who, listens, mood)

    def if_beat(self, node: Mapping, value: Node) -> If | None:
        cond = self.condition(value)
        then_node = node.get("then")
        if then_node is None:
            self.add("E102", node.loc, N_("an 'if' needs 'then:' with the beats it plays."))
            return None
        then = self.beats(then_node, "then")
        else_ = self.beats(e, "else") if (e := node.get("else")) is not None else None
        if cond is None or then is None:
            return None
        return If(node.loc, cond, then, else_)

    def condition(self, node: Node | None) -> conditions.Condition | None:
        s = self.scalar(node, N_("a condition"))
        if s is None:
            return None
        try:
            cond = conditions.parse(s.value)
        except conditions.ConditionSyntaxError as exc:
            offset = exc.column + (1 if s.quoted else 0)
            short = len(s.value) <= 100  # a condition past a limit is said in part, no pointer
            self.add(
                exc.code,
                Loc(s.loc.file, s.loc.line, s.loc.col + offset),
                N_(
                    "the condition '{condition}' cannot be read: {reason}.",
                    condition=s.value if short else s.value[:60] + "…",
                    reason=exc.reason,
                ),
                # points at the place: no words
                f"\n    {s.value}\n    {' ' * exc.column}^" if short else "",
            )
            return None
        for flag in conditions.flags_read(cond):
            self.flags_read.setdefault(flag, s.loc)
        self.flags_with_words.update(conditions.words_compared(cond))
        return cond

    def flag_values(self, node: Node, what: str) -> tuple[tuple[str, FlagValue], ...] | None:
        m = self.mapping(node, what)
        if m is None:
            return None
        out: list[tuple[str, FlagValue]] = []
        for key, value in m.items:
            if not conditions.FLAG_NAME.match(key.value):
                self.add(
                    "E201",
                    key.loc,
                    N_(
                        "'{name}' is not a valid flag name: lower-case letters, digits and _, "
                        "starting with a letter.",
                        name=key.value,
                    ),
                    advice.flag_name(key.value),
                )
                continue
            parsed: FlagValue | None = None
            if isinstance(value, Scalar):
                try:
                    parsed = conditions.parse_value(value.value)
                except conditions.NumberTooLong:
                    self.number_too_long(value.loc, value.value)
                    self.flags_set.setdefault(key.value, key.loc)  # set, to a number too long
                    continue
            if parsed is None or (isinstance(value, Scalar) and value.is_null):
                self.add(
                    "E503",
                    value.loc,
                    N_(
                        "'{name}' can be set to true, false, a whole number or a word.",
                        name=key.value,
                    ),
                )
                continue
            self.flags_set.setdefault(key.value, key.loc)
            if isinstance(parsed, str) and parsed.lower() in YES_NO_WORDS:
                self.yes_no_words.append((key.value, parsed, value.loc))
            out.append((key.value, parsed))
        return tuple(out)

    def flag_adds(self, node: Node) -> tuple[tuple[str, int], ...] | None:
        m = self.mapping(node, "add")
        if m is None:
            return None
        out: list[tuple[str, int]] = []
        for key, value in m.items:
            s = self.scalar(value, N_("the value of '{name}'", name=key.value))
            number = self.whole_number(s) if s is not None else None
            if s is not None and s.value in self.too_long:
                self.flags_set.setdefault(key.value, key.loc)  # set, by a number too long
                continue
            if number is None:
                self.add(
                    "E503",
                    value.loc,
                    N_("add a whole number to '{name}', such as 1.", name=key.value),
                )
                continue
            if not conditions.FLAG_NAME.match(key.value):
                self.add(
                    "E201",
                    key.loc,
                    N_("'{name}' is not a valid flag name.", name=key.value),
                    advice.flag_name(key.value),
                )
                continue
            self.flags_set.setdefault(key.value, key.loc)
            out.append((key.value, number))
        return tuple(out)

    def choice(self, value: Node, loc: Loc) -> Choice | None:
        c = self.mapping(value, "choice")
        if c is None:
            return None
        self.check_keys(c, CHOICE.allowed, N_("a choice"))
        if not self.require(c, CHOICE.required, N_("a choice")):
            return None
        prompt = self.text(c.get("prompt"), "prompt", N_("the prompt"))
        timer = self.number(c.get("timer"), "timer", *TIMER) if c.get("timer") else None
        discuss = self.text(c.get("discuss"), "discuss", N_("the discussion question"))
        teacher = self.text(c.get("teacher"), "teacher", N_("the note for the teacher"))
        onode = c.get("options")
        if not isinstance(onode, Sequence):
            self.add(
                "E103",
                (onode or c).loc,
                N_("options should be a list, each option starting with '- '."),
            )
            return None
        n = self.choice_count.get(self.passage, 0) + 1
        self.choice_count[self.passage] = n
        options: list[Option] = []
        keys: set[str] = set()
        for item in onode.items:
            o = self.option(item, keys)
            if o is not None:
                options.append(o)
        if not 2 <= len(onode.items) <= 4:
            self.add(
                "E302",
                onode.loc,
                N_(
                    "this choice has {count} option(s); a choice has 2 to 4.",
                    count=len(onode.items),
                ),
                N_("Split a long list into two choices.") if len(onode.items) > 4 else "",
            )
            return None
        plain = [i for i in onode.items if isinstance(i, Mapping) and i.get("if") is None]
        if len(plain) < 2:
            self.add(
                "E303",
                onode.loc,
                N_("at least 2 options of a choice must be offered always (without 'if')."),
            )
            return None
        if prompt is None or len(options) != len(onode.items):
            return None
        return Choice(loc, f"{self.passage}/{n}", prompt, tuple(options), timer, discuss, teacher)

    def option(self, node: Node, keys: set[str]) -> Option | None:
        an_option = N_("an option")
        o = self.mapping(node, an_option)
        if o is None:
            return None
        self.check_keys(o, OPTION.allowed, an_option)
        if not self.require(o, OPTION.required, an_option):
            return None
        text = self.text(o.get("text"), "option", N_("the option's text"))
        cond = self.condition(o.get("if")) if o.get("if") is not None else None
        mood = self.mood_change(m) if (m := o.get("mood")) is not None else 0
        sets = self.flag_values(fs, "set") if (fs := o.get("set")) is not None else ()
        adds = self.flag_adds(fa) if (fa := o.get("add")) is not None else ()
        feedback = self.text(o.get("feedback"), "feedback", N_("the feedback"))
        goto = None
        goto_loc = None
        if (g := self.scalar(o.get("goto"), "goto")) is not None:
            goto, goto_loc = g.value, g.loc
            self.gotos.append((g.value, g.loc))
        then = self.beats(t, "then") if (t := o.get("then")) is not None else None
        if o.get("goto") is None and o.get("then") is None:
            self.add(
                "E304",
                o.loc,
                N_("this option says neither where the story goes (goto) nor what happens (then)."),
                N_("Add 'goto: PASSAGE'."),
            )
            return None
        if text is None or sets is None or adds is None:
            return None
        key = slug(text.source) or "option"
        base, i = key, 2
        while key in keys:
            key, i = f"{base}-{i}", i + 1
        keys.add(key)
        return Option(o.loc, key, text, cond, mood, sets, adds, feedback, goto, goto_loc, then)

    def ending(self, value: Node, loc: Loc) -> Ending | None:
        e = self.mapping(value, "ending")
        if e is None:
            return None
        self.check_keys(e, ENDING.allowed, N_("an ending"))
        if not self.require(e, ENDING.required, N_("an ending")):
            return None
        title = self.text(e.get("title"), "ending_title", N_("the ending's title"))
        message = self.text(e.get("message"), "ending_message", N_("the ending's message"))
        mood = self.mood_value(em, N_("the ending's mood")) if (em := e.get("mood")) else None
        eid = self.ident(e.get("id"), N_("ending id"), NODE_ID) if e.get("id") else None
        if title is None or message is None:
            return None
        return Ending(loc, title, message, mood, eid)

    # --- checks over the whole file ----------------------------------------------------------

    def check_flags(self) -> None:
        for flag, loc in self.flags_read.items():
            if flag not in self.flags_set:
                self.add(
                    "E502",
                    loc,
                    N_("the flag '{flag}' is read here but never set in this file.", flag=flag),
                    did_you_mean(flag, self.flags_set)
                    or N_("Set it somewhere: set: {{{flag}: true}}.", flag=flag),
                )
        for flag, loc in self.flags_set.items():
            if flag not in self.flags_read:
                self.add(
                    "W501",
                    loc,
                    N_("the flag '{flag}' is set but never read by a condition.", flag=flag),
                    advice.misspelt_read(flag, self.flags_read, self.flags_set)
                    or did_you_mean(flag, self.flags_read),
                )
        for flag, word, loc in self.yes_no_words:
            if flag in self.flags_with_words:
                continue  # `answer == no` somewhere: the word is meant
            meant = "false" if YES_NO_WORDS[word.lower()] is False else "true"
            self.add(
                "W502",
                loc,
                N_(
                    "'{word}' is a word here, not {meant}: a flag holding any word counts as "
                    "set, so 'if: {flag}' holds.",
                    word=word,
                    meant=meant,
                    flag=flag,
                ),
                N_("Write {flag}: {meant}.", flag=flag, meant=meant),
            )


# Words YAML 1.1 read as booleans: our reader keeps them as words (format page), so an author who
# meant true or false hears about it.
YES_NO_WORDS = {"yes": True, "y": True, "on": True, "no": False, "n": False, "off": False}
