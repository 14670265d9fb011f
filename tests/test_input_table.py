"""The one input map (max247/input.py): every screen has its key table there, B, period and
Escape mean blank and pause on every screen, and docs/keys.md is the table as generated."""

from pathlib import Path

import pygame
import pytest

from max247.input import PAD, SCREEN_KEYS, Action, key_action, pad_action
from max247.keytable import DOC, table
from max247.pilot import Pilot
from max247.scenes import SCENES, scene_class

ROOT = Path(__file__).resolve().parent.parent


def test_every_screen_has_its_key_table_in_the_input_map():
    assert set(SCREEN_KEYS) == set(SCENES)
    for name in SCENES:
        assert scene_class(name).screen == name  # the registry and the class agree on the name


@pytest.mark.parametrize("screen", sorted(SCENES))
def test_blank_and_pause_mean_the_same_on_every_screen(screen):
    context = SCREEN_KEYS[screen]
    for mod in (0, pygame.KMOD_SHIFT):
        assert key_action(context, pygame.K_b, mod) is Action.BLANK
        assert key_action(context, pygame.K_PERIOD, mod) is Action.BLANK
        assert key_action(context, pygame.K_ESCAPE, mod) is Action.PAUSE
    assert pad_action(context, pygame.CONTROLLER_BUTTON_START) is Action.PAUSE
    # and no other key or button of the table blanks or pauses by accident
    blanking = {k for k, a in key_tables(context).items() if a in (Action.BLANK, Action.PAUSE)}
    assert blanking == {pygame.K_b, pygame.K_PERIOD, pygame.K_ESCAPE}
    assert [b for b, a in PAD[context].items() if a is Action.PAUSE] == [
        pygame.CONTROLLER_BUTTON_START
    ]


def key_tables(context):
    from max247.input import KEYMAPS

    return KEYMAPS[context]


@pytest.mark.parametrize("screen", ["board", "briefing", "story", "choice", "ending", "closing"])
def test_blank_over_a_lesson_screen_and_back(screen):
    """B blanks the screen wherever the lesson is, and B again brings the same screen back."""
    from max247.screenshots import navigate

    pilot = Pilot((1024, 768), "en")
    navigate(pilot, screen, sorted(pilot.app.library.scenarios)[0], [], 0)
    before = pilot.top
    pilot.key(pygame.K_b)
    assert pilot.top.screen == "blank"
    pilot.key(pygame.K_PERIOD)
    assert pilot.top is before
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top.screen == "pause"


def test_the_docs_print_the_current_table():
    assert (ROOT / DOC).read_text(encoding="utf-8") == table(), (
        "docs/keys.md is out of date: run `max247 keys --output docs/keys.md`"
    )


def test_the_teachers_game_pad_reaches_the_game_when_no_table_holds_it():
    from pygame._sdl2 import controller

    pilot = Pilot((1024, 768))
    # SDL sends game controller events only while its game controller part runs
    assert controller.get_init()
    pilot.lesson("fatou-max")
    assert pilot.top.screen == "board"
    pilot.queue(
        pygame.event.Event(
            pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=pygame.CONTROLLER_BUTTON_START
        )
    )
    assert pilot.top.screen == "pause"
