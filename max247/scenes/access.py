"""The accessibility menu (Shift+A, the title screen, the pause menu): text size, high contrast,
a reading font, calm motion and read aloud, each taking effect at once and kept between runs.

Ren'Py's accessibility menu is the model: one screen, every choice a button whose label says its
state in words ("High contrast: on"), so nothing depends on colour, and the clicker reaches all.
"""

from __future__ import annotations

import pygame

from max247.i18n import language_name
from max247.input import Action
from max247.scenes.base import Item, Menu
from max247.ui import theme as th


class AccessScene(Menu):
    screen = "access"

    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        s = app.settings

        # each label says its state in words, written out whole for the translators
        self.items = [
            Item(self.size_label, app.cycle_text_scale),
            Item(
                lambda: _("High contrast: on") if s.high_contrast else _("High contrast: off"),
                lambda: self.toggle("high_contrast"),
            ),
            Item(
                lambda: _("Reading font: on") if s.reading_font else _("Reading font: off"),
                lambda: self.toggle("reading_font"),
            ),
            Item(
                lambda: _("Calm motion: on") if s.reduced_motion else _("Calm motion: off"),
                lambda: self.toggle("reduced_motion"),
            ),
            Item(
                lambda: _("Read aloud: on") if s.read_aloud else _("Read aloud: off"),
                lambda: self.toggle("read_aloud"),
            ),
            Item(lambda: _("Back"), self.close, primary=True),
        ]

    def size_label(self) -> str:
        _ = self.app._
        asked = self.app.settings.text_scale
        shown = self.app.theme.text_scale
        if shown < asked:  # this window's shape has no room for the step: say so
            return _("Text size: {percent}% (here at most {cap}%)").format(
                percent=round(asked * 100), cap=round(shown * 100)
            )
        return _("Text size: {percent}%").format(percent=round(asked * 100))

    def toggle(self, name: str) -> None:
        setattr(self.app.settings, name, not getattr(self.app.settings, name))
        self.app.apply_access()
        self.app.save_settings()

    def close(self) -> None:
        self.dismiss()

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.BACK, Action.ACCESS):
            self.close()  # Escape (the clicker's start button) leaves, as the pause menu does
        else:
            super().handle(action)

    def note(self) -> str:
        """What the menu says under its buttons: which voices read aloud, and the keys."""
        _ = self.app._
        keys = _("Shift+A opens this menu on every screen; Shift+R reads the text aloud again.")
        if not self.app.settings.read_aloud:
            return keys
        voices = self.app.voices()
        if not voices:
            return _("This computer has no voice to read aloud: the game stays silent.") + (
                "\n" + keys
            )
        said = _("Voices on this computer: {languages}.").format(
            languages=", ".join(language_name(v) for v in voices)
        )
        if self.app.settings.language not in voices:
            said += " " + _("None for the class's language: the game stays silent.")
        return said + "\n" + keys

    def read_aloud(self) -> list[str]:
        """The ringed setting, as the class moves through the menu."""
        return [self.items[self.index].label()] if 0 <= self.index < len(self.items) else []

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.background(surface)
        note = self.note()
        note_h = c.block_height(note, t.width - 2 * t.margin, t.small)
        full = round(t.body * 2.2)
        gap = t.u(1.5)
        head_h, title, below = round(t.title * 1.6), t.title, t.u(5)
        wanted = t.u(2) + head_h + t.u(1) + len(self.items) * (full + gap)
        if wanted > t.height - below - note_h - t.u(1):
            # large text on a small screen: the options' words get the room before the
            # heading's size and the empty band under the note
            head_h, title, below = c.line_height(t.body, "bold") + t.u(1), t.body, t.u(2)
            gap = t.u(1)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, head_h)
        c.text(
            self.app._("Accessibility"),
            head,
            th.INK,
            size=title,
            style="bold",
            align="center",
            valign="center",
        )
        bottom = t.height - below - note_h - t.u(1)
        w = min(t.width - 2 * t.margin, t.u(110))
        y = head.bottom + t.u(1)
        h = min(full, (bottom - y) // len(self.items) - gap)
        for i, item in enumerate(self.items):
            rect = pygame.Rect(0, 0, w, h)
            rect.midtop = (t.width // 2, y)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
            y += h + gap
        c.hint(note, t.height - below)
