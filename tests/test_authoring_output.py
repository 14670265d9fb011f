"""The authoring outputs: the graph (Mermaid, DOT, PNG) and the printable proof page."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from max247.authoring import graph, proof
from max247.i18n import Interface, ScenarioTranslator
from max247.story.loader import load_scenario
from max247.story.model import Choice, Scenario
from tests.conftest import ROOT, require_tool

SAMPLE = ROOT / "scenarios" / "noor-gems" / "noor-gems.yaml"


@pytest.fixture(scope="module")
def sample() -> Scenario:
    return load_scenario(SAMPLE)


@pytest.fixture(scope="module")
def tr() -> ScenarioTranslator:
    return ScenarioTranslator()


class _Reader(HTMLParser):
    """Collects the page's text and checks that every opened element is closed in order."""

    VOID = frozenset({"meta", "br", "img", "hr", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.open: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_page(page: str) -> _Reader:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    assert reader.open == [], f"never closed: {reader.open}"
    return reader


def page_text(page: str) -> str:
    return " ".join("".join(read_page(page).text).split())


def words(text: str) -> str:
    return " ".join(text.split())


# --- the graph ----------------------------------------------------------------------------------


def test_mermaid_has_every_passage_and_ending(sample: Scenario, tr: ScenarioTranslator) -> None:
    text = graph.to_mermaid(sample, tr, "en")
    assert "flowchart TD" in text
    for passage in sample.passages:
        assert f'["{passage}"]' in text
    for ending in sample.endings():
        assert f'(["{ending.title.source}' in text
    assert text.count("help found") == len(sample.endings())


def test_dot_is_read_by_graphviz(sample: Scenario, tr: ScenarioTranslator) -> None:
    text = graph.to_dot(sample, tr, "en")
    for passage in sample.passages:
        assert f'label="{passage}"' in text
    dot = require_tool("dot")
    done = subprocess.run([dot, "-Tsvg"], input=text.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert b"<svg" in done.stdout


def test_png(sample: Scenario, tr: ScenarioTranslator, tmp_path: Path) -> None:
    require_tool("dot")
    out = tmp_path / "noor.png"
    graph.to_png(graph.to_dot(sample, tr, "en"), out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_png_without_graphviz(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="apt-get install graphviz"):
        graph.to_png("digraph {}", tmp_path / "x.png")


def test_every_ending_of_the_sample_finds_help(sample: Scenario) -> None:
    found = graph.explore(sample)
    assert found.complete
    for ending in sample.endings():
        assert found.reach(ending).status == "help found", ending.title


def test_an_ending_reached_without_help_is_marked(write, tr: ScenarioTranslator) -> None:
    # Lina's "wait and see" now ends the story: a path with a friend only, no Max, no help card
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "          - text: Wait and see what Jay does next.\n            goto: photo",
        "          - text: Wait and see what Jay does next.\n            goto: waiting",
    )
    text += (
        "\n  waiting:\n    - ending:\n        title: Noor waits\n"
        "        message: Noor keeps it to herself for now.\n"
    )
    # validation would refuse it (every path must find help): read it as the runtime does
    scenario = load_scenario(write("noor-gems/noor-gems.yaml", text), whole=False)
    waits = next(e for e in scenario.endings() if e.title.source == "Noor waits")
    assert graph.explore(scenario).reach(waits).status == "no help yet"
    mermaid = graph.to_mermaid(scenario, tr, "en")
    assert 'e2(["Noor waits<br/>mood 2 · no help yet"])' in mermaid
    assert 'label="Noor waits\\nmood 2 · no help yet"' in graph.to_dot(scenario, tr, "en")
    assert "No way here found help." in page_text(proof.to_html(scenario, tr, "en"))

    # Jay's insisting now ends there too, after telling Mum: some ways find help, some not
    text = text.replace(
        "          - text: Stop answering, and tell Mum.\n            goto: ask-mum",
        "          - text: Stop answering, and tell Mum.\n"
        "            then:\n              - tell: mum\n            goto: waiting",
    )
    scenario = load_scenario(write("noor-gems/noor-gems.yaml", text), whole=False)
    waits = next(e for e in scenario.endings() if e.title.source == "Noor waits")
    assert graph.explore(scenario).reach(waits).status == "not always"
    assert "Noor waits<br/>mood 2 · not always" in graph.to_mermaid(scenario, tr, "en")


def test_condition_text_round_trips() -> None:
    from max247.story import conditions

    for written in ("gems", "not gems", "trust >= 2", "a and (b or c)", "not (a and b) or c"):
        assert graph.condition_text(conditions.parse(written)) == written


def test_special_characters_are_escaped_in_both_formats(write, tr: ScenarioTranslator) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "prompt: What does Noor answer?", 'prompt: "Say \\"hi\\" #1 <b>|back\\\\slash"'
    )
    scenario = load_scenario(write("noor-gems/noor-gems.yaml", text))
    mermaid = graph.to_mermaid(scenario, tr, "en")
    assert "Say #34;hi#34; #35;1 #60;b#62;#124;back#92;slash" in mermaid
    dot_text = graph.to_dot(scenario, tr, "en")
    assert 'label="Say \\"hi\\" #1 <b>|back\\\\slash"' in dot_text
    dot = require_tool("dot")
    done = subprocess.run([dot, "-Tsvg"], input=dot_text.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert "Say &quot;hi&quot; #1 &lt;b&gt;|back\\slash" in done.stdout.decode()


# --- the proof page -----------------------------------------------------------------------------


def test_proof_page_has_everything_a_reviewer_reads(
    sample: Scenario, tr: ScenarioTranslator
) -> None:
    page = proof.to_html(sample, tr, "en")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    text = page_text(page)
    for choice in sample.choices():
        assert isinstance(choice, Choice)
        assert words(choice.prompt.source) in text
        for option in choice.options:
            assert words(option.text.source) in text
            if option.feedback is not None:
                assert words(option.feedback.source) in text
    for ending in sample.endings():
        assert words(ending.title.source) in text
        assert words(ending.message.source) in text
    for question in sample.discussion:
        assert words(question.source) in text
    for goal in sample.goals:
        assert words(goal.source) in text
    assert words(sample.teacher_notes.source) in text
    assert words(sample.content_warning.source) in text
    assert "[photo from Noor: A selfie of Noor in her school sweater.]" in text
    assert "Noor confides in Mum, who listens." in text
    assert text.count("Help found on every way here.") == len(sample.endings())
    for passage in sample.passages:
        assert f'id="passage-{passage}"' in page
        assert f'href="#passage-{passage}"' in page


def test_proof_page_is_self_contained(sample: Scenario, tr: ScenarioTranslator) -> None:
    page = proof.to_html(sample, tr, "en")
    reader = read_page(page)
    assert "script" not in reader.tags
    for name, value in reader.attrs:
        if name in ("src", "href"):
            assert value is not None and value.startswith("#"), (name, value)
    assert "url(" not in page and "@import" not in page


def test_proof_page_help_lookup_and_languages(sample: Scenario, tr: ScenarioTranslator) -> None:
    page = proof.to_html(sample, tr, "en", help_lookup=lambda need: f"Card <{need}>")
    assert "Help card: Card <exploitation>" in page_text(page)
    for language in ("nl", "fr"):
        page = proof.to_html(sample, tr, language, gettext=Interface(language).gettext)
        assert f'<html lang="{language}">' in page
        read_page(page)
    # the game's words (the briefing's content warning), from the interface's catalog
    nl, fr = Interface("nl").gettext, Interface("fr").gettext
    assert "Waarschuwing over de inhoud" in proof.to_html(sample, tr, "nl", gettext=nl)
    assert "Questions de discussion" in proof.to_html(sample, tr, "fr", gettext=fr)


def test_proof_page_words_are_the_games_in_every_language() -> None:
    english = proof.Words("en")
    for language in ("nl", "fr"):
        words = proof.Words(language, Interface(language).gettext)
        # every word is translated, so no English slips into a Dutch or French page
        for table in ("labels", "themes", "needs"):
            mine, theirs = getattr(words, table), getattr(english, table)
            assert set(mine) == set(theirs)
            same = [k for k in mine if mine[k] == theirs[k] and not _same_word(mine[k])]
            assert not same, (language, table, same)
    # a theme is named as the teacher's story list names it
    assert proof.Words("fr", Interface("fr").gettext).themes["trusted-adult"] == "trouver son Max"
    assert proof.Words("en").themes["trusted-adult"] == "finding your Max"


def _same_word(text: str) -> bool:
    """Words that are the same in English, Dutch and French."""
    return text.split()[-1] in (
        "grooming",
        "sexting",
        "sextortion",
        "Feedback",
        "Passages",
        "start",
        "minutes",
    )


def test_proof_page_escapes_scenario_text(write, tr: ScenarioTranslator) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace(
        "narrate: Noor (11) plays Block Quest every evening after homework.",
        "narrate: \"<script>alert('x')</script> & more\"",
    )
    text = text.replace("title: Noor and the free gems", 'title: "Noor <img src=x> \\"gems\\""')
    scenario = load_scenario(write("noor-gems/noor-gems.yaml", text))
    page = proof.to_html(scenario, tr, "en")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page
    assert "<title>Noor &lt;img src=x&gt; &quot;gems&quot; - Max 24/7</title>" in page
    assert "<script>alert('x')</script> & more" in page_text(page)
