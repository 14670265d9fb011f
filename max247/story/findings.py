"""Findings: every problem in a scenario has a stable code, a severity and a place.

The codes are part of the contract with educators (the authoring guide explains each), so a code
never changes meaning once shipped; new checks get new codes.

Messages and hints are said in English and can be said in the interface's language (gettext
domain max247): each is a `Msg`, an English text that keeps its untranslated template and
parameters, written with the markers `N_()` and `ngettext()` so that `max247 i18n update`
extracts the templates. The language is chosen where a finding is shown, by passing a
translator to `Finding.render`; `str(finding)` is always English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a file, 1-based line and column, as editors show them."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"


# code -> (severity, what it is about). Errors: the scenario cannot be played or tested.
# Warnings: it plays, but something should be looked at.
CODES: dict[str, tuple[Severity, str]] = {
    # the file itself
    "E001": (Severity.ERROR, "the file cannot be read"),
    "E002": (Severity.ERROR, "the file is too large"),
    "E003": (Severity.ERROR, "the file is not saved as UTF-8"),
    "E004": (Severity.ERROR, "the file is empty"),
    "E005": (Severity.ERROR, "YAML syntax error"),
    "E006": (Severity.ERROR, "the file is not a mapping of keys"),
    "E007": (Severity.ERROR, "too many aliases or nodes, or nested too deeply"),
    "E008": (Severity.ERROR, "the same key twice in one mapping"),
    "E009": (Severity.ERROR, "a tab used for indentation"),
    "E010": (Severity.ERROR, "a control character in a text"),
    "E011": (Severity.ERROR, "a text too long to be one value"),
    # keys and types
    "E101": (Severity.ERROR, "unknown key"),
    "E102": (Severity.ERROR, "missing required key"),
    "E103": (Severity.ERROR, "wrong type of value"),
    "E104": (Severity.ERROR, "empty text"),
    "E105": (Severity.ERROR, "a text that YAML read as a list or mapping"),
    "E106": (Severity.ERROR, "a value out of range"),
    "E107": (Severity.ERROR, "a beat with no beat key, or with two"),
    "E108": (Severity.ERROR, "a key that does not belong beside this beat"),
    "E109": (Severity.ERROR, "unsupported format version"),
    "E110": (Severity.ERROR, "an inline translation without the file's own language"),
    "E111": (Severity.ERROR, "a number with too many digits"),
    "W101": (Severity.WARNING, "the story's character starts feeling OK or good"),
    # ids and references
    "E201": (Severity.ERROR, "an id that is not well formed"),
    "E202": (Severity.ERROR, "a goto or start to a passage that does not exist"),
    "E203": (Severity.ERROR, "a character that speaks or is named but is not declared"),
    "E204": (Severity.ERROR, "a tell of a character who is neither a Max nor a friend"),
    "E205": (Severity.ERROR, "a help need the help directory does not have"),
    "E206": (Severity.ERROR, "a character id that is a reserved word"),
    "E207": (Severity.ERROR, "the same scenario id twice in the libraries"),
    "E208": (Severity.ERROR, "the story's own character is missing or marked as a Max"),
    # flow
    "E301": (Severity.ERROR, "a loose end: the passage runs out"),
    "E302": (Severity.ERROR, "a choice with fewer than 2 or more than 4 options"),
    "E303": (Severity.ERROR, "a choice with fewer than 2 options that are always offered"),
    "E304": (Severity.ERROR, "an option with neither goto nor then"),
    "E305": (Severity.ERROR, "an option whose goto can never be reached"),
    "E306": (Severity.ERROR, "beats after a point no path passes"),
    "E307": (Severity.ERROR, "a path that never reaches an ending"),
    "E308": (Severity.ERROR, "a loop that runs without a choice, or a walk past the step budget"),
    "E309": (Severity.ERROR, "a play the runtime cannot go on with"),
    "W301": (Severity.WARNING, "a passage no path reaches"),
    # help
    "E401": (Severity.ERROR, "a path to an ending that finds no help"),
    "W401": (Severity.WARNING, "too many states to prove that every path finds help"),
    # flags and conditions
    "E501": (Severity.ERROR, "a condition that does not parse"),
    "E502": (Severity.ERROR, "a flag read but never set"),
    "E503": (Severity.ERROR, "a flag value that is not true, false, a whole number or a word"),
    "E504": (Severity.ERROR, "a condition too long or nested too deeply"),
    "W501": (Severity.WARNING, "a flag set but never read"),
    "W502": (Severity.WARNING, "a flag set to yes, no, on or off, which are words"),
    # texts
    "W601": (Severity.WARNING, "a text longer than a projector shows comfortably"),
    "W602": (Severity.WARNING, "a phone number in scenario text"),
    "W603": (Severity.WARNING, "a # may have cut a text short"),
    "W604": (Severity.WARNING, "a character no shipped font can draw"),
    "W605": (Severity.WARNING, "a text names a mood the meter does not show"),
    "W606": (Severity.WARNING, "a picture without a description"),
    # translations
    "W701": (Severity.WARNING, "a missing translation"),
    "W702": (Severity.WARNING, "a stale translation"),
    "W703": (Severity.WARNING, "an orphan translation"),
    "W704": (Severity.WARNING, "a catalog that cannot be read"),
    "W705": (Severity.WARNING, "a translation the game will not show"),
    # help directory
    "E801": (Severity.ERROR, "a help card without a source address or a checked date"),
    "W801": (Severity.WARNING, "a help card checked more than a year ago"),
    "E802": (Severity.ERROR, "a need or region with no help card"),
    # test plans
    "E901": (Severity.ERROR, "a test plan that cannot be run"),
    "W901": (Severity.WARNING, "a test plan expects a flag the story never sets to be false"),
}


class Translator(Protocol):
    """What `Msg.render` needs of a translation, e.g. `max247.i18n.Interface`."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


class Msg(str):
    """An English text that remembers how it was made, so it can be said in another language.

    It is a `str` (the English text), so whatever reads messages as text goes on working; the
    template (and plural template), with `{name}` placeholders, and the parameters are kept for
    `render`. A parameter that is itself a `Msg` is rendered in the same language.
    """

    template: str
    plural: str | None
    n: int
    params: dict[str, object]
    translatable: bool

    def __new__(
        cls,
        template: str,
        params: Mapping[str, object] | None = None,
        plural: str | None = None,
        n: int = 1,
        translatable: bool = True,
    ) -> Msg:
        params = dict(params or {})
        english = _format(template if plural is None or n == 1 else plural, params, None)
        self = super().__new__(cls, english)
        self.template = template
        self.plural = plural
        self.n = n
        self.params = params
        self.translatable = translatable
        return self

    def __reduce__(self) -> tuple[type[Msg], tuple[object, ...]]:
        return (Msg, (self.template, self.params, self.plural, self.n, self.translatable))

    def render(self, translator: Translator | None = None) -> str:
        """The text in the translator's language; English without one, or where the catalog
        has no translation (or a broken one: a placeholder it does not know)."""
        if translator is None:
            return _format(self._english_template(), self.params, None)
        if not self.translatable:
            template = self._english_template()
        elif self.plural is None:
            template = translator.gettext(self.template)
        else:
            template = translator.ngettext(self.template, self.plural, self.n)
        try:
            return _format(template, self.params, translator)
        except (KeyError, IndexError, ValueError):
            return _format(self._english_template(), self.params, translator)

    def templates(self) -> Iterable[str]:
        """The translatable templates of this text and of the texts in its parameters."""
        if self.translatable:
            yield self.template
        for value in self.params.values():
            if isinstance(value, Msg):
                yield from value.templates()

    def _english_template(self) -> str:
        return self.template if self.plural is None or self.n == 1 else self.plural

    @classmethod
    def joined(cls, separator: str, parts: Iterable[str]) -> Msg:
        """Texts joined by a separator (no words of its own), each rendered in the language.

        Not called `join`: that would shadow `str.join`, and `N_(", ").join([...])` must work as
        it does for any text."""
        params = {f"p{i}": part for i, part in enumerate(parts)}
        template = (
            separator.replace("{", "{{").replace("}", "}}").join("{" + key + "}" for key in params)
        )
        return cls(template, params, translatable=False)


def _format(template: str, params: dict[str, object], translator: Translator | None) -> str:
    if not params:
        return template.format()
    values = {k: render_text(v, translator) if isinstance(v, str) else v for k, v in params.items()}
    return template.format(**values)


def render_text(text: str, translator: Translator | None = None) -> str:
    """A message or hint in the translator's language (a plain `str` is said as it is)."""
    if isinstance(text, Msg):
        return text.render(translator)
    return str(text)


def N_(template: str, /, **params: object) -> Msg:
    """Mark a finding's text for translation: English now, the interface's language when shown.

    The template must be a literal string with `{name}` placeholders (Babel extracts `N_`).
    """
    return Msg(template, params)


def ngettext(singular: str, plural: str, n: int, /, **params: object) -> Msg:
    """Like `N_`, for a text whose form depends on the number `n` (Babel extracts `ngettext`)."""
    return Msg(singular, params, plural, n)


def N_and(items: Iterable[str]) -> str:
    """'a' and 'b' and 'c', with 'and' in the interface's language."""
    items = list(items)
    out: str = items[0] if items else ""
    for item in items[1:]:
        out = N_("{first} and {second}", first=out, second=item)
    return out


@dataclass(frozen=True)
class Finding:
    """A problem at a place. `message` and `hint` are English (usually a `Msg`)."""

    code: str
    loc: Loc
    message: str
    hint: str = ""
    # errors that only follow from this one (max247.story.knockon), said with it on demand
    folded: tuple[Finding, ...] = ()

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, translator: Translator | None = None) -> str:
        """`FILE:LINE:COL: CODE message hint`, the message and hint in the translator's language;
        the place and the code are never translated."""
        message = render_text(self.message, translator)
        hint = render_text(self.hint, translator)
        text = f"{self.loc}: {self.code} {message}"
        return f"{text} {hint}" if hint else text

    def __str__(self) -> str:
        return self.render()


class ScenarioError(Exception):
    """The one error type that loading scenarios, plans and help data ever raises."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))


def finding(code: str, loc: Loc, message: str, hint: str = "") -> Finding:
    """A finding; message and hint are `N_(...)` texts (a plain `str` is never translated)."""
    if code not in CODES:  # a programming mistake, caught by the tests
        raise KeyError(code)
    return Finding(code, loc, message, hint)
