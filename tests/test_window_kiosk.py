"""The stand at an event, tried as a child would try to leave it: a real window in a virtual
display with a window manager (Openbox, whose own bindings are Alt+F4 to close, Alt+Tab to switch
and the Windows key), real key presses and clicks. Without a window manager such a test would
prove nothing: there would be nobody to close or switch the window.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.window.display import game, need_tools, virtual_display

pytestmark = pytest.mark.slow

# what a curious child presses: close, switch, the desktop, the start menu, full screen, quit
ESCAPES = ("alt+F4", "alt+Tab", "super", "super+d", "F11", "ctrl+q", "ctrl+w", "alt+space")


def _openbox(display: str) -> subprocess.Popen:
    env = {**os.environ, "DISPLAY": display}
    wm = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the window manager announces itself on the root
        out = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
            env=env,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
        if "window id" in out:
            return wm
        time.sleep(0.1)
    wm.kill()
    raise AssertionError("openbox did not start")


def _xdotool(window, *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=window.env, capture_output=True, text=True, timeout=10
    ).stdout.strip()


def _holds(window, game_window: str) -> None:
    """The game is still running, still the active window, and still fills the screen."""
    assert window.proc.poll() is None, "the game was closed"
    assert _xdotool(window, "getactivewindow") == game_window, "another window got the keyboard"
    geometry = _xdotool(window, "getwindowgeometry", game_window)
    assert "1024x768" in geometry, geometry


def test_a_child_cannot_leave_the_stand_and_a_group_that_walks_away_is_reset(
    tmp_path: Path,
) -> None:
    need_tools("Xvfb", "xdotool", "import", "openbox", "xprop", "xmessage")
    with virtual_display() as display:
        wm = _openbox(display)
        # another window on the desktop, so that Alt+Tab has somewhere to go
        other = subprocess.Popen(
            ["xmessage", "-geometry", "300x100+10+10", "the desktop"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            with game(
                display, tmp_path, "--idle", "20", command=("kiosk",), first="StandScene"
            ) as w:
                time.sleep(0.5)  # the window manager maps and focuses the new window
                game_window = _xdotool(w, "search", "--pid", str(w.proc.pid)).split()[0]
                _xdotool(w, "windowactivate", game_window)
                time.sleep(0.3)
                w.screenshot(tmp_path / "stand.png")

                w.key("Escape", settle=0.2)  # Escape pauses, as everywhere; it starts nothing
                assert w.where()[0] == "PauseOverlay"
                w.key("Escape", settle=0.2)
                assert w.where()[0] == "StandScene"

                # any key starts a group (the welcome says so): then every way out is tried
                for keys in ESCAPES:
                    w.key(keys, settle=0.2)
                    _holds(w, game_window)
                for x, y in ((0, 0), (1023, 0), (0, 767), (1023, 767), (512, 760)):
                    for button in ("1", "3"):
                        _xdotool(w, "mousemove", str(x), str(y), "click", button)
                        time.sleep(0.2)
                        _holds(w, game_window)
                assert w.where()[0] != "OrganiserScene"
                if w.where()[0] == "StandScene":
                    w.key("Return")
                assert w.where()[0] not in ("StandScene", "GoodbyeScene"), w.where()

                # the group walks away: after 20 s untouched, the help lines, then the welcome
                w.wait_for("GoodbyeScene", timeout=40)
                w.screenshot(tmp_path / "next-group.png")
                w.wait_for("StandScene", timeout=40)
                _holds(w, game_window)

                # the organiser's keys, and the only way out
                w.key("ctrl+shift+o")
                w.wait_for("OrganiserScene")
                w.key("Prior")  # the clicker's back key, from the first row: the last row
                assert "Close" in w.where()[1], w.where()
                w.key("Return")
                assert w.proc.wait(timeout=10) == 0
        finally:
            other.terminate()
            wm.terminate()
            wm.wait(timeout=10)
