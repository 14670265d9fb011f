"""Every beat of every shipped scenario, in every language, at 1024x768 and the largest text
scale: no text leaves its box, and none is drawn below the minimum size."""

import pygame
import pytest

from max247 import paths
from max247.cli import SCREENS
from max247.input import CHOOSE, Action
from max247.pilot import Pilot
from max247.scenes.choice import ChoiceScene
from max247.scenes.ending import EndingScene
from max247.story.explore import Explorer
from max247.story.library import load_library
from max247.story.model import LANGUAGES
from max247.story.runtime import Line, PhotoShown
from max247.ui.theme import TEXT_SCALES

LIBRARY = load_library([paths.SCENARIOS])


def covering_plays(scenario) -> list[list[int]]:
    """Choice sequences that, together, show every line of the scenario (by the explorer)."""
    seen: set = set()
    plays: list[list[int]] = []
    explorer = Explorer(scenario)
    for visit in explorer.visits():
        new = [
            e.loc for e in visit.events if isinstance(e, (Line, PhotoShown)) and e.loc not in seen
        ]
        if new or not plays:
            seen.update(new)
            plays.append(list(visit.choices))
    assert explorer.complete
    return plays


def check(pilot: Pilot, where: str) -> None:
    theme = pilot.app.theme
    screen = pygame.Rect(0, 0, theme.width, theme.height)
    drawn = list(pilot.drawn)
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            # two texts of one screen never lie on each other (an overlay's text may lie over
            # the faded screen below it: another layer); a glyph's edge may touch a neighbour
            if a.text == b.text:
                continue  # one text drawn again over itself (a shadow, a layout tried twice)
            if a.layer == b.layer and a.covered.inflate(-4, -4).colliderect(
                b.covered.inflate(-4, -4)
            ):
                raise AssertionError(f"{where}: {a.text[:40]!r} overlaps {b.text[:40]!r}")
    for d in drawn:
        # a block of text flows as far as it needs: it must still end on the screen (its box,
        # as the lines drawn are clipped to the screen)
        assert screen.contains(d.box), f"{where}: text runs off the screen: {d.text!r}"
        assert d.box.inflate(4, 4).contains(d.covered), f"{where}: text leaves its box: {d.text!r}"
        assert d.size >= d.min_size >= theme.floor, f"{where}: text too small: {d.text!r}"
        # a second page where nothing turns the page would be text hidden from the class
        assert d.pages == 1 or d.pageable, f"{where}: text paged where no one can turn: {d.text!r}"


# Dutch and French run the longest, so the fast tier checks those; English is in the whole suite.
@pytest.mark.parametrize(
    "language",
    [pytest.param(lang, marks=pytest.mark.slow) if lang == "en" else lang for lang in LANGUAGES],
)
@pytest.mark.parametrize("scenario_id", sorted(LIBRARY.scenarios))
def test_every_beat_fits(scenario_id, language):
    scenario = LIBRARY.scenarios[scenario_id]
    pilot = Pilot((1024, 768), language, text_scale=max(TEXT_SCALES))
    for numbers in covering_plays(scenario):
        pilot.lesson(scenario_id)
        pilot.press(Action.CONFIRM)
        check(pilot, f"{scenario_id} briefing")
        pilot.press(Action.CONFIRM)
        todo = list(numbers)
        for step in range(400):
            top = pilot.top
            check(pilot, f"{scenario_id} {language} {numbers} step {step} {type(top).__name__}")
            if isinstance(top, EndingScene) or (isinstance(top, ChoiceScene) and not todo):
                break
            if isinstance(top, ChoiceScene):
                pilot.press(CHOOSE[todo.pop(0) - 1])
            else:
                pilot.press(Action.NEXT)
    pilot.lesson(*sorted(LIBRARY.scenarios))
    check(pilot, "board")


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scale", [min(TEXT_SCALES), max(TEXT_SCALES)])
def test_every_screen_fits(language, scale):
    from max247.screenshots import navigate

    for scenario_id in ("noor-gems", "fatou-max", "jana-more-photos"):
        for screen in SCREENS:
            choose = [1, 1, 1] if screen in ("ending", "decisions") else []
            if scenario_id == "noor-gems":
                choose = {"help": [3], "feedback": [1]}.get(screen, choose)
            pilot = Pilot((1024, 768), language, text_scale=scale)
            navigate(pilot, screen, scenario_id, choose, 1 if screen == "story" else 0)
            pilot.step()
            check(pilot, f"{screen} {scenario_id} {language} x{scale}")


# Every step below the largest at every shape, with and without the reading font's spacing (one
# story, to keep the suite's time; the largest step plays three below).
BETWEEN = [
    (scale, size, reading)
    for scale in TEXT_SCALES[:-1]
    for size in ((1024, 768), (1920, 1080))
    for reading in (False, True)
]


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("scale", "size", "reading"),
    BETWEEN,
    ids=lambda v: "x".join(map(str, v)) if isinstance(v, tuple) else str(v),
)
def test_every_screen_fits_at_every_step(language, scale, size, reading):
    from max247.screenshots import navigate

    for screen in SCREENS:
        choose = {"help": [3], "feedback": [1], "ending": [1, 1, 1], "decisions": [1, 1, 1]}
        pilot = Pilot(size, language, text_scale=scale, reading_font=reading)
        navigate(pilot, screen, "noor-gems", choose.get(screen, []), 1 if screen == "story" else 0)
        pilot.step()
        check(pilot, f"{screen} {language} {size} x{scale} reading={reading}")


# The largest text step at each window shape, with and without the reading font (its spacing
# takes room): what max247.ui.theme.scale_cap promises fits.
SHAPES = [((1024, 768), False), ((1024, 768), True), ((1920, 1080), False), ((1920, 1080), True)]


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("size", "reading"), SHAPES, ids=["4:3", "4:3-reading", "16:9", "16:9-reading"]
)
def test_every_screen_fits_at_the_largest_step(language, size, reading):
    from max247.screenshots import navigate

    for scenario_id in ("noor-gems", "fatou-max", "jana-more-photos"):
        for screen in SCREENS:
            choose = [1, 1, 1] if screen in ("ending", "decisions") else []
            if scenario_id == "noor-gems":
                choose = {"help": [3], "feedback": [1]}.get(screen, choose)
            pilot = Pilot(
                size,
                language,
                text_scale=max(TEXT_SCALES),
                high_contrast=True,
                reading_font=reading,
            )
            navigate(pilot, screen, scenario_id, choose, 1 if screen == "story" else 0)
            pilot.step()
            check(pilot, f"{screen} {scenario_id} {language} {size} reading={reading}")
