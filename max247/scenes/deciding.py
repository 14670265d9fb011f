"""How the class decides, set at setup and remembered as the default: the whole class, table
cards or heads down (max247.player.votes), how many tables, the talk time before a vote, and
the table cards to print in the lesson's language. Every item cycles with F5, so the clicker
sets it all."""

from __future__ import annotations

from max247.input import Action
from max247.player.votes import MODES, TABLES, TALK_TIMES, Mode, mode_name
from max247.scenes.base import Item, MenuOverlay


def talk_words(app, seconds: int) -> str:
    if not seconds:
        return app._("no countdown")
    if seconds % 60:
        return app._("{seconds} seconds").format(seconds=seconds)
    return app.ngettext("{n} minute", "{n} minutes", seconds // 60).format(n=seconds // 60)


class DecidingOverlay(MenuOverlay):
    screen = "deciding"

    def __init__(self, app) -> None:
        from max247.printouts.game import print_table_cards

        super().__init__(app)
        _ = app._
        s = app.settings
        self.items = [
            Item(
                lambda: _("The class decides: {mode}").format(
                    mode=mode_name(_, Mode(s.decision_mode))
                ),
                self.next_mode,
                primary=True,
            ),
            Item(lambda: _("Tables: {n}").format(n=s.tables), self.next_tables),
            Item(
                lambda: _("Talk time before a vote: {time}").format(
                    time=talk_words(app, s.talk_seconds)
                ),
                self.next_talk,
            ),
            Item(lambda: _("Print the table cards"), lambda: self.then(print_table_cards)),
            Item(lambda: _("Back"), self.app.pop),
        ]
        self.zones = Item(
            lambda: (
                _("One keyboard for four tables: on")
                if s.keyboard_zones
                else _("One keyboard for four tables: off")
            ),
            self.toggle_zones,
        )
        self.offer_zones()

    def offer_zones(self) -> None:
        """The shared keyboard is a choice only with a controller per table (the menu stays as
        short as it was for the other ways to decide)."""
        devices = self.app.settings.decision_mode == Mode.DEVICES.value
        if devices and self.zones not in self.items:
            self.items.insert(3, self.zones)
        elif not devices and self.zones in self.items:
            self.items.remove(self.zones)

    def title(self) -> str:
        return self.app._("How does the class decide?")

    def next_mode(self) -> None:
        s = self.app.settings
        modes = [m.value for m in MODES]
        s.decision_mode = modes[(modes.index(s.decision_mode) + 1) % len(modes)]
        self.offer_zones()
        self.app.save_settings()

    def next_tables(self) -> None:
        s = self.app.settings
        tables = list(TABLES)
        s.tables = tables[(tables.index(s.tables) + 1) % len(tables)]
        self.app.save_settings()

    def toggle_zones(self) -> None:
        """Tables with a device each may share one keyboard in zones (see max247.input)."""
        s = self.app.settings
        s.keyboard_zones = not s.keyboard_zones
        self.app.save_settings()

    def next_talk(self) -> None:
        s = self.app.settings
        s.talk_seconds = TALK_TIMES[(TALK_TIMES.index(s.talk_seconds) + 1) % len(TALK_TIMES)]
        self.app.save_settings()

    def then(self, action) -> None:
        self.app.pop()
        action(self.app)

    def handle(self, action: Action) -> None:
        if action in (Action.PAUSE, Action.BACK):
            self.app.pop()
        else:
            super().handle(action)
