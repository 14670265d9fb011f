"""A story's translations as a spreadsheet, and back: for a translator who installs nothing.

Export writes one row per text (its place, who says it, the text, one column per language with
the translation so far) as .xlsx (openpyxl) or .csv (UTF-8 with a byte order mark and `;`, as
Excel in Belgium reads it). Import reads the translated columns back into the story's gettext
catalogs, with the checks the catalogs get (max247.i18n.refusal): a translation the game would
not show is left out and said, with the sheet's row; a row whose text changed since the export
is said and left out. The catalogs stay the one place translations live.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Message

from max247.catalogs import _read_catalog, _write_catalog, scenario_messages, targets, update
from max247.i18n import catalog_path, refusal
from max247.settings import write_atomic
from max247.story.findings import N_, Finding, Loc, ScenarioError, finding
from max247.story.library import display_path
from max247.story.model import Scenario

KEY_COLUMNS = ("context", "text")  # the columns that say which text a row is (never edited)
INFO_COLUMNS = ("where",)
MAX_ROWS = 20_000
MAX_CELL = 20_000


@dataclass
class Imported:
    """What an import changed, and what it left out (with the sheet's row)."""

    written: list[Path] = field(default_factory=list)
    changed: int = 0
    findings: list[Finding] = field(default_factory=list)


def rows(scenario: Scenario, locales: Path) -> list[list[str]]:
    """The header and a row per text, with each language's translation so far."""
    langs = targets(scenario)
    catalogs = {}
    for lang in langs:
        path = catalog_path(locales, lang, scenario.id)
        try:
            catalogs[lang] = _read_catalog(path) if path.exists() else None
        except ScenarioError:
            catalogs[lang] = None
    out = [[*KEY_COLUMNS, *INFO_COLUMNS, *langs]]
    seen = set()
    for text, comment in scenario_messages(scenario):
        key = (text.context, text.source)
        if key in seen:
            continue
        seen.add(key)
        row = [text.context, text.source, comment]
        for lang in langs:
            inline = text.inline_for(lang)
            catalog = catalogs[lang]
            message = catalog.get(text.source, text.context or None) if catalog else None
            said = message.string if message is not None and not message.fuzzy else ""
            row.append(inline or (said if isinstance(said, str) else ""))
        out.append(row)
    return out


def export(scenario: Scenario, locales: Path, path: Path) -> Path:
    """Write the spreadsheet (.xlsx or .csv, by the file's name)."""
    table = rows(scenario, locales)
    if path.suffix.lower() == ".csv":
        buf = io.StringIO()
        csv.writer(buf, delimiter=";").writerows(table)
        write_atomic(path, "\ufeff" + buf.getvalue())
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = scenario.id[:31]
    for row in table:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = {"A": 14, "B": 60, "C": 30}
    for n, column in enumerate(sheet.iter_cols(min_row=1, max_row=1), start=1):
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = widths.get(letter, 60)
        if n > 2:
            for cell in sheet[letter]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def read_table(path: Path) -> list[list[str]]:
    """The sheet's cells as text; ScenarioError (W704) if it cannot be read."""
    shown = display_path(path)
    try:
        if path.suffix.lower() == ".csv":
            raw = path.read_text(encoding="utf-8-sig")
            try:
                dialect = csv.Sniffer().sniff(raw[:4096], delimiters=";,\t")
            except csv.Error:
                dialect = csv.excel
            return [row for row in csv.reader(io.StringIO(raw), dialect)][:MAX_ROWS]
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        table = []
        for values in sheet.iter_rows(values_only=True, max_row=MAX_ROWS):
            table.append(["" if v is None else str(v) for v in values])
        book.close()
        return table
    except (OSError, UnicodeDecodeError, ValueError, KeyError, csv.Error) as exc:
        raise ScenarioError(
            [
                finding(
                    "W704",
                    Loc(shown),
                    N_("the spreadsheet cannot be read: {reason}.", reason=str(exc)),
                    N_("Save it again as .xlsx or .csv (UTF-8) and import it once more."),
                )
            ]
        ) from exc
    except Exception as exc:  # openpyxl raises its own kinds for a file that is not a workbook
        raise ScenarioError(
            [
                finding(
                    "W704",
                    Loc(shown),
                    N_("the spreadsheet cannot be read: {reason}.", reason=type(exc).__name__),
                    N_("Save it again as .xlsx or .csv (UTF-8) and import it once more."),
                )
            ]
        ) from exc


def import_sheet(scenario: Scenario, locales: Path, path: Path) -> Imported:
    """Read the translations of a sheet into the story's catalogs (made first if missing)."""
    table = read_table(path)
    shown = display_path(path)
    out = Imported()
    if not table:
        return out
    header = [h.strip() for h in table[0]]
    langs = [lang for lang in targets(scenario) if lang in header]
    if not all(k in header for k in KEY_COLUMNS) or not langs:
        out.findings.append(
            finding(
                "W704",
                Loc(shown, 1, 1),
                N_("the first row must name the columns context, text and a language."),
                N_("Export the spreadsheet again from the game and translate in that one."),
            )
        )
        return out
    wanted = {(t.context, t.source) for t, _ in scenario_messages(scenario)}
    update(scenario, locales)  # the catalogs exist and hold every text of the story now
    catalogs = {lang: _read_catalog(catalog_path(locales, lang, scenario.id)) for lang in langs}
    col = {name: header.index(name) for name in (*KEY_COLUMNS, *langs)}
    for n, row in enumerate(table[1:], start=2):
        cells = row + [""] * (len(header) - len(row))
        key = (cells[col["context"]].strip(), cells[col["text"]])
        if not any(cells[col[lang]].strip() for lang in langs):
            continue
        if key not in wanted:
            out.findings.append(
                finding(
                    "W703",
                    Loc(shown, n, 1),
                    N_(
                        'row {row}: the story has no text "{text}" (any more).',
                        row=n,
                        text=_short(key[1]),
                    ),
                    N_("The text changed since the export: export again, and copy it over."),
                )
            )
            continue
        for lang in langs:
            said = cells[col[lang]].strip()[:MAX_CELL]
            if not said:
                continue
            message = catalogs[lang].get(key[1], key[0] or None)
            if message is None:
                continue
            why = refusal(Message(key[1], said, context=key[0] or None), interface=False)
            if why is not None:
                out.findings.append(
                    finding(
                        "W705",
                        Loc(shown, n, col[lang] + 1),
                        N_(
                            'row {row}, {language}: the translation of "{text}" is not '
                            "taken: {reason}.",
                            row=n,
                            language=lang,
                            text=_short(key[1]),
                            reason=why,
                        ),
                        N_("Correct it in the spreadsheet and import it again."),
                    )
                )
                continue
            if message.string != said or message.fuzzy:
                message.string = said
                message.flags.discard("fuzzy")
                out.changed += 1
    for lang, catalog in catalogs.items():
        path_po = catalog_path(locales, lang, scenario.id)
        _write_catalog(path_po, catalog)
        out.written.append(path_po)
    return out


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"
