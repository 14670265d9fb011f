"""The help directory: which real services a help card shows, per need, region and language.

Scenarios name a need, never a number; this data decides what the class sees. Every card carries
the address of the page its facts were checked on and the date, because numbers change. A
teacher's local corrections live in their own data folder and override shipped cards by id.

A need may have several cards in a region (Child Focus and Take It Down for a nude image, a
Dutch and a French suicide line in Belgium). `help_list` is what every screen and print asks:
the cards to show for some needs in a region and a class language, and the date they were
last checked, which the class sees as "help checked on DATE".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from max247.story.fields import Fields
from max247.story.findings import N_, Finding, Loc, ScenarioError, finding
from max247.story.model import LANGUAGES, NEEDS
from max247.story.yamlread import Mapping, Node, Scalar, Sequence, read_yaml

REGIONS = ("be", "nl", "uk", "intl")
CLASS_REGIONS = ("be", "nl", "uk")
STALE_AFTER = dt.timedelta(days=365)
CARD_KEYS = {
    "regions": True,
    "languages": False,
    "needs": True,
    "name": True,
    "helps": True,
    "phone": False,
    "chat": False,
    "web": False,
    "hours": False,
    "free": False,
    "anonymous": False,
    "what_happens": False,
    "source": True,
    "checked": True,
}
CARD_ID = re.compile(r"[a-z][a-z0-9-]*\Z")
TOP_KEYS = ("format", "cards")
FORMAT = "1"


@dataclass(frozen=True)
class Card:
    id: str
    regions: tuple[str, ...]
    needs: tuple[str, ...]
    name: dict[str, str]
    helps: dict[str, str]
    source: str
    checked: dt.date
    loc: Loc
    languages: tuple[str, ...] | None = None  # None: for every class language
    phone: str | None = None
    chat: str | None = None
    web: str | None = None
    hours: dict[str, str] = field(default_factory=dict)
    free: bool | None = None
    anonymous: bool | None = None
    what_happens: dict[str, str] = field(default_factory=dict)
    local: bool = False  # from the teacher's own corrections

    @property
    def for_teachers(self) -> bool:
        return "adult-advice" in self.needs

    def text(self, name: str, language: str) -> str:
        """A text of the card in a language, falling back to English, then any."""
        texts: dict[str, str] = getattr(self, name)
        return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")

    def is_stale(self, today: dt.date) -> bool:
        return today - self.checked > STALE_AFTER


@dataclass
class Directory:
    cards: list[Card]
    findings: list[Finding] = field(default_factory=list)

    @property
    def needs(self) -> set[str]:
        return {n for c in self.cards for n in c.needs}

    def card(self, need: str, region: str, language: str) -> Card | None:
        """The first card shown for a need: see `shown`."""
        found = self.shown(need, region, language)
        return found[0] if found else None

    def cards_for(self, need: str, region: str, language: str) -> list[Card]:
        """Every card for a need in a region, best first: a card made for the class's language,
        one for any language, then the region's others; among equals the region's own before a
        card listed in many regions (Take It Down); the international cards only if the region
        has none. For the teacher's view, which lists services in every language.
        """
        for r in dict.fromkeys((region, "intl")):
            here = [c for c in self.cards if need in c.needs and r in c.regions]
            if here:
                return sorted(here, key=lambda c: (_language_rank(c, language), len(c.regions)))
        return []

    def shown(self, need: str, region: str, language: str) -> list[Card]:
        """The cards the class sees for a need: those that speak the class's language (or any
        language); when none does, the region's cards in their own languages, which the card
        then names (an English-speaking class in Belgium sees Awel and Ecoute-Enfants)."""
        every = self.cards_for(need, region, language)
        speaking = [c for c in self.cards if c in every and _language_rank(c, language) < 2]
        # among those the class can read, the directory's own order (Child Focus before 1712),
        # a card listed in many regions (Take It Down) after the region's own
        return sorted(speaking, key=lambda c: len(c.regions) > 1) or every

    def stale(self, today: dt.date | None = None) -> list[Card]:
        today = today or dt.date.today()
        return [c for c in self.cards if c.is_stale(today)]


def _language_rank(card: Card, language: str) -> int:
    if card.languages and language in card.languages:
        return 0
    return 1 if not card.languages else 2


@dataclass(frozen=True)
class HelpList:
    """The cards to show for some needs, once each, and the latest date one was checked."""

    cards: tuple[Card, ...]
    checked: dt.date | None  # None when there is no card

    def __bool__(self) -> bool:
        return bool(self.cards)


def help_list(
    directory: Directory,
    needs: Iterable[str],
    region: str,
    language: str,
    first_only: bool = False,
) -> HelpList:
    """The help cards for these needs in a region and class language, in the order of the
    needs, each service once; and the "help checked on" date: the latest `checked` among them.

    `first_only`: one service per need, the first the class sees (for a short list such as the
    closing screen's; the help card itself shows them all). The closing screen, the help card
    and the printable Max card all ask this, so they show the same services and date.
    """
    cards: dict[tuple[str | None, ...], Card] = {}
    for need in needs:
        for card in directory.shown(need, region, language):
            # one service once, even when it has a card per need (Childline's crisis card)
            key = (card.phone, card.chat, card.web) if card.phone else (card.id,)
            if key not in cards:
                cards[key] = card
                if first_only:
                    break
    shown = tuple(cards.values())
    return HelpList(shown, max((c.checked for c in shown), default=None))


def load_directory(
    path: Path, local: Path | None = None, today: dt.date | None = None
) -> Directory:
    """Load the shipped directory and the teacher's corrections; raise on errors in the shipped."""
    directory = _read(path, local=False, today=today)
    errors = [f for f in directory.findings if f.is_error]
    if errors:
        raise ScenarioError(errors)
    if local is not None and local.is_file():
        try:
            mine = _read(local, local=True, today=today)
        except ScenarioError as exc:  # a broken correction never hides the shipped cards
            directory.findings += exc.findings
        else:
            directory.findings += mine.findings
            ok = [c for c in mine.cards]
            ids = {c.id for c in ok}
            directory.cards = ok + [c for c in directory.cards if c.id not in ids]
    directory.findings += _coverage(directory, path)
    return directory


def _read(path: Path, local: bool, today: dt.date | None) -> Directory:
    doc = read_yaml(path)
    findings: list[Finding] = list(doc.warnings)
    root = doc.root
    shape = N_("the help directory is a mapping with 'format: 1' and 'cards'.")
    if not isinstance(root, Mapping):
        raise ScenarioError([finding("E006", root.loc, shape)])
    fields = Fields()
    fields.check_keys(root, TOP_KEYS, N_("the help directory"))
    findings += fields.findings
    version = root.get("format")
    if version is not None and not (isinstance(version, Scalar) and version.value == FORMAT):
        findings.append(
            finding(
                "E109",
                version.loc,
                N_("this game reads help directories of format {format}.", format=FORMAT),
                N_("Write 'format: 1' at the top of the file."),
            )
        )
    cards_node = root.get("cards")
    if not isinstance(cards_node, Mapping):
        # where the cards should be: under 'cards', each a card id with its keys
        raise ScenarioError([finding("E006", (cards_node or root).loc, shape)])
    cards = []
    for key, node in cards_node.items:
        card = _card(key, node, findings, local, today or dt.date.today())
        if card is not None:
            cards.append(card)
    return Directory(cards, findings)


def _card(key: Scalar, node: Node, out: list[Finding], local: bool, today: dt.date) -> Card | None:
    fields = Fields()
    fields.findings = out  # the directory's findings, in the order they are found
    add = fields.add

    cid = key.value
    if not CARD_ID.match(cid):
        add(
            "E201",
            key.loc,
            N_("'{id}' is not a valid card id: lower-case letters, digits and '-'.", id=cid),
        )
        return None
    if not isinstance(node, Mapping):
        add("E103", node.loc, N_("the card '{id}' should be a mapping of keys.", id=cid))
        return None
    fields.check_keys(node, CARD_KEYS, N_("a help card"))
    errors_before = sum(f.is_error for f in out)
    for k in ("source", "checked"):
        if node.get(k) is None:
            add(
                "E801",
                node.loc,
                N_("the card '{id}' has no '{key}'.", id=cid, key=k),
                N_(
                    "Every card says which page its facts were checked on (source) and when "
                    '(checked: "YYYY-MM-DD").'
                ),
            )
    for k, required in CARD_KEYS.items():
        if required and k not in ("source", "checked") and node.get(k) is None:
            add("E102", node.loc, N_("the card '{id}' needs '{key}'.", id=cid, key=k))

    def words(k: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        n = node.get(k)
        if n is None:
            return ()
        items = n.items if isinstance(n, Sequence) else [n]
        if not items:  # `regions: []` would hide the card everywhere without a word
            add("E102", n.loc, N_("{key} of '{id}' is an empty list.", key=k, id=cid))
        vals = [fields.one_of(i, k, allowed) for i in items]
        return tuple(v for v in vals if v is not None)

    def texts(k: str) -> dict[str, str]:
        n = node.get(k)
        if n is None:
            return {}
        if isinstance(n, Scalar) and n.value.strip():
            return dict.fromkeys(LANGUAGES, n.value)
        if isinstance(n, Mapping) and set(n.keys()) <= set(LANGUAGES):
            got = {}
            for kk, v in n.items:
                if isinstance(v, Scalar) and v.value.strip():
                    got[kk.value] = v.value
                else:  # empty, or YAML read it as a list or mapping
                    add(
                        "E104" if isinstance(v, Scalar) else "E105",
                        v.loc,
                        N_(
                            "{key} of '{id}' in '{lang}' should be a text.",
                            key=k,
                            id=cid,
                            lang=kk.value,
                        ),
                    )
            if "en" not in got:
                add("E102", n.loc, N_("{key} of '{id}' needs at least 'en'.", key=k, id=cid))
            return got
        add(
            "E105",
            n.loc,
            N_(
                "{key} of '{id}' should be a text or {{en: ..., nl: ..., fr: ...}}.",
                key=k,
                id=cid,
            ),
        )
        return {}

    def text(k: str) -> str | None:
        n = node.get(k)
        if n is None:
            return None
        if isinstance(n, Scalar) and n.value.strip():
            return n.value
        add("E103", n.loc, N_("{key} of '{id}' should be a single text.", key=k, id=cid))
        return None

    def flag(k: str) -> bool | None:
        return fields.boolean(node.get(k), k) if node.get(k) is not None else None

    checked = None
    if (c := node.get("checked")) is not None:
        try:
            checked = dt.date.fromisoformat(c.value if isinstance(c, Scalar) else "")
        except ValueError:  # not a date, or a list or mapping
            add(
                "E801",
                c.loc,
                N_("checked of '{id}' should be a date written \"YYYY-MM-DD\".", id=cid),
            )
    source = text("source")
    if source is not None and not source.startswith(("https://", "http://")):
        add(
            "E801",
            node.get("source").loc,  # type: ignore[union-attr]
            N_("the source of '{id}' should be a web address.", id=cid),
        )
    languages = words("languages", LANGUAGES) if node.get("languages") is not None else None
    # read in this order, so the findings come in the order of the card's keys
    regions, needs = words("regions", REGIONS), words("needs", NEEDS)
    name, helps, hours = texts("name"), texts("helps"), texts("hours")
    what_happens = texts("what_happens")
    phone, chat, web = text("phone"), text("chat"), text("web")
    free, anonymous = flag("free"), flag("anonymous")
    if sum(f.is_error for f in out) > errors_before or checked is None or source is None:
        return None
    card = Card(
        cid,
        source=source,
        checked=checked,
        loc=key.loc,
        languages=languages,
        local=local,
        regions=regions,
        needs=needs,
        name=name,
        helps=helps,
        hours=hours,
        what_happens=what_happens,
        phone=phone,
        chat=chat,
        web=web,
        free=free,
        anonymous=anonymous,
    )
    if card.is_stale(today):
        add(
            "W801",
            c.loc,  # type: ignore[union-attr]
            N_(
                "the card '{id}' was checked on {date}, more than a year ago.",
                id=cid,
                date=str(checked),
            ),
            N_("Check it again against {source} and update 'checked'.", source=source),
        )
    return card


def _coverage(directory: Directory, path: Path) -> list[Finding]:
    out = []
    for need in NEEDS:
        for region in CLASS_REGIONS:
            missing = [lang for lang in LANGUAGES if directory.card(need, region, lang) is None]
            if missing:
                out.append(
                    finding(
                        "E802",
                        Loc(str(path)),
                        N_(
                            "no help card for the need '{need}' in the region '{region}' "
                            "(nor an international one).",
                            need=need,
                            region=region,
                        ),
                    )
                )
    return out
