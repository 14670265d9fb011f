"""The corpus of broken scenarios: each file holds one mistake and says which code at which line.

The first line of each file is `# expect: CODE LINE`; the validator must report that code at that
line (it may report more, as one mistake can have consequences).
"""

import re
from pathlib import Path

import pytest

from max247.story.loader import read_scenario

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))


def expectation(path: Path) -> tuple[str, int]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("latin-1")  # one file is not UTF-8
    m = re.match(r"# expect: (\w+) (\d+)", first)
    assert m, f"{path.name}: the first line must be '# expect: CODE LINE'"
    return m.group(1), int(m.group(2))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_each_broken_file_gives_its_code_at_its_line(path):
    code, line = expectation(path)
    found = [(f.code, f.loc.line) for f in read_scenario(path).findings]
    assert (code, line) in found, found


def test_the_corpus_covers_most_codes():
    codes = {expectation(p)[0] for p in CORPUS}
    assert len(codes) >= 35
