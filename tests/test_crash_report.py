"""A crash: a readable report in the user's log folder, and a message that says where."""

from __future__ import annotations

from max247 import crash, paths
from max247.settings import Settings, save_settings


def _boom() -> int:
    raise RuntimeError("the projector cable fell out")


def test_a_crash_writes_a_report_and_says_where(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "user_log", lambda: tmp_path / "log")
    monkeypatch.setattr(paths, "user_data", lambda: tmp_path / "data")
    save_settings(Settings(language="fr"))
    assert crash.guarded(_boom, ["game"], windowed=False) == 1
    (report,) = (tmp_path / "log").glob("crash-*.log")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("Max 24/7 stopped because of an error.")
    assert "command:   max247 game" in text and "from source" in text
    assert "RuntimeError: the projector cable fell out" in text
    err = capsys.readouterr().err
    # the message is in the class's language (the settings'), and names the file
    assert "Max 24/7 s'est arrêté à cause d'une erreur" in err and str(report) in err


def test_the_windowed_game_shows_the_message(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(paths, "user_log", lambda: tmp_path)
    monkeypatch.setattr(crash, "show", lambda title, text: shown.append(text) or True)
    crash.guarded(_boom, [], windowed=True)
    assert shown and str(next(tmp_path.glob("crash-*.log"))) in shown[0]


def test_headless_never_shows_a_box(monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert crash.show("title", "text") is False


def test_old_reports_are_removed(tmp_path):
    for i in range(crash.KEEP + 5):
        (tmp_path / f"crash-2020-01-01_00-00-{i:02}.log").write_text("old")
    crash.write_report(RuntimeError("x"), [], tmp_path)
    reports = sorted(tmp_path.glob("crash-*.log"))
    assert len(reports) == crash.KEEP and "2020" not in reports[-1].name


def test_an_unwritable_log_folder_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setattr(crash.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    path = crash.write_report(RuntimeError("x"), [], blocked / "log")
    assert path.parent == tmp_path / "tmp"


def test_a_normal_end_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "user_log", lambda: tmp_path)
    assert crash.guarded(lambda: 0, [], windowed=True) == 0
    assert not list(tmp_path.iterdir())
