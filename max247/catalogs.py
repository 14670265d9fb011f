"""The translation round trip for scenario libraries: extract, update, compile, status.

One catalog per scenario and language, `locales/<lang>/LC_MESSAGES/<scenario-id>.po`, beside the
library's scenarios; templates in `locales/templates/<scenario-id>.pot`. The message id is the
source text, the context says who speaks or what the text is, and translator comments carry the
file, line and passage. `extract_scenario` is also registered as a Babel extraction method
(`max247_scenario`), so the standard `pybabel extract -F babel.cfg` finds the same texts.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import unescape, write_po

from max247 import paths
from max247.i18n import catalog_path, findings_of, read_catalog, refused
from max247.settings import write_atomic
from max247.story.findings import N_, Finding, Loc, ScenarioError, finding, ngettext
from max247.story.library import display_path, locales_folder
from max247.story.loader import read_scenario
from max247.story.model import LANGUAGES, Scenario, Text, texts

PROJECT = "Max 24/7"


def _comment(scenario: Scenario, passage: str | None, text: Text) -> str:
    where = f"{display_path(scenario.path)}:{text.loc.line}"
    if passage:
        where += f", passage {passage}"
    who = scenario.characters.get(text.context)
    if who is not None:
        role = (
            "the story's own character"
            if who.id == scenario.character
            else "a Max (trusted adult)"
            if who.max
            else "a friend"
            if who.friend
            else "a character"
        )
        where += f"; said by {who.name.source} ({role})"
    return where


def scenario_messages(scenario: Scenario) -> Iterator[tuple[Text, str]]:
    """Every text to translate, once per (context, text), with its translator comment.

    Texts translated inline in the file need no catalog entry for those languages, but they
    stay in the template so that the catalogs of the other languages are complete.
    """
    for passage, text in texts(scenario):
        yield text, _comment(scenario, passage, text)


def template(scenario: Scenario) -> Catalog:
    catalog = Catalog(project=f"{PROJECT}: {scenario.id}", domain=scenario.id, fuzzy=False)
    for text, comment in scenario_messages(scenario):
        existing = catalog.get(text.source, context=text.context)
        if existing is not None:
            existing.auto_comments.append(comment)
            existing.locations.append((display_path(scenario.path), text.loc.line))
            continue
        catalog.add(
            text.source,
            locations=[(display_path(scenario.path), text.loc.line)],
            auto_comments=[comment],
            context=text.context,
        )
    return catalog


def extract_scenario(fileobj, keywords, comment_tags, options):
    """Babel extraction method: `[max247_scenario: scenarios/**.yaml]` in babel.cfg."""
    name = getattr(fileobj, "name", "scenario.yaml")
    if str(name).endswith(".plan.yaml"):
        return
    loaded = read_scenario(Path(name), whole=False, raw=fileobj.read())
    if loaded.scenario is None:
        return  # `max247 validate` says why; an extractor has no voice
    for text, comment in scenario_messages(loaded.scenario):
        yield text.loc.line, "pgettext", (text.context, text.source), [comment]


# --- the interface (domain max247) ------------------------------------------------------------


def interface_template() -> Catalog:
    """Every interface text: `_()` and `ngettext()` calls in the package's Python code."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    package = Path(__file__).resolve().parent
    catalog = Catalog(project=PROJECT, domain="max247", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        package, [("**.py", "python")], keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(
            message,
            locations=[(f"max247/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def update_interface(locales: Path) -> list[Path]:
    """Create or merge the interface catalogs for Dutch and French."""
    pot = interface_template()
    # The interface catalogs name the file a text is in, not its line: a line number changes with
    # every edit above it, and would make each code change rewrite both catalogs.
    _write_catalog(locales / "templates" / "max247.pot", pot, lines=False)
    written = []
    for lang in ("nl", "fr"):
        path = catalog_path(locales, lang, "max247")
        if path.exists():
            catalog = _read_catalog(path)
            catalog.update(pot, update_creation_date=False)
        else:
            catalog = Catalog(locale=lang, project=PROJECT, domain="max247", fuzzy=False)
            catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
        _write_catalog(path, catalog, lines=False)
        written.append(path)
    return written


# Where the validator's messages are said (findings, `max247 validate` and `max247 test`): they
# are for educators, written in English first and translated after the game's own texts.
VALIDATOR_MODULES = ("max247/story/", "max247/helpdir.py", "max247/catalogs.py", "max247/cli.py")


def interface_part(message) -> str:
    """'validator' for a template only the validator says, 'game' for the game's texts."""
    files = [f for f, _ in message.locations]
    if files and all(f.startswith(VALIDATOR_MODULES) for f in files):
        return "validator"
    return "game"


def interface_status(locales: Path, part: str | None = None) -> list[Status]:
    """How far the interface catalogs are, for every template or one part ('game' or
    'validator'); orphans are counted with the game's texts."""
    template = interface_template()

    def key_of(m: Message) -> tuple[str, str]:
        return (m.context or "", m.id if isinstance(m.id, str) else m.id[0])

    every = {key_of(m) for m in template if m.id}
    wanted = {key_of(m) for m in template if m.id and part in (None, interface_part(m))}
    out = []
    for lang in ("nl", "fr"):
        st = Status("(validator)" if part == "validator" else "(interface)", lang)
        path = catalog_path(locales, lang, "max247")
        entries = {}
        refusals: dict[tuple[str, str], Finding] = {}
        if path.exists():
            catalog = _catalog_for_status(path, st)
            entries = {
                (m.context or "", m.id if isinstance(m.id, str) else m.id[0]): m
                for m in catalog
                if m.id
            }
            for f, m in zip(*_refused_entries(catalog, path, interface=True), strict=True):
                refusals[(m.context or "", m.id if isinstance(m.id, str) else m.id[0])] = f
            if part != "validator":
                st.orphan = len(catalog.obsolete) + sum(1 for k in entries if k not in every)
        for key in wanted:
            m = entries.get(key)
            strings = m.string if m is not None else ""
            done = all(strings) if isinstance(strings, (list, tuple)) else bool(strings)
            if key in refusals:
                st.refused += 1
                st.problems.append(refusals[key])
            elif m is None or not done:
                st.missing += 1
            elif m.fuzzy:
                st.stale += 1
            else:
                st.translated += 1
        out.append(st)
    return out


# --- the round trip ---------------------------------------------------------------------------


def _write_catalog(path: Path, catalog: Catalog, *, lines: bool = True) -> None:
    buf = io.BytesIO()
    write_po(
        buf, catalog, width=100, sort_output=False, include_previous=True, include_lineno=lines
    )
    write_atomic(path, buf.getvalue().decode("utf-8"))


def catalog_problems(path: Path, interface: bool = False) -> list[Finding]:
    """Why a catalog, or some of its translations, will not be shown (W704, W705); [] if all
    can be. `interface`: the game's own catalog, whose texts are templates."""
    try:
        catalog = read_catalog(path)
    except ScenarioError as exc:
        return exc.findings
    return [*findings_of(catalog), *refused(catalog, display_path(path), interface)]


def _read_catalog(path: Path) -> Catalog:
    """A catalog to write back or count; ScenarioError (W704) if it cannot be read."""
    catalog = read_catalog(path)
    # Babel reads the `#| msgid "..."` lines of a fuzzy entry as a translator comment and would
    # write it back as `# | ...` for good: turn them back into the previous id, or drop them
    # where the entry is no longer fuzzy (the translator checked it).
    for message in catalog:
        previous = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
        if not previous:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        if message.fuzzy:
            message.previous_id = _previous_id(" ".join(previous))
    return catalog


def _previous_id(text: str) -> list[str]:
    """The msgid (and msgid_plural) of `#|` lines, e.g. 'msgid "Go " "home."' gives ['Go home.']."""
    ids = []
    for part in re.split(r"\bmsgid(?:_plural)?\s", text)[1:]:
        ids.append("".join(unescape(q) for q in re.findall(r'"(?:[^"\\]|\\.)*"', part)))
    return ids


def targets(scenario: Scenario) -> list[str]:
    return [lang for lang in LANGUAGES if lang != scenario.language]


def extract(scenario: Scenario, locales: Path) -> Path:
    """Write the scenario's template, locales/templates/<id>.pot."""
    path = locales / "templates" / f"{scenario.id}.pot"
    _write_catalog(path, template(scenario))
    return path


def update(scenario: Scenario, locales: Path) -> list[Path]:
    """Create or merge each language's catalog: edited texts turn fuzzy, removed ones obsolete."""
    pot = template(scenario)
    written = []
    for lang in targets(scenario):
        path = catalog_path(locales, lang, scenario.id)
        if path.exists():
            catalog = _read_catalog(path)
            catalog.update(pot, update_creation_date=False)
        else:
            catalog = Catalog(
                locale=lang, project=f"{PROJECT}: {scenario.id}", domain=scenario.id, fuzzy=False
            )
            for message in pot:
                if message.id:
                    catalog.add(
                        message.id,
                        locations=message.locations,
                        auto_comments=message.auto_comments,
                        context=message.context,
                    )
        _write_catalog(path, catalog)
        written.append(path)
    return written


def compile_catalogs(scenario: Scenario, locales: Path) -> list[Path]:
    """MO files for tools that want them; the game itself reads the PO files."""
    written = []
    for lang in targets(scenario):
        po = catalog_path(locales, lang, scenario.id)
        if not po.exists():
            continue
        buf = io.BytesIO()
        write_mo(buf, _read_catalog(po), use_fuzzy=False)
        mo = po.with_suffix(".mo")
        mo.write_bytes(buf.getvalue())
        written.append(mo)
    return written


@dataclass
class Status:
    scenario: str
    language: str
    translated: int = 0
    missing: int = 0
    stale: int = 0
    orphan: int = 0
    refused: int = 0  # translated, but not shown (W705): another placeholder, ...
    problems: list[Finding] = field(default_factory=list)  # W704 and W705, said by the command

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.refused or self.problems)


def _catalog_for_status(path: Path, st: Status) -> Catalog:
    """The catalog to count, its problems (W704) kept in the status; an empty one if it cannot
    be read, so that every text counts as missing."""
    try:
        catalog = _read_catalog(path)
    except ScenarioError as exc:
        st.problems += exc.findings
        return Catalog()
    st.problems += findings_of(catalog)
    return catalog


def _refused_entries(catalog: Catalog, path: Path, interface: bool) -> tuple[list, list]:
    """The W705 findings of a catalog and the entries they are about, side by side."""
    found = refused(catalog, display_path(path), interface)
    by_line = {m.lineno: m for m in catalog if m.id}
    pairs = [(f, by_line[f.loc.line]) for f in found if f.loc.line in by_line]
    return [f for f, _ in pairs], [m for _, m in pairs]


def status(scenario: Scenario, locales: Path | None) -> list[Status]:
    out = []
    for lang in targets(scenario):
        st = Status(scenario.id, lang)
        entries = {}
        orphans = 0
        path = catalog_path(locales, lang, scenario.id) if locales else None
        refusals: set[tuple[str, str]] = set()
        if path is not None and path.exists():
            catalog = _catalog_for_status(path, st)
            found, entries_refused = _refused_entries(catalog, path, interface=False)
            st.problems += found
            refusals = {(m.context or "", m.id) for m in entries_refused}
            entries = {
                (m.context or "", m.id): m for m in catalog if isinstance(m.id, str) and m.id
            }
            orphans = len(catalog.obsolete)
        wanted = {(t.context, t.source): t for t, _ in scenario_messages(scenario)}
        for key, text in wanted.items():
            m = entries.get(key)
            if text.inline_for(lang) is not None:
                st.translated += 1
            elif key in refusals:
                st.refused += 1
            elif m is None or not m.string:
                st.missing += 1
            elif m.fuzzy:
                st.stale += 1
            else:
                st.translated += 1
        st.orphan = orphans + sum(1 for key in entries if key not in wanted)
        out.append(st)
    return out


def translation_findings(
    scenario: Scenario, locales: Path | None = None, reader=None, root: Path | None = None
) -> list[Finding]:
    """Missing, stale and orphan translations, for the validator.

    `reader` (a ScenarioTranslator) shares the catalogs it has already read; `root` is the
    library folder the scenario was loaded from, so the hint for a teacher's folder names that
    folder and not the shipped one.
    """
    locales = locales if locales is not None else locales_folder(scenario.path)
    root = root if root is not None else paths.SCENARIOS
    shipped = root.resolve() == paths.SCENARIOS.resolve()
    command = "max247 i18n update" if shipped else f"max247 i18n update {display_path(root)}"
    new_locales = locales or root.resolve().parent / "locales"  # where `update` makes them
    out = []
    wanted = {(t.context, t.source): t for t, _ in scenario_messages(scenario)}
    for lang in targets(scenario):
        path = catalog_path(locales, lang, scenario.id) if locales else None
        if path is None or not path.exists():
            missing = [t for t in wanted.values() if t.inline_for(lang) is None]
            if missing:
                out.append(
                    finding(
                        "W701",
                        Loc(display_path(scenario.path), 1, 1),
                        ngettext(
                            "there is no '{language}' translation yet ({count} text).",
                            "there is no '{language}' translation yet ({count} texts).",
                            len(missing),
                            language=lang,
                            count=len(missing),
                        ),
                        N_(
                            "Run `{command}` and translate the new catalog ({path}).",
                            command=command,
                            path=display_path(catalog_path(new_locales, lang, scenario.id)),
                        ),
                    )
                )
            continue
        if reader is not None and (found := reader.catalog(path)) is not None:
            catalog = found[0]
        else:
            try:
                catalog = _read_catalog(path)
            except ScenarioError as exc:  # said once; the texts are shown untranslated
                out += exc.findings
                continue
        po = display_path(path)
        out += findings_of(catalog)
        out += refused(catalog, po, interface=False)
        # a plural entry (msgid_plural) is refused above; it is no scenario text either
        entries = {(m.context or "", m.id): m for m in catalog if isinstance(m.id, str) and m.id}
        for key, text in wanted.items():
            if text.inline_for(lang) is not None:
                continue
            m = entries.get(key)
            if m is None or not m.string:
                out.append(
                    finding(
                        "W701",
                        text.loc,
                        N_(
                            "no '{language}' translation of \"{text}\".",
                            language=lang,
                            text=_short(text.source),
                        ),
                        N_("Translate it in {path}.", path=po)
                        if m is not None
                        else N_(
                            "Translate it in {path} (run `{command}` first).",
                            path=po,
                            command=command,
                        ),
                    )
                )
            elif m.fuzzy:
                place = f"{po}:{m.lineno}"
                out.append(
                    finding(
                        "W702",
                        text.loc,
                        N_(
                            "the '{language}' translation of \"{text}\" is stale "
                            "(the text changed since it was translated).",
                            language=lang,
                            text=_short(text.source),
                        ),
                        N_(
                            "Check it in {place} and remove the 'fuzzy' mark.",
                            place=place,
                        ),
                    )
                )
        for key, m in entries.items():
            if key not in wanted:
                out.append(
                    finding(
                        "W703",
                        Loc(po, m.lineno or 1, 1),
                        N_(
                            '"{text}" is translated but no longer in the scenario.',
                            text=_short(m.id),
                        ),
                        N_(
                            "Run `{command}` to mark it obsolete, or delete the entry.",
                            command=command,
                        ),
                    )
                )
        for m in catalog.obsolete.values():
            out.append(
                finding(
                    "W703",
                    Loc(po, m.lineno or 1, 1),
                    N_('"{text}" is an obsolete entry (#~).', text=_short(m.id)),
                    N_("Delete it once you have reused what you need."),
                )
            )
    return out


def _short(text: str | tuple[str, ...], size: int = 50) -> str:
    if not isinstance(text, str):  # a plural entry: its singular
        text = text[0] if text else ""
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
