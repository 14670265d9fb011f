"""The devices at the tables: a game controller or a buzzer set, opened through SDL's joystick
API, with what the tables need of it (its name, its buttons, its kind, a short rumble).

Kept apart from max247.player.tables, which is pure, so that tests can stand a fake `Device`
in for a real one: the app opens devices through a replaceable function (App.open_device).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import pygame

RUMBLE_MS = 150  # "you have joined": felt, not a buzz that lasts


@dataclass
class Device:
    instance: int  # SDL's instance id: what its events carry
    name: str
    buttons: int
    kind: str  # SDL's GUID: the same kind of device may take an away table back
    joystick: Any = None  # the open pygame joystick (kept open, else SDL forgets it)

    def rumble(self) -> None:
        """A short rumble where the device has one; nothing where it has none."""
        if self.joystick is not None:
            with contextlib.suppress(pygame.error, AttributeError):
                self.joystick.rumble(0.4, 0.8, RUMBLE_MS)


def open_joystick(index: int) -> Device | None:
    """Open SDL's joystick `index` (from JOYDEVICEADDED); None when SDL cannot."""
    try:
        joystick = pygame.joystick.Joystick(index)
        return Device(
            joystick.get_instance_id(),
            joystick.get_name(),
            joystick.get_numbuttons(),
            joystick.get_guid(),
            joystick,
        )
    except pygame.error:
        return None
