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

    def menu_rects(self, room: int, bottom: int) -> list[pygame.Rect]:
        """The menu's buttons ending at `bottom` in at most `room` of height: one column, or two
        side by side on a wide screen where one column would shrink the labels (the ring goes
        down the first column, then the second); whichever keeps the labels biggest."""
        t = self.app.theme
        c_items = self.items[:-1]
        n = len(c_items)
        gap = t.u(2)
        lowest = self.app.fonts.line_height(t.min_body, "bold") + t.u(1)
        best: tuple[int, list[pygame.Rect]] | None = None
        for cols in (1, 2):
            rows = -(-n // cols)
            w = min(
                (t.width - 2 * t.margin - (cols - 1) * gap) // cols, t.u(90 if cols == 1 else 80)
            )
            h = max(lowest, min(round(t.body * 2.2), room // rows - gap))
            size = min(self.label_size(i.label(), w - 2 * t.u(2), h) for i in c_items)
            top = bottom - rows * (h + gap) + gap
            left = (t.width - cols * w - (cols - 1) * gap) // 2
            rects = [
                pygame.Rect(left + (k // rows) * (w + gap), top + (k % rows) * (h + gap), w, h)
                for k in range(n)
            ]
            if best is None or size > best[0]:
                best = (size, rects)
        assert best is not None
        return best[1]

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.background(surface)
        _ = self.app._
        # in the corner, as wide as its word: the menu's column keeps its room at every size
        access = self.items[-1]
        label = access.label()
        aw = self.app.fonts.width(label, t.min_body, "bold") + 2 * t.u(3)
        ah = c.line_height(t.min_body, "bold") + t.u(1.5)
        access.rect = pygame.Rect(t.width - t.margin - aw, t.u(2.5), aw, ah)
        # measured from the bottom up: the menu, the tagline, and the name in what is left
        width = t.width - 2 * t.margin
        tagline = _("Together we help everyone find someone they trust.")
        tag_size = self.label_size(tagline, width, c.line_height(t.body), "regular")
        tag_h = c.block_height(tagline, width, tag_size)
        name_h = c.line_height(t.title, "bold")  # the name is never smaller than a heading
        bottom = t.height - t.u(5)
        column = self.items[:-1]  # the last, "Accessibility", sits in the top corner
        rects = self.menu_rects(bottom - (access.rect.bottom + name_h + tag_h + t.u(2)), bottom)
        menu_top = min(r.top for r in rects)
        tag_y = menu_top - t.u(1.5) - tag_h
        name_box = pygame.Rect(t.margin, access.rect.bottom, width, tag_y - access.rect.bottom)
        # the three circles of help behind the title: friends, your Max, professional help
        r = min(t.u(22), max(t.u(8), (menu_top - t.u(1)) // 2))
        centre = (t.width // 2, min(t.u(27), menu_top - r))
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
        draw.heart(
            surface, (centre[0], centre[1] - r * 9 // 22), max(2, r * 4 // 22), (220, 70, 90)
        )
        c.text(
            "Max 24/7",
            name_box,
            th.INK,
            size=t.huge,
            min_size=t.title,
            style="bold",
            align="center",
            valign="center",
        )
        c.block(
            tagline, t.margin, tag_y, width, th.INK_SOFT, tag_size, "regular", "center", tag_size
        )
        for i, (item, rect) in enumerate(zip(column, rects, strict=True)):
            item.rect = rect
            self.button(c, item.label(), rect, i == self.index, item.primary)
        self.button(c, label, access.rect, self.index == len(self.items) - 1)

        for note in self.app.notes[-1:]:
            if note is not self.app.notice:  # the app says a fresh notice itself
                c.hint(render_text(note, self.app.interface), t.height - t.u(0.5))
