"""Hints that turn a refused value into the one that was meant: a unit, a flag's spelling.

`timer: 2 minuten` and `timer: 2` are minutes written where the format counts seconds;
`foto-gestuurd` is a flag name with a dash where the format wants `_`. The loader refuses them
as before; these hints say the value to write instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from max247.story import conditions
from max247.story.findings import N_, Loc

_MINUTES = re.compile(r"(\d{1,3})\s*(m|min|mins|minuut|minuten|minute|minutes)\.?", re.I)
_SECONDS = re.compile(r"(\d{1,4})\s*(s|sec|seconden|seconde|secondes|seconds|second)\.?", re.I)


def unit(what: str, value: str) -> str:
    """For the timer, which counts seconds: the number to write (or "" when no hint fits)."""
    if what != "timer":
        return ""
    text = value.strip()
    if m := _MINUTES.fullmatch(text):
        return N_(
            "The timer counts seconds: for {value}, write timer: {seconds}.",
            value=text,
            seconds=int(m.group(1)) * 60,
        )
    if m := _SECONDS.fullmatch(text):
        return N_("The timer counts seconds: write timer: {seconds}.", seconds=int(m.group(1)))
    if text.isdigit() and 0 < int(text) <= 10:
        return N_(
            "The timer counts seconds, not minutes: for {value} minutes, write timer: {seconds}.",
            value=text,
            seconds=int(text) * 60,
        )
    return N_("The timer counts seconds: write a number such as timer: 60.")


def flag_name(name: str) -> str:
    """A flag name written right: `foto-gestuurd` -> `foto_gestuurd` ("" when none is)."""
    fixed = re.sub(r"[^a-z0-9_]+", "_", name.strip().lower()).strip("_")
    if fixed and fixed != name and conditions.FLAG_NAME.match(fixed):
        return N_("Write '{name}'.", name=fixed)
    return ""


def misspelt_read(flag: str, read: Mapping[str, Loc], set_: Mapping[str, Loc]) -> str:
    """For a flag set but never read: a read flag that is never set and looks like it is the
    misspelling, so the hint points there (renaming the flag that is set would break it)."""
    unset = [name for name in read if name not in set_]
    close = difflib.get_close_matches(flag, unset, n=1, cutoff=0.6)
    if not close:
        return ""
    return N_(
        "Line {line} reads '{other}', which is never set: if it means this flag, correct the "
        "spelling there.",
        line=read[close[0]].line,
        other=close[0],
    )
