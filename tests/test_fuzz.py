"""Random text and random mutations of real scenarios: only our own error type comes out."""

import contextlib

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
