"""The key card (F1 or ?, and "Keys and clicker" in the pause menu): what every key, clicker
button, click and tap does, for a teacher who has only a presentation clicker at hand.

The keyboard column is read from the input map, so the card cannot name a key that does nothing.
"""

from __future__ import annotations

import pygame

from max247.input import Action, keys_for
from max247.scenes.base import Item, Menu
from max247.ui import theme as th


def N_(text: str) -> str:
    """Marks a text for the catalogs; it is translated where it is drawn."""
    return text


# (what it does, keyboard keys, the clicker's button, mouse and touch)
ROWS: tuple[tuple[str, list[str], str, str], ...] = (
    (
        N_("Go on"),
        keys_for("reading", Action.NEXT),
        N_("Next (PageDown)"),
        N_("click or tap"),
    ),
    (
        N_("Re-read; right after a decision: take it back"),
        keys_for("reading", Action.BACK),
        N_("Back (PageUp)"),
        "",
    ),
    (
        N_("Choose an option"),
        ["1-4", *keys_for("menu", Action.DOWN, Action.UP)[:2], "+ Enter"],
        N_("PageDown rings a card, then F5"),
        N_("tap the card"),
    ),
    (
        N_("Vote: one table ready more or less; while counting, one vote more or less"),
        keys_for("vote", Action.PLUS, Action.MINUS),
        N_("PageDown / PageUp"),
        "",
    ),
    (
        N_("Vote: cards up, next option, show the votes, play"),
        ["0-9", *keys_for("vote", Action.CONFIRM)],
        "F5",
        N_("tap an option"),
    ),
    (
        N_("Discussion timer: start or pause, 30 s more, skip"),
        ["T", "+", "S"],
        N_("Esc: the menu has the timer"),
        "",
    ),
    (
        N_("Menu: timer, undo, language, text size, stop"),
        keys_for("menu", Action.PAUSE),
        N_("Start button (F5/Esc)"),
        "",
    ),
    (N_("Blank screen: the safe exit"), keys_for("menu", Action.BLANK), N_("Blank (B or .)"), ""),
    (N_("Notes for the teacher"), keys_for("menu", Action.TEACHER), "", ""),
    (N_("Text size"), keys_for("menu", Action.TEXT_SCALE), "", ""),
    (N_("Full screen"), keys_for("menu", Action.FULLSCREEN), "", ""),
    (N_("This key card"), keys_for("menu", Action.KEYS), "", ""),
)


class KeyCard(Menu):
    """The table, paged where the screen is too short for it at a readable size (PageDown turns
    the page, with a "1/2" mark); Escape, Back, F1 or the button close it."""

    screen = "keys"

    overlay = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.items = [Item(lambda: app._("Close"), self.app.pop, primary=True)]
        self.page = 0
        self.pages = 1

    def handle(self, action: Action) -> None:
        if action in (Action.KEYS, Action.PAUSE, Action.BACK):
            self.app.pop()
        elif action in (Action.DOWN, Action.RIGHT, Action.NEXT) and self.page + 1 < self.pages:
            self.page += 1
        elif action in (Action.UP, Action.LEFT) and self.page:
            self.page -= 1
        elif action in (Action.NEXT, Action.CONFIRM, Action.DOWN):
            self.app.pop()
        else:
            super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        surface.fill(th.PAPER)
        y = t.u(2)
        y += c.block(
            _("Keys and clicker"), t.margin, y, t.width - 2 * t.margin, size=t.body, style="bold"
        )
        y += t.u(1)
        bh = round(t.body * 2)
        bottom = t.height - t.u(3) - bh - t.u(1)
        heads = (_("What"), _("Keyboard"), _("Clicker"), _("Mouse, touch"))
        shares = (0.36, 0.22, 0.26, 0.16)
        full = t.width - 2 * t.margin
        xs, x = [], t.margin
        for share in shares:
            xs.append((x, round(full * share) - t.u(1)))
            x += round(full * share)
        rows = [
            (_(what), " ".join(keys), _(clicker) if clicker else "", _(pointer) if pointer else "")
            for what, keys, clicker, pointer in ROWS
        ]
        # the rows, split into pages that fit under the heads: at the small size, which grows
        # with the text size, or smaller (never below the floor) where that takes over two pages
        size = t.small
        while True:
            head_h = self.row_height(c, heads, xs, size, "bold") + t.u(0.8)
            pages = self.paginate(c, rows, xs, size, bottom - y - head_h)
            if len(pages) <= 2 or size <= t.floor:
                break
            size = max(t.floor, int(size * 0.92))
        self.pages = len(pages)
        self.page = min(self.page, self.pages - 1)
        for n, row in enumerate([heads, *pages[self.page]]):
            h = self.row_height(c, row, xs, size, "bold" if n == 0 else "regular")
            if n % 2:
                band = pygame.Rect(t.margin - t.u(0.5), y - t.u(0.4), full + t.u(1), h + t.u(0.8))
                pygame.draw.rect(surface, th.PAPER_DEEP, band, border_radius=t.u(0.5))
            for cell, (cx, w) in zip(row, xs, strict=True):
                style = "bold" if n == 0 else "regular"
                # a word wider than its column shrinks its cell, never below the floor
                c.block(cell, cx, y, w, size=size, style=style, min_size=t.floor)
            y += h + t.u(0.8)
        rect = pygame.Rect(0, 0, t.u(40), bh)
        rect.midbottom = (t.width // 2, t.height - t.u(2))
        self.items[0].rect = rect
        self.button(c, self.items[0].label(), rect, True, True)
        if self.pages > 1:  # beside the button, clear of the rows at every size
            mark = f"{self.page + 1}/{self.pages} · PageDown"
            box = pygame.Rect(
                rect.right + t.u(2), rect.y, t.width - t.margin - rect.right - t.u(2), bh
            )
            c.text(
                mark,
                box,
                th.INK_SOFT,
                size=t.small,
                min_size=t.floor,
                align="right",
                valign="center",
            )

    def paginate(self, c, rows: list, xs, size: int, room: int) -> list[list]:
        t = self.app.theme
        pages: list[list[tuple[str, str, str, str]]] = [[]]
        used = 0
        for row in rows:
            h = self.row_height(c, row, xs, size) + t.u(0.8)
            if pages[-1] and used + h > room:
                pages.append([])
                used = 0
            pages[-1].append(row)
            used += h
        return pages

    def cell_size(self, cell: str, w: int, size: int, style: str) -> int:
        """The size Canvas.block draws a cell at: smaller where a word is wider than it."""
        fonts, floor = self.app.fonts, self.app.theme.floor
        longest = max(cell.split(), key=lambda word: fonts.width(word, size, style), default="")
        while size > floor and fonts.width(longest, size, style) > w:
            size = max(floor, int(size * 0.92))
        return size

    def row_height(self, c, row, xs, size: int, style: str = "regular") -> int:
        return max(
            c.block_height(cell, w, self.cell_size(cell, w, size, style), style)
            for cell, (_x, w) in zip(row, xs, strict=True)
        )
