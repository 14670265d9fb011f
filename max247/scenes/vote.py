"""The vote on the projector: the tables decide, the teacher counts, the spread is shown, the
teacher plays an option. The vote itself (max247.player.votes) is the model; this screen shows
it and turns the clicker's keys into its calls.

While the tables decide it shows how many are ready, never what they chose, and the talk time
(the choice's clock: one clock for both screens; it never chooses and nothing happens when it
ends). The teacher counts with PageDown (+1) and PageUp (-1), F5 for the next option (after the
last: the reveal), or types the counts. The reveal shows a bar per option with its count, its
number and its shape: no winner, no table. When the tables disagree, a question about the
character is shown. Then F5 plays the option with most votes (on a tie it rings the first of
the tied and the teacher picks), or PageDown rings any option to play. The vote answers the
choice with `(number, counts)`, or nothing when the teacher goes back to the cards.
"""

from __future__ import annotations

import pygame

from max247.input import DIGITS, Action
from max247.player.votes import Mode, State, Vote
from max247.scenes.base import Common, Item
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import fit, wrap

NO_RING = -1
BAR_SHARES = (0.4, 0.3, 0.2)  # of a row's width: the count and its bar; at the last, a number


class VoteScene(Common):
    screen = "vote"  # its keys: max247.input's VOTE table

    def __init__(self, app, choice, mode: Mode = Mode.CARDS) -> None:
        super().__init__(app)
        self.choice = choice  # the choice scene under this one: its options and its clock
        self.story_scene = choice.story_scene
        self.offered = choice.offered
        keys = tuple(o.option.key for o in self.offered.options)
        self.vote = Vote(keys, mode=mode, tables=app.settings.tables)
        self.ring = NO_RING  # after the reveal: the option the teacher rings to play
        self.typed = ""  # digits typed for the count being entered
        self.rows: list[pygame.Rect] = []
        self.bar_share = BAR_SHARES[0]
        devices = getattr(app, "tables", None)
        if devices is not None and devices.tables:  # tables with a device each vote by button
            devices.next_vote()
            self.vote.tables = len(devices.tables)

    def entered(self) -> None:
        # the talk time runs while the tables decide: started here if the teacher did not
        c = self.choice
        if c.timer and c.running_since is None and c.left() == c.timer:
            c.running_since = self.app.now

    # --- the talk time (the choice's clock) ----------------------------------------------

    def ticking(self) -> bool:
        return self.vote.state is State.DECIDING and self.choice.ticking()

    def lesson_actions(self) -> list[Item]:
        _ = self.app._
        v = self.vote
        back = Item(lambda: _("Skip the vote: choose on the cards"), lambda: self.dismiss(None))
        if v.state is State.DECIDING:
            other = Mode.HEADS_DOWN if v.mode is Mode.CARDS else Mode.CARDS
            label = (
                (lambda: _("Heads down for this vote"))
                if other is Mode.HEADS_DOWN
                else (lambda: _("Table cards for this vote"))
            )
            return [Item(label, lambda: v.switch(other)), back]
        if v.state is State.COUNTING:
            return [Item(lambda: _("Back to talking"), v.decide), back]
        return [Item(lambda: _("Count again"), self.recount)]

    # --- input ---------------------------------------------------------------------------

    def handle(self, action: Action) -> None:
        if self.common(action):
            return
        if action in (Action.TIMER, Action.TIMER_SKIP):
            self.choice.handle(action)
            return
        state = self.vote.state
        if state is State.DECIDING:
            self.deciding(action)
        elif state is State.COUNTING:
            self.counting(action)
        elif state is State.REVEALED:
            self.revealed(action)

    def by_device(self) -> bool:
        """The tables vote with their devices' buttons (there are tables with devices)."""
        return self.vote.mode is Mode.DEVICES and bool(self.app.tables and self.app.tables.tables)

    def deciding(self, action: Action) -> None:
        v = self.vote
        if self.by_device() and action in (Action.PLUS, Action.MINUS):
            return  # the devices say how many tables are ready
        if action is Action.PLUS:
            v.more_ready()
        elif action is Action.MINUS:
            v.fewer_ready()
        elif action is Action.CONFIRM:
            self.cards_up()
        elif action is Action.BACK:
            self.dismiss(None)  # back to the cards: the class talks on, or the teacher plays

    def cards_up(self) -> None:
        """Cards up (or hands up): the teacher counts, or the tables' devices already did."""
        v = self.vote
        devices = getattr(self.app, "tables", None)
        if devices is not None and devices.ballots:
            for key, n in devices.tally(v.keys).items():
                v.set(n, key)
            devices.next_vote()
            v.reveal()
            return
        self.typed = ""
        v.count()

    def counting(self, action: Action) -> None:
        v = self.vote
        if action is Action.PLUS:
            v.add(1)
            self.typed = ""
        elif action is Action.MINUS:
            v.add(-1)
            self.typed = ""
        elif action in DIGITS:
            self.typed = (self.typed + str(DIGITS.index(action)))[-2:]
            v.set(int(self.typed))
        elif action is Action.CONFIRM:
            self.typed = ""
            if not v.next_option():
                v.reveal()
        elif action is Action.DOWN:
            self.typed = ""
            v.next_option()
        elif action is Action.UP:
            self.typed = ""
            v.previous_option()
        elif action is Action.BACK:
            if self.typed:
                self.typed = self.typed[:-1]
                v.set(int(self.typed or "0"))
            elif v.counting:
                v.previous_option()
            else:
                v.decide()

    def revealed(self, action: Action) -> None:
        v = self.vote
        n = len(v.keys)
        if action in (Action.PLUS, Action.DOWN):
            self.ring = (self.ring + 1) % n
        elif action in (Action.MINUS, Action.UP):
            self.ring = n - 1 if self.ring == NO_RING else (self.ring - 1) % n
        elif action in DIGITS[1 : n + 1]:
            self.play(DIGITS.index(action) - 1)
        elif action is Action.CONFIRM:
            if self.ring != NO_RING:
                self.play(self.ring)
            elif (key := v.to_play()) is not None:
                self.play(v.keys.index(key))
            else:  # a tie, or nothing counted: the teacher picks, the ring shows where
                most = v.most()
                self.ring = v.keys.index(most[0]) if most else 0
        elif action is Action.BACK:
            self.recount()

    def reveal(self) -> None:
        """Show the votes now (the teacher's screen's button): the devices' ballots, or the
        counts entered so far; the teacher then plays an option as after F5."""
        if self.vote.state is State.DECIDING:
            self.cards_up()
        if self.vote.state is State.COUNTING:
            self.typed = ""
            self.vote.reveal()
        self.app.dirty = True

    def recount(self) -> None:
        self.ring = NO_RING
        self.typed = ""
        self.vote.recount()

    def play(self, index: int) -> None:
        v = self.vote
        v.play(v.keys[index])
        self.dismiss((self.offered.options[index].number, v.spread()))

    def click(self, pos: tuple[int, int]) -> None:
        for i, rect in enumerate(self.rows):
            if rect.collidepoint(pos):
                if self.vote.state is State.COUNTING:
                    self.vote.counting, self.typed = i, ""
                elif self.vote.state is State.REVEALED:
                    self.play(i)  # a tap on an option plays it, as on the choice's cards
                return

    def table_press(self, table, seat, option: int | None) -> None:
        """A table's device (max247.player.tables): its ballot, until the reveal."""
        devices = getattr(self.app, "tables", None)
        v = self.vote
        if devices is None or option is None or not 1 <= option <= len(v.keys):
            return
        if v.state in (State.DECIDING, State.COUNTING):
            devices.vote(seat, v.keys[option - 1])
            v.tables = max(v.tables, len(devices.tables))  # a table may join during the vote
            v.ready = min(v.tables, devices.ready)
            self.app.dirty = True

    def trace_line(self) -> str:
        v = self.vote
        counts = ",".join(str(v.counts[k]) for k in v.keys)
        return f"VoteScene\t{v.state.value}:{v.counting}:{self.ring}\t{v.ready}:{counts}"

    # --- drawing -------------------------------------------------------------------------

    def character(self) -> str:
        return self.story_scene.name(self.story_scene.scenario.character)

    def question(self) -> str:
        """What the class talks about when the tables disagree: the choice's own question, or
        one about the character (never about the class)."""
        discuss = self.offered.choice.discuss
        if discuss is not None:
            return self.app.text(self.story_scene.scenario, discuss)
        return self.app._("What makes this hard for {name}? What would help {name} most?").format(
            name=self.character()
        )

    def status(self) -> str:
        """The line under the question: what the class does now."""
        _ = self.app._
        v = self.vote
        n = v.counting + 1
        if v.state is State.DECIDING:
            if v.mode is Mode.HEADS_DOWN:
                return _(
                    "Decide on your own. Soon: heads down, eyes closed, and a hand up when "
                    "your option is read out."
                )
            if self.by_device():
                return _(
                    "Agree at your table, then press your option's button. You may change it "
                    "until the votes are shown."
                )
            return _("Agree at your table, then hold your card face down: ready.")
        if v.state is State.COUNTING:
            if v.mode is Mode.HEADS_DOWN:
                return _("Heads down, eyes closed. Hands up for option {n}.").format(n=n)
            return _("Cards up! Counting the cards for option {n}.").format(n=n)
        if not v.counted:
            return _("No votes were counted. The teacher chooses an option with the class.")
        return _("How the class voted")

    def hint(self) -> str:
        _ = self.app._
        v = self.vote
        if v.state is State.DECIDING:
            if v.mode is Mode.HEADS_DOWN:
                return _("F5: start counting. Esc: menu (talk time, table cards, skip the vote).")
            if self.by_device():
                return _("F5: show the votes. Esc: menu (talk time, table cards, skip the vote).")
            return _(
                "PageDown: one more table ready, PageUp: one less. F5: cards up. "
                "Esc: menu (talk time, heads down, skip the vote)."
            )
        if v.state is State.COUNTING:
            last = v.counting == len(v.keys) - 1
            then = _("F5: show the votes") if last else _("F5: next option")
            return _("PageDown: +1, PageUp: -1, or type the number.") + " " + then
        if self.ring != NO_RING:
            return _("F5 plays the ringed option; PageDown and PageUp move the ring.")
        if v.tie:
            tied = ", ".join(str(v.number(k)) for k in v.most())
            return _(
                "Options {numbers} have as many votes: the teacher chooses. F5 rings the first."
            ).format(numbers=tied)
        if not v.counted:
            return _("PageDown rings an option, F5 plays it.")
        return _("F5 plays the option with most votes; PageDown rings any other option.")

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.background(surface)
        full = t.width - 2 * t.margin
        prompt = self.app.text(self.story_scene.scenario, self.offered.choice.prompt)
        hint = self.hint()
        talk = self.vote.state is State.REVEALED and self.vote.disagree
        # the options never page: the question, the status and the hint give up size first,
        # then the hint its place, as on the choice's screen
        plans = [
            (t.title, t.body, True),
            (t.body, t.body, True),
            (t.body, t.small, True),
            (t.floor, t.floor, True),
            (t.floor, t.floor, False),
        ]
        if len(wrap(self.app.fonts, prompt, full, t.title, "bold")) > 2:
            plans = plans[1:]
        for prompt_size, size, with_hint in plans:
            top = t.u(2) + c.block_height(prompt, full, prompt_size, "bold") + t.u(1)
            top += self.status_height(c, size) + t.u(1)
            bottom = t.height - t.u(1.5)
            if with_hint:
                bottom -= c.block_height(hint, full, min(t.small, size)) + t.u(1)
            if talk:
                bottom -= self.question_height(c, size) + t.u(1)
            # the count's column narrows (down to the bare number) before any text shrinks more
            for self.bar_share in BAR_SHARES:
                if self.rows_fit(c, top, bottom - t.u(1)):
                    break
            else:
                continue
            break
        y = t.u(2)
        y += c.block(prompt, t.margin, y, full, size=prompt_size, style="bold", min_size=t.floor)
        self.draw_status(c, surface, y + t.u(1), size)
        if talk:
            self.draw_question(c, surface, bottom, size)
        self.draw_rows(c, surface, top, bottom - t.u(1))
        if with_hint:  # the teacher's keys: never louder than the class's words above
            hint_size = min(t.small, size)
            h = c.block_height(hint, full, hint_size)
            c.text(
                hint,
                pygame.Rect(t.margin, t.height - t.u(1.5) - h, full, h),
                th.INK_SOFT,
                size=hint_size,
                min_size=hint_size,
                align="center",
            )

    def status_layout(self, c, size: int) -> tuple[int, int]:
        """The status band's height at this text size, and the width of its side (the clock
        and the ready tables, while the tables decide)."""
        t = self.app.theme
        full = t.width - 2 * t.margin
        words = self.status()
        if self.vote.state is not State.DECIDING:
            return c.block_height(words, full - t.u(4), size, "bold") + 2 * t.u(1), 0
        side_w = min(full // 2, max(t.u(36), self.side_width(size)))
        text_h = c.block_height(words, full - side_w - t.u(5), size, "bold")
        return max(text_h, self.side_height(c, side_w, size)) + 2 * t.u(1), side_w

    def status_height(self, c, size: int) -> int:
        return self.status_layout(c, size)[0]

    def draw_status(self, c, surface, y: int, size: int) -> None:
        """The band under the question: what to do now, the ready tables and the clock."""
        t = self.app.theme
        v = self.vote
        band_h, side_w = self.status_layout(c, size)
        band = pygame.Rect(t.margin, y, t.width - 2 * t.margin, band_h)
        # heads down reads as a quiet, dark band: eyes are closed, nothing to look at
        dark = v.mode is Mode.HEADS_DOWN and v.state is not State.REVEALED
        draw.panel(surface, band, (52, 58, 84) if dark else th.CAPTION, t.radius)
        ink = th.WHITE if dark else th.INK
        width = band.w - (side_w + t.u(5) if side_w else t.u(4))
        c.block(self.status(), band.x + t.u(2), band.y + t.u(1), width, ink, size, "bold")
        if side_w:
            side = pygame.Rect(band.right - side_w - t.u(1), band.y + t.u(1), side_w, band_h)
            self.draw_side(c, surface, side, ink, size)

    def clock_words(self) -> str:
        _ = self.app._
        choice = self.choice
        if not choice.timer:
            return ""
        left = choice.left()
        if left <= 0:
            return _("Time to decide together")
        s = max(0, round(left))
        words = _("Discussion: {time}").format(time=f"{s // 60}:{s % 60:02d}")
        return words + (f" ({_('paused')})" if choice.running_since is None else "")

    def ready_words(self) -> str:
        v = self.vote
        if v.mode is Mode.HEADS_DOWN:
            return ""
        return self.app.ngettext(
            "{ready} of {tables} table ready", "{ready} of {tables} tables ready", v.tables
        ).format(ready=v.ready, tables=v.tables)

    # the clock and the ready tables are small beside the status, and shrink with it when the
    # options need the room
    def side_width(self, size: int) -> int:
        t = self.app.theme
        size = min(t.small, size)
        words = [w for w in (self.clock_words(), self.ready_words()) if w]
        return max((self.app.fonts.width(w, size, "bold") for w in words), default=0) + t.u(2)

    def side_height(self, c, width: int, size: int) -> int:
        t = self.app.theme
        h = 0
        for words in (self.clock_words(), self.ready_words()):
            if words:
                h += c.block_height(words, width, min(t.small, size), "bold")
        if self.ready_words():
            h += t.u(4)  # the row of table marks
        return h

    def draw_side(self, c, surface, rect: pygame.Rect, ink, size: int) -> None:
        """The clock and how many tables are ready: squares filled for the ready ones, in no
        order (a square is no table), never what they chose."""
        t = self.app.theme
        v = self.vote
        y = rect.y
        for words in (self.clock_words(), self.ready_words()):
            if words:
                y += c.block(words, rect.x, y, rect.w, ink, size=min(t.small, size), style="bold")
        if not self.ready_words():
            return
        s = min(t.u(3), (rect.w - t.u(1)) // max(1, v.tables) - t.u(0.6))
        y += t.u(0.6)
        for i in range(v.tables):
            box = pygame.Rect(rect.x + i * (s + t.u(0.6)), y, s, s)
            if i < v.ready:
                pygame.draw.rect(surface, ink, box, border_radius=max(1, s // 5))
            else:
                pygame.draw.rect(surface, ink, box, max(1, t.u(0.3)), border_radius=max(1, s // 5))

    def question_height(self, c, size: int) -> int:
        t = self.app.theme
        inner = t.width - 2 * t.margin - 4 * t.u(1)
        return (
            c.block_height(self.app._("Talk about it"), inner, min(t.small, size), "bold")
            + c.block_height(self.question(), inner, size)
            + 2 * t.u(1.2)
        )

    def draw_question(self, c, surface, bottom: int, size: int) -> None:
        """The discussion question, ending at `bottom`."""
        t = self.app.theme
        full = t.width - 2 * t.margin
        inner = full - 4 * t.u(1)
        h = self.question_height(c, size)
        box = pygame.Rect(t.margin, bottom + t.u(1), full, h)
        draw.panel(surface, box, th.WHITE, t.radius, border=th.ACCENT, border_width=t.u(0.4))
        y = box.y + t.u(1.2)
        head = self.app._("Talk about it")
        y += c.block(head, box.x + t.u(2), y, inner, th.ACCENT, min(t.small, size), "bold")
        c.block(self.question(), box.x + t.u(2), y, inner, size=size)

    def row_layout(self, top: int, bottom: int) -> tuple[int, int, int]:
        """Each option row's height, the gap between rows, and the width of the count area."""
        t = self.app.theme
        n = len(self.vote.keys)
        gap = t.u(1.2)
        row_h = min(t.u(16), (bottom - top - (n - 1) * gap) // n)
        full = t.width - 2 * t.margin
        bar_w = round(full * self.bar_share) if self.vote.state is not State.DECIDING else 0
        return row_h, gap, bar_w

    def text_box(self, row: pygame.Rect, bar_w: int) -> pygame.Rect:
        t = self.app.theme
        badge_w = min(t.u(12), row.h)
        return pygame.Rect(
            row.x + badge_w + t.u(2),
            row.y + t.u(0.6),
            row.w - badge_w - bar_w - t.u(4),
            row.h - t.u(1.2),
        )

    def rows_fit(self, c, top: int, bottom: int) -> bool:
        """Whether every option's words fit their row at the smallest text size."""
        t = self.app.theme
        row_h, _gap, bar_w = self.row_layout(top, bottom)
        box = self.text_box(pygame.Rect(t.margin, 0, t.width - 2 * t.margin, row_h), bar_w)
        lh = c.line_height(t.floor)
        scenario = self.story_scene.scenario
        return all(
            len(wrap(self.app.fonts, self.app.text(scenario, o.option.text), box.w, t.floor)) * lh
            <= box.h
            for o in self.offered.options
        )

    def draw_rows(self, c, surface, top: int, bottom: int) -> None:
        """A row per option: its number, shape and colour, its words, and once counting, its
        count (and after the reveal, a bar)."""
        t = self.app.theme
        v = self.vote
        row_h, gap, bar_w = self.row_layout(top, bottom)
        full = t.width - 2 * t.margin
        counts = v.state is not State.DECIDING
        # one text size for every row, the one the longest option needs: rows read as equals
        box = self.text_box(pygame.Rect(t.margin, top, full, row_h), bar_w)
        scenario = self.story_scene.scenario
        size = min(
            fit(
                self.app.fonts,
                self.app.text(scenario, o.option.text),
                box.w,
                box.h,
                t.body,
                t.floor,
            ).size
            for o in self.offered.options
        )
        self.rows = []
        for i, o in enumerate(self.offered.options):
            key = v.keys[i]
            r = pygame.Rect(t.margin, top + i * (row_h + gap), full, row_h)
            self.rows.append(r)
            colour = th.OPTION_COLOURS[i]
            draw.panel(surface, r, th.WHITE, t.radius, border=colour, border_width=t.u(0.4))
            ringed = (v.state is State.COUNTING and v.counting == i) or (
                v.state is State.REVEALED and self.ring == i
            )
            if ringed:
                c.highlight(r)
            c.option_badge(r, i, t.u(12))
            words = self.app.text(self.story_scene.scenario, o.option.text)
            c.text(
                words,
                self.text_box(r, bar_w),
                th.INK,
                size=size,
                min_size=t.floor,
                valign="center",
            )
            if counts:
                area = pygame.Rect(r.right - bar_w, r.y + t.u(1), bar_w - t.u(2), r.h - t.u(2))
                self.draw_count(c, surface, area, i, v.counts[key])

    def draw_count(self, c, surface, area: pygame.Rect, i: int, n: int) -> None:
        t = self.app.theme
        v = self.vote
        label = self.app.ngettext("{n} vote", "{n} votes", n).format(n=n)
        widest = self.app.ngettext("{n} vote", "{n} votes", 88).format(n=88)
        fonts = self.app.fonts
        if self.bar_share == BAR_SHARES[-1] or fonts.width(widest, t.floor, "bold") > area.w // 2:
            label, widest = str(n), "88"  # a narrow row: the number, beside its bar
        label_w = fonts.width(widest, t.body, "bold")
        label_w = min(label_w + t.u(1), area.w // 2)
        text_box = pygame.Rect(area.right - label_w, area.y, label_w, area.h)
        # a row may be lower than one line at the floor size (the reading font's leading at
        # 175%): the count's box then takes a line's height, centred on the row, into the gap
        text_box.h = max(area.h, fonts.line_height(t.floor, "bold"))
        text_box.centery = area.centery
        if v.state is State.COUNTING:
            entering = v.counting == i
            box = text_box.inflate(t.u(1), 0)
            draw.panel(
                surface,
                box,
                th.ACCENT_SOFT if entering else th.PAPER,
                t.radius,
                border=th.INK_SOFT,
                border_width=max(1, t.u(0.2)),
            )
            c.text(
                label,
                text_box,
                th.INK,
                size=t.body,
                min_size=t.floor,
                style="bold",
                align="center",
                valign="center",
            )
            return
        track = pygame.Rect(
            area.x, area.centery - area.h // 4, area.w - label_w - t.u(1.5), area.h // 2
        )
        pygame.draw.rect(surface, th.PAPER_DEEP, track, border_radius=t.u(0.8))
        share = n / v.total if v.total else 0
        if share:
            bar = pygame.Rect(track.x, track.y, max(t.u(1), round(track.w * share)), track.h)
            pygame.draw.rect(surface, th.OPTION_COLOURS[i], bar, border_radius=t.u(0.8))
        c.text(
            label,
            text_box,
            th.INK,
            size=t.body,
            min_size=t.floor,
            style="bold",
            align="right",
            valign="center",
        )
