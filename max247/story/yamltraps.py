"""Find YAML's traps in a story's lines, at the line where the writer fell in, with the fix.

A text that starts with an apostrophe (`'s Avonds`), ends with ` :` (`Léo lui dit :`) or holds
`: ` breaks YAML, but the parser notices lines later and says so in its own English words. This
pass reads the lines as a writer does: every `key: text` and `- text`, checked on its own, so the
finding stands on the line that holds the trap and its fix is the writer's own text in quotes
(an example that is itself valid YAML). It gives no finding on what YAML reads as meant: list
items, quoted texts, flow lists such as `choose: [1, 2]`, block texts after `|` or `>`.

Traps come in two sorts: those that break the file (the parser fails; `cause` picks the one that
made it fail, by checking that the fixed line makes the failure go away or move on), and those
that silently change a text (`&` and `!` at its start: YAML drops the first word), which `silent`
reports although the file reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

from max247.story.findings import N_, Finding, Loc, finding

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # the same reader as the one the file is read with, when there is a choice
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# `  - key: value`, `- value`, `key:` (the key a plain word: ids, format keys, nl/fr/en)
_LINE = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?:(?P<key>[^\W\d][\w-]*)[ ]*:(?=[ ]|$)[ ]*)?(?P<value>.*?)[ ]*$"
)
_BLOCK = re.compile(r"^[|>][0-9+-]*[ ]*(?:#.*)?$")
# what a text may start with or hold without a second look
_SUSPECT_START = set("'\"&*!%@`{[>|#-?")
# keys whose value may be a list or mapping written on one line: `set: {gems: true}`
FLOW_KEYS = frozenset(
    {"set", "add", "choose", "told", "help", "says", "flags", "offered", "hidden", "if"}
    | {"goals", "discussion", "characters", "options", "expect", "then", "else", "plays"}
)


@dataclass(frozen=True)
class Trap:
    """A text on one line that YAML does not read as the text it is."""

    line: int  # 1-based, as editors show
    col: int  # 1-based, where the text starts
    kind: str  # quote, item, bracket, sign, colon, hash
    key: str  # the key before the text ("" for a list item)
    text: str  # the text as written, to the end of the line
    breaks: bool  # the parser fails on it; otherwise it silently changes the text

    @property
    def example(self) -> str:
        """The line written right: the key, then the whole text in quotes (valid YAML)."""
        value = quote(self.text)
        return f"{self.key}: {value}" if self.key else f"- {value}"

    def finding(self, name: str) -> Finding:
        loc = Loc(name, self.line, self.col)
        fix = N_("Put the whole text in quotes, like this: {example}", example=self.example)
        first = self.text[:1]
        if self.kind == "quote":
            message = N_(
                "this text starts with {quote}, so YAML reads a text in quotes that ends "
                "somewhere else than where your text ends.",
                quote=first,
            )
        elif self.kind == "item":
            message = N_(
                "this text starts with '{sign} ' (a {sign} and a space), which YAML reads as the "
                "start of a new item.",
                sign=first,
            )
        elif self.kind == "bracket":
            message = N_(
                "this text starts with {sign}, so YAML reads a list or a group of keys, not a "
                "text.",
                sign=first,
            )
        elif self.kind == "sign":
            message = N_(
                "this text starts with {sign}, a sign that means something else in YAML.",
                sign=first,
            )
            if not self.breaks:
                message = N_(
                    "this text starts with {sign}: YAML takes '{word}' as a label and leaves it "
                    "out of the text.",
                    sign=first,
                    word=self.text.split()[0],
                )
        elif self.kind == "colon" and self.text.rstrip().endswith(":"):
            message = N_(
                "this text ends with a colon, which YAML reads as a key followed by its value."
            )
        elif self.kind == "colon":
            message = N_(
                "this text holds ': ' (a colon and a space), which YAML reads as a key "
                "followed by its value."
            )
        else:
            message = N_(
                "this text holds ' #' (a space and a #): YAML takes what follows as a note for "
                "you and leaves it out of the text."
            )
        return finding("E005", loc, message, fix)


def quote(text: str) -> str:
    """The text in quotes, read back by YAML as exactly the text: single quotes when it holds
    a double quote and no apostrophe (easier to read), double quotes with escapes otherwise."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def scan(text: str) -> list[Trap]:
    """Every trap in the text, in the order of the lines."""
    return list(_scan(text.splitlines()))


def _scan(lines: list[str]) -> Iterator[Trap]:
    block = -1  # inside a block text (after | or >): lines indented more than this are text
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" "))
        if block >= 0:
            if not line.strip() or indent > block:
                continue
            block = -1
        m = _LINE.match(line)
        if m is None or line.lstrip().startswith("#") or line.strip() in ("---", "..."):
            continue
        key, value, lead = m["key"] or "", m["value"], m["lead"]
        if not key and "-" not in lead:
            continue  # a text going on from the line above, or not YAML we understand
        if _BLOCK.match(value):
            block = indent
            continue
        if not value or not _suspect(value):
            continue
        if key in FLOW_KEYS and value[:1] in "[{":
            continue
        trap = _check(number, m.start("value") + 1, key, value)
        if trap is not None:
            yield trap


def _suspect(value: str) -> bool:
    return value[0] in _SUSPECT_START or ": " in value or value.endswith(":") or " #" in value


def _check(number: int, col: int, key: str, value: str) -> Trap | None:
    """Is `value`, alone after a key, read by YAML as exactly this text?"""
    try:
        read = yaml.load(f"x: {value}", Loader=_Loader)["x"]
        breaks = False
    except yaml.YAMLError:
        read, breaks = None, True
    first = value[0]
    if not breaks:
        if first in "&!" and read != value and (read is None or isinstance(read, str)):
            return Trap(number, col, "sign", key, value, False)
        # a list or mapping where a text belongs (E105), or a ' #' cut (W603): the loader knows
        # the key, so it says these when the file reads
        return None
    if first in "'\"":
        kind = "quote"
    elif value[:2] in ("- ", "? ") or value in ("-", "?"):
        kind = "item"
    elif first in "[{":
        if not _closes(value):
            return None  # a list or group that goes on below: not a text (the parser says)
        kind = "bracket"
    elif first in "&*!%@`|>":
        kind = "sign"
    elif ": " in value or value.endswith(":"):
        kind = "colon"
    elif " #" in value:
        kind = "hash"
    else:
        return None
    return Trap(number, col, kind, key, value, True)


def _closes(value: str) -> bool:
    """Does the [ or { that starts the value close on the same line?"""
    depth = 0
    for ch in value:
        depth += (ch in "[{") - (ch in "]}")
        if depth == 0:
            return True
    return False


def silent(text: str, name: str) -> list[Finding]:
    """Traps in a file that reads: texts that YAML silently cut (`&me`, `! important`)."""
    return [t.finding(name) for t in scan(text) if not t.breaks]


def cause(text: str, error_line: int, error_at: Callable[[str], int | None]) -> Trap | None:
    """The trap that made the parser fail at `error_line` (1-based), or None.

    A trap is the cause when fixing its line makes the failure go away, or move on to a later
    line: a text starting with ' can fail a hundred lines further down, at the next apostrophe.
    `error_at` reads a text and gives the line it fails at (None when it reads).
    """
    lines = text.splitlines()
    candidates = [t for t in scan(text) if t.breaks and t.line <= error_line + 1]
    for trap in candidates[:20]:
        fixed = list(lines)
        line = fixed[trap.line - 1]
        fixed[trap.line - 1] = line[: trap.col - 1] + quote(trap.text)
        moved = error_at("\n".join(fixed))
        if moved is None or (moved != error_line and moved > trap.line):
            return trap
    return None
