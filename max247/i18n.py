"""Translation of scenario texts through gettext catalogs, read with Babel.

One catalog per scenario and language: `locales/<lang>/LC_MESSAGES/<scenario-id>.po`; the message
context says who speaks or what the text is, the message id is the source text. The PO files are
read directly (no compile step, so what is shown is never out of date with them); fuzzy entries
are never shown; an inline translation in the scenario wins over a catalog; a missing
translation falls back to the source text and is logged once.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import logging
import os
import re
import stat
import string
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from max247.story.findings import N_, Finding, Loc, Msg, ScenarioError, finding
from max247.story.library import display_path, locales_folder
from max247.story.model import LANGUAGES, Scenario, Text

log = logging.getLogger(__name__)


MAX_CATALOG_BYTES = 5 * 1024 * 1024  # the interface's catalog is about 50 KB
MAX_PLURALS = 6  # Arabic has the most plural forms of any language: 6


def catalog_path(locales: Path, language: str, scenario_id: str) -> Path:
    return locales / language / "LC_MESSAGES" / f"{scenario_id}.po"


# --- reading a PO file with care --------------------------------------------------------------
#
# Translators edit PO files by hand, in any editor. A catalog that cannot be read is set aside
# as a whole (W704) and the texts are shown in their own language; a translation that cannot be
# shown (W705: another placeholder than its text's, a control character, far too long) is left
# out on its own. Nothing in a catalog ever stops the game or the validator.


# Babel's Catalog has no field for what our reader found wrong in a catalog it could still read
# (W704): the findings ride on the object under this name, read back through findings_of.
_FINDINGS = "max247_findings"


def findings_of(catalog: Catalog) -> list[Finding]:
    """What read_catalog found wrong in a catalog it could read (none for one it did not read)."""
    found: list[Finding] = getattr(catalog, _FINDINGS, [])
    return found


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """A PO file read with Babel; ScenarioError (W704) if it cannot be read as a catalog.

    A Plural-Forms line that cannot be used (nplurals not a number from 1 to 6, an expression
    that fails for some n) is replaced by the language's usual one, and said (W704 in
    `findings_of(catalog)`, the findings a readable catalog still has)."""
    shown = display_path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError([_unreadable(shown, N_("it is not a plain file"))])
        if info.st_size > MAX_CATALOG_BYTES:
            size = f"{info.st_size / 1024 / 1024:.1f}"
            raise ScenarioError(
                [_unreadable(shown, N_("it is {size} MB; a catalog is at most 5 MB", size=size))]
            )
        with path.open("rb") as f:
            raw = f.read(MAX_CATALOG_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise ScenarioError(
            [_unreadable(shown, getattr(exc, "strerror", None) or str(exc))]
        ) from None
    try:
        catalog = read_po(io.BytesIO(raw), locale=locale)
    except UnicodeDecodeError as exc:
        raise ScenarioError([_not_decoded(shown, raw, exc)]) from None
    except LookupError:
        charset = _charset(raw) or "?"
        reason = N_("its charset '{charset}' is not one anyone knows", charset=charset)
        hint = N_("Write charset=UTF-8 in its Content-Type line, and save it as UTF-8.")
        raise ScenarioError([_unreadable(shown, reason, hint)]) from None
    except Exception as exc:  # Babel's parser: whatever it meets, the catalog is set aside
        failure = f"{type(exc).__name__}: {exc}"[:200]
        raise ScenarioError([_unreadable(shown, failure)]) from None
    found: list[Finding] = []
    setattr(catalog, _FINDINGS, found)
    plural = _plural_problem(catalog)
    if plural is not None:
        num, expr = get_plural(catalog.locale or locale or "en")
        catalog.mime_headers = [("Plural-Forms", f"nplurals={num}; plural={expr};")]
        found.append(
            finding(
                "W704",
                Loc(shown, 1, 1),
                N_(
                    "the Plural-Forms line cannot be used ({reason}); the language's usual "
                    "plural forms are used instead.",
                    reason=plural,
                ),
                N_("Copy the Plural-Forms line from another catalog of the same language."),
            )
        )
    return catalog


def _unreadable(shown: str, reason: str, hint: str = "") -> Finding:
    return finding(
        "W704",
        Loc(shown),
        N_(
            "this catalog cannot be read ({reason}): its texts are shown untranslated.",
            reason=reason,
        ),
        hint or N_("Open it in Poedit (or your editor) and save it again as UTF-8."),
    )


def _charset(raw: bytes) -> str | None:
    found = re.search(rb"charset=([-\w.:]+)", raw[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def _not_decoded(shown: str, raw: bytes, exc: UnicodeDecodeError) -> Finding:
    """Where the bytes the charset cannot read are: the first line that does not decode."""
    charset = _charset(raw) or "utf-8"
    line = 1
    for number, text in enumerate(raw.split(b"\n"), 1):
        try:
            text.decode(charset)
        except (UnicodeDecodeError, LookupError):
            line = number
            break
    byte = f"0x{exc.object[exc.start]:02X}" if exc.start < len(exc.object) else "?"
    return finding(
        "W704",
        Loc(shown, line, 1),
        N_(
            "this catalog cannot be read: byte {byte} is not {charset}; its texts are shown "
            "untranslated.",
            byte=byte,
            charset=charset,
        ),
        N_("Open it in Poedit (or your editor) and save it again as UTF-8."),
    )


def _plural_problem(catalog: Catalog) -> str | None:
    """Why the catalog's plural forms cannot be used, or None. The expression is C, compiled by
    the standard library's own checker; it must give a form for every count a screen shows."""
    try:
        count = catalog.num_plurals
        expr = catalog.plural_expr
    except (ValueError, TypeError):
        return "nplurals"
    if not isinstance(count, int) or not 1 <= count <= MAX_PLURALS:
        return f"nplurals={count}"
    try:
        choose = gettext.c2py(expr)
        for n in (*range(0, 201), 1000, 10**6):
            form = choose(n)
            if not 0 <= form < count:
                return f"plural({n}) = {form}"
    except Exception as exc:  # a division by zero, a syntax error, an expression too deep
        return f"plural: {type(exc).__name__}"
    return None


def _fields(template: str) -> set[tuple[str, str, str]] | None:
    """The placeholders of a `str.format` template as (name, conversion, spec); None if the
    braces do not make a template."""
    try:
        return {
            (name, conversion or "", spec or "")
            for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None
        }
    except ValueError:
        return None


def refusal(message: Message, interface: bool) -> Msg | None:
    """Why a translation is not shown (W705), or None when it can be.

    Interface texts are `str.format` templates, so a translation may only use its text's own
    placeholders, as written there: `{name.__class__}` or another name would show Python's
    insides or stop the screen. Scenario texts have no plural forms and no placeholders.
    """
    ids = list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    strings = [s for s in strings if s]
    if not strings:
        return None  # untranslated: shown in the text's own language, said as missing
    if not interface and len(ids) > 1:
        return N_("a scenario's texts have no plural forms (msgid_plural)")
    longest = max(len(i) for i in ids)
    wanted: set[tuple[str, str, str]] = set()
    for i in ids:
        wanted |= _fields(i) or set()
    from max247.story.yamlread import CONTROL  # the reader's own list (it imports yaml)

    for text in strings:
        bad = CONTROL.search(text)
        if bad is not None:
            code = f"{ord(bad.group()):04X}"
            return N_("it holds the control character U+{code}", code=code)
        if len(text) > 4 * longest + 200:
            return N_(
                "it is {length} characters long, far longer than its text ({original})",
                length=len(text),
                original=longest,
            )
        if not interface:
            continue
        got = _fields(text)
        if got is None:
            return N_("a '{{' or '}}' in it is not a placeholder (write {{{{ or }}}})")
        extra = sorted(got - wanted)
        if extra:
            shown = ", ".join(
                "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
                for name, conv, spec in extra
            )
            return N_("it uses {placeholders}, which its text does not have", placeholders=shown)
    return None


def refused(catalog: Catalog, shown: str, interface: bool) -> list[Finding]:
    """A W705 finding for each translation of the catalog that will not be shown."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        why = refusal(message, interface)
        if why is not None:
            first = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            short = " ".join(first.split())
            out.append(
                finding(
                    "W705",
                    Loc(shown, message.lineno or 1, 1),
                    N_(
                        'the translation of "{text}" is not shown: {reason}.',
                        text=short if len(short) <= 50 else short[:49] + "…",
                        reason=why,
                    ),
                    N_("Until it is corrected, the text is shown untranslated."),
                )
            )
    return out


@dataclass
class ScenarioTranslator:
    """Translates scenario texts; keeps the catalogs it read, keyed by file and change time."""

    locales: dict[str, Path | None] = field(default_factory=dict)  # scenario id -> locales/
    _catalogs: dict[Path, tuple[float, tuple | None]] = field(default_factory=dict)
    _looked: dict[Path, float] = field(default_factory=dict)  # when each file was last stat()ed
    _missing: set[tuple[str, str, str, str]] = field(default_factory=set)

    def __call__(self, scenario: Scenario, text: Text, language: str) -> str:
        return self.translate(scenario, text, language)

    def translate(self, scenario: Scenario, text: Text, language: str) -> str:
        inline = text.inline_for(language)
        if inline is not None:
            return inline
        if language == scenario.language:
            return text.source
        found = self.messages(scenario, language).get((text.context, text.source))
        if found:
            return found
        key = (scenario.id, language, text.context, text.source)
        if key not in self._missing:
            self._missing.add(key)
            log.info(
                "no %s translation in %s for %r (%s)", language, scenario.id, text.source, text.loc
            )
        return text.source

    def is_translated(self, scenario: Scenario, text: Text, language: str) -> bool:
        return (
            language == scenario.language
            or text.inline_for(language) is not None
            or bool(self.messages(scenario, language).get((text.context, text.source)))
        )

    def messages(self, scenario: Scenario, language: str) -> dict[tuple[str, str], str]:
        if scenario.id not in self.locales:
            self.locales[scenario.id] = locales_folder(scenario.path)
        folder = self.locales[scenario.id]
        if folder is None:
            return {}
        return self._read(catalog_path(folder, language, scenario.id))

    def _read(self, path: Path) -> dict[tuple[str, str], str]:
        found = self.catalog(path)
        return {} if found is None else found[1]

    def catalog(self, path: Path) -> tuple[Catalog, dict[tuple[str, str], str]] | None:
        """A PO file read once per change: the catalog, and its usable translations."""
        # a screen asks for hundreds of texts; looking at the file once a second is enough to
        # pick up a translator's save, and spares a stat() per text
        now = time.monotonic()
        cached = self._catalogs.get(path)
        if cached and now - self._looked.get(path, -1.0) < 1.0:
            return cached[1]
        self._looked[path] = now
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            catalog = read_catalog(path)
        except ScenarioError as exc:  # a broken catalog falls back to the source, never a crash
            # said by `max247 validate` and `i18n status` (W704); the game only logs it
            log.info("%s", "; ".join(str(f) for f in exc.findings))
            found = None
        else:
            found = (catalog, translations(catalog))
        self._catalogs[path] = (mtime, found)
        return found


def translations(catalog: Catalog) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, leaving out fuzzy and empty entries."""
    out = {}
    for message in catalog:
        if not isinstance(message.id, str) or not message.id or message.fuzzy:
            continue  # plural entries are the interface's, never a story's
        if not isinstance(message.string, str):
            continue
        if message.string and refusal(message, interface=False) is None:
            out[(message.context or "", message.id)] = message.string
    return out


# --- the interface (gettext domain max247) ----------------------------------------------------

INTERFACE_DOMAIN = "max247"


class Interface:
    """The interface's texts in one language, read from its PO file (fuzzy entries left out).

    The PO file is compiled in memory when the language is chosen, so what is shown is never
    out of date with the file and no compile step is needed; where the shipped files are bundled
    and compiled (the ready folder), the .mo is read instead. A catalog that cannot be read
    shows English; a translation that cannot be shown (`refusal`) shows its English text; the
    reasons are kept in `problems` for `max247 i18n status`.
    """

    def __init__(self, language: str, locales: Path | None = None) -> None:
        from max247.paths import BUNDLED, LOCALES

        self.language = language
        self.problems: list[Finding] = []
        self._tr: gettext.NullTranslations = gettext.NullTranslations()
        path = catalog_path(locales or LOCALES, language, INTERFACE_DOMAIN)
        compiled = path.with_suffix(".mo")
        if locales is None and BUNDLED and compiled.exists():
            # the ready folder ships its catalogs compiled (max247/build.py): 1 ms, not 50; in a
            # checkout the .po is read, so an edit shows at once
            try:
                with compiled.open("rb") as f:
                    self._tr = gettext.GNUTranslations(f)
                return
            except Exception as exc:  # a damaged .mo: the .po below still reads
                log.warning("cannot read %s: %s", compiled, exc)
        if not path.exists():
            return
        kept = _compiled_copy(path) if locales is None else None
        if kept is not None and kept.exists():
            # compiled at an earlier start from this very file (a clean one): a tenth of a
            # second of the game's start on a school laptop
            try:
                with kept.open("rb") as f:
                    self._tr = gettext.GNUTranslations(f)
                return
            except Exception as exc:  # a damaged copy: compiled again below
                log.warning("cannot read %s: %s", kept, exc)
        try:
            catalog = read_catalog(path, locale=language)
        except ScenarioError as exc:  # a broken catalog shows English, never a crash
            self.problems = exc.findings
            log.warning("%s", "; ".join(str(f) for f in exc.findings))
            return
        self.problems = [*findings_of(catalog), *refused(catalog, display_path(path), True)]
        for message in catalog:
            if message.id and refusal(message, interface=True) is not None:
                strings = message.string
                message.string = ("",) * len(strings) if isinstance(strings, list | tuple) else ""
        try:
            buf = io.BytesIO()
            write_mo(buf, catalog, use_fuzzy=False)
            buf.seek(0)
            self._tr = gettext.GNUTranslations(buf)
        except Exception as exc:  # what Babel read, gettext should read: English if not
            log.warning("cannot use %s: %s", path, exc)
            return
        if kept is not None and not self.problems:  # only a clean catalog: its problems
            _keep(kept, buf.getvalue())  # would not be said again from the copy

    def gettext(self, message: str) -> str:
        return self._tr.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        try:
            return self._tr.ngettext(singular, plural, n)
        except Exception:  # a plural expression that fails for this n: the English forms
            return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return self._tr.pgettext(context, message)


def _compiled_copy(po: Path) -> Path | None:
    """Where the interface catalog `po`, compiled, is kept between starts (the user's cache
    folder), named after the file's path, size and modification time: an edit compiles anew."""
    from max247.paths import user_cache

    try:
        st = po.stat()
    except OSError:
        return None
    key = zlib.crc32(f"{po.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode())
    return user_cache() / "catalogs" / f"{po.parent.parent.name}-{key:08x}.mo"


def _keep(path: Path, data: bytes) -> None:
    """Write the compiled copy atomically; a cache folder that cannot be written is no loss."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".catalog-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# the class's three languages named in themselves, as Babel's CLDR data names them: looking
# them up there reads its locale data, a tenth of a second of the game's start
NATIVE_NAMES = {"nl": "Nederlands", "fr": "français", "en": "English"}


def language_name(language: str) -> str:
    """A language named in itself, capitalised as a menu item: Nederlands, Français, English."""
    name = NATIVE_NAMES.get(language) or Locale.parse(language).get_display_name(language)
    name = name or language
    return name[:1].upper() + name[1:]


def next_language(language: str) -> str:
    """The class language after this one, round the three (the pause menu and the teacher's
    screen turn through them the same way)."""
    langs = list(LANGUAGES)
    return langs[(langs.index(language) + 1) % len(langs)] if language in langs else "nl"


def format_number(n: int, language: str) -> str:
    return format_decimal(n, locale=language)


def messages_in(language: str | None) -> Interface | None:
    """The translator for a tool's own words (notes, labels, messages) in `language`: None,
    which says them in English, for en."""
    return None if language in (None, "en") else Interface(language)
