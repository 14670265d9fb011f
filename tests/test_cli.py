import subprocess
import sys

import pytest

from max247.cli import main
from tests.conftest import ROOT
from tests.scenario_text import BROKEN_NL


def test_validate_prints_one_line_per_finding_and_exits_1_on_errors(write, capsys):
    bad = write("bad.yaml", "format: 1\nid: x\npassages:\n  a:\n    - narate: hi\n")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out and all(line.startswith(str(bad) + ":") for line in out)
    assert any(":5:7: E101 'narate' is not a beat key. Did you mean 'narrate'?" in o for o in out)


def test_validate_passes_on_the_sample(capsys):
    assert main(["validate", "--strict", str(ROOT / "scenarios" / "noor-gems")]) == 0


def test_validate_checks_a_plan_as_a_plan_not_as_a_scenario(write, capsys):
    good = ROOT / "scenarios" / "noor-gems" / "noor-gems.plan.yaml"
    assert main(["validate", "--strict", str(good)]) == 0
    bad = write("b.plan.yaml", "scenario: noor-gems\nplayz: []\n")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr()
    assert f"{bad}:2:1: E901 'playz' is not a key of a test plan" in out.out
    assert "E101" not in out.out
    assert "max247 test" in out.err


def test_test_command_exit_codes(write, capsys):
    plan = write("p.plan.yaml", "scenario: noor-gems\nplays:\n  - name: x\n    choose: [9]\n")
    assert main(["test", str(plan)]) == 1
    assert "0 passed, 1 failed" in capsys.readouterr().out
    assert main(["test", str(ROOT / "scenarios" / "noor-gems")]) == 0


def test_validate_prints_nothing_but_its_findings(write):
    good = ROOT / "scenarios" / "noor-gems"
    code = "import sys; from max247.cli import main; sys.exit(main(['validate', sys.argv[1]]))"
    out = subprocess.run(
        [sys.executable, "-c", code, str(good)], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""


def test_library_add_is_remembered(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("max247.paths.user_data", lambda: tmp_path / "data")
    mine = tmp_path / "mine"
    mine.mkdir()
    assert main(["library", "add", str(mine)]) == 0
    assert main(["library", "list"]) == 0
    assert str(mine) in capsys.readouterr().out


def test_characters_no_font_can_draw(write, capsys):
    text = (ROOT / "scenarios" / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")
    bad = write("s/noor-gems.yaml", text.replace("gg! you're", "gg! \U000e0001 you're"))
    main(["validate", str(bad)])
    assert "W604" in capsys.readouterr().out


def test_library_add_names_a_story_that_cannot_be_played_with_its_first_error(tmp_path):
    import os
    import subprocess
    import sys

    folder = tmp_path / "verhalen"
    folder.mkdir()
    (folder / "kapot.yaml").write_text(
        BROKEN_NL,
        encoding="utf-8",
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "max247", "library", "add", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "0 stories can be played" in out.stdout or "0 verhalen" in out.stdout
    assert "kapot.yaml" in out.stdout and ":18:" in out.stdout and "E202" in out.stdout
    assert "Traceback" not in out.stderr


def _command(args, tmp_path, trace=None, **kw):
    import os

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    if trace is not None:
        env["MAX247_TRACE"] = str(trace)
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.Popen(
        [sys.executable, "-m", "max247", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,
    )


@pytest.mark.slow
def test_the_game_stops_on_sigterm_and_ctrl_c_even_in_kiosk_mode(tmp_path):
    import signal
    import time

    # SDL would turn both into a window-close event, which kiosk mode ignores
    for sig in (signal.SIGTERM, signal.SIGINT):
        trace = tmp_path / f"trace-{sig.name}.txt"
        game = _command(["game", "--kiosk"], tmp_path, trace=trace)
        deadline = time.monotonic() + 60  # until the first screen is drawn, on a busy machine
        while not trace.exists() and time.monotonic() < deadline and game.poll() is None:
            time.sleep(0.1)
        game.send_signal(sig)
        try:
            game.wait(timeout=30)
        except subprocess.TimeoutExpired:
            game.kill()
            raise AssertionError(f"the game did not stop on {sig.name}") from None
        assert game.returncode == 128 + sig, game.stderr.read()


@pytest.mark.slow
def test_no_command_hangs_on_a_story_that_loops(tmp_path):
    # the 26 lines: a loop whose only way out is a condition that stays false
    story = ROOT / "tests" / "corpus" / "E308-loop-condition-stays-true.yaml"
    for args in (
        ["validate", str(story)],
        ["print", str(story)],
        ["graph", str(story)],
        ["play", "--text", str(story)],
    ):
        done = _command(args, tmp_path)
        try:
            out, err = done.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            done.kill()
            raise AssertionError(f"max247 {args[0]} hangs") from None
        assert done.returncode == 1, (args, err)
        assert b"E308" in out + err, args


def test_help_not_proven_is_an_error_in_the_shipped_library(write, monkeypatch, capsys):
    from max247 import paths
    from max247.story import explore
    from tests.scenario_text import UNBOUNDED, scenario

    monkeypatch.setattr(explore, "MAX_STATES", 200)
    story = write("lib/s.yaml", scenario(UNBOUNDED))
    assert main(["validate", str(story)]) == 0  # a teacher's story: a warning
    assert main(["validate", "--strict", str(story)]) == 1
    assert "W401" in capsys.readouterr().out
    monkeypatch.setattr(paths, "SCENARIOS", story.parent)
    assert main(["validate"]) == 1  # shipped: help that is not proven is not claimed
    out = capsys.readouterr()
    assert "W401" in out.out and "1 error(s)" in out.err
