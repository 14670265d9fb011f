"""Session setup: the teacher picks this lesson's characters, filtered by age band and theme,
with their total minutes against the lesson's length. Stories not fully translated into the
class's language are marked.

The ring starts on the first story, not on a filter, so a stray Enter never changes a filter; a
ticked story stays listed whatever the filters say, so nothing chosen is hidden; the list keeps
its own scroll position, which the wheel moves and the pointer never does (a list that jumped
back under the pointer made a click tick another story).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pygame

from max247.i18n import language_name
from max247.player.votes import Mode, mode_name
from max247.scenes.base import Item, Menu
from max247.scenes.lessons import default_name
from max247.session import Session
from max247.story.cache import Summary
from max247.story.model import LANGUAGES, THEMES
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import ellipsize

AGE_BANDS = ("", "10-12", "12-15")
FILTERS = 3  # ages, language, theme: the first items, on one row
FOOTER = 4  # the lesson's name, its length, how the class decides, start: on one row
LESSON_LENGTHS = (50, 100, 150, 200)


class SetupScene(Menu):
    screen = "setup"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.ages = ""
        self.theme = ""
        self.chosen: list[str] = []
        self.name = default_name(app)  # the teacher may type their own: "6B Tuesday"
        self.first = 0  # the first story row on screen
        self.follow = True  # the scroll follows the ring (keys), not after the wheel moved it
        self.build()
        self.index = FILTERS if len(self.items) > FILTERS + FOOTER else self.index

    def theme_word(self, theme: str) -> str:
        _ = self.app._
        return {
            "": _("all themes"),
            "grooming": _("grooming"),
            "sexting": _("sexting"),
            "sextortion": _("sextortion"),
            "image-abuse": _("image-based abuse"),
            "online-safety": _("online safety"),
            "trusted-adult": _("finding your Max"),
            "running-away": _("running away"),
        }[theme]

    def visible(self) -> list[Summary]:
        """The stories to choose from, listed from the library's summaries (none is read)."""
        out = []
        for s in sorted(self.app.library.summaries.values(), key=lambda s: (s.ages, str(s.title))):
            hidden = (self.ages and s.ages != self.ages) or (self.theme and s.theme != self.theme)
            if hidden and s.id not in self.chosen:
                continue
            out.append(s)
        return out

    def broken(self) -> list[tuple[Path, str]]:
        """The teacher's story files that cannot be played, each with its first error in the
        teacher's language: listed, never silently left out."""
        out = []
        for path in sorted(self.app.library.broken):
            errors = [f for f in self.app.library.findings.get(path, []) if f.is_error]
            first = ""
            if errors:
                f = errors[0]
                said = f.render(self.app.interface).split(": ", 1)[-1]  # the path is the heading's
                first = self.app._("line {line}: {message}").format(line=f.loc.line, message=said)
            out.append((path, first))
        return out

    def build(self) -> None:
        _ = self.app._
        keep = self.index
        self.items = [
            Item(lambda: _("Ages: {ages}").format(ages=self.ages or _("all")), self.next_ages),
            Item(
                lambda: _("Language: {name}").format(
                    name=language_name(self.app.settings.language)
                ),
                self.next_language,
            ),
            Item(
                lambda: _("Theme: {theme}").format(theme=self.theme_word(self.theme)),
                self.next_theme,
            ),
        ]
        for s in self.visible():
            self.items.append(Item(partial(self.app.text, s, s.title), partial(self.toggle, s.id)))
        for path, _error in self.broken():
            self.items.append(Item(partial(str, path.name), lambda: None))
        self.items.append(Item(lambda: _("Name: {name}").format(name=self.name), self.rename))
        self.items.append(
            Item(
                lambda: _("Lesson: {minutes} minutes").format(
                    minutes=self.app.settings.lesson_minutes
                ),
                self.next_length,
            )
        )
        self.items.append(
            Item(
                lambda: _("Deciding: {mode}").format(
                    mode=mode_name(_, Mode(self.app.settings.decision_mode))
                ),
                lambda: self.app.push("deciding"),
            )
        )
        self.items.append(Item(lambda: _("Start the lesson"), self.start, primary=True))
        self.index = min(keep, len(self.items) - 1)

    def next_language(self) -> None:
        langs = list(LANGUAGES)
        lang = self.app.settings.language
        self.app.set_language(
            langs[(langs.index(lang) + 1) % len(langs)] if lang in langs else "nl"
        )

    def next_ages(self) -> None:
        self.ages = AGE_BANDS[(AGE_BANDS.index(self.ages) + 1) % len(AGE_BANDS)]
        self.build()

    def next_theme(self) -> None:
        themes = ("", *THEMES)
        self.theme = themes[(themes.index(self.theme) + 1) % len(themes)]
        self.build()

    def next_length(self) -> None:
        m = self.app.settings.lesson_minutes
        i = LESSON_LENGTHS.index(m) if m in LESSON_LENGTHS else 0
        self.app.settings.lesson_minutes = LESSON_LENGTHS[(i + 1) % len(LESSON_LENGTHS)]
        self.app.save_settings()

    def rename(self) -> None:
        def named(name: str | None) -> None:
            if name is not None:  # None: the teacher cancelled
                self.name = name

        self.app.push("session-name", named, name=self.name)

    def toggle(self, scenario_id: str) -> None:
        if scenario_id in self.chosen:
            self.chosen.remove(scenario_id)
        else:
            self.chosen.append(scenario_id)

    def minutes(self) -> int:
        return sum(self.app.library.scenarios[i].minutes for i in self.chosen)

    def start(self) -> None:
        if not self.chosen:
            return
        scenarios = [self.app.library.scenarios[i] for i in self.chosen]
        self.app.session = Session.new(
            scenarios, self.app.settings.language, self.app.settings.region, self.name
        )
        self.app.save_session()
        self.app.reset("board")
        if self.app.settings.decision_mode == Mode.DEVICES.value:
            self.app.start_tables()  # the tables join before the first character
            self.app.push("tables")
        else:
            self.app.stop_tables()

    def back(self) -> None:
        self.app.pop()

    def wheel(self, dy: int) -> bool:
        """The wheel (or a two-finger swipe) scrolls the list; the ring stays where it was."""
        self.first = max(0, self.first - dy)
        self.follow = False
        self.app.dirty = True
        return True

    def handle(self, action) -> None:
        self.follow = True  # a key moved the ring: the list shows where it is
        super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.title + t.u(1))
        c.text(
            _("Which characters does the class meet today?"),
            head,
            th.INK,
            size=t.title,
            style="bold",
        )
        total = self.minutes()
        summary = self.app.ngettext(
            "{n} character chosen, {minutes} of {lesson} minutes",
            "{n} characters chosen, {minutes} of {lesson} minutes",
            len(self.chosen),
        ).format(n=len(self.chosen), minutes=total, lesson=self.app.settings.lesson_minutes)
        # one line as a rule; as many as it needs at the largest sizes, never paged
        width = t.width - 2 * t.margin
        size = self.label_size(summary, width, c.line_height(t.body), "regular")
        summary_h = c.block(summary, t.margin, head.bottom, width, th.INK_SOFT, size, min_size=size)

        top = head.bottom + summary_h + t.u(1)
        bottom = t.height - t.u(5)
        row_h = max(
            round(t.body * 2.3), c.line_height(t.body, "bold") + c.line_height(t.small) + t.u(1)
        )
        gap = t.u(1)
        pad = 2 * t.u(2)  # a button's label keeps this much from its sides
        bold_h = c.line_height(t.min_body, "bold")
        # filters on one line, the stories below, the lesson and start at the bottom; a row of
        # buttons is as tall as its longest label needs ("Beslissen: tafelkaarten" takes two
        # lines in a quarter of the width), so no label ever pages
        fw = (width - (FILTERS - 1) * gap) // FILTERS
        filter_need = max(
            self.label_lines(self.items[i].label(), fw - pad) for i in range(FILTERS)
        ) * bold_h + t.u(1)
        foot_w = (width - (FOOTER - 1) * gap) // FOOTER
        footer = range(len(self.items) - FOOTER, len(self.items))
        labels = [self.items[i].label() for i in footer]
        # the lesson's name, as long as the teacher made it: cut, never paged
        labels[0] = ellipsize(self.app.fonts, labels[0], foot_w - pad, t.min_body, "bold")
        foot_need = max(self.label_lines(s, foot_w - pad) for s in labels) * bold_h + t.u(1)
        filter_h = max(filter_need, round(t.body * 2.2))  # as tall as any button
        foot_h = max(foot_need, row_h)
        more_h = self.cue_height(c, self.more(0, 1, len(self.items)))
        if top + filter_h + foot_h + 2 * (row_h + gap) + more_h + gap > bottom:
            # short of room for two stories: the buttons give up their spare height first
            snug = c.line_height(t.body, "bold") + t.u(1)
            filter_h = max(filter_need, min(filter_h, snug))
            foot_h = max(foot_need, min(foot_h, snug))
        for i in range(FILTERS):
            r = pygame.Rect(t.margin + i * (fw + gap), top, fw, filter_h)
            self.items[i].rect = r
            self.button(c, self.items[i].label(), r, self.index == i)
        foot_y = bottom - foot_h
        for k, i in enumerate(footer):
            r = pygame.Rect(t.margin + k * (foot_w + gap), foot_y, foot_w, foot_h)
            self.items[i].rect = r
            self.button(c, labels[k], r, self.index == i, self.items[i].primary)
        stories = self.items[FILTERS:-FOOTER]
        scenarios: list = [*self.visible(), *self.broken()]
        list_top = top + filter_h + gap * 2
        room = max(1, (foot_y - gap - list_top) // (row_h + gap))
        if room < len(stories):  # leave room for "3 of 9 stories" above the buttons
            more_h = self.cue_height(c, self.more(0, 1, len(stories)))
            room = max(1, (foot_y - gap - more_h - list_top) // (row_h + gap))
        # the scroll follows the ring only when the ring leaves the rows on screen
        k = self.index - FILTERS
        if self.follow and 0 <= k < len(stories):
            if k < self.first:
                self.first = k
            elif k >= self.first + room:
                self.first = k - room + 1
        self.first = first = max(0, min(self.first, len(stories) - room))
        for item in stories:
            item.rect = None
        for k, (item, s) in enumerate(
            list(zip(stories, scenarios, strict=True))[first : first + room]
        ):
            r = pygame.Rect(t.margin, list_top + k * (row_h + gap), t.width - 2 * t.margin, row_h)
            item.rect = r
            if isinstance(s, tuple):
                self.broken_row(c, surface, r, s, self.index == first + k + FILTERS)
            else:
                self.story_row(c, surface, r, s, self.index == first + k + FILTERS)
        if first > 0 or first + room < len(stories):
            more = self.more(first, min(len(stories), first + room), len(stories))
            self.cue(c, more, foot_y - gap // 2)

    def more(self, first: int, last: int, total: int) -> str:
        """The cue that the list goes on, `first` counted from 0."""
        return self.app._("Stories {first}-{last} of {total}: scroll or move for more").format(
            first=first + 1, last=last, total=total
        )

    def broken_row(
        self, c, surface, rect: pygame.Rect, row: tuple[Path, str], highlighted: bool
    ) -> None:
        """A story that cannot be played: a warning mark, its file and its first error."""
        t = self.app.theme
        _ = self.app._
        path, error = row
        draw.panel(surface, rect, th.CAPTION, t.radius, shadow=t.u(0.5))
        if highlighted:
            c.highlight(rect)
        mark = pygame.Rect(rect.x + t.u(1.5), rect.centery - t.u(2), t.u(4), t.u(4))
        draw.shape(surface, "triangle", mark.center, t.u(2.2), th.WARM)
        x = mark.right + t.u(2)
        said = ellipsize(self.app.fonts, error, rect.right - x - t.u(1.5), t.small)
        self.two_lines(c, rect, x, _("{file}: cannot be played").format(file=path.name), said)

    def story_row(self, c, surface, rect: pygame.Rect, s: Summary, highlighted: bool) -> None:
        t = self.app.theme
        _ = self.app._
        chosen = s.id in self.chosen
        draw.panel(surface, rect, th.ACCENT_SOFT if chosen else th.WHITE, t.radius, shadow=t.u(0.5))
        if highlighted:
            c.highlight(rect)
        box = pygame.Rect(rect.x + t.u(1.5), rect.centery - t.u(2), t.u(4), t.u(4))
        pygame.draw.rect(surface, th.INK, box, max(2, t.u(0.4)), border_radius=t.u(0.8))
        if chosen:
            draw.check(surface, box.center, t.u(1.4), th.ACCENT)
        info = f"{s.ages} · {s.minutes} min · {self.theme_word(s.theme)}"
        if not self.app.translated(s):
            info += " · " + _("not fully translated")
        if not self.app.mine.reviewed(s.path):  # added in the game, checklist not ticked yet
            info += " · " + _("not reviewed")
        self.two_lines(c, rect, box.right + t.u(2), self.app.text(s, s.title), info)

    def two_lines(self, c, rect: pygame.Rect, x: int, title: str, info: str) -> None:
        """A row's words from `x` on: the title above, its facts under it, one line each, both
        as big as the row allows."""
        t = self.app.theme
        w = rect.right - x - t.u(1.5)
        title_h = c.line_height(t.body, "bold")
        info_h = c.line_height(t.small)
        top = rect.y + (rect.h - title_h - info_h) // 2
        c.text(title, pygame.Rect(x, top, w, title_h), th.INK, style="bold", min_size=t.floor)
        c.text(
            info,
            pygame.Rect(x, top + title_h, w, info_h),
            th.INK_SOFT,
            size=t.small,
            min_size=t.floor,
        )
