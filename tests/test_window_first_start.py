"""The first start, for real: no settings yet, so the game asks language and help region before
the title screen, with clicker keys, and remembers the answers."""

import json

import pytest

from tests.window.display import game, need_tools, virtual_display

pytestmark = pytest.mark.slow


def test_the_first_start_asks_language_and_region_then_remembers_them(tmp_path):
    need_tools("Xvfb", "xdotool", "import")
    with virtual_display() as display, game(display, tmp_path, language=None) as w:
        w.wait_for("WelcomeScene")
        assert w.where()[1] == "Nederlands"  # the guess is preselected, not silently taken
        w.key("Next")
        w.key("Next")  # English
        w.key("F5")
        assert w.where() == ["WelcomeScene", "Belgium", ""]
        w.key("Next")  # the Netherlands
        w.key("F5")
        w.wait_for("TitleScene")
        w.screenshot(tmp_path / "title.png")
    saved = json.loads((tmp_path / "data" / "max247" / "settings.json").read_text())
    assert (saved["language"], saved["region"]) == ("en", "nl")
