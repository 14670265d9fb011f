"""Random text and random mutations of real scenarios: only our own error type comes out."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from max247 import paths
from max247.story.findings import ScenarioError
from max247.story.loader import read_scenario
from max247.story.runtime import Story
from max247.story.yamlread import parse_yaml

SAMPLE = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines(keepends=True)
PIECES = [
    ": ",
    "- ",
    "  ",
    "\t",
    "'",
    '"',
    "#",
    "&a ",
    "*a",
    "[",
    "{",
    "}",
    "]",
    "\n",
    "goto: x",
    "mood: +9",
    "if: a and",
    "choice:",
    "ending:",
    "é",
    "\x00",
    "\ufeff",
    "---\n",
    "~",
]


@given(st.text(max_size=400))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_random_text(text):
    with contextlib.suppress(ScenarioError):
        parse_yaml(text.encode("utf-8", "surrogatepass"), "f.yaml")


@st.composite
def mutated(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "cut"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(PIECES)) + lines[i][at:]
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))] + "\n"
        if not lines:
            break
    return "".join(lines)


@given(mutated())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_scenarios_load_or_explain(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "s.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    loaded = read_scenario(path)  # never raises: findings come back
    if loaded.scenario is not None:
        story = Story(loaded.scenario)
        for _ in range(50):  # whatever loads also plays
            story.run()
            if story.ended:
                break
            story.choose(1)
    else:
        assert loaded.findings


# --- the coverage-guided fuzzer's corpus and crashes (tests/fuzz, scripts/fuzz) ---------------

FUZZ = Path(__file__).resolve().parent / "fuzz"
sys.path.insert(0, str(FUZZ))
import targets as fuzz_targets  # noqa: E402

KEPT = sorted(
    (name, path)
    for name in fuzz_targets.TARGETS
    for folder in (fuzz_targets.CORPUS / name, fuzz_targets.CRASHES / name)
    if folder.is_dir()
    for path in folder.iterdir()
)


@pytest.mark.parametrize("name", sorted(fuzz_targets.TARGETS))
def test_every_target_has_seeds(name):
    assert any((fuzz_targets.CORPUS / name).iterdir()), name


@pytest.mark.parametrize("name", sorted(fuzz_targets.TARGETS))
def test_every_kept_input_is_read_or_refused(name):
    """Every input the fuzzer kept (the corpus) and every crash it ever found: only the
    reader's own refusal comes out. One test per target, so a failure names the file."""
    for target, path in KEPT:
        if target != name:
            continue
        try:
            fuzz_targets.TARGETS[name](path.read_bytes())
        except Exception as exc:
            raise AssertionError(f"{path.relative_to(FUZZ)}: {exc!r}") from exc


@pytest.mark.slow  # 4 s of atheris per target, and about 20 s of instrumenting the imports
@pytest.mark.parametrize("name", sorted(fuzz_targets.TARGETS))
def test_a_short_coverage_guided_run_finds_nothing(name, tmp_path):
    """A few seconds of atheris per target, from no seed, with the target's dictionary: the
    long runs are `scripts/fuzz` (docs/fuzzing.md)."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("atheris is not installed; scripts/setup must install it")
        pytest.skip("atheris is not installed")
    from campaign import DICTIONARY, MAX_LEN

    cmd = [
        sys.executable,
        str(FUZZ / "run.py"),
        name,
        "-max_total_time=4",
        "-timeout=10",
        f"-max_len={min(MAX_LEN[name], 2048)}",
        f"-dict={FUZZ / DICTIONARY[name]}",
        f"-artifact_prefix={tmp_path}/",
        "-print_final_stats=1",
        str(tmp_path / "corpus"),
    ]
    (tmp_path / "corpus").mkdir()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-3000:]
    assert "stat::number_of_executed_units" in out
