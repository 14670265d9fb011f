"""The teacher's own screen (two displays): it shows the notes, the choice's `teacher:` note,
the disclosure steps while the screen is blank; the projector never draws any of them; its
buttons and keys act as the clicker's; it closes, and the overlay serves, when a window moves
onto the projector's display or the projector goes."""

from __future__ import annotations

import pygame
import pytest

from max247 import paths, teacherwindow
from max247.cli import SCREENS
from max247.i18n import next_language
from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.teacherview import DISCLOSURE, PROCEDURE, say, teacher_view
from max247.screenshots import navigate
from max247.story.library import load_library
from max247.story.model import LANGUAGES, Choice, walk
from max247.story.model import texts as model_texts
from max247.teacherwindow import TeacherWindow

LIBRARY = load_library([paths.SCENARIOS])


def choice_notes(scenario) -> list:
    return [b.teacher for b in walk(scenario) if isinstance(b, Choice) and b.teacher]


def private_fragments(pilot: Pilot) -> list[str]:
    """Every teacher-only text of the shipped stories and of the disclosure, cut into its
    sentences and lines (a line drawn alone still gives a note away), in the pilot's language;
    but a sentence the class also reads in a story ("it is never too late to tell") is not."""
    language = pilot.app.settings.language
    if language not in _FRAGMENTS:
        app = pilot.app
        texts = [say(app, DISCLOSURE), *(say(app, m) for m in PROCEDURE.values())]
        public = []
        for s in LIBRARY.scenarios.values():
            private = [*choice_notes(s), s.teacher_notes, s.content_warning]
            texts += [app.text(s, t) for t in private if t is not None]
            public += [app.text(s, t) for _, t in model_texts(s) if t not in private]
        said = " ".join(" ".join(p.split()) for p in public)
        fragments = []
        for text in texts:
            for line in text.replace(". ", ".\n").splitlines():
                line = " ".join(line.strip(" •-").split())
                # shorter pieces ("Stay calm.") may be ordinary words
                if len(line) >= 25 and line not in said:
                    fragments.append(line)
        _FRAGMENTS[language] = fragments
    return _FRAGMENTS[language]


_FRAGMENTS: dict[str, list[str]] = {}


def leaks(pilot: Pilot, fragments: list[str]) -> list[str]:
    drawn = " ".join(" ".join(d.text.split()) for d in pilot.drawn)
    return [f for f in fragments if " ".join(f.split()) in drawn]


def teacher_texts(pilot: Pilot) -> str:
    return "\n".join(d.text for d in pilot.teacher_drawn)


# every screen the screenshot command reaches, but the stand's (a stand has no teacher's window)
LESSON_SCREENS = [s for s in SCREENS if not s.startswith("stand")]


# the lesson's screens in Dutch in the fast tier; every other screen and French and English in
# the slow tier (the same code, other words)
FAST_SCREENS = ("board", "briefing", "story", "choice", "blank", "teacher", "pause", "ending")


@pytest.mark.parametrize(
    ("screen", "language"),
    [
        pytest.param(s, lang, marks=() if s in FAST_SCREENS and lang == "nl" else pytest.mark.slow)
        for s in LESSON_SCREENS
        for lang in ("nl", "fr", "en")
    ],
)
def test_no_teacher_text_is_ever_projected(screen, language):
    pilot = Pilot((1024, 768), language)
    pilot.teacher((1024, 768))
    scenario = "ines-never-taken"  # a story with `teacher:` notes at its choices
    navigate(pilot, screen, scenario, [], 0)
    pilot.step()
    fragments = private_fragments(pilot)
    assert not leaks(pilot, fragments), f"{screen}: the projector draws {leaks(pilot, fragments)}"
    assert pilot.teacher_drawn, f"{screen}: the teacher's screen drew nothing"
    if screen == "choice":
        note = pilot.app.text(LIBRARY.scenarios[scenario], pilot.top.offered.choice.teacher)
        assert note in teacher_texts(pilot)
    if screen == "blank":
        assert say(pilot.app, DISCLOSURE) in teacher_texts(pilot)
        assert say(pilot.app, PROCEDURE["be"]) in teacher_texts(pilot)


def test_the_check_finds_a_note_on_the_projector():
    """Without the teacher's window, F2 puts the notes on the projector, on request: the check
    above would see them (so it can fail)."""
    pilot = Pilot((1024, 768), "en")
    navigate(pilot, "choice", "ines-never-taken", [], 0)
    pilot.press(Action.TEACHER)
    assert leaks(pilot, private_fragments(pilot))


@pytest.mark.parametrize(
    "scenario_id",
    [
        pytest.param(i, marks=() if i == "ines-never-taken" else pytest.mark.slow)
        for i in sorted(LIBRARY.scenarios)
    ],
)
def test_every_choice_note_reaches_the_teacher_and_never_the_class(scenario_id):
    scenario = LIBRARY.scenarios[scenario_id]
    pilot = Pilot((1280, 800), "en")
    pilot.teacher((1280, 800))
    pilot.lesson(scenario_id).press(Action.CONFIRM, Action.CONFIRM)
    fragments = private_fragments(pilot)
    seen = 0
    for _ in range(400):
        top = pilot.top.screen
        assert not leaks(pilot, fragments), f"{scenario_id} {top}: {leaks(pilot, fragments)}"
        if top == "choice":
            choice = pilot.top.offered.choice
            if choice.teacher is not None:
                assert pilot.app.text(scenario, choice.teacher) in teacher_texts(pilot)
                seen += 1
            if choice.discuss is not None:
                assert pilot.app.text(scenario, choice.discuss) in teacher_texts(pilot)
            pilot.press(Action.BLANK)  # the safe exit, at every choice
            assert not leaks(pilot, fragments)
            assert say(pilot.app, DISCLOSURE) in teacher_texts(pilot)
            pilot.press(Action.BLANK)
            pilot.press(Action.CHOOSE_1)
        elif top in ("ending", "board"):
            break
        else:
            pilot.press(Action.NEXT)
    assert seen or not choice_notes(scenario)


def test_blank_shows_the_disclosure_steps_and_adult_advice_only_to_the_teacher():
    pilot = Pilot((1024, 768), "nl")
    pilot.teacher((1024, 768))
    navigate(pilot, "story", "noor-gems", [], 0)
    pilot.press(Action.BLANK)
    view = teacher_view(pilot.app)
    assert view.blank and view.sections[0].body.startswith(say(pilot.app, DISCLOSURE))
    text = teacher_texts(pilot)
    assert "CLB" in text and "1712" in text  # Flemish class: its services for adults
    projected = " ".join(d.text for d in pilot.drawn)
    assert "CLB" not in projected and "1712" not in projected


def test_teacher_notes_show_on_the_overlay_only_on_request():
    pilot = Pilot((1024, 768), "en")
    navigate(pilot, "briefing", "ines-never-taken", [], 0)
    notes = pilot.app.text(pilot.top.scenario, pilot.top.scenario.teacher_notes)
    first = notes.splitlines()[0][:30]
    assert not any(first in d.text for d in pilot.drawn)
    pilot.press(Action.TEACHER)
    assert any(first in " ".join(d.text.split()) for d in pilot.drawn)


def test_with_a_teacher_window_f2_never_projects_the_overlay():
    pilot = Pilot((1024, 768), "en")
    pilot.teacher()
    navigate(pilot, "briefing", "ines-never-taken", [], 0)
    pilot.press(Action.TEACHER)
    assert pilot.top.screen == "briefing"
    briefing = pilot.top
    item = next(i for i in briefing.items if i.label() == "For the teacher")
    item.run()  # the briefing's own button: the overlay opens and steps aside at once
    pilot.step()
    assert pilot.top is briefing


def test_the_teacher_s_buttons_act_as_the_clicker_and_give_focus_back(monkeypatch):
    pilot = Pilot((1024, 768), "en")
    window = pilot.teacher()
    focused = []
    monkeypatch.setattr(teacherwindow, "focus_projector", lambda: focused.append(True))
    navigate(pilot, "choice", "ines-never-taken", [], 0)
    choice = pilot.top

    def press(key: str) -> None:
        rect = next(r for b, r in window.screen.rects if b.key == key)
        window.event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rect.center))
        pilot.step()

    press("blank")
    assert pilot.top.screen == "blank" and focused
    press("blank")  # now "Come back"
    assert pilot.top is choice
    for _ in LANGUAGES:
        before = pilot.app.settings.language
        press("language")
        assert pilot.app.settings.language == next_language(before)
    assert pilot.app.settings.language == "en"
    press("play-2")
    assert pilot.top.screen != "choice"
    assert pilot.app.session.progress("ines-never-taken").log[-1].number == 2


def test_keys_in_the_teacher_s_window_act_as_on_the_projector():
    pilot = Pilot((1024, 768), "en")
    window = TeacherWindow(pilot.app, pygame.Window("teacher", (640, 480)), display=0)
    pilot.app.teacher_window = window
    try:
        navigate(pilot, "choice", "ines-never-taken", [], 0)
        key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_b, mod=0, window=window.window)
        assert not window.owns(key)  # keys are the app's, whichever window had them
        pilot.app.event(key)
        pilot.step()
        assert pilot.top.screen == "blank"
        click = pygame.event.Event(
            pygame.MOUSEBUTTONDOWN, button=1, pos=(5, 5), window=window.window
        )
        assert window.owns(click)  # a click here is never a click on the class's screen
        pilot.app.event(pygame.event.Event(pygame.WINDOWCLOSE, window=window.window))
        assert pilot.app.teacher_window is None  # closed by the teacher: the overlay serves
        assert pilot.top.screen == "blank"
    finally:
        window.close()


@pytest.mark.parametrize("change", ["unplugged", "moved"])
def test_the_window_closes_and_the_lesson_goes_on_when_displays_change(monkeypatch, change):
    pilot = Pilot((1024, 768), "en")
    navigate(pilot, "choice", "ines-never-taken", [], 0)
    choice = pilot.top
    window = TeacherWindow(pilot.app, pygame.Window("teacher", (640, 480)), display=0)
    pilot.app.teacher_window = window
    pilot.app._projector = 1
    monkeypatch.setattr(teacherwindow, "display_count", lambda: 1 if change == "unplugged" else 2)
    if change == "unplugged":
        monkeypatch.setattr(teacherwindow, "projector_display", lambda app: None)
    else:  # the class's window now fills the laptop's display, where the teacher's was
        monkeypatch.setattr(teacherwindow, "projector_display", lambda app: 0)
    pilot.app.check_displays()
    pilot.step()
    assert pilot.app.teacher_window is None and window.window is None
    assert pilot.top is choice and pilot.app.running
    assert pilot.app.notice is not None  # the teacher is told, once, on the class's screen
    pilot.press(Action.TEACHER)
    assert pilot.top.screen == "teacher"  # the overlay serves


def test_the_tip_to_extend_is_given_once(monkeypatch):
    pilot = Pilot((1024, 768), "en")
    pilot.lesson("noor-gems")
    app = pilot.app
    app.headless, app.keeping = False, False  # as a real start, without writing settings
    monkeypatch.setattr(teacherwindow, "display_count", lambda: 1)
    app.check_displays()
    tip = app.notice
    assert tip is not None and "Win+P" in str(tip.render(app.interface))
    app.notice = None
    app.check_displays()
    assert app.notice is None and app.settings.told_extend
    app.headless = True


def test_the_tables_counts_and_ballots_are_the_teacher_s_only():
    from max247.player.tables import Table, Tables
    from max247.player.votes import State, Vote

    pilot = Pilot((1280, 800), "en")
    pilot.teacher()
    navigate(pilot, "choice", "ines-never-taken", [], 0)
    choice = pilot.top
    keys = tuple(o.option.key for o in choice.offered.options)
    # the vote as the vote screen keeps it (max247.player.votes), and two tables with devices
    choice.vote = Vote(keys, counts={keys[0]: 1, keys[1]: 4}, state=State.REVEALED)
    pilot.app.tables = Tables(
        [Table(3, "pad", 0, 1), Table(5, "pad", 0, 2)], ballots={3: keys[1], 5: keys[0]}
    )
    pilot.step()
    text = teacher_texts(pilot)
    assert "Option 2: 4" in text and "Table 3: option 2" in text and "Table 5: option 1" in text
    assert "Play 2 (most votes)" in text
    projected = " ".join(d.text for d in pilot.drawn)
    assert "Table 3" not in projected and "Option 2: 4" not in projected
    choice.vote.counts[keys[0]] = 4  # a tie: the teacher picks among the tied
    pilot.step()
    assert "A tie: you pick among 1, 2." in teacher_texts(pilot)
    assert "most votes" not in teacher_texts(pilot)
