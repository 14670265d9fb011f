from max247.settings import Settings, load_settings, save_settings, settings_path


def test_round_trip(tmp_path):
    save_settings(Settings(language="fr", libraries=["/x"]), tmp_path)
    settings, note = load_settings(tmp_path)
    assert settings.language == "fr" and settings.libraries == ["/x"] and note is None


def test_a_corrupt_file_is_set_aside_and_defaults_are_used(tmp_path):
    settings_path(tmp_path).write_text("{not json", encoding="utf-8")
    settings, note = load_settings(tmp_path)
    assert settings == Settings()
    assert "kept as settings.json.broken-" in note
    assert list(tmp_path.glob("settings.json.broken-*"))


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path):
    settings_path(tmp_path).write_text('{"language": "en", "future": 1}', encoding="utf-8")
    settings, note = load_settings(tmp_path)
    assert settings.language == "en" and note is None


# --- issue 12: settings of every shape start the game --------------------------------------

import json  # noqa: E402
import os  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402

from max247 import settings as settings_module  # noqa: E402

SHAPES = {
    "a list": "[]",
    "a string": '"x"',
    "null": "null",
    "language 5": '{"language": 5}',
    "language xx": '{"language": "xx"}',
    "text_scale big": '{"text_scale": "big"}',
    "text_scale 1e308": '{"text_scale": 1e308}',
    "text_scale NaN": '{"text_scale": NaN}',
    "display x": '{"display": "x"}',
    "display true": '{"display": true}',
    "libraries of numbers": '{"libraries": [1, 2]}',
    "libraries a string": '{"libraries": "/x"}',
    "a library with a NUL": '{"libraries": ["/x\\u0000y"]}',
    "region a list": '{"region": ["be"]}',
    "fullscreen 1": '{"fullscreen": 1}',
    "lesson_minutes -5": '{"lesson_minutes": -5}',
    "100,000 deep": "[" * 100_000 + "]" * 100_000,
    "not UTF-8": b'{"language": "fr\xff"}',
}


def well_typed(s: Settings) -> bool:
    return (
        s.language in ("nl", "fr", "en")
        and s.region in ("be", "nl", "uk", "intl")
        and s.text_scale in (1.0, 1.25, 1.5)
        and type(s.display) is int
        and type(s.fullscreen) is bool
        and type(s.lesson_minutes) is int
        and all(isinstance(p, str) and "\x00" not in p for p in s.libraries)
    )


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_settings_of_any_shape_give_settings_of_the_right_types(shape, tmp_path):
    content = SHAPES[shape]
    path = settings_path(tmp_path)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    settings, note = load_settings(tmp_path)
    assert well_typed(settings)
    assert note is not None and "broken-" in note  # said, and the file kept aside
    assert list(tmp_path.glob("settings.json.broken-*"))
    json.dumps(settings.__dict__)


def test_a_wrong_field_keeps_the_teachers_other_settings(tmp_path):
    settings_path(tmp_path).write_text(
        '{"language": "fr", "libraries": ["/my/stories"], "display": "x"}', encoding="utf-8"
    )
    settings, note = load_settings(tmp_path)
    assert settings.language == "fr" and settings.libraries == ["/my/stories"]
    assert settings.display == 0 and "display" in note


def test_the_note_is_said_in_the_classes_language(tmp_path):
    from max247.i18n import Interface
    from max247.story.findings import render_text

    settings_path(tmp_path).write_text("[]", encoding="utf-8")
    _, note = load_settings(tmp_path)
    assert render_text(note, Interface("nl")) != str(note)
    assert render_text(note, Interface("fr")) != str(note)


def test_a_pipe_named_settings_json_does_not_block(tmp_path):
    os.mkfifo(settings_path(tmp_path))
    got = []
    reader = threading.Thread(target=lambda: got.append(load_settings(tmp_path)), daemon=True)
    reader.start()
    reader.join(10)
    assert got, "load_settings blocked on a pipe"
    settings, note = got[0]
    assert settings == Settings() and note is not None


def test_a_data_folder_that_is_a_file_gives_defaults(tmp_path):
    (tmp_path / "data").write_bytes(b"")
    assert load_settings(tmp_path / "data") == (Settings(), None)
    with pytest.raises(OSError):
        save_settings(Settings(), tmp_path / "data")  # the app says so, once


def test_writes_are_fsynced_file_and_folder(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    save_settings(Settings(), tmp_path)
    assert len(synced) == 2
    assert synced[0].endswith(".tmp") and synced[1] == str(tmp_path)
    assert settings_module.settings_path(tmp_path).exists()
    assert not list(tmp_path.glob("*.tmp"))
