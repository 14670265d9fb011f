"""Overlays: pause, the blank screen (the safe exit for an upset child), the teacher view.

A stray Escape never loses progress: it opens the pause overlay, and Escape closes it again.
The blank screen comes at once (B or '.'); from it, "leave this story" goes back to the board
with the story kept as it was.
"""

from __future__ import annotations

import pygame

from max247.i18n import language_name, next_language
from max247.input import Action
from max247.scenes.base import Item, Menu, MenuOverlay
from max247.ui import theme as th


class PauseOverlay(MenuOverlay):
    screen = "pause"

    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        self.items = [
            Item(lambda: _("Resume"), self.resume, primary=True),
            Item(
                lambda: _("Language: {name}").format(name=language_name(app.settings.language)),
                self.language,
            ),
            Item(
                lambda: (
                    # a step this window's shape has no room for is said, as the access menu does
                    _("Text size: {percent}% (here at most {cap}%)").format(
                        percent=round(app.settings.text_scale * 100),
                        cap=round(app.theme.text_scale * 100),
                    )
                    if app.theme.text_scale < app.settings.text_scale
                    else _("Text size: {percent}%").format(
                        percent=round(app.settings.text_scale * 100)
                    )
                ),
                app.cycle_text_scale,
            ),
            Item(lambda: _("Keys and clicker"), self.keys),
            Item(lambda: _("Accessibility"), lambda: app.replace("access")),
            Item(lambda: _("Stop the lesson"), self.quit),
        ]
        # what the screens under the menu offer (the timer, undo): the clicker reaches them here
        for scene in reversed(app.scenes):
            for item in reversed(getattr(scene, "lesson_actions", list)()):
                self.items.insert(1, Item(item.label, self.then(item.run)))
        if app.settings.read_aloud:  # the clicker's way to hear the text again (Shift+R)
            self.items.insert(1, Item(lambda: _("Read it aloud again"), self.then(app.repeat)))
        if app.session is not None and app.find("story") is not None:
            self.items.insert(
                1, Item(lambda: _("Back to the board (the story is kept)"), self.board)
            )
        elif app.session is not None and app.find("board") is None:
            self.items.insert(1, Item(lambda: _("Back to the board"), self.board))

    def title(self) -> str:
        return self.app._("Paused")

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.BACK):
            self.resume()  # the start button's next press, or Escape again, resumes
        else:
            super().handle(action)

    def resume(self) -> None:
        self.app.pop()

    def then(self, run):
        """An action of the screen below: the menu closes first, then it runs."""

        def resume_and_run() -> None:
            self.app.pop()
            run()

        return resume_and_run

    def keys(self) -> None:
        self.app.replace("keys")

    def language(self) -> None:
        self.app.set_language(next_language(self.app.settings.language))

    def board(self) -> None:
        self.app.reset("board")

    def quit(self) -> None:
        self.app.push("confirm-quit")


class ConfirmQuit(MenuOverlay):
    screen = "confirm-quit"

    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        self.items = [
            Item(lambda: _("No, go on playing"), self.app.pop, primary=True),
            Item(lambda: _("Yes, stop (the lesson is saved)"), self.quit),
        ]

    def title(self) -> str:
        return self.app._("Stop the lesson?")

    def quit(self) -> None:
        self.app.save_session()
        self.app.reset("goodbye")


class BlankScreen(Menu):
    """The screen goes calm and dark at once; timers pause while it is up."""

    screen = "blank"

    overlay = False

    def __init__(self, app) -> None:
        super().__init__(app)
        _ = app._
        self.items = [Item(lambda: _("Come back"), self.app.pop, primary=True)]
        if app.find("story") is not None:
            self.items.append(Item(lambda: _("Leave this story"), self.leave))
        for scene in app.scenes:  # discussion timers stop while the screen is blank
            if getattr(scene, "running_since", None) is not None:
                scene.remaining, scene.running_since = scene.left(), None

    def handle(self, action: Action) -> None:
        if action is Action.BLANK:
            self.app.pop()
        elif action in (Action.PAUSE, Action.TEACHER, Action.KEYS):
            # nothing opens over the blank screen: with one display the teacher's notes (and
            # the disclosure steps) would be on the projector; the teacher's window has them
            return
        else:
            super().handle(action)

    def leave(self) -> None:
        self.app.reset("board")

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        surface.fill(th.BLANK)
        bh = round(t.body * 2)
        w = min(t.width - 2 * t.margin, t.u(70))
        y = t.height - t.u(6) - len(self.items) * (bh + t.u(1.5))
        for i, item in enumerate(self.items):
            rect = pygame.Rect(0, 0, w, bh)
            rect.midtop = (t.width // 2, y)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
            y += bh + t.u(1.5)


class TeacherOverlay(Menu):
    """For the teacher's eyes, on request only (F2, or "For the teacher" on the briefing): the
    content warning, notes, questions, where adults get advice, the keys."""

    screen = "teacher"

    overlay = True

    def __init__(self, app, scenario=None) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.items = [Item(lambda: app._("Close"), self.app.pop, primary=True)]
        if app.session is not None:  # the summary so far, at any time of the lesson
            from max247.printouts.game import print_summary

            self.items.append(Item(lambda: app._("Print the summary"), lambda: print_summary(app)))
        # issue 20: the class's accessibility menu from the teacher's screen too
        self.items.append(Item(lambda: app._("Accessibility"), lambda: app.replace("access")))
        self.page = 0
        self.pages = 1

    def entered(self) -> None:
        if self.app.teacher_window is not None:
            # the teacher has a screen of their own: the notes are there, never projected
            self.app.teacher_window.attention()
            self.dismiss()

    def handle(self, action: Action) -> None:
        if action in (Action.TEACHER, Action.PAUSE, Action.BACK):
            self.app.pop()
        elif action is Action.DOWN and self.pages > 1:
            self.page = (self.page + 1) % self.pages  # long notes are paged, never cut
        elif action is Action.UP and self.pages > 1:
            self.page = (self.page - 1) % self.pages
        else:  # the arrows left and right (and the clicker, on one page) move the ring
            super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        surface.fill(th.PAPER)
        # the same words as the teacher's own window: one source, scenes/teacherview.py
        # (imported here: it brings the help directory, which the first frame does without)
        from max247.scenes.teacherview import teacher_view

        view = teacher_view(self.app, self.scenario)
        parts = [f"{s.heading}\n{s.body}" for s in view.sections]
        if view.timer:
            parts.insert(0, view.timer)
        parts.append(
            _(
                "Keys: Space or PageDown next · PageUp back · 1-4 choose · T timer · "
                "B blank screen · Esc pause · F11 full screen · F3 text size · F1 all keys"
            )
        )
        bh = round(t.body * 2)
        box = pygame.Rect(t.margin, t.u(3), t.width - 2 * t.margin, t.height - t.u(8) - bh)
        fitted = c.text("\n\n".join(parts), box, th.INK, page=self.page, pageable=True)
        self.pages = len(fitted.pages)
        gap = t.u(2)
        n = len(self.items)
        room = t.width - 2 * t.margin - (n - 1) * gap
        # equal buttons where every label fits; else each as wide as its label needs, so a long
        # one ("Samenvatting afdrukken") takes the room a short one ("Sluiten") leaves; with
        # too little room for all, shared in that proportion (the labels shrink alike)
        need = [
            self.app.fonts.width(item.label(), t.body, "bold") + 2 * t.u(2) + t.u(1)
            for item in self.items
        ]
        widths = [max(w, min(t.u(50), room // n)) for w in need]
        if sum(widths) > room:
            total = sum(need)
            widths = need if total <= room else [room * w // total for w in need]
        x = (t.width - sum(widths) - (n - 1) * gap) // 2
        for i, (item, w) in enumerate(zip(self.items, widths, strict=True)):
            item.rect = pygame.Rect(x, t.height - t.u(3) - bh, w, bh)
            c.button(item.label(), item.rect, i == self.index, item.primary)
            x += w + gap
