"""Scenario libraries: the shipped one and each teacher's own folder, with the same layout.

A library is a folder of scenarios. A scenario is a single `.yaml` file, or a folder holding the
file with its pictures and test plans. Translations live in a `locales/` folder beside the
scenarios (the nearest one going up from the scenario's folder). One broken scenario never stops
the others from loading: its findings are kept, and the rest of the library is there.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from max247.story.findings import N_, Finding, Loc, finding
from max247.story.loader import DEFAULT_NEEDS, Loaded, read_scenario
from max247.story.model import Scenario

PLAN_SUFFIX = ".plan.yaml"
MAX_ENTRIES = 20_000  # files and folders looked at in one library: a big one has a few hundred
MAX_LEVELS = 8  # folders inside folders

log = logging.getLogger(__name__)


def is_plan(path: Path) -> bool:
    return path.name.endswith(PLAN_SUFFIX)


def scenario_files(folder: Path) -> list[Path]:
    """Every scenario file under a folder (test plans and hidden folders left out), sorted."""
    if folder.is_file():
        return [folder]
    return sorted(
        path
        for path in _yaml_files(folder)
        if not is_plan(path) and "locales" not in path.relative_to(folder).parts[:-1]
    )


def plan_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in _yaml_files(folder) if is_plan(p))


def _yaml_files(folder: Path) -> Iterator[Path]:
    """The `.yaml` files under a folder, hidden ones left out, looked for with care: folders
    that cannot be read are passed over, links are only followed to files inside the folder,
    and the walk stops after MAX_ENTRIES entries or MAX_LEVELS levels (a teacher who adds their
    whole disk as a library gets a game that starts, not one that searches for an hour)."""
    root = folder.resolve()
    seen = 0
    for current, dirs, files in os.walk(folder, onerror=lambda exc: None):
        here = Path(current)
        depth = len(here.relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if depth < MAX_LEVELS else []
        seen += len(dirs) + len(files)
        if seen > MAX_ENTRIES:
            log.warning("%s: more than %d files, the rest is not looked at", folder, MAX_ENTRIES)
            return
        for name in sorted(files):
            if name.startswith(".") or not name.endswith(".yaml"):
                continue
            path = here / name
            if path.is_symlink() and not _inside(path, root):
                log.warning("%s: a link out of the library, not followed", path)
                continue
            yield path


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a loop of links
        return False
    return True


def locales_folder(scenario_path: Path, root: Path | None = None) -> Path | None:
    """The nearest `locales/` folder from the scenario's folder up to the library's parent.

    Without a library root, it looks up to two folders above the scenario's own: that finds
    `locales/` beside `scenarios/` both for `scenarios/x.yaml` and `scenarios/x/x.yaml`.
    """
    folder = scenario_path.resolve().parent
    stop = root.resolve().parent if root is not None else folder.parent.parent
    while True:
        candidate = folder / "locales"
        if candidate.is_dir():
            return candidate
        if folder == stop or folder.parent == folder:
            return None
        folder = folder.parent


@dataclass
class Library:
    """The scenarios of one or more folders, by id, with every finding of every file."""

    roots: list[Path]
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    findings: dict[Path, list[Finding]] = field(default_factory=dict)
    root_of: dict[str, Path] = field(default_factory=dict)

    @property
    def broken(self) -> list[Path]:
        return [p for p, fs in self.findings.items() if any(f.is_error for f in fs)]

    def locales_for(self, scenario: Scenario) -> Path | None:
        return locales_folder(scenario.path, self.root_of.get(scenario.id))


def load_library(roots: Iterable[Path], needs: Iterable[str] = DEFAULT_NEEDS) -> Library:
    roots = [Path(r) for r in roots]
    needs = tuple(needs)
    library = Library(roots)
    for root in roots:
        for path in scenario_files(root):
            loaded = _read(path, needs)
            library.findings[path] = list(loaded.findings)
            s = loaded.scenario
            if s is None:
                continue
            if s.id in library.scenarios:
                first = library.scenarios[s.id]
                if _is_copy(first.path, s.id) and not _is_copy(path, s.id):
                    # the draft was read first: the file named after the id is the story
                    library.scenarios[s.id], library.root_of[s.id] = s, root
                    s, path = first, first.path
                    library.findings.setdefault(path, [])
                library.findings[path].append(_same_id(s.id, path, library.scenarios[s.id].path))
                continue
            library.scenarios[s.id] = s
            library.root_of[s.id] = root
    return library


def _is_copy(path: Path, scenario_id: str) -> bool:
    """A file not named after its id is a copy: `noor-gems (2).yaml`, `noor-gems-draft.yaml`."""
    return path.stem != scenario_id


def _same_id(scenario_id: str, path: Path, first: Path) -> Finding:
    """E207 on the copy, naming the file that keeps the id."""
    if _is_copy(path, scenario_id) and not _is_copy(first, scenario_id):
        return finding(
            "E207",
            Loc(display_path(path), 1, 1),
            N_(
                "this file is a copy (a draft?) of the scenario '{id}', which is {path}: "
                "two stories cannot have the same id.",
                id=scenario_id,
                path=display_path(first),
            ),
            N_(
                "Give the draft its own id (id: {new}), or move it out of the folder.",
                new=f"{scenario_id}-draft"[:40],
            ),
        )
    return finding(
        "E207",
        Loc(display_path(path), 1, 1),
        N_(
            "the scenario id '{id}' is already used by {path}.",
            id=scenario_id,
            path=display_path(first),
        ),
        N_("Give each scenario its own id."),
    )


def _read(path: Path, needs: tuple[str, ...]) -> Loaded:
    """One scenario of a library. The readers raise nothing but ScenarioError, and even that
    is turned into findings; should a mistake of ours ever let something else through, the
    file is still listed as broken, with the reason, and the rest of the library loads."""
    try:
        return read_scenario(path, needs, display=display_path(path))
    except Exception as exc:  # the library's promise: one file never stops the others
        log.exception("reading %s", path)
        reason = f"{type(exc).__name__}: {exc}"
        message = N_("cannot read the file: {reason}.", reason=reason)
        return Loaded(None, [finding("E001", Loc(display_path(path)), message)])


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
