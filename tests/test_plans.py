from max247 import paths
from max247.story.library import load_library, plan_files
from max247.story.plans import PlayResult, run_plan

SAMPLE_DIR = paths.SCENARIOS / "noor-gems"


def shipped():
    return load_library([paths.SCENARIOS]).scenarios


def test_every_shipped_plan_passes():
    plans = plan_files(paths.SCENARIOS)
    assert plans
    library = shipped()  # read once for every plan: the plans never change a story
    for plan in plans:
        results = run_plan(plan, library)
        for r in results:
            assert isinstance(r, PlayResult), str(r)
            assert r.ok, (plan, r.play.name, r.problems)


def test_every_ending_of_every_shipped_scenario_is_reached_by_a_plan():
    library = load_library([paths.SCENARIOS])
    reached: dict[str, set[str]] = {}
    for plan in plan_files(paths.SCENARIOS):
        for r in run_plan(plan, library.scenarios):
            assert isinstance(r, PlayResult)
            for key, (want, _) in r.play.expect.items():
                if key == "ending":
                    reached.setdefault(plan.parent.name, set()).add(str(want))
    for s in library.scenarios.values():
        titles = {(e.id, str(e.title)) for e in s.endings()}
        for eid, title in titles:
            assert eid in reached.get(s.folder.name, set()) or title in reached.get(
                s.folder.name, set()
            ), f"{s.id}: no plan reaches the ending '{title}'"


PLAN = """\
scenario: noor-gems
plays:
  - name: straight to Mum
    choose: [3]
    expect:
      ending: Noor found her Max
      mood: 4
      told: [mum]
      help: [talk]
"""


def run(write, text):
    write("noor-gems.yaml", (SAMPLE_DIR / "noor-gems.yaml").read_text(encoding="utf-8"))
    return run_plan(write("p.plan.yaml", text), {})


def test_a_passing_plan(write):
    [r] = run(write, PLAN)
    assert r.ok


def test_failures_name_the_line_and_what_differed(write):
    [r] = run(write, PLAN.replace("mood: 4", "mood: 2").replace("told: [mum]", "told: []"))
    problems = {loc.line: msg for loc, msg in r.problems}
    assert set(problems) == {7, 8}
    assert "expected mood 2, the mood is 4" in problems[7]
    assert "expected told [], got ['mum']" in problems[8]


def test_a_number_not_on_offer_lists_the_options(write):
    [r] = run(write, PLAN.replace("choose: [3]", "choose: [7]"))
    [(loc, msg)] = r.problems
    assert loc.line == 4 and '3 "Ask Mum what she thinks."' in msg


def test_numbers_left_over_after_an_ending_fail(write):
    [r] = run(write, PLAN.replace("choose: [3]", "choose: [3, 1]"))
    assert "left over" in r.problems[0][1]


def test_an_ending_expected_where_none_was_reached(write):
    [r] = run(write, PLAN.replace("choose: [3]", "choose: []"))
    assert any("stopped at the choice" in m for _, m in r.problems)


def test_says_in_order_and_apostrophes(write):
    plan = """\
scenario: noor-gems
plays:
  - name: order
    choose: [1, 1]
    expect:
      says: ["gg! you’re really good", "add me on SnapTalk"]
  - name: wrong order
    choose: [1, 1]
    expect:
      says: ["add me on SnapTalk", "gg!"]
"""
    ok, wrong = run(write, plan)
    assert ok.ok and not wrong.ok


def test_flags_never_set_count_as_false(write):
    plan = PLAN.replace("      help: [talk]\n", "      flags: {gems: false}\n")
    [r] = run(write, plan)
    assert r.ok, r.problems


def test_a_plan_that_cannot_run(write):
    [f] = run(write, "scenario: nowhere\nplays:\n  - name: x\n")
    assert f.code == "E901" and f.loc.line == 1
    [f] = run(write, "scenario: noor-gems\nplays:\n  - name: x\n    expect: {feeling: 3}\n")
    assert f.code == "E901" and f.loc.line == 4


def test_inline_language(write):
    text = (SAMPLE_DIR / "noor-gems.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    - jay: gg! you're really good",
        "    - jay: {en: gg! you're really good, nl: gg! je bent echt goed}",
    )
    write("noor-gems.yaml", text)
    plan = write(
        "p.plan.yaml",
        "scenario: noor-gems\nplays:\n  - name: nl\n    language: nl\n"
        "    expect:\n      says: [je bent echt goed]\n",
    )
    [r] = run_plan(plan, {})
    assert r.ok, r.problems
