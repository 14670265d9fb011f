"""The glossary's decisions hold in every catalog: a form it says to avoid is in no translation.

locales/glossary.csv holds one term a row (en, nl, fr, note). A note may end with
"Avoid: nl: form | fr: form" (every catalog of that language) or "Avoid in stories: ..." (the
stories' catalogs, not the interface's max247.po, whose validator messages speak of paths in
files).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

GLOSSARY = ROOT / "locales" / "glossary.csv"
AVOID = re.compile(r"Avoid( in stories)?: (.+)$")


@dataclass(frozen=True)
class Avoided:
    term: str
    language: str
    form: str
    stories_only: bool


def avoided(path: Path = GLOSSARY) -> list[Avoided]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["en", "nl", "fr", "note"], rows[0]
    for row in rows[1:]:
        assert len(row) == 4, row
        m = AVOID.search(row[3])
        if not m:
            continue
        for item in m.group(2).split("|"):
            language, _, form = item.strip().partition(": ")
            assert language in ("nl", "fr") and form, (row[0], item)
            out.append(Avoided(row[0], language, form.strip(), bool(m.group(1))))
    return out


def offences(po: Path, forms: list[Avoided], root: Path = ROOT) -> list[str]:
    """Each translation of `po` that holds an avoided form: "file:line: 'form' (term)"."""
    with po.open("rb") as f:
        catalog = read_po(f)
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        text = " ".join(s or "" for s in strings)
        for a in forms:
            if re.search(rf"(?<!\w){re.escape(a.form)}(?!\w)", text, re.IGNORECASE):
                out.append(f"{po.relative_to(root)}:{message.lineno}: '{a.form}' ({a.term})")
    return out


CATALOGS = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))


def test_the_glossary_records_the_decisions_of_issue_11():
    forms = {(a.language, a.form) for a in avoided()}
    assert ("fr", "pédopiégeage") in forms
    assert ("fr", "photos nues") in forms
    assert ("nl", "niet in de problemen") in forms
    assert ("fr", "veux-tu refaire") in forms


@pytest.mark.parametrize("po", CATALOGS, ids=[f"{p.parts[-3]}/{p.stem}" for p in CATALOGS])
def test_no_catalog_uses_a_form_the_glossary_avoids(po: Path):
    language = po.parts[-3]
    forms = [
        a
        for a in avoided()
        if a.language == language and not (a.stories_only and po.stem == "max247")
    ]
    assert offences(po, forms) == []


def test_an_avoided_form_is_found_whole_and_in_any_case(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "a"\nmsgstr "Les signes du Pédopiégeage."\n\n'
        'msgid "b"\nmsgstr "sur le chemin de l\'école"\n',
        encoding="utf-8",
    )
    forms = [Avoided("t", "fr", "pédopiégeage", False), Avoided("p", "fr", "chemin de", True)]
    assert offences(po, forms, tmp_path) == [
        "x.po:5: 'pédopiégeage' (t)",
        "x.po:8: 'chemin de' (p)",
    ]
    assert offences(po, [Avoided("x", "fr", "chemin d", False)], tmp_path) == []  # whole words


def test_no_help_card_uses_a_form_the_glossary_avoids():
    """The help directory's texts are read by children too: the glossary holds there as well."""
    import yaml

    data = yaml.safe_load((ROOT / "data" / "help-directory.yaml").read_text(encoding="utf-8"))
    found = []
    for name, card in data["cards"].items():
        for key, value in card.items():
            if not isinstance(value, dict):
                continue
            for a in avoided():
                text = value.get(a.language)
                pattern = rf"(?<!\w){re.escape(a.form)}(?!\w)"
                if isinstance(text, str) and re.search(pattern, text, re.IGNORECASE):
                    found.append(f"{name}.{key}.{a.language}: '{a.form}'")
    assert found == []
