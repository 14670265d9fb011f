"""The ready folder as a teacher gets it: copied to a fresh place, read-only, and started with an
empty environment (`env -i`: no venv, no Python on PATH, only what is passed explicitly).

scripts/test builds the folder once before pytest and names it in MAX247_BUILD; run alone,
this module builds it once per session (xdist workers wait for each other's build).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pygame
import pytest

from max247.build import build, console_program, folder_size, game_program

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="env -i and setpriv: this checks Linux's build"
    ),
    pytest.mark.slow,  # a build and real processes: not in the fast tier
]

ROOT = Path(__file__).resolve().parent.parent
# a budget, not a target: it fails when something large slips in (all of Babel's 1100 locales
# are 33 MiB, debug symbols 30); the folder is 56 MiB today
SIZE_BUDGET = 80 * 2**20


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("MAX247_BUILD"):
        return Path(os.environ["MAX247_BUILD"])
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent  # the same for every xdist worker
    with (shared / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        folder = shared / "dist" / "Max247"
        if not game_program(folder).exists():
            build(shared / "dist", shared / "work")
        return folder


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


class Teacher:
    """A fresh place with the folder in it (read-only), a home, and a way to run as a user."""

    def __init__(self, built: Path, place: Path) -> None:
        self.place = place
        self.folder = place / "Max247"
        shutil.copytree(built, self.folder, symlinks=True)
        subprocess.run(["chmod", "-R", "a-w", str(self.folder)], check=True)
        self.home = place / "home"
        self.out = place / "out"
        for p in (self.home, self.out):
            p.mkdir()
            p.chmod(0o777)
        place.chmod(0o755)
        self.before = snapshot(self.folder)

    def env(self, **extra: str) -> list[str]:
        pairs = {"HOME": str(self.home), "SDL_AUDIODRIVER": "dummy", **extra}
        # root ignores a read-only folder: run as nobody, for whom it is really read-only
        user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        return [
            *(user if os.geteuid() == 0 else []),
            "env",
            "-i",
            *(f"{k}={v}" for k, v in pairs.items()),
        ]

    def run(self, *args: str, program: Path | None = None, **extra: str):
        extra.setdefault("SDL_VIDEODRIVER", "dummy")
        done = subprocess.run(
            [*self.env(**extra), str(program or console_program(self.folder)), *args],
            cwd=self.out,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert snapshot(self.folder) == self.before, "the program wrote into its own folder"
        return done


@pytest.fixture(scope="module")
def teacher(built: Path):
    # not under pytest's own temporary folder: that one only its owner may enter
    place = Path(tempfile.mkdtemp(prefix="max247-school-laptop-"))
    t = Teacher(built, place)
    yield t
    subprocess.run(["chmod", "-R", "u+w", str(t.folder)], check=True)
    shutil.rmtree(place)


def test_the_folder_holds_everything_and_is_small(built: Path):
    shipped = built / "_internal" / "max247" / "shipped"
    assert (shipped / "data" / "help-directory.yaml").is_file()
    assert sorted(p.name for p in (shipped / "scenarios").iterdir()) == sorted(
        p.name for p in (ROOT / "scenarios").iterdir()
    )
    for po in (ROOT / "locales").rglob("*.po"):
        inside = shipped / po.relative_to(ROOT)
        assert filecmp.cmp(po, inside, shallow=False), po  # the catalog as written...
        assert inside.with_suffix(".mo").is_file(), po  # ...and compiled beside it
    assert (built / "_internal" / "max247" / "assets" / "fonts" / "Andika-Regular.ttf").is_file()
    assert game_program(built).is_file() and console_program(built).is_file()
    assert folder_size(built) < SIZE_BUDGET, f"{folder_size(built) / 2**20:.0f} MiB"


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_renders_the_board_as_from_source(teacher: Teacher, language: str, tmp_path: Path):
    done = teacher.run("screenshot", "board", "--lang", language, "-o", f"board-{language}.png")
    assert done.returncode == 0, done.stderr
    from_source = tmp_path / "source.png"
    subprocess.run(
        [sys.executable, "-m", "max247", "screenshot", "board", "--lang", language,
         "-o", str(from_source)],
        check=True, capture_output=True, env={**os.environ, "SDL_VIDEODRIVER": "dummy"},
    )  # fmt: skip
    shot = pygame.image.load(str(teacher.out / f"board-{language}.png"))
    assert shot.get_size() == (1920, 1080)
    # the same fonts, catalogs and stories: the very same pixels
    assert pygame.image.tobytes(shot, "RGB") == pygame.image.tobytes(
        pygame.image.load(str(from_source)), "RGB"
    )


def test_the_languages_differ(teacher: Teacher):
    shots = {}
    for language in ("nl", "en"):
        name = f"title-{language}.png"
        assert teacher.run("screenshot", "title", "--lang", language, "-o", name).returncode == 0
        shots[language] = (teacher.out / name).read_bytes()
    assert shots["nl"] != shots["en"]


def test_validates_and_tests_a_story_dropped_beside_it(teacher: Teacher):
    made = teacher.run("new", "sam-asks", "--folder", "stories")
    assert made.returncode == 0, made.stderr
    story = teacher.out / "stories" / "sam-asks" / "sam-asks.yaml"
    done = teacher.run("validate", str(story))  # warnings only: not translated yet
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 scenario file(s): 0 error(s)" in done.stderr
    played = teacher.run("test", str(story.with_name("sam-asks.plan.yaml")))
    assert played.returncode == 0 and " passed, 0 failed" in played.stdout, played.stdout
    # a mistake is named with its file and line, in the language asked for
    story.write_text(story.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    broken = teacher.run("validate", "--lang", "nl", str(story))
    assert broken.returncode == 1
    assert "sam-asks.yaml:" in broken.stdout and "fout" in broken.stderr


def test_plays_the_shipped_test_plans(teacher: Teacher):
    done = teacher.run("test")
    assert done.returncode == 0, done.stdout
    assert done.stdout.rstrip().endswith("failed") and ", 0 failed" in done.stdout


def test_double_click_starts_and_keeps_running(teacher: Teacher):
    """The windowed program, as a double-click starts it: it stays up on the first start's
    welcome (which preselects the system's language: tests/test_firststart.py), and writes
    nothing anywhere until the teacher has answered it."""
    start = teacher.env(SDL_VIDEODRIVER="dummy", LANG="nl_NL.UTF-8")
    game = subprocess.Popen(
        [*start, str(game_program(teacher.folder))],
        cwd=teacher.out,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        time.sleep(5)
        assert game.poll() is None, game.communicate()
    finally:
        os.killpg(game.pid, signal.SIGTERM)
        game.wait(10)
    assert not (teacher.home / ".local" / "share" / "max247" / "settings.json").exists()
    assert snapshot(teacher.folder) == teacher.before


def test_a_crash_leaves_a_report_in_the_users_log_folder(teacher: Teacher):
    """The windowed program, with no video driver it can use: no box can be shown here, so
    what it would say goes to the standard error stream."""
    program = game_program(teacher.folder)
    done = teacher.run(program=program, SDL_VIDEODRIVER="no-such-driver", LANG="nl_BE.UTF-8")
    assert done.returncode == 1
    logs = list((teacher.home / ".local" / "state" / "max247" / "log").glob("crash-*.log"))
    assert len(logs) == 1
    report = logs[0].read_text(encoding="utf-8")
    assert "ready folder" in report and "no-such-driver" in report
    # the message names the report, in the system's language
    assert str(logs[0]) in done.stderr and "Max 24/7 is gestopt door een fout" in done.stderr


def test_the_ready_folder_reads_its_compiled_interface_catalog(tmp_path, monkeypatch):
    """Bundled, the interface reads the .mo (no parsing of the .po at every start); in a
    checkout it reads the .po, so a translator's edit shows at once."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    from max247 import paths
    from max247.i18n import Interface

    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for name, text, write in (
        ("max247.po", "van de po", write_po),
        ("max247.mo", "van de mo", write_mo),
    ):
        catalog = Catalog(locale="nl")
        catalog.add("Resume", text)
        with (folder / name).open("wb") as f:
            write(f, catalog)
    monkeypatch.setattr(paths, "LOCALES", tmp_path)
    monkeypatch.setattr(paths, "BUNDLED", False)
    assert Interface("nl").gettext("Resume") == "van de po"
    monkeypatch.setattr(paths, "BUNDLED", True)
    assert Interface("nl").gettext("Resume") == "van de mo"
    (folder / "max247.mo").write_bytes(b"damaged")
    assert Interface("nl").gettext("Resume") == "van de po"
