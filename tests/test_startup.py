"""Start-up: each command imports what it needs. `validate` opens no window (no pygame), and
the game's first frame is drawn before the scenario reader, the proof and the help directory
are imported (a start from the validation cache reads no story)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def imported_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_validate_imports_no_pygame():
    story = ROOT / "scenarios" / "noor-gems"
    modules = imported_after(f"from max247.cli import main\nmain(['validate', {str(story)!r}])")
    assert "max247.story.flow" in modules  # it did validate
    assert not {m for m in modules if m.startswith("pygame")}


def test_the_first_frame_comes_before_the_reader_and_the_help_directory(tmp_path):
    data = tmp_path / "data" / "max247"
    data.mkdir(parents=True)
    (data / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    start = "from max247.cli import main\nmain(['game', '--size', '640x480', '--first-frame'])"
    first = imported_after(start, env)  # the first start validates and fills the cache
    assert "max247.story.loader" in first
    second = imported_after(start, env)
    assert "max247.app" in second and "max247.scenes.title" in second
    for module in ("max247.story.loader", "max247.story.explore", "max247.helpdir", "yaml"):
        assert module not in second, module


def test_the_languages_named_without_babel_are_named_as_babel_names_them():
    from babel import Locale

    from max247.i18n import NATIVE_NAMES

    for code, name in NATIVE_NAMES.items():
        assert Locale.parse(code).get_display_name(code) == name


def test_the_interface_catalog_is_compiled_once_and_a_damaged_copy_is_compiled_again(
    tmp_path, monkeypatch
):
    from max247 import i18n, paths

    monkeypatch.setattr(paths, "user_cache", lambda: tmp_path)
    first = i18n.Interface("nl")
    assert not first.problems
    said = first.gettext("Start the lesson")
    assert said != "Start the lesson"  # it is translated
    [kept] = (tmp_path / "catalogs").glob("nl-*.mo")
    real = i18n.read_catalog

    def not_again(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(i18n, "read_catalog", not_again)
    assert i18n.Interface("nl").gettext("Start the lesson") == said
    kept.write_bytes(b"not a catalog")
    monkeypatch.setattr(i18n, "read_catalog", real)
    assert i18n.Interface("nl").gettext("Start the lesson") == said
