"""Read a YAML file into a small tree of nodes that remember where they stand.

Educators write our files; we read them defensively. PyYAML only composes the file (its C parser
when present): we never let it construct Python objects, so `No`, `on`, `10:30` and `0612` stay
exactly the text that was written, and the model decides what a scalar means where it stands.
Duplicate keys, alias bombs, huge files, other encodings and tabs get messages an educator can act
on, naming the line where the cause is.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from max247.story import yamltraps
from max247.story.findings import N_, Finding, Loc, ScenarioError, finding

# libyaml is many times faster; the pure-Python composer gives the same nodes
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)

MAX_BYTES = 2 * 1024 * 1024  # the longest real scenario is ~30 KB
MAX_ALIASED = 50_000  # values that aliases add when expanded: a scenario needs none
MAX_NODES = 500_000  # values in all, as written: a long scenario has about 2,000
MAX_DEPTH = 60
MAX_TEXT = 10_000  # characters in one value: the longest real text has about 600
# Control characters (NUL, escape, ...) reach a text through "\0" or "\e" in double quotes: no
# font draws them and SDL refuses a NUL. A line break is the one a text may hold.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class Node:
    loc: Loc


@dataclass
class Scalar(Node):
    value: str
    quoted: bool = False
    # a plain one-line scalar followed by ' #...' on its line: the '#' may have cut a text short
    comment_after: bool = False

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.value in NULLS


@dataclass
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Mapping(Node):
    items: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def keys(self) -> list[str]:
        return [k.value for k, _ in self.items]

    def __contains__(self, key: str) -> bool:
        return any(k.value == key for k, _ in self.items)


@dataclass
class Document:
    root: Node
    warnings: list[Finding]  # problems that do not stop reading (duplicate keys are errors, too)
    text: str


def read_yaml(path: Path | str, display: str | None = None) -> Document:
    """Read a YAML file; raise ScenarioError with findings if it cannot be read at all."""
    path = Path(path)
    name = display or str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder, a device, a pipe that would never end
            raise ScenarioError(
                [finding("E001", Loc(name), N_("cannot read the file: it is not a plain file."))]
            )
        size = info.st_size
        if size > MAX_BYTES:
            megabytes = f"{size / 1024 / 1024:.1f}"
            raise ScenarioError(
                [
                    finding(
                        "E002",
                        Loc(name),
                        N_(
                            "the file is {size} MB; a scenario is at most {limit} MB.",
                            size=megabytes,
                            limit=MAX_BYTES // 1024 // 1024,
                        ),
                        N_("Is this really a scenario? Split a very long story into several."),
                    )
                ]
            )
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)  # a file that grew since stat() is still cut short
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path itself
        # the reason is the operating system's own words
        reason = getattr(exc, "strerror", None) or str(exc)
        message = N_("cannot read the file: {reason}.", reason=reason)
        raise ScenarioError([finding("E001", Loc(name), message)]) from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str, pure: bool = False) -> Document:
    """Read YAML text; `pure` uses PyYAML's Python composer instead of libyaml (the fuzzer
    reaches inside it; both give the same nodes)."""
    if len(raw) > MAX_BYTES:
        raise ScenarioError(
            [
                finding(
                    "E002",
                    Loc(name),
                    N_("the text is larger than {limit} MB.", limit=MAX_BYTES // 1024 // 1024),
                )
            ]
        )
    text = _decode(raw, name)
    # the pure-Python composer recurses once per nested value: give it room for MAX_DEPTH (and
    # refuse deeper files itself) without ever reaching Python's own limit
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise ScenarioError(
            [
                finding(
                    "E004",
                    Loc(name, 1, 1),
                    N_("the file is empty."),
                    N_("Start from `max247 new`."),
                )
            ]
        )
    loader = None
    try:
        # the pure-Python reader checks for unprintable characters as it is made
        loader = (yaml.SafeLoader if pure else _Loader)(text)
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise ScenarioError(
            [explain_yaml_error(text, exc, name, yaml.SafeLoader if pure else _Loader)]
        ) from None
    except RecursionError:
        raise ScenarioError(
            [finding("E007", Loc(name), N_("the file is nested too deeply to read."))]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise ScenarioError([finding("E004", Loc(name, 1, 1), N_("the file is empty."))])
    _check_expansion(node, name)
    builder = _Builder(name, text.splitlines())
    root = builder.build(node, 0)
    return Document(root, yamltraps.silent(text, name) + builder.findings, text)


def _decode(raw: bytes, name: str) -> str:
    for bom, label in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, N_("UTF-16 (\u201cUnicode\u201d)")),
        (codecs.BOM_UTF16_BE, N_("UTF-16 (\u201cUnicode\u201d)")),
    ):
        if raw.startswith(bom):
            raise ScenarioError(
                [
                    finding(
                        "E003",
                        Loc(name, 1, 1),
                        N_("the file is saved as {encoding}, not UTF-8.", encoding=label),
                        N_("Open it in your editor and save it again with the encoding UTF-8."),
                    )
                ]
            )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{raw[exc.start]:02X}"
        raise ScenarioError(
            [
                finding(
                    "E003",
                    Loc(name, line, col),
                    N_(
                        "the file is not saved as UTF-8 (byte {byte} cannot be read).",
                        byte=byte,
                    ),
                    N_(
                        "Saved as ANSI in Notepad, or as Latin-1? Open it and save it as UTF-8, "
                        "so that letters like é, ë and ç survive."
                    ),
                )
            ]
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ScenarioError(
            [
                finding(
                    "E003",
                    Loc(name, line, 1),
                    N_("the file holds a NUL byte; is it a text file?"),
                )
            ]
        )
    return text


def _check_expansion(root: yaml.Node, name: str) -> None:
    """Refuse aliases that would expand into too many values, before building any of them.

    Composed YAML shares one node for every use of an anchor, so sizes are summed once per
    distinct node: an alias bomb is measured in microseconds, not expanded. What counts is what
    the aliases add: a long file with no alias at all is only limited by its size in bytes.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    active: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            size = 1 + sum(sizes[id(c)] for c in _children(node))
            sizes[key] = size
            if size > MAX_ALIASED and size - _distinct(node) > MAX_ALIASED:
                raise ScenarioError([_aliases_finding(name, node.start_mark)])
            continue
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if key in active:
            raise ScenarioError(
                [
                    finding(
                        "E007",
                        Loc(name, node.start_mark.line + 1, node.start_mark.column + 1),
                        N_("an alias refers to itself."),
                    )
                ]
            )
        active.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in sizes)
    if len(sizes) > MAX_NODES:
        raise ScenarioError(
            [
                finding(
                    "E007",
                    Loc(name, root.start_mark.line + 1, root.start_mark.column + 1),
                    N_(
                        "the file holds more than {limit} values: a scenario never needs this.",
                        limit=MAX_NODES,
                    ),
                    N_("Is this really a scenario? Split a very long story into several."),
                )
            ]
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return [n for pair in node.value for n in pair]


def _distinct(node: yaml.Node) -> int:
    """How many values stand under a node as written, not counting repeats through aliases.

    Only asked of the few nodes whose expanded size passes the limit (the ancestors of a very
    long part, or the aliases of a bomb), so the walks stay short.
    """
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if not isinstance(n, yaml.ScalarNode):
            stack.extend(_children(n))
    return len(seen)


def _aliases_finding(name: str, mark: yaml.Mark) -> Finding:
    return finding(
        "E007",
        Loc(name, mark.line + 1, mark.column + 1),
        N_("the aliases (*) here expand into too many values: a scenario never needs this."),
        N_("Remove the & anchors and * aliases, and write the text out."),
    )


class _Builder:
    """Turns PyYAML's composed nodes into ours, counting nodes so aliases cannot explode."""

    def __init__(self, name: str, lines: list[str]) -> None:
        self.name = name
        self.lines = lines
        self.count = 0
        self.findings: list[Finding] = []
        self.active: set[int] = (
            set()
        )  # nodes on the current path, to catch self-referencing aliases

    def loc(self, mark: yaml.Mark) -> Loc:
        return Loc(self.name, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node, depth: int) -> Node:
        self.count += 1
        if self.count > MAX_NODES + MAX_ALIASED:  # _check_expansion refused this already
            raise ScenarioError([_aliases_finding(self.name, node.start_mark)])
        if depth > MAX_DEPTH:
            raise ScenarioError(
                [
                    finding(
                        "E007",
                        self.loc(node.start_mark),
                        N_("the file is nested too deeply: a scenario never needs this."),
                        N_("Remove the & anchors and * aliases, and write the text out."),
                    )
                ]
            )
        if id(node) in self.active:
            raise ScenarioError(
                [finding("E007", self.loc(node.start_mark), N_("an alias refers to itself."))]
            )
        loc = self.loc(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, loc)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return Sequence(loc, [self.build(item, depth + 1) for item in node.value])
            assert isinstance(node, yaml.MappingNode)
            return self.mapping(node, loc, depth)
        finally:
            self.active.discard(id(node))

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> Scalar:
        quoted = node.style in ("'", '"', "|", ">")
        self.check_text(node.value, node.start_mark)
        after = False
        line = node.end_mark.line
        if not quoted and node.start_mark.line == line and line < len(self.lines):
            rest = self.lines[line][node.end_mark.column :]
            after = rest.lstrip().startswith("#")
        return Scalar(loc, node.value, quoted, after)

    def check_text(self, value: str, mark: yaml.Mark) -> None:
        """Every value is text: no control character, and no longer than any text can be."""
        if len(value) > MAX_TEXT:
            self.findings.append(
                finding(
                    "E011",
                    self.loc(mark),
                    N_(
                        "this value is {length} characters long; a text is at most {limit}.",
                        length=len(value),
                        limit=MAX_TEXT,
                    ),
                    N_("Split it into several beats."),
                )
            )
        bad = CONTROL.search(value)
        if bad is not None:
            code = f"{ord(bad.group()):04X}"
            self.findings.append(
                finding(
                    "E010",
                    self.loc(mark),
                    N_(
                        "this text holds the control character U+{code}, which no screen can show.",
                        code=code,
                    ),
                    N_(
                        "Remove it: in double quotes, a backslash followed by 0, a, b, e, t, "
                        "v, f, r or x writes such a character (write \\\\ for a backslash)."
                    ),
                )
            )

    def mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> Mapping:
        out = Mapping(loc)
        seen: dict[str, Loc] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ScenarioError(
                    [
                        finding(
                            "E103",
                            self.loc(key_node.start_mark),
                            N_("a key must be a plain word, not a list or mapping."),
                        )
                    ]
                )
            key = self.scalar(key_node, self.loc(key_node.start_mark))
            value = self.build(value_node, depth + 1)
            if key.value in seen:
                first = seen[key.value]
                self.findings.append(
                    finding(
                        "E008",
                        key.loc,
                        N_(
                            "'{key}' appears twice in the same mapping, here and on line {line}.",
                            key=key.value,
                            line=first.line,
                        ),
                        N_("Keep one of them (two passages need two different names)."),
                    )
                )
                continue
            seen[key.value] = key.loc
            out.items.append((key, value))
        return out


# --- explaining YAML syntax errors ------------------------------------------------------------


def explain_yaml_error(
    text: str, exc: yaml.YAMLError, name: str, loader: type = _Loader
) -> Finding:
    """Say what went wrong in words an educator understands, at the line where the cause is.

    PyYAML's own words (English, and different in its C and Python readers) are never shown:
    they serve only to choose ours.
    """
    lines = text.splitlines()
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line if mark is not None else 0
    col = mark.column if mark is not None else 0
    problem = (getattr(exc, "problem", None) or str(exc)).strip()

    # Tabs: YAML forbids them for indentation, and editors hide them.
    for i in range(min(line, len(lines) - 1), -1, -1):
        stripped = lines[i].lstrip(" ")
        if stripped.startswith("\t"):
            return finding(
                "E009",
                Loc(name, i + 1, len(lines[i]) - len(stripped) + 1),
                N_("this line is indented with a tab; YAML only accepts spaces."),
                N_("Replace the tab by spaces (set your editor to insert spaces)."),
            )
        if i < line - 2:
            break

    # A text that YAML cannot read as a text ('s Avonds, "Léo lui dit :"), found at its line
    trap = yamltraps.cause(text, line + 1, lambda t: _error_line(t, loader))
    if trap is not None:
        return trap.finding(name)

    at = Loc(name, line + 1, col + 1)
    context = getattr(exc, "context", None) or ""
    if "quoted scalar" in context:
        return finding(
            "E005",
            at,
            N_("a text in quotes starts somewhere above and does not end before the file does."),
            N_(
                "Look for a text that starts with ' or \" and put the whole text in double "
                'quotes; a " inside it is written \\".'
            ),
        )
    if "flow" in context:
        return finding(
            "E005",
            at,
            N_("YAML cannot find the end of a list in [ ] or a group in {{ }} that starts above."),
            N_(
                "Close it on the line where it starts, or put a text that starts with [ or {{ "
                "in double quotes."
            ),
        )
    if "expected ':'" in problem or "simple key" in problem:
        return finding(
            "E005",
            at,
            N_("YAML expects 'key: value' on this line, and finds no colon followed by a space."),
            N_(
                "Write a space after the colon (text: Hello), or, if this line goes on with the "
                "text of the line above, put that whole text in double quotes."
            ),
        )
    return finding(
        "E005",
        at,
        N_("YAML cannot read the file from here on: this line does not fit with the ones above."),
        N_(
            "Check the indentation (spaces only, children indented under their parent) and put "
            "texts with special characters in double quotes."
        ),
    )


def _error_line(text: str, loader: type) -> int | None:
    """The line (1-based) where YAML fails to read the text, or None when it reads."""
    try:
        reader = loader(text)
    except yaml.reader.ReaderError as exc:  # the Python reader checks characters at once
        return text.count("\n", 0, exc.position) + 1
    try:
        reader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return mark.line + 1 if mark is not None else 0
    except RecursionError:
        return 0
    finally:
        reader.dispose()
    return None
