"""Drive the game without a window: for tests, screenshots and benchmarks.

Like Textual's pilot, it posts actions (or real key and mouse events) to the app and steps it;
time is simulated, so typing indicators and transitions finish at once and runs repeat exactly.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from max247.app import App
from max247.input import Action
from max247.scenes.scene import Scene
from max247.session import Session
from max247.settings import Settings
from max247.teacherwindow import TeacherWindow
from max247.ui.widgets import Drawn


class Pilot:
    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        language: str = "en",
        region: str = "be",
        text_scale: float = 1.0,
        kiosk: bool = False,
        high_contrast: bool = False,
        reading_font: bool = False,
    ) -> None:
        settings = Settings(
            language=language,
            region=region,
            text_scale=text_scale,
            high_contrast=high_contrast,
            reading_font=reading_font,
        )
        self.app = App(settings, size=size, headless=True, kiosk=kiosk)
        self.time = 1000.0
        self.app.drawn = []
        self.drawn: list[Drawn] = self.app.drawn
        self.teacher_drawn: list[Drawn] = []

    @property
    def top(self) -> Scene:
        return self.app.top

    def start(self, scene: Scene) -> Pilot:
        self.app.reset(scene)
        return self.step()

    def lesson(self, *scenario_ids: str) -> Pilot:
        """A session with these characters, on the board."""
        from max247.scenes.board import BoardScene

        scenarios = [self.app.library.scenarios[i] for i in scenario_ids]
        self.app.session = Session.new(
            scenarios, self.app.settings.language, self.app.settings.region
        )
        return self.start(BoardScene(self.app))

    def step(self) -> Pilot:
        self.time += 5.0  # long enough for every animation to finish
        self.app.dirty = True
        self.app.step(self.time)
        return self

    def press(self, *actions: Action) -> Pilot:
        for action in actions:
            self.app.post(action)
            self.step()
        return self

    def key(self, *keys: int, mod: int = 0) -> Pilot:
        for key in keys:
            self.app.event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod))
            self.step()
        return self

    def queue(self, *events: pygame.event.Event) -> Pilot:
        """Events through pygame's own queue, read as the game's loop reads them (joystick
        events from devices that are not there, for instance), then a step."""
        for ev in events:
            pygame.event.post(ev)
        for ev in pygame.event.get():
            self.app.event(ev)
        return self.step()

    def click(self, pos: tuple[int, int]) -> Pilot:
        self.app.event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
        return self.step()

    def teacher(self, size: tuple[int, int] = (1280, 800)) -> TeacherWindow:
        """The teacher's own screen, on a surface of `size` standing in for its window (as
        with two displays); its text boxes are recorded in `teacher_drawn`."""
        window = TeacherWindow(self.app, None, size=size)
        window.screen.drawn = self.teacher_drawn
        self.app.teacher_window = window
        if self.app.scenes:
            self.step()
        return window

    def drop(self, *paths: object) -> Pilot:
        """Drop files or folders on the window: the drop events go through SDL's own queue,
        as a file manager's would, and the app reads them from there."""
        pygame.event.post(pygame.event.Event(pygame.DROPBEGIN))
        for path in paths:
            pygame.event.post(pygame.event.Event(pygame.DROPFILE, file=str(path)))
        pygame.event.post(pygame.event.Event(pygame.DROPCOMPLETE))
        for ev in pygame.event.get((pygame.DROPBEGIN, pygame.DROPFILE, pygame.DROPCOMPLETE)):
            self.app.event(ev)
        return self.step()

    def screenshot(self, path) -> None:
        self.step()
        pygame.image.save(self.app.screen, str(path))
