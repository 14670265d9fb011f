"""Saved lessons in the game: resume one at the same beat, list the unfinished ones, name a
lesson, print its summary or Max cards, and tell the teacher something once (a story changed
since, a page was written).
"""

from __future__ import annotations

from functools import partial

import pygame

from max247.input import Action
from max247.scenes.base import Item, Menu, MenuOverlay
from max247.scenes.lessons import lesson_label, resume
from max247.store import Listed
from max247.ui import draw
from max247.ui import theme as th


class SessionsScene(Menu):
    """Every unfinished lesson, the most recent first; picking one resumes it."""

    screen = "sessions"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.lessons = app.store.sessions(unfinished=True)
        self.items = [
            Item(partial(lesson_label, app, x), partial(resume, app, x.id)) for x in self.lessons
        ]
        self.items.append(Item(lambda: app._("Back"), self.back))

    def back(self) -> None:
        self.app.pop()

    def detail(self, listed: Listed) -> str:
        scenarios = self.app.library.scenarios
        names = [
            self.app.text(scenarios[i], scenarios[i].characters[scenarios[i].character].name)
            if i in scenarios
            else i
            for i in listed.characters
        ]
        decided = self.app.ngettext("{n} decision", "{n} decisions", listed.decisions).format(
            n=listed.decisions
        )
        return " · ".join([", ".join(names), decided])

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.background(surface)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.title + t.u(1))
        c.text(self.app._("Unfinished lessons"), head, th.INK, size=t.title, style="bold")
        gap = t.u(1)
        row_h = c.line_height(t.body, "bold") + c.line_height(t.small) + t.u(2)
        top = head.bottom + t.u(1)
        bottom = t.height - t.u(5)
        room = max(1, (bottom - top + gap) // (row_h + gap))
        n = len(self.items)
        first = min(max(0, self.index - room + 1), max(0, n - room))
        for item in self.items:
            item.rect = None
        for k, i in enumerate(range(first, min(n, first + room))):
            rect = pygame.Rect(t.margin, top + k * (row_h + gap), t.width - 2 * t.margin, row_h)
            self.items[i].rect = rect
            if i == n - 1:
                c.button(self.items[i].label(), rect, i == self.index)
                continue
            draw.panel(surface, rect, th.WHITE, t.radius, shadow=t.u(0.5))
            if i == self.index:
                c.highlight(rect)
            inner = rect.inflate(-t.u(3), -t.u(1))
            bold = c.line_height(t.body, "bold")
            c.text(
                self.items[i].label(),
                pygame.Rect(inner.x, inner.y, inner.w, bold),
                th.INK,
                style="bold",
                min_size=t.small,
            )
            c.text(
                self.detail(self.lessons[i]),
                pygame.Rect(inner.x, inner.y + bold, inner.w, inner.h - bold),
                th.INK_SOFT,
                size=t.small,
                min_size=t.floor,
            )


class NoticeOverlay(MenuOverlay):
    """A message the teacher reads once and closes: a changed story, a page written."""

    screen = "session-notice"

    def __init__(self, app, message: str) -> None:
        super().__init__(app)
        self.message = message
        self.items = [Item(lambda: app._("OK"), self.app.pop, primary=True)]

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.BACK, Action.NEXT):
            self.app.pop()
        else:
            super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.veil(surface)
        w = min(t.width - 2 * t.margin, t.u(110))
        bh = round(t.body * 2.2)
        text_h = min(c.block_height(self.message, w - t.u(6)), t.height - bh - t.u(16))
        panel = pygame.Rect(0, 0, w, text_h + bh + t.u(9))
        panel.center = (t.width // 2, t.height // 2)
        draw.panel(surface, panel, th.PAPER, t.radius, shadow=t.u(1))
        box = pygame.Rect(panel.x + t.u(3), panel.y + t.u(3), w - t.u(6), text_h)
        c.text(self.message, box, th.INK, min_size=t.floor)
        rect = pygame.Rect(0, 0, min(w - t.u(6), t.u(40)), bh)
        rect.midbottom = (panel.centerx, panel.bottom - t.u(3))
        self.items[0].rect = rect
        c.button(self.items[0].label(), rect, True, True)


class NameOverlay(MenuOverlay):
    """The lesson's name, typed by the teacher; the field itself says: never a child's name."""

    screen = "session-name"

    typing = True  # the app gives this scene the keyboard's text, not the key map

    def __init__(self, app, name: str) -> None:
        super().__init__(app)
        self.name = name
        self.items = [
            Item(lambda: app._("OK"), self.ok, primary=True),
            Item(lambda: app._("Cancel"), self.cancel),
        ]

    def entered(self) -> None:
        pygame.key.start_text_input()

    def ok(self) -> None:
        name = " ".join(self.name.split())
        if name:
            pygame.key.stop_text_input()
            self.dismiss(name)  # the screen that asked takes the name (its on_dismiss)

    def cancel(self) -> None:
        pygame.key.stop_text_input()
        self.dismiss(None)

    def type(self, ev: pygame.event.Event) -> None:
        """A key or a typed text, while the field has the keyboard."""
        if ev.type == pygame.TEXTINPUT:
            self.name = (self.name + ev.text)[:60]
        elif ev.key == pygame.K_BACKSPACE:
            self.name = self.name[:-1]
        elif ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.ok()
        elif ev.key == pygame.K_ESCAPE:
            self.cancel()
        elif ev.key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.index = (self.index + 1) % len(self.items)
        elif ev.key in (pygame.K_UP, pygame.K_PAGEUP):
            self.index = (self.index - 1) % len(self.items)
        elif ev.key == pygame.K_F5:
            self.items[self.index].run()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.veil(surface)
        w = min(t.width - 2 * t.margin, t.u(110))
        inner_w = w - t.u(6)
        bh = round(t.body * 2.2)
        hint = _("For example “6B Tuesday”. Never use a child's name.")
        title_h = c.block_height(_("A name for this lesson"), inner_w, t.title, "bold")
        hint_h = c.block_height(hint, inner_w, t.small)
        field_h = round(t.body * 2)
        h = t.u(3) + title_h + t.u(1) + field_h + t.u(1) + hint_h + t.u(2) + bh + t.u(3)
        panel = pygame.Rect(0, 0, w, h)
        panel.center = (t.width // 2, t.height // 2)
        draw.panel(surface, panel, th.PAPER, t.radius, shadow=t.u(1))
        x, y = panel.x + t.u(3), panel.y + t.u(3)
        y += c.block(_("A name for this lesson"), x, y, inner_w, size=t.title, style="bold")
        field = pygame.Rect(x, y + t.u(1), inner_w, field_h)
        pygame.draw.rect(surface, th.WHITE, field, border_radius=t.u(0.8))
        pygame.draw.rect(surface, th.ACCENT, field, max(2, t.u(0.3)), border_radius=t.u(0.8))
        c.text(
            self.name + "|",
            field.inflate(-t.u(2), 0),
            th.INK,
            valign="center",
            min_size=t.small,
        )
        y = field.bottom + t.u(1)
        y += c.block(hint, x, y, inner_w, th.INK_SOFT, size=t.small)
        bw = (inner_w - t.u(2)) // 2
        for i, item in enumerate(self.items):
            rect = pygame.Rect(x + i * (bw + t.u(2)), y + t.u(2), bw, bh)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)


class PrintOverlay(MenuOverlay):
    """What the closing screen prints: the lesson's summary, or a sheet of Max cards."""

    screen = "print"

    def __init__(self, app) -> None:
        from max247.printouts.game import print_cards, print_summary

        super().__init__(app)
        _ = app._
        self.items = [
            Item(lambda: _("Print the summary"), lambda: self.then(print_summary), primary=True),
            Item(lambda: _("Print Max cards"), lambda: self.then(print_cards)),
            Item(lambda: _("Back"), self.app.pop),
        ]

    def then(self, action) -> None:
        self.app.pop()
        action(self.app)

    def title(self) -> str:
        return self.app._("Print…")

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.BACK):
            self.app.pop()
        else:
            super().handle(action)
