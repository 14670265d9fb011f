"""The ending of a story, and going back to one of the class's decisions.

No ending is a failure. A character who ends below 3 "still needs help" on the board, and the
class can go back to a decision and try another way.
"""

from __future__ import annotations

from functools import partial

import pygame

from max247.helpdir import help_list
from max247.player import feels_ok
from max247.scenes.base import Item, Menu
from max247.story.model import Scenario
from max247.story.runtime import Story
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.widgets import mood_word


class EndingScene(Menu):
    screen = "ending"

    def __init__(self, app, story_scene) -> None:
        super().__init__(app)
        self.story_scene = story_scene
        _ = app._
        state = story_scene.story.state
        ok = feels_ok(state.mood)
        self.items = [Item(lambda: _("Back to the board"), self.board, primary=ok)]
        if state.log:
            self.items.append(
                Item(lambda: _("Go back to a decision"), self.decisions, primary=not ok)
            )
        self.index = 0 if ok or not state.log else 1

    page = 0
    pages = 1

    def more(self) -> None:
        """On a small screen with large text, the ending's words are paged."""
        self.page = (self.page + 1) % self.pages

    def board(self) -> None:
        self.app.reset("board")

    def decisions(self) -> None:
        self.app.push("decisions", scenario=self.story_scene.scenario)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        drawn_before = c.mark()
        self.background(surface)
        scene = self.story_scene
        s = scene.scenario
        state = scene.story.state
        ending = scene.story.ending.ending if scene.story.ending else None
        r = t.u(9)
        draw.portrait(surface, s.character, (t.margin + r, t.u(4) + r), r)
        fr = t.u(6)
        # the face and its words in a column of their own at the right, as wide as the words:
        # the title ends before it (a label wider than the face lay under the title's end)
        word = mood_word(self.app, state.mood)
        col_w = max(
            2 * fr, self.app.fonts.width(word, t.small), self.app.fonts.width("4/4", t.small)
        )
        col_w = min(col_w + t.u(1), t.width // 3)
        col_x = t.width - t.margin - col_w
        fc = (col_x + col_w // 2, t.u(4) + fr)
        draw.face(surface, state.mood, fc, fr)
        mood = f"{state.mood}/4\n{word}"
        c.text(
            mood,
            pygame.Rect(col_x, fc[1] + fr + t.u(0.5), col_w, 2 * c.line_height(t.small)),
            th.INK,
            size=t.small,
            min_size=t.floor,
            align="center",
        )
        x = t.margin + 2 * r + t.u(3)
        title = self.app.text(s, ending.title) if ending else _("The story stops here")
        c.text(
            title,
            pygame.Rect(x, t.u(4), col_x - x - t.u(2), 2 * r),
            th.INK,
            size=t.title,
            style="bold",
            valign="center",
        )
        # the message starts under the portrait and under the mood's words, whichever is lower
        y = max(t.u(4) + 2 * r, fc[1] + fr + t.u(0.5) + 2 * c.line_height(t.small)) + t.u(2)
        buttons_top, rects = self.button_grid(t.height - t.u(5))
        buttons_top -= t.u(1.5)
        lines = self.words()
        fitted = c.text(
            "\n\n".join(x for x in lines if x),
            pygame.Rect(t.margin, y, t.width - 2 * t.margin, buttons_top - y - t.u(2)),
            th.INK,
            min_size=t.floor,
            page=self.page,
            pageable=True,
        )
        self.pages = len(fitted.pages)
        if self.pages > 1 and not any(i.run == self.more for i in self.items):
            self.items.append(Item(lambda: _("Read on"), self.more))
            # the buttons now take more room: lay the whole screen out again with it (what
            # this try drew is painted over, so it is no longer on the record either)
            c.forget_since(drawn_before)
            return self.draw(surface)
        self.draw_buttons(c, rects)

    def read_aloud(self) -> list[str]:
        """The ending's title, how the character feels, then its words."""
        scene = self.story_scene
        s, state = scene.scenario, scene.story.state
        ending = scene.story.ending.ending if scene.story.ending else None
        title = self.app.text(s, ending.title) if ending else self.app._("The story stops here")
        mood = f"{scene.name(s.character)} {mood_word(self.app, state.mood)}."
        return [title, mood, *(x for x in self.words() if x)]

    def words(self) -> list[str]:
        """The ending's message, what helped on the way, and whether help is still needed."""
        _ = self.app._
        scene = self.story_scene
        s = scene.scenario
        state = scene.story.state
        ending = scene.story.ending.ending if scene.story.ending else None
        message = self.app.text(s, ending.message) if ending else ""
        # what helped on the way: whom the character told, and the help cards met
        helped = []
        for who in dict.fromkeys(c2.who for c2 in state.told if c2.listens):
            helped.append(_("talked to {name}").format(name=scene.name(who)))
        found = help_list(
            self.app.directory, state.helped, self.app.settings.region, self.app.settings.language
        )
        for card in found.cards:
            helped.append(
                _("found {service}").format(service=card.text("name", self.app.settings.language))
            )
        lines = [message]
        if helped:
            lines.append(_("On the way: {list}").format(list=", ".join(helped)) + ".")
        if not feels_ok(state.mood):
            lines.append(
                _(
                    "{name} still needs help. You can go back to a decision and try another way."
                ).format(name=scene.name(s.character))
            )
        return lines


class DecisionsScene(Menu):
    """The class's decisions in this story; picking one replays up to it, to choose again."""

    screen = "decisions"

    def __init__(self, app, scenario: Scenario) -> None:
        super().__init__(app)
        self.scenario = scenario
        log = app.session.progress(scenario.id).log
        story = Story(scenario)
        self.rows: list[tuple[str, str]] = []
        for decision in log:
            story.run()
            waiting = story.waiting
            if waiting is None:
                break
            prompt = app.text(scenario, waiting.choice.prompt)
            chosen = next(
                (o.option for o in waiting.options if o.option.key == decision.option), None
            )
            if chosen is None:
                break
            self.rows.append((prompt, app.text(scenario, chosen.text)))
            story.choose_key(decision.option)
        self.items = [
            Item(partial(self.row, i), partial(self.go, i)) for i in range(len(self.rows))
        ]
        self.items.append(Item(lambda: app._("Back"), self.back))
        self.index = max(0, len(self.rows) - 1)

    def row(self, i: int) -> str:
        return self.rows[i][0]

    def go(self, i: int) -> None:
        assert self.app.session is not None  # the decisions of a lesson's story
        progress = self.app.session.progress(self.scenario.id)
        log = progress.log[:i]
        progress.ended = False
        self.app.reset("board")
        self.app.push("story", scenario=self.scenario, log=log)

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        c.text(
            _("Which decision do you want to take again?"),
            pygame.Rect(t.margin, t.u(3), t.width - 2 * t.margin, t.title * 2),
            th.INK,
            size=t.title,
            style="bold",
            valign="center",
        )
        top = t.u(3) + t.title * 2 + t.u(2)
        gap = t.u(1.5)
        bold_h = c.line_height(t.body, "bold")
        # the prompt on up to two lines, then what the class chose on up to two small ones
        h = 2 * bold_h + max(c.line_height(t.body), 2 * c.line_height(t.small)) + t.u(1)
        # the decisions show as a window around the highlighted one when they do not all fit
        room = max(1, (t.height - t.u(4) - top + gap) // (h + gap))
        n = len(self.items)
        first = min(max(0, self.index - room + 1), max(0, n - room))
        for item in self.items:
            item.rect = None
        for k, i in enumerate(range(first, min(n, first + room))):
            item = self.items[i]
            rect = pygame.Rect(t.margin, top + k * (h + gap), t.width - 2 * t.margin, h)
            item.rect = rect
            if i < len(self.rows):
                prompt, chosen = self.rows[i]
                draw.panel(surface, rect, th.WHITE, t.radius, shadow=t.u(0.5))
                if i == self.index:
                    c.highlight(rect)
                inner = rect.inflate(-t.u(3), -t.u(1))
                c.text(
                    f"{i + 1}. {prompt}",
                    pygame.Rect(inner.x, inner.y, inner.w, 2 * bold_h),
                    th.INK,
                    style="bold",
                    min_size=t.small,
                )
                c.text(
                    _("The class chose: {option}").format(option=chosen),
                    pygame.Rect(inner.x, inner.y + 2 * bold_h, inner.w, inner.h - 2 * bold_h),
                    th.INK_SOFT,
                    min_size=t.small,
                )
            else:
                c.button(item.label(), rect, i == self.index)
