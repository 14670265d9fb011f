import subprocess
import sys

from babel.messages.pofile import read_po

from max247 import catalogs, paths
from max247.i18n import ScenarioTranslator, catalog_path
from max247.story.library import load_library
from max247.story.loader import load_scenario
from tests.conftest import ROOT, require_tool

SAMPLE = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")


def translate_all(po_path, prefix="NL "):
    with po_path.open("rb") as f:
        catalog = read_po(f)
    for m in catalog:
        if m.id:
            m.string = prefix + m.id
            m.flags.discard("fuzzy")
    from babel.messages.pofile import write_po

    with po_path.open("wb") as f:
        write_po(f, catalog)


def test_round_trip_update_translate_edit_remove(write, tmp_path):
    path = write("lib/scenarios/noor-gems.yaml", SAMPLE)
    locales = tmp_path / "lib" / "locales"
    s = load_scenario(path)
    written = catalogs.update(s, locales)
    assert sorted(p.parent.parent.name for p in written) == ["fr", "nl"]
    nl = catalog_path(locales, "nl", "noor-gems")
    [st, _] = catalogs.status(s, locales)
    assert st.missing > 20 and st.translated == 0

    translate_all(nl)
    tr = ScenarioTranslator()
    title = s.title
    assert tr(s, title, "nl") == "NL Noor and the free gems"
    assert [c.language for c in catalogs.status(s, locales) if c.complete] == ["nl"]

    # an edited text turns fuzzy (stale) and is never shown; a removed one becomes obsolete
    edited = SAMPLE.replace("gg! you're really good", "gg! you're so good").replace(
        "    - noor: thanks!!\n", ""
    )
    path.write_text(edited, encoding="utf-8")
    s2 = load_scenario(path)
    catalogs.update(s2, locales)
    st = next(c for c in catalogs.status(s2, locales) if c.language == "nl")
    assert st.stale == 1 and st.orphan == 1 and not st.complete
    line = next(b for b in s2.passages["evening"].beats if "so good" in str(getattr(b, "text", "")))
    assert ScenarioTranslator()(s2, line.text, "nl") == "gg! you're so good"  # source, not fuzzy
    codes = sorted(f.code for f in catalogs.translation_findings(s2, locales))
    assert "W702" in codes and "W703" in codes and "W701" in codes  # fr is missing


def test_the_missing_catalog_hint_names_the_teachers_folder(write, tmp_path, monkeypatch, capsys):
    from max247.cli import main

    write("mine/my-stories/noor-copy.yaml", SAMPLE.replace("id: noor-gems", "id: noor-copy"))
    monkeypatch.chdir(tmp_path / "mine")
    main(["validate", "my-stories"])
    hints = [line for line in capsys.readouterr().out.splitlines() if "W701" in line]
    assert hints and all("`max247 i18n update my-stories`" in h for h in hints), hints
    assert "(locales/nl/LC_MESSAGES/noor-copy.po)" in hints[0]


def test_inline_translations_win_over_catalogs(write, tmp_path):
    text = SAMPLE.replace("title: Noor and the free gems", "title: {en: Noor, nl: Noor NL}")
    path = write("lib/scenarios/noor-gems.yaml", text)
    locales = tmp_path / "lib" / "locales"
    s = load_scenario(path)
    catalogs.update(s, locales)
    translate_all(catalog_path(locales, "nl", "noor-gems"))
    assert ScenarioTranslator()(s, s.title, "nl") == "Noor NL"


def test_pybabel_extract_finds_scenario_texts_with_contexts(tmp_path):
    out = tmp_path / "all.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with out.open("rb") as f:
        pot = read_po(f)
    assert pot.get("gg! you're really good", context="jay") is not None
    assert pot.get("What does Noor answer?", context="prompt") is not None


def test_every_shipped_po_file_passes_msgfmt_check():
    msgfmt = require_tool("msgfmt")
    pos = sorted((ROOT / "locales").rglob("*.po"))
    for po in pos:
        out = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True)
        assert out.returncode == 0, (po, out.stderr.decode())


def test_status_of_the_shipped_library_and_the_interface_is_complete():
    library = load_library([paths.SCENARIOS])
    for s in library.scenarios.values():
        for st in catalogs.status(s, library.locales_for(s)):
            assert st.complete, st
    # the game's own texts; the validator's messages are translated later (they are counted)
    for st in catalogs.interface_status(paths.LOCALES, "game"):
        assert st.complete, st
    for st in catalogs.interface_status(paths.LOCALES, "validator"):
        assert st.translated + st.missing + st.stale > 100, st


def test_previous_ids_survive_a_round_trip_and_go_once_checked(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\n#| msgid "old "\n#| "text"\nmsgid "new text"\nmsgstr "nieuw"\n\n'
        '#| msgid "gone"\nmsgid "checked"\nmsgstr "nagekeken"\n',
        encoding="utf-8",
    )
    catalogs._write_catalog(po, catalogs._read_catalog(po))
    text = po.read_text(encoding="utf-8")
    assert '#| msgid "old text"\nmsgid "new text"' in text
    assert "gone" not in text and "# |" not in text


def test_french_catalogs_keep_the_space_before_punctuation_unbreakable():
    # "Pourquoi ?" must never wrap with the "?" alone at the start of a line on the projector
    import re

    loose = re.compile(r"\S [?!:;»]|« ")
    for po in sorted((ROOT / "locales" / "fr").rglob("*.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        for m in catalog:
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            for s in strings:
                assert not (m.id and loose.search(s or "")), (po.name, s)
