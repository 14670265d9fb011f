"""Scenario libraries: the shipped one and each teacher's own folder, with the same layout.

A library is a folder of scenarios. A scenario is a single `.yaml` file, or a folder holding the
file with its pictures and test plans. Translations live in a `locales/` folder beside the
scenarios (the nearest one going up from the scenario's folder). One broken scenario never stops
the others from loading: its findings are kept, and the rest of the library is there.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from max247.story.cache import Summary, ValidationCache, file_key
from max247.story.findings import N_, Finding, Loc, finding
from max247.story.model import NEEDS, Scenario

if TYPE_CHECKING:
    from max247.story.loader import Loaded

PLAN_SUFFIX = ".plan.yaml"
MAX_ENTRIES = 20_000  # files and folders looked at in one library: a big one has a few hundred
MAX_LEVELS = 8  # folders inside folders

log = logging.getLogger(__name__)

# the needs a story may ask for without a help directory (as max247.story.loader's): the
# reader itself is imported when a file must be read, so a start from the cache never loads it
DEFAULT_NEEDS = tuple(n for n in NEEDS if n != "adult-advice")


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


class Scenarios(MutableMapping[str, Scenario]):
    """The playable scenarios by id. A story the validation cache vouches for is read when it
    is first asked for (when it is played), not when the library is listed; one that turns out
    to have changed since and to be broken is dropped, with its findings, and is not there."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._loaded: dict[str, Scenario] = {}
        self._later: dict[str, Path] = {}  # ids known from the cache, not read yet

    def later(self, scenario_id: str, path: Path) -> None:
        self._later[scenario_id] = path

    def __getitem__(self, scenario_id: str) -> Scenario:
        s = self._loaded.get(scenario_id)
        if s is not None:
            return s
        path = self._later.pop(scenario_id)  # KeyError: not in the library
        s = self._library.read_later(path)
        if s is None or s.id != scenario_id:
            self._library.summaries.pop(scenario_id, None)
            raise KeyError(scenario_id)
        self._loaded[scenario_id] = s
        return s

    def __setitem__(self, scenario_id: str, s: Scenario) -> None:
        self._later.pop(scenario_id, None)
        self._loaded[scenario_id] = s
        self._library.summaries[scenario_id] = Summary.of(s)

    def __delitem__(self, scenario_id: str) -> None:
        if self._later.pop(scenario_id, None) is None:
            del self._loaded[scenario_id]
        self._library.summaries.pop(scenario_id, None)

    def __contains__(self, scenario_id: object) -> bool:
        return scenario_id in self._loaded or scenario_id in self._later

    def __iter__(self) -> Iterator[str]:
        yield from list(self._loaded)
        yield from list(self._later)

    def __len__(self) -> int:
        return len(self._loaded) + len(self._later)


@dataclass
class Library:
    """The scenarios of one or more folders, by id, with every finding of every file.

    `summaries` lists every playable story (title, language, theme, ages, minutes) without
    reading it; `scenarios` gives the story itself, read when first asked for."""

    roots: list[Path]
    findings: dict[Path, list[Finding]] = field(default_factory=dict)
    root_of: dict[str, Path] = field(default_factory=dict)
    summaries: dict[str, Summary] = field(default_factory=dict)
    needs: tuple[str, ...] = DEFAULT_NEEDS
    cache: ValidationCache | None = None

    def __post_init__(self) -> None:
        self.scenarios: Scenarios = Scenarios(self)

    @property
    def broken(self) -> list[Path]:
        return [p for p, fs in self.findings.items() if any(f.is_error for f in fs)]

    def locales_for(self, scenario: Scenario | Summary) -> Path | None:
        return locales_folder(scenario.path, self.root_of.get(scenario.id))

    def read_later(self, path: Path) -> Scenario | None:
        """A story the cache said was valid, read now: without the proof when the file is
        still the one that was proved, with every check when it changed since."""
        key = file_key(path, self.needs)
        entry = self.cache.get(path, key) if self.cache is not None else None
        if entry is not None and entry.summary is not None:
            loaded = _read(path, self.needs, whole=False)
        else:
            loaded = _read(path, self.needs)
            self.findings[path] = list(loaded.findings)
            if self.cache is not None:
                self.cache.put(path, key, loaded.findings, loaded.scenario)
                self.cache.save()
        return loaded.scenario


def load_library(
    roots: Iterable[Path],
    needs: Iterable[str] = DEFAULT_NEEDS,
    cache: ValidationCache | None = None,
) -> Library:
    """Every scenario under the roots. With a validation cache, a file it knows as it is now
    is not read at all: its findings and summary come from the cache, the story itself is read
    when it is first asked for; the others are validated and added to the cache."""
    roots = [Path(r) for r in roots]
    needs = tuple(needs)
    library = Library(roots, needs=needs, cache=cache)
    for root in roots:
        for path in scenario_files(root):
            key = file_key(path, needs) if cache is not None else None
            entry = cache.get(path, key) if cache is not None else None
            if entry is not None:
                findings, summary, s = list(entry.findings), entry.summary, None
            else:
                loaded = _read(path, needs)
                findings, s = list(loaded.findings), loaded.scenario
                summary = Summary.of(s) if s is not None else None
                if cache is not None:
                    cache.put(path, key, findings, s)
            library.findings[path] = findings
            if summary is None:
                continue
            if summary.id in library.summaries:
                first = library.summaries[summary.id].path
                library.findings[path] = [*findings, _twice(path, summary.id, first)]
                continue
            if s is not None:
                library.scenarios[summary.id] = s
            else:
                library.scenarios.later(summary.id, path)
                library.summaries[summary.id] = summary
            library.root_of[summary.id] = root
    if cache is not None:
        cache.save()
    return library


def _is_copy(path: Path, scenario_id: str) -> bool:
    """A file not named after its id is a copy: `noor-gems (2).yaml`, `noor-gems-draft.yaml`."""
    return path.stem != scenario_id


def _twice(path: Path, scenario_id: str, first: Path) -> Finding:
    """E207 on the second file with an id; when one of the two is a copy (not named after the
    id), the message says which file is the draft."""
    draft = f"{scenario_id}-draft"[:40]
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
            N_("Give the draft its own id (id: {new}), or move it out of the folder.", new=draft),
        )
    if _is_copy(first, scenario_id) and not _is_copy(path, scenario_id):
        return finding(
            "E207",
            Loc(display_path(path), 1, 1),
            N_(
                "{path} is a copy (a draft?) of this scenario with the same id '{id}', and was "
                "read first: this file is left out until the copy has an id of its own.",
                id=scenario_id,
                path=display_path(first),
            ),
            N_(
                "Give the draft its own id (id: {new}), or move it out of the folder.",
                new=draft,
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


def read_scenario(*args: Any, **kwargs: Any) -> Loaded:
    """max247.story.loader.read_scenario, imported when a file is first read."""
    from max247.story import loader

    return loader.read_scenario(*args, **kwargs)


def _read(path: Path, needs: tuple[str, ...], whole: bool = True) -> Loaded:
    """One scenario of a library. The readers raise nothing but ScenarioError, and even that
    is turned into findings; should a mistake of ours ever let something else through, the
    file is still listed as broken, with the reason, and the rest of the library loads."""
    from max247.story.loader import Loaded

    try:
        return read_scenario(path, needs, display=display_path(path), whole=whole)
    except Exception as exc:  # the library's promise: one file never stops the others
        log.exception("reading %s", path)
        reason = f"{type(exc).__name__}: {exc}"
        message = N_("cannot read the file: {reason}.", reason=reason)
        return Loaded(None, [finding("E001", Loc(display_path(path)), message)])


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder when inside it."""
    return _display(str(path), os.getcwd())


@functools.lru_cache(maxsize=4096)
def _display(path: str, cwd: str) -> str:
    # said for every message of every catalog: resolving each time was a third of `validate`
    try:
        return str(Path(path).resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return path
