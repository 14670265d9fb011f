"""The game driven headless through actions, keys and clicks, as a class would play it."""

from pathlib import Path

import pygame
import pytest

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.board import BoardScene
from max247.scenes.briefing import BriefingScene
from max247.scenes.cards import FeedbackScene, HelpCardScene
from max247.scenes.choice import ChoiceScene
from max247.scenes.closing import ClosingScene
from max247.scenes.ending import DecisionsScene, EndingScene
from max247.scenes.overlays import BlankScreen, PauseOverlay
from max247.scenes.setup import SetupScene
from max247.scenes.story import StoryScene
from max247.scenes.title import TitleScene


@pytest.fixture
def pilot():
    p = Pilot((1280, 720))
    yield p


def choose_noor(pilot: Pilot) -> None:
    """From the title, set up a lesson with Noor only, through the menus."""
    pilot.start(TitleScene(pilot.app))
    pilot.press(Action.CONFIRM)  # "New lesson"
    assert isinstance(pilot.top, SetupScene)
    setup = pilot.top
    noor = next(i for i, item in enumerate(setup.items) if item.label() == "Noor and the free gems")
    assert setup.index == 3  # the ring starts on the first story, never on a filter
    for _ in range(noor - setup.index):
        pilot.press(Action.DOWN)
    pilot.press(Action.CONFIRM)  # tick Noor
    for _ in range(noor + 1):
        pilot.press(Action.UP)  # wraps round from the first item to the last, "Start the lesson"
    pilot.press(Action.CONFIRM)


def play_story(pilot: Pilot, numbers: list[int], choose=None) -> None:
    """Press next through the story, choosing `numbers` at the choices, up to the ending."""
    numbers = list(numbers)
    for _ in range(300):
        top = pilot.top
        if isinstance(top, EndingScene):
            return
        if isinstance(top, ChoiceScene):
            (
                choose
                or (
                    lambda n: pilot.press(
                        (Action.CHOOSE_1, Action.CHOOSE_2, Action.CHOOSE_3)[n - 1]
                    )
                )
            )(numbers.pop(0))
        else:
            pilot.press(Action.NEXT)
    raise AssertionError("the story did not end")


def test_title_to_closing_with_actions(pilot):
    choose_noor(pilot)
    assert isinstance(pilot.top, BoardScene)
    assert [p.scenario for p in pilot.app.session.characters] == ["noor-gems"]
    pilot.press(Action.CONFIRM)  # Noor's card
    assert isinstance(pilot.top, BriefingScene)
    pilot.press(Action.CONFIRM)  # start the story
    assert isinstance(pilot.top, StoryScene)
    seen = set()
    numbers = [1, 1, 1]
    for _ in range(300):
        seen.add(type(pilot.top))
        if isinstance(pilot.top, EndingScene):
            break
        if isinstance(pilot.top, ChoiceScene):
            pilot.press((Action.CHOOSE_1,)[numbers.pop(0) - 1])
        else:
            pilot.press(Action.NEXT)
    assert {StoryScene, ChoiceScene, FeedbackScene, HelpCardScene, EndingScene} <= seen
    progress = pilot.app.session.progress("noor-gems")
    assert progress.ended and progress.found_help and progress.mood == 2
    # below 3: "still needs help"; go back to a decision and try again
    assert isinstance(pilot.top, EndingScene)
    pilot.press(Action.CONFIRM)  # the highlighted "Go back to a decision"
    assert isinstance(pilot.top, DecisionsScene)
    pilot.press(Action.CHOOSE_1)  # the first decision
    assert isinstance(pilot.top, ChoiceScene)
    pilot.press(Action.CHOOSE_3)  # ask Mum this time
    play_story(pilot, [])
    assert pilot.app.session.progress("noor-gems").done
    pilot.press(Action.CONFIRM)  # back to the board
    assert isinstance(pilot.top, BoardScene)
    pilot.press(Action.CONFIRM)  # everyone is helped: "Finish the lesson" is highlighted
    assert isinstance(pilot.top, ClosingScene)


def test_keyboard_alone(pilot):
    pilot.lesson("noor-gems")
    pilot.key(pygame.K_RETURN, pygame.K_RETURN)  # card, then start
    assert isinstance(pilot.top, StoryScene)
    for _ in range(200):
        if isinstance(pilot.top, EndingScene):
            break
        pilot.key(pygame.K_3 if isinstance(pilot.top, ChoiceScene) else pygame.K_SPACE)
    assert pilot.app.session.progress("noor-gems").done


@pytest.mark.parametrize("mode", ["whole-class", "cards", "heads-down"])
def test_the_four_clicker_buttons_alone(pilot, mode):
    """PageDown, PageUp, F5/Escape (the start button) and B: the whole flow, choices too, in
    every way a class decides (a ringed card is played at once: the vote is skipped)."""
    pilot.app.settings.decision_mode = mode
    pilot.start(TitleScene(pilot.app))
    pilot.key(pygame.K_F5)  # New lesson
    setup = pilot.top
    noor = next(i for i, item in enumerate(setup.items) if item.label() == "Noor and the free gems")
    pilot.key(*[pygame.K_PAGEDOWN] * (noor - setup.index), pygame.K_F5)
    pilot.key(*[pygame.K_PAGEDOWN] * (len(setup.items) - 1 - noor), pygame.K_F5)
    assert isinstance(pilot.top, BoardScene)
    pilot.key(pygame.K_F5, pygame.K_F5)
    assert isinstance(pilot.top, StoryScene)
    pilot.key(pygame.K_ESCAPE)  # the start button's second press: pause, nothing lost
    assert isinstance(pilot.top, PauseOverlay)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, StoryScene)
    pilot.key(pygame.K_b)
    assert isinstance(pilot.top, BlankScreen)
    pilot.key(pygame.K_b)
    assert isinstance(pilot.top, StoryScene)
    for _ in range(200):
        if isinstance(pilot.top, EndingScene):
            break
        if isinstance(pilot.top, ChoiceScene):
            # a fresh choice rings nothing: three presses ring the third card, F5 plays it
            pilot.key(pygame.K_PAGEDOWN, pygame.K_PAGEDOWN, pygame.K_PAGEDOWN, pygame.K_F5)
        else:
            pilot.key(pygame.K_PAGEDOWN)
    assert pilot.app.session.progress("noor-gems").done


def test_mouse_alone(pilot):
    pilot.start(TitleScene(pilot.app))

    def click_label(label):
        item = next(i for i in pilot.top.items if i.label() == label)
        for _ in range(20):  # long lists scroll with the wheel
            if item.rect is not None:
                break
            pilot.app.event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1))
            pilot.step()
        pilot.click(item.rect.center)

    click_label("New lesson")
    click_label("Noor and the free gems")
    click_label("Start the lesson")
    pilot.click(pilot.top.items[0].rect.center)  # Noor's card
    click_label("Start the story")
    for _ in range(200):
        top = pilot.top
        if isinstance(top, EndingScene):
            break
        if isinstance(top, ChoiceScene):
            pilot.click(top.items[-1].rect.center)
        else:
            pilot.click((pilot.app.theme.width // 2, pilot.app.theme.height // 2))
    assert pilot.app.session.progress("noor-gems").done


def test_escape_never_loses_progress_and_back_rereads(pilot):
    pilot.lesson("noor-gems").press(Action.CONFIRM, Action.CONFIRM, Action.NEXT)
    story = pilot.top
    shown = len(story.shown)
    pilot.press(Action.BACK)
    assert story.review == 1
    pilot.press(Action.PAUSE, Action.PAUSE)
    assert pilot.top is story and len(story.shown) == shown
    pilot.press(Action.NEXT)
    assert story.review == 0 and len(story.shown) == shown


def test_leave_this_story_from_the_blank_screen(pilot):
    pilot.lesson("noor-gems").press(Action.CONFIRM, Action.CONFIRM, Action.NEXT)
    pilot.press(Action.BLANK, Action.DOWN, Action.CONFIRM)
    assert isinstance(pilot.top, BoardScene)
    progress = pilot.app.session.progress("noor-gems")
    assert progress.started and not progress.ended


def test_the_timer_never_chooses(pilot):
    pilot.lesson("noor-gems").press(Action.CONFIRM, Action.CONFIRM)
    for _ in range(10):
        if isinstance(pilot.top, ChoiceScene):
            break
        pilot.press(Action.NEXT)
    choice = pilot.top
    assert choice.timer == 60
    pilot.press(Action.TIMER)
    pilot.time += 3600
    pilot.step()
    assert pilot.top is choice and choice.left() == 0
    pilot.press(Action.TIMER_MORE)
    assert choice.left() > 0  # 30 seconds more, minus the 5 the pilot let pass


def test_language_switch_mid_story_keeps_the_beat(pilot):
    pilot.lesson("noor-gems").press(Action.CONFIRM, Action.CONFIRM, Action.NEXT, Action.NEXT)
    story = pilot.top
    before = [s.text for s in story.shown]
    pilot.press(Action.PAUSE, Action.DOWN, Action.DOWN, Action.CONFIRM)  # Language: next
    assert pilot.app.settings.language == "nl"
    pilot.press(Action.PAUSE)
    assert pilot.top is story and [s.text for s in story.shown] == before
    shown = [d.text for d in pilot.drawn]
    translated = pilot.app.text(story.scenario, before[-1])
    assert translated in shown


def test_a_story_going_round_a_loop_goes_back_with_a_note_instead_of_hanging():
    from max247.scenes.story import StoryScene
    from max247.story.loader import load_scenario

    # not validated (the validator refuses it: E308): 4,000 silent rounds, past the step budget
    corpus = Path(__file__).parent / "corpus" / "E308-counter-loop.yaml"
    scenario = load_scenario(corpus, whole=False)
    from max247.scenes.title import TitleScene

    pilot = Pilot((1280, 720))
    pilot.start(TitleScene(pilot.app))
    before = pilot.top
    pilot.app.push(StoryScene(pilot.app, scenario))
    pilot.step()
    assert pilot.top is before
    assert "goes round a loop" in pilot.app.notes[-1]
