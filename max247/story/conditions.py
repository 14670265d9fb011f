"""The condition language of scenarios: a tiny language, never Python.

    gems            not gems            trust >= 2          app == snaptalk
    gems and not told                   (a or b) and c

`not` binds tightest, then `and`, then `or`. The value on the right of a comparison is a whole
number, true, false or a word, never another flag. A flag never set is false, 0 or the empty word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from max247.story.findings import N_, Msg

FlagValue = bool | int | str

FLAG_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
MAX_DIGITS = 9  # a whole number in a scenario is a count: up to 999,999,999
MAX_LENGTH = 500  # characters in one condition: a real one has fewer than 60
MAX_NESTING = 20  # brackets and nots inside one another
OPERATORS = ("==", "!=", "<=", ">=", "<", ">")
_TOKEN = re.compile(r"\s*(\(|\)|==|!=|<=|>=|<|>|[^\s()<>=!]+|\S)")


class ConditionSyntaxError(ValueError):
    def __init__(self, message: Msg, column: int, code: str = "E501") -> None:
        super().__init__(message)
        self.reason = message  # said in the validator's language
        self.column = column  # 0-based offset into the condition's text
        self.code = code  # E501 it does not parse, E504 past a limit, E111 a number too long


class NumberTooLong(ValueError):
    """A whole number with more than MAX_DIGITS digits: nobody counts that far in a story."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def whole_number(text: str) -> int | None:
    """A whole number as written (`3`, `+1`, `-2`), or None if it is not one.

    Raises NumberTooLong past MAX_DIGITS digits, before Python's own limit on converting long
    numbers (4,300 digits) could raise something no reader expects.
    """
    if not re.fullmatch(r"[+-]?\d+", text):
        return None
    if len(text.lstrip("+-")) > MAX_DIGITS:
        raise NumberTooLong(text)
    return int(text)


@dataclass(frozen=True)
class Flag:
    name: str


@dataclass(frozen=True)
class Not:
    operand: Condition


@dataclass(frozen=True)
class Compare:
    flag: str
    op: str
    value: FlagValue


@dataclass(frozen=True)
class BoolOp:
    op: str  # 'and' or 'or'
    left: Condition
    right: Condition


Condition = Flag | Not | Compare | BoolOp


def parse_value(text: str) -> FlagValue | None:
    """A flag value as written: true/false, a whole number, or else a word (None if empty)."""
    if text == "true":
        return True
    if text == "false":
        return False
    number = whole_number(text)
    if number is not None:
        return number
    return text.strip() or None  # anything else is a word; words compare exactly


def parse(text: str) -> Condition:
    """The condition written in `text`, or ConditionSyntaxError saying where and why not."""
    if len(text) > MAX_LENGTH:
        raise ConditionSyntaxError(
            N_("the condition is longer than {limit} characters", limit=MAX_LENGTH),
            MAX_LENGTH,
            "E504",
        )
    tokens = [(m.group(1), m.start(1)) for m in _TOKEN.finditer(text)]
    if not tokens:
        raise ConditionSyntaxError(N_("the condition is empty"), 0)
    parser = _Parser(tokens, len(text))
    result = parser.parse_or()
    if parser.pos < len(tokens):
        tok, col = tokens[parser.pos]
        raise ConditionSyntaxError(
            N_("did not expect '{token}' here (a missing 'and' or 'or'?)", token=tok), col
        )
    return result


class _Parser:
    def __init__(self, tokens: list[tuple[str, int]], end: int) -> None:
        self.tokens = tokens
        self.pos = 0
        self.end = end
        self.depth = 0  # brackets and nots open around the current place

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ConditionSyntaxError(
                N_(
                    "the condition nests brackets and 'not' more than {limit} deep",
                    limit=MAX_NESTING,
                ),
                self.col(),
                "E504",
            )

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def col(self) -> int:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else self.end

    def take(self) -> str:
        tok = self.tokens[self.pos][0]
        self.pos += 1
        return tok

    def parse_or(self) -> Condition:
        left = self.parse_and()
        while self.peek() == "or":
            self.take()
            left = BoolOp("or", left, self.parse_and())
        return left

    def parse_and(self) -> Condition:
        left = self.parse_not()
        while self.peek() == "and":
            self.take()
            left = BoolOp("and", left, self.parse_not())
        return left

    def parse_not(self) -> Condition:
        nots = 0
        while self.peek() == "not":  # a loop, not a recursion: `not not not x` is flat
            self.take()
            self.deeper()
            nots += 1
        cond = self.parse_atom()
        self.depth -= nots
        for _ in range(nots):
            cond = Not(cond)
        return cond

    def parse_atom(self) -> Condition:
        tok = self.peek()
        col = self.col()
        if tok is None:
            raise ConditionSyntaxError(N_("the condition stops too early"), col)
        if tok == "(":
            self.take()
            self.deeper()
            inner = self.parse_or()
            if self.peek() != ")":
                raise ConditionSyntaxError(N_("a '(' is never closed with ')'"), self.col())
            self.take()
            self.depth -= 1
            return inner
        if tok in ("and", "or", ")") or tok in OPERATORS:
            raise ConditionSyntaxError(N_("expected a flag name, found '{token}'", token=tok), col)
        if not FLAG_NAME.match(tok):
            raise ConditionSyntaxError(
                N_("'{token}' is not a flag name (lower-case letters, digits and _)", token=tok),
                col,
            )
        self.take()
        op = self.peek()
        if op == "=":
            raise ConditionSyntaxError(N_("write '==' to compare, not '='"), self.col())
        if op not in OPERATORS:
            return Flag(tok)
        self.take()
        value_col = self.col()
        raw = self.peek()
        if raw is None or raw in ("(", ")", "and", "or", "not") or raw in OPERATORS:
            raise ConditionSyntaxError(N_("expected a value after '{op}'", op=op), value_col)
        self.take()
        try:
            value = parse_value(raw)
        except NumberTooLong:
            raise ConditionSyntaxError(
                N_(
                    "the number {value} has more than {limit} digits",
                    value=raw if len(raw) <= 15 else raw[:12] + "…",
                    limit=MAX_DIGITS,
                ),
                value_col,
                "E111",
            ) from None
        if value is None:
            raise ConditionSyntaxError(
                N_("'{value}' is not a number, true, false or a word", value=raw), value_col
            )
        return Compare(tok, op, value)


def leaves(cond: Condition) -> list[Flag | Compare]:
    """The flags and comparisons a condition is made of, left to right (walked with a stack:
    `a and b and ...` is as deep as it is long)."""
    out: list[Flag | Compare] = []
    stack: list[Condition] = [cond]
    while stack:
        c = stack.pop()
        if isinstance(c, Flag | Compare):
            out.append(c)
        elif isinstance(c, Not):
            stack.append(c.operand)
        else:
            stack += (c.right, c.left)
    return out


def flags_read(cond: Condition) -> list[str]:
    return [leaf.name if isinstance(leaf, Flag) else leaf.flag for leaf in leaves(cond)]


def words_compared(cond: Condition) -> list[str]:
    """The flags this condition compares with a word (`app == snaptalk`)."""
    return [
        leaf.flag
        for leaf in leaves(cond)
        if isinstance(leaf, Compare) and isinstance(leaf.value, str)
    ]


def truthy(value: FlagValue | None) -> bool:
    return bool(value)  # False, 0 and '' are false; so is a flag never set


def evaluate(cond: Condition, flags: dict[str, FlagValue]) -> bool:
    if isinstance(cond, Flag):
        return truthy(flags.get(cond.name))
    if isinstance(cond, Not):
        return not evaluate(cond.operand, flags)
    if isinstance(cond, BoolOp):
        if cond.op == "and":
            return evaluate(cond.left, flags) and evaluate(cond.right, flags)
        return evaluate(cond.left, flags) or evaluate(cond.right, flags)
    return compare(flags.get(cond.flag), cond.op, cond.value)


def compare(current: FlagValue | None, op: str, value: FlagValue) -> bool:
    if current is None:  # never set: false, 0 or the empty word, whichever the value is
        current = type(value)()
    same_kind = isinstance(current, bool) == isinstance(value, bool) and isinstance(
        current, str
    ) == isinstance(value, str)
    if op == "==":
        return same_kind and current == value
    if op == "!=":
        return not (same_kind and current == value)
    if op not in ("<", "<=", ">", ">="):
        # the parser only makes the six OPERATORS: anything else is a programming mistake
        raise ValueError(f"unknown comparison operator {op!r}")
    if not same_kind or isinstance(value, bool):
        return False  # order only means something between numbers, or between words
    # only the comparison asked is made
    if op == "<":
        return current < value  # type: ignore[operator]
    if op == "<=":
        return current <= value  # type: ignore[operator]
    if op == ">":
        return current > value  # type: ignore[operator]
    return current >= value  # type: ignore[operator]
