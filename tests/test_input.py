import pygame

from max247.input import COMMON, KEYMAPS, PAD, Action, key_action

CLICKER = (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_F5, pygame.K_ESCAPE, pygame.K_b)


def test_no_input_means_two_things_in_one_scene():
    for context, table in KEYMAPS.items():
        # the keys that mean the same everywhere (B and period, Escape...) are never given
        # another meaning by a scene's own table, which is built over them
        for key, action in COMMON.items():
            assert key_action(context, key) is action, (context, pygame.key.name(key))
        # a modifier gives a key a meaning of its own, never the plain key's
        assert key_action(context, pygame.K_RETURN, pygame.KMOD_ALT) is Action.FULLSCREEN
        assert table[pygame.K_RETURN] is not Action.FULLSCREEN
    assert key_action("menu", pygame.K_TAB, pygame.KMOD_SHIFT) is Action.UP
    assert key_action("menu", pygame.K_TAB) is Action.DOWN
    assert key_action("reading", pygame.K_TAB, pygame.KMOD_SHIFT) is None
    for context, buttons in PAD.items():
        # START pauses everywhere, like Escape; the south button goes on, the east one back
        assert buttons[pygame.CONTROLLER_BUTTON_START] is Action.PAUSE, context
        assert buttons[pygame.CONTROLLER_BUTTON_A] is not buttons[pygame.CONTROLLER_BUTTON_B]


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
