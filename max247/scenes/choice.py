"""A choice: the line being answered, the prompt and 2 to 4 large option cards, each with a
number, a shape and a colour.

A fresh choice has nothing highlighted, so a teacher tapping "next" never chooses for the class:
PageDown/PageUp (or the arrows) move the highlight, F5 or Enter then plays the highlighted option,
a number plays its option at once, a click or tap plays the card. Back (Backspace) re-reads the
story. An optional discussion timer that the teacher starts (T, or the pause menu), pauses,
extends (+) or skips (S); when it runs out it says so calmly and never chooses for the class.

When the class decides with table cards or heads down (max247.player.votes), "next" on a fresh
choice opens the vote (the "vote" screen); the talk time before it is this choice's timer, or
the session's default when the choice has none, and the vote's screen shows the same clock (it
starts it if the teacher did not). The teacher can still skip the vote and play a card at once.
The pause menu opens a vote in either way, in any mode, so a sensitive choice can go heads down.
"""

from __future__ import annotations

from functools import partial

import pygame

from max247.input import Action
from max247.player.votes import Mode
from max247.scenes.base import NO_HIGHLIGHT, Item, Menu
from max247.story.runtime import ChoiceOffered
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import fit, wrap

EXTRA_SECONDS = 30


class ChoiceScene(Menu):
    screen = "choice"
    overlay = True

    def __init__(self, app, story_scene, offered: ChoiceOffered) -> None:
        super().__init__(app)
        self.story_scene = story_scene
        self.offered = offered
        self.items = [
            Item(
                partial(app.text, story_scene.scenario, o.option.text),
                partial(self.pick, o.number),
            )
            for o in offered.options
        ]
        self.index = NO_HIGHLIGHT
        self.mode = Mode(app.settings.decision_mode)
        # before a vote the tables get talk time: the choice's own, else the session's default
        self.timer = offered.choice.timer
        if self.mode is not Mode.WHOLE_CLASS:
            self.timer = self.timer or app.settings.talk_seconds or None
        self.remaining = float(self.timer or 0)
        self.running_since: float | None = None

    def lesson_actions(self) -> list[Item]:
        """What the pause menu offers here, so the clicker reaches the timer without T."""
        _ = self.app._
        votes = [
            Item(lambda: _("Vote with the table cards"), lambda: self.vote(Mode.CARDS)),
            Item(lambda: _("Vote heads down"), lambda: self.vote(Mode.HEADS_DOWN)),
        ]
        if self.app.find("vote") is not None:
            votes = []  # the vote is on: its own menu says what can change
        if not self.timer:
            return votes

        def toggle() -> None:
            self.handle(Action.TIMER)

        def label() -> str:
            if self.running_since is None:
                return _("Start the discussion timer")
            return _("Pause the discussion timer")

        return [
            Item(label, toggle),
            Item(lambda: _("30 seconds more"), lambda: self.handle(Action.TIMER_MORE)),
            *votes,
        ]

    def pick(self, number: int, spread: dict[str, int] | None = None) -> None:
        # the story that offered the choice takes it (its on_dismiss), with the vote's counts
        self.dismiss(number if spread is None else (number, spread))

    def vote(self, mode: Mode) -> None:
        """The tables vote on this choice (the vote screen); it answers with the option the
        teacher played and the counts, or nothing when the teacher went back to the cards."""
        self.app.push("vote", on_dismiss=self.voted, choice=self, mode=mode)

    def voted(self, result: object) -> None:
        if isinstance(result, tuple):
            number, spread = result
            self.pick(number, spread)

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
            self.dismiss(None)  # re-read the story; next brings the choice back
        elif action is Action.CONFIRM and self.index == NO_HIGHLIGHT:
            # "next" on a fresh choice never chooses: the class is still talking, or the
            # tables vote now
            if self.mode is not Mode.WHOLE_CLASS:
                self.vote(self.mode)
        elif (action is Action.UP and self.index == NO_HIGHLIGHT) or (
            action is Action.LEFT and self.index == NO_HIGHLIGHT
        ):
            self.index = len(self.items) - 1
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
        veil.fill((*th.PAPER, 252))  # the story stays a hint behind, never a second text
        surface.blit(veil, (0, 0))
        scenario = self.story_scene.scenario
        _ = self.app._
        timer_words = (_("T starts the timer"), _("Time to decide together"), "Discussion: 10:00")

        def timer_width(size: int) -> int:
            """The timer's column, as wide as its words at the size they are drawn at."""
            longest = max(self.app.fonts.width(w, size) for w in timer_words)
            return max(t.u(34), longest + t.u(5)) if self.timer else 0

        # what the class answers stays on screen, above the question: the last line of the story
        who, said = self.answered()
        # the first row holds the quoted line and the timer side by side; the prompt, under them,
        # takes the whole width: title size on up to two lines, else body size, and body size too
        # when the options' words would not fit their cards; then the quoted line gets smaller,
        # never hidden
        words = self.app.text(scenario, self.offered.choice.prompt)
        full = t.width - 2 * t.margin
        layouts = [
            (t.body, t.title),
            (t.body, t.body),
            (t.small, t.body),
            (t.floor, t.body),
            (t.floor, t.floor),
        ]
        if len(wrap(self.app.fonts, words, full, t.title, "bold")) > 2:
            layouts = [lay for lay in layouts if lay[1] != t.title]
        # the hint under the cards gives its room up first when the screen is short
        plans = [(q, p, True) for q, p in layouts] + [(t.floor, t.floor, False)]
        tried: list[tuple[int, tuple]] = []
        grids: list[tuple[int, int, int]] = []
        for quote_size, size, with_hint in plans:
            # the timer's words share the quoted line's size, so the row shrinks as one
            timer_w = min(timer_width(quote_size), full // 2)
            quote_w = full - timer_w if self.timer else full
            timer_h = 2 * c.line_height(quote_size) + t.u(3) if self.timer else 0
            row_h = max(
                self.quote_height(
                    c, who, said, quote_w - (t.u(1) if self.timer else 0), quote_size
                ),
                timer_h,
            )
            height = c.block_height(words, full, size, "bold")
            prompt = pygame.Rect(t.margin, t.u(2) + row_h + (t.u(1) if row_h else 0), full, height)
            cols, cw, ch, fits = self.grid(c, prompt.bottom + t.u(2), with_hint)
            if not fits:
                continue
            # the options' words matter most: of the plans where they are nearly largest (3/4),
            # the first, which keeps the quoted line, the prompt and the hint largest
            got = self.option_size(cw, ch)
            tried.append((got, (quote_size, size, with_hint, timer_w, quote_w, row_h, prompt)))
            grids.append((cols, cw, ch))
            if got >= round(t.body * 1.1):
                break
        if tried:
            most = max(got for got, _plan in tried)
            k = next(k for k, (got, _plan) in enumerate(tried) if got >= most * 0.75)
            quote_size, size, with_hint, timer_w, quote_w, row_h, prompt = tried[k][1]
            cols, cw, ch = grids[k]
        if said:
            at = pygame.Rect(t.margin, t.u(2), quote_w - (t.u(1) if self.timer else 0), 0)
            self.draw_quote(c, surface, who, said, at, quote_size)
        c.block(words, prompt.x, prompt.y, full, size=size, style="bold")
        if self.timer:
            box = pygame.Rect(t.margin + quote_w, t.u(2) - t.u(0.5), timer_w, row_h)
            self.draw_timer(c, surface, box, quote_size)
        top = prompt.bottom + t.u(2)
        gap = t.u(2.5)
        # one text size for every card, the one the longest option needs: cards in a row read
        # as equals, and no option looks louder than another
        size = self.option_size(cw, ch)
        for i, item in enumerate(self.items):
            r = pygame.Rect(
                t.margin + (i % cols) * (cw + gap), top + (i // cols) * (ch + gap), cw, ch
            )
            item.rect = r
            self.card(c, surface, r, i, item.label(), i == self.index, size)
        if not with_hint:
            return
        if self.index == NO_HIGHLIGHT and self.mode is not Mode.WHOLE_CLASS:
            hint = _("Talk it over at your tables. F5 or Enter: time to vote.")
        elif self.index == NO_HIGHLIGHT:
            hint = _("Talk it over together, then choose: the card's number, a tap, or PageDown.")
        else:
            hint = _("F5 or Enter plays the ringed card; PageDown and PageUp move the ring.")
        c.hint(hint, t.height - t.u(1))

    def trace_line(self) -> str:
        return super().trace_line() + "\t" + self.answered()[1].replace("\n", " ")

    def read_aloud(self) -> list[str]:
        """The question, then each option with its number (the line answered was said)."""
        scenario = self.story_scene.scenario
        option = self.app._("Option {number}: {text}")
        return [self.app.text(scenario, self.offered.choice.prompt)] + [
            option.format(number=o.number, text=self.app.text(scenario, o.option.text))
            for o in self.offered.options
        ]

    def answered(self) -> tuple[str, str]:
        """Who said the line the class answers, and the line: the story's last one on screen."""
        shown = self.story_scene.shown
        if not shown:
            return "", ""
        last = shown[-1]
        said = self.app.text(self.story_scene.scenario, last.text)
        if last.photo:
            said = self.app._("[photo] {description}").format(description=said)
        return self.story_scene.name(last.speaker), said

    def quote_height(self, c, who: str, said: str, width: int, size: int) -> int:
        if not said:
            return 0
        t = self.app.theme
        inner = width - 2 * t.u(2)
        name_h = c.block_height(who, inner, t.small, "bold") if who else 0
        return name_h + c.block_height(said, inner, size) + 2 * t.u(1.2) + t.u(1.5)

    def draw_quote(self, c, surface, who: str, said: str, at: pygame.Rect, size: int) -> None:
        """The line being answered, in a speech card: who says it, then the words."""
        t = self.app.theme
        h = self.quote_height(c, who, said, at.w, size) - t.u(1.5)
        card = pygame.Rect(at.x, at.y, at.w, h)
        draw.panel(
            surface,
            card,
            th.WHITE if who else th.CAPTION,
            t.radius,
            border=th.INK_SOFT,
            border_width=max(1, t.u(0.25)),
        )
        x, y, inner = card.x + t.u(2), card.y + t.u(1.2), card.w - 2 * t.u(2)
        if who:
            y += c.block(who, x, y, inner, th.INK_SOFT, size=t.small, style="bold")
        c.block(said, x, y, inner, size=size)

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
        badge = c.option_badge(rect, i, t.u(14))
        inner = pygame.Rect(
            badge.right + t.u(2),
            rect.y + t.u(1),
            rect.right - badge.right - t.u(4),
            rect.h - t.u(2),
        )
        c.text(text, inner, th.INK, size=size, min_size=t.floor, valign="center")

    def grid(self, c, top: int, with_hint: bool = True) -> tuple[int, int, int, bool]:
        """Columns, card width and height for the options below `top`, and whether every
        option's words fit their card at the smallest text size."""
        t = self.app.theme
        n = len(self.items)
        bottom = t.height - t.u(3) - (2 * c.line_height(t.small) if with_hint else 0)
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
            if fits and cols == 2 and n > 2:
                # one column instead when its wider cards give the words a larger size
                one_cw = t.width - 2 * t.margin
                one_ch = min((bottom - top - (n - 1) * gap) // n, t.u(30))
                if self.option_size(one_cw, one_ch) > self.option_size(cw, ch):
                    w, h = self.text_box(one_cw, one_ch)
                    if all(
                        len(wrap(self.app.fonts, item.label(), w, t.floor)) * lh <= h
                        for item in self.items
                    ):
                        return 1, one_cw, one_ch, True
            if fits:
                break
        return cols, cw, ch, fits

    def option_size(self, cw: int, ch: int) -> int:
        """The one text size of every option's words in cards of this size."""
        t = self.app.theme
        text_w, text_h = self.text_box(cw, ch)
        return min(
            fit(self.app.fonts, item.label(), text_w, text_h, round(t.body * 1.1), t.floor).size
            for item in self.items
        )

    def text_box(self, cw: int, ch: int) -> tuple[int, int]:
        """The room for an option's words inside a card of this size (see card())."""
        t = self.app.theme
        badge_w = min(t.u(14), ch)
        return cw - badge_w - t.u(4), ch - t.u(2)

    def draw_timer(self, c, surface, rect: pygame.Rect, size: int) -> None:
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
            size=size,
            min_size=size,
            align="center",
            valign="center",
        )


def clock(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 60}:{s % 60:02d}"
