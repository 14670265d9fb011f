"""A screen on the app's stack, and `Host`: everything a screen may ask of the app.

Scenes know the app only through `Host` and one another only by name: a scene opens another
with `app.push("board")` (or `replace`, `reset`) and gets an answer back through the callback
it gave to `push`, which the opened scene fulfils with `dismiss(value)`, as Textual's screens do.
So no scene imports another scene or the app, and a front end (a test's pilot, a teacher's
second window) can stand in for the app as long as it keeps this contract.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import pygame

from max247.input import Action, screen_keys

if TYPE_CHECKING:
    from max247.helpdir import Directory
    from max247.i18n import Interface
    from max247.opening import MyStories
    from max247.player.tables import Seat, Table, Tables
    from max247.session import Session
    from max247.settings import Settings
    from max247.stand import StandCounts
    from max247.store import Store
    from max247.story.library import Library
    from max247.story.model import Scenario, Text
    from max247.teacherwindow import TeacherWindow
    from max247.ui.text import Fonts
    from max247.ui.theme import Theme
    from max247.ui.widgets import Drawn

Callback = Callable[[Any], None]


class Host(Protocol):
    """What a scene may read and ask of the app. Nothing else of the app is a scene's business."""

    settings: Settings
    theme: Theme
    fonts: Fonts
    interface: Interface
    library: Library
    directory: Directory
    store: Store
    session: Session | None
    scenes: list[Scene]
    notes: list[str]
    notice: str | None
    now: float
    dirty: bool
    animating: bool  # this frame only moves what was moving: nothing else changed since the last
    running: bool
    persist: bool
    headless: bool
    drawn: list[Drawn] | None
    print_folder: Path | None
    kiosk: bool  # the stand at an event: see max247.stand
    counts: StandCounts
    teacher_window: TeacherWindow | None  # the teacher's own screen, when there are two
    tables: Tables | None  # tables with a device each, when the lesson uses them
    mine: MyStories  # the stories the teacher added in the game, and whether reviewed

    @property
    def top(self) -> Scene: ...

    # words
    def _(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def text(self, scenario: Scenario, text: Text | None) -> str: ...
    def translated(self, scenario: Scenario) -> bool: ...
    def set_language(self, language: str) -> None: ...

    # the stack: a scene or a scene's name (see max247.scenes.SCENES) with its arguments
    def push(
        self, scene: Scene | str, on_dismiss: Callback | None = None, **args: Any
    ) -> Scene: ...
    def replace(self, scene: Scene | str, **args: Any) -> Scene: ...
    def reset(self, scene: Scene | str, **args: Any) -> Scene: ...
    def pop(self) -> Scene: ...
    def dismiss(self, scene: Scene, result: object = None) -> None: ...
    def find(self, name: str) -> Scene | None: ...

    # keeping things
    def save_session(self, scenario: str | None = None) -> None: ...
    def save_settings(self) -> None: ...
    def say(self, note: str) -> None: ...
    def toggle_fullscreen(self) -> None: ...
    def post(self, action: Action) -> None: ...  # as if its key was pressed (a teacher's button)

    # stories the teacher opens in the game
    def add_story(self, path: Path) -> None: ...
    def play_file(self, path: Path) -> None: ...

    # how the game looks and sounds (the accessibility menu)
    def cycle_text_scale(self) -> None: ...
    def apply_access(self) -> None: ...
    def voices(self) -> list[str]: ...
    def repeat(self) -> None: ...

    # the stand at an event
    def end_group(self) -> None: ...
    def close(self) -> None: ...

    # tables with a device each
    def start_tables(self) -> Tables: ...
    def stop_tables(self) -> None: ...


class Scene:
    """One screen. It reads state and turns actions into calls on the story and the session."""

    screen: ClassVar[str] = ""  # its name in max247.scenes.SCENES, for `find` and navigation
    overlay = False  # drawn over the scene below it

    @property
    def context(self) -> str:
        """Which key table applies here: max247.input.SCREEN_KEYS says, per screen."""
        return screen_keys(self.screen)

    def __init__(self, app: Host) -> None:
        self.app = app
        self.on_dismiss: Callback | None = None  # set by `push`: who gets this scene's answer

    def dismiss(self, result: object = None) -> None:
        """Leave the stack and hand `result` to whoever pushed this scene."""
        self.app.dismiss(self, result)

    def handle(self, action: Action) -> None:
        """An action from a key, a clicker, a pad, or a test."""

    def click(self, pos: tuple[int, int]) -> None:
        """A mouse click or a tap (touch boards send one mouse event per touch)."""

    def table_press(self, table: Table, seat: Seat, option: int | None) -> None:
        """A button on a table's device, on a screen where it means something (max247.input's
        TABLE_PRESSES): the table it joined (or took back), and the option it gives (1-4) on a
        screen where tables vote."""

    def hover(self, pos: tuple[int, int]) -> None:
        """The pointer moved: menus follow it with their highlight."""

    def update(self, now: float) -> bool:
        """Move animations on; return True while something still moves."""
        return False

    def entered(self) -> None:
        """The scene is now on the stack: it may push what it needs over itself."""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def ticking(self) -> bool:
        """True while a clock on screen changes every second (a running timer)."""
        return False

    def wheel(self, dy: int) -> bool:
        """The mouse wheel turned `dy` notches (up is positive); True if this screen scrolled."""
        return False

    def read_aloud(self) -> list[str]:
        """What read aloud says of this screen when it appears, in the class's language: the
        story's words for the class, never a teacher's note. A menu says nothing."""
        return []

    def trace_line(self) -> str:
        """What `MAX247_TRACE` records of this screen: its kind, and what it rings or says."""
        return type(self).__name__
