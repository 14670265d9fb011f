"""The story: a phone in the middle of the screen shows the chat message by message.

The story's own character writes on the right; narration appears as captions; `view: in-person`
shows speech beside the speakers' portraits; a photo is a neutral placeholder with its
description. Next goes on (a short typing indicator first), back re-reads earlier lines. The
runtime decides everything; this scene only shows what it emits and passes the class's choices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from max247.input import Action
from max247.player import Runner, assert_never
from max247.player.runner import records
from max247.scenes.base import Common, Item
from max247.story.model import Scenario, Text
from max247.story.runtime import (
    ChoiceOffered,
    Decision,
    Ended,
    Event,
    FeedbackShown,
    HelpShown,
    Line,
    MoodChanged,
    PhotoShown,
    Story,
    StoryError,
    Told,
    ViewChanged,
)
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import ellipsize, fit
from max247.ui.widgets import mood_word

TYPING_SECONDS = 0.7
PULSE_SECONDS = 0.8
ROOM = (250, 236, 222)


@dataclass(frozen=True)
class Mark:
    """Where a writer was when they saved: the `count`-th line since the class's last decision,
    which read `source`; `card` if a feedback or help card after it was on screen."""

    count: int
    source: str
    card: bool = False
    after: tuple[str, ...] = ()  # the lines that came after it, up to the next choice


def lines_ahead(story: Story) -> list[str]:
    """The texts of the lines the story shows from here to its next choice or ending."""
    ahead = story.fork()
    sources: list[str] = []
    while ahead.waiting is None and not ahead.ended:
        try:
            event = ahead.next()
        except StoryError:
            break
        if isinstance(event, Line):
            sources.append(event.text.source)
        elif isinstance(event, PhotoShown):
            sources.append(event.alt.source)
    return sources


@dataclass
class Shown:
    """A line on screen: a message, a caption (speaker None), or a photo placeholder."""

    speaker: str | None
    text: Text
    view: str
    photo: bool = False


class StoryScene(Common):
    screen = "story"

    def __init__(
        self,
        app,
        scenario: Scenario,
        log: list[Decision] | None = None,
        start: str | None = None,
        mark: Mark | None = None,
    ) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.start = start
        self.progress = app.session.progress(scenario.id) if app.session else None
        # the player plays the story and keeps the lesson's record of it (max247.player)
        self.runner = Runner(
            scenario, start, self.progress, lambda: self.app.save_session(scenario.id)
        )
        self.shown: list[Shown] = []
        self.view = "phone"
        self.review = 0  # how many lines back the class is re-reading
        self.page = 0  # page of the newest line, when it is longer than the screen
        self.typing_until = 0.0
        self.pulse_until = 0.0
        # while the typing dots move and nothing else does, the frame under them is kept and
        # only the dots are drawn again: a frame costs a blit, not the whole story screen
        self._still: tuple[tuple[int, int], pygame.Surface, pygame.Rect] | None = None
        self._dots: pygame.Rect | None = None
        self.log = log
        self.just_decided = False  # Back on the first screen after a decision undoes it
        self.mark = mark  # hot reload: come back to this line, not to the next choice
        self.base = 0  # lines shown before the class's last decision

    @property
    def story(self) -> Story:
        return self.runner.story

    def entered(self) -> None:
        if self.shown or self.story.state.log:
            return  # back on top after a card or a choice: nothing to start
        if self.app.session is not None:  # a lesson resumed later opens this story again
            self.app.session.current = self.scenario.id
        if self.log is not None:  # replay the class's decisions, up to the next choice
            events, done = self.runner.replay(self.log, finish=self.mark is None)
            for event in events:
                self.absorb(event, quiet=True)
            if self.mark is not None and done == len(self.log):
                self.base = len(self.shown)
                self.come_back(self.mark)
                self.record()
                return
            self.after_replay()
            if done < len(self.log):
                self.changed_since(done)
        elif self.mark is not None:  # no decision yet: the writer was in the opening lines
            self.come_back(self.mark)
            self.record()
        else:
            self.advance()
            self.record()  # the lesson knows at once that this story has started

    # --- following the runtime -----------------------------------------------------------

    def absorb(self, event: Event, quiet: bool = False) -> None:
        """Show one event: a line or a photo joins the feed, a view or a mood changes; the
        stops (a choice, a card, the ending) are `stop`'s."""
        match event:
            case Line():
                self.shown.append(Shown(event.speaker, event.text, event.view))
                # calm motion (the accessibility menu): a message appears at once, no dots
                calm = self.app.settings.reduced_motion
                if not quiet and not calm and event.speaker not in (None, self.scenario.character):
                    self.typing_until = self.app.now + TYPING_SECONDS
            case PhotoShown():
                self.shown.append(Shown(event.sender, event.alt, event.view, photo=True))
            case ViewChanged():
                self.view = event.mode
            case MoodChanged():
                if not self.app.settings.reduced_motion:  # calm motion: no pulse
                    self.pulse_until = self.app.now + PULSE_SECONDS
            case Told():
                pass  # the cast column reads whom the character told from the story's state
            case ChoiceOffered() | FeedbackShown() | HelpShown() | Ended():
                pass
            case _:
                assert_never(event)

    def stop(self, event: Event) -> None:
        """The class stops at `event`: a choice, a card or the ending opens over the story."""
        match event:
            case ChoiceOffered():
                self.offer(event)
            case FeedbackShown():
                self.app.push("feedback", lambda _: self.advance(), story_scene=self, event=event)
            case HelpShown():
                self.app.push(
                    "help-card", lambda _: self.advance(), scenario=self.scenario, need=event.need
                )
            case Ended():
                self.end()
            case Line() | PhotoShown() | ViewChanged() | MoodChanged() | Told():
                pass  # read on the story itself
            case _:
                assert_never(event)

    def here(self, card: bool = False) -> Mark:
        """The line on screen now (the one re-read, when the class went back), for hot reload."""
        n = len(self.shown) - self.review
        source = self.shown[n - 1].text.source if n > 0 else ""
        after = [s.text.source for s in self.shown[n:]] + lines_ahead(self.story)
        return Mark(max(0, n - self.base), source, card, tuple(after))

    def come_back(self, mark: Mark) -> None:
        """Walk on from the last decision to the line the writer was reading when they saved.

        The line is found by its text, as it is edited least often of all; failing that, by its
        place (the `count`-th line), never past the next choice or ending: a beat edited away
        lands on the nearest one before it. Cards on the way are not shown again, except the
        one that was on screen.
        """
        sources = lines_ahead(self.story)
        same = [i + 1 for i, source in enumerate(sources) if mark.source and source == mark.source]
        if same:
            target = min(same, key=lambda i: abs(i - mark.count))
        else:  # edited: its place, unless a line the writer had not reached yet is there now
            target = min(mark.count, len(sources))
            while target > 0 and sources[target - 1] in mark.after:
                target -= 1
        seen = 0
        while seen < target:
            event = self.story.next()
            if records(event):
                self.record()
            self.absorb(event, quiet=True)
            if isinstance(event, Line | PhotoShown):
                seen += 1
        if mark.card or (target == 0 and not self.shown):
            self.advance()  # the card that was on screen (or the story's first line) again

    def after_replay(self) -> None:
        if self.story.waiting is not None:
            self.offer(self.story.waiting)
        elif self.story.ended:
            self.end()

    def advance(self) -> None:
        """Go on to the next thing worth stopping at (the player's policy: max247.player)."""
        self.page = 0
        try:
            events = self.runner.advance()
        except StoryError as exc:
            # an unproven story (W401) that goes round a loop: the runtime's step budget
            # stops it; back to where the class came from, with a note for the teacher
            self.app.notes.append(str(exc))
            self.app.pop()
            return
        for event in events:
            self.absorb(event)
        if events:
            self.stop(events[-1])

    def offer(self, event: ChoiceOffered) -> None:
        self.app.push("choice", self.chosen, story_scene=self, offered=event)

    def chosen(self, answer: int | tuple[int, dict[str, int]] | None) -> None:
        """The choice scene's answer: the class's decision (with the vote's counts per option
        key when the tables voted), or None to re-read the story."""
        if answer is None:
            return
        number, spread = answer if isinstance(answer, tuple) else (answer, {})
        self.choose(number, spread)

    def choose(self, number: int, spread: dict[str, int] | None = None) -> None:
        """The class's decision, and the vote's counts when the tables voted."""
        self.runner.choose(number, spread)
        self.base = len(self.shown)
        self.advance()
        self.just_decided = True

    def undo(self) -> None:
        """Take the class's last decision back: replay the log without it, up to that choice."""
        if not self.story.state.log:
            return
        while self.app.top is not self:  # a feedback or help card over the story
            self.app.pop()
        before, after = self.runner.undo() or ([], [])
        self.shown, self.review, self.page, self.view = [], 0, 0, "phone"
        self.typing_until = 0.0
        for event in before:
            self.absorb(event, quiet=True)
        self.base = len(self.shown)
        for event in after:
            self.absorb(event, quiet=True)
        self.just_decided = False
        self.after_replay()

    def read_aloud(self) -> list[str]:
        """The line that just appeared (or the one the class went back to), with who says it;
        a message still "being typed" is said when it shows."""
        last = len(self.shown) - 1 - self.review
        if last < 0 or (self.typing_until > self.app.now and not self.review):
            return []
        _ = self.app._
        item = self.shown[last]
        words = self.app.text(self.scenario, item.text)
        name = self.name(item.speaker)
        if item.photo:
            return [_("{name} sends a photo: {description}").format(name=name, description=words)]
        if item.speaker is None:
            return [words]
        if item.view == "in-person":
            return [_("{name} says: {text}").format(name=name, text=words)]
        return [_("{name} writes: {text}").format(name=name, text=words)]

    def trace_line(self) -> str:
        typing = int(self.typing_until > self.app.now)
        return f"StoryScene\t\t{len(self.shown)}:{self.page}:{self.review}:{typing}"

    def lesson_actions(self) -> list[Item]:
        _ = self.app._
        if not self.story.state.log:
            return []
        return [Item(lambda: _("Undo the last decision"), self.undo)]

    def end(self) -> None:
        self.app.push("ending", story_scene=self)

    def changed_since(self, done: int) -> None:
        """The story was edited since these decisions: say where the class goes on from."""
        self.app.push(
            "session-notice",
            message=self.app._(
                "“{title}” was changed since the class played it. It goes on from the last "
                "decision that still matches: {done} of {n}."
            ).format(
                title=self.app.text(self.scenario, self.scenario.title),
                done=done,
                n=len(self.log or ()),
            ),
        )

    def record(self) -> None:
        self.runner.record()

    # --- input ---------------------------------------------------------------------------

    def handle(self, action: Action) -> None:
        if self.common(action):
            return
        if action is Action.NEXT:
            self.just_decided = False
            self.next()
        elif action is Action.BACK and self.just_decided:
            self.undo()
        elif action in (Action.BACK, Action.REREAD):
            self.review = min(self.review + 1, max(0, len(self.shown) - 1))

    def next(self) -> None:
        if self.review:
            self.review -= 1
        elif self.typing_until > self.app.now:
            self.typing_until = 0.0
        elif self.page + 1 < self.pages_of_last:
            self.page += 1
        else:
            self.advance()

    def click(self, pos: tuple[int, int]) -> None:
        self.next()  # a click or a tap on the story goes on, like the clicker's next

    def update(self, now: float) -> bool:
        return now < max(self.typing_until, self.pulse_until)

    # --- drawing -------------------------------------------------------------------------

    pages_of_last = 1

    def draw(self, surface: pygame.Surface) -> None:
        still = self._still
        if (
            still is not None
            and self.app.animating
            and still[0] == surface.get_size()
            and self.pulse_until <= self.app.now
            and self.typing_until > self.app.now
        ):
            surface.blit(still[1], (0, 0))
            self.draw_dots(surface, still[2])
            return
        self._still = self._dots = None
        self.draw_screen(surface)
        if self._dots is not None:  # the frame without the dots, kept while they move
            self._still = (surface.get_size(), surface.copy(), self._dots)
            self.draw_dots(surface, self._dots)

    def draw_dots(self, surface: pygame.Surface, bubble: pygame.Rect) -> None:
        """The typing indicator's three dots, one lifted in turn."""
        t = self.app.theme
        phase = (self.app.now * 3) % 3
        for k in range(3):
            lift = t.u(0.6) if int(phase) == k else 0
            pygame.draw.circle(
                surface,
                th.INK_SOFT,
                (bubble.x + t.u(3) + k * t.u(3), bubble.centery - lift),
                t.u(0.8),
            )

    def draw_screen(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        in_person = self.current_view() == "in-person"
        self.background(surface, ROOM if in_person else th.PAPER)
        if in_person:
            pygame.draw.rect(surface, (236, 214, 192), (0, t.u(78), t.width, t.height - t.u(78)))
        side = max(t.u(24), (t.width - self.feed_width()) // 2 - t.margin)
        self.draw_character(
            c, surface, pygame.Rect(t.margin, t.u(3), side - t.margin, t.height - t.u(8))
        )
        self.draw_cast(
            c, surface, pygame.Rect(t.width - side, t.u(3), side - t.margin, t.height - t.u(8))
        )
        centre = pygame.Rect(
            side + t.margin, t.u(3), t.width - 2 * side - 2 * t.margin, t.height - t.u(8)
        )
        if in_person:
            self.draw_feed(c, surface, centre.inflate(0, -t.u(2)), in_person=True)
        else:
            phone = centre.copy()
            draw.panel(surface, phone, th.PHONE, t.u(4), shadow=t.u(1))
            screen = phone.inflate(-2 * t.u(1.6), -2 * t.u(1.6))
            screen.y += t.u(1)
            screen.h -= t.u(1)
            pygame.draw.rect(surface, th.SCREEN, screen, border_radius=t.u(2.5))
            pygame.draw.rect(
                surface,
                (80, 86, 106),
                (phone.centerx - t.u(4), phone.y + t.u(0.7), t.u(8), t.u(0.9)),
                border_radius=t.u(0.5),
            )
            # the chat's header names whom the character is writing with, as a phone does
            others = list(
                dict.fromkeys(
                    self.name(i.speaker)
                    for i in self.shown
                    if i.speaker and i.speaker != self.scenario.character and not i.photo
                )
            )
            feed = screen.inflate(-2 * t.u(1.5), -2 * t.u(1.5))
            if others:
                head_h = c.line_height(t.small, "bold") + t.u(1.5)
                bar = pygame.Rect(screen.x, screen.y, screen.w, head_h)
                pygame.draw.rect(
                    surface,
                    th.WHITE,
                    bar,
                    border_top_left_radius=t.u(2.5),
                    border_top_right_radius=t.u(2.5),
                )
                pygame.draw.line(
                    surface, th.PAPER_DEEP, bar.bottomleft, bar.bottomright, max(1, t.u(0.2))
                )
                # one line: the most recent names that fit, at least the last one, cut with
                # an ellipsis if even that is too wide
                room = bar.w - 2 * t.u(2)
                names = others[-3:]
                while len(names) > 1 and self.app.fonts.width(", ".join(names), t.floor) > room:
                    names = names[1:]
                label = ellipsize(self.app.fonts, ", ".join(names), room, t.floor, "bold")
                c.text(
                    label,
                    bar.inflate(-2 * t.u(2), 0),
                    th.INK,
                    size=t.small,
                    style="bold",
                    align="center",
                    valign="center",
                    min_size=t.floor,
                )
                feed.y += head_h
                feed.h -= head_h
            self.draw_feed(c, surface, feed, in_person=False)
        hint = self.app._("Re-reading: press next to come back") if self.review else ""
        if hint:
            c.hint(hint, t.height - t.u(0.3), centre.x, centre.w)

    def current_view(self) -> str:
        """How the newest line on screen is shown (re-reading shows an older line's view)."""
        last = len(self.shown) - 1 - self.review
        return self.shown[last].view if last >= 0 else self.view

    def feed_width(self) -> int:
        t = self.app.theme
        if self.current_view() == "in-person":
            return min(t.width - 2 * t.u(26), round(t.height * 1.15))
        return min(round(t.height * 0.66), t.width - 2 * t.u(26))

    def name(self, cid: str | None) -> str:
        if cid is None:
            return ""
        return self.app.text(self.scenario, self.scenario.characters[cid].name)

    def kind(self, cid: str) -> str:
        c = self.scenario.characters[cid]
        if c.max:
            return "adult"
        if c.friend or cid == self.scenario.character:
            return "child"
        return "unknown"

    def draw_character(self, c, surface, rect: pygame.Rect) -> None:
        """The story's character: portrait, name, mood (face, number, word), help found.

        Everything flows down the column as tall as its text needs, so nothing is paged.
        """
        t = self.app.theme
        _ = self.app._
        s = self.scenario
        story = self.story
        fr = t.u(5)
        icon_w = t.u(4.5)
        mood = f"{story.state.mood}/4 · {mood_word(self.app, story.state.mood)}"
        badges = [
            (found, word)
            for found, word in (
                (story.state.found_max, _("found a Max")),
                (bool(story.state.helped), _("found help")),
            )
            if found
        ]

        # the portrait gives way when the column's words need the height (big text, small
        # screen); then the face, then the small words shrink towards the floor
        def words_h(size: int, fr: int) -> int:
            return (
                t.u(1)
                + c.block_height(self.name(s.character), rect.w, t.body, "bold")
                + t.u(2)
                + 2 * fr
                + t.u(1)
                + c.block_height(mood, rect.w, size)
                + t.u(1.5)
                + sum(c.block_height(w, rect.w - icon_w, size) + t.u(1) for _f, w in badges)
            )

        room = rect.h - 2 * t.u(4)  # below the smallest portrait
        small, fr = t.small, t.u(5)
        while words_h(small, fr) > room:
            if fr > t.u(3):
                fr -= t.u(1)
            elif small > t.floor:
                small = max(t.floor, int(small * 0.92))
            else:
                break
        need = words_h(small, fr)
        r = max(t.u(4), min(rect.w // 2 - t.u(1), t.u(11), (rect.h - need) // 2))
        centre = (rect.centerx, rect.y + r)
        draw.portrait(surface, s.character, centre, r)
        y = centre[1] + r + t.u(1)
        y += c.block(self.name(s.character), rect.x, y, rect.w, style="bold", align="center")
        pulse = 0.0
        if self.pulse_until > self.app.now:
            pulse = math.sin((self.pulse_until - self.app.now) / PULSE_SECONDS * math.pi) * 0.12
        fc = (rect.centerx, y + t.u(1) + fr)
        draw.face(surface, story.state.mood, fc, round(fr * (1 + pulse)))
        y = fc[1] + fr + t.u(1)
        y += c.block(mood, rect.x, y, rect.w, size=small, align="center", min_size=t.floor)
        y += t.u(1.5)
        for _found, word in badges:
            mid = (rect.x + t.u(2), y + c.line_height(small) // 2)
            if word == _("found a Max"):
                draw.heart(surface, mid, t.u(1.2), (220, 70, 90))
            else:
                draw.check(surface, mid, t.u(1.1), th.MOOD_COLOURS[4])
            y += c.block(word, rect.x + icon_w, y, rect.w - icon_w, size=small, min_size=t.floor)
            y += t.u(1)

    def draw_cast(self, c, surface, rect: pygame.Rect) -> None:
        """Who else speaks in the story: a portrait, the name, and who they are to the character."""
        t = self.app.theme
        _ = self.app._
        seen: list[str] = []
        for item in self.shown:
            if (
                item.speaker
                and item.speaker != self.scenario.character
                and item.speaker not in seen
            ):
                seen.append(item.speaker)
        r = t.u(4)
        # a narrow column puts the name under the portrait rather than squeezing it beside
        beside = rect.w - 2 * r - t.u(1.5) >= self.app.fonts.width("Mmmmmmmm", t.small)

        def tag(cid: str) -> str:
            ch = self.scenario.characters[cid]
            heard = [c2.listens for c2 in self.story.state.told if c2.who == cid]
            if ch.max and heard and not any(heard):
                return _("did not listen")  # the story goes on to someone who does
            if ch.max:
                return _("a Max") if any(heard) else _("a grown-up")
            return _("a friend") if ch.friend else ""

        x = rect.x + 2 * r + t.u(1.5) if beside else rect.x
        w = rect.right - x

        def height(cid: str) -> int:
            text_h = c.block_height(self.name(cid), w, t.small, "bold")
            text_h += c.block_height(tag(cid), w, t.small) if tag(cid) else 0
            return (max(2 * r, text_h) if beside else 2 * r + t.u(0.5) + text_h) + t.u(2)

        # the newest speakers first: whoever does not fit is the one the class met longest ago
        shown: list[str] = []
        room = rect.h + t.u(2)
        for cid in reversed(seen[-5:]):
            if height(cid) > room:
                break
            shown.insert(0, cid)
            room -= height(cid)
        y = rect.y
        for cid in shown:
            draw.portrait(surface, cid, (rect.x + r, y + r), r, self.kind(cid))
            ty = y if beside else y + 2 * r + t.u(0.5)
            h = c.block(self.name(cid), x, ty, w, size=t.small, style="bold", min_size=t.floor)
            if tag(cid):
                h += c.block(tag(cid), x, ty + h, w, th.INK_SOFT, size=t.small, min_size=t.floor)
            y = max(y + 2 * r, ty + h) + t.u(2)

    # the feed ---------------------------------------------------------------------------

    def draw_feed(self, c, surface, area: pygame.Rect, in_person: bool) -> None:
        t = self.app.theme
        last = len(self.shown) - 1 - self.review
        if last < 0:
            return
        y = area.bottom
        self.pages_of_last = 1
        for i in range(last, -1, -1):
            item = self.shown[i]
            if item.view != self.shown[last].view:
                break  # a change of view is a change of scene: earlier lines belong to the other
            typing = (
                i == len(self.shown) - 1 and self.typing_until > self.app.now and not self.review
            )
            h = self.item_height(item, area, in_person, typing, newest=i == last)
            if y - h < area.y and i != last:
                break
            y -= h
            self.draw_item(
                c,
                surface,
                item,
                pygame.Rect(area.x, max(area.y, y), area.w, h),
                in_person,
                typing,
                newest=i == last,
            )
            y -= t.u(1.5)

    def bubble_width(self, area: pygame.Rect, in_person: bool) -> int:
        t = self.app.theme
        return round(area.w * (0.7 if in_person else 0.8)) - 2 * t.u(1.5)

    def item_lines(self, item: Shown, area: pygame.Rect, in_person: bool, newest: bool):
        t = self.app.theme
        width = (
            round(area.w * 0.9) - 2 * t.u(1.5)
            if item.speaker is None
            else self.bubble_width(area, in_person)
        )
        style = "italic" if item.speaker is None or item.photo else "regular"
        text = self.app.text(self.scenario, item.text)
        head = self.label_height(item)
        room = area.h - head - 2 * t.u(1.2) - (t.u(12) if item.photo else 0)
        fitted = fit(self.app.fonts, text, width, room, t.body, t.min_body, style)
        if newest:
            self.pages_of_last = len(fitted.pages)
        return fitted, width, style, text

    def label_height(self, item: Shown) -> int:
        t = self.app.theme
        if item.speaker is None or item.speaker == self.scenario.character:
            return 0
        return self.app.fonts.line_height(t.small, "bold")

    def item_height(
        self, item: Shown, area: pygame.Rect, in_person: bool, typing: bool, newest: bool
    ) -> int:
        t = self.app.theme
        if typing:
            return self.label_height(item) + t.body + 2 * t.u(1.2)
        fitted, _, _, _ = self.item_lines(item, area, in_person, newest)
        page = self.page if newest else 0
        lines = fitted.pages[min(page, len(fitted.pages) - 1)] if newest else fitted.pages[0]
        text_h = len(lines) * fitted.line_height + (t.small if len(fitted.pages) > 1 else 0)
        photo_h = t.u(12) if item.photo else 0
        h = self.label_height(item) + text_h + photo_h + 2 * t.u(1.2)
        if in_person and item.speaker is not None:
            h = max(h, t.u(10))
        return h

    def draw_item(
        self,
        c,
        surface,
        item: Shown,
        rect: pygame.Rect,
        in_person: bool,
        typing: bool,
        newest: bool,
    ) -> None:
        t = self.app.theme
        pad = t.u(1.2)
        if item.speaker is None:
            fitted, width, style, text = self.item_lines(item, rect, in_person, newest)
            box = pygame.Rect(0, 0, width + 2 * t.u(1.5), rect.h)
            box.midtop = (rect.centerx, rect.y)
            draw.panel(surface, box, th.CAPTION, t.radius)
            c.text(
                text,
                box.inflate(-2 * t.u(1.5), -2 * pad),
                th.INK,
                style=style,
                align="center",
                page=self.page if newest else 0,
                pageable=True,
            )
            return
        mine = item.speaker == self.scenario.character
        label_h = self.label_height(item)
        portrait_r = t.u(5) if in_person else 0
        x0 = rect.x + (2 * portrait_r + t.u(1.5) if in_person and not mine else 0)
        x1 = rect.right - (2 * portrait_r + t.u(1.5) if in_person and mine else 0)
        if in_person:
            px = rect.x + portrait_r if not mine else rect.right - portrait_r
            draw.portrait(
                surface,
                item.speaker,
                (px, rect.y + portrait_r),
                portrait_r,
                self.kind(item.speaker),
            )
        if typing:
            bubble = pygame.Rect(x0, rect.y + label_h, t.u(12), t.body + 2 * pad)
            draw.panel(surface, bubble, th.BUBBLE_THEM, t.radius, shadow=t.u(0.3))
            self._dots = bubble  # drawn by draw(), over the frame it keeps
            if label_h:
                c.text(
                    self.name(item.speaker),
                    pygame.Rect(x0, rect.y, rect.w, label_h),
                    th.INK_SOFT,
                    size=t.small,
                    min_size=t.small,
                    style="bold",
                )
            return
        fitted, width, style, text = self.item_lines(item, rect, in_person, newest)
        page = min(self.page, len(fitted.pages) - 1) if newest else 0
        lines = fitted.pages[page]
        line_w = max((self.app.fonts.width(ln, fitted.size, style) for ln in lines), default=0)
        inner_w = max(line_w, t.u(20) if item.photo else t.u(4))
        inner_w = min(inner_w, width)
        photo_h = t.u(12) if item.photo else 0
        bh = rect.h - label_h
        bw = inner_w + 2 * t.u(1.5)
        bubble = (
            pygame.Rect(x1 - bw, rect.y + label_h, bw, bh)
            if mine
            else pygame.Rect(x0, rect.y + label_h, bw, bh)
        )
        draw.panel(
            surface, bubble, th.BUBBLE_ME if mine else th.BUBBLE_THEM, t.radius, shadow=t.u(0.3)
        )
        if label_h:
            align = "right" if mine else "left"
            c.text(
                self.name(item.speaker),
                pygame.Rect(x0, rect.y, x1 - x0, label_h),
                th.INK_SOFT,
                size=t.small,
                min_size=t.small,
                style="bold",
                align=align,
            )
        inner = bubble.inflate(-2 * t.u(1.5), -2 * pad)
        if item.photo:
            # never a picture: a calm placeholder (a frame with a generic landscape) and the words
            ph = pygame.Rect(inner.x, inner.y, inner.w, photo_h - t.u(1))
            pygame.draw.rect(surface, (210, 216, 228), ph, border_radius=t.u(1))
            pygame.draw.circle(
                surface, (240, 240, 245), (ph.x + ph.w // 4, ph.y + ph.h // 3), max(2, ph.h // 7)
            )
            pygame.draw.polygon(
                surface,
                (180, 188, 204),
                [
                    (ph.x, ph.bottom),
                    (ph.x + ph.w // 3, ph.y + ph.h // 2),
                    (ph.x + ph.w * 2 // 3, ph.bottom),
                ],
            )
            pygame.draw.polygon(
                surface,
                (160, 170, 190),
                [
                    (ph.x + ph.w // 3, ph.bottom),
                    (ph.x + ph.w * 2 // 3, ph.y + ph.h * 2 // 5),
                    (ph.right, ph.bottom),
                ],
            )
            inner = pygame.Rect(inner.x, inner.y + photo_h, inner.w, inner.h - photo_h)
        c.text(text, inner, th.INK, style=style, page=page, pageable=True)
