"""Translation of scenario texts through gettext catalogs, read with Babel.

One catalog per scenario and language: `locales/<lang>/LC_MESSAGES/<scenario-id>.po`; the message
context says who speaks or what the text is, the message id is the source text. The PO files are
read directly (no compile step, so what is shown is never out of date with them); fuzzy entries
are never shown; an inline translation in the scenario wins over a catalog; a missing
translation falls back to the source text and is logged once.
"""

from __future__ import annotations

import gettext
import io
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from max247.story.library import locales_folder
from max247.story.model import Scenario, Text

log = logging.getLogger(__name__)


def catalog_path(locales: Path, language: str, scenario_id: str) -> Path:
    return locales / language / "LC_MESSAGES" / f"{scenario_id}.po"


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
            with path.open("rb") as f:
                catalog = read_po(f)
        except Exception as exc:  # a broken catalog falls back to the source, never a crash
            log.warning("cannot read %s: %s", path, exc)
            found = None
        else:
            found = (catalog, translations(catalog))
        self._catalogs[path] = (mtime, found)
        return found


def translations(catalog: Catalog) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, leaving out fuzzy and empty entries."""
    out = {}
    for message in catalog:
        if not message.id or message.fuzzy or not isinstance(message.string, str):
            continue
        if message.string:
            out[(message.context or "", message.id)] = message.string
    return out


# --- the interface (gettext domain max247) ----------------------------------------------------

INTERFACE_DOMAIN = "max247"


class Interface:
    """The interface's texts in one language, read from its PO file (fuzzy entries left out).

    The PO file is compiled in memory when the language is chosen, so what is shown is never
    out of date with the file and no compile step is needed; where the shipped files are bundled
    and compiled (the ready folder), the .mo is read instead.
    """

    def __init__(self, language: str, locales: Path | None = None) -> None:
        from max247.paths import BUNDLED, LOCALES

        self.language = language
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
        if path.exists():
            try:
                with path.open("rb") as f:
                    catalog = read_po(f, locale=language)
                buf = io.BytesIO()
                write_mo(buf, catalog, use_fuzzy=False)
                buf.seek(0)
                self._tr = gettext.GNUTranslations(buf)
            except Exception as exc:  # a broken catalog shows English, never a crash
                log.warning("cannot read %s: %s", path, exc)

    def gettext(self, message: str) -> str:
        return self._tr.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._tr.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._tr.pgettext(context, message)


def language_name(language: str) -> str:
    """A language named in itself, capitalised as a menu item: Nederlands, Français, English."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def format_number(n: int, language: str) -> str:
    return format_decimal(n, locale=language)
