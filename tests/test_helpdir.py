import datetime as dt

import pytest

from max247 import paths
from max247.helpdir import load_directory
from max247.story.findings import ScenarioError

CARD = """\
  {id}:
    regions: [{region}]
    {languages}
    needs: [{needs}]
    name: {name}
    helps: {{en: Help., nl: Hulp., fr: Aide.}}
    phone: "{phone}"
    source: https://example.org/{id}
    checked: "{checked}"
"""


def card(id, region="be", needs="talk", languages="", name=None, phone="1", checked="2026-11-01"):
    if languages:
        languages = f"languages: [{languages}]"
    return CARD.format(
        id=id,
        region=region,
        needs=needs,
        languages=languages,
        name=name or id,
        phone=phone,
        checked=checked,
    )


def directory(write, *cards, local=None, today=dt.date(2026, 11, 28)):
    path = write("help.yaml", "format: 1\ncards:\n" + "".join(cards))
    mine = write("mine.yaml", "format: 1\ncards:\n" + "".join(local)) if local else None
    return load_directory(path, mine, today=today)


def test_shipped_directory_loads_and_covers_every_need_and_region():
    d = load_directory(paths.HELP_DIRECTORY)
    errors = [str(f) for f in d.findings if f.is_error]
    assert not errors, errors
    assert d.card("exploitation", "be", "nl").phone == "116 000"


def test_language_then_region_then_international(write):
    d = directory(
        write,
        card("awel", needs="talk", languages="nl"),
        card("ecoute", needs="talk", languages="fr"),
        card("chi", region="intl", needs="talk, remove-image"),
    )
    assert d.card("talk", "be", "nl").id == "awel"
    assert d.card("talk", "be", "fr").id == "ecoute"
    assert d.card("talk", "be", "en").id == "awel"  # by region when no card speaks English
    assert d.card("remove-image", "be", "nl").id == "chi"
    assert d.card("talk", "uk", "en").id == "chi"
    assert d.card("missing", "uk", "en") is None


def test_a_card_without_source_or_date_is_an_error(write):
    text = card("x").replace("    source: https://example.org/x\n", "")
    with pytest.raises(ScenarioError) as exc:
        directory(write, text)
    assert [f.code for f in exc.value.findings] == ["E801"]
    with pytest.raises(ScenarioError) as exc:
        directory(write, card("x", checked="last week"))
    assert [f.code for f in exc.value.findings] == ["E801"]


def test_a_card_checked_long_ago_is_flagged(write):
    d = directory(write, card("old", checked="2024-01-01"))
    assert "W801" in [f.code for f in d.findings]
    assert [c.id for c in d.stale(dt.date(2026, 11, 28))] == ["old"]


def test_local_corrections_override_by_id_and_are_marked(write):
    d = directory(write, card("awel", phone="102"), local=[card("awel", phone="999 999")])
    c = d.card("talk", "be", "nl")
    assert c.phone == "999 999" and c.local


def test_a_broken_local_file_never_hides_the_shipped_cards(write):
    path = write("help.yaml", "format: 1\ncards:\n" + card("awel"))
    mine = write("mine.yaml", "cards: [unclosed\n")
    d = load_directory(path, mine)
    assert d.card("talk", "be", "nl").id == "awel"
    assert any(f.code == "E005" for f in d.findings)


def test_unknown_keys_are_named(write):
    with pytest.raises(ScenarioError) as exc:
        directory(write, card("x").replace("    phone:", "    phnoe:"))
    assert "Did you mean 'phone'?" in str(exc.value)
