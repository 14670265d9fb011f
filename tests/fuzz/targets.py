"""What the fuzzer feeds: one function per reader, taking raw bytes.

Each target lets only the reader's own refusal pass (ScenarioError, or ConditionSyntaxError from
the condition parser, which the loader turns into a finding); anything else that comes out is a
crash. The same functions replay the kept corpus and every crash ever found in the test suite
(tests/test_fuzz.py), so a crash found once stays a regression test for good.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
CORPUS = FUZZ / "corpus"
CRASHES = FUZZ / "crashes"

_scratch = Path(tempfile.mkdtemp(prefix="max247-fuzz-"))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def yaml_c(data: bytes) -> None:
    from max247.story.findings import ScenarioError
    from max247.story.yamlread import parse_yaml

    try:
        parse_yaml(data, "f.yaml")
    except ScenarioError as exc:
        _check_findings(exc.findings)


def yaml_pure(data: bytes) -> None:
    """The pure-Python composer: atheris sees inside it, where libyaml is a black box."""
    from max247.story.findings import ScenarioError
    from max247.story.yamlread import parse_yaml

    try:
        parse_yaml(data, "f.yaml", pure=True)
    except ScenarioError as exc:
        _check_findings(exc.findings)


def loader(data: bytes) -> None:
    """The scenario loader without the whole-story checks, then a short play of what loads."""
    from max247.story.loader import read_scenario
    from max247.story.runtime import Story

    loaded = read_scenario(Path("f.yaml"), whole=False, raw=data)
    _check_findings(loaded.findings)
    if loaded.scenario is None:
        return
    story = Story(loaded.scenario)
    for _ in range(30):
        story.run()
        if story.ended or story.waiting is None:
            break
        story.choose(1)


def validator(data: bytes) -> None:
    """What `max247 validate` runs on a file: the loader with every whole-story check."""
    from max247.story.loader import read_scenario

    loaded = read_scenario(Path("f.yaml"), whole=True, raw=data)
    _check_findings(loaded.findings)


def condition(data: bytes) -> None:
    from max247.story import conditions

    text = _text(data)
    try:
        cond = conditions.parse(text)
    except conditions.ConditionSyntaxError as exc:
        str(exc.reason)
        return
    conditions.flags_read(cond)
    conditions.words_compared(cond)
    conditions.evaluate(cond, {"a": 1, "b": "x", "c": True})


_shipped: dict = {}


def plan(data: bytes) -> None:
    """A test plan, read and played against the shipped stories."""
    from max247.story.plans import PlayResult, run_plan

    if not _shipped:
        from max247 import paths
        from max247.story.library import load_library

        _shipped.update(load_library([paths.SCENARIOS]).scenarios)
    path = _scratch / "p.plan.yaml"
    path.write_bytes(data)
    for result in run_plan(path, _shipped):
        if isinstance(result, PlayResult):
            for _, problem in result.problems:
                str(problem)
        else:
            _check_findings([result])


def po(data: bytes) -> None:
    """A PO file as a scenario catalog and as the interface catalog: read, or refused."""
    from max247.catalogs import catalog_problems
    from max247.i18n import Interface
    from max247.story.findings import N_, ngettext

    folder = _scratch / "locales" / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "max247.po"
    path.write_bytes(data)
    _check_findings(catalog_problems(path))
    interface = Interface("nl", _scratch / "locales")
    N_(
        "{files} scenario file(s): {errors} error(s), {warnings} warning(s)",
        files=1,
        errors=2,
        warnings=3,
    ).render(interface)
    for n in (0, 1, 2, 7):
        ngettext("{count} text", "{count} texts", n, count=n).render(interface)
    interface.gettext("Start")


def settings(data: bytes) -> None:
    """The settings file: whatever it holds, the game gets settings of the right types."""
    from max247.settings import Settings, load_settings

    folder = _scratch / "settings"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "settings.json").write_bytes(data)
    got, note = load_settings(folder)
    assert isinstance(got, Settings)
    assert isinstance(got.language, str) and isinstance(got.region, str)
    assert isinstance(got.text_scale, float) and isinstance(got.display, int)
    assert isinstance(got.libraries, list) and all(isinstance(p, str) for p in got.libraries)
    assert isinstance(got.fullscreen, bool) and isinstance(got.lesson_minutes, int)
    json.dumps(got.__dict__)  # what is saved again can be written
    assert note is None or isinstance(note, str)


def _check_findings(findings) -> None:
    """Every finding says itself in English and names a place: what an educator reads."""
    for f in findings:
        f.render()


TARGETS: dict[str, Callable[[bytes], None]] = {
    "yaml_c": yaml_c,
    "yaml_pure": yaml_pure,
    "loader": loader,
    "validator": validator,
    "condition": condition,
    "plan": plan,
    "po": po,
    "settings": settings,
}
