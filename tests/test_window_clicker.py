"""Every shipped story, from the title to the closing screen, in a real window under a virtual
display, with only the four keys of a presentation clicker: PageDown, PageUp, F5 (and its
Escape) and B. At every choice a screenshot is taken and OCR must find the line being answered.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from max247 import paths
from max247.story.library import load_library
from tests.window.display import game, need_tools, virtual_display

pytestmark = pytest.mark.slow

OCR_LANG = {"nl": "nld", "fr": "fra", "en": "eng"}


def shipped() -> list[tuple[str, str]]:
    """Each shipped story with the language it is played in: nl, fr, en in turn."""
    library = load_library([paths.SCENARIOS])
    ordered = sorted(library.scenarios.values(), key=lambda s: (s.ages, str(s.title)))
    return [(s.id, ("nl", "fr", "en")[i % 3]) for i, s in enumerate(ordered)]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.lower())}


def ocr(png, language: str) -> str:
    out = subprocess.run(
        ["tesseract", str(png), "-", "-l", OCR_LANG[language]],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out.stdout


@pytest.fixture(scope="module")
def display():
    need_tools("Xvfb", "xdotool", "import", "tesseract")
    with virtual_display() as d:
        yield d


@pytest.mark.parametrize(("story", "language"), shipped())
def test_a_story_from_title_to_closing_with_the_clicker_alone(display, tmp_path, story, language):
    with game(display, tmp_path, language=language) as w:
        w.key("F5")  # the title rings "New lesson"
        w.wait_for("SetupScene")
        title = _title(story, language)
        for _ in range(40):  # ring the story, tick it
            if w.where()[1] == title:
                break
            w.key("Next")
        w.key("F5")
        for _ in range(40):  # ring "Start the lesson"
            if w.where()[1] == _start_label(language):
                break
            w.key("Next")
        w.key("F5")
        w.wait_for("BoardScene")
        w.key("F5")  # the only character's card
        w.wait_for("BriefingScene")
        w.key("F5")  # start the story
        choices = 0
        for _ in range(400):
            scene, ringed, text = w.where()
            if scene == "EndingScene":
                break
            if scene == "ChoiceScene" and not ringed:
                shot = w.screenshot(tmp_path / f"choice-{choices}.png")
                seen = words(ocr(shot, language))
                wanted = words(text)
                found = len(wanted & seen) / max(1, len(wanted))
                assert found >= 0.6, (story, language, text, sorted(wanted - seen))
                choices += 1
                w.key("Prior")  # PageUp: a fresh choice rings its last card
                w.key("F5")
            else:
                w.key("Next")  # PageDown
        else:
            raise AssertionError(f"{story}: no ending, last screens {w.lines()[-5:]}")
        assert choices >= 1
        # to the closing screen: back to the board, then "Finish the lesson"
        for _ in range(30):
            scene, ringed, _t = w.where()
            if scene == "ClosingScene":
                break
            if ringed in _go_on_labels(language):
                w.key("F5")
            else:
                w.key("Next")
        w.wait_for("ClosingScene")
        w.screenshot(tmp_path / "closing.png")


def _title(story: str, language: str) -> str:
    from max247.i18n import ScenarioTranslator

    s = load_library([paths.SCENARIOS]).scenarios[story]
    return ScenarioTranslator().translate(s, s.title, language)


def _start_label(language: str) -> str:
    from max247.i18n import Interface

    return Interface(language).gettext("Start the lesson")


def _go_on_labels(language: str) -> set[str]:
    from max247.i18n import Interface

    _ = Interface(language).gettext
    return {_("Back to the board"), _("Finish the lesson")}
