"""The spreadsheet round trip: a translator fills in a sheet, the game reads it back into the
story's catalogs with the catalogs' own checks, and the story plays translated."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from max247.catalogs import status
from max247.i18n import ScenarioTranslator, catalog_path
from max247.input import Action
from max247.pilot import Pilot
from max247.spreadsheet import export, import_sheet, read_table
from max247.story.findings import ScenarioError
from max247.story.loader import read_scenario
from tests.test_hot_reload import STORY


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "sam-reload.yaml"
    path.write_text(STORY, encoding="utf-8")
    return read_scenario(path).scenario


def fill(table: list[list[str]], lang: str, words: dict[str, str]) -> None:
    col = table[0].index(lang)
    for row in table[1:]:
        if row[1] in words:
            row[col] = words[row[1]]


def test_xlsx_round_trip_fills_the_catalogs(story, tmp_path):
    locales = tmp_path / "locales"
    sheet = export(story, locales, tmp_path / "sam-translations.xlsx")
    book = load_workbook(sheet)
    ws = book.active
    header = [c.value for c in ws[1]]
    assert header[:3] == ["context", "text", "where"] and {"nl", "fr"} <= set(header)
    nl = header.index("nl") + 1
    for row in ws.iter_rows(min_row=2):
        if row[1].value == "That's weird.":
            row[nl - 1].value = "Raar, zeg."
        if row[1].value == "Sam found a Max":
            row[nl - 1].value = "Sam vond een Max"
    book.save(sheet)
    done = import_sheet(story, locales, sheet)
    assert done.changed == 2 and not done.findings
    translate = ScenarioTranslator()
    texts = {t.source: t for t in _texts(story)}
    assert translate(story, texts["That's weird."], "nl") == "Raar, zeg."
    (nl_status,) = [s for s in status(story, locales) if s.language == "nl"]
    assert nl_status.translated == 2 and nl_status.missing > 0
    # exported again, the sheet shows what was translated
    again = read_table(export(story, locales, tmp_path / "again.xlsx"))
    assert [r[again[0].index("nl")] for r in again if r[1] == "That's weird."] == ["Raar, zeg."]


def test_csv_round_trip_with_belgian_semicolons_and_the_catalogs_checks(story, tmp_path):
    locales = tmp_path / "locales"
    sheet = export(story, locales, tmp_path / "sam-translations.csv")
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    table = read_table(sheet)
    fill(table, "fr", {"That's weird.": "C'est bizarre.", "who are you?": "qui es-tu ?\x07"})
    table.append(["lina", "A text that is not in the story.", "", "Pas dans l'histoire.", ""])
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(table)
    done = import_sheet(story, locales, sheet)
    assert done.changed == 1
    codes = sorted(f.code for f in done.findings)
    assert codes == ["W703", "W705"]  # a text gone from the story; a control character
    assert all(f.loc.line > 1 for f in done.findings), "each names the sheet's row"
    po = catalog_path(locales, "fr", story.id).read_text(encoding="utf-8")
    assert 'msgstr "C\'est bizarre."' in po and "qui es-tu" not in po


def test_a_sheet_that_is_not_a_sheet_is_said_not_crashed(story, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ScenarioError) as caught:
        import_sheet(story, tmp_path / "locales", bad)
    assert caught.value.findings[0].code == "W704"


def test_the_translate_screen_writes_catalogs_and_round_trips(tmp_path):
    from max247.scenes.title import TitleScene

    path = tmp_path / "sam-reload.yaml"
    path.write_text(STORY, encoding="utf-8")
    pilot = Pilot((1024, 768), "nl")
    pilot.start(TitleScene(pilot.app))
    pilot.drop(path)
    labels = [i.label() for i in pilot.top.items]
    pilot.top.index = labels.index("Vertalen…")
    pilot.press(Action.CONFIRM)
    assert pilot.top.screen == "translate"
    pilot.press(Action.CONFIRM)  # the catalogs, next to the story
    assert (tmp_path / "locales" / "fr" / "LC_MESSAGES" / "sam-reload.po").exists()
    pilot.press(Action.DOWN, Action.CONFIRM)  # export .xlsx
    sheet = tmp_path / "sam-reload-translations.xlsx"
    assert sheet.exists()
    book = load_workbook(sheet)
    ws = book.active
    fr = [c.value for c in ws[1]].index("fr")
    for row in ws.iter_rows(min_row=2):
        if row[1].value == "Sam found a Max":
            row[fr].value = "Sam a trouvé un Max"
    book.save(sheet)
    pilot.press(Action.DOWN, Action.DOWN, Action.CONFIRM)  # import
    texts = [d.text for d in pilot.drawn]
    assert "1 vertaling overgenomen uit sam-reload-translations.xlsx." in texts
    assert any(t.startswith("Français: 1 van ") for t in texts), texts


def _texts(story):
    from max247.story.model import texts

    return [t for _p, t in texts(story)]
