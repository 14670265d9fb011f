"""`max247 new ID`: a commented starting scenario, and the JSON Schema editors check it with.

The new file's first line points a YAML editor (VS Code with the YAML plugin, any editor using
yaml-language-server) at a copy of the schema shipped in this package, written beside it, so it
completes keys and flags mistakes while the educator types. The schema catches shape;
`max247 validate` catches the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

from max247.story.grammar import SCENARIO_ID

_HERE = Path(__file__).resolve().parent
SCHEMA = _HERE / "scenario.schema.json"
TEMPLATE = _HERE / "template.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema="

# Each plan reaches its template's only ending by both of its ways, so it fails as soon as an
# edit breaks either; the educator grows it with their own story.
PLANS = {
    "en": """\
# A test plan: `max247 test` plays each of these and checks where it stops.
scenario: {id}
plays:
  - name: Sam shows Dad straight away
    # option numbers as the class sees them, in order
    choose: [1]
    expect:
      ending: found-max
      mood: 4
      told: [dad]
      help: [talk]
  - name: Sam asks Lina first
    choose: [2]
    expect:
      ending: found-max
      told: [lina, dad]
      help: [talk]
""",
    "nl": """\
# Een testplan: `max247 test` speelt elk van deze spelrondes en controleert waar ze stoppen.
scenario: {id}
plays:
  - name: Sam toont het meteen aan papa
    # de nummers van de opties zoals de klas ze ziet, in volgorde
    choose: [1]
    expect:
      ending: max-gevonden
      mood: 4
      told: [papa]
      help: [talk]
  - name: Sam vraagt het eerst aan Lina
    choose: [2]
    expect:
      ending: max-gevonden
      told: [lina, papa]
      help: [talk]
""",
    "fr": """\
# Un plan de test : `max247 test` joue chacune de ces parties et vérifie où elle s'arrête.
scenario: {id}
plays:
  - name: Sam montre tout de suite le message à Papa
    # les numéros des options comme la classe les voit, dans l'ordre
    choose: [1]
    expect:
      ending: max-trouve
      mood: 4
      told: [papa]
      help: [talk]
  - name: Sam demande d'abord à Lina
    choose: [2]
    expect:
      ending: max-trouve
      told: [lina, papa]
      help: [talk]
""",
}
PLAN = PLANS["en"]
TEMPLATES = {lang: _HERE / f"template.{lang}.yaml" for lang in ("nl", "fr")} | {"en": TEMPLATE}


def schema() -> dict:
    """The JSON Schema of the scenario format (draft 2020-12)."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def new_scenario(scenario_id: str, folder: Path, language: str = "en") -> Path:
    """Write `folder/ID/ID.yaml` from the template in `language` (nl, fr or en: its texts, its
    notes and its `language:`), with a test plan and the schema beside it; return its path.

    Raises ValueError for an id the format does not allow or when a file would be overwritten.
    """
    if not SCENARIO_ID.match(scenario_id):
        raise ValueError(
            f"'{scenario_id}' cannot be a scenario id: use lower-case letters, digits and '-', "
            "starting with a letter, at most 40 characters (for example 'sam-strange-message')."
        )
    target = Path(folder) / scenario_id
    path = target / f"{scenario_id}.yaml"
    plan = target / f"{scenario_id}.plan.yaml"
    # a single-file scenario of the same name would clash with the new one's id
    for existing in (path, plan, Path(folder) / f"{scenario_id}.yaml"):
        if existing.exists():
            raise ValueError(f"{existing} already exists; choose another id or edit that file.")
    text = TEMPLATES[language].read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    assert first.startswith(SCHEMA_LINE), "the template must start with the schema line"
    # a copy of the schema travels in the scenario's own folder, so the line still works when
    # the folder is copied to a colleague's computer (editors resolve it from the file)
    text = SCHEMA_LINE + SCHEMA.name + "\n" + rest.replace("{id}", scenario_id)
    target.mkdir(parents=True, exist_ok=True)
    (target / SCHEMA.name).write_text(SCHEMA.read_text(encoding="utf-8"), encoding="utf-8")
    # mode "x" never overwrites, even if a file appeared since the check above
    with path.open("x", encoding="utf-8") as f:
        f.write(text)
    with plan.open("x", encoding="utf-8") as f:
        f.write(PLANS[language].replace("{id}", scenario_id))
    return path
