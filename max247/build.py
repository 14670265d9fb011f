"""`max247 build`: the ready folder for the platform it runs on, made with PyInstaller.

A teacher without Python downloads it, unzips it and double-clicks `Max247`. The shipped
stories, their catalogs (as .po, and compiled to .mo), the fonts and the help directory travel
inside; nothing is ever written there (see max247/paths.py), so it runs from a USB stick or a
read-only share. The recipe is packaging/max247.spec; this module stages the shipped files,
runs PyInstaller and reports what it made. It runs from a checkout of the source, with the dev
extras installed (PyInstaller).
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "max247.spec"
SHIPPED_FOLDERS = ("scenarios", "locales", "data")


@dataclass
class Built:
    folder: Path  # what is run: dist/Max247 (or dist/Max247.app on macOS)
    seconds: float
    archive: Path | None = None

    @property
    def size(self) -> int:
        return folder_size(self.folder)


def platform_name() -> str:
    """linux-x86_64, windows-x86_64, macos-arm64...: the name the archive carries."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def ready_folder(dist: Path) -> Path:
    """Where `build` puts the folder in `dist`: an app bundle on macOS."""
    return dist / ("Max247.app" if sys.platform == "darwin" else "Max247")


def game_program(folder: Path) -> Path:
    """The program a teacher double-clicks, inside a built folder."""
    if folder.suffix == ".app":
        return folder / "Contents" / "MacOS" / "Max247"
    return folder / ("Max247.exe" if sys.platform == "win32" else "Max247")


def console_program(folder: Path) -> Path:
    """The console program for the commands (validate, test, screenshot...)."""
    return game_program(folder).with_name(
        "max247-cli.exe" if sys.platform == "win32" else "max247-cli"
    )


def stage(dest: Path) -> Path:
    """Copy the shipped files into `dest`, each catalog compiled beside its .po."""
    if dest.exists():
        shutil.rmtree(dest)
    for name in SHIPPED_FOLDERS:
        shutil.copytree(
            ROOT / name, dest / name, ignore=shutil.ignore_patterns("*.mo", "templates", "*.csv")
        )
    for po in (dest / "locales").rglob("*.po"):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)  # fuzzy entries are never shown
    return dest


def build(dist: Path, work: Path, archive: bool = False) -> Built:
    """Run PyInstaller on the spec; the folder lands in `dist`, its cache in `work`."""
    start = time.monotonic()
    staged = stage(work / "shipped")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(SPEC),
            "--",
            f"--staged={staged}",
        ],
        check=True,
    )
    folder = ready_folder(dist)
    built = Built(folder, time.monotonic() - start)
    if archive:
        built.archive = make_archive(folder, dist / f"Max247-{platform_name()}")
    return built


def make_archive(folder: Path, base: Path) -> Path:
    """A zip to download: unzip and double-click, on every platform."""
    target = base.with_suffix(".zip")
    target.unlink(missing_ok=True)
    if sys.platform == "darwin":
        # ditto keeps the app's symbolic links and signatures, which zipfile would break
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(folder), str(target)], check=True)
        return target
    return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))


def cmd_build(dist: Path, work: Path, archive: bool) -> int:
    if not SPEC.is_file():
        print("max247 build runs from a checkout of the source (packaging/ is missing)")
        return 2
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("max247 build needs PyInstaller: scripts/setup installs it (the dev extras)")
        return 2
    built = build(dist.resolve(), work.resolve(), archive)
    print(f"{built.folder}  {built.size / 2**20:.0f} MiB, built in {built.seconds:.0f} s")
    if built.archive is not None:
        print(f"{built.archive}  {built.archive.stat().st_size / 2**20:.0f} MiB")
    return 0


def main(argv: list[str]) -> int:
    """For the build workflow, between its steps: `python -m max247.build console|zip`."""
    folder = ready_folder(Path("dist").resolve())
    if argv == ["console"]:  # the console program's path, for a shell on any platform
        print(console_program(folder).as_posix())
    elif argv == ["zip"]:  # after signing, which must come before zipping
        archive = make_archive(folder, folder.parent / f"Max247-{platform_name()}")
        print(
            f"{archive.name}: {archive.stat().st_size / 2**20:.0f} MiB to download, "
            f"{folder_size(folder) / 2**20:.0f} MiB unzipped"
        )
    else:
        print("usage: python -m max247.build console|zip", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
