"""YAML's traps are found at their line, said in the writer's language, with a fix that reads.

The corpus (tests/corpus, one broken file each, `# expect: CODE LINE` on its first line) holds the
mistakes Dutch and French writers make (files nl-* and fr-*); every file is read with PyYAML's C
reader and with its Python reader (their messages differ), and shown in nl, fr and en.
"""

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from max247.i18n import Interface
from max247.story import yamlread, yamltraps
from max247.story.loader import read_scenario
from tests.conftest import ROOT
from tests.test_corpus import CORPUS, expectation

# PyYAML's own words, from its scanner, parser and composer (C and Python)
PARSER_WORDS = re.compile(
    r"while (scanning|parsing)|could not find|did not find|found (character|unexpected|"
    r"undefined|duplicate|unknown|unacceptable)|are not allowed (here|in this context)|"
    r"expected <|expected ','|<unicode string>|<block|block end|a comment or a line break|"
    r"alphabetic or numeric|special characters are not allowed|expected the node content"
)
WRITERS = [p for p in CORPUS if p.name[:3] in ("nl-", "fr-")]
LOADERS = {"C": getattr(yaml, "CSafeLoader", yaml.SafeLoader), "python": yaml.SafeLoader}


def test_the_writers_corpus_is_large_enough():
    assert len(WRITERS) >= 30
    assert {p.name[:2] for p in WRITERS} == {"nl", "fr"}


@pytest.mark.parametrize("loader", LOADERS, ids=list(LOADERS))
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_corpus_file_is_said_at_its_line_in_the_language_without_parser_words(
    loader, language, monkeypatch
):
    monkeypatch.setattr(yamlread, "_Loader", LOADERS[loader])
    tr = None if language == "en" else Interface(language)
    for path in CORPUS:
        code, line = expectation(path)
        findings = read_scenario(path).findings
        assert (code, line) in [(f.code, f.loc.line) for f in findings], path.name
        for f in findings:
            said = f.render(tr)
            assert f.loc.line > 0, said
            assert not PARSER_WORDS.search(said), said
            if tr is not None and f.code.startswith("E"):
                # in the writer's language: the words differ from the English ones
                assert said != f.render(None), said


def test_each_fix_is_valid_yaml_that_reads_as_the_writers_text():
    traps = [t for p in WRITERS for t in yamltraps.scan(p.read_text(encoding="utf-8"))]
    assert len(traps) >= 20
    for trap in traps:
        read = yaml.safe_load(trap.example)
        assert read == ({trap.key: trap.text} if trap.key else [trap.text]), trap.example


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_a_quoted_text_reads_back_as_itself(text):
    assert yaml.safe_load(f"x: {yamltraps.quote(text)}") == {"x": text}


def test_the_fix_is_the_cause_not_the_line_the_parser_stopped_at():
    # the Dutch trap of the issue: the quote opened by 's closes at zo'n, lines further down
    lines = ["passages:", "  a:", "    - narrate: 's Avonds ligt Lotte in bed."]
    lines += [f"    - narrate: regel {i}" for i in range(90)]
    lines += ["    - narrate: zo'n gedoe", "    - narrate: einde"]
    text = "\n".join(lines) + "\n"
    f = read_scenario(Path("x.yaml"), raw=text.encode()).findings[0]
    assert (f.code, f.loc.line, f.loc.col) == ("E005", 3, 16)
    assert """narrate: "'s Avonds ligt Lotte in bed.\"""" in f.hint


def test_no_trap_in_the_shipped_stories_and_plans():
    files = sorted((ROOT / "scenarios").glob("*/*.yaml"))
    assert len(files) > 20
    for path in files:
        assert yamltraps.scan(path.read_text(encoding="utf-8")) == [], path


def guide_examples() -> list[tuple[str, str]]:
    """The guide's YAML examples, each with the paragraph of text before it."""
    guide = (ROOT / "docs" / "authoring-guide.md").read_text(encoding="utf-8").splitlines()
    out, last, block, paragraph_ended = [], "", None, True
    for line in guide:
        fence = line.strip()
        if block is not None:
            if fence == "```":
                out.append((last, "\n".join(block)))
                block = None
            else:
                block.append(line)
        elif fence == "```yaml":
            block = []
        elif not fence:
            paragraph_ended = True
        elif not fence.startswith("```"):
            last = fence if paragraph_ended else f"{last} {fence}"
            paragraph_ended = False
    return out


def test_no_trap_in_the_guides_examples_that_are_right():
    blocks = 0
    for before, body in guide_examples():
        if "Wrong" in before or "blow up" in before:
            continue  # a wrong example (or the alias bomb of E007) shows a trap on purpose
        blocks += 1
        assert yamltraps.scan(body) == [], (before, body)
    assert blocks > 30


def test_legal_yaml_is_no_trap():
    text = (
        "goals:\n  - 'a quoted item'\n  - \"Opgelet: echt\"\nchoose: [1, 2]\nset: {gems: true}\n"
        "teacher_notes: |\n  Let op: 's avonds # niet\n  - ook niet\nx: 10:30\ny: C#\n"
    )
    assert yamltraps.scan(text) == []
