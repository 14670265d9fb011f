"""Issue 12: every input that once gave a traceback in a story, plan or catalog reader.

Each test is one failure the fuzzing run reported: the reader now refuses the file with a
finding of its own (or reads it), and a library holding it still loads everything else.
"""

from __future__ import annotations

import re
import shutil

import pytest

from max247 import paths
from max247.catalogs import catalog_problems, status, translation_findings
from max247.cli import main
from max247.i18n import Interface, ScenarioTranslator
from max247.story import conditions
from max247.story.findings import N_, ngettext
from max247.story.library import load_library
from max247.story.loader import read_scenario
from max247.story.yamlread import parse_yaml
from tests.scenario_text import HEAD, scenario

BIG = "9" * 5000  # past Python's 4,300-digit limit on int()

STORY = """\
  one:
    - choice:
        prompt: What now?
        options:
          - text: Tell
            CHANGE
            goto: two
          - text: Wait
            goto: two
  two:
    - if: CONDITION
      then:
        - tell: mum
    - tell: mum
    - ending: {title: End, message: Told.}
"""


def story(change: str = "set: {x: 1}", condition: str = "x", head: str = HEAD) -> str:
    return scenario(STORY.replace("CHANGE", change).replace("CONDITION", condition), head)


def codes(text: str, write) -> list[str]:
    loaded = read_scenario(write("s.yaml", text))
    return [f.code for f in loaded.findings if f.is_error]


def test_the_story_helper_is_valid(write):
    assert codes(story(), write) == []


@pytest.mark.parametrize(
    "text",
    [
        story(head=HEAD.replace("minutes: 5", f"minutes: {BIG}")),
        story(change=f"mood: +{BIG}"),
        story(change=f"add: {{x: {BIG}}}"),
        story(change=f"set: {{x: {BIG}}}"),
        story(condition="x > " + "9" * 40),
    ],
    ids=["minutes", "mood", "add", "set", "comparison"],
)
def test_a_number_of_5000_digits_is_refused_with_its_own_finding(text, write):
    assert "E111" in codes(text, write)


def test_a_comparison_with_5000_digits_is_a_condition_too_long(write):
    assert codes(story(condition=f"x > {BIG}"), write) == ["E504"]


def test_numbers_of_nine_digits_are_still_numbers(write):
    assert codes(story(change="add: {x: 999999999}", condition="x > 999999999"), write) == []


@pytest.mark.parametrize(
    "condition",
    ["'" + "(" * 250 + "x" + ")" * 250 + "'", "not " * 1000 + "x", " and ".join(["x"] * 1000)],
    ids=["250 brackets", "1000 nots", "1000 ands"],
)
def test_a_condition_too_deep_or_too_long_is_refused(condition, write):
    assert codes(story(condition=condition), write) == ["E504"]


def test_the_condition_parser_never_recurses_past_its_limit():
    for text in ("not " * 100_000 + "x", "(" * 100_000, "x and " * 100 + "x"):
        try:
            cond = conditions.parse(text[: conditions.MAX_LENGTH])
        except conditions.ConditionSyntaxError as exc:
            assert exc.code in ("E501", "E504")
        else:
            assert conditions.flags_read(cond)


def test_leaves_walks_a_long_chain_without_recursion():
    cond: conditions.Condition = conditions.Flag("a")
    for _ in range(50_000):
        cond = conditions.BoolOp("and", cond, conditions.Not(conditions.Flag("b")))
    assert len(conditions.leaves(cond)) == 50_001


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\x07", "\\x9b"])
def test_a_control_character_in_a_text_is_an_error(escape, write):
    text = story().replace("prompt: What now?", f'prompt: "Hel{escape}lo"')
    assert codes(text, write) == ["E010"]


def test_a_line_break_in_a_text_is_not_a_control_character(write):
    assert codes(story().replace("prompt: What now?", 'prompt: "Two\\nlines"'), write) == []


def test_a_value_of_more_than_10000_characters_is_refused(write):
    assert "E011" in codes(story().replace("What now?", "word " * 2001), write)


def test_a_long_file_without_aliases_is_not_an_alias_bomb(write):
    passages = "".join(
        f"  p{i}:\n    - narrate: Hello {i}\n    - goto: p{i + 1}\n" for i in range(5000)
    )
    text = story().replace("  two:\n", passages + "  p5000:\n    - goto: two\n  two:\n", 1)
    text = text.replace("goto: two\n          - text: Wait", "goto: p0\n          - text: Wait")
    doc = parse_yaml(text.encode(), "long.yaml")  # raised E007 before
    assert doc.root is not None
    assert "E007" not in codes(text, write)


def test_an_alias_bomb_is_still_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
    )
    with pytest.raises(Exception) as caught:
        parse_yaml(bomb.encode(), "bomb.yaml")
    assert [f.code for f in caught.value.findings] == ["E007"]


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
def test_both_yaml_readers_give_the_same_tree(pure):
    text = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_bytes()
    assert parse_yaml(text, "n.yaml", pure=pure).root == parse_yaml(text, "n.yaml").root


def test_the_pure_python_reader_refuses_a_control_character_with_a_finding():
    with pytest.raises(Exception) as caught:
        parse_yaml(b"A\x0e", "f.yaml", pure=True)  # found by scripts/fuzz
    assert caught.value.findings[0].code == "E005"


def test_load_library_lists_a_file_whatever_goes_wrong_in_reading_it(write, tmp_path, monkeypatch):
    write("lib/good.yaml", story())
    write("lib/bad.yaml", story().replace("test-story", "bad-story"))
    import max247.story.library as library_module

    real = library_module.read_scenario

    def flaky(path, *args, **kwargs):
        if path.name == "bad.yaml":
            raise RecursionError("a mistake of ours")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(library_module, "read_scenario", flaky)
    library = load_library([tmp_path / "lib"])
    assert list(library.scenarios) == ["test-story"]
    [f] = library.findings[tmp_path / "lib" / "bad.yaml"]
    assert f.code == "E001" and "RecursionError" in str(f)


@pytest.mark.parametrize("name", ["numbers", "deep", "nul"])
def test_validate_lists_broken_files_and_goes_on(name, write, tmp_path, capsys):
    broken = {
        "numbers": story(change=f"mood: +{BIG}"),
        "deep": story(condition="not " * 1000 + "x"),
        "nul": story().replace("prompt: What now?", 'prompt: "Hel\\0lo"'),
    }[name]
    write("lib/broken.yaml", broken)
    write("lib/good.yaml", story().replace("test-story", "good-story"))
    assert main(["validate", str(tmp_path / "lib")]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "broken.yaml" in out.out


def test_a_link_out_of_a_library_is_not_followed(write, tmp_path):
    secret = write("elsewhere/secret.yaml", "password: hunter2\n")
    write("lib/good.yaml", story())
    (tmp_path / "lib" / "link.yaml").symlink_to(secret)
    (tmp_path / "lib" / "inside.yaml").symlink_to(tmp_path / "lib" / "good.yaml")
    library = load_library([tmp_path / "lib"])
    assert sorted(p.name for p in library.findings) == ["good.yaml", "inside.yaml"]
    assert "hunter2" not in repr(library.findings)


def test_a_pipe_named_like_a_scenario_is_not_opened(tmp_path):
    (tmp_path / "lib").mkdir()
    import os

    os.mkfifo(tmp_path / "lib" / "pipe.yaml")
    library = load_library([tmp_path / "lib"])  # blocked forever before
    [f] = library.findings[tmp_path / "lib" / "pipe.yaml"]
    assert f.code == "E001"


def test_a_library_of_a_whole_system_folder_loads_in_bounds():
    library = load_library(["/proc"])  # files vanish while it is walked
    assert library.scenarios == {}


# --- catalogs -----------------------------------------------------------------------------


@pytest.fixture
def library_copy(tmp_path, monkeypatch):
    """The shipped library and its catalogs, copied, for a test to break."""
    shutil.copytree(paths.SCENARIOS / "noor-gems", tmp_path / "scenarios" / "noor-gems")
    shutil.copytree(paths.LOCALES, tmp_path / "locales")
    monkeypatch.setattr(paths, "LOCALES", tmp_path / "locales")
    return tmp_path


def po(root, lang="nl", domain="noor-gems"):
    return root / "locales" / lang / "LC_MESSAGES" / f"{domain}.po"


BROKEN_CATALOGS = {
    "invalid UTF-8": lambda b: b + b'\nmsgid "x\xff"\nmsgstr "y"\n',
    "unknown charset": lambda b: re.sub(rb"charset=[-\w]+", b"charset=klingon", b),
    "nplurals=abc": lambda b: b.replace(
        b'"Content-Type', b'"Plural-Forms: nplurals=abc;\\n"\n"Content-Type', 1
    ),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_CATALOGS))
def test_a_catalog_that_cannot_be_read_is_reported_and_falls_back(kind, library_copy, capsys):
    path = po(library_copy)
    path.write_bytes(BROKEN_CATALOGS[kind](path.read_bytes()))
    [problem] = catalog_problems(path)
    assert problem.code == "W704"
    lib = load_library([library_copy / "scenarios"])
    s = lib.scenarios["noor-gems"]
    found = translation_findings(s, library_copy / "locales", ScenarioTranslator())
    assert "W704" in [f.code for f in found]
    assert ScenarioTranslator()(s, s.title, "nl") == s.title.source  # the source text
    assert main(["i18n", "status", str(library_copy / "scenarios")]) == 1
    assert main(["validate", str(library_copy / "scenarios")]) == 0  # a warning, not an error
    err = capsys.readouterr().err
    assert "Traceback" not in err and "W704" in err


def test_a_plural_entry_in_a_scenario_catalog_is_refused(library_copy, capsys):
    path = po(library_copy)
    path.write_bytes(
        path.read_bytes() + b'\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "bs"\n'
    )
    assert [f.code for f in catalog_problems(path)] == ["W705"]
    assert main(["validate", str(library_copy / "scenarios")]) == 0
    out = capsys.readouterr()
    assert "W705" in out.out and "Traceback" not in out.err


def test_a_control_character_in_a_scenario_translation_is_not_shown(library_copy):
    lib = load_library([library_copy / "scenarios"])
    s = lib.scenarios["noor-gems"]
    path = po(library_copy)
    translated = ScenarioTranslator()(s, s.title, "nl")
    text = path.read_bytes().replace(translated.encode(), translated.encode() + b"\x00", 1)
    path.write_bytes(text)
    assert ScenarioTranslator()(s, s.title, "nl") == s.title.source
    assert [st.refused for st in status(s, library_copy / "locales") if st.language == "nl"] == [1]


def interface_with(library_copy, old: bytes, new: bytes, lang: str = "nl") -> Interface:
    path = po(library_copy, lang, "max247")
    raw = path.read_bytes()
    assert old in raw
    path.write_bytes(raw.replace(old, new))
    return Interface(lang, library_copy / "locales")


@pytest.mark.parametrize(
    "placeholder", ["{naam}", "{name.nope}", "{name.__class__.__mro__}", "{name!r}", "{0}", "{"]
)
def test_an_interface_translation_may_only_use_its_texts_placeholders(placeholder, library_copy):
    interface = interface_with(
        library_copy, b'msgstr "Taal: {name}"', f'msgstr "Taal: {placeholder}"'.encode()
    )
    said = interface.gettext("Language: {name}").format(name="Nederlands")
    assert said == "Language: Nederlands"  # English, never Python's insides
    assert [f.code for f in interface.problems] == ["W705"]


def test_i18n_status_refuses_another_placeholder(library_copy, capsys, monkeypatch):
    monkeypatch.setattr(paths, "SCENARIOS", library_copy / "scenarios")
    interface_with(library_copy, b'msgstr "Taal: {name}"', b'msgstr "Taal: {name.__class__}"')
    assert main(["i18n", "status"]) == 1
    out = capsys.readouterr()
    assert "W705" in out.err and "{name.__class__}" in out.err and "refused" in out.out


def test_a_nul_in_an_interface_translation_is_not_shown(library_copy):
    interface = interface_with(library_copy, b'msgstr "Nieuwe les"', b'msgstr "Nieuwe\x00 les"')
    assert interface.gettext("New lesson") == "New lesson"


def test_a_megabyte_translation_never_reaches_a_screen(library_copy):
    interface = interface_with(
        library_copy, b'msgstr "Nieuwe les"', b'msgstr "' + b"les " * 250_000 + b'"'
    )
    assert interface.gettext("New lesson") == "New lesson"
    assert "W705" in [f.code for f in interface.problems]


def test_a_plural_expression_that_fails_falls_back(library_copy, capsys):
    interface = interface_with(library_copy, b"plural=(n != 1);", b"plural=n/0;")
    message = ngettext("{count} text", "{count} texts", 3, count=3)
    assert message.render(interface)  # ZeroDivisionError before
    assert interface.ngettext("a", "b", 2) in ("a", "b")
    assert [f.code for f in interface.problems] == ["W704"]
    assert main(["validate", "--lang", "nl", str(paths.SCENARIOS / "noor-gems")]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "forms", [b"nplurals=9; plural=n;", b"nplurals=2; plural=n+5;", b"nplurals=0; plural=0;"]
)
def test_plural_forms_out_of_range_fall_back(forms, library_copy):
    interface = interface_with(library_copy, b"nplurals=2; plural=(n != 1);", forms)
    assert N_("{files} scenario file(s)", files=2).render(interface)
    assert [f.code for f in interface.problems] == ["W704"]


# --- test plans ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expect",
    [
        "{told: [[mum]]}",
        "{help: [{a: b}]}",
        "{flags: {gems: 99999999999999}}",
        "{flags: [1]}",
        "{mood: [1]}",
        "{flags: {gems: [true]}}",
    ],
)
def test_a_plan_expecting_the_wrong_shape_is_refused_with_a_finding(expect, write):
    from max247.story.plans import run_plan

    plan = write(
        "p.plan.yaml",
        f"scenario: noor-gems\nplays:\n- name: a\n  choose: [1]\n  expect: {expect}\n",
    )
    shipped = load_library([paths.SCENARIOS]).scenarios
    [f] = run_plan(plan, shipped)
    assert f.code == "E901"


@pytest.mark.parametrize("choose", ["[²]", "[99999999999999999999]", "[0]", "[a]"])
def test_a_choice_that_is_not_a_small_number_is_refused(choose, write):
    from max247.story.plans import read_plan

    plan = write("p.plan.yaml", f"scenario: noor-gems\nplays:\n- name: a\n  choose: {choose}\n")
    with pytest.raises(Exception) as caught:
        read_plan(plan)
    assert [f.code for f in caught.value.findings] == ["E901"]
