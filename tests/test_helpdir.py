import datetime as dt

import pytest

from max247 import paths
from max247.helpdir import help_list, load_directory
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


# --- several cards per need, the crisis card, Take It Down, "checked on" ------------------------

SHIPPED = load_directory(paths.HELP_DIRECTORY)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("region", ["be", "nl", "uk", "intl"])
def test_a_crisis_card_and_take_it_down_in_every_region(region, language):
    crisis = SHIPPED.shown("crisis", region, language)
    assert crisis, f"no crisis card in {region}"
    for card in crisis:
        assert card.phone or card.web
        assert card.source.startswith("http") and card.checked
        # safe messaging: hope and a way to reach someone, never a method
        assert "can change" in card.text("helps", "en")
    images = [c.id for c in SHIPPED.shown("remove-image", region, language)]
    assert "take-it-down" in images
    if region != "intl":  # beside the region's own card, never instead of it
        assert images.index("take-it-down") == len(images) - 1 and len(images) >= 2
    tid = SHIPPED.card("remove-image", "intl", language)
    words = (tid.text("helps", language) + tid.text("what_happens", language)).lower()
    # what it needs (the picture on the child's own device) and where it works, said plainly
    assert {"en": "own phone", "nl": "eigen gsm", "fr": "ton propre gsm"}[language] in words
    assert {"en": "take part", "nl": "meedoen", "fr": "participants"}[language] in words


def test_the_crisis_line_for_each_class():
    def ids(region, language):
        return [c.id for c in SHIPPED.shown("crisis", region, language)]

    assert ids("be", "nl") == ["zelfmoordlijn-1813"]
    assert ids("be", "fr") == ["centre-prevention-suicide"]
    # no Belgian line speaks English: an English class sees both, each naming its language
    assert ids("be", "en") == ["zelfmoordlijn-1813", "centre-prevention-suicide"]
    assert ids("nl", "nl") == ["zelfmoordpreventie-113"]
    assert ids("uk", "en") == ["childline-crisis", "samaritans"]
    assert ids("intl", "fr") == ["find-a-helpline"]
    assert SHIPPED.card("crisis", "be", "nl").phone == "1813"
    assert SHIPPED.card("crisis", "be", "fr").phone == "0800 32 123"


def test_awel_and_ecoute_enfants_have_their_numbers_and_sources():
    awel, ecoute = SHIPPED.card("talk", "be", "nl"), SHIPPED.card("talk", "be", "fr")
    assert (awel.phone, ecoute.phone) == ("102", "103")
    text = paths.HELP_DIRECTORY.read_text(encoding="utf-8")
    for source in ("hln.be", "knack.be", "dgde.cfwb.be", "rtbf.be"):
        assert source in text


def test_the_class_sees_the_cards_in_its_language_and_the_region_s_own_first(write):
    d = directory(
        write,
        card("cf", needs="exploitation, remove-image"),
        card("vl", needs="exploitation", languages="nl"),
        card("awel", needs="talk", languages="nl"),
        card("ecoute", needs="talk", languages="fr"),
        card("tid", region="be, nl, uk, intl", needs="remove-image"),
    )
    assert [c.id for c in d.shown("exploitation", "be", "nl")] == ["cf", "vl"]
    assert [c.id for c in d.shown("exploitation", "be", "fr")] == ["cf"]
    assert [c.id for c in d.shown("talk", "be", "nl")] == ["awel"]
    assert [c.id for c in d.shown("talk", "be", "en")] == ["awel", "ecoute"]
    assert [c.id for c in d.shown("remove-image", "be", "en")] == ["cf", "tid"]
    assert [c.id for c in d.shown("remove-image", "uk", "en")] == ["tid"]
    # the teacher's view still lists every language
    assert [c.id for c in d.cards_for("talk", "be", "nl")] == ["awel", "ecoute"]


def test_help_list_gives_each_service_once_and_the_latest_check(write):
    d = directory(
        write,
        card("a", needs="talk", checked="2026-10-01"),
        card("a-crisis", needs="crisis", phone="1", checked="2026-11-20"),
        card("b", needs="crisis", phone="2", checked="2026-09-01"),
        card("c", needs="emergency", phone="3", checked="2026-11-01"),
    )
    found = help_list(d, ("talk", "crisis", "emergency"), "be", "nl")
    # 'a-crisis' is the same service as 'a' (same number): shown once, under its first need
    assert [c.id for c in found.cards] == ["a", "b", "c"]
    assert found.checked == dt.date(2026, 11, 1)
    short = help_list(d, ("talk", "crisis"), "be", "nl", first_only=True)
    assert [c.id for c in short.cards] == ["a", "b"]  # the next service when the first is shown
    nothing = help_list(d, ("missing",), "be", "nl")
    assert not nothing and nothing.checked is None


# --- a damaged or wrong-shaped file: a finding with file and line, never a crash ---------------


@pytest.mark.parametrize(
    "text, code, line",
    [
        ("- just\n- a list\n", "E006", 1),
        ("format: 1\ncards:\n  - awel\n", "E006", 3),
        ("format: 1\n", "E006", 1),
        ("format: 2\ncards:\n" + card("x"), "E109", 1),
        ("format: 1\ncrads: {}\ncards:\n" + card("x"), "E101", 2),
        ("format: 1\ncards:\n  awel: Awel, 102\n", "E103", 3),
        ("format: 1\ncards:\n" + card("x").replace("regions: [be]", "regions: []"), "E102", 4),
        (
            "format: 1\ncards:\n" + card("x").replace("helps: {en: Help.,", "helps: {en: [Help],"),
            "E105",
            8,
        ),
        ("format: 1\ncards:\n" + card("x").replace("needs: [talk]", "needs: [tlak]"), "E106", 6),
        ("format: 1\ncards:\n  x: {regions: [be\n", "E005", 4),
    ],
)
def test_a_wrong_shaped_directory_is_a_finding_with_file_and_line(write, text, code, line):
    path = write("help.yaml", text)
    with pytest.raises(ScenarioError) as exc:
        load_directory(path)
    found = [f for f in exc.value.findings if f.code == code]
    assert found, [str(f) for f in exc.value.findings]
    assert found[0].loc.file == str(path) and found[0].loc.line == line


def test_a_damaged_directory_never_crashes(write):
    """Cut, duplicate and garble lines of the shipped file: every result is a directory or a
    ScenarioError whose findings name the file."""
    import random

    lines = paths.HELP_DIRECTORY.read_text(encoding="utf-8").splitlines()
    rng = random.Random(11)
    for _ in range(120):
        damaged = list(lines)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(damaged))
            how = rng.choice(("cut", "twice", "indent", "garble", "colon"))
            if how == "cut":
                del damaged[i]
            elif how == "twice":
                damaged.insert(i, damaged[i])
            elif how == "indent":
                damaged[i] = " " + damaged[i]
            elif how == "garble":
                damaged[i] = damaged[i][: rng.randrange(len(damaged[i]) + 1)] + rng.choice(
                    "[]{}:'\"-&*!|>"
                )
            else:
                damaged[i] = damaged[i].replace(": ", ": [", 1)
        path = write("help.yaml", "\n".join(damaged))
        try:
            load_directory(path)
        except ScenarioError as exc:
            assert exc.findings and all(f.loc.file == str(path) for f in exc.findings)


def test_the_game_starts_with_a_damaged_directory_and_says_so(tmp_path, monkeypatch):
    from max247.pilot import Pilot

    broken = tmp_path / "help.yaml"
    broken.write_text("format: 1\ncards: [\n", encoding="utf-8")
    monkeypatch.setattr(paths, "HELP_DIRECTORY", broken)
    pilot = Pilot((1024, 768), "nl")
    assert pilot.app.directory.cards == []
    # in the class's language, with the file and the line
    assert any(
        note.startswith(f"{broken}:3:1: E005 ") and "YAML" in note and "kan" in note
        for note in pilot.app.notes
    ), pilot.app.notes


# --- the screens --------------------------------------------------------------------------------


def drawn_texts(pilot) -> str:
    return "\n".join(d.text for d in pilot.drawn)


def test_the_help_card_shows_each_service_in_turn_and_when_help_was_checked():
    from max247.input import Action
    from max247.pilot import Pilot
    from max247.scenes.cards import HelpCardScene
    from max247.scenes.story import StoryScene

    pilot = Pilot((1024, 768), "nl", region="be")
    pilot.lesson("ilyas-class-chat")
    pilot.press(Action.CONFIRM, Action.CONFIRM)  # the briefing, then the story
    assert isinstance(pilot.top, StoryScene)
    scenario = pilot.top.scenario
    pilot.app.push(HelpCardScene(pilot.app, scenario, "remove-image"))
    names = []
    for _ in range(12):
        if not isinstance(pilot.top, HelpCardScene):
            break
        pilot.drawn.clear()
        pilot.step()
        texts = drawn_texts(pilot)
        assert "Hulp nagekeken op 2\u00a0december\u00a02026" in texts
        names.append(pilot.top.help.cards[pilot.top.shown].id)
        pilot.press(Action.NEXT)
    assert list(dict.fromkeys(names)) == ["child-focus", "take-it-down"]
    assert not isinstance(pilot.top, HelpCardScene)  # back to the story after the last one


def test_a_card_in_another_language_says_which():
    from max247.pilot import Pilot
    from max247.scenes.closing import ClosingScene

    pilot = Pilot((1280, 720), "en", region="be")
    pilot.lesson("ilyas-class-chat")
    pilot.start(ClosingScene(pilot.app))
    texts = drawn_texts(pilot)
    assert "Awel · 102\u00a0·\u00a0Dutch" in texts
    assert "Zelfmoordlijn 1813\u00a0·\u00a0Dutch" in texts
    assert "Help checked on 2\u00a0Dec\u00a02026" in texts
    for number in ("102", "116 000", "1813", "112"):
        assert number in texts


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("region", ["be", "nl", "uk", "intl"])
def test_the_closing_screen_shows_every_number_on_a_small_screen_with_big_text(region, language):
    """1024x768 at the largest text: the class's helpline, crisis line and emergency number all
    stand on the closing screen, with the date they were checked; none is left out for room."""
    from max247.helpdir import help_list
    from max247.pilot import Pilot
    from max247.scenes.closing import ClosingScene
    from max247.ui.helpwords import CLASS_NEEDS, short_url
    from max247.ui.theme import TEXT_SCALES

    pilot = Pilot((1024, 768), language, region=region, text_scale=max(TEXT_SCALES))
    pilot.lesson("ilyas-class-chat", "jana-more-photos", "noor-gems", "elif-scout", "zoe-says-no")
    pilot.start(ClosingScene(pilot.app))
    drawn = [d for d in pilot.drawn]
    cards = help_list(pilot.app.directory, CLASS_NEEDS, region, language, first_only=True).cards
    assert len(cards) >= 3
    texts = "\n".join(d.text for d in drawn)
    for card in cards:
        # its number, or its web address when it has none
        assert (card.phone or short_url(card.web).split("/")[0]) in texts, card.id
    assert {"nl": "Hulp nagekeken op", "fr": "Aide vérifiée le", "en": "Help checked on"}[
        language
    ] in texts
    assert all(d.pages == 1 for d in drawn), [d.text for d in drawn if d.pages > 1]
