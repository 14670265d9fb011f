"""One mistake, one message: the errors that only follow from an earlier one are folded under it.

A Dutch or French writer who types `personages:` for `characters:` gets one error for the key,
then "a scenario needs 'characters'" and one "not declared" per character: the first says the
cause, the others only repeat it. They are kept (`max247 validate --all` lists them) but folded
under the cause, so the cause is what the writer reads.
"""

from __future__ import annotations

import dataclasses

from max247.story.findings import Finding

# the key a foreign word stands for -> codes of the errors its absence causes
CONSEQUENCES = {
    "characters": ("E102", "E203", "E204", "E208"),
    "passages": ("E102", "E202"),
}


def _param(f: Finding, name: str) -> object:
    return getattr(f.message, "params", {}).get(name)


def fold(findings: list[Finding]) -> list[Finding]:
    """The findings, with those caused by an unknown key that stands for a required one folded
    under that key's finding (E101 whose hint names the English key), and an empty or
    list-shaped text under the YAML trap on its line (E005)."""
    from max247.story.keywords import english_key

    out: list[Finding] = []
    causes: list[tuple[int, str]] = []  # (index in out, the English key meant)
    for f in findings:
        if f.code == "E101" and (meant := english_key(str(_param(f, "key") or ""))):
            causes.append((len(out), meant))
        elif f.code == "E005":  # `- jay: &me`: the trap, then the empty text YAML made of it
            causes.append((len(out), f"line {f.loc.line}"))
        out.append(f)
    if not causes:
        return findings
    folded: dict[int, list[Finding]] = {i: [] for i, _ in causes}
    keep = []
    for i, f in enumerate(out):
        cause = next((c for c, key in causes if _follows(f, key)), None)
        if cause is not None and cause != i:
            folded[cause].append(f)
        else:
            keep.append((i, f))
    return [dataclasses.replace(f, folded=tuple(folded.get(i, ()))) for i, f in keep]


def _follows(f: Finding, key: str) -> bool:
    """Does the finding only say that `key` is missing, or what its absence breaks?"""
    if key.startswith("line "):
        return f.code in ("E104", "E105") and key == f"line {f.loc.line}"
    if f.code == "E102":
        return _param(f, "key") == key
    if f.code == "E101" and key == "characters":  # a speaker no one declared: `- kai: hoi`
        return getattr(f.message, "template", "") == "'{key}' is not a beat key."
    return f.code in CONSEQUENCES.get(key, ())
