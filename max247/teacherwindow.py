"""The teacher's own window on the laptop while the projector shows the class's screen.

It opens only when it cannot be projected: the game is full screen on one display and another
display exists (Windows' "Extend"); the window goes on that other display. With one display or
a mirrored one ("Duplicate"), nothing opens and the teacher overlay (F2) serves. When a window
moves onto the projector's display, or the projector goes away, the teacher's window closes at
once and the lesson goes on with the overlay: the class never sees a teacher's note.

Keys pressed in this window reach the game exactly as keys pressed on the projector's (the app
reads them through max247.input, whichever window had them); a click on a button acts, then
gives the keyboard back to the projector, where the clicker's keys go.
"""

from __future__ import annotations

import contextlib
import warnings

import pygame

from max247.scenes.scene import Host

# SDL_WINDOWPOS_CENTERED_DISPLAY(n): centred on display n (pygame has only display 0's).
CENTRED_ON = 0x2FFF0000
# the keyboard and pointer events of the teacher's window that the app reads as its own
SHARED_INPUT = frozenset({pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING})


def projector_display(app: Host) -> int | None:
    """The display the class's screen fills, or None when nothing is projected privately (a
    window, not full screen; a single or mirrored display; a test without a window)."""
    if app.headless or app.kiosk or not app.settings.fullscreen:
        return None
    count = display_count()
    if count < 2:
        return None
    return app.settings.display if app.settings.display < count else 0


def display_count() -> int:
    try:
        return pygame.display.get_num_displays()
    except pygame.error:
        return 1


class TeacherWindow:
    """A window of its own with the teacher's screen, or (in tests and screenshots) a surface
    of a given size standing in for it."""

    def __init__(
        self,
        app: Host,
        window: pygame.Window | None = None,
        display: int = 0,
        size: tuple[int, int] = (1280, 800),
    ) -> None:
        # the screen's words come with the help directory and the story model: imported when
        # the window opens, never before the class's first frame
        from max247.scenes.teacherscreen import TeacherScreen

        self.app = app
        self.window = window
        self.display = display
        self.screen = TeacherScreen(app)
        self.surface = pygame.Surface(size) if window is None else None

    @classmethod
    def open(cls, app: Host, projector: int) -> TeacherWindow | None:
        """The teacher's window on the first display that is not the projector's; None if the
        system will not make one (the lesson goes on with the overlay)."""
        laptop = next(i for i in range(display_count()) if i != projector)
        try:
            w, h = pygame.display.get_desktop_sizes()[laptop]
            size = (max(640, w * 9 // 10), max(480, h * 9 // 10))
            window = pygame.Window(
                app._("Max 24/7: the teacher's screen"),
                size,
                position=(CENTRED_ON | laptop, CENTRED_ON | laptop),
                resizable=True,
            )
        except (pygame.error, IndexError, ValueError):
            return None
        opened = cls(app, window, laptop)
        focus_projector()  # the clicker's keys go to the class's screen, as before
        return opened

    def close(self) -> None:
        if self.window is not None:
            with contextlib.suppress(pygame.error):
                self.window.destroy()
            self.window = None

    # --- events ----------------------------------------------------------------------------

    def owns(self, ev: pygame.event.Event) -> bool:
        """Whether an event happened in this window (keys excepted: they act on the lesson
        wherever they are pressed, so the app reads them as its own)."""
        if self.window is None or ev.type in SHARED_INPUT:
            return False
        window = getattr(ev, "window", None)
        return window is not None and getattr(window, "id", None) == self.window.id

    def event(self, ev: pygame.event.Event) -> str | None:
        """Handle an event of this window; "close" when the window must go."""
        if ev.type == pygame.WINDOWCLOSE:
            return "close"
        if ev.type == pygame.WINDOWDISPLAYCHANGED:
            self.display = getattr(ev, "display_index", self.display)
            return "check"
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1 and self.screen.click(ev.pos):
            focus_projector()
        if ev.type != pygame.MOUSEMOTION:
            self.app.dirty = True  # clicked, exposed, resized, restored: drawn again
        return None

    def attention(self) -> None:
        """F2 with the teacher's window open: the notes are there, never on the projector;
        the window's taskbar button flashes to say where."""
        if self.window is not None:
            with contextlib.suppress(pygame.error, AttributeError):
                self.window.flash(pygame.FLASH_BRIEFLY)

    # --- drawing ---------------------------------------------------------------------------

    def target(self) -> pygame.Surface | None:
        if self.window is None:
            return self.surface
        with contextlib.suppress(pygame.error):
            return self.window.get_surface()
        return None

    def draw(self) -> None:
        surface = self.target()
        if surface is None:
            return
        self.screen.draw(surface)
        if self.window is not None:
            with contextlib.suppress(pygame.error):
                self.window.flip()


def focus_projector() -> None:
    """Give the keyboard back to the class's window, where the clicker's keys are expected."""
    # pygame-ce warns that drawing through this object is going away; focusing is all we do
    with warnings.catch_warnings(), contextlib.suppress(pygame.error):
        warnings.simplefilter("ignore", DeprecationWarning)
        pygame.Window.from_display_module().focus()
