"""What `max247 validate` prints, and in which order: errors, then warnings, then translations.

After `i18n update` a story has a missing translation per text; listed one by one they drown the
one real error. So by default the missing (W701) and stale (W702) translations of a story are
said as one line per language ("nl: 58 of 63 texts still to translate"); `--all` lists each.
Knock-on findings folded under their cause are counted, and listed with `--all`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from max247.story.findings import N_, Finding, Translator, ngettext, render_text

SUMMED = ("W701", "W702")


@dataclass
class _Count:
    story: str
    language: str
    total: int
    missing: int = 0
    stale: int = 0


def report(
    findings: list[Finding],
    totals: dict[tuple[str, str], tuple[str, int]],
    tr: Translator | None,
    every: bool = False,
) -> list[str]:
    """The lines to print. `totals` maps (file, language) to (story id, texts to translate)."""
    errors = [f for f in findings if f.is_error]
    warnings = [f for f in findings if not f.is_error and (every or not _summed(f))]
    lines = []
    for f in errors + warnings:
        lines.append(f.render(tr))
        if every:
            lines += ["    " + k.render(tr) for k in f.folded]
        elif f.folded:
            n = len(f.folded)
            more = ngettext(
                "(and {count} error that follows from this one: max247 validate --all lists it)",
                "(and {count} errors that follow from this one: max247 validate --all lists them)",
                n,
                count=n,
            )
            lines.append("    " + render_text(more, tr))
    if every:
        return lines
    counts: dict[tuple[str, str], _Count] = {}
    for f in findings:
        if not _summed(f):
            continue
        language = str(getattr(f.message, "params", {}).get("language", "?"))
        key = (f.loc.file, language)
        story, total = totals.get(key, (f.loc.file, 0))
        count = counts.setdefault(key, _Count(story, language, total))
        if f.code == "W701":
            count.missing += 1
        else:
            count.stale += 1
    for c in counts.values():
        lines.append(render_text(_line(c), tr))
    return lines


def _summed(f: Finding) -> bool:
    """A missing or stale translation of one text (no catalog at all is one line already)."""
    return f.code in SUMMED and "count" not in getattr(f.message, "params", {})


def _line(c: _Count) -> str:
    total = max(c.total, c.missing + c.stale)
    todo = ngettext(
        "{language}: {missing} of {total} text still to translate",
        "{language}: {missing} of {total} texts still to translate",
        total,
        language=c.language,
        missing=c.missing,
        total=total,
    )
    if c.stale:
        todo = N_(
            "{todo}, {stale} to check (changed since translated)",
            todo=todo,
            stale=c.stale,
        )
    return N_(
        "{story}: {todo} (max247 validate --all lists them)",
        story=c.story,
        todo=todo,
    )


def translation_totals(scenarios: Iterable) -> dict[tuple[str, str], tuple[str, int]]:
    """For each story and language it is played in: how many texts need a catalog."""
    from max247.catalogs import scenario_messages, targets
    from max247.story.library import display_path

    out = {}
    for s in scenarios:
        wanted = {(t.context, t.source): t for t, _ in scenario_messages(s)}
        for lang in targets(s):
            total = sum(1 for t in wanted.values() if t.inline_for(lang) is None)
            out[(display_path(s.path), lang)] = (s.id, total)
    return out
