import pytest

from max247.story.findings import ScenarioError
from max247.story.yamlread import MAX_BYTES, Mapping, Scalar, Sequence, parse_yaml, read_yaml


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [f.code for f in exc.value.findings]


def test_texts_stay_exactly_as_written():
    doc = parse_yaml(b"a: No\nb: on\nc: 10:30\nd: 0612\ne: 2024-05-01\nf: 1.50\ng: ~\n", "f.yaml")
    values = {k.value: v for k, v in doc.root.items}
    assert [values[k].value for k in "abcdef"] == [
        "No",
        "on",
        "10:30",
        "0612",
        "2024-05-01",
        "1.50",
    ]
    assert values["g"].is_null


def test_nodes_know_their_line_and_column():
    doc = parse_yaml(b"top:\n  - narrate: hello\n", "f.yaml")
    seq = doc.root.get("top")
    assert isinstance(seq, Sequence)
    beat = seq.items[0]
    assert isinstance(beat, Mapping)
    text = beat.get("narrate")
    assert isinstance(text, Scalar)
    assert (text.loc.line, text.loc.col) == (2, 14)
    assert str(text.loc) == "f.yaml:2:14"


def test_duplicate_keys_name_both_lines():
    doc = parse_yaml(b"passages:\n  night: []\n  day: []\n  night: []\n", "f.yaml")
    [dup] = doc.warnings
    assert dup.code == "E008" and dup.loc.line == 4 and "line 2" in dup.message


def test_empty_file_and_comments_only():
    for raw in (b"", b"   \n", b"# only a comment\n"):
        with pytest.raises(ScenarioError) as exc:
            parse_yaml(raw, "f.yaml")
        assert codes(exc) == ["E004"]


def test_not_utf8_names_the_line_and_the_likely_cause():
    raw = "title: ok\nnarrate: caf\xe9\n".encode("latin-1")
    with pytest.raises(ScenarioError) as exc:
        parse_yaml(raw, "f.yaml")
    [f] = exc.value.findings
    assert f.code == "E003" and f.loc.line == 2
    assert "ANSI" in f.hint and "UTF-8" in f.hint


def test_utf16_is_recognised():
    with pytest.raises(ScenarioError) as exc:
        parse_yaml("a: b\n".encode("utf-16"), "f.yaml")
    assert codes(exc) == ["E003"] and "UTF-16" in exc.value.findings[0].message


def test_utf8_bom_is_fine():
    doc = parse_yaml("\ufeffa: é\n".encode(), "f.yaml")
    assert doc.root.get("a").value == "é"


def test_too_large_is_refused_before_parsing(tmp_path):
    # how fast and how small is measured by benchmarks/bad_input.py, not here
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES + 1))
    with pytest.raises(ScenarioError) as exc:
        read_yaml(path)
    assert codes(exc) == ["E002"]


def test_billion_laughs_is_refused():
    # how fast and how small is measured by benchmarks/bad_input.py, not here
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    with pytest.raises(ScenarioError) as exc:
        parse_yaml("\n".join(lines).encode(), "bomb.yaml")
    assert codes(exc) == ["E007"]


def test_self_referencing_alias():
    with pytest.raises(ScenarioError) as exc:
        parse_yaml(b"a: &x [*x]\n", "f.yaml")
    assert codes(exc) == ["E007"]


def test_deep_nesting():
    with pytest.raises(ScenarioError) as exc:
        parse_yaml(b"[" * 5000 + b"]" * 5000, "f.yaml")
    assert codes(exc) in (["E005"], ["E007"])


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a:\n  - narrate: 's avonds speelt Noor\n  - narrate: ok\n", 2, "starts with '"),
        ("a:\n  - narrate: Attention : il faut\n", 2, "': '"),
        ("a:\n  - narrate: @noor is online\n", 2, "starts with @"),
        ("a:\n\t- narrate: ok\n", 2, "tab"),
        ("a:\n  - narrate: `code`\n", 2, "starts with `"),
    ],
)
def test_syntax_errors_are_explained_where_the_cause_is(text, line, words):
    with pytest.raises(ScenarioError) as exc:
        parse_yaml(text.encode(), "f.yaml")
    [f] = exc.value.findings
    assert f.loc.line == line, str(f)
    assert words in f.message, str(f)


def test_comment_after_a_text_is_noticed():
    doc = parse_yaml(b"a: my #1 fan\nb: 'quoted' # fine\n", "f.yaml")
    assert doc.root.get("a").comment_after
    assert not doc.root.get("b").comment_after
