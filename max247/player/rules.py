"""The rules every front end shows the same way: when a character feels OK, and whether a story
reads completely in a language."""

from __future__ import annotations

from pathlib import Path

from max247.story.model import Scenario
from max247.story.moods import feels_ok

__all__ = ["feels_ok", "translation_complete"]


def translation_complete(scenario: Scenario, language: str, locales: Path | None) -> bool:
    """Whether every text of `scenario` reads in `language`, given its library's catalogs
    (`locales`, None when the library has none): the source language always does."""
    if language == scenario.language:
        return True
    # imported here: the catalogs bring Babel's catalog machinery, which only this check needs
    from max247.catalogs import status

    rows = status(scenario, locales)
    return all(r.complete for r in rows if r.language == language)
