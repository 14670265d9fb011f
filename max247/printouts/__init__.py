"""Pages the teacher prints: the lesson's summary and a sheet of Max cards.

Each is one self-contained HTML file (styles inline, no scripts, no external files, nothing from
the network) with a print stylesheet for A4, written in the session's language. Nothing on them
identifies a child: the lesson's name is the teacher's, the votes are counts.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from max247.helpdir import Card, Directory, help_list
from max247.i18n import Interface, ScenarioTranslator
from max247.story.model import Scenario, Text
from max247.ui.helpwords import CLASS_NEEDS, DATE_LOCALES, short_url

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # mood words live with the widgets

# the numbers the class takes home, as on the closing screen: someone to talk to, help when
# someone online pressures you, someone now when it is all too much, and the emergency number
CHILD_NEEDS = CLASS_NEEDS


@dataclass
class Words:
    """Interface and scenario texts in one language (what the game's app object gives scenes)."""

    language: str
    translator: ScenarioTranslator = field(default_factory=ScenarioTranslator)

    def __post_init__(self) -> None:
        self.interface = Interface(self.language)

    def _(self, message: str) -> str:
        return self.interface.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.interface.ngettext(singular, plural, n)

    def text(self, scenario: Scenario, text: Text | None) -> str:
        return "" if text is None else self.translator(scenario, text, self.language)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def el(tag: str, text: str, cls: str = "") -> str:
    """An element holding escaped text: `el("h2", _("Help found"))` (gettext finds the call)."""
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>{esc(text)}</{tag}>"


def long_date(day: dt.date, language: str) -> str:
    """ "2 December 2026", as written where the game is played (not the American order)."""
    from babel.dates import format_date

    return format_date(day, "long", locale=DATE_LOCALES.get(language, language))


def child_cards(directory: Directory, region: str, language: str) -> list[Card]:
    """The region's helplines for children: the services the closing screen shows, in its
    order, each once (the help directory's `help_list`, so both always agree)."""
    return list(help_list(directory, CHILD_NEEDS, region, language, first_only=True).cards)


def reach(card: Card) -> str:
    """How to reach a service in a few characters: its number, else its web address."""
    return card.phone or short_url(card.chat or card.web or "")


def page(language: str, title: str, css: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def folder() -> Path:
    """Where the game writes printouts: the teacher's Documents, else the data folder."""
    for base in (platformdirs.user_documents_dir(), platformdirs.user_data_dir("max247", False)):
        out = Path(base) / "Max 24-7"
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(out, os.W_OK):
            return out
    return Path.cwd()


def safe_file_name(name: str) -> str:
    """A lesson's name as part of a file name on any system."""
    kept = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip()
    return " ".join(kept.split())[:60] or "lesson"
