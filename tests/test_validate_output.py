"""`max247 validate` is quiet by default, one mistake gives one message, and hints say the value
that was meant (issue 18)."""

from pathlib import Path

from max247 import paths
from max247.cli import main
from max247.story.library import load_library
from max247.story.loader import read_scenario

CORPUS = Path(__file__).parent / "corpus"
DUTCH = (CORPUS / "nl-E101-tekst.yaml").read_text(encoding="utf-8").replace("tekst:", "text:")
GOOD = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")


def run(capsys, *args: str) -> tuple[str, str]:
    main(["validate", *args])
    out = capsys.readouterr()
    return out.out, out.err


def test_missing_translations_are_one_line_per_language_and_story(write, capsys, tmp_path):
    story = write("lib/lotte-avond.yaml", DUTCH)
    main(["i18n", "update", str(tmp_path / "lib")])
    capsys.readouterr()
    out, _ = run(capsys, str(story))
    lines = out.splitlines()
    assert sorted(lines) == [
        "lotte-avond: en: 21 of 21 texts still to translate (max247 validate --all lists them)",
        "lotte-avond: fr: 21 of 21 texts still to translate (max247 validate --all lists them)",
    ]
    out, _ = run(capsys, "--all", str(story))
    assert sum("W701" in line for line in out.splitlines()) == 42
    out, _ = run(capsys, "--lang", "nl", str(story))
    assert "lotte-avond: fr: nog 21 van 21 teksten te vertalen" in out


def test_errors_come_before_warnings(write, capsys):
    text = DUTCH.replace(
        "    - narrate: Fien gaat mee.", "    - narrate: Fien gaat mee.\n    - narate: x"
    )
    text = text.replace("set: {gevraagd: true}", "set: {gevraagd: true, ongebruikt: true}")
    out, _ = run(capsys, str(write("s.yaml", text)))
    codes = [
        line.split(": ")[1].split()[0]
        for line in out.splitlines()
        if ": E" in line or ": W" in line
    ]
    assert codes and codes[0].startswith("E") and "W501" in codes
    assert codes.index("W501") > max(i for i, c in enumerate(codes) if c.startswith("E"))


def test_a_plan_named_alone_is_counted_as_a_plan(capsys):
    _, err = run(capsys, str(paths.SCENARIOS / "noor-gems" / "noor-gems.plan.yaml"))
    assert "0 scenario file(s)" not in err and "1 test plan(s): 0 error(s)" in err


def test_a_draft_copy_is_named_as_the_draft(write, tmp_path):
    write("lib/a-copy.yaml", GOOD)  # read first: sorted before the story itself
    write("lib/noor-gems.yaml", GOOD)
    write("lib2/noor-gems.yaml", GOOD)
    write("lib2/z-copy.yaml", GOOD)
    library = load_library([tmp_path / "lib"])
    [first] = [f for f in library.findings[tmp_path / "lib" / "noor-gems.yaml"] if f.code == "E207"]
    assert "a-copy.yaml is a copy (a draft?)" in first.message
    library = load_library([tmp_path / "lib2"])
    [last] = [f for f in library.findings[tmp_path / "lib2" / "z-copy.yaml"] if f.code == "E207"]
    assert "this file is a copy" in last.message
    assert "id: noor-gems-draft" in first.hint and "id: noor-gems-draft" in last.hint


def test_characters_and_passages_as_lists_are_one_error_each():
    for name in ("nl-E103-characters-list", "fr-E103-passages-list"):
        errors = read_scenario(CORPUS / f"{name}.yaml").errors
        assert len(errors) == 1, errors
        assert "remove the dashes" in errors[0].message


def test_characters_as_a_list_of_one_line_mappings(write):
    text = DUTCH.replace(
        "  lotte:\n    name: Lotte\n  kai:\n    name: Kai_2012\n  mama:\n    name: Mama\n"
        "    max: true\n  fien:\n    name: Fien\n    friend: true\n",
        "  - lotte: {name: Lotte}\n  - kai: {name: Kai_2012}\n  - mama: {name: Mama, max: true}\n"
        "  - fien: {name: Fien, friend: true}\n",
    )
    assert text != DUTCH
    [error] = read_scenario(write("s.yaml", text)).errors
    assert error.code == "E103" and "characters is written as a list" in error.message


def test_knock_on_errors_are_folded_under_their_cause(capsys):
    path = CORPUS / "nl-E101-personages.yaml"
    [error] = read_scenario(path).errors
    assert "write 'characters'" in error.hint
    assert {f.code for f in error.folded} == {"E102", "E203", "E101"}
    out, _ = run(capsys, str(path))
    assert "(and 8 errors that follow from this one" in out
    out, _ = run(capsys, "--all", str(path))
    assert out.count("E203") == 5


def test_hints_say_the_value_that_was_meant(write):
    def hints(text: str) -> str:
        return " ".join(f.hint for f in read_scenario(write("s.yaml", text)).findings)

    assert "write timer: 120" in hints(DUTCH.replace("timer: 60", "timer: 2"))
    assert "write timer: 120" in hints(DUTCH.replace("timer: 60", "timer: 2 minuten"))
    assert "Write 'foto_gestuurd'" in hints(DUTCH.replace("gevraagd: true", "foto-gestuurd: true"))
    # the misspelt flag is the one read: W501 points there, not at renaming the right one
    misspelt = hints(DUTCH.replace("- if: gevraagd", "- if: gevraagt"))
    assert "Line 55 reads 'gevraagt', which is never set" in misspelt


def test_print_says_which_language_it_falls_back_to(capsys, tmp_path):
    out = tmp_path / "page.html"
    main(
        [
            "print",
            "--lang",
            "en",
            str(CORPUS.parent / "corpus" / "nl-E101-tekst.yaml"),
            "-o",
            str(out),
        ]
    )
    capsys.readouterr()
    story = tmp_path / "lotte-avond.yaml"
    story.write_text(DUTCH, encoding="utf-8")
    main(["print", "--lang", "fr", str(story), "-o", str(out)])
    err = capsys.readouterr().err
    assert "fr : 21 textes sur 21 ne sont pas traduits" in err.replace("\u00a0", " ")


def test_the_proof_page_reflows_teacher_notes_as_the_game_does(tmp_path):
    from max247.authoring.proof import to_html
    from max247.story.plans import inline_or_source

    first = "every idea is welcome, and you may step\n  out."
    text = GOOD.replace(first, first + "\n\n  - a list item\n  - another")
    assert text != GOOD
    path = tmp_path / "noor-gems.yaml"
    path.write_text(text, encoding="utf-8")
    page = to_html(read_scenario(path).scenario, inline_or_source, "en")
    assert "you may step out." in page  # the editor's line break is gone
    assert "out.\n\n- a list item\n- another" in page


def test_graph_labels_and_text_player_notes_are_in_the_language(capsys, monkeypatch):
    main(["graph", "--lang", "fr", "noor-gems"])
    graph = capsys.readouterr().out
    assert "humeur 4 · aide trouvée" in graph and "mood" not in graph
    monkeypatch.setattr("builtins.input", lambda *_: "1")
    main(["play", "--text", "--lang", "nl", "noor-gems"])
    played = capsys.readouterr().out
    assert "(gevoel 2 -> 1)" in played and "mood" not in played


def test_i18n_says_its_messages_in_the_language(write, tmp_path, capsys):
    write("lib/kapot.yaml", "format: 1\nid: [kapot\n")
    main(["i18n", "status", str(tmp_path / "lib"), "--lang", "nl"])
    assert "heeft fouten, weggelaten" in capsys.readouterr().err


def test_the_empty_text_yaml_made_of_a_trap_is_folded_under_it(write):
    text = DUTCH.replace("    - kai: zeg het aan niemand, ok?", "    - kai: &me")
    [error] = read_scenario(write("s.yaml", text)).errors
    assert error.code == "E005" and [f.code for f in error.folded] == ["E104"]
