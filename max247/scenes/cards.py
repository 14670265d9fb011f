"""Cards shown over the story: the feedback for the class's choice, and a help card.

A help card shows the real service for the need, in the session's region and the class's
language: its name, what it helps with, how to reach it, when, whether it is free and anonymous,
and what happens when you call or chat, in a child's words.
"""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.scenes.base import Common
from max247.story.model import Scenario
from max247.story.runtime import FeedbackShown
from max247.ui import draw
from max247.ui import theme as th


class Card(Common):
    """A calm card over the dimmed story; next goes on."""

    context = "reading"
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

    def done(self) -> None:
        story = self.app.scenes[-2] if len(self.app.scenes) > 1 else None
        self.app.pop()
        if story is not None and hasattr(story, "advance"):
            story.advance()

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
        c.hint(
            self.app._("Next"),
            rect.bottom + t.u(0.5) + c.line_height(t.small),
            rect.x,
            rect.w,
            align="right",
        )


class FeedbackScene(Card):
    """What the class's choice means, right after it: Back here takes the decision back."""

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
        waiting = [o for o in story_scene.story.state.log[-1:]]
        self.number = waiting[0].number if waiting else 1

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        rect = self.frame(surface)
        s = self.story_scene.scenario
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


class HelpCardScene(Card):
    def __init__(self, app, scenario: Scenario, need: str) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.need = need

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        rect = self.frame(surface)
        lang = self.app.settings.language
        card = self.app.directory.card(self.need, self.app.settings.region, lang)
        pad = t.u(4)
        head = pygame.Rect(rect.x + pad, rect.y + t.u(3), rect.w - 2 * pad, t.title + t.u(2))
        draw.heart(surface, (head.x + t.u(2.5), head.centery), t.u(2.2), (220, 70, 90))
        c.text(
            _("Help is there"),
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
        y = head.bottom + t.u(1)
        name = pygame.Rect(rect.x + pad, y, rect.w - 2 * pad, t.huge + t.u(2))
        c.text(card.text("name", lang), name, th.ACCENT, size=t.huge, style="bold", valign="center")
        y = name.bottom + t.u(1)
        reach = []
        if card.phone:
            reach.append(_("Call {phone}").format(phone=card.phone))
        if card.chat:
            reach.append(_("Chat: {address}").format(address=short_url(card.chat)))
        elif card.web:
            reach.append(short_url(card.web))
        if reach:
            box = pygame.Rect(rect.x + pad, y, rect.w - 2 * pad, round(t.title * 1.3) * len(reach))
            c.text("\n".join(reach), box, th.INK, size=t.title, style="bold")
            y = box.bottom + t.u(1.5)
        facts = []
        if card.hours:
            facts.append(card.text("hours", lang))
        if card.free:
            facts.append(_("Free"))
        if card.anonymous:
            facts.append(_("You don't have to give your name"))
        about = card.text("helps", lang)
        happens = card.text("what_happens", lang) if card.what_happens else ""
        # The practical facts behind a clock, so "Free" does not read as a stray sentence
        when = "\N{CLOCK FACE THREE OCLOCK} " + " · ".join(facts) if facts else ""
        text = "\n".join(x for x in (about, when, happens) if x)
        box = pygame.Rect(rect.x + pad, y, rect.w - 2 * pad, rect.bottom - y - t.u(3))
        fitted = c.text(text, box, th.INK, page=self.page, pageable=True)
        self.pages = len(fitted.pages)
        self.next_hint(c, rect)


def short_url(url: str) -> str:
    for prefix in ("https://", "http://", "www."):
        if url.startswith(prefix):
            url = url[len(prefix) :]
    return url.rstrip("/")
