"""The teacher's own window, for real: a virtual X display with two screens (a laptop and a
projector set to "Extend"), the game full screen on the second, the teacher's window on the
first; a key pressed in the teacher's window blanks the projector, and the teacher's window
then shows what to do when a child discloses something. Both screens are photographed."""

from __future__ import annotations

import shutil
import subprocess

import pygame
import pytest

from tests.window.display import game, need_tools, virtual_display

pytestmark = pytest.mark.slow


def grab(display: str, screen: int, path):
    subprocess.run(
        ["import", "-display", f"{display}.{screen}", "-window", "root", str(path)],
        check=True,
        timeout=30,
    )
    return path


def read(path) -> str:
    """The words on a screenshot (tesseract), for what the pixels alone cannot say."""
    out = subprocess.run(
        ["tesseract", str(path), "-", "-l", "eng"], capture_output=True, text=True, timeout=60
    )
    return " ".join(out.stdout.split())


def test_the_teacher_s_window_opens_on_the_laptop_and_the_projector_shows_nothing_private(
    tmp_path,
):
    need_tools("Xvfb", "xdotool", "import", "tesseract")
    settings = {"fullscreen": True, "display": 1}
    with (
        virtual_display("1024x768", screens=2) as display,
        game(display, tmp_path, settings=settings) as w,
    ):
        laptop = grab(display, 0, tmp_path / "laptop.png")
        for _ in range(50):  # the window opens within a second of the title
            if "class sees" in read(laptop):
                break
            laptop = grab(display, 0, tmp_path / "laptop.png")
        assert "class sees" in read(laptop), read(laptop)
        # the keyboard is the teacher's window's (the test focused it): B blanks the projector
        w.key("b")
        w.wait_for("BlankScreen")
        laptop = grab(display, 0, tmp_path / "laptop-blank.png")
        projector = grab(display, 1, tmp_path / "projector-blank.png")
        words = read(laptop)
        assert "leading questions" in words and "promise to keep it a secret" in words, words
        # the projector: black but for its two buttons, and nothing for the teacher's eyes
        assert "leading questions" not in read(projector)
        image = pygame.image.load(str(projector))
        assert tuple(image.get_at((20, 20)))[:3] == (0, 0, 0)
        w.key("b")
        w.wait_for("TitleScene")
    keep = tmp_path.parent / "teacher-window-shots"
    keep.mkdir(exist_ok=True)
    for name in ("laptop.png", "laptop-blank.png", "projector-blank.png"):
        shutil.copy(tmp_path / name, keep / name)
