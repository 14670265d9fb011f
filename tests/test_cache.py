"""The validation cache: a story validated once is listed from the cache, read when it is
played, validated again when it changed; a damaged cache is ignored and written anew."""

from __future__ import annotations

import json
import os

import pytest

import max247.story.library as library_module
from max247 import paths
from max247.story.cache import FILE_NAME, ValidationCache
from max247.story.library import load_library

GOOD = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")


@pytest.fixture
def reads(monkeypatch):
    """The files the library reads, with whether the proof ran (whole)."""
    seen: list[tuple[str, bool]] = []
    real = library_module.read_scenario

    def counting(path, *args, whole=True, **kwargs):
        seen.append((path.name, whole))
        return real(path, *args, whole=whole, **kwargs)

    monkeypatch.setattr(library_module, "read_scenario", counting)
    return seen


def library(tmp_path):
    return load_library([tmp_path / "lib"], cache=ValidationCache.open(tmp_path / "cache"))


def test_a_second_start_lists_every_story_without_reading_one(write, tmp_path, reads):
    write("lib/good.yaml", GOOD)
    write("lib/broken.yaml", GOOD.replace("id: noor-gems", "id: Broken Id"))
    first = library(tmp_path)
    assert sorted(reads) == [("broken.yaml", True), ("good.yaml", True)]
    reads.clear()
    second = library(tmp_path)
    assert reads == []  # listed from the cache
    assert list(second.summaries) == ["noor-gems"]
    assert str(second.summaries["noor-gems"].title) == str(first.scenarios["noor-gems"].title)
    # the error marks: the broken file with the same findings, said the same way
    [broken] = second.broken
    assert broken.name == "broken.yaml"
    assert [f.render() for f in second.findings[broken]] == [
        f.render() for f in first.findings[broken]
    ]
    # played: read then, once, without the proof it already passed
    s = second.scenarios["noor-gems"]
    assert second.scenarios["noor-gems"] is s
    assert reads == [("good.yaml", False)]
    assert s.passages == first.scenarios["noor-gems"].passages


def test_a_changed_file_is_validated_again(write, tmp_path, reads):
    path = write("lib/good.yaml", GOOD)
    library(tmp_path)
    path.write_text(GOOD.replace("id: noor-gems", "id: Now Broken"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # another time, whatever the clock's resolution
    reads.clear()
    again = library(tmp_path)
    assert reads == [("good.yaml", True)]
    assert again.broken == [path] and not again.summaries


def test_a_file_broken_after_listing_is_dropped_when_played(write, tmp_path):
    path = write("lib/good.yaml", GOOD)
    library(tmp_path)
    listed = library(tmp_path)
    assert "noor-gems" in listed.scenarios
    path.write_text(GOOD.replace("id: noor-gems", "id: Now Broken"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert listed.scenarios.get("noor-gems") is None
    assert "noor-gems" not in listed.summaries and listed.broken == [path]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff not json",
        b"[1, 2]",
        b'{"format": 1, "engine": "x", "files": {}}',
        "findings",
    ],
)
def test_a_damaged_cache_is_ignored_and_written_anew(write, tmp_path, reads, damage):
    write("lib/good.yaml", GOOD)
    library(tmp_path)
    file = tmp_path / "cache" / FILE_NAME
    if damage == "findings":  # valid JSON, the right engine, nonsense inside an entry
        data = json.loads(file.read_text(encoding="utf-8"))
        for entry in data["files"].values():
            entry["findings"] = [["E999", None, 5, []]]
            entry["summary"] = {"id": 3}
        file.write_text(json.dumps(data), encoding="utf-8")
    else:
        file.write_bytes(damage)
    reads.clear()
    again = library(tmp_path)
    assert reads == [("good.yaml", True)]  # validated, as without a cache
    assert list(again.summaries) == ["noor-gems"] and not again.broken
    reads.clear()
    library(tmp_path)
    assert reads == []  # and the cache was written anew


def test_a_cache_that_cannot_be_written_changes_nothing(write, tmp_path):
    write("lib/good.yaml", GOOD)
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert list(library(tmp_path).scenarios) == ["noor-gems"]


def test_another_engine_validates_again(write, tmp_path, reads, monkeypatch):
    write("lib/good.yaml", GOOD)
    library(tmp_path)
    monkeypatch.setattr("max247.story.cache.engine_version", lambda: "another")
    reads.clear()
    library(tmp_path)
    assert reads == [("good.yaml", True)]


def test_the_library_knows_the_readers_needs_without_importing_it():
    from max247.story import loader

    assert library_module.DEFAULT_NEEDS == loader.DEFAULT_NEEDS
