"""Tables with a device each: joining, ballots that change until the reveal, an unplugged
device that keeps its table's votes and takes it back, and a buzzer set that seats four."""

from max247.input import Action
from max247.player.tables import MAX_TABLES, SHAPES, Seat, Tables, groups, press

PAD = "030000005e0400008e02000010010000"  # an Xbox controller's GUID
KEYS = ("tell", "wait", "block")


def test_each_device_joins_once_and_gets_a_number_and_a_shape():
    t = Tables()
    a, b = t.join(Seat(10), PAD), t.join(Seat(11), PAD)
    assert (a.number, a.shape) == (1, "star")
    assert (b.number, b.shape) == (2, "heart")
    assert t.join(Seat(10), PAD) is a  # pressing again changes nothing
    assert len(t.tables) == 2


def test_no_more_tables_than_the_projector_shows():
    t = Tables()
    for device in range(MAX_TABLES):
        assert t.join(Seat(device), PAD) is not None
    assert t.join(Seat(99), PAD) is None
    assert len({table.shape for table in t.tables}) == len(SHAPES) == MAX_TABLES


def test_a_table_may_change_its_ballot_until_the_reveal_and_only_counts_come_out():
    t = Tables()
    for device in (1, 2, 3):
        t.join(Seat(device), PAD)
    t.vote(Seat(1), "tell")
    t.vote(Seat(2), "wait")
    assert t.ready == 2
    t.vote(Seat(2), "tell")  # the table talked again
    assert t.ready == 2
    assert t.tally(KEYS) == {"tell": 2, "wait": 0, "block": 0}
    assert t.vote(Seat(7), "block") is None  # a device that never joined has no voice
    t.next_vote()
    assert t.ready == 0


def test_an_unplugged_device_keeps_its_ballot_and_takes_its_table_back():
    t = Tables()
    t.join(Seat(1), PAD)
    second = t.join(Seat(2), PAD)
    t.vote(Seat(2), "block")
    assert t.unplug(2) == [second] and second.away
    assert t.tally(KEYS)["block"] == 1  # its vote still counts
    assert t.join(Seat(5), "another kind") is not second  # a new kind of device: a new table
    assert t.join(Seat(6), PAD) is second  # plugged back in (SDL gives it a new id)
    assert not second.away and second.number == 2
    t.vote(Seat(6), "wait")
    assert t.tally(KEYS) == {"tell": 0, "wait": 1, "block": 0}


def test_a_buzzer_set_seats_four_tables_and_its_coloured_buttons_vote():
    assert groups("Buzz Controller", 20) == 4
    assert groups("Xbox 360 Controller", 11) == 1
    assert press("Buzz Controller", 20, 0) == (0, None)  # the big red buzzer: joins only
    assert press("Buzz Controller", 20, 7) == (1, 2)  # second buzzer, second colour
    assert press("Xbox 360 Controller", 11, 2) == (0, 3)
    assert press("Xbox 360 Controller", 11, 7) == (0, None)
    t = Tables()
    for group in range(4):
        t.join(Seat(3, group), "buzz")
    assert [table.number for table in t.tables] == [1, 2, 3, 4]
    t.unplug(3)
    assert all(table.away for table in t.tables)


# --- through the game: SDL's joystick events in pygame's queue, devices faked -----------------

import pygame  # noqa: E402

from max247.devices import Device  # noqa: E402
from max247.pilot import Pilot  # noqa: E402

DEVICES = {
    0: ("Xbox 360 Controller", 11, PAD),
    1: ("Xbox 360 Controller", 11, PAD),
    2: ("Buzz Controller", 20, "buzz"),
}


def _pilot() -> Pilot:
    pilot = Pilot(size=(1024, 768))
    pilot.app.start_tables()
    pilot.app.open_device = lambda index: Device(100 + index, *DEVICES[index])
    return pilot


def _added(index: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.JOYDEVICEADDED, device_index=index)


def _button(instance: int, button: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=instance, button=button)


def _removed(instance: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.JOYDEVICEREMOVED, instance_id=instance)


def test_tables_join_on_the_join_screen_and_an_unplugged_one_comes_back():
    pilot = _pilot()
    pilot.app.reset("title")
    pilot.app.push("tables")
    pilot.queue(_added(0), _added(1), _added(2))
    assert pilot.app.tables.tables == []  # plugged in is not joined: a table presses a button
    pilot.queue(_button(101, 6), _button(100, 0), _button(102, 0), _button(102, 12))
    assert pilot.top.trace_line() == "TablesScene\t4\t1 2 3 4"
    assert [t.number for t in pilot.app.tables.tables if t.device == 102] == [3, 4]
    pilot.queue(_removed(101))
    assert pilot.top.trace_line() == "TablesScene\t4\t1- 2 3 4"
    pilot.queue(_button(101, 0))  # the old id is gone with the device: nothing happens
    assert pilot.top.trace_line().endswith("1- 2 3 4")
    pilot.app.open_device = lambda index: Device(107, *DEVICES[0])
    pilot.queue(_added(5), _button(107, 3))  # plugged back in, a new id: table 1 again
    assert pilot.top.trace_line() == "TablesScene\t4\t1 2 3 4"
    results = []
    pilot.app.scenes[-1].on_dismiss = results.append
    pilot.press(Action.NEXT)  # the teacher's clicker goes on
    assert results == [4] and pilot.top.screen == "title"


def test_a_tables_buttons_mean_nothing_where_the_lesson_is_the_teachers():
    pilot = _pilot()
    pilot.lesson("fatou-max")
    pilot.queue(_added(0), _button(100, 0), _button(100, 1))
    assert pilot.top.screen == "board"
    assert pilot.app.tables.tables == []
    # and a game controller is no longer the teacher's pad while tables hold them
    pilot.queue(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=100, button=0))
    assert pilot.top.screen == "board"


def test_the_teachers_keys_keep_their_meaning_on_the_join_screen():
    pilot = _pilot()
    pilot.app.reset("title")
    pilot.app.push("tables")
    pilot.key(pygame.K_b)
    assert pilot.top.screen == "blank"
    pilot.key(pygame.K_b)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top.screen == "pause"


def _key(name: str, mod: int = 0) -> pygame.event.Event:
    key = pygame.key.key_code(name)
    scancode = getattr(pygame, f"KSCAN_{name.upper()}")
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, scancode=scancode)


def test_one_keyboard_shared_in_zones_seats_four_tables_and_never_takes_a_teachers_key():
    from max247.input import COMMON, KEYBOARD_ZONES, KEYMAPS

    pilot = _pilot()
    pilot.app.settings.keyboard_zones = True
    pilot.app.reset("title")
    pilot.app.push("tables")
    pilot.queue(_key("y"), _key("g"), _key("v"), _key("l"), _key("o"))
    assert pilot.top.trace_line() == "TablesScene\t4\t1 2 3 4"
    pilot.queue(_key("k", pygame.KMOD_CTRL))  # held with Ctrl: the teacher's, not a table's
    assert pilot.top.screen == "tables"
    pilot.queue(_key("b"))  # B still blanks the screen
    assert pilot.top.screen == "blank"
    # no zone key is a key the game gives a meaning, on any screen, on QWERTY or AZERTY
    taken = {key for keymap in KEYMAPS.values() for key in keymap} | set(COMMON)
    for scancode in (pygame.KSCAN_B, pygame.KSCAN_R, pygame.KSCAN_S, pygame.KSCAN_T):
        assert scancode not in KEYBOARD_ZONES
    qwerty = set("yuiodfghzxcvjkl;")
    azerty = set("yuiodfghwxcvjklm")  # the same keys, as a Belgian keyboard names them
    for letter in qwerty | azerty:
        assert pygame.key.key_code(letter) not in taken, letter
    assert len(set(KEYBOARD_ZONES.values())) == 16
