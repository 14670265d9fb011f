"""Input is actions, not keys: one table says which key, clicker button or pad button gives which
action, per kind of scene. Scenes handle actions; tests post actions.

A common presentation clicker has four buttons: PageDown, PageUp, a start button that sends F5
and Escape in turn, and B or '.'. The whole flow works with those four alone: in reading scenes
PageDown goes on; in menus (choices included) PageDown/PageUp move the highlight and F5
confirms; Escape opens the pause overlay, which never loses progress.
"""

from __future__ import annotations

from enum import Enum

import pygame


class Action(str, Enum):
    NEXT = "next"
    BACK = "back"
    DOWN = "down"  # move the highlight forward
    UP = "up"  # move the highlight back
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"
    CHOOSE_1 = "choose_1"
    CHOOSE_2 = "choose_2"
    CHOOSE_3 = "choose_3"
    CHOOSE_4 = "choose_4"
    BLANK = "blank"
    PAUSE = "pause"
    TEACHER = "teacher"
    FULLSCREEN = "fullscreen"
    TIMER = "timer"  # start or pause the discussion timer
    TIMER_MORE = "timer_more"  # 30 seconds more
    TIMER_SKIP = "timer_skip"
    REREAD = "reread"  # show the last messages again
    TEXT_SCALE = "text_scale"
    KEYS = "keys"  # the key card: every key, clicker button, click and tap
    ORGANISER = "organiser"  # the stand's own menu (kiosk mode): Ctrl+Shift+O, never a child's
    ACCESS = "access"  # the accessibility menu: Shift+A, on every screen
    REPEAT = "repeat"  # read the current text aloud again: Shift+R, on every screen


CHOOSE = (Action.CHOOSE_1, Action.CHOOSE_2, Action.CHOOSE_3, Action.CHOOSE_4)

# Keys that mean the same in every scene.
COMMON: dict[int, Action] = {
    pygame.K_b: Action.BLANK,
    pygame.K_PERIOD: Action.BLANK,
    pygame.K_ESCAPE: Action.PAUSE,
    pygame.K_F2: Action.TEACHER,
    pygame.K_F11: Action.FULLSCREEN,
    pygame.K_F3: Action.TEXT_SCALE,
    pygame.K_F1: Action.KEYS,
    pygame.K_QUESTION: Action.KEYS,
}

# Reading scenes: the story, feedback, help cards, endings, briefings.
READING: dict[int, Action] = {
    **COMMON,
    pygame.K_SPACE: Action.NEXT,
    pygame.K_RETURN: Action.NEXT,
    pygame.K_KP_ENTER: Action.NEXT,
    pygame.K_RIGHT: Action.NEXT,
    pygame.K_PAGEDOWN: Action.NEXT,
    pygame.K_F5: Action.NEXT,
    pygame.K_DOWN: Action.NEXT,
    pygame.K_LEFT: Action.BACK,
    pygame.K_BACKSPACE: Action.BACK,
    pygame.K_PAGEUP: Action.BACK,
    pygame.K_UP: Action.BACK,
    pygame.K_r: Action.REREAD,
}

# Menus: the title, setup, board, choices, the pause overlay.
MENU: dict[int, Action] = {
    **COMMON,
    pygame.K_DOWN: Action.DOWN,
    pygame.K_RIGHT: Action.RIGHT,
    pygame.K_PAGEDOWN: Action.DOWN,
    pygame.K_TAB: Action.DOWN,
    pygame.K_UP: Action.UP,
    pygame.K_LEFT: Action.LEFT,
    pygame.K_PAGEUP: Action.UP,
    pygame.K_RETURN: Action.CONFIRM,
    pygame.K_KP_ENTER: Action.CONFIRM,
    pygame.K_SPACE: Action.CONFIRM,
    pygame.K_F5: Action.CONFIRM,
    pygame.K_BACKSPACE: Action.BACK,
    pygame.K_1: Action.CHOOSE_1,
    pygame.K_2: Action.CHOOSE_2,
    pygame.K_3: Action.CHOOSE_3,
    pygame.K_4: Action.CHOOSE_4,
    pygame.K_KP1: Action.CHOOSE_1,
    pygame.K_KP2: Action.CHOOSE_2,
    pygame.K_KP3: Action.CHOOSE_3,
    pygame.K_KP4: Action.CHOOSE_4,
    pygame.K_t: Action.TIMER,
    pygame.K_PLUS: Action.TIMER_MORE,
    pygame.K_KP_PLUS: Action.TIMER_MORE,
    pygame.K_EQUALS: Action.TIMER_MORE,
    pygame.K_s: Action.TIMER_SKIP,
}

KEYMAPS = {"reading": READING, "menu": MENU}

# Gamepads (SDL's game controller layout): the d-pad moves, south confirms, east goes back.
PAD: dict[str, dict[int, Action]] = {
    "reading": {
        pygame.CONTROLLER_BUTTON_A: Action.NEXT,
        pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Action.NEXT,
        pygame.CONTROLLER_BUTTON_DPAD_DOWN: Action.NEXT,
        pygame.CONTROLLER_BUTTON_B: Action.BACK,
        pygame.CONTROLLER_BUTTON_DPAD_LEFT: Action.BACK,
        pygame.CONTROLLER_BUTTON_DPAD_UP: Action.BACK,
        pygame.CONTROLLER_BUTTON_START: Action.PAUSE,
    },
    "menu": {
        pygame.CONTROLLER_BUTTON_A: Action.CONFIRM,
        pygame.CONTROLLER_BUTTON_B: Action.BACK,
        pygame.CONTROLLER_BUTTON_DPAD_DOWN: Action.DOWN,
        pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Action.RIGHT,
        pygame.CONTROLLER_BUTTON_DPAD_UP: Action.UP,
        pygame.CONTROLLER_BUTTON_DPAD_LEFT: Action.LEFT,
        pygame.CONTROLLER_BUTTON_START: Action.PAUSE,
    },
}


# The stand's organiser opens their menu with three keys at once, which no child presses by
# chance and no clicker sends; the menu is where the stand is set up and closed.
ORGANISER_KEY = pygame.K_o


# Shift and a letter, as Ren'Py's accessibility menu: no clicker sends them, no child by chance.
SHIFTED: dict[int, Action] = {pygame.K_a: Action.ACCESS, pygame.K_r: Action.REPEAT}


def key_action(context: str, key: int, mod: int = 0) -> Action | None:
    if key == ORGANISER_KEY and mod & pygame.KMOD_CTRL and mod & pygame.KMOD_SHIFT:
        return Action.ORGANISER
    if (
        key in SHIFTED
        and mod & pygame.KMOD_SHIFT
        and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
    ):
        return SHIFTED[key]
    if key == pygame.K_SLASH and mod & pygame.KMOD_SHIFT:
        return Action.KEYS  # '?' on a US or UK keyboard
    if key == pygame.K_TAB and mod & pygame.KMOD_SHIFT:
        return Action.UP if context == "menu" else None
    if key == pygame.K_RETURN and mod & pygame.KMOD_ALT:
        return Action.FULLSCREEN
    return KEYMAPS[context].get(key)


def pad_action(context: str, button: int) -> Action | None:
    return PAD[context].get(button)


KEY_NAMES = {
    pygame.K_PAGEDOWN: "PageDown",
    pygame.K_PAGEUP: "PageUp",
    pygame.K_RETURN: "Enter",
    pygame.K_KP_ENTER: "",
    pygame.K_SPACE: "Space",
    pygame.K_BACKSPACE: "Backspace",
    pygame.K_ESCAPE: "Esc",
    pygame.K_RIGHT: "→",
    pygame.K_LEFT: "←",
    pygame.K_UP: "↑",
    pygame.K_DOWN: "↓",
    pygame.K_TAB: "Tab",
    pygame.K_PERIOD: ".",
    pygame.K_PLUS: "+",
    pygame.K_KP_PLUS: "",
    pygame.K_EQUALS: "",
    pygame.K_QUESTION: "?",
}


def keys_for(context: str, *actions: Action) -> list[str]:
    """The keyboard keys that give these actions in this context, as the key card names them:
    read from the maps above, so the card can never say a key that does not work."""
    names: list[str] = []
    for key, action in KEYMAPS[context].items():
        if action in actions:
            name = KEY_NAMES.get(key, pygame.key.name(key).upper())
            if name and name not in names and not name.startswith("[") and len(name) < 10:
                names.append(name)
    return names
