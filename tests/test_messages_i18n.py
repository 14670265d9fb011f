"""The validator's messages go through gettext (domain max247): English by default, translated
with `--lang`, and the code, file and line never change."""

import pickle
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from max247 import catalogs
from max247.cli import main
from max247.i18n import catalog_path
from max247.story.findings import N_, Loc, Msg, finding, ngettext
from max247.story.loader import read_scenario
from tests.conftest import ROOT

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))


class Shouting:
    """A fake translation: every template in capitals, its {placeholders} left as they are."""

    def gettext(self, message: str) -> str:
        parts = re.split(r"(\{\{|\}\}|\{\w*\})", message)
        return "".join(p if i % 2 else p.upper() for i, p in enumerate(parts))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def corpus_findings():
    for path in CORPUS:
        yield from read_scenario(path).findings


def test_a_message_is_english_and_remembers_its_template():
    m = N_("the flag '{flag}' is read here but never set in this file.", flag="gems")
    assert m == "the flag 'gems' is read here but never set in this file."
    assert m.template == "the flag '{flag}' is read here but never set in this file."
    assert m.params == {"flag": "gems"}
    assert m.render(Shouting()) == "THE FLAG 'gems' IS READ HERE BUT NEVER SET IN THIS FILE."
    assert pickle.loads(pickle.dumps(m)).render(Shouting()) == m.render(Shouting())


def test_parts_of_a_message_are_said_in_the_same_language():
    what = N_("the name of '{id}'", id="mum")
    m = N_("{what} is empty.", what=what)
    assert m == "the name of 'mum' is empty."
    assert m.render(Shouting()) == "THE NAME OF 'mum' IS EMPTY."
    assert list(m.templates()) == ["{what} is empty.", "the name of '{id}'"]


def test_plural_and_a_broken_translation():
    one = ngettext("{count} text", "{count} texts", 1, count=1)
    many = ngettext("{count} text", "{count} texts", 3, count=3)
    assert (one, many) == ("1 text", "3 texts")

    class Broken:
        def gettext(self, message):
            return "{nonsense} kapot"

        def ngettext(self, singular, plural, n):
            return "{nonsense} kapot"

    # a translation naming a placeholder the message does not have shows English, never a crash
    assert many.render(Broken()) == "3 texts"


def test_a_finding_renders_its_words_translated_and_its_place_and_code_as_they_are():
    seen = 0
    for f in corpus_findings():
        english, shouted = str(f), f.render(Shouting())
        prefix = f"{f.loc}: {f.code} "
        assert english.startswith(prefix) and shouted.startswith(prefix)
        assert shouted != english, english
        seen += 1
    assert seen > 40


def test_str_of_a_finding_stays_english():
    f = finding("E502", Loc("x.yaml", 3, 5), N_("the flag '{flag}' is read.", flag="a"))
    assert str(f) == "x.yaml:3:5: E502 the flag 'a' is read."
    assert f.render(Shouting()) == "x.yaml:3:5: E502 THE FLAG 'a' IS READ."


@pytest.fixture(scope="module")
def interface_template():
    return catalogs.interface_template()


def test_every_template_the_corpus_shows_is_extracted(interface_template):
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in interface_template if m.id}
    shown = set()
    for f in corpus_findings():
        for text in (f.message, f.hint):
            if f.code == "E501" and text is f.hint:
                continue  # the condition and a caret under the place: no words
            if text:
                assert isinstance(text, Msg), (f.code, text)
                shown.update(text.templates())
    missing = shown - extracted
    assert not missing, missing
    assert len(shown) > 80


def test_known_templates_are_in_the_interface_template(interface_template):
    for template in (
        "Did you mean '{word}'?",
        "the flag '{flag}' is read here but never set in this file.",
        "'{key}' is not a key of {what}.",
        "{files} scenario file(s): {errors} error(s), {warnings} warning(s)",
        "expected mood {want}, the mood is {mood} ({where}).",
        "no help card for the need '{need}' in the region '{region}' (nor an international one).",
    ):
        m = interface_template.get(template)
        assert m is not None, template
        assert catalogs.interface_part(m) == "validator"
        assert "python-brace-format" in m.flags
    plural = interface_template.get("there is no '{language}' translation yet ({count} text).")
    assert plural is not None and plural.pluralizable
    validator = [
        m for m in interface_template if m.id and catalogs.interface_part(m) == "validator"
    ]
    assert len(validator) > 200


def _catalog(locales: Path, language: str, messages: dict[str, str]) -> None:
    catalog = Catalog(locale=language, domain="max247")
    for source, translation in messages.items():
        catalog.add(source, translation)
    path = catalog_path(locales, language, "max247")
    path.parent.mkdir(parents=True)
    with path.open("wb") as f:
        write_po(f, catalog)


BAD = "format: 1\nid: x\npassages:\n  a:\n    - narate: hi\n"


def test_validate_lang_translates_messages_but_not_codes_files_or_lines(
    write, tmp_path, monkeypatch, capsys
):
    locales = tmp_path / "locales"
    _catalog(
        locales,
        "nl",
        {
            "'{key}' is not a beat key.": "'{key}' is geen sleutel van een beat.",
            "Did you mean '{word}'?": "Bedoel je '{word}'?",
            "{files} scenario file(s): {errors} error(s), {warnings} warning(s)": (
                "{files} scenariobestand(en): {errors} fout(en), {warnings} waarschuwing(en)"
            ),
        },
    )
    monkeypatch.setattr("max247.paths.LOCALES", locales)
    bad = write("bad.yaml", BAD)

    assert main(["validate", str(bad)]) == 1
    english = capsys.readouterr()
    assert main(["validate", "--lang", "nl", str(bad)]) == 1
    dutch = capsys.readouterr()

    line = f"{bad}:5:7: E101 "
    assert f"{line}'narate' is not a beat key. Did you mean 'narrate'?" in english.out
    assert f"{line}'narate' is geen sleutel van een beat. Bedoel je 'narrate'?" in dutch.out
    places = [o.split(" ", 2)[:2] for o in english.out.splitlines()]
    assert places == [o.split(" ", 2)[:2] for o in dutch.out.splitlines()]
    assert "error(s)" in english.err and "fout(en)" in dutch.err
    # what the catalog does not translate stays English
    assert main(["validate", "--lang", "fr", str(bad)]) == 1
    assert capsys.readouterr().out == english.out


def test_test_lang_translates_the_failures(write, tmp_path, monkeypatch, capsys):
    locales = tmp_path / "locales"
    _catalog(
        locales,
        "fr",
        {
            "{passed} passed, {failed} failed": "{passed} réussi(s), {failed} échoué(s)",
            "{place}: play '{name}': {problem}": "{place} : partie '{name}' : {problem}",
        },
    )
    monkeypatch.setattr("max247.paths.LOCALES", locales)
    sample = (ROOT / "scenarios" / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")
    write("noor-gems.yaml", sample)
    plan = write("p.plan.yaml", "scenario: noor-gems\nplays:\n  - name: x\n    choose: [9]\n")
    assert main(["test", "--lang", "fr", str(plan)]) == 1
    out = capsys.readouterr().out
    assert "0 réussi(s), 1 échoué(s)" in out
    assert f"{plan.name}:4:" in out and ": partie 'x' : option 9 is not on offer" in out


def test_a_message_joins_like_any_text():
    # Msg.joined makes a message of messages; str.join is not shadowed
    assert N_(", ").join(["a", "b"]) == "a, b"
    joined = Msg.joined("; ", [N_("one"), N_("two")])
    assert joined == "one; two" and isinstance(joined, Msg)
