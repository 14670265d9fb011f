"""Table cards: an A4 landscape card per option, a set for every table, in the lesson's
language; printed by real headless Chromium, each page carries its number and its name."""

from __future__ import annotations

import pytest

from max247.i18n import Interface
from max247.pilot import Pilot
from max247.printouts.tablecards import OPTIONS, sheet
from max247.ui.theme import OPTION_SHAPES


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_set_of_four_cards_for_every_table_in_the_lessons_language(language):
    page = sheet(language, tables=3)
    assert page.count('<section class="card">') == 3 * OPTIONS
    assert f'<html lang="{language}">' in page
    option = Interface(language).gettext("Option {n}")
    for n in range(1, OPTIONS + 1):
        assert page.count(option.format(n=n)) == 3  # the name under the shape, on each set
    # the shape is drawn in every card, never the colour alone
    assert page.count("<circle") == 3 and page.count("<rect") == 3
    assert page.count("<polygon") == 6 and len(OPTION_SHAPES) == OPTIONS


def test_the_setup_prints_the_cards_for_the_class_tables(tmp_path):
    pilot = Pilot((1024, 768), "fr")
    pilot.app.print_folder = tmp_path
    pilot.app.settings.tables = 5
    from max247.scenes.setup import SetupScene

    pilot.start(SetupScene(pilot.app))
    deciding = next(i for i in pilot.top.items if i.label().startswith("Décision"))
    deciding.run()
    pilot.step()
    printing = next(i for i in pilot.top.items if i.label() == "Imprimer les cartes de table")
    printing.run()
    written = tmp_path / "table-cards-fr.html"
    assert written.exists()
    assert written.read_text(encoding="utf-8").count('<section class="card">') == 5 * OPTIONS


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_chromium_prints_one_a4_landscape_page_per_card(tmp_path, language):
    from tests.printing import A4_POINTS, pages, to_pdf, words

    html = tmp_path / f"table-cards-{language}.html"
    html.write_text(sheet(language, tables=2), encoding="utf-8")
    pdf = to_pdf(html)
    count, sizes = pages(pdf)
    assert count == 2 * OPTIONS
    for w, h in sizes:  # landscape A4
        assert abs(w - A4_POINTS[1]) < 2 and abs(h - A4_POINTS[0]) < 2, (w, h)
    found = words(pdf)
    option = Interface(language).gettext("Option {n}").split("{n}")[0].strip()
    for page in range(1, count + 1):
        on_page = [w.text for w in found if w.page == page]
        number = str((page - 1) % OPTIONS + 1)
        assert number in on_page and option in on_page, (page, on_page)
        # every word inside the page, none cut at an edge
        for w in found:
            if w.page == page:
                assert w.x0 >= 0 and w.x1 <= A4_POINTS[1] and w.y0 >= 0 and w.y1 <= A4_POINTS[0]
