"""How the game says its help lines, dates and regions in the class's language.

Shared by the screens that show help (the help card, the closing screen, the goodbye) and the
printouts, so a help line reads the same on the projector and on paper.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list

if TYPE_CHECKING:
    from max247.helpdir import Card
    from max247.scenes.scene import Host

# the numbers the class takes home: someone to talk to, help when someone online pressures you,
# someone now when it is all too much, and the emergency number
CLASS_NEEDS = ("talk", "exploitation", "crisis", "emergency")

# the day as written where the game is played: "2 December 2026", not the American order
DATE_LOCALES = {"en": "en_GB", "nl": "nl_BE", "fr": "fr_BE"}

REGIONS = ("be", "nl", "uk", "intl")
_TERRITORY = {"be": "BE", "nl": "NL", "uk": "GB"}


def region_name(region: str, language: str, fallback: str) -> str:
    """The region's country in `language` ("Belgique"); `fallback` for "another country"."""
    if region == "intl":
        return fallback
    return Locale.parse(language).territories.get(_TERRITORY[region], region)


def spoken(card: Card, language: str) -> str:
    """The card's languages in the class's language, when the service does not speak it
    ("Dutch" on Awel's card for an English-speaking class); else ''."""
    if not card.languages or language in card.languages:
        return ""
    names = Locale.parse(language).languages
    return format_list([names.get(code, code) for code in card.languages], locale=language)


def checked_words(app: Host, checked: dt.date | None, short: bool = False) -> str:
    """'Help checked on 2 December 2026' ('2 Dec 2026' if short), in the class's language;
    '' without a date."""
    if checked is None:
        return ""
    lang = app.settings.language
    form = "medium" if short else "long"
    day = format_date(checked, format=form, locale=DATE_LOCALES.get(lang, lang))
    # the date never breaks in two ("2 dec" / "2026"): its spaces do not break
    return app._("Help checked on {date}").format(date=day.replace(" ", "\u00a0"))


def short_url(url: str) -> str:
    for prefix in ("https://", "http://", "www."):
        if url.startswith(prefix):
            url = url[len(prefix) :]
    return url.rstrip("/")


def card_line(card: Card, lang: str) -> str:
    """A help card in one line: its name, its number or address, and its language when the
    class speaks another ("Awel · 102 · Dutch" for an English-speaking class)."""
    # the site's name, not a long page address: the card itself shows the full one
    reach = card.phone or short_url(card.chat or card.web or "").split("/")[0]
    name = card.text("name", lang)
    line = name + (f" · {reach}" if reach and reach not in name else "")
    # an address that says the name stands alone: "findahelpline.com"
    if not card.phone and reach.startswith("".join(filter(str.isalnum, name.lower()))):
        line = reach
    speaks = spoken(card, lang)
    # the language stays with the number on one line: "1813 · Dutch" never breaks
    return line + (f"\u00a0·\u00a0{speaks}" if speaks else "")
