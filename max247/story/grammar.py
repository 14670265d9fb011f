"""The grammar of the scenario format: which keys each part of a scenario has, what their values
are, and the words educators read about them in their editor.

This is the one definition of the format. The loader reads a scenario with it (the keys a part
may have, the ones it must have, the words and ranges a value may take), and the JSON Schema that
editors check scenarios with is generated from it (max247/authoring/schema.py; `max247 schema`
writes it, a test fails when the shipped one is not current). What a schema cannot say (that a
goto leads somewhere, that every path finds help) the loader and the flow checks say.

The descriptions are English: the editor's schema has no language of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from max247.story.conditions import FLAG_NAME
from max247.story.model import LANGUAGES, MOOD_MAX, MOOD_MIN, NEEDS, THEMES

Schema = dict[str, Any]  # a piece of JSON Schema, as json.dumps writes it

SCENARIO_ID = re.compile(r"[a-z][a-z0-9-]{0,39}\Z")
NODE_ID = re.compile(r"[a-z][a-z0-9_-]{0,39}\Z")
AGES = re.compile(r"\d{1,2}\s*-\s*\d{1,2}")
MINUTES = (1, 240)
TIMER = (10, 600)
MOOD_CHANGE = 4  # a change is from -4 to +4, never 0
OPTIONS = (2, 4)  # options in a choice
VIEWS = ("phone", "in-person")
# the needs a story may name: adult-advice cards are for teachers, never shown to the class
STORY_NEEDS = tuple(n for n in NEEDS if n != "adult-advice")

BEAT_KEYS = (
    "narrate",
    "choice",
    "if",
    "set",
    "add",
    "tell",
    "help",
    "goto",
    "view",
    "photo",
    "ending",
)
# words a character id cannot be: beat words, and words the format keeps for later
RESERVED = (*BEAT_KEYS, "then", "else", "mood", "say", "image", "sound", "pause", "show", "note")
# words of the format an educator might write where a beat belongs (the schema keeps them from
# being read as a character's message)
FORMAT_WORDS = (
    "choices",
    "endings",
    "feedback",
    "message",
    "narration",
    "option",
    "options",
    "photos",
    "prompt",
    "text",
    "timer",
    "title",
)
# beats that cannot carry a mood change: it belongs on an option, a text or a beat of its own
NO_MOOD = ("choice", "if", "goto", "view", "ending")


@dataclass(frozen=True)
class Key:
    """A key of a part of a scenario: its value (the name of a value in VALUES, or a schema of
    its own), whether it is required, and what the editor says about it."""

    name: str
    value: str | Schema
    description: str
    required: bool = False
    title: str = ""


@dataclass(frozen=True)
class Part:
    """A part of a scenario written as a mapping of keys (a choice, an option, ...)."""

    name: str
    title: str
    description: str
    keys: tuple[Key, ...]
    extra: Schema = field(default_factory=dict)  # what the schema says beyond keys

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)


def pattern(regex: re.Pattern[str]) -> str:
    """A pattern the loader matches from the start (`match`, `\\Z`), as the schema writes it."""
    return "^" + regex.pattern.removesuffix(r"\Z") + "$"


def lookalikes(word: str) -> set[str]:
    """The word with a letter left out, doubled, or swapped with the next: common slips."""
    out = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + word[i] + word[i:])
        if i < len(word) - 1:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return out


def not_a_character() -> list[str]:
    """Words that cannot be a character id in an editor: the reserved words, the look-alikes of
    the beat words of 4 letters or more (so 'narate: ...' is flagged, not read as a message)
    and the format's other words. The loader accepts such ids for declared characters."""
    words = set(RESERVED) | set(FORMAT_WORDS)
    for word in BEAT_KEYS:
        if len(word) >= 4:
            words |= lookalikes(word)
    return sorted(words)


CHARACTER_ID = "^(?!(?:" + "|".join(not_a_character()) + ")$)" + pattern(NODE_ID)[1:]

# --- values ----------------------------------------------------------------------------------

_TEXT_ID = "lower-case letters, digits, '-' and '_', starting with a letter, at most 40 characters"
VALUES: dict[str, Schema] = {
    "plainText": {
        "title": "Text",
        "description": "A text as the class reads it. Put it in double quotes when it starts "
        "with ' [ { or holds ': ' or ' #'.",
        "anyOf": [{"type": "string", "pattern": "\\S"}, {"type": ["number", "boolean"]}],
    },
    "text": {
        "title": "Text",
        "description": "A text in the file's language, or the same text in several languages: "
        "en: ..., nl: ..., fr: ... (the file's own language must be one of them).",
        "anyOf": [
            {"$ref": "#/$defs/plainText"},
            {
                "title": "Text in several languages",
                "description": "The text in each language: en, nl, fr. The file's own language "
                "is required.",
                "type": "object",
                "properties": {
                    language: {
                        "allOf": [{"$ref": "#/$defs/plainText"}],
                        "description": f"The text in {name}.",
                    }
                    for language, name in (("en", "English"), ("nl", "Dutch"), ("fr", "French"))
                },
                "additionalProperties": False,
                "minProperties": 1,
            },
        ],
    },
    "texts": {
        "type": "array",
        "items": {"$ref": "#/$defs/text"},
        "description": "A list of texts, each line starting with '- '.",
    },
    "passageId": {
        "title": "Passage name",
        "description": f"The name of a passage: {_TEXT_ID}.",
        "type": "string",
        "pattern": pattern(NODE_ID),
    },
    "characterId": {
        "title": "Character id",
        "description": f"The id of a character declared under characters: {_TEXT_ID}. Beat "
        "words such as narrate, choice or goto (and words that look like them) cannot be "
        "character ids.",
        "type": "string",
        "pattern": CHARACTER_ID,
    },
    "flagName": {
        "title": "Flag name",
        "description": "A flag remembers something that happened: lower-case letters, digits "
        "and _, starting with a letter.",
        "type": "string",
        "pattern": pattern(FLAG_NAME),
    },
    "condition": {
        "title": "Condition",
        "description": "A condition on flags: gems, not gems, trust >= 2, app == snaptalk, "
        "joined with and / or, with ( ).",
        "type": "string",
        "pattern": "\\S",
    },
    "moodChange": {
        "title": "Mood change",
        "description": "How the character's mood changes: +1 feels a bit better, -1 a bit "
        f"worse; from -{MOOD_CHANGE} to +{MOOD_CHANGE}, never 0. The mood stays between "
        f"{MOOD_MIN} and {MOOD_MAX}.",
        "anyOf": [
            {
                "type": "integer",
                "minimum": -MOOD_CHANGE,
                "maximum": MOOD_CHANGE,
                "not": {"const": 0},
            },
            {"type": "string", "pattern": f"^\\s*[+-]?0*[1-{MOOD_CHANGE}]\\s*$"},
        ],
    },
    "moodValue": {
        "title": "Mood",
        "description": f"The character's mood: {MOOD_MIN} feels very bad, {MOOD_MAX} feels "
        "good. Write the number without a sign.",
        "anyOf": [
            {"type": "integer", "minimum": MOOD_MIN, "maximum": MOOD_MAX},
            {"type": "string", "pattern": f"^0*[{MOOD_MIN}-{MOOD_MAX}]$"},
        ],
    },
    "flags": {
        "title": "Flags to set",
        "description": "Flags and their values: true, false, a whole number or a word. A flag "
        "never set is false (or 0).",
        "type": "object",
        "propertyNames": {"$ref": "#/$defs/flagName"},
        "additionalProperties": {
            "anyOf": [{"type": ["boolean", "number"]}, {"type": "string", "pattern": "\\S"}]
        },
    },
    "adds": {
        "title": "Numbers to add",
        "description": "Flags and the whole number to add to each (flags start at 0), such as "
        "trust: 1.",
        "type": "object",
        "propertyNames": {"$ref": "#/$defs/flagName"},
        "additionalProperties": {
            "anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^[+-]?\\d+$"}]
        },
    },
    "beats": {
        "title": "Beats",
        "description": "A list of beats, played in order, each starting with '- '.",
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/beat"},
    },
}


def _range(low: int, high: int) -> Schema:
    return {"type": "integer", "minimum": low, "maximum": high}


# the languages in the order editors list them (English first: the descriptions are English)
SCHEMA_LANGUAGES = ("en", "nl", "fr")
assert set(SCHEMA_LANGUAGES) == set(LANGUAGES)

# --- the parts of a scenario -----------------------------------------------------------------

SCENARIO = Part(
    "scenario",
    "Max 24/7 scenario, format 1",
    "A story for the Max 24/7 classroom game. The game's validator (max247 validate) checks "
    "more than this schema: that every goto leads somewhere, that every path finds help, and "
    "the texts.",
    (
        Key(
            "format",
            {"anyOf": [{"const": 1}, {"const": "1"}]},
            "The version of the scenario format: always 1.",
            True,
            "Format",
        ),
        Key(
            "id",
            {"type": "string", "pattern": pattern(SCENARIO_ID)},
            "The scenario's own name, different from every other scenario: lower-case letters, "
            "digits and '-', starting with a letter, at most 40 characters.",
            True,
            "Scenario id",
        ),
        Key(
            "language",
            {"enum": list(SCHEMA_LANGUAGES)},
            "The language the texts of this file are written in: en, nl or fr.",
            True,
            "Language",
        ),
        Key(
            "title",
            "text",
            "The story's title, shown in the teacher's scenario picker.",
            True,
            "Title",
        ),
        Key(
            "theme",
            {"enum": list(THEMES)},
            f"What the story is about: {', '.join(THEMES)}. The board never shows it to children.",
            True,
            "Theme",
        ),
        Key(
            "ages",
            {"type": "string", "pattern": "^" + AGES.pattern + "$"},
            "The ages the story is written for, such as 10-12.",
            True,
            "Ages",
        ),
        Key(
            "minutes",
            _range(*MINUTES),
            "The expected playing time with discussion, in minutes.",
            True,
            "Minutes",
        ),
        Key(
            "problem",
            "text",
            "The character's problem as the board shows it to children, in a child's words. "
            "Optional.",
            False,
            "Problem",
        ),
        Key(
            "character",
            "characterId",
            "The character the class helps: their id under characters. Their mood is shown on "
            "the board.",
            True,
            "Character",
        ),
        Key(
            "mood",
            "moodValue",
            f"The character's mood when the story starts, from {MOOD_MIN} (feels very bad) to "
            f"{MOOD_MAX} (feels good).",
            True,
            "Starting mood",
        ),
        Key(
            "content_warning",
            "text",
            "What happens in the story, in one sentence, shown to the teacher before it starts.",
            True,
            "Content warning",
        ),
        Key(
            "goals",
            "texts",
            "What the class should learn, one line each, shown to the teacher.",
            True,
            "Goals",
        ),
        Key(
            "teacher_notes",
            "text",
            "Advice for the teacher, shown in teacher view and the summary. Optional.",
            False,
            "Notes for the teacher",
        ),
        Key(
            "discussion",
            "texts",
            "Questions for the class after the story, one line each. Optional.",
            False,
            "Discussion questions",
        ),
        Key(
            "characters",
            {
                "type": "object",
                "patternProperties": {CHARACTER_ID: {"$ref": "#/$defs/character"}},
                "additionalProperties": False,
            },
            "Everyone in the story: id, then name (and max: true for a trusted adult, "
            "friend: true for a friend).",
            True,
            "Characters",
        ),
        Key("start", "passageId", "The passage the story starts with.", True, "Start"),
        Key(
            "passages",
            {
                "type": "object",
                "patternProperties": {pattern(NODE_ID): {"$ref": "#/$defs/beats"}},
                "additionalProperties": False,
            },
            "The story, in passages: a name, then the list of beats it plays.",
            True,
            "Passages",
        ),
    ),
)
# the keys of a scenario in the order the schema and the loader see them
TOP_KEYS = {k.name: k.required for k in SCENARIO.keys}

CHARACTER = Part(
    "character",
    "Character",
    "Someone in the story. name is required; max: true marks a trusted adult, friend: true a "
    "friend of the same age.",
    (
        Key("name", "text", "The name the class sees.", True),
        Key("max", {"type": "boolean"}, "true for a trusted adult (a Max)."),
        Key("friend", {"type": "boolean"}, "true for a friend of the same age."),
        Key(
            "picture",
            {"type": "string", "pattern": "\\S", "not": {"pattern": "^/|(^|/)\\.\\.(/|$)"}},
            "A picture file in the scenario's folder, such as sam.png. Optional.",
        ),
        Key("alt", "text", "What the picture shows, in words."),
    ),
)

OPTION = Part(
    "option",
    "Option",
    "One option of a choice: the text on its button, and where the story goes (goto), what "
    "happens (then), or both.",
    (
        Key("text", "text", "What the option's button shows (about 80 characters at most).", True),
        Key("if", "condition", "Offer this option only while the condition holds."),
        Key(
            "mood",
            "moodChange",
            "How the character's mood changes when the class chooses this option.",
        ),
        Key("set", "flags", "Flags to set when the class chooses this option."),
        Key("add", "adds", "Numbers to add to flags when the class chooses this option."),
        Key(
            "feedback",
            "text",
            "Shown after the class has chosen, before the story goes on (about 200 characters "
            "at most).",
        ),
        Key("goto", "passageId", "The passage the story goes on with."),
        Key("then", "beats", "Beats played when the class chooses this option, before its goto."),
    ),
    {"anyOf": [{"required": ["goto"]}, {"required": ["then"]}]},
)

CHOICE = Part(
    "choice",
    "Choice",
    f"The class decides: a question and {OPTIONS[0]} to {OPTIONS[1]} options.",
    (
        Key(
            "prompt",
            "text",
            "The question the class discusses (about 100 characters at most).",
            True,
        ),
        Key(
            "timer",
            _range(*TIMER),
            f"Seconds of group discussion, from {TIMER[0]} to {TIMER[1]}. Optional.",
        ),
        Key(
            "discuss",
            "text",
            "A question for the class about the character (never about the class), shown after "
            "a vote or when the teacher asks for it. Optional.",
        ),
        Key(
            "teacher",
            "text",
            "A note for the teacher only (what to listen for, what to say if the class is "
            "split). Never shown on the projector. Optional.",
        ),
        Key(
            "options",
            {
                "type": "array",
                "minItems": OPTIONS[0],
                "maxItems": OPTIONS[1],
                "items": {"$ref": "#/$defs/option"},
                "contains": {"not": {"required": ["if"]}},
                "minContains": 2,
            },
            f"{OPTIONS[0]} to {OPTIONS[1]} options, each starting with '- text:'. At least 2 of "
            "them without 'if'.",
            True,
        ),
    ),
)

TELL = Part(
    "tell",
    "Tell someone who does not listen",
    "who: the character told; listens: false when they do not listen (the story must then go "
    "on to someone who does).",
    (
        Key("who", "characterId", "The character the story's character confides in.", True),
        Key("listens", {"type": "boolean"}, "false when this person does not listen."),
    ),
)

PHOTO = Part(
    "photo",
    "Photo",
    "A photo sent in the chat. It is always drawn as a neutral placeholder with its "
    "description, never as a picture.",
    (
        Key("from", "characterId", "The character who sends the photo.", True),
        Key("alt", "text", "What the photo shows, in words.", True),
    ),
)

ENDING = Part(
    "ending",
    "Ending",
    "The story ends here, with a title and a message for the class.",
    (
        Key("title", "text", "The ending's title.", True),
        Key(
            "message",
            "text",
            "What the class reads at the end (about 250 characters at most).",
            True,
        ),
        Key(
            "mood",
            "moodValue",
            f"The character's mood at the end, from {MOOD_MIN} to {MOOD_MAX}. Without it, the "
            "mood stays as it is.",
        ),
        Key("id", "passageId", "A short name for this ending, used in test plans. Optional."),
    ),
)


@dataclass(frozen=True)
class BeatKind:
    """A kind of beat: its key, the value it takes, and what the editor says about it."""

    key: str
    value: str | Schema
    title: str
    description: str

    @property
    def mood(self) -> bool:
        """Whether the beat may carry a mood change."""
        return self.key not in NO_MOOD


BEATS = (
    BeatKind(
        "narrate",
        "text",
        "Narration",
        "Narration, shown as a caption (about 200 characters at most).",
    ),
    BeatKind(
        "choice",
        "choice",
        "Choice",
        "The class decides: prompt, timer (optional) and 2 to 4 options.",
    ),
    BeatKind(
        "if",
        "condition",
        "If",
        "Plays 'then' while the condition holds, else 'else' (optional), then goes on with the "
        "next beat.",
    ),
    BeatKind("set", "flags", "Set flags", "Sets flags: true, false, a whole number or a word."),
    BeatKind("add", "adds", "Add to flags", "Adds a whole number to flags (they start at 0)."),
    BeatKind(
        "tell",
        "tell",
        "Tell",
        "The story's character confides in a friend or a trusted adult (a Max).",
    ),
    BeatKind(
        "help",
        {"enum": list(STORY_NEEDS)},
        "Help card",
        "Shows the help card for this need, with the service of the class's region.",
    ),
    BeatKind("goto", "passageId", "Go to", "The story goes on in another passage."),
    BeatKind(
        "view",
        {"enum": list(VIEWS)},
        "View",
        "How the next lines are shown: phone (a chat, as every story starts) or in-person "
        "(face to face).",
    ),
    BeatKind(
        "photo",
        "photo",
        "Photo",
        "A photo sent in the chat: from (who sends it) and alt (what it shows, in words).",
    ),
    BeatKind(
        "ending",
        "ending",
        "Ending",
        "The story ends: title, message, and optionally mood (0 to 4) and id.",
    ),
)
assert tuple(b.key for b in BEATS) == BEAT_KEYS
# an 'if' beat's own keys beside its condition
IF_KEYS = (
    Key("then", "beats", "Beats played when the condition holds.", True),
    Key("else", "beats", "Beats played when it does not. Optional."),
)
IF_CONDITION = "The condition: a flag, not FLAG, FLAG >= 2, joined with and / or."
MESSAGE = (
    "Message",
    "A message from a character: the character's id, then the text (about 200 characters at "
    "most). May carry a mood change.",
)
BEAT = (
    "Beat",
    "One step of the story: narrate, a character's message, choice, if, set, add, tell, help, "
    "goto, view, photo or ending.",
)
TELL_DESCRIPTION = (
    "Tell",
    "The story's character confides in a friend (friend: true) or a trusted adult (max: true). "
    "Write the conversation around it.",
)
