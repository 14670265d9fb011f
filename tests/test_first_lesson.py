"""A first lesson as a teacher meets it: the question on screen, "next" that never chooses, a
decision that can be taken back, a clicker that reaches everything, nothing teacher-only shown
by default, and a goodbye that shows where help is."""

import pygame
import pytest

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.base import NO_HIGHLIGHT
from max247.scenes.board import BoardScene
from max247.scenes.briefing import BriefingScene
from max247.scenes.cards import FeedbackScene
from max247.scenes.choice import ChoiceScene
from max247.scenes.goodbye import GoodbyeScene
from max247.scenes.keycard import KeyCard
from max247.scenes.overlays import BlankScreen, ConfirmQuit, PauseOverlay, TeacherOverlay
from max247.scenes.story import StoryScene
from max247.scenes.title import TitleScene
from max247.scenes.vote import VoteScene
from tests.scenario_text import BROKEN_NL


@pytest.fixture
def pilot():
    return Pilot((1024, 768), text_scale=1.5)


def to_first_choice(pilot: Pilot) -> ChoiceScene:
    pilot.lesson("noor-gems").press(Action.CONFIRM, Action.CONFIRM)
    for _ in range(30):
        if isinstance(pilot.top, ChoiceScene):
            return pilot.top
        pilot.press(Action.NEXT)
    raise AssertionError("no choice")


def drawn_texts(pilot: Pilot) -> list[str]:
    pilot.step()
    return [d.text for d in pilot.drawn]


def test_the_line_being_answered_is_readable_on_the_choice(pilot):
    choice = to_first_choice(pilot)
    last = choice.story_scene.shown[-1]
    words = pilot.app.text(choice.story_scene.scenario, last.text)
    texts = drawn_texts(pilot)
    assert words in texts  # whole, not faded behind the cards
    assert "Jay_2011" in texts  # and who says it
    box = next(d for d in pilot.drawn if d.text == words)
    assert box.pages == 1 and box.covered.bottom <= pilot.app.theme.height


@pytest.mark.parametrize("mode", ["whole-class", "cards", "heads-down"])
@pytest.mark.parametrize("key", [pygame.K_SPACE, pygame.K_RETURN, pygame.K_F5, pygame.K_KP_ENTER])
def test_next_on_a_fresh_choice_never_chooses(pilot, key, mode):
    pilot.app.settings.decision_mode = mode
    choice = to_first_choice(pilot)
    assert choice.index == NO_HIGHLIGHT
    pilot.key(key)
    assert not choice.story_scene.story.state.log
    if mode == "whole-class":
        assert pilot.top is choice
    else:  # the tables vote now; back (Backspace) to the cards, where the teacher may play
        assert isinstance(pilot.top, VoteScene)
        pilot.key(pygame.K_BACKSPACE)
        assert pilot.top is choice
    pilot.key(pygame.K_PAGEDOWN, key)  # ring the first card, then play it
    assert choice.story_scene.story.state.log[-1].number == 1


def test_page_up_on_a_fresh_choice_rings_the_last_card(pilot):
    choice = to_first_choice(pilot)
    pilot.key(pygame.K_PAGEUP)
    assert choice.index == len(choice.items) - 1


def test_back_after_a_decision_takes_it_back_in_the_session_too(pilot):
    choice = to_first_choice(pilot)
    story = choice.story_scene
    key = choice.offered.choice.key
    pilot.press(Action.CHOOSE_1)
    assert isinstance(pilot.top, FeedbackScene)
    assert pilot.app.session.progress("noor-gems").log[-1].choice == key
    pilot.press(Action.BACK)
    again = pilot.top
    assert isinstance(again, ChoiceScene) and again.offered.choice.key == key
    assert story.story.state.log == [] and pilot.app.session.progress("noor-gems").log == []
    assert again.index == NO_HIGHLIGHT
    pilot.press(Action.CHOOSE_3)  # the class decides again, otherwise
    assert story.story.state.log[-1].number == 3


def test_the_pause_menu_reaches_the_timer_and_undo_with_clicker_keys(pilot):
    choice = to_first_choice(pilot)
    first = choice.offered.choice.key
    pilot.key(pygame.K_ESCAPE)
    menu = pilot.top
    assert isinstance(menu, PauseOverlay)
    labels = [i.label() for i in menu.items]
    assert "Start the discussion timer" in labels
    pilot.key(*[pygame.K_PAGEDOWN] * labels.index("Start the discussion timer"), pygame.K_F5)
    assert pilot.top is choice and choice.running_since is not None
    pilot.press(Action.CHOOSE_1, Action.NEXT)  # a decision, then on past its feedback
    while not isinstance(pilot.top, (StoryScene, ChoiceScene)):
        pilot.press(Action.NEXT)
    pilot.key(pygame.K_ESCAPE)
    labels = [i.label() for i in pilot.top.items]
    assert "Undo the last decision" in labels
    pilot.key(*[pygame.K_PAGEDOWN] * labels.index("Undo the last decision"), pygame.K_F5)
    assert isinstance(pilot.top, ChoiceScene) and pilot.top.offered.choice.key == first


def test_the_key_card_opens_with_f1_and_names_only_mapped_keys(pilot):
    pilot.lesson("noor-gems")
    pilot.key(pygame.K_F1)
    assert isinstance(pilot.top, KeyCard)
    texts = drawn_texts(pilot)
    assert "Keys and clicker" in texts
    assert any("PageDown" in t for t in texts) and any("F5" in t for t in texts)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, BoardScene)


def test_the_briefing_projects_no_teacher_text_until_asked(pilot):
    pilot.lesson("noor-gems").press(Action.CONFIRM)
    briefing = pilot.top
    assert isinstance(briefing, BriefingScene)
    s = briefing.scenario
    warning = pilot.app.text(s, s.content_warning)
    assert not any(warning[:40] in t for t in drawn_texts(pilot))
    n = next(i for i, item in enumerate(briefing.items) if item.label() == "For the teacher")
    briefing.items[n].run()
    assert isinstance(pilot.top, TeacherOverlay)
    assert any(warning[:40] in t for t in drawn_texts(pilot))


def test_stop_the_lesson_shows_where_help_is_then_closes(pilot):
    to_first_choice(pilot)
    pilot.press(Action.PAUSE)
    stop = next(i for i in pilot.top.items if i.label() == "Stop the lesson")
    stop.run()
    assert isinstance(pilot.top, ConfirmQuit)
    pilot.top.items[1].run()
    goodbye = pilot.top
    assert isinstance(goodbye, GoodbyeScene) and pilot.app.running
    texts = drawn_texts(pilot)
    assert "It is never too late to tell someone." in texts
    assert any("116 000" in t for t in texts)
    pilot.time += 10
    pilot.app.step(pilot.time)
    assert not pilot.app.running


def test_the_blank_screen_is_black(pilot):
    to_first_choice(pilot)
    pilot.press(Action.BLANK)
    assert isinstance(pilot.top, BlankScreen)
    pilot.step()
    assert pilot.app.screen.get_at((5, 5))[:3] == (0, 0, 0)


def test_back_on_the_board_goes_to_the_title_and_keeps_the_lesson(pilot):
    pilot.lesson("noor-gems")
    session = pilot.app.session
    pilot.key(pygame.K_BACKSPACE)
    assert isinstance(pilot.top, TitleScene)
    # the lesson is saved and offered first, one press from where the class left it
    assert session.id is not None and pilot.top.unfinished[0].id == session.id


def test_a_paged_board_says_that_more_characters_exist(pilot):
    ids = sorted(pilot.app.library.scenarios)[:6]
    pilot.lesson(*ids)
    drawn_texts(pilot)
    hint = next(d for d in pilot.drawn if d.text.startswith("Characters 1-"))
    others = [d for d in pilot.drawn if d is not hint and d.covered.colliderect(hint.covered)]
    assert not others, [d.text for d in others]
    # and nothing painted over it afterwards: its pixels still differ from the paper
    x, y = hint.covered.center
    assert pilot.app.screen.get_at((x, y))[:3] != (255, 241, 204)  # not the strip's colour


def test_the_readme_lists_every_row_of_the_key_card():
    from pathlib import Path

    from max247.scenes.keycard import ROWS

    readme = Path(__file__).resolve().parents[1].joinpath("README.md").read_text()
    for what, _keys, clicker, _pointer in ROWS:
        assert f"| {what} |" in readme, what
        assert not clicker or clicker in readme, clicker


def test_setup_scrolled_with_the_wheel_then_clicked_ticks_the_story_under_the_pointer(pilot):
    from max247.scenes.setup import SetupScene

    pilot.start(SetupScene(pilot.app))
    setup = pilot.top
    for _ in range(6):
        pilot.app.event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1))
        pilot.step()
    shown = [i for i in setup.items[3:-2] if i.rect is not None]
    target = shown[0]  # not the ringed row: in the old list, hovering it scrolled the list
    # the pointer moves onto the row the teacher sees (a hover), then clicks where it is: the
    # list must not jump between the two
    seen_at = target.rect.center
    pilot.app.event(pygame.event.Event(pygame.MOUSEMOTION, pos=seen_at, rel=(1, 1)))
    pilot.step()
    pilot.click(seen_at)
    title = target.label()
    ticked = [
        pilot.app.text(s, s.title) for s in map(pilot.app.library.scenarios.get, setup.chosen)
    ]
    assert ticked == [title]


def test_setup_keeps_a_ticked_story_listed_whatever_the_filters(pilot):
    from max247.scenes.setup import SetupScene

    pilot.start(SetupScene(pilot.app))
    setup = pilot.top
    pilot.press(Action.CONFIRM)  # tick the first story (the ring starts there)
    chosen = setup.chosen[0]
    while setup.ages in ("", pilot.app.library.scenarios[chosen].ages):
        setup.next_ages()
    assert chosen in [s.id for s in setup.visible()]


def test_a_broken_story_saved_during_play_is_explained_in_the_teachers_language(tmp_path):
    from max247.scenes.preview import BrokenFile, Watcher
    from max247.scenes.title import TitleScene

    story = tmp_path / "kapot.yaml"
    story.write_text(
        BROKEN_NL,
        encoding="utf-8",
    )
    pilot = Pilot((1024, 768), "nl")
    pilot.start(TitleScene(pilot.app))
    watcher = Watcher(pilot.app, str(story), None)
    watcher.path = story
    watcher.load(keep_log=False)
    assert isinstance(pilot.top, BrokenFile)
    assert "er is geen passage 'nergens'" in pilot.top.messages[0]


def test_setup_lists_a_broken_story_with_its_first_error_in_the_teachers_language(tmp_path):
    from max247.scenes.setup import SetupScene

    folder = tmp_path / "mijn-verhalen"
    folder.mkdir()
    (folder / "kapot.yaml").write_text(
        BROKEN_NL,
        encoding="utf-8",
    )
    pilot = Pilot((1024, 768), "nl", text_scale=1.5)
    pilot.app.settings.libraries = [str(folder)]
    pilot.app.library = __import__("max247.story.library", fromlist=["x"]).load_library(
        pilot.app.library_roots()
    )
    pilot.start(SetupScene(pilot.app))
    setup = pilot.top
    row = next(i for i, item in enumerate(setup.items) if item.label() == "kapot.yaml")
    for _ in range(row - setup.index):
        pilot.press(Action.DOWN)
    texts = drawn_texts(pilot)
    assert "kapot.yaml: kan niet gespeeld worden" in texts
    assert any("regel 18: E202 er is geen passage 'nergens'" in t for t in texts)
    pilot.press(Action.CONFIRM)
    assert setup.chosen == []  # it cannot be ticked
    pilot.screenshot(tmp_path / "setup-broken.png")


def _luminance(rgb) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_focus_ring_stands_out_on_every_card_and_on_the_paper():
    from max247.ui import theme as th

    for colour in (*th.OPTION_COLOURS, th.PAPER, th.WHITE, th.ACCENT):
        # the ring is dark ink with a white edge: one of the two stands out (3:1, WCAG's
        # non-text contrast) against whatever it is drawn on
        assert max(_contrast(th.INK, colour), _contrast(th.WHITE, colour)) >= 3, colour
    assert _contrast(th.INK, th.PAPER) >= 3


def test_the_ringed_card_shows_the_ring_in_pixels(pilot):
    choice = to_first_choice(pilot)
    pilot.key(pygame.K_PAGEDOWN, pygame.K_PAGEDOWN)  # ring the orange card
    pilot.step()
    rect = choice.items[1].rect
    grow = pilot.app.theme.u(1.6) // 2
    x, y = rect.centerx, rect.top - grow + 1  # on the ring, above the card's top edge
    assert pilot.app.screen.get_at((x, y))[:3] == (33, 37, 58)
