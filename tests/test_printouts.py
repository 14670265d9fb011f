"""The summary and the Max cards as printed by real headless Chromium, read back from the PDF.

Each card's box is found on the printed page by its border colour, and every word pdftotext
finds on the page must lie inside a card, the same words in each: a line too long for its card
would stick out of it or push the card's end out of view. To look at the pages yourself:
MAX247_PRINTS=/tmp/prints .venv/bin/python -m pytest tests/test_printouts.py
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
from pathlib import Path

import pygame
import pytest

from max247 import paths
from max247.helpdir import load_directory
from max247.input import Action
from max247.pilot import Pilot
from max247.printouts import Words, child_cards, long_date
from max247.printouts.maxcards import PER_PAGE, sheet
from max247.printouts.summary import to_csv, to_html
from max247.scenes.choice import ChoiceScene
from max247.scenes.ending import EndingScene
from max247.session import steps
from tests.printing import A4_POINTS, page_png, pages, to_pdf, to_png, words

pytestmark = pytest.mark.slow  # real processes (a real window, Chromium)

LANGUAGES = ("nl", "fr", "en")
REGIONS = ("be", "nl", "uk", "intl")
BORDER_RGB = (0, 110, 190)
DPI = 100


@pytest.fixture(scope="module")
def directory():
    return load_directory(paths.HELP_DIRECTORY)


def keep(*files: Path) -> None:
    """Copy rendered pages where a person can look at them, when asked to."""
    if target := os.environ.get("MAX247_PRINTS"):
        Path(target).mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy(f, Path(target) / f.name)


def assert_a4(pdf: Path, expected_pages: int) -> None:
    count, sizes = pages(pdf)
    assert count == expected_pages, (pdf.name, count)
    for w, h in sizes:
        assert abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2, (pdf.name, w, h)


def card_boxes(png: Path) -> list[pygame.Rect]:
    """The cards on a printed page: the outlines drawn in the border colour, in points."""
    surface = pygame.image.load(str(png))
    mask = pygame.mask.from_threshold(surface, BORDER_RGB, (50, 50, 50, 255))
    scale = 72 / DPI
    boxes = []
    for r in mask.get_bounding_rects():
        if r.w > 100 and r.h > 100:  # an outline, not a speck
            boxes.append(
                pygame.Rect(
                    round(r.x * scale), round(r.y * scale), round(r.w * scale), round(r.h * scale)
                )
            )
    return sorted(boxes, key=lambda b: (b.y, b.x))


def normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_card_of_the_sheet_keeps_its_text_inside_it(tmp_path, directory, language, region):
    html = tmp_path / f"max-cards-{language}-{region}.html"
    html.write_text(sheet(directory, language, region), encoding="utf-8")
    pdf = to_pdf(html)
    assert_a4(pdf, 1)
    png = page_png(pdf, 1, DPI, tmp_path / f"max-cards-{language}-{region}-page")
    keep(png)

    boxes = card_boxes(png)
    assert len(boxes) == PER_PAGE, boxes
    for b in boxes:  # two columns of four, on A4: about 96 x 68 mm each
        assert 250 < b.w < 290 and 170 < b.h < 210, b
    inside: list[list[str]] = [[] for _ in boxes]
    border = 2  # points: the outline itself is not room for text
    for w in words(pdf):
        word_box = pygame.Rect(math.floor(w.x0), math.floor(w.y0), 1, 1)
        word_box.union_ip(pygame.Rect(math.ceil(w.x1) - 1, math.ceil(w.y1) - 1, 1, 1))
        homes = [i for i, b in enumerate(boxes) if b.inflate(-border, -border).contains(word_box)]
        assert homes, f"'{w.text}' at {word_box} is outside every card ({language}, {region})"
        inside[homes[0]].append(w.text)
    text = normal(" ".join(inside[0]))
    assert all(normal(" ".join(ws)) == text for ws in inside), "the cards differ"

    tr = Words(language)
    cards = child_cards(directory, region, language)
    for expected in (
        tr._("My Max is …"),
        tr._("It is never too late to tell someone."),
        tr._("Help checked on {date}").format(
            date=long_date(max(c.checked for c in cards), language)
        ),
        *(c.text("name", language) for c in cards),
        *(c.phone for c in cards if c.phone),
    ):
        assert normal(expected) in text, (expected, text)


def test_a_sheet_for_a_class_of_twenty_has_three_a4_pages(tmp_path, directory):
    html = tmp_path / "cards.html"
    html.write_text(sheet(directory, "fr", "be", children=20), encoding="utf-8")
    assert_a4(to_pdf(html), 3)
    assert html.read_text(encoding="utf-8").count('class="card"') == 24


@pytest.fixture(scope="module")
def lesson():
    """Noor and Lucas played to their endings, with votes counted at Noor's decisions."""
    pilot = Pilot()
    pilot.lesson("noor-gems", "lucas-password")
    pilot.app.session.name = "6B"
    for index in range(2):
        pilot.app.top.index = index
        pilot.press(Action.CONFIRM, Action.CONFIRM)
        for _ in range(300):
            if isinstance(pilot.top, EndingScene):
                break
            pilot.press(Action.CHOOSE_1 if isinstance(pilot.top, ChoiceScene) else Action.NEXT)
        pilot.top.board()
    session = pilot.app.session
    noor = session.progress("noor-gems")
    for i, step in enumerate(steps(pilot.app.library.scenarios["noor-gems"], noor)):
        noor.votes[i] = {o.key: n + 1 for n, o in enumerate(step.offered)}
    return session, pilot.app.library


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_prints_a_page_per_character_and_one_of_help(
    tmp_path, directory, lesson, language
):
    session, library = lesson
    session.language = language
    text = to_html(session, library, directory)
    # self-contained: nothing to fetch, nothing to run
    assert not re.search(r"<script|<link|<img|<iframe|\burl\(|src=", text, re.I)
    html = tmp_path / f"summary-{language}.html"
    html.write_text(text, encoding="utf-8")
    pdf = to_pdf(html)
    keep(to_png(html))
    expected = len(session.characters) + 1
    assert_a4(pdf, expected)
    for n in range(1, expected + 1):
        keep(page_png(pdf, n, 60, tmp_path / f"summary-{language}-page{n}"))

    tr = Words(language)
    by_page: dict[int, str] = {}
    for w in words(pdf):
        by_page[w.page] = by_page.get(w.page, "") + " " + w.text
    noor = library.scenarios["noor-gems"]
    assert normal(tr._("Summary of the lesson “{name}”").format(name="6B")) in normal(by_page[1])
    assert normal(tr.text(noor, noor.title)) in normal(by_page[1])
    lucas = library.scenarios["lucas-password"]
    assert normal(tr.text(lucas, lucas.title)) in normal(by_page[2])
    assert normal(tr._("Questions for the class")) in normal(by_page[1])
    last = normal(by_page[expected])
    assert normal(tr._("Help in {region}").format(region="")).strip() in last
    assert "2026" in last  # each help card says when it was checked


def test_the_csv_has_a_row_per_option_offered_with_its_votes(lesson):
    session, library = lesson
    session.language = "nl"
    rows = list(csv.reader(io.StringIO(to_csv(session, library)), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[0] == "Personage" and len(header) == 7
    noor = session.progress("noor-gems")
    path = steps(library.scenarios["noor-gems"], noor)
    noor_rows = [r for r in body if r[0] == "Noor"]
    assert len(noor_rows) == sum(len(s.offered) for s in path)
    assert [int(r[6]) for r in noor_rows[: len(path[0].offered)]] == list(
        range(1, len(path[0].offered) + 1)
    )
    assert sum(r[5] == "ja" for r in noor_rows) == len(path)
