"""The title screen: the game's name, the class's language and region, start or continue."""

from __future__ import annotations

import pygame

from max247.i18n import language_name
from max247.scenes.base import Item, Menu
from max247.scenes.lessons import lesson_label, resume
from max247.story.findings import render_text
from max247.story.model import LANGUAGES
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.helpwords import REGIONS, region_name


class TitleScene(Menu):
    screen = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.unfinished = app.store.sessions(unfinished=True)
        self.build()

    def build(self) -> None:
        _ = self.app._
        s = self.app.settings
        self.items = [
            Item(
                lambda: _("Language: {name}").format(name=language_name(s.language)),
                self.next_language,
            ),
            Item(
                lambda: _("Help cards for: {region}").format(
                    region=region_name(s.region, s.language, _("another country"))
                ),
                self.next_region,
            ),
        ]
        # the lesson played last resumes with one press; the others are one screen away
        if self.unfinished:
            last = self.unfinished[0]
            self.items.append(
                Item(lambda: lesson_label(self.app, last), lambda: self.resume(last.id), True)
            )
        if len(self.unfinished) > 1:
            self.items.append(
                Item(
                    lambda: _("Other unfinished lessons ({n})").format(n=len(self.unfinished) - 1),
                    self.others,
                )
            )
        self.items.append(Item(lambda: _("New lesson"), self.start, primary=not self.unfinished))
        self.index = 2 if self.unfinished else len(self.items) - 1
        # last, so the ring and the keys that lead to "New lesson" stay as they were: a
        # teacher's own story, written in any editor, checked and played without a terminal
        self.items.append(Item(lambda: _("Open a story"), lambda: self.app.push("open")))
        # last of all: the title draws it in its top corner, out of the menu's column
        self.items.append(Item(lambda: _("Accessibility"), lambda: self.app.push("access")))

    def next_language(self) -> None:
        langs = list(LANGUAGES)
        lang = self.app.settings.language
        self.app.set_language(
            langs[(langs.index(lang) + 1) % len(langs)] if lang in langs else "nl"
        )

    def next_region(self) -> None:
        r = self.app.settings.region
        self.app.settings.region = (
            REGIONS[(REGIONS.index(r) + 1) % len(REGIONS)] if r in REGIONS else "be"
        )
        self.app.save_settings()

    def start(self) -> None:
        self.app.push("setup")

    def resume(self, session_id: int) -> None:
        resume(self.app, session_id)

    def others(self) -> None:
        self.app.push("sessions")

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.background(surface)
        _ = self.app._
        # the three circles of help behind the title: friends, your Max, professional help
        r = t.u(22)
        centre = (t.width // 2, t.u(27))
        draw.circles(
            surface,
            centre,
            r,
            (
                th.mix(th.ACCENT, th.PAPER, 0.85),
                th.mix(th.WARM, th.PAPER, 0.7),
                th.mix(th.MOOD_COLOURS[4], th.PAPER, 0.6),
            ),
        )
        draw.heart(surface, (centre[0], centre[1] - t.u(9)), t.u(4), (220, 70, 90))
        title = pygame.Rect(0, 0, t.width - 2 * t.margin, t.huge * 2)
        title.center = (centre[0], centre[1] + t.u(1))
        c.text(
            "Max 24/7", title, th.INK, size=t.huge, style="bold", align="center", valign="center"
        )
        tag = pygame.Rect(t.margin, centre[1] + t.u(9), t.width - 2 * t.margin, t.body * 2)
        c.text(
            _("Together we help everyone find someone they trust."),
            tag,
            th.INK_SOFT,
            align="center",
        )
        # the menu
        w = min(t.width - 2 * t.margin, t.u(90))
        y = t.u(56)
        gap = t.u(2)
        column = self.items[:-1]  # the last, "Accessibility", sits in the top corner
        # a button is never lower than a line of its smallest text: with many items the menu
        # starts higher, over the circles' faded edge, rather than spill its words
        lowest = c.line_height(t.min_body, "bold") + t.u(1)
        y = min(y, t.height - t.u(5) - len(column) * (lowest + gap))
        h = min(round(t.body * 2.2), (t.height - t.u(5) - y) // len(column) - gap)
        for i, item in enumerate(column):
            rect = pygame.Rect(0, 0, w, h)
            rect.midtop = (t.width // 2, y)
            item.rect = rect
            c.button(item.label(), rect, i == self.index, item.primary)
            y += h + gap
        # in the corner, as wide as its word: the menu's column keeps its room at every size
        access = self.items[-1]
        label = access.label()
        aw = self.app.fonts.width(label, t.min_body, "bold") + 2 * t.u(3)
        ah = c.line_height(t.min_body, "bold") + t.u(1.5)
        access.rect = pygame.Rect(t.width - t.margin - aw, t.u(2.5), aw, ah)
        c.button(label, access.rect, self.index == len(self.items) - 1)
        for note in self.app.notes[-1:]:
            if note is not self.app.notice:  # the app says a fresh notice itself
                c.hint(render_text(note, self.app.interface), t.height - t.u(0.5))
