import pygame

from max247.input import KEYMAPS, PAD, Action, key_action

CLICKER = (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_F5, pygame.K_ESCAPE, pygame.K_b)


def test_no_input_means_two_things_in_one_scene():
    for context, table in KEYMAPS.items():
        # a dict cannot hold a key twice; check the shifted and alt variants do not collide
        assert key_action(context, pygame.K_TAB, pygame.KMOD_SHIFT) != table.get(pygame.K_TAB) or (
            context != "menu"
        )
        assert len(set(table)) == len(table)
    for table in PAD.values():
        assert len(set(table)) == len(table)


def test_number_keys_never_letters_choose():
    menu = KEYMAPS["menu"]
    choosers = [k for k, a in menu.items() if a.value.startswith("choose_")]
    assert all(pygame.key.name(k).strip("[]").isdigit() for k in choosers)


def test_the_four_clicker_buttons_carry_the_whole_flow():
    reading = {key_action("reading", k) for k in CLICKER}
    menu = {key_action("menu", k) for k in CLICKER}
    assert {Action.NEXT, Action.BACK, Action.PAUSE, Action.BLANK} <= reading
    assert {Action.DOWN, Action.UP, Action.CONFIRM, Action.PAUSE, Action.BLANK} <= menu


def test_blank_and_pause_mean_the_same_everywhere():
    for table in KEYMAPS.values():
        assert table[pygame.K_b] is Action.BLANK and table[pygame.K_PERIOD] is Action.BLANK
        assert table[pygame.K_ESCAPE] is Action.PAUSE
