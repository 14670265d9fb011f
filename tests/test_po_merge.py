"""scripts/po-merge, the git merge driver for catalogs: entry by entry, not line by line."""

import subprocess
import sys

from tests.conftest import ROOT

HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def po(*entries: tuple[str, str]) -> str:
    return HEAD + "".join(f'msgid "{i}"\nmsgstr "{s}"\n\n' for i, s in entries)


def merge(tmp_path, base: str, ours: str, theirs: str) -> tuple[int, str]:
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.po"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "po-merge"), *paths])
    return done.returncode, (tmp_path / "ours.po").read_text(encoding="utf-8")


def test_additions_on_both_sides_are_kept_and_a_one_sided_change_wins(tmp_path):
    base = po(("Goals", "Doelen"))
    ours = po(("Goals", "Doelen"), ("A", "Een"))
    theirs = po(("Goals", "Doelen!"), ("B", "Twee"))
    code, out = merge(tmp_path, base, ours, theirs)
    assert code == 0
    assert 'msgstr "Doelen!"' in out and 'msgstr "Een"' in out and 'msgstr "Twee"' in out


def test_an_entry_removed_on_one_side_goes(tmp_path):
    base = po(("Old", "Oud"), ("Keep", "Houden"))
    code, out = merge(tmp_path, base, base, po(("Keep", "Houden")))
    assert code == 0 and 'msgid "Old"' not in out and 'msgid "Keep"' in out


def test_two_different_translations_of_one_entry_are_a_conflict(tmp_path):
    code, out = merge(tmp_path, po(("X", "a")), po(("X", "b")), po(("X", "c")))
    assert code == 1 and "fuzzy" in out
