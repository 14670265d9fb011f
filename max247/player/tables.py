"""Tables with a device each: which game controller (or which group of a buzzer set's buttons)
belongs to which table, and each table's ballot at the vote on screen. Pure (no pygame): the
app turns SDL's joystick events into the calls below, and the tests call them directly.

A table joins by pressing any button and gets a number, a shape and a colour (never a colour
alone). A device that is unplugged leaves its table "away": the table keeps its ballot and the
votes it gave, and the next device of the same kind that presses a button takes it back. SDL
cannot tell two keyboards or two clickers apart, so those stay the teacher's; only joysticks
sit at tables.

A ballot may change until the reveal. The projector shows how many tables are ready, never
what; `tally` turns the ballots into counts per option key for the vote (max247.player.votes),
which keeps counts only, never a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_TABLES = 8
# every table's mark: a shape first (it never depends on seeing colours), then a colour; none is
# one of the option cards' shapes (circle, square, triangle, diamond), so a table's mark is
# never taken for an option
SHAPES = ("star", "heart", "hexagon", "plus", "moon", "pentagon", "flower", "arrow")

# A buzzer set (four buzzers on one USB plug, as in the Buzz! quiz games) shows up as one
# joystick with five buttons per buzzer: the big one, then four coloured ones.
BUZZER_BUTTONS = 5


def groups(name: str, buttons: int) -> int:
    """How many tables one device serves: a buzzer set one per buzzer, anything else one."""
    if "buzz" in name.lower() and buttons >= 2 * BUZZER_BUTTONS and buttons % BUZZER_BUTTONS == 0:
        return buttons // BUZZER_BUTTONS
    return 1


def press(name: str, buttons: int, button: int) -> tuple[int, int | None]:
    """Which of the device's groups a button belongs to, and the option (1-4) it gives, if any.

    On a buzzer the four coloured buttons are options 1 to 4 and the big one gives none; on a
    controller the first four buttons are options 1 to 4 (the cards on screen say so)."""
    if groups(name, buttons) > 1:
        group, index = divmod(button, BUZZER_BUTTONS)
        return group, (index if index else None)
    return 0, (button + 1 if button < 4 else None)


@dataclass(frozen=True)
class Seat:
    """Where a press comes from: a joystick (SDL's instance id) and a group of its buttons."""

    device: int
    group: int = 0


@dataclass
class Table:
    number: int  # 1 to MAX_TABLES, what the projector shows with the shape
    kind: str  # the device's GUID: a device of the same kind may take an away table back
    group: int
    device: int | None  # None while unplugged: away, ballot kept

    @property
    def shape(self) -> str:
        return SHAPES[(self.number - 1) % len(SHAPES)]

    @property
    def away(self) -> bool:
        return self.device is None


@dataclass
class Tables:
    """The tables of this lesson and their ballots at the current vote."""

    tables: list[Table] = field(default_factory=list)
    ballots: dict[int, str] = field(default_factory=dict)  # table number -> option key

    def at(self, seat: Seat) -> Table | None:
        for table in self.tables:
            if table.device == seat.device and table.group == seat.group:
                return table
        return None

    def join(self, seat: Seat, kind: str) -> Table | None:
        """A button pressed on a device: its table, a table taken back after an unplug, or a
        new table; None when every table is taken."""
        table = self.at(seat)
        if table is not None:
            return table
        for table in self.tables:
            if table.away and table.kind == kind and table.group == seat.group:
                table.device = seat.device
                return table
        if len(self.tables) >= MAX_TABLES:
            return None
        table = Table(len(self.tables) + 1, kind, seat.group, seat.device)
        self.tables.append(table)
        return table

    def unplug(self, device: int) -> list[Table]:
        """A device went away: its tables keep their number, ballots and votes."""
        gone = [t for t in self.tables if t.device == device]
        for table in gone:
            table.device = None
        return gone

    def vote(self, seat: Seat, key: str) -> Table | None:
        """A table's ballot (a later press changes it, until the reveal clears them)."""
        table = self.at(seat)
        if table is not None:
            self.ballots[table.number] = key
        return table

    @property
    def ready(self) -> int:
        return len(self.ballots)

    def tally(self, keys: tuple[str, ...]) -> dict[str, int]:
        """Counts per option key, in the vote's order: what the reveal shows."""
        return {k: sum(1 for b in self.ballots.values() if b == k) for k in keys}

    def next_vote(self) -> None:
        self.ballots.clear()
