"""A choice: the prompt and 2 to 4 large option cards, each with a number, a shape and a colour.

An optional discussion timer that the teacher starts (T), pauses (T), extends (+) or skips (S);
when it runs out it says so calmly and never chooses for the class. The class decides with a
number key, a click or tap on a card, or the clicker (PageDown/PageUp move, F5 confirms).
"""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.scenes.base import Item, Menu
from max247.story.runtime import ChoiceOffered
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import fit, wrap

EXTRA_SECONDS = 30


class ChoiceScene(Menu):
    overlay = True

    def __init__(self, app, story_scene, offered: ChoiceOffered) -> None:
        super().__init__(app)
        self.story_scene = story_scene
        self.offered = offered
        self.items = [
            Item(
                lambda o=o: app.text(story_scene.scenario, o.option.text),
                lambda o=o: self.pick(o.number),
            )
            for o in offered.options
        ]
        self.timer = offered.choice.timer
        self.remaining = float(self.timer or 0)
        self.running_since: float | None = None

    def pick(self, number: int) -> None:
        self.app.pop()
        self.story_scene.choose(number)

    def handle(self, action: Action) -> None:
        if action is Action.TIMER and self.timer:
            if self.running_since is None:
                self.running_since = self.app.now
            else:
                self.remaining = self.left()
                self.running_since = None
        elif action is Action.TIMER_MORE and self.timer:
            self.remaining = self.left() + EXTRA_SECONDS
            if self.running_since is not None:
                self.running_since = self.app.now
        elif action is Action.TIMER_SKIP and self.timer:
            self.remaining = 0
            self.running_since = None
        elif action is Action.BACK:
            self.app.pop()  # re-read the story; next brings the choice back
        else:
            super().handle(action)

    def left(self) -> float:
        if self.running_since is None:
            return self.remaining
        return max(0.0, self.remaining - (self.app.now - self.running_since))

    def ticking(self) -> bool:
        return self.running_since is not None and self.left() > 0

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((*th.PAPER, 248))  # the story stays a hint behind, never a second text
        surface.blit(veil, (0, 0))
        scenario = self.story_scene.scenario
        _ = self.app._
        longest = max(
            self.app.fonts.width(w, t.body)
            for w in (_("T starts the timer"), _("Time to decide together"), "Discussion: 10:00")
        )
        timer_w = max(t.u(34), longest + t.u(5)) if self.timer else 0
        # the prompt takes the room it needs: title size on up to two lines, else body size; and
        # body size too when the options' words would not fit their cards under a tall prompt
        words = self.app.text(scenario, self.offered.choice.prompt)
        width = t.width - 2 * t.margin - timer_w
        timer_h = 2 * c.line_height(t.body) + t.u(4) if self.timer else 0
        sizes = [t.title, t.body]
        if len(wrap(self.app.fonts, words, width, t.title, "bold")) > 2:
            sizes = [t.body]
        for size in sizes:
            height = c.block_height(words, width, size, "bold")
            prompt = pygame.Rect(t.margin, t.u(3), width, max(height, timer_h))
            cols, cw, ch, fits = self.grid(c, prompt.bottom + t.u(3))
            if fits:
                break
        c.block(words, t.margin, t.u(3), width, size=size, style="bold")
        if self.timer:
            self.draw_timer(c, surface, pygame.Rect(prompt.right, prompt.y, timer_w, prompt.h))
        top = prompt.bottom + t.u(3)
        gap = t.u(2.5)
        # one text size for every card, the one the longest option needs: cards in a row read
        # as equals, and no option looks louder than another
        text_w, text_h = self.text_box(cw, ch)
        size = min(
            fit(self.app.fonts, item.label(), text_w, text_h, round(t.body * 1.1), t.floor).size
            for item in self.items
        )
        for i, item in enumerate(self.items):
            r = pygame.Rect(
                t.margin + (i % cols) * (cw + gap), top + (i // cols) * (ch + gap), cw, ch
            )
            item.rect = r
            self.card(c, surface, r, i, item.label(), i == self.index, size)
        hint = _("Talk it over together, then choose: press the card's number, or tap it.")
        c.hint(hint, t.height - t.u(1))

    def card(
        self, c, surface, rect: pygame.Rect, i: int, text: str, highlighted: bool, size: int
    ) -> None:
        t = self.app.theme
        colour = th.OPTION_COLOURS[i]
        draw.panel(
            surface, rect, th.WHITE, t.radius, shadow=t.u(0.8), border=colour, border_width=t.u(0.6)
        )
        if highlighted:
            c.highlight(rect, 1.3)
        badge = pygame.Rect(rect.x, rect.y, min(t.u(14), rect.h), rect.h)
        pygame.draw.rect(
            surface,
            colour,
            badge,
            border_top_left_radius=t.radius,
            border_bottom_left_radius=t.radius,
        )
        r = min(badge.w, badge.h) // 3
        centre = (badge.centerx, badge.centery)
        draw.shape(surface, th.OPTION_SHAPES[i], centre, r, th.WHITE)
        num = self.app.fonts.render(str(i + 1), t.title, colour, "bold")
        lift = -r // 5 if th.OPTION_SHAPES[i] == "triangle" else 0  # a triangle's middle is low
        surface.blit(
            num, (centre[0] - num.get_width() // 2, centre[1] - num.get_height() // 2 - lift)
        )
        inner = pygame.Rect(
            badge.right + t.u(2),
            rect.y + t.u(1.5),
            rect.right - badge.right - t.u(4),
            rect.h - t.u(3),
        )
        c.text(text, inner, th.INK, size=size, min_size=t.floor, valign="center")

    def grid(self, c, top: int) -> tuple[int, int, int, bool]:
        """Columns, card width and height for the options below `top`, and whether every
        option's words fit their card at the smallest text size."""
        t = self.app.theme
        n = len(self.items)
        bottom = t.height - t.u(3) - 2 * c.line_height(t.small)
        gap = t.u(2.5)
        # two columns on a wide screen, unless an option's words then no longer fit its card
        for cols in (2, 1) if n > 2 and t.width / t.height >= 1.2 else (1,):
            rows = (n + cols - 1) // cols
            cw = (t.width - 2 * t.margin - (cols - 1) * gap) // cols
            ch = min((bottom - top - (rows - 1) * gap) // rows, t.u(30))
            text_w, text_h = self.text_box(cw, ch)
            lh = c.line_height(t.floor)
            fits = all(
                len(wrap(self.app.fonts, item.label(), text_w, t.floor)) * lh <= text_h
                for item in self.items
            )
            if fits:
                break
        return cols, cw, ch, fits

    def text_box(self, cw: int, ch: int) -> tuple[int, int]:
        """The room for an option's words inside a card of this size (see card())."""
        t = self.app.theme
        badge_w = min(t.u(14), ch)
        return cw - badge_w - t.u(4), ch - t.u(3)

    def draw_timer(self, c, surface, rect: pygame.Rect) -> None:
        t = self.app.theme
        _ = self.app._
        left = self.left()
        box = rect.inflate(-t.u(1), -t.u(1))
        draw.panel(surface, box, th.WHITE, t.radius)
        if self.running_since is None and left == self.timer:
            words = (
                _("Discussion: {time}").format(time=clock(left)) + "\n" + _("T starts the timer")
            )
        elif left <= 0:
            words = _("Time to decide together")
        else:
            state = _("paused") if self.running_since is None else ""
            words = _("Discussion: {time}").format(time=clock(left)) + (
                f" ({state})" if state else ""
            )
        c.text(
            words,
            box.inflate(-t.u(2), -t.u(1)),
            th.INK,
            size=t.body,
            align="center",
            valign="center",
        )


def clock(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 60}:{s % 60:02d}"
