from max247 import paths
from max247.story.library import load_library, locales_folder, scenario_files
from tests.conftest import ROOT

GOOD = (paths.SCENARIOS / "noor-gems" / "noor-gems.yaml").read_text(encoding="utf-8")


def test_one_broken_scenario_never_stops_the_others(write, tmp_path):
    write("lib/good.yaml", GOOD)
    write("lib/broken.yaml", "format: 1\nid: [oops\n")
    write("lib/folder-story/folder-story.yaml", GOOD.replace("id: noor-gems", "id: folder-story"))
    write("lib/folder-story/folder-story.plan.yaml", "scenario: folder-story\nplays: []\n")
    write("lib/empty.yaml", "")
    write("lib/latin1.yaml", "title: caf\xe9".encode("latin-1"))
    library = load_library([tmp_path / "lib"])
    assert sorted(library.scenarios) == ["folder-story", "noor-gems"]
    assert sorted(p.name for p in library.broken) == ["broken.yaml", "empty.yaml", "latin1.yaml"]


def test_the_same_id_twice(write, tmp_path):
    write("a/one.yaml", GOOD)
    write("b/two.yaml", GOOD)
    library = load_library([tmp_path / "a", tmp_path / "b"])
    [f] = library.findings[tmp_path / "b" / "two.yaml"]
    assert f.code == "E207" and "one.yaml" in f.message


def test_plans_and_hidden_folders_are_not_scenarios(write, tmp_path):
    write("lib/x.yaml", GOOD)
    write("lib/x.plan.yaml", "")
    write("lib/.git/y.yaml", "")
    assert [p.name for p in scenario_files(tmp_path / "lib")] == ["x.yaml"]


def test_locales_beside_the_scenarios(write, tmp_path):
    s = write("lib/scenarios/story/story.yaml", GOOD)
    (tmp_path / "lib" / "locales").mkdir()
    assert locales_folder(s, tmp_path / "lib" / "scenarios") == tmp_path / "lib" / "locales"
    assert locales_folder(s) == tmp_path / "lib" / "locales"  # found without the root too
    flat = write("flat/scenarios/story.yaml", GOOD)
    (tmp_path / "flat" / "locales").mkdir()
    assert locales_folder(flat) == tmp_path / "flat" / "locales"


def test_the_readme_lists_every_shipped_story_as_it_is():
    # teachers pick stories from the README's table: it must not drift from the files
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    library = load_library([paths.SCENARIOS])
    for s in library.scenarios.values():
        row = f"| {s.title.source} | {s.problem.source} | {s.theme} | {s.ages} | {s.minutes} |"
        assert row in readme, row
