"""Saved lessons: the SQLite store, the old JSON session, portable files, resuming in the game."""

import json
import os
import sqlite3
import time

import pytest

from max247 import paths
from max247.cli import main
from max247.i18n import Interface
from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.board import BoardScene
from max247.scenes.choice import ChoiceScene
from max247.scenes.ending import EndingScene
from max247.scenes.preview import BrokenFile, Watcher
from max247.scenes.sessions import NameOverlay, NoticeOverlay, SessionsScene
from max247.scenes.setup import SetupScene
from max247.scenes.story import StoryScene
from max247.scenes.title import TitleScene
from max247.session import FINISHED, Session
from max247.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Refused,
    Store,
    read_portable,
)
from max247.story.library import load_library

SAMPLE = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")
NL = Interface("nl").gettext


def to_choice(pilot: Pilot) -> None:
    for _ in range(20):
        if isinstance(pilot.top, ChoiceScene):
            return
        pilot.press(Action.NEXT)
    raise AssertionError("no choice")


def played(folder, name="6B Tuesday") -> Pilot:
    """A lesson with Noor and Lucas, two decisions into Noor's story, saved in `folder`."""
    pilot = Pilot()
    pilot.app.store = Store.open(folder)
    pilot.lesson("noor-gems", "lucas-password")
    pilot.app.session.name = name
    pilot.press(Action.CONFIRM, Action.CONFIRM)  # Noor's card, start the story
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)  # "No thanks"
    to_choice(pilot)
    return pilot


def fields(session: Session) -> dict:
    return {k: v for k, v in vars(session).items() if k != "id"}


# --- the store ---------------------------------------------------------------------------------


def test_a_saved_lesson_resumes_from_the_title_at_the_same_decision(tmp_path):
    pilot = played(tmp_path)
    saved = pilot.app.session
    assert saved.current == "noor-gems"

    again = Pilot()
    again.app.store = Store.open(tmp_path)
    again.start(TitleScene(again.app))
    assert again.top.items[again.top.index].label().startswith("Continue “6B Tuesday” (")
    again.press(Action.CONFIRM)  # one press: the lesson, in Noor's story, at her second choice
    assert isinstance(again.top, ChoiceScene)
    assert again.top.offered.choice.key == "insists/1"
    assert again.app.session.progress("noor-gems").log[0].option == "no-thanks-im-fine"
    assert [type(s) for s in again.app.scenes] == [BoardScene, StoryScene, ChoiceScene]


def test_every_decision_is_one_transaction_with_durable_settings(tmp_path):
    pilot = played(tmp_path)
    conn = pilot.app.store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    statements = []
    conn.set_trace_callback(statements.append)
    pilot.press(Action.CHOOSE_1)
    begins = [s for s in statements if s == "BEGIN IMMEDIATE"]
    assert begins and len(begins) == sum(s == "COMMIT" for s in statements)
    other = Store.open(tmp_path)  # what another process would read: the decision is there
    session = other.load(other.find("6B Tuesday").id)
    assert len(session.progress("noor-gems").log) == 2


def test_many_lessons_side_by_side_with_unique_names(tmp_path):
    store = Store.open(tmp_path)
    library = load_library([paths.SCENARIOS])
    one = Session.new([library.scenarios["noor-gems"]], "nl", "be", "6B dinsdag")
    two = Session.new([library.scenarios["zoe-says-no"]], "fr", "be", "6B dinsdag")
    store.save(one)
    store.save(two)
    assert two.name == "6B dinsdag (2)"
    assert {x.name for x in store.sessions()} == {"6B dinsdag", "6B dinsdag (2)"}
    two.state = FINISHED
    store.save(two)
    assert [x.name for x in store.sessions(unfinished=True)] == ["6B dinsdag"]
    assert store.rename("6b DINSDAG", "6A woensdag") == "6A woensdag"
    with pytest.raises(Refused, match="already"):
        store.rename("6A woensdag", "6B dinsdag (2)")
    with pytest.raises(Refused):
        store.rename("6A woensdag", "   ")
    store.delete("6A woensdag")
    assert [x.name for x in store.sessions()] == ["6B dinsdag (2)"]
    with pytest.raises(Refused, match="no lesson"):
        store.delete("6A woensdag")


def test_the_schema_has_a_version_and_a_newer_database_is_left_alone(tmp_path):
    store = Store.open(tmp_path)
    assert store._version() == SCHEMA_VERSION == len(MIGRATIONS)
    store.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    store.close()
    before = (tmp_path / DB_NAME).read_bytes()
    again = Store.open(tmp_path, NL)
    assert again.path is None and "nieuwere versie" in again.notes[0]
    assert (tmp_path / DB_NAME).read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [b"SQLite format 3\x00" + os.urandom(4000), b"not a database at all" * 50, b"\x00" * 8192],
)
def test_a_damaged_database_is_set_aside_and_the_game_starts(tmp_path, damage):
    (tmp_path / DB_NAME).write_bytes(damage)
    store = Store.open(tmp_path, NL)
    assert store.path == tmp_path / DB_NAME and store.sessions() == []
    assert "opzij gezet" in store.notes[0]
    assert len(list(tmp_path.glob(DB_NAME + ".damaged-*"))) == 1


def test_a_database_cut_in_half_is_set_aside(tmp_path):
    played(tmp_path).app.store.close()
    data = (tmp_path / DB_NAME).read_bytes()
    (tmp_path / DB_NAME).write_bytes(data[: len(data) // 2])
    store = Store.open(tmp_path)
    assert store.notes and store.sessions() == []


def test_a_fifo_or_a_folder_where_the_database_goes_is_set_aside(tmp_path):
    os.mkfifo(tmp_path / DB_NAME)
    store = Store.open(tmp_path)
    assert store.path is not None and store.notes
    assert not (tmp_path / DB_NAME).is_fifo()


def test_no_writable_folder_keeps_lessons_in_memory_and_says_so_once(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    store = Store.open(blocked / "max247", NL)  # a folder under a file cannot be made
    assert store.path is None and len(store.notes) == 1
    assert "alleen tot het spel sluit" in store.notes[0]
    library = load_library([paths.SCENARIOS])
    store.save(Session.new([library.scenarios["noor-gems"]], "nl", "be", "x"))
    assert [x.name for x in store.sessions()] == ["x"]


def test_a_save_that_fails_mid_lesson_plays_on_in_memory(tmp_path):
    pilot = played(tmp_path)
    pilot.app.store.conn.close()  # the network folder went away
    pilot.press(Action.CHOOSE_1)
    assert pilot.app.store.path is None and len(pilot.app.notes) == 1
    for _ in range(100):  # play on to the ending: every further save goes to memory
        if isinstance(pilot.top, EndingScene):
            break
        pilot.press(Action.CHOOSE_1 if isinstance(pilot.top, ChoiceScene) else Action.NEXT)
    assert isinstance(pilot.top, EndingScene)
    assert len(pilot.app.notes) == 1  # said once
    assert pilot.app.store.sessions()[0].decisions >= 2


# --- the JSON session of earlier versions ------------------------------------------------------

OLD = {
    "version": 1,
    "language": "nl",
    "region": "be",
    "characters": [
        {
            "scenario": "noor-gems",
            "mood": 2,
            "started": True,
            "ended": False,
            "ending": "",
            "found_max": False,
            "found_help": False,
            "told": [],
            "helped": [],
            "log": [{"choice": "gems/1", "option": "no-thanks-im-fine", "number": 2}],
            "source": "",
        }
    ],
}


def test_the_old_json_session_is_imported_once(tmp_path):
    (tmp_path / "session.json").write_text(json.dumps(OLD), encoding="utf-8")
    store = Store.open(tmp_path, NL)
    (listed,) = store.sessions()
    assert listed.name == NL("Lesson saved before the update") and listed.decisions == 1
    assert not (tmp_path / "session.json").exists()
    assert list(tmp_path.glob("session.json.imported-*"))
    store.close()
    assert len(Store.open(tmp_path).sessions()) == 1


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "null",
        "{nope",
        json.dumps({**OLD, "characters": "abc"}),
        json.dumps({**OLD, "characters": []}),
        json.dumps({**OLD, "characters": [{**OLD["characters"][0], "mood": "x"}]}),
        json.dumps({**OLD, "characters": [{**OLD["characters"][0], "mood": 99}]}),
        json.dumps({**OLD, "characters": [{**OLD["characters"][0], "log": [[1, 2]]}]}),
        json.dumps({**OLD, "characters": [{**OLD["characters"][0], "told": "mum"}]}),
        json.dumps({**OLD, "version": 7}),
        json.dumps({**OLD, "language": None}),
        _nested(100_000),
        "\xff\xfe{}",  # not UTF-8
    ],
)
def test_a_damaged_old_session_is_set_aside_with_a_message_and_the_game_starts(tmp_path, text):
    (tmp_path / "session.json").write_text(text, encoding="latin-1")
    store = Store.open(tmp_path, NL)
    assert store.sessions() == []
    (note,) = store.notes
    assert "kon niet gelezen worden" in note and "opzij gezet" in note
    assert not (tmp_path / "session.json").exists()


def test_an_old_session_that_is_a_fifo_never_blocks_the_start(tmp_path):
    os.mkfifo(tmp_path / "session.json")
    start = time.monotonic()
    store = Store.open(tmp_path)
    assert time.monotonic() - start < 5 and store.notes and store.sessions() == []


# --- portable files ----------------------------------------------------------------------------


def test_export_on_one_pc_and_import_on_another_gives_the_same_session(tmp_path):
    pilot = played(tmp_path / "pc1")
    session = pilot.app.session
    session.progress("noor-gems").votes[0] = {"no-thanks-im-fine": 14, "cool-thanks": 6}
    pilot.app.store.save(session)
    data = pilot.app.store.export("6B Tuesday")
    path = tmp_path / "6B.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    other = Store.open(tmp_path / "pc2")
    imported = other.import_file(path)
    loaded = other.load(imported.id)
    original = pilot.app.store.load(session.id)
    assert fields(loaded) == fields(original)
    for mine, theirs in zip(loaded.characters, original.characters, strict=True):
        assert vars(mine) == vars(theirs)
    assert loaded.progress("noor-gems").votes[0] == {"no-thanks-im-fine": 14, "cool-thanks": 6}


def test_the_cli_exports_imports_lists_renames_and_deletes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "pc1"))
    played(paths.user_data()).app.store.close()
    out = tmp_path / "lesson.json"
    assert main(["sessions", "export", "6B Tuesday", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1
    assert main(["sessions", "show", "6B Tuesday"]) == 0
    assert '"no-thanks-im-fine"' in capsys.readouterr().out

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "pc2"))
    assert main(["sessions", "import", str(out)]) == 0
    assert main(["sessions", "import", str(out)]) == 0  # a second copy, under its own name
    assert main(["sessions", "rename", "6B Tuesday (2)", "6B Thursday"]) == 0
    capsys.readouterr()
    assert main(["sessions", "list"]) == 0
    listed = capsys.readouterr().out
    assert "6B Tuesday\t" in listed and "6B Thursday\t" in listed
    assert main(["sessions", "delete", "6B Thursday"]) == 0
    assert main(["sessions", "delete", "6B Thursday"]) == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (json.dumps(OLD), "older version"),
        (json.dumps({"format": "max247-session", "version": 0}), "older version"),
        (json.dumps({"format": "max247-session", "version": 2}), "newer version"),
        (json.dumps({"format": "something else"}), "not a session file"),
        (json.dumps({"format": "max247-session", "version": 1, "session": []}), "damaged"),
        ("{broken", "not a readable"),
        (_nested(100_000), "not a readable"),
    ],
)
def test_an_old_or_damaged_file_is_refused_and_changes_nothing(tmp_path, content, reason):
    store = Store.open(tmp_path / "data")
    store.close()
    before = (tmp_path / "data" / DB_NAME).read_bytes()
    path = tmp_path / "lesson.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(Refused, match=reason) as caught:
        Store.open(tmp_path / "data").import_file(path)
    assert str(path) in str(caught.value) and "Nothing was changed" in str(caught.value)
    assert (tmp_path / "data" / DB_NAME).read_bytes() == before
    with pytest.raises(Refused, match="Er werd niets veranderd"):
        read_portable(path, NL)


def test_an_exported_file_with_a_damaged_character_is_refused(tmp_path):
    pilot = played(tmp_path / "pc1")
    data = pilot.app.store.export("6B Tuesday")
    data["session"]["characters"][0]["mood"] = "x"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Refused, match="damaged"):
        Store.open(tmp_path / "pc2").import_file(path)
    assert Store.open(tmp_path / "pc2").sessions() == []


# --- in the game -------------------------------------------------------------------------------


def test_an_edited_story_resumes_at_the_last_decision_that_still_matches(tmp_path):
    folder = tmp_path / "stories" / "noor-gems"
    folder.mkdir(parents=True)
    (folder / "noor-gems.yaml").write_text(SAMPLE, encoding="utf-8")
    pilot = Pilot()
    pilot.app.store = Store.open(tmp_path / "data")
    pilot.app.library = load_library([tmp_path / "stories"])
    pilot.lesson("noor-gems")
    pilot.press(Action.CONFIRM, Action.CONFIRM)
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)  # No thanks
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)  # Take the gems after all
    to_choice(pilot)
    assert len(pilot.app.session.progress("noor-gems").log) == 2

    # the educator rewrites the option the class took at the second decision (its key with it)
    edited = SAMPLE.replace("Take the gems after all.", "Take the gems anyway.")
    assert edited != SAMPLE
    (folder / "noor-gems.yaml").write_text(edited, encoding="utf-8")
    again = Pilot()
    again.app.store = Store.open(tmp_path / "data")
    again.app.library = load_library([tmp_path / "stories"])
    again.start(TitleScene(again.app))
    again.press(Action.CONFIRM)
    assert isinstance(again.top, NoticeOverlay)
    assert "1 of 2" in again.top.message
    again.press(Action.CONFIRM)
    assert isinstance(again.top, ChoiceScene) and again.top.offered.choice.key == "insists/1"


def test_the_setup_names_the_lesson_and_the_title_lists_the_unfinished(tmp_path):
    pilot = Pilot()
    pilot.app.store = Store.open(tmp_path)
    pilot.start(TitleScene(pilot.app))
    pilot.press(Action.CONFIRM)  # New lesson
    setup = pilot.top
    assert isinstance(setup, SetupScene)
    name_item = next(i for i, it in enumerate(setup.items) if it.label().startswith("Name: "))
    setup.index = name_item
    pilot.press(Action.CONFIRM)
    assert isinstance(pilot.top, NameOverlay)
    pilot.step()
    assert any("Never use a child's name" in d.text for d in pilot.drawn)
    for _ in range(40):
        pilot.key(pygame_key("backspace"))
    for ch in "6B Tuesday":
        pilot.app.event(text_event(ch))
    pilot.key(pygame_key("return"))
    assert isinstance(pilot.top, SetupScene) and setup.name == "6B Tuesday"
    setup.chosen = ["noor-gems"]
    setup.start()
    assert pilot.app.store.find("6B Tuesday") is not None

    for name in ("6A", "6C"):
        pilot.app.store.save(
            Session.new([pilot.app.library.scenarios["zoe-says-no"]], "en", "be", name)
        )
    pilot.start(TitleScene(pilot.app))
    labels = [it.label() for it in pilot.top.items]
    assert any(label.startswith("Continue “6C”") for label in labels)
    assert "Other unfinished lessons (2)" in labels
    pilot.top.others()
    assert isinstance(pilot.top, SessionsScene) and len(pilot.top.lessons) == 3


def test_a_preview_never_touches_the_teachers_lessons(tmp_path):
    path = tmp_path / "noor-gems.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    pilot = Pilot()
    pilot.app.store = Store.open(tmp_path / "data")
    watcher = Watcher(pilot.app, str(path), None)
    assert watcher.begin()
    pilot.step()
    to_choice(pilot)
    pilot.press(Action.CHOOSE_2)
    assert pilot.app.store.sessions() == []
    assert not isinstance(pilot.top, BrokenFile)


def test_ending_the_lesson_keeps_it_as_finished(tmp_path):
    from max247.scenes.closing import ClosingScene

    pilot = played(tmp_path)
    pilot.app.print_folder = tmp_path / "prints"
    pilot.start(ClosingScene(pilot.app))
    pilot.press(Action.CHOOSE_2, Action.CHOOSE_1)  # Print…, the summary
    assert isinstance(pilot.top, NoticeOverlay)
    assert (tmp_path / "prints" / "6B Tuesday.html").exists()
    assert (tmp_path / "prints" / "6B Tuesday.csv").exists()
    pilot.press(Action.CONFIRM)
    pilot.press(Action.CHOOSE_2, Action.CHOOSE_2)  # Print…, Max cards
    assert list((tmp_path / "prints").glob("max-cards-*.html"))
    pilot.press(Action.CONFIRM)
    pilot.top.end()
    (listed,) = pilot.app.store.sessions()
    assert listed.finished and pilot.app.store.sessions(unfinished=True) == []


def pygame_key(name: str) -> int:
    import pygame

    return pygame.key.key_code(name)


def text_event(ch: str):
    import pygame

    return pygame.event.Event(pygame.TEXTINPUT, text=ch)


def test_a_database_in_use_elsewhere_is_not_called_damaged(tmp_path):
    store = Store.open(tmp_path)
    store.conn.execute("BEGIN EXCLUSIVE")
    try:
        other = Store.open(tmp_path)  # locked: memory for now, the file left as it is
    finally:
        store.conn.execute("ROLLBACK")
    assert not list(tmp_path.glob("*.damaged-*"))
    assert other.path is None or other.sessions() == []
    assert sqlite3.connect(tmp_path / DB_NAME).execute("PRAGMA integrity_check").fetchone() == (
        "ok",
    )
