"""The JSON Schema that editors check scenarios with, and `max247 new`.

The schema and the loader must agree: a shipped scenario the loader plays must not be underlined
in an educator's editor, and a mistake the schema flags must be one the loader refuses too.
"""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from max247 import paths
from max247.authoring.new import SCHEMA, SCHEMA_LINE, TEMPLATE, new_scenario, schema
from max247.story.library import scenario_files
from max247.story.loader import read_scenario
from max247.story.plans import run_plan

VALIDATOR = jsonschema.Draft202012Validator(schema())


def schema_errors(text: str) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(yaml.safe_load(text))]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("path", scenario_files(paths.SCENARIOS), ids=lambda p: p.stem)
def test_shipped_scenario_matches_the_schema(path: Path) -> None:
    assert schema_errors(path.read_text(encoding="utf-8")) == []


# --- max247 new ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_new_scenario_loads_without_findings_and_its_plan_passes(
    tmp_path: Path, language: str
) -> None:
    path = new_scenario("sam-message", tmp_path, language)
    assert path == tmp_path / "sam-message" / "sam-message.yaml"
    loaded = read_scenario(path)
    assert loaded.findings == []
    assert loaded.scenario.language == language
    text = path.read_text(encoding="utf-8")
    if language != "en":  # written in the writer's language: its notes too, not only its texts
        assert "# the version of this format" not in text
    assert schema_errors(text) == []
    results = run_plan(path.with_name("sam-message.plan.yaml"), {})
    assert results, "the plan has plays"
    assert all(getattr(r, "ok", False) for r in results), results


def test_new_scenario_points_its_editor_at_a_schema_that_travels_with_it(tmp_path: Path) -> None:
    path = new_scenario("sam-message", tmp_path)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE + SCHEMA.name
    beside = path.parent / first.removeprefix(SCHEMA_LINE)
    assert beside.read_text(encoding="utf-8") == SCHEMA.read_text(encoding="utf-8")


def test_template_points_at_the_schema_beside_it_and_has_no_other_placeholder() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    assert (TEMPLATE.parent / first.removeprefix(SCHEMA_LINE)).resolve() == SCHEMA
    # the template is filled with str.replace: any other brace would reach the educator as is
    assert "{id}" in text
    assert not re.search(r"[{}]", text.replace("{id}", ""))


@pytest.mark.parametrize("bad", ["Sam", "1-sam", "sam_message", "", "a" * 41, "../sam"])
def test_new_scenario_refuses_an_invalid_id(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="cannot be a scenario id"):
        new_scenario(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_new_scenario_never_overwrites(tmp_path: Path) -> None:
    path = new_scenario("sam-message", tmp_path)
    path.write_text("my own work", encoding="utf-8")
    with pytest.raises(ValueError, match="already exists"):
        new_scenario("sam-message", tmp_path)
    assert path.read_text(encoding="utf-8") == "my own work"
    (tmp_path / "kim.yaml").write_text("my own work", encoding="utf-8")
    with pytest.raises(ValueError, match="already exists"):
        new_scenario("kim", tmp_path)


# --- schema and loader agree ----------------------------------------------------------------------

BASE = """\
format: 1
id: kim-message
language: en
title: Kim asks for help
theme: trusted-adult
ages: 10-12
minutes: 5
character: kim
mood: 2
content_warning: Someone unknown sends Kim a message.
goals:
  - Tell a trusted adult.
characters:
  kim:
    name: Kim
  mum:
    name: Mum
    max: true
start: home
passages:
  home:
    - narrate: Kim gets a message.
      mood: -1
    - view: phone
    - choice:
        prompt: What does Kim do?
        options:
          - text: Tell Mum.
            goto: mum
          - text: Wait a day.
            goto: later
  later:
    - kim: I will tell Mum.
    - goto: mum
  mum:
    - tell: mum
    - help: talk
    - ending:
        title: Kim found help
        message: Telling a trusted adult helps.
"""

MORE_OPTIONS = """\
          - text: Wait a day.
            goto: later
          - text: Ask a friend.
            goto: later
          - text: Ask a teacher.
            goto: later
          - text: Ask a neighbour.
            goto: later
"""

# (what is wrong, a line of BASE, what replaces it, the loader's code)
BROKEN = [
    ("unknown top key", "minutes: 5\n", "minutes: 5\ncolour: blue\n", "E101"),
    ("misspelt beat key", "- narrate: Kim", "- narate: Kim", "E101"),
    ("misspelt key in an option", "            goto: later", "            gto: later", "E101"),
    ("bad theme", "theme: trusted-adult", "theme: bullying", "E106"),
    ("mood 0", "mood: -1", "mood: 0", "E106"),
    ("mood +7", "mood: -1", "mood: +7", "E106"),
    ("mood on a goto", "    - goto: mum", "    - goto: mum\n      mood: +1", "E108"),
    ("a beat with only mood", "    - view: phone", "    - mood: -1", "E107"),
    (
        "choice with 1 option",
        "          - text: Wait a day.\n            goto: later\n",
        "",
        "E302",
    ),
    (
        "choice with 5 options",
        "          - text: Wait a day.\n            goto: later\n",
        MORE_OPTIONS,
        "E302",
    ),
    ("view: chat", "view: phone", "view: chat", "E106"),
    ("help: money", "help: talk", "help: money", "E205"),
    ("help for adults only", "help: talk", "help: adult-advice", "E205"),
    ("tell as a list", "tell: mum", "tell: [mum]", "E103"),
    ("ending without message", "        message: Telling a trusted adult helps.\n", "", "E102"),
    (
        "option without text",
        "          - text: Tell Mum.\n            goto: mum",
        "          - goto: mum",
        "E102",
    ),
    (
        "option without goto or then",
        "          - text: Tell Mum.\n            goto: mum",
        "          - text: Tell Mum.",
        "E304",
    ),
    ("language: de", "language: en", "language: de", "E106"),
    ("missing title", "title: Kim asks for help\n", "", "E102"),
    ("empty text", "- kim: I will tell Mum.", "- kim:", "E104"),
    ("text read as a list", "- kim: I will tell Mum.", "- kim: [photo deleted]", "E105"),
    ("text beside set", "      mood: -1", "      set:\n        seen: true", "E108"),
    ("character id that is a beat word", "  mum:\n    name", "  goto:\n    name", "E206"),
    ("misspelt character key", "    name: Kim", "    nmae: Kim", "E101"),
    ("bad scenario id", "id: kim-message", "id: Kim_Message", "E201"),
    ("ages as a word", "ages: 10-12", "ages: ten", "E103"),
    (
        "timer too short",
        "        prompt: What does Kim do?",
        "        prompt: What does Kim do?\n        timer: 5",
        "E106",
    ),
    (
        "ending mood out of range",
        "        title: Kim found help",
        "        title: Kim found help\n        mood: 7",
        "E106",
    ),
    ("format 2", "format: 1", "format: 2", "E109"),
]


def test_base_is_accepted_by_schema_and_loader(write) -> None:
    assert schema_errors(BASE) == []
    assert read_scenario(write("kim-message.yaml", BASE)).findings == []


@pytest.mark.parametrize(("what", "old", "new", "code"), BROKEN, ids=[b[0] for b in BROKEN])
def test_schema_and_loader_both_reject(write, what: str, old: str, new: str, code: str) -> None:
    assert BASE.count(old) == 1, f"{what}: the line to change must be in BASE once"
    text = BASE.replace(old, new)
    assert schema_errors(text), f"{what}: the schema accepts it"
    loaded = read_scenario(write("kim-message.yaml", text))
    assert code in {f.code for f in loaded.errors}, [str(f) for f in loaded.findings]


# --- one definition: the schema is generated from the grammar the loader reads with -----------


def test_the_shipped_schema_is_what_the_grammar_generates() -> None:
    from max247.authoring import schema as generated

    assert SCHEMA.read_text(encoding="utf-8") == generated.text(), (
        "the grammar (max247/story/grammar.py) changed: run `max247 schema` and commit the file"
    )


def test_the_generated_schema_changes_with_the_grammar(monkeypatch) -> None:
    """The check above can fail: a key added to the grammar reaches the schema and the loader."""
    from dataclasses import replace

    from max247.authoring import schema as generated
    from max247.story import grammar

    extra = grammar.Key("hint", "text", "A hint.")
    monkeypatch.setattr(
        grammar, "CHOICE", replace(grammar.CHOICE, keys=(*grammar.CHOICE.keys, extra))
    )
    assert "hint" in generated.generate()["$defs"]["choice"]["properties"]
    assert generated.text() != SCHEMA.read_text(encoding="utf-8")


def test_the_schema_command_says_whether_the_file_is_current(tmp_path, monkeypatch, capsys):
    from max247.authoring import schema as generated
    from max247.cli import main

    copy = tmp_path / "scenario.schema.json"
    copy.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(generated, "SCHEMA", copy)
    assert main(["schema", "--check"]) == 1
    assert main(["schema"]) == 0
    assert main(["schema", "--check"]) == 0
    assert copy.read_text(encoding="utf-8") == SCHEMA.read_text(encoding="utf-8")
