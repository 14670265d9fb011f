"""Typed field readers: one value of a YAML mapping read as what the format says it is.

Every file the game reads by hand (scenarios, test plans, the help directory) is a tree of
mappings whose values must be a text, a whole number in a range, one word of a list, true or
false, a list or a mapping. `Fields` reads each and, when the value is not what it should be,
records a finding (a code, the file and line, a message in the interface's language) instead of
raising, so a reader can go on and say everything wrong in one go. The words of each finding
are the ones educators already know from the validator: the codes never change meaning.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from max247.story import advice, conditions
from max247.story.findings import N_, Finding, Loc, finding
from max247.story.keywords import english_key
from max247.story.yamlread import Mapping, Node, Scalar, Sequence

QUOTE_HINT = N_('Put the whole text in double quotes: "...".')


def did_you_mean(word: str, options: Iterable[str]) -> str:
    options = list(options)
    if (key := english_key(word)) is not None and key in options:  # tekst, personnages
        return N_("The keys are English words: write '{key}'.", key=key)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return N_("Did you mean '{word}'?", word=close[0]) if close else ""


def listed(items: Iterable[str]) -> str:
    """Names (keys, ids, words of the format) as a list; they are never translated."""
    return ", ".join(items)


def slug(text: str) -> str:
    """Lower-case words joined by '-', at most 40 characters: an id made from a text."""
    words = re.findall(r"[^\W_]+", re.sub(r"['’]", "", text.lower()))
    return "-".join(words)[:40].strip("-")


class Fields:
    """Reads values and keeps the findings about them.

    `what` in every reader names the value in the message ("the prompt", "minutes"); it is a
    `N_()` text or a word of the format, which is never translated.
    """

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.too_long: set[str] = set()  # numbers already reported as too long (E111)

    def add(self, code: str, loc: Loc, message: str, hint: str = "") -> None:
        self.findings.append(finding(code, loc, message, hint))

    def error_count(self) -> int:
        return sum(f.is_error for f in self.findings)

    # --- shapes ------------------------------------------------------------------------------

    def mapping(self, node: Node, what: str) -> Mapping | None:
        """The node as a mapping (E103 if it is not one)."""
        if isinstance(node, Mapping):
            return node
        # TRANSLATORS: {what} is a key of the format (passages, choice, ...) or a part of a
        # scenario such as "an option"
        self.add(
            "E103", node.loc, N_("{what} should be a mapping of keys (key: value).", what=what)
        )
        return None

    def check_keys(self, node: Mapping, allowed: Iterable[str], what: str) -> None:
        """E101 for every key that is not allowed, with the closest allowed one."""
        allowed = list(allowed)
        for key, _ in node.items:
            if key.value not in allowed:
                self.add(
                    "E101",
                    key.loc,
                    # TRANSLATORS: {what} is a part of a scenario, such as "a choice"
                    N_("'{key}' is not a key of {what}.", key=key.value, what=what),
                    did_you_mean(key.value, allowed)
                    or N_("Allowed: {keys}.", keys=listed(allowed)),
                )

    def require(self, node: Mapping, keys: Iterable[str], what: str) -> bool:
        """E102 for every key the mapping lacks; whether it has them all."""
        ok = True
        for key in keys:
            if node.get(key) is None:
                self.add("E102", node.loc, N_("{what} needs '{key}'.", what=what, key=key))
                ok = False
        return ok

    def scalar(self, node: Node | None, what: str) -> Scalar | None:
        """One value; None (and E103) for a list or mapping, None alone for nothing."""
        if isinstance(node, Scalar) and not node.is_null:
            return node
        if node is not None:
            self.add(
                "E103",
                node.loc,
                N_("{what} should be a single value, not a list or mapping.", what=what),
            )
        return None

    # --- values ------------------------------------------------------------------------------

    def plain_text(self, node: Scalar, what: str) -> str | None:
        """A one-language text: E104 if it is empty, W603 if a ' #' may have cut it short."""
        if node.is_null or not node.value.strip():
            self.add(
                "E104",
                node.loc,
                N_("{what} is empty.", what=what),
                N_("Write the text after the ':'."),
            )
            return None
        if node.comment_after:
            self.add(
                "W603",
                node.loc,
                N_(
                    "{what} is followed by a '#' on its line; YAML takes all after ' #' "
                    "as a comment.",
                    what=what,
                ),
                N_("Put the whole text in double quotes: \"...\" if the '#' belongs to the text."),
            )
        return node.value

    def not_a_text(self, node: Node, what: str) -> None:
        """E105: YAML read a text as a list or a mapping (a '[', a '{' or ': ' unquoted)."""
        shape = N_("a list") if isinstance(node, Sequence) else N_("a mapping")
        self.add(
            "E105",
            node.loc,
            N_(
                "YAML read {what} as {shape}, not as a text "
                "(a text starting with '[' or '{{', or holding ': '?).",
                what=what,
                shape=shape,
            ),
            QUOTE_HINT,
        )

    def whole_number(self, s: Scalar) -> int | None:
        """The scalar as a whole number, None if it is not one; a number too long to be meant
        gets its own finding (E111) and None."""
        try:
            return conditions.whole_number(s.value.strip())
        except conditions.NumberTooLong:
            self.number_too_long(s.loc, s.value)
            return None

    def number_too_long(self, loc: Loc, value: str) -> None:
        self.too_long.add(value)
        self.add(
            "E111",
            loc,
            N_(
                "the number {value} has more than {limit} digits; no story counts that far.",
                value=value if len(value) <= 15 else value[:12] + "…",
                limit=conditions.MAX_DIGITS,
            ),
        )

    def number(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        """A whole number without a sign from low to high (E103 not a number, E106 out)."""
        s = self.scalar(node, what)
        if s is None:
            return None
        value = self.whole_number(s)
        if value is None or s.value[:1] in "+-":
            if value is not None or s.value not in self.too_long:
                self.add(
                    "E103",
                    s.loc,
                    N_("{what} should be a whole number, not '{value}'.", what=what, value=s.value),
                    advice.unit(what, s.value),
                )
            return None
        if not low <= value <= high:
            self.add(
                "E106",
                s.loc,
                N_(
                    "{what} is {value}; it should be from {low} to {high}.",
                    what=what,
                    value=value,
                    low=low,
                    high=high,
                ),
                advice.unit(what, s.value),
            )
            return None
        return value

    def boolean(self, node: Node | None, what: str) -> bool:
        """true or false (E103 otherwise, read as false)."""
        s = self.scalar(node, what)
        if s is None:
            return False
        if s.value.lower() in ("true", "false"):
            return s.value.lower() == "true"
        self.add(
            "E103",
            s.loc,
            N_("{what} should be true or false, not '{value}'.", what=what, value=s.value),
        )
        return False

    def one_of(
        self, node: Node | None, what: str, allowed: Iterable[str], suggest: bool = True
    ) -> str | None:
        """One word of a list (E106 otherwise, with the closest word when `suggest`)."""
        s = self.scalar(node, what)
        if s is None:
            return None
        allowed = tuple(allowed)
        if s.value in allowed:
            return s.value
        self.add(
            "E106",
            s.loc,
            # TRANSLATORS: {what} is a key of the format (language, theme, ...)
            N_(
                "{what} '{value}' is not one of {allowed}.",
                what=what,
                value=s.value,
                allowed=listed(allowed),
            ),
            did_you_mean(s.value, allowed) if suggest else "",
        )
        return None

    def ident(self, node: Node | None, what: str, pattern: re.Pattern[str]) -> str | None:
        """An id matching `pattern` (E201 otherwise, with an id made from the value)."""
        s = self.scalar(node, what)
        if s is None:
            return None
        if not pattern.match(s.value):
            if "_" not in pattern.pattern:
                message = N_(
                    "'{value}' is not a valid {what}: use lower-case letters, digits and '-', "
                    "starting with a letter, at most 40 characters.",
                    value=s.value,
                    what=what,
                )
            else:
                message = N_(
                    "'{value}' is not a valid {what}: use lower-case letters, digits, '-' and "
                    "'_', starting with a letter, at most 40 characters.",
                    value=s.value,
                    what=what,
                )
            example = slug(s.value) or "my-" + slug(what)  # an id is never translated
            self.add("E201", s.loc, message, N_("For example '{id}'.", id=example))
            return None
        return s.value

    def sequence(self, node: Node | None, what: str) -> Sequence | None:
        """A list (E103 otherwise); None alone for nothing."""
        if node is None:
            return None
        if isinstance(node, Sequence):
            return node
        self.add(
            "E103",
            node.loc,
            N_("{what} should be a list, each line starting with '- '.", what=what),
        )
        return None
