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
    PLUS = "plus"  # at a vote: one more (a ready table, a vote), or ring the next option
    MINUS = "minus"  # at a vote: one less, or ring the option before
    DIGIT_0 = "digit_0"  # at a vote: a count typed with the number keys
    DIGIT_1 = "digit_1"
    DIGIT_2 = "digit_2"
    DIGIT_3 = "digit_3"
    DIGIT_4 = "digit_4"
    DIGIT_5 = "digit_5"
    DIGIT_6 = "digit_6"
    DIGIT_7 = "digit_7"
    DIGIT_8 = "digit_8"
    DIGIT_9 = "digit_9"


CHOOSE = (Action.CHOOSE_1, Action.CHOOSE_2, Action.CHOOSE_3, Action.CHOOSE_4)
DIGITS = tuple(Action(f"digit_{n}") for n in range(10))

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

# The vote (max247.scenes.vote): the clicker counts. PageDown is one more (a table ready, a
# vote for the option being counted), PageUp one less, F5 goes on (cards up, the next option's
# count, the reveal, play); after the reveal PageDown/PageUp ring the option to play. Number
# keys type a count; Tab and the arrows up and down move between options.
VOTE: dict[int, Action] = {
    **COMMON,
    pygame.K_PAGEDOWN: Action.PLUS,
    pygame.K_PLUS: Action.PLUS,
    pygame.K_KP_PLUS: Action.PLUS,
    pygame.K_EQUALS: Action.PLUS,
    pygame.K_RIGHT: Action.PLUS,
    pygame.K_PAGEUP: Action.MINUS,
    pygame.K_MINUS: Action.MINUS,
    pygame.K_KP_MINUS: Action.MINUS,
    pygame.K_LEFT: Action.MINUS,
    pygame.K_DOWN: Action.DOWN,
    pygame.K_TAB: Action.DOWN,
    pygame.K_UP: Action.UP,
    pygame.K_RETURN: Action.CONFIRM,
    pygame.K_KP_ENTER: Action.CONFIRM,
    pygame.K_SPACE: Action.CONFIRM,
    pygame.K_F5: Action.CONFIRM,
    pygame.K_BACKSPACE: Action.BACK,
    pygame.K_t: Action.TIMER,
    pygame.K_s: Action.TIMER_SKIP,
    **{getattr(pygame, f"K_{n}"): Action(f"digit_{n}") for n in range(10)},
    **{getattr(pygame, f"K_KP{n}"): Action(f"digit_{n}") for n in range(10)},
}

KEYMAPS = {"reading": READING, "menu": MENU, "vote": VOTE}

# Every screen (its name in max247.scenes.SCENES) and the key table it reads with: a reading
# screen goes on with next, a menu moves a highlight and confirms. This is the only place a screen
# gets its keys; `max247 keys` prints the whole table into docs/keys.md.
SCREEN_KEYS: dict[str, str] = {
    "title": "menu",
    "welcome": "menu",
    "displays": "menu",
    "setup": "menu",
    "sessions": "menu",
    "session-notice": "menu",
    "session-name": "menu",  # while it has the keyboard, letters are letters (App.event)
    "print": "menu",
    "board": "menu",
    "briefing": "menu",
    "story": "reading",
    "choice": "menu",
    "vote": "vote",  # the clicker counts: PageDown +1, PageUp -1, F5 on (see VOTE)
    "deciding": "menu",
    "feedback": "reading",
    "help-card": "reading",
    "ending": "menu",
    "decisions": "menu",
    "closing": "menu",
    "goodbye": "reading",
    "pause": "menu",
    "confirm-quit": "menu",
    "blank": "menu",
    "teacher": "menu",
    "keys": "menu",
    "access": "menu",  # the accessibility menu: Shift+A over any screen
    "broken-file": "menu",
    "stand": "menu",
    "stand-setup": "menu",
    "tables": "reading",  # next goes on, back returns: the teacher's clicker
    # a story the teacher opens in the game: a ring over rows and buttons, as every menu
    "open": "menu",
    "findings": "menu",
    "translate": "menu",
    "checklist": "menu",
}


def screen_keys(screen: str) -> str:
    """The key table of the screen called `screen` ("menu" for one not named yet)."""
    return SCREEN_KEYS.get(screen, "menu")


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
    "vote": {
        pygame.CONTROLLER_BUTTON_A: Action.CONFIRM,
        pygame.CONTROLLER_BUTTON_B: Action.BACK,
        pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Action.PLUS,
        pygame.CONTROLLER_BUTTON_DPAD_LEFT: Action.MINUS,
        pygame.CONTROLLER_BUTTON_DPAD_DOWN: Action.DOWN,
        pygame.CONTROLLER_BUTTON_DPAD_UP: Action.UP,
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
        return Action.UP if context in ("menu", "vote") else None
    if key == pygame.K_RETURN and mod & pygame.KMOD_ALT:
        return Action.FULLSCREEN
    return KEYMAPS[context].get(key)


def pad_action(context: str, button: int) -> Action | None:
    return PAD[context].get(button)


class TablePress(str, Enum):
    """What a button on a table's device (max247.player.tables) means."""

    JOIN = "join"  # any button: the table joins, or comes back after an unplug
    VOTE = "vote"  # an option's button: the table's ballot, which may change until the reveal


# A table's device, per screen. On every other screen its buttons mean nothing: the lesson is the
# teacher's, and no table's press ever pauses, blanks or skips. (SDL cannot tell two keyboards or
# two clickers apart, so those are never a table's.)
TABLE_PRESSES: dict[str, TablePress] = {"tables": TablePress.JOIN, "vote": TablePress.VOTE}


def table_press(screen: str) -> TablePress | None:
    return TABLE_PRESSES.get(screen)


# One keyboard shared in zones (Settings.keyboard_zones), for a class with fewer devices than
# tables: up to four tables around one keyboard, each with four keys in a row for options 1 to 4.
# Zones go by where a key sits (SDL's scancodes, named after a US keyboard), so they are the same
# keys on a Belgian AZERTY keyboard (shown in brackets). No zone key means anything else anywhere:
# not B or period (blank), Escape (pause), R, S, T (timer), the digits, Tab, the arrows.
KEYBOARD = -1  # the shared keyboard's Seat.device; its zones are Seat.group 0 to 3
KEYBOARD_ZONES: dict[int, tuple[int, int]] = {
    # table 1: Y U I O (the top row, right)
    pygame.KSCAN_Y: (0, 1),
    pygame.KSCAN_U: (0, 2),
    pygame.KSCAN_I: (0, 3),
    pygame.KSCAN_O: (0, 4),
    # table 2: D F G H (the middle row)
    pygame.KSCAN_D: (1, 1),
    pygame.KSCAN_F: (1, 2),
    pygame.KSCAN_G: (1, 3),
    pygame.KSCAN_H: (1, 4),
    # table 3: Z X C V (the bottom row, left; AZERTY: W X C V)
    pygame.KSCAN_Z: (2, 1),
    pygame.KSCAN_X: (2, 2),
    pygame.KSCAN_C: (2, 3),
    pygame.KSCAN_V: (2, 4),
    # table 4: J K L ; (the middle row, right; AZERTY: J K L M)
    pygame.KSCAN_J: (3, 1),
    pygame.KSCAN_K: (3, 2),
    pygame.KSCAN_L: (3, 3),
    pygame.KSCAN_SEMICOLON: (3, 4),
}


def zone_press(scancode: int, mod: int = 0) -> tuple[int, int] | None:
    """The zone (0-3) and option (1-4) of a key of the shared keyboard; None for any other key,
    and for a key held with Ctrl, Alt or the Windows key (those stay the teacher's)."""
    if mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_GUI):
        return None
    return KEYBOARD_ZONES.get(scancode)


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
    pygame.K_MINUS: "-",
    pygame.K_KP_MINUS: "",
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


class Drops:
    """Files and folders dropped on the window, as one drop.

    SDL sends DROPBEGIN, a DROPFILE for each file, then DROPCOMPLETE; an older SDL (or a
    platform that sends no begin) sends the DROPFILE alone. `event` gathers them and gives the
    paths once the drop is complete. A dropped text (DROPTEXT) means nothing in the game.
    """

    EVENTS = frozenset({pygame.DROPBEGIN, pygame.DROPFILE, pygame.DROPCOMPLETE, pygame.DROPTEXT})

    def __init__(self) -> None:
        self.files: list[str] = []
        self.open = False

    def event(self, ev: pygame.event.Event) -> list[str]:
        if ev.type == pygame.DROPBEGIN:
            self.files, self.open = [], True
        elif ev.type == pygame.DROPFILE:
            path = getattr(ev, "file", None)
            if isinstance(path, str) and path:
                self.files.append(path)
            if not self.open:
                return self._done()
        elif ev.type == pygame.DROPCOMPLETE:
            return self._done()
        return []

    def _done(self) -> list[str]:
        files, self.files, self.open = self.files, [], False
        return files
