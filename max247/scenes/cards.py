"""Cards shown over the story: the feedback for the class's choice, and a help card.

A help card shows the real services for the need, in the session's region and the class's
language, one after another: its name, what it helps with, how to reach it, when, whether it is
free and anonymous, the language it speaks when not the class's, and what happens when you call
or chat, in a child's words; and the date the help was checked.
"""

from __future__ import annotations

import pygame

from max247.helpdir import Card as HelpCard
from max247.helpdir import help_list
from max247.input import Action
from max247.scenes.base import Common
from max247.story.model import Scenario
from max247.story.runtime import FeedbackShown
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.helpwords import checked_words, short_url, spoken
from max247.ui.text import fit


class Card(Common):
    """A calm card over the dimmed story; next goes on."""

    overlay = True

    page = 0
    pages = 1  # a long card is paged: next turns the page first

    def handle(self, action: Action) -> None:
        if self.common(action):
            return
        if action is Action.NEXT:
            self.next()
        elif action is Action.BACK and self.page:
            self.page -= 1

    def next(self) -> None:
        if self.page + 1 < self.pages:
            self.page += 1
        else:
            self.done()

    def click(self, pos: tuple[int, int]) -> None:
        self.next()

    def trace_line(self) -> str:
        return f"{type(self).__name__}\t\t{self.page}"

    def done(self) -> None:
        self.dismiss()  # the story that opened the card goes on (its on_dismiss)

    height = 88  # in hundredths of the screen height

    def frame(self, surface: pygame.Surface) -> pygame.Rect:
        t = self.app.theme
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((*th.PAPER, 242))
        surface.blit(veil, (0, 0))
        room = t.height - 2 * t.u(2) - self.app.fonts.line_height(t.small)
        rect = pygame.Rect(0, 0, min(t.width - 2 * t.margin, t.u(150)), min(room, t.u(self.height)))
        rect.midtop = (t.width // 2, (t.height - self.app.fonts.line_height(t.small) - rect.h) // 2)
        draw.panel(surface, rect, th.WHITE, t.radius, shadow=t.u(1))
        return rect

    def next_hint(self, c, rect: pygame.Rect) -> None:
        t = self.app.theme
        # under the card's shadow, plain paper: the veiled scene's own texts must not show
        # through the hint
        below = rect.bottom + t.u(1) + 1
        c.surface.fill(th.PAPER, pygame.Rect(0, below, t.width, t.height - below))
        # only as wide as its word: a line opposite (the date the help was checked) shares the row
        word = self.app._("Next")
        w = min(rect.w, self.app.fonts.width(word, t.small) + t.u(1))
        c.hint(word, rect.bottom + t.u(0.5) + c.line_height(t.small), rect.right - w, w, "right")


class FeedbackScene(Card):
    """What the class's choice means, right after it: Back here takes the decision back."""

    screen = "feedback"

    height = 64

    def handle(self, action: Action) -> None:
        if action is Action.BACK and not self.page:
            self.story_scene.undo()
        else:
            super().handle(action)

    def __init__(self, app, story_scene, event: FeedbackShown) -> None:
        super().__init__(app)
        self.story_scene = story_scene
        self.event = event
        # the decision this card is about: the last one of the log
        decided = story_scene.story.state.log[-1:]
        self.number = decided[0].number if decided else 1

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        s = self.story_scene.scenario
        # the card is as tall as its words need, up to 64% of the screen: a short feedback in a
        # tall card left a large empty middle
        width = min(t.width - 2 * t.margin, t.u(150)) - t.u(8)
        words_h = c.block_height(self.app.text(s, self.event.text), width, round(t.body * 1.3))
        self.height = max(34, min(64, -(-(t.u(10) + t.u(12) + words_h) * 100 // t.height)))
        rect = self.frame(surface)
        i = self.number - 1
        colour = th.OPTION_COLOURS[i % 4]
        r = t.u(5)
        centre = (rect.x + t.u(4) + r, rect.y + t.u(4) + r)
        pygame.draw.circle(surface, colour, centre, r + t.u(1))
        draw.shape(surface, th.OPTION_SHAPES[i % 4], centre, r, th.WHITE)
        num = self.app.fonts.render(str(self.number), t.body, colour, "bold")
        surface.blit(num, (centre[0] - num.get_width() // 2, centre[1] - num.get_height() // 2))
        chosen = pygame.Rect(
            centre[0] + r + t.u(3),
            rect.y + t.u(3),
            rect.right - centre[0] - r - t.u(6),
            2 * r + t.u(2),
        )
        c.text(
            self.app.text(s, self.event.option.text),
            chosen,
            th.INK_SOFT,
            style="italic",
            valign="center",
        )
        body = pygame.Rect(
            rect.x + t.u(4),
            chosen.bottom + t.u(3),
            rect.w - t.u(8),
            rect.bottom - chosen.bottom - t.u(6),
        )
        fitted = c.text(
            self.app.text(s, self.event.text),
            body,
            th.INK,
            size=round(t.body * 1.3),
            valign="center",
            page=self.page,
            pageable=True,
        )
        self.pages = len(fitted.pages)
        self.next_hint(c, rect)

    def read_aloud(self) -> list[str]:
        """The option the class chose, with its number, then what it means."""
        s = self.story_scene.scenario
        chosen = self.app._("Option {number}: {text}").format(
            number=self.number, text=self.app.text(s, self.event.option.text)
        )
        return [chosen, self.app.text(s, self.event.text)]


class HelpCardScene(Card):
    """The services for a need, one card after another (Child Focus, then Take It Down): next
    turns a long card's page, then goes to the next service, then back to the story."""

    screen = "help-card"

    def __init__(self, app, scenario: Scenario, need: str) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.need = need
        settings = app.settings
        self.help = help_list(app.directory, (need,), settings.region, settings.language)
        self.shown = 0  # which of the services

    def next(self) -> None:
        if self.page + 1 < self.pages:
            self.page += 1
        elif self.shown + 1 < len(self.help.cards):
            self.shown += 1
            self.page, self.pages = 0, 1
        else:
            self.done()

    def handle(self, action: Action) -> None:
        if action is Action.BACK and not self.page and self.shown:
            self.shown -= 1
            self.page, self.pages = 0, 1
            return
        super().handle(action)

    def read_aloud(self) -> list[str]:
        return card_words(self.app, self.help.cards[self.shown] if self.help else None)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        rect = self.frame(surface)
        lang = self.app.settings.language
        card = self.help.cards[self.shown] if self.help else None
        pad = t.u(4)
        head = pygame.Rect(rect.x + pad, rect.y + t.u(3), rect.w - 2 * pad, t.title + t.u(2))
        draw.heart(surface, (head.x + t.u(2.5), head.centery), t.u(2.2), (220, 70, 90))
        title = _("Help is there")
        if len(self.help.cards) > 1:
            title += "  ·  " + _("{number} of {total}").format(
                number=self.shown + 1, total=len(self.help.cards)
            )
        c.text(
            title,
            head.inflate(-t.u(6), 0).move(t.u(3), 0),
            th.INK_SOFT,
            style="bold",
            valign="center",
        )
        if card is None:
            c.text(
                _("Ask your teacher which service helps with this where you live."),
                rect.inflate(-2 * pad, -2 * pad),
                th.INK,
                valign="center",
            )
            self.next_hint(c, rect)
            return
        reach = []
        if card.phone:
            reach.append(_("Call {phone}").format(phone=card.phone))
        if card.chat:
            reach.append(_("Chat: {address}").format(address=short_url(card.chat)))
        elif card.web:
            reach.append(short_url(card.web))
        facts = []
        if card.hours:
            facts.append(card.text("hours", lang))
        if card.free:
            facts.append(_("Free"))
        if card.anonymous:
            facts.append(_("You don't have to give your name"))
        speaks = spoken(card, lang)
        if speaks:
            facts.append(_("Language: {name}").format(name=speaks))
        about = card.text("helps", lang)
        happens = card.text("what_happens", lang) if card.what_happens else ""
        # The practical facts behind a clock, so "Free" does not read as a stray sentence
        when = "\N{CLOCK FACE THREE OCLOCK} " + " · ".join(facts) if facts else ""
        text = "\n".join(x for x in (about, when, happens) if x)
        w = rect.w - 2 * pad
        # the service's name and number are large; with large text on a small screen they give
        # way (never below their size at 100%) before the words under them need a second page
        least = (round(t.min_body * 2.6), round(t.min_body * 1.6))
        for k in (1.0, 0.85, 0.7, 0.6, 0.5):
            name_size = max(least[0], round(t.huge * k))
            reach_size = max(least[1], round(t.title * k))
            name_h = c.line_height(name_size, "bold") + t.u(1)
            reach_h = c.line_height(reach_size, "bold") * len(reach) + (t.u(1.5) if reach else 0)
            y = head.bottom + t.u(1) + name_h + t.u(1) + reach_h
            box = pygame.Rect(rect.x + pad, y, w, rect.bottom - y - t.u(3))
            if len(fit(self.app.fonts, text, w, box.h, t.body, t.min_body).pages) == 1:
                break
        y = head.bottom + t.u(1)
        name = pygame.Rect(rect.x + pad, y, w, name_h)
        c.text(
            card.text("name", lang), name, th.ACCENT, size=name_size, style="bold", valign="center"
        )
        y = name.bottom + t.u(1)
        if reach:
            line = pygame.Rect(rect.x + pad, y, w, reach_h - t.u(1.5))
            c.text("\n".join(reach), line, th.INK, size=reach_size, style="bold")
        fitted = c.text(text, box, th.INK, page=self.page, pageable=True)
        self.pages = len(fitted.pages)
        self.next_hint(c, rect)
        # when the facts were checked, under the card opposite "Next": numbers change; one
        # line, smaller if it must be, so it stays under the card
        next_w = self.app.fonts.width(_("Next"), t.small) + t.u(3)
        row = pygame.Rect(rect.x, rect.bottom + t.u(0.5), rect.w - next_w, c.line_height(t.small))
        c.text(
            checked_words(self.app, self.help.checked),
            row,
            th.INK_SOFT,
            size=t.small,
            min_size=t.floor,
        )


def card_words(app, card: HelpCard | None) -> list[str]:
    """A help card as read aloud: the service, how to reach it, when, and what it does."""
    _ = app._
    if card is None:
        return [
            _("Help is there"),
            _("Ask your teacher which service helps with this where you live."),
        ]
    lang = app.settings.language
    lines = [_("Help is there"), card.text("name", lang)]
    if card.phone:
        lines.append(_("Call {phone}").format(phone=card.phone))
    if card.hours:
        lines.append(card.text("hours", lang))
    if card.free:
        lines.append(_("Free"))
    if card.anonymous:
        lines.append(_("You don't have to give your name"))
    lines.append(card.text("helps", lang))
    if card.what_happens:
        lines.append(card.text("what_happens", lang))
    return [line for line in lines if line]
