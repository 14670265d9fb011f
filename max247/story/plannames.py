"""The names a test plan uses, checked against its story before a play runs.

`told: [oma]`, `help: [praten]` or a misspelt flag made a play fail with "expected told ['oma'],
got ['grandma']", or worse, pass: `flags: {x: false}` holds for a flag the story never sets. Each
name is looked up in the story, with a did-you-mean; a flag that is never set and expected to be
false is a warning (the expectation cannot fail, so it proves nothing).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from max247.story import conditions
from max247.story.findings import N_, Finding, Loc, finding
from max247.story.model import AddFlags, Choice, Help, If, Scenario, SetFlags, Tell, walk


def story_names(scenario: Scenario) -> dict[str, set[str]]:
    """What a plan may name: characters told, help needs shown, flags set and read."""
    told: set[str] = set()
    helped: set[str] = set()
    set_: set[str] = set()
    read: set[str] = set()
    for beat in walk(scenario):
        if isinstance(beat, Tell):
            told.add(beat.who)
        elif isinstance(beat, Help):
            helped.add(beat.need)
        elif isinstance(beat, (SetFlags, AddFlags)):
            set_.update(name for name, _ in beat.values)
        elif isinstance(beat, If):
            read.update(conditions.flags_read(beat.condition))
        elif isinstance(beat, Choice):
            for o in beat.options:
                set_.update(name for name, _ in (*o.set, *o.add))
                if o.condition is not None:
                    read.update(conditions.flags_read(o.condition))
    return {"told": told, "help": helped, "set": set_, "flags": set_ | read}


def check_names(plays: Iterable[Any], scenario: Scenario) -> list[Finding]:
    """E901 for a name the story does not have, W901 for a flag expected false that is never
    set; `plays` are the plan's plays (max247.story.plans.Play)."""
    names = story_names(scenario)
    out: list[Finding] = []
    for play in plays:
        for key in ("told", "help"):
            if key not in play.expect:
                continue
            value, loc = play.expect[key]
            for name in value if isinstance(value, list) else [value]:
                if str(name) not in names[key]:
                    out.append(_unknown(key, str(name), names[key], loc))
        if "flags" in play.expect and isinstance(play.expect["flags"][0], dict):
            flags, loc = play.expect["flags"]
            for name, raw in flags.items():
                if name in names["set"]:
                    continue
                if conditions.parse_value(str(raw)) is not False:
                    out.append(_unknown("flags", name, names["flags"], loc))
                    continue
                close = difflib.get_close_matches(name, sorted(names["set"]), n=1, cutoff=0.6)
                out.append(
                    finding(
                        "W901",
                        loc,
                        N_(
                            "the story never sets the flag '{flag}', so expecting it to be "
                            "false proves nothing.",
                            flag=name,
                        ),
                        N_("Did you mean '{word}'?", word=close[0])
                        if close
                        else N_("Leave it out, or name a flag the story sets."),
                    )
                )
    return out


def _unknown(key: str, name: str, known: set[str], loc: Loc) -> Finding:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    if key == "told":
        message = N_("the story never tells '{name}' (it has no 'tell: {name}').", name=name)
    elif key == "help":
        message = N_("the story never shows the help card '{name}'.", name=name)
    else:
        message = N_("the story has no flag '{name}'.", name=name)
    hint = (
        N_("Did you mean '{word}'?", word=close[0])
        if close
        else N_("The story has: {names}.", names=", ".join(sorted(known)) or "-")
    )
    return finding("E901", loc, message, hint)
