"""The JSON Schema of scenarios (Draft 2020-12), generated from the format's grammar.

Editors with the YAML extension (VS Code, through yaml-language-server) check a scenario against
scenario.schema.json while the educator types: keys, required keys, words, ranges, and the
descriptions they show on hover all come from max247/story/grammar.py, the definition the loader
reads with. `max247 schema` writes the file again after the grammar changed; a test fails when
the shipped file is not what the grammar generates.
"""

from __future__ import annotations

import json
from pathlib import Path

from max247.story import grammar
from max247.story.grammar import BEATS, Key, Part

SCHEMA = Path(__file__).with_name("scenario.schema.json")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
COMMENT = (
    "Generated from max247/story/grammar.py by `max247 schema`: edit the grammar, not this "
    "file. Character ids exclude the beat words and their look-alikes (a letter left out, "
    "doubled or swapped in a beat word of 4 letters or more, and a few format words) so that a "
    "misspelt beat such as 'narate: ...' is flagged instead of read as a character's message; "
    "the loader accepts such ids for declared characters."
)


def _ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def _value(key: Key, top: bool = False) -> dict:
    """A key's value with its description (and its title at the top of a scenario)."""
    named = {"title": key.title} if top and key.title else {}
    if isinstance(key.value, str):
        return {"allOf": [_ref(key.value)], **named, "description": key.description}
    if top:
        return {**named, "description": key.description, **key.value}
    return {**key.value, "description": key.description}


def _part(part: Part) -> dict:
    out: dict = {
        "title": part.title,
        "description": part.description,
        "type": "object",
        "properties": {k.name: _value(k) for k in part.keys},
        "additionalProperties": False,
        "required": list(part.required),
    }
    return {**out, **part.extra}


def _beat(kind: grammar.BeatKind) -> dict:
    value = Key(kind.key, kind.value, kind.description)
    properties = {kind.key: _value(value)}
    if kind.key == "if":
        properties[kind.key]["description"] = grammar.IF_CONDITION
        properties.update({k.name: _value(k) for k in grammar.IF_KEYS})
    if kind.mood:
        properties["mood"] = _ref("moodChange")
    required = [kind.key] + [k.name for k in grammar.IF_KEYS if k.required and kind.key == "if"]
    return {
        "title": kind.title,
        "description": kind.description,
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "required": required,
    }


def generate() -> dict:
    """The schema, as a JSON document."""
    scenario = grammar.SCENARIO
    defs: dict = dict(grammar.VALUES)
    defs["option"] = _part(grammar.OPTION)
    defs["choice"] = _part(grammar.CHOICE)
    tell_title, tell_description = grammar.TELL_DESCRIPTION
    defs["tell"] = {
        "title": tell_title,
        "description": tell_description,
        "anyOf": [_ref("characterId"), _part(grammar.TELL)],
    }
    defs["photo"] = _part(grammar.PHOTO)
    defs["ending"] = _part(grammar.ENDING)
    for kind in BEATS:
        defs[f"{kind.key}Beat"] = _beat(kind)
    title, description = grammar.MESSAGE
    defs["messageBeat"] = {
        "title": title,
        "description": description,
        "type": "object",
        "properties": {"mood": _ref("moodChange")},
        "patternProperties": {grammar.CHARACTER_ID: _ref("text")},
        "additionalProperties": False,
        "minProperties": 1,
        # the character's message alone, or with a mood change
        "anyOf": [
            {"maxProperties": 1, "not": {"required": ["mood"]}},
            {"minProperties": 2, "maxProperties": 2, "required": ["mood"]},
        ],
    }
    title, description = grammar.BEAT
    defs["beat"] = {
        "title": title,
        "description": description,
        "oneOf": [_ref(f"{kind.key}Beat") for kind in BEATS] + [_ref("messageBeat")],
    }
    defs["character"] = _part(grammar.CHARACTER)
    return {
        "$schema": DRAFT,
        "title": scenario.title,
        "description": scenario.description,
        "$comment": COMMENT,
        "type": "object",
        "properties": {k.name: _value(k, top=True) for k in scenario.keys},
        "required": list(scenario.required),
        "additionalProperties": False,
        "$defs": defs,
    }


def text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"


def write(path: Path | None = None) -> bool:
    """Write the schema (by default the shipped file); whether the file changed."""
    path = path or SCHEMA
    new = text()
    if path.is_file() and path.read_text(encoding="utf-8") == new:
        return False
    path.write_text(new, encoding="utf-8")
    return True
