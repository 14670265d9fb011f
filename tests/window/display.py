"""A real window for tests: a virtual X display (Xvfb), real key presses (xdotool), and
screenshots of the screen (ImageMagick's import), as a teacher's laptop would see them.

On CI (CI=true) a missing tool fails the test instead of skipping it: scripts/setup installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xdotool", "import", "tesseract")


def need_tools(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        message = f"missing tools: {', '.join(missing)} (scripts/setup installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def virtual_display(size: str = "1024x768", screens: int = 1):
    """A virtual X display with `screens` screens of `size`; yields its DISPLAY value.

    Xvfb picks a free display number itself (-displayfd), so parallel test workers never race
    for one. With two screens SDL sees two displays (through XRandR), as a laptop with a
    projector set to "Extend"; screen N is DISPLAY value + ".N".
    """
    need_tools("Xvfb")
    read, write = os.pipe()
    every = [a for n in range(screens) for a in ("-screen", str(n), f"{size}x24")]
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), *every, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write,),
    )
    os.close(write)
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise AssertionError("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Window:
    """The game as a real process in a virtual display, with its screen-change trace."""

    def __init__(self, display: str, home: Path, trace: Path, proc: subprocess.Popen) -> None:
        self.display, self.home, self.trace, self.proc = display, home, trace, proc

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def lines(self) -> list[str]:
        try:
            return self.trace.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []

    def where(self) -> list[str]:
        """The last screen: [scene, ringed item, text], as the trace says."""
        lines = self.lines()
        return ([*lines[-1].split("\t"), "", ""])[:3] if lines else ["", "", ""]

    def key(self, name: str, settle: float = 0.03) -> None:
        """A real key press into the game's window, then the time a frame needs."""
        before = len(self.lines())
        subprocess.run(
            ["xdotool", "key", "--clearmodifiers", name], env=self.env, check=True, timeout=10
        )
        deadline = time.monotonic() + 2.0
        time.sleep(settle)
        while len(self.lines()) == before and time.monotonic() < deadline:
            time.sleep(0.03)  # a key that changes nothing on screen writes no trace line

    def focus(self) -> None:
        """Give the game's window the keyboard (no window manager runs to do it)."""
        for _ in range(100):
            found = subprocess.run(
                # by the process, not the title: xdotool's name search misses it in a bare Xvfb
                ["xdotool", "search", "--pid", str(self.proc.pid)],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.split()
            if found:
                subprocess.run(["xdotool", "windowfocus", found[0]], env=self.env, timeout=10)
                return
            time.sleep(0.1)
        raise AssertionError("the game's window never appeared")

    def screenshot(self, path: Path) -> Path:
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env, check=True, timeout=30
        )
        return path

    def wait_for(self, scene: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while self.where()[0] != scene:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(f"no {scene}: last screens {self.lines()[-5:]}")
            time.sleep(0.05)


@contextmanager
def game(
    display: str,
    home: Path,
    *args: str,
    language: str | None = "en",
    command: tuple[str, ...] = ("game", "--size", "1024x768"),
    first: str | None = None,
    settings: dict | None = None,
):
    """Start `max247 game` (or another `command`) in the display with a home of its own, wait
    for its `first` screen and stop it at the end. `settings`: more of the teacher's settings
    (full screen on display 1, ...)."""
    import json
    import sys

    need_tools("xdotool", "import")
    data = home / "data"
    (data / "max247").mkdir(parents=True, exist_ok=True)
    if language is not None:  # else a first start: no settings yet
        saved = {"language": language, "region": "be", **(settings or {})}
        (data / "max247" / "settings.json").write_text(json.dumps(saved), encoding="utf-8")
    trace = home / "trace.txt"
    env = {
        **os.environ,
        "DISPLAY": display,
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(home / "config"),
        "HOME": str(home),
        "MAX247_TRACE": str(trace),
        "SDL_VIDEODRIVER": "x11",
        "SDL_AUDIODRIVER": "dummy",
        # a Flemish teacher's computer: the first start preselects the system's language
        "LANG": "nl_BE.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANGUAGE": "",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "max247", *command, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    window = Window(display, home, trace, proc)
    try:
        window.wait_for(first or ("TitleScene" if language is not None else "WelcomeScene"))
        window.focus()
        yield window
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        assert "Traceback" not in err, err
