"""A story a teacher opens in the game: checked as `max247 validate` checks it, its findings
with the line they are on, and the teacher's own list of stories added this way.

No terminal is needed: a file or folder dropped on the window or chosen in the game's file
browser is checked here, and a story without errors joins the teacher's library. The list
lives in the user's data folder (`my-stories.json`), beside the settings: each entry is a file
or folder where the teacher keeps writing (the game reads it there, so a save is seen), and
whether the teacher has ticked the content checklist for it (docs/content-checklist.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from max247.story.findings import Finding
from max247.story.library import Library, load_library, scenario_files

FILE_NAME = "my-stories.json"
MAX_BYTES = 256 * 1024
MAX_STORIES = 200
LINE_CHARS = 400  # a line of the file shown under its finding: longer ones are cut


@dataclass
class Checked:
    """What checking a file or a folder found: every finding, errors first."""

    path: Path
    library: Library
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    @property
    def playable(self) -> bool:
        return bool(self.library.scenarios) and not self.errors


def check(path: Path) -> Checked:
    """Check a story file or every story in a folder, as `max247 validate` does: every
    finding of the files, and the translations' (missing, stale, orphan)."""
    from max247.catalogs import translation_findings
    from max247.i18n import ScenarioTranslator

    library = load_library([path], help_needs())
    findings = [f for fs in library.findings.values() for f in fs]
    reader = ScenarioTranslator()
    for s in library.scenarios.values():
        findings += translation_findings(
            s, library.locales_for(s), reader, library.root_of.get(s.id)
        )
    # errors first, then warnings; in each, by file and line, as the writer reads the file
    findings.sort(key=lambda f: (not f.is_error, f.loc.file, f.loc.line, f.loc.col, f.code))
    return Checked(path, library, findings)


def help_needs() -> tuple[str, ...]:
    """The help needs a story may name: the shipped help directory's."""
    from max247 import paths
    from max247.helpdir import load_directory
    from max247.story.findings import ScenarioError
    from max247.story.loader import DEFAULT_NEEDS

    try:
        directory = load_directory(paths.HELP_DIRECTORY)
    except ScenarioError:
        return DEFAULT_NEEDS
    return tuple(sorted(n for n in directory.needs if n != "adult-advice")) or DEFAULT_NEEDS


def source_line(finding: Finding) -> str | None:
    """The line of the file a finding is on, as written (tabs shown as spaces), or None."""
    if finding.loc.line <= 0:
        return None
    try:
        with open(finding.loc.file, encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, start=1):
                if n == finding.loc.line:
                    return line.rstrip("\r\n")[:LINE_CHARS]
    except OSError:
        return None
    return None


def stories_in(path: Path) -> list[Path]:
    """The story files a dropped or chosen path holds (a file is itself)."""
    return scenario_files(path) if path.exists() else []


@dataclass
class MyStory:
    path: str  # absolute: a story file, or a folder of stories
    reviewed: bool = False  # the teacher ticked the content checklist for it


@dataclass
class MyStories:
    """The stories a teacher added in the game; kept in `home` (None: in memory only)."""

    home: Path | None
    stories: list[MyStory] = field(default_factory=list)
    folder: str | None = None  # where the game's file browser was last: it opens there again

    @classmethod
    def load(cls, home: Path | None) -> MyStories:
        """The list as saved; a damaged or missing file is an empty list (the stories
        themselves are never touched, only added again)."""
        mine = cls(home)
        if home is None:
            return mine
        path = home / FILE_NAME
        try:
            if path.stat().st_size > MAX_BYTES:
                return mine
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return mine
        if not isinstance(data, dict):
            return mine
        if isinstance(data.get("folder"), str) and Path(data["folder"]).is_absolute():
            mine.folder = data["folder"]
        stories = data.get("stories")
        for entry in stories if isinstance(stories, list) else []:
            if (
                isinstance(entry, dict)
                and isinstance(entry.get("path"), str)
                and Path(entry["path"]).is_absolute()
                and len(mine.stories) < MAX_STORIES
            ):
                mine.stories.append(MyStory(entry["path"], entry.get("reviewed") is True))
        return mine

    def paths(self) -> list[Path]:
        return [Path(s.path) for s in self.stories if Path(s.path).exists()]

    def entry(self, path: Path) -> MyStory | None:
        """The entry that holds this story file (its own, or its folder's)."""
        path = path.resolve()
        for story in self.stories:
            root = Path(story.path)
            if path == root or path.is_relative_to(root):
                return story
        return None

    def add(self, path: Path) -> MyStory:
        """Add a file or folder (once); a story added again keeps its review."""
        path = path.resolve()
        known = next((s for s in self.stories if Path(s.path) == path), None)
        if known is None:
            known = MyStory(str(path))
            self.stories.append(known)
            del self.stories[:-MAX_STORIES]
        self.save()
        return known

    def reviewed(self, path: Path) -> bool:
        """False for a story added in the game whose checklist is not ticked yet; True for
        every other story (the shipped ones are reviewed before they ship)."""
        entry = self.entry(path)
        return entry is None or entry.reviewed

    def review(self, path: Path, done: bool = True) -> None:
        entry = self.entry(path)
        if entry is not None:
            entry.reviewed = done
            self.save()

    def save(self) -> None:
        """Written whole to a temporary file, then put in place: never half a list."""
        if self.home is None:
            return
        self.home.mkdir(parents=True, exist_ok=True)
        data = {
            "folder": self.folder,
            "stories": [{"path": s.path, "reviewed": s.reviewed} for s in self.stories],
        }
        fd, tmp = tempfile.mkstemp(dir=self.home, prefix=".my-stories-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=1)
            os.replace(tmp, self.home / FILE_NAME)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
