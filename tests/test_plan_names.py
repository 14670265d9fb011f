"""Plans name options (offered, hidden), and their names are checked against the story."""

from max247 import paths
from max247.story.findings import Finding
from max247.story.plans import PlayResult, run_plan

NOOR = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")


def plan(write, plays: str) -> list:
    write("lib/noor-gems.yaml", NOOR)
    return run_plan(write("lib/noor-gems.plan.yaml", "scenario: noor-gems\nplays:\n" + plays), {})


def test_offered_and_hidden_by_text_part_or_key(write):
    ok = plan(
        write,
        "  - name: a\n    choose: []\n    expect:\n"
        '      offered: ["Cool, thanks!", no-thanks-im-fine, ask mum]\n',
    )
    assert [r.ok for r in ok] == [True]
    [wrong] = plan(
        write,
        "  - name: a\n    choose: []\n    expect:\n      hidden: [Cool]\n      offered: [Dance]\n",
    )
    problems = " ".join(p for _, p in wrong.problems)
    assert "'Cool' is offered" in problems and "no option of this choice is 'Dance'" in problems


def test_names_in_told_help_and_flags_are_checked_with_did_you_mean(write):
    found = plan(
        write,
        "  - name: a\n    choose: [3]\n    expect:\n      told: [mom]\n      help: [praten]\n"
        "      flags: {gem: true}\n",
    )
    assert all(isinstance(f, Finding) and f.code == "E901" for f in found)
    said = " ".join(f.message + " " + f.hint for f in found)
    assert "Did you mean 'mum'?" in said and "'praten'" in said and "Did you mean 'gems'?" in said


def test_a_flag_never_set_expected_false_is_a_warning(write):
    results = plan(write, "  - name: a\n    choose: [3]\n    expect:\n      flags: {gem: false}\n")
    [warning] = [r for r in results if isinstance(r, Finding)]
    assert warning.code == "W901" and not warning.is_error
    assert warning.hint == "Did you mean 'gems'?"
    assert all(r.ok for r in results if isinstance(r, PlayResult))
