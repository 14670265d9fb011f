"""The game's loop: a stack of scenes, input turned into actions, frames drawn only when needed.

When nothing moves the loop sleeps in `pygame.event.wait`, so an idle board costs no CPU worth
measuring; it redraws on expose, restore, resize and display changes. The app object owns every
piece of mutable state (settings, fonts, session, scenes): there is no global state elsewhere.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Sharp on a scaled Windows display, and no minimising when the projector window loses focus.
os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")
os.environ.setdefault("SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS", "0")
# SDL would turn SIGINT and SIGTERM into a window-close event, which kiosk mode ignores and which
# nobody reads while a library loads: Python's own handlers (max247.cli.run) stop the game instead.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")

import pygame
from pygame._sdl2 import controller

from max247 import paths
from max247.devices import Device, open_joystick
from max247.i18n import Interface, ScenarioTranslator
from max247.input import (
    KEYBOARD,
    Action,
    Drops,
    TablePress,
    key_action,
    pad_action,
    table_press,
    zone_press,
)
from max247.opening import MyStories
from max247.player import translation_complete
from max247.player.tables import Seat, Tables, press
from max247.scenes import create
from max247.scenes.scene import Callback, Scene
from max247.session import Session
from max247.settings import Settings, load_settings, save_settings, settings_path
from max247.speech import Speaker, Utterance, in_languages, platform_backend
from max247.stand import StandCounts, load_counts, save_counts
from max247.store import Store
from max247.story.findings import N_, ScenarioError, render_text
from max247.story.library import Library, load_library
from max247.story.model import Scenario, Text
from max247.ui.text import Fonts
from max247.ui.theme import DEFAULT, HIGH_CONTRAST, TEXT_SCALES, Theme, scale_cap, use_palette

if TYPE_CHECKING:
    from max247.helpdir import Directory
    from max247.teacherwindow import TeacherWindow

IDLE_WAIT_MS = 1000
FRAME_MS = 16

# In kiosk mode (the stand at an event) the screens where a teacher sets up, resumes or prints a
# lesson are out of a child's reach: every way to them leads back to the stand's welcome.
ORGANISER_ONLY = frozenset(
    {
        "title",
        "welcome",
        "displays",
        "setup",
        "sessions",
        "session-name",
        "print",
        "broken-file",
        "open",
        "findings",
        "translate",
        "checklist",
    }
)


@dataclass
class App:
    settings: Settings
    settings_folder: Path | None = None
    size: tuple[int, int] = (1280, 720)
    kiosk: bool = False
    headless: bool = False
    now: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        pygame.display.init()
        pygame.font.init()
        # the teacher's game pad (CONTROLLERBUTTONDOWN, input.pad_action) reaches us only once
        # SDL's game controller part runs: about 1.5 ms, and the tables' devices still start
        # only with a lesson that uses them (start_tables)
        with contextlib.suppress(pygame.error):
            controller.init()
        flags = pygame.RESIZABLE
        # full screen on the display it was asked for; in a window if that one is gone (the
        # projector of last lesson is not connected)
        if (
            (self.settings.fullscreen or self.kiosk)  # a stand fills its screen
            and not self.headless
            and self.settings.display < self.display_count()
        ):
            flags = pygame.FULLSCREEN
        self.screen = self._set_mode(self.size, flags)
        pygame.display.set_caption("Max 24/7")
        self.fonts = Fonts()
        self.theme = self.make_theme()
        self.apply_access()  # high contrast, the reading font: see max247.scenes.access
        self.speaker: Speaker | None = None  # read aloud: made when first needed (see voice)
        self._said: tuple = ()  # the screen and lines read aloud last
        self._said_as: list[Utterance] = []  # those lines, each part in its words' language
        # while a screen's lines are gathered for read aloud: the story texts it showed in
        # another language than the class's (untranslated), so their voice is that language's
        self._shown_in: dict[str, str] | None = None
        self.interface = Interface(self.settings.language)
        self.translator = ScenarioTranslator()
        # the stories a teacher added in the game (kept beside the settings; tests: in memory)
        self.mine = MyStories.load(None if self.headless else self.data_folder())
        self.library: Library = self.load_library()
        self.notes: list[str] = []  # messages for the teacher (corrupt files set aside, ...)
        self._directory: Directory | None = None  # read when first needed: see `directory`
        self.session: Session | None = None
        self.store = Store.memory()  # `start` opens the teacher's own; tests keep this one
        self.scenes: list[Scene] = []
        self.dirty = True
        self.animating = False  # see step: a frame drawn only because something moves
        self.running = True
        self.notice: str | None = None  # a note said over any screen until the next key
        self.keeping = True  # False once the data folder turned out not to be writable
        self._pads: list = []
        # tables with a device each (max247.player.tables): None until a lesson uses them, so
        # SDL's joysticks are not even started otherwise
        self.tables: Tables | None = None
        self.devices: dict[int, Device] = {}  # SDL's instance id -> the device at a table
        self.open_device: Callable[[int], Device | None] = open_joystick  # tests fake devices
        self.drops = Drops()  # files dropped on the window, gathered until the drop completes
        self._translated: dict[tuple[str, str], bool] = {}
        self.drawn: list | None = None  # set by the pilot: every text box drawn in a frame
        self.watch = None  # called once a loop: `max247 play` reloads a saved scenario
        self.persist = True  # save the lesson after each decision
        self.print_folder: Path | None = None  # where print buttons write (None: Documents)
        # MAX247_TRACE=FILE: a line per screen change (scene, ringed item, text), so a test that
        # drives the real window with real key presses knows where it is; no child's data in it
        trace = os.environ.get("MAX247_TRACE")
        self.trace = Path(trace) if trace else None
        self._traced = ""
        # the stand at an event: only counts are kept, never a lesson; see max247.stand
        self.counts = StandCounts()
        self.closing = False  # the organiser closes the game (in kiosk mode nothing else does)
        self.last_input = self.now  # when a key, a click or a button last came (see step)
        self.touched = False
        self.idle_seconds: float = 60.0 * self.settings.stand_idle_minutes
        # the teacher's own window (two displays, "Extend"): see max247.teacherwindow
        self.teacher_window: TeacherWindow | None = None
        self._projector: int | None = None  # the projector's display when last checked
        self._displays_checked = 0.0
        if self.kiosk:
            self.persist = False
            if not self.headless:
                self.counts = load_counts(paths.user_data())
                self._grab_keyboard()

    def _grab_keyboard(self) -> None:
        """Keep system keys (Alt+Tab, the Windows key, Alt+F4) in the stand's window: SDL's
        keyboard grab, without SDL's own Alt+Tab escape. What no program can block
        (Ctrl+Alt+Del, touch edge swipes) is the platform's lock-down: see the README."""
        with contextlib.suppress(pygame.error, AttributeError):
            window = pygame.Window.from_display_module()
            window.grab_keyboard = True
            window.always_on_top = True

    # --- set-up ---------------------------------------------------------------------------

    def _set_mode(self, size: tuple[int, int], flags: int) -> pygame.Surface:
        display = self.settings.display if self.settings.display < self.display_count() else 0
        if flags & pygame.FULLSCREEN:
            # desktop fullscreen: the projector keeps its mode, so it does not resync
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN, display=display)
        return pygame.display.set_mode(size, flags, display=display)

    @staticmethod
    def display_count() -> int:
        try:
            return pygame.display.get_num_displays()
        except pygame.error:
            return 1

    def load_library(self) -> Library:
        """Every library, listed from the validation cache: a story is validated once, and
        read when it is played (MAX247_NO_CACHE=1 reads and validates every file now)."""
        from max247.story.cache import ValidationCache

        use = not os.environ.get("MAX247_NO_CACHE")
        cache = ValidationCache.open(paths.user_cache()) if use else None
        return load_library(self.library_roots(), cache=cache)

    def library_roots(self) -> list[Path]:
        folders = [Path(p) for p in self.settings.libraries if Path(p).is_dir()]
        return [paths.SCENARIOS, *folders, *(p for p in self.mine.paths() if p not in folders)]

    def data_folder(self) -> Path:
        return self.settings_folder or paths.user_data()

    def add_story(self, path: Path) -> None:
        """A story the teacher opened in the game (with no errors) joins their stories, where
        it is: the library reads it there again, so the next save is what the class plays."""
        try:
            self.mine.add(path)
        except OSError as exc:
            self.cannot_keep(exc)
        self.library = self.load_library()
        self._translated.clear()

    def play_file(self, path: Path) -> None:
        """Play one story at once, over the screen the teacher is on, reloaded on each save
        (what `max247 play FILE` does); the lesson saved, if any, is never touched."""
        from max247.scenes.preview import Watcher

        watcher = Watcher(self, str(path), None)
        watcher.under = list(self.scenes)
        if watcher.begin():
            self.watch = watcher.check

    def open_paths(self, dropped: list[str]) -> None:
        """Files or folders dropped on the window: the first story among them is checked."""
        found = [Path(p) for p in dropped if Path(p).exists()]
        if not found or self.kiosk:  # a stand opens nothing a visitor drops on it
            return
        if self.top.screen == "findings":
            self.pop()  # a new drop replaces the findings shown
        self.push("findings", path=found[0])

    @property
    def directory(self) -> Directory:
        """The help directory, read when first needed (the loop reads it right after the first
        frame, so a damaged file's note is on the title screen a moment later)."""
        if self._directory is None:
            notes = len(self.notes)
            self._directory = self._load_directory()
            self.dirty = self.dirty or len(self.notes) > notes  # a damaged file's note to show
        return self._directory

    @directory.setter
    def directory(self, directory: Directory) -> None:
        self._directory = directory

    def _load_directory(self) -> Directory:
        from max247.helpdir import Directory, load_directory

        try:
            return load_directory(paths.HELP_DIRECTORY, paths.user_data() / "help-directory.yaml")
        except ScenarioError as exc:
            # in the class's language, naming the file and line, for the teacher to pass on
            self.notes += [f.render(self.interface) for f in exc.findings]
            return Directory([])

    # --- words ----------------------------------------------------------------------------

    def _(self, message: str) -> str:
        """An interface text in the class's language (gettext domain max247)."""
        return self.interface.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.interface.ngettext(singular, plural, n)

    def text(self, scenario: Scenario, text: Text | None) -> str:
        """A scenario text in the class's language; the source text if not translated yet."""
        if text is None:
            return ""
        language = self.settings.language
        shown = self.translator(scenario, text, language)
        if self._shown_in is not None and not self.translator.is_translated(
            scenario, text, language
        ):
            self._shown_in[shown] = scenario.language  # on screen in the story's own language
        return shown

    def translated(self, scenario: Scenario) -> bool:
        """Whether every text of the scenario reads in the class's language."""
        key = (scenario.id, self.settings.language)
        if key not in self._translated:  # reading every catalog once per story and language
            # a listed story (a Summary) is read here: its texts are what is counted
            full = self.library.scenarios.get(scenario.id, scenario)
            self._translated[key] = translation_complete(
                full, key[1], self.library.locales_for(full)
            )
        return self._translated[key]

    def set_language(self, language: str) -> None:
        self.settings.language = language
        self.interface = Interface(language)
        if self.session is not None:
            self.session.language = language
        self.save_settings()
        self.dirty = True

    def cycle_text_scale(self) -> None:
        scales = list(TEXT_SCALES)
        i = scales.index(self.settings.text_scale) if self.settings.text_scale in scales else 0
        self.settings.text_scale = scales[(i + 1) % len(scales)]
        self.theme = self.make_theme()
        self.save_settings()
        self.dirty = True

    def make_theme(self) -> Theme:
        """Sizes for this window: the text scale asked for, capped at the largest step whose
        screens fit a window of this shape (the accessibility menu says so)."""
        width, height = self.screen.get_size()
        cap = scale_cap(width, height, self.settings.reading_font)
        return Theme(width, height, min(self.settings.text_scale, cap))

    def apply_access(self) -> None:
        """The accessibility settings take effect from the next frame: colours, font, sizes."""
        use_palette(HIGH_CONTRAST if self.settings.high_contrast else DEFAULT)
        if self.fonts.reading != self.settings.reading_font:
            self.fonts = Fonts(reading=self.settings.reading_font)
        self.theme = self.make_theme()
        self.dirty = True

    # --- read aloud -----------------------------------------------------------------------

    def voice(self) -> Speaker:
        """The speaker, made on first use: asking the platform for its voices runs a program."""
        if self.speaker is None:
            self.speaker = Speaker(platform_backend())
        return self.speaker

    def voices(self) -> list[str]:
        """The class's languages this computer can read aloud (the accessibility menu says)."""
        return self.voice().voices()

    def read_aloud(self, again: bool = False) -> None:
        """Say what the screen on top shows the class, once when it appears (or `again`)."""
        if not self.settings.read_aloud or not self.scenes:
            return
        if self.top.screen == "blank":  # the safe exit: the line being said stops at once
            if self.speaker is not None:
                self.speaker.say([], interrupt=True)
            self._said = ()
            return
        self._shown_in = {}
        try:
            lines = self.top.read_aloud()
        finally:
            shown_in, self._shown_in = self._shown_in, None
        if not lines:
            return  # a menu over the story says nothing, and closing it does not repeat it
        key = (id(self.top), tuple(lines))
        if key == self._said and not again:
            return
        self._said = key
        # the language of what is on screen: the class's, except a story's text not translated
        # into it yet, which is shown (and so said) in the story's own language
        language = self.settings.language
        self._said_as = [u for line in lines for u in in_languages(line, shown_in, language)]
        self.voice().say(self._said_as)

    def repeat(self) -> None:
        """Say the current text again: the screen's own, or the last said under a menu."""
        if not self.settings.read_aloud or not self.scenes:
            return
        if self.top.read_aloud():
            self.read_aloud(again=True)
        elif self._said:
            self.voice().say(self._said_as)

    def save_settings(self) -> None:
        if not self.headless and self.keeping:
            try:
                save_settings(self.settings, self.settings_folder)
            except OSError as exc:
                self.cannot_keep(exc)

    # --- the teacher's window -------------------------------------------------------------

    def check_displays(self) -> None:
        """Open, keep or close the teacher's window as the displays are now. It opens when a
        projector appears (at the start, after F11, when one is plugged in); it closes when a
        window moves onto the projector's display or the projector goes, and the lesson goes on
        with the overlay. After the teacher closed it, it stays closed until the next time."""
        from max247.teacherwindow import TeacherWindow, display_count, projector_display

        projector = projector_display(self)
        window = self.teacher_window
        if window is not None and window.window is not None:
            moved = projector is not None and window.display == projector
            if moved or projector is None:
                self.close_teacher_window()
            if moved or display_count() < 2:  # not the teacher's own choice: say so
                self.say(
                    N_(
                        "The teacher's screen has closed, so that the class does not see it. "
                        "The lesson goes on; F2 shows the notes here."
                    )
                )
        if projector is not None and self._projector is None and self.teacher_window is None:
            self.teacher_window = TeacherWindow.open(self, projector)
            self.dirty = True
        self._projector = projector
        if (
            not self.headless
            and not self.kiosk
            and not self.settings.told_extend
            and self.session is not None
            and display_count() < 2
        ):
            # said once: with "Duplicate" the class sees whatever the teacher opens
            self.settings.told_extend = True
            self.save_settings()
            self.say(
                N_(
                    "Tip: with the projector as a second screen, your notes show on the laptop "
                    "only. On Windows press Win+P and choose Extend. Until then, F2 shows them "
                    "here, for the class to see."
                )
            )

    def close_teacher_window(self) -> None:
        if self.teacher_window is not None:
            self.teacher_window.close()
            self.teacher_window = None
            self.dirty = True

    def cannot_keep(self, exc: Exception) -> None:
        """The data folder cannot be written (a read-only school profile, a file where the
        folder should be, a full disk): say so once, and go on with everything in memory."""
        if not self.keeping:
            return
        self.keeping = False
        folder = self.settings_folder or paths.user_data()
        reason = getattr(exc, "strerror", None) or str(exc)
        self.say(
            N_(
                "Nothing will be kept on this computer: {folder} cannot be written ({reason}). "
                "The lesson goes on; what you change lasts until the game is closed.",
                folder=str(folder),
                reason=reason,
            )
        )

    def say(self, note: str) -> None:
        """A note for the teacher, shown over the screen until the next key (and on the title)."""
        self.notes.append(note)
        self.notice = note
        self.dirty = True

    # --- scenes ---------------------------------------------------------------------------

    @property
    def top(self) -> Scene:
        return self.scenes[-1]

    def _scene(self, scene: Scene | str, args: dict[str, Any]) -> Scene:
        name = scene if isinstance(scene, str) else scene.screen
        if self.kiosk and name in ORGANISER_ONLY:
            scene, args = "stand", {}  # a group that leaves the story ends at the welcome
        return create(scene, self, **args) if isinstance(scene, str) else scene

    def push(self, scene: Scene | str, on_dismiss: Callback | None = None, **args: Any) -> Scene:
        """Put a scene (or the scene called so, made with `args`) on top; `on_dismiss` gets
        the value it is dismissed with."""
        new = self._scene(scene, args)
        new.on_dismiss = on_dismiss
        self.scenes.append(new)
        self.dirty = True
        new.entered()
        return new

    def pop(self) -> Scene:
        scene = self.scenes.pop()
        self.dirty = True
        return scene

    def dismiss(self, scene: Scene, result: object = None) -> None:
        """Take `scene` off the stack and hand `result` to the callback it was pushed with."""
        if scene in self.scenes:
            self.scenes.remove(scene)
        self.dirty = True
        if scene.on_dismiss is not None:
            scene.on_dismiss(result)

    def replace(self, scene: Scene | str, **args: Any) -> Scene:
        new = self._scene(scene, args)
        self.scenes[-1] = new
        self.dirty = True
        new.entered()
        return new

    def reset(self, scene: Scene | str, **args: Any) -> Scene:
        new = self._scene(scene, args)
        self.scenes = [new]
        self.dirty = True
        new.entered()
        return new

    def find(self, kind: str | type) -> Scene | None:
        """The topmost scene called `kind` (or of that class)."""
        if isinstance(kind, str):
            return next((s for s in reversed(self.scenes) if s.screen == kind), None)
        return next((s for s in reversed(self.scenes) if isinstance(s, kind)), None)

    def end_group(self) -> None:
        """The group at the stand has gone: count what it played, then forget it."""
        if self.session is None:
            return
        played = [(p.scenario, p.found_help) for p in self.session.characters if p.started]
        self.session = None
        if not played:
            return
        self.counts.record(played)
        if self.kiosk and not self.headless and self.keeping:
            try:
                save_counts(paths.user_data(), self.counts)
            except OSError as exc:
                self.cannot_keep(exc)

    def close(self) -> None:
        """End the program (in kiosk mode, the organiser's menu is the only way to do it)."""
        self.closing = True
        self.running = False

    def _kiosk_idle(self) -> None:
        """A group left the stand in the middle of a story: it ends gently, with the help
        lines, and the stand waits for the next group."""
        if self.top.screen in ("stand", "stand-setup", "goodbye"):
            return
        if self.now - self.last_input < self.idle_seconds:
            return
        self.reset("stand")
        self.push("goodbye", next_group=True)

    def save_session(self, scenario: str | None = None) -> None:
        """Save the lesson (or one character's play of it) in one transaction."""
        if self.session is None or not self.persist:
            return
        try:
            self.store.save(self.session, scenario)
        except (OSError, sqlite3.Error) as exc:
            # the folder went away or filled up mid-lesson: play on in memory, and say so once
            self.store = Store.memory()
            self.session.id = None
            self.store.save(self.session)
            self.cannot_keep(exc)

    # --- input ----------------------------------------------------------------------------

    def post(self, action: Action) -> None:
        """Give an action to the scene on top (also how tests drive the game)."""
        if action is Action.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if action is Action.TEXT_SCALE:
            self.cycle_text_scale()
            return
        if action is Action.TEACHER and self.teacher_window is not None:
            self.teacher_window.attention()  # the notes are on the teacher's own screen
            return
        blank = bool(self.scenes) and self.top.screen == "blank"
        if action is Action.REPEAT:  # Shift+R: say the current text again
            if not blank:  # the safe exit is silent: nothing is read out over it
                self.repeat()
            return
        if action is Action.ACCESS:  # Shift+A: the accessibility menu, over any screen
            if self.top.screen not in ("access", "blank"):
                self.push("access")
            return
        if action is Action.ORGANISER and self.top.screen not in ("stand", "stand-setup"):
            if self.kiosk:  # the organiser steps in: the group's play ends at the welcome
                self.reset("stand")
                self.push("stand-setup")
            return
        self.notice = None  # read: the key that follows it goes on with the lesson
        self.touched = True
        self.top.handle(action)
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        if self.headless or self.kiosk:  # a stand stays full screen: F11 is no way out
            return
        self.settings.fullscreen = not self.settings.fullscreen
        flags = pygame.FULLSCREEN if self.settings.fullscreen else pygame.RESIZABLE
        self.screen = self._set_mode(self.size, flags)
        self.resized()
        self.save_settings()
        self.check_displays()

    def resized(self) -> None:
        self.screen = pygame.display.get_surface()
        self.theme = self.make_theme()
        self.dirty = True

    def event(self, ev: pygame.event.Event) -> None:
        if self.teacher_window is not None and self.teacher_window.owns(ev):
            outcome = self.teacher_window.event(ev)
            if outcome == "close":  # the teacher closed it: the overlay serves from now on
                self.close_teacher_window()
            elif outcome == "check":
                self.check_displays()
            return
        if ev.type in _INPUT_EVENTS:
            self.touched = True
        if getattr(self.top, "typing", False) and ev.type in (pygame.TEXTINPUT, pygame.KEYDOWN):
            self.top.type(ev)  # a text field has the keyboard: letters are letters, not keys
            self.dirty = True
            return
        if ev.type == pygame.QUIT:
            if not self.kiosk:  # in event mode the close button and Alt+F4 do not quit
                self.running = False
        elif ev.type == pygame.KEYDOWN and self._keyboard_zone(ev):
            pass  # a table's key on the shared keyboard, where tables press (see input.py)
        elif ev.type == pygame.KEYDOWN:
            action = key_action(self.top.context, ev.key, ev.mod)
            if action is not None:
                self.post(action)
        elif ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            self.top.click(ev.pos)
            self.dirty = True
        elif ev.type == pygame.MOUSEMOTION:
            self.top.hover(ev.pos)
        elif ev.type == pygame.MOUSEWHEEL and self.top.context == "menu" and ev.y:
            # the wheel (or a two-finger swipe) scrolls a screen that scrolls, else moves
            # through the menu: a mouse alone suffices
            if not self.top.wheel(ev.y):
                self.post(Action.UP if ev.y > 0 else Action.DOWN)
        elif ev.type in _TABLE_EVENTS:
            if self.tables is not None:  # else no table has a device: the events mean nothing
                self._table_event(ev)
        elif self.tables is not None and ev.type in _PAD_EVENTS:
            pass  # the controllers are the tables' now, not the teacher's
        elif ev.type in Drops.EVENTS:
            dropped = self.drops.event(ev)
            if dropped:
                self.open_paths(dropped)
        elif ev.type == pygame.CONTROLLERDEVICEADDED:
            with contextlib.suppress(pygame.error):  # a pad SDL cannot open is left out
                # opened as a game controller, else SDL sends no CONTROLLERBUTTONDOWN for it
                self._pads.append(controller.Controller(ev.device_index))
        elif ev.type == pygame.CONTROLLERBUTTONDOWN:
            action = pad_action(self.top.context, ev.button)
            if action is not None:
                self.post(action)
        elif ev.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resized()
        elif ev.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
        elif ev.type == pygame.WINDOWDISPLAYCHANGED:
            # the window moved to another screen: remember it for next time, if SDL says which
            self.settings.display = getattr(ev, "display_index", self.settings.display)
            self.resized()
            self.save_settings()
            self.check_displays()

    # --- tables with a device each -------------------------------------------------------

    def start_tables(self) -> Tables:
        """Tables with a controller or a buzzer each, for this lesson: SDL's joysticks start
        now (each device already plugged in then says hello with JOYDEVICEADDED)."""
        if self.tables is None:
            self.tables = Tables()
            with contextlib.suppress(pygame.error):
                pygame.joystick.init()
        return self.tables

    def stop_tables(self) -> None:
        self.tables = None
        self.devices.clear()

    def _table_event(self, ev: pygame.event.Event) -> None:
        assert self.tables is not None
        if ev.type == pygame.JOYDEVICEADDED:
            device = self.open_device(ev.device_index)
            if device is not None:
                self.devices[device.instance] = device
        elif ev.type == pygame.JOYDEVICEREMOVED:
            self.devices.pop(ev.instance_id, None)
            if self.tables.unplug(ev.instance_id):
                self.dirty = True
        elif ev.type == pygame.JOYBUTTONDOWN:
            device = self.devices.get(ev.instance_id)
            if device is not None:
                group, option = press(device.name, device.buttons, ev.button)
                self._table_press(Seat(device.instance, group), device.kind, option, device)

    def _keyboard_zone(self, ev: pygame.event.Event) -> bool:
        """A key of the shared keyboard's zones, on a screen where tables press: True if it
        was a table's (then it means nothing else)."""
        if self.tables is None or not self.settings.keyboard_zones:
            return False
        if table_press(self.top.screen) is None:
            return False
        zone = zone_press(getattr(ev, "scancode", 0), ev.mod)
        if zone is None:
            return False
        self._table_press(Seat(KEYBOARD, zone[0]), "keyboard", zone[1])
        return True

    def _table_press(
        self, seat: Seat, kind: str, option: int | None, device: Device | None = None
    ) -> None:
        assert self.tables is not None
        meaning = table_press(self.top.screen)
        if meaning is None:
            return
        known = self.tables.at(seat) is not None
        table = self.tables.join(seat, kind)  # a press anywhere it counts joins or rejoins
        if table is None:
            return
        if not known and device is not None:
            device.rumble()
        self.top.table_press(table, seat, option if meaning is TablePress.VOTE else None)
        self.dirty = True

    # --- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        if self.drawn is not None:
            self.drawn.clear()
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].overlay:
            start -= 1
        for layer, scene in enumerate(self.scenes[start:]):
            first = len(self.drawn) if self.drawn is not None else 0
            scene.draw(self.screen)
            self._layer(first, layer)
        if self.notice is not None:
            first = len(self.drawn) if self.drawn is not None else 0
            self._draw_notice(render_text(self.notice, self.interface))
            self._layer(first, len(self.scenes))
        if self.teacher_window is not None:
            self.teacher_window.draw()
        self.dirty = False

    def _layer(self, first: int, layer: int) -> None:
        """Say which scene drew the text boxes recorded from `first` on (for the layout tests)."""
        if self.drawn is not None:
            self.drawn[first:] = [dataclasses.replace(d, layer=layer) for d in self.drawn[first:]]

    def _draw_notice(self, text: str) -> None:
        """The notice on a band of its own across the bottom, over whatever the screen shows."""
        from max247.ui import theme as th
        from max247.ui.text import fit
        from max247.ui.widgets import Canvas

        t = self.theme
        width = t.width - 2 * t.margin
        fitted = fit(self.fonts, text, width, 10**6, t.small, t.small)
        pad = t.u(1.5)
        height = len(fitted.pages[0]) * fitted.line_height + 2 * pad
        band = pygame.Rect(0, t.height - height, t.width, height)
        pygame.draw.rect(self.screen, th.PAPER_DEEP, band)
        pygame.draw.line(self.screen, th.INK_SOFT, band.topleft, band.topright, max(1, t.u(0.3)))
        Canvas(self.screen, self.fonts, t, self.drawn).hint(text, t.height - pad)

    def step(self, now: float | None = None) -> bool:
        """Advance animations and draw if needed; return True while something moves."""
        self.now = time.monotonic() if now is None else now
        if self.touched:
            self.touched, self.last_input = False, self.now
        moving = self.top.update(self.now)
        if self.kiosk:  # after the screen's own clock, which may have ended the lesson
            self._kiosk_hold()
            moving = self.top.update(self.now) or moving
        if self.dirty or moving:
            self.animating = not self.dirty  # a scene may then redraw only what moves
            self.draw()
            self.animating = False
            if not self.headless:
                pygame.display.flip()
            if self.trace is not None:
                self._write_trace()
            self.read_aloud()
        return moving

    def _write_trace(self) -> None:
        line = self.top.trace_line() if self.scenes else ""
        if line != self._traced:
            self._traced = line
            with contextlib.suppress(OSError), self.trace.open("a", encoding="utf-8") as f:
                f.write(line + "\n")

    def run(self) -> int:
        try:
            return self._loop()
        finally:
            if self.speaker is not None:
                self.speaker.close()  # a line being said stops with the game
            pygame.quit()  # also on Ctrl+C or SIGTERM: the window closes, the display is freed

    def _loop(self) -> int:
        moving = True
        while self.running and self.scenes:
            if moving:
                pygame.time.wait(FRAME_MS)
                events = pygame.event.get()
            else:
                timeout = 250 if self.top.ticking() else IDLE_WAIT_MS
                first = pygame.event.wait(timeout)
                events = [first, *pygame.event.get()] if first.type != pygame.NOEVENT else []
                if self.top.ticking():
                    self.dirty = True
            for ev in events:
                self.event(ev)
            if self.watch is not None:
                self.watch()
            moving = self.step()
            if time.monotonic() - self._displays_checked >= 1.0:
                # no event says a projector was unplugged or plugged in: look once a second
                # (the first time after the first frame, which the teacher's window never delays)
                self._displays_checked = time.monotonic()
                self.check_displays()
            if self._directory is None:
                _ = self.directory  # after the first frame, not before it
        return 0

    def _kiosk_hold(self) -> None:
        """In kiosk mode the game ends only from the organiser's menu: a screen that would
        stop it (the goodbye after "Stop the lesson") leads back to the stand instead."""
        if not self.running and not self.closing:
            self.running = True
            self.reset("stand")
        self._kiosk_idle()


# a table's device: what it means is max247.input's TABLE_PRESSES, per screen
_TABLE_EVENTS = frozenset({pygame.JOYDEVICEADDED, pygame.JOYDEVICEREMOVED, pygame.JOYBUTTONDOWN})
_PAD_EVENTS = frozenset(
    {pygame.CONTROLLERDEVICEADDED, pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERDEVICEREMOVED}
)

_INPUT_EVENTS = frozenset(
    {
        pygame.KEYDOWN,
        pygame.MOUSEBUTTONDOWN,
        pygame.MOUSEWHEEL,
        pygame.FINGERDOWN,
        pygame.CONTROLLERBUTTONDOWN,
        pygame.JOYBUTTONDOWN,
        pygame.TEXTINPUT,
    }
)


def start(
    size: tuple[int, int] | None = None,
    kiosk: bool = False,
    autoplay: int | None = None,
    idle: float | None = None,
    first_frame: bool = False,
) -> int:
    """Start the game for a class: the title screen, with the unfinished lessons to resume.
    `first_frame` stops once the first frame is shown (the start-up benchmark)."""
    from max247 import firststart
    from max247.scenes.displays import DisplayQuestion
    from max247.scenes.title import TitleScene
    from max247.scenes.welcome import WelcomeScene

    first_start = not settings_path().exists()
    settings, note = load_settings()
    # the system's language and region are the welcome's guess; a second display is the
    # projector: full screen there, and asked once (until the welcome is answered, nothing is
    # saved, so both are asked again after a start that was left halfway)
    ask = first_start and firststart.first_start(settings, firststart.display_count())
    if kiosk:
        os.environ.setdefault("SDL_GRAB_KEYBOARD", "1")
        os.environ.setdefault("SDL_ALLOW_ALT_TAB_WHILE_GRABBED", "0")
    app = App(settings, size=size or (1280, 720), kiosk=kiosk)
    if note:
        app.notes.append(note)
    if kiosk:  # a stand keeps counts, never a lesson (see max247.stand)
        if idle is not None:
            app.idle_seconds = idle
        app.push("stand")
        return app.run()
    app.store = Store.open(paths.user_data(), app._)
    app.notes += app.store.notes
    app.push(TitleScene(app))
    if ask:
        app.push(DisplayQuestion(app))  # after the welcome, in the language chosen there
    if first_start and not kiosk:
        app.push(WelcomeScene(app))  # asks language and help region, with the guess preselected
    if first_frame:
        app.step()
        pygame.quit()
        return 0
    if autoplay is not None:  # scripted play for the crash test: see max247/autoplay.py
        from max247.autoplay import AutoPlayer

        app.watch = AutoPlayer(app, autoplay).tick
    return app.run()  # Ctrl+C ends in cli.run, with the conventional 130


def preview(which: str | None, start_at: str | None, language: str | None) -> int:
    """`max247 play FILE`: one scenario straight away, reloaded whenever its file is saved."""
    from max247.scenes.preview import Watcher

    settings, _ = load_settings()
    if language:
        settings.language = language
    app = App(settings)
    watcher = Watcher(app, which, start_at)
    if not watcher.begin():
        return 1
    app.watch = watcher.check
    return app.run()  # Ctrl+C ends in cli.run, with the conventional 130


if __name__ == "__main__":
    sys.exit(start())
