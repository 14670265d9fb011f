"""The quick starts (docs/quickstart-nl.md, -fr, -en) do what they say: their in-game path is
followed through the pilot, with the words the game shows in that language, and every command
they give is run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.title import TitleScene

DOCS = Path(__file__).resolve().parent.parent / "docs"
MAX247 = Path(sys.executable).with_name("max247")
LANGUAGES = ("nl", "fr", "en")


def guide(lang: str) -> str:
    return (DOCS / f"quickstart-{lang}.md").read_text(encoding="utf-8")


def commands(lang: str) -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", guide(lang), re.S)
    return [shlex.split(line) for b in blocks for line in b.splitlines() if line.strip()]


def buttons(lang: str) -> list[str]:
    """What the guide tells the teacher to choose: its bold words, in the order it says them."""
    return [" ".join(b.split()) for b in re.findall(r"\*\*([^*]+)\*\*", guide(lang))]


def named(said: list[str], pilot: Pilot) -> list[str]:
    """The screen's items the guide names (a label may add a detail: "… (.xlsx)")."""
    return [label for b in said for label in labels(pilot) if label.startswith(b)]


def labels(pilot: Pilot) -> list[str]:
    return [item.label() for item in pilot.top.items]


def choose(pilot: Pilot, label: str) -> None:
    """Ring the item with the clicker (PageDown) and press F5, as a teacher would."""
    assert label in labels(pilot), (label, labels(pilot))
    while labels(pilot)[pilot.top.index] != label:
        pilot.press(Action.DOWN)
    pilot.press(Action.CONFIRM)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_in_game_path_of_the_quick_start(lang, tmp_path):
    from max247.authoring.new import new_scenario

    said = buttons(lang)
    story_id = commands(lang)[0][2]  # `max247 new ID --language LANG`
    path = new_scenario(story_id, tmp_path, lang)
    pilot = Pilot((1024, 768), lang)
    pilot.start(TitleScene(pilot.app))
    # 4. Check: "Open a story" on the title screen, then the teacher's folder
    choose(pilot, named(said, pilot)[0])
    assert pilot.top.screen == "open"
    pilot.top.folder = tmp_path
    pilot.top.build()
    choose(pilot, path.parent.name)
    choose(pilot, path.name)
    assert pilot.top.screen == "findings" and pilot.top.checked.playable
    # 5. Play it now; 6. Translate…, and the three buttons the guide names there
    play, translate = named(said, pilot)[:2]
    choose(pilot, translate)
    assert pilot.top.screen == "translate"
    there = named(said, pilot)
    assert len(there) == 4, there  # the catalogs, the spreadsheet out (twice), back in
    for label in there:
        choose(pilot, label)
    assert (path.parent / "locales").is_dir()
    assert path.with_name(f"{story_id}-translations.xlsx").exists()
    assert "0" in pilot.top.said[0]  # imported: nothing translated yet, nothing refused
    pilot.press(Action.PAUSE, Action.PAUSE)  # Escape opens the pause menu and closes it
    pilot.top.back()
    choose(pilot, play)
    assert pilot.top.screen == "story"


@pytest.mark.slow  # real processes, one per command
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_command_of_the_quick_start_runs(lang, tmp_path):
    from max247.scenes.preview import Watcher

    ran = 0
    for argv in commands(lang):
        assert argv[0] == "max247", argv
        if argv[1] == "play":  # a window that waits for the class: played through the pilot
            pilot = Pilot((1024, 768), lang)
            watcher = Watcher(pilot.app, str(tmp_path / argv[2]), None)
            assert watcher.begin() and pilot.top.screen == "story"
            continue
        done = subprocess.run(
            [str(MAX247), *argv[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        # `i18n status` says 1 while texts are still to translate, as they are in a new story
        ok = (0, 1) if argv[1:3] == ["i18n", "status"] else (0,)
        assert done.returncode in ok, (argv, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        ran += 1
    assert ran >= 5
