"""The tables join: each table presses any button on its controller or buzzer and sees its
number, its mark and its colour appear on the projector (and feels a short rumble where the
device has one). The teacher goes on with the clicker when every table is there; a table whose
device was unplugged shows as away until a button on it is pressed again.

Which button means what, on this screen and on the vote, is max247.input's (TABLE_PRESSES);
the app hands this scene the table a press joined.
"""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.player.tables import MAX_TABLES, Seat, Table
from max247.scenes.base import Common
from max247.scenes.scene import Host
from max247.ui import draw, stack
from max247.ui import theme as th
from max247.ui.stack import Part


class TablesScene(Common):
    """Joining: a slot per table, filled as its device presses a button."""

    screen = "tables"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.last: Table | None = None  # the table that joined last, ringed a moment

    def handle(self, action: Action) -> None:
        if self.common(action):
            return
        if action is Action.NEXT:
            self.dismiss(len(self.app.tables.tables) if self.app.tables else 0)
        elif action is Action.BACK:
            self.dismiss(None)

    def click(self, pos: tuple[int, int]) -> None:
        self.handle(Action.NEXT)

    def table_press(self, table: Table, seat: Seat, option: int | None) -> None:
        self.last = table  # ringed, so the table sees which slot is its own
        self.app.dirty = True

    def trace_line(self) -> str:
        tables = self.app.tables.tables if self.app.tables else []
        return f"{type(self).__name__}\t{len(tables)}\t" + " ".join(
            f"{t.number}{'-' if t.away else ''}" for t in tables
        )

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        w = t.width - 2 * t.margin
        tables = self.app.tables.tables if self.app.tables else []
        joined = self.app.ngettext(
            "{n} table has joined. Next: go on.",
            "{n} tables have joined. Next: go on.",
            len(tables),
        ).format(n=len(tables))
        if any(table.away for table in tables):
            joined = _("A table that is away comes back with any button.") + " " + joined
        hint_h = c.block_height(joined, w, t.small) + t.u(1)
        cols, rows = 4, 2
        gap = t.u(2)
        # the slots are what the class looks for: they keep room for a line of "Table n" and
        # "away" at the floor size; the words above give way first (gaps, then sizes)
        away_h = c.line_height(t.floor) if any(table.away for table in tables) else 0
        slot_h = c.line_height(t.floor, "bold") + away_h + t.u(2)
        grid_bottom = t.height - hint_h - t.u(2)
        top = t.margin
        parts = [
            Part(_("The tables join"), t.title, "bold"),
            Part(
                _("Each table presses any button on its controller or buzzer."),
                t.body,
                colour=th.INK_SOFT,
                gap=1,
            ),
            Part(
                _(
                    "To vote, a buzzer's four coloured buttons are options 1 to 4; "
                    "on a controller, its first four buttons."
                ),
                t.small,
                colour=th.INK_SOFT,
            ),
        ]
        room = grid_bottom - rows * slot_h - (rows - 1) * gap - t.u(2) - top
        if stack.height(c, parts, w, 1.0) > room:
            top = t.u(1)
            room += t.margin - top
        settled = stack.settle(c, parts, w, room)
        y = stack.draw(c, settled, t.margin, top, w, align="left") + t.u(2)
        cw = (w - (cols - 1) * gap) // cols
        ch = (grid_bottom - y - (rows - 1) * gap) // rows
        for i in range(MAX_TABLES):
            row, col = divmod(i, cols)
            box = pygame.Rect(t.margin + col * (cw + gap), y + row * (ch + gap), cw, ch)
            table = tables[i] if i < len(tables) else None
            self._slot(c, surface, box, table)
        c.hint(joined, t.height - t.u(1))

    def _slot(self, c, surface: pygame.Surface, box: pygame.Rect, table: Table | None) -> None:
        t = self.app.theme
        _ = self.app._
        if table is None:  # a free place: a dashed outline, nothing to read
            pygame.draw.rect(
                surface, th.PAPER_DEEP, box, width=max(2, t.u(0.4)), border_radius=t.radius
            )
            return
        colour = th.TABLE_COLOURS[(table.number - 1) % len(th.TABLE_COLOURS)]
        face = th.mix(colour, th.PAPER, 0.85) if not table.away else th.PAPER
        pygame.draw.rect(surface, face, box, border_radius=t.radius)
        edge = th.INK if table is self.last else colour
        pygame.draw.rect(surface, edge, box, width=max(2, t.u(0.5)), border_radius=t.radius)
        name = _("Table {n}").format(n=table.number)
        label_h = c.line_height(t.body, "bold")
        note_h = c.line_height(t.small) if table.away else 0
        if label_h + note_h > box.h - t.u(1):  # a short slot: the words shrink to fit it
            note_h = c.line_height(t.floor) if table.away else 0
            label_h = max(c.line_height(t.floor, "bold"), box.h - t.u(1) - note_h)
        mark_colour = colour if not table.away else th.INK_SOFT
        if box.h >= label_h + note_h + box.w // 3:  # room for a big mark over the words
            r = max(4, min(box.w // 4, (box.h - label_h - note_h - t.u(3)) // 2))
            centre = (box.centerx, box.y + t.u(1.5) + r)
            words = pygame.Rect(box.x + t.u(1), centre[1] + r + t.u(0.5), box.w - t.u(2), 0)
            align = "center"
        else:  # a short slot (large text, a small screen): the mark beside the words
            # the mark gives way to the words ("Table 5" in a narrow slot), down to a small one
            need = min(c.fonts.width(name, t.body, "bold"), box.w - t.u(9))
            r = max(t.u(2), min(box.h // 2 - t.u(1.5), box.w // 6, (box.w - t.u(4) - need) // 2))
            centre = (box.x + t.u(1.5) + r, box.centery)
            x = centre[0] + r + t.u(1.5)
            top = box.centery - (label_h + note_h) // 2
            words = pygame.Rect(x, top, box.right - t.u(1) - x, 0)
            align = "left"
        draw.mark(surface, table.shape, centre, r, mark_colour)
        label = pygame.Rect(words.x, words.y, words.w, label_h)
        c.text(
            name,
            label,
            th.INK,
            size=t.body,
            style="bold",
            align=align,
            valign="center" if align == "left" else "top",
            min_size=t.floor,
        )
        if table.away:
            note = pygame.Rect(words.x, label.bottom, words.w, note_h)
            c.text(_("away"), note, th.INK_SOFT, size=t.small, min_size=t.floor, align=align)
