"""`max247 screenshot`: any screen, in any language, size and text scale, to PNG, no window.

Educators proofread their scenarios with it and reviewers look at screens with it. It drives the
game through the pilot exactly as a class would: the same scenes, the same runtime.
"""

from __future__ import annotations

import argparse
import sys

import pygame

from max247.input import Action
from max247.pilot import Pilot
from max247.player.votes import Mode
from max247.story.findings import ScenarioError
from max247.story.loader import load_scenario


class NotOffered(Exception):
    """A --choose number the choice on screen does not offer."""


def navigate(pilot: Pilot, screen: str, scenario_id: str, choose: list[int], nexts: int) -> None:
    """Bring the pilot's app to `screen`, after the given choices and presses of next;
    NotOffered if a number is not one of the options of the choice it is for."""
    from max247.scenes.board import BoardScene
    from max247.scenes.cards import FeedbackScene, HelpCardScene
    from max247.scenes.choice import ChoiceScene
    from max247.scenes.closing import ClosingScene
    from max247.scenes.ending import DecisionsScene, EndingScene
    from max247.scenes.sessions import NameOverlay, SessionsScene
    from max247.scenes.setup import SetupScene
    from max247.scenes.story import StoryScene
    from max247.scenes.title import TitleScene

    app = pilot.app
    if screen in ("title", "lessons"):
        example_lessons(pilot)
        pilot.start(TitleScene(app))
        if screen == "lessons":
            app.push(SessionsScene(app))
            pilot.step()
        return
    if screen == "access":  # the accessibility menu, over the title screen
        pilot.start(TitleScene(app))
        app.push("access")
        pilot.step()
        return
    if screen == "displays":  # the first start's question with a second display
        from max247.scenes.displays import DisplayQuestion

        pilot.start(TitleScene(app))
        app.push(DisplayQuestion(app))
        pilot.step()
        return
    if screen in ("setup", "name", "deciding", "cards"):  # the table cards print from here
        pilot.start(SetupScene(app))
        if screen in ("deciding", "cards"):
            app.push("deciding")
            pilot.step()
        if screen == "name":
            app.push(NameOverlay(app, "6B"))
            pilot.step()
        return
    if screen in ("welcome", "welcome-region"):
        from max247.scenes.welcome import WelcomeScene

        pilot.start(WelcomeScene(app))
        if screen == "welcome-region":
            pilot.press(Action.CONFIRM)
        return
    if screen.startswith("stand"):
        stand(pilot, screen)
        return
    if screen == "tables":
        tables(pilot)
        return
    if screen in ("open", "findings", "translate"):
        opening(pilot, screen, scenario_id)
        return
    others = [i for i in sorted(app.library.scenarios) if i != scenario_id][:5]
    pilot.lesson(scenario_id, *others)
    if screen == "board":
        return
    if screen == "closing":
        pilot.start(ClosingScene(app))
        return
    pilot.press(Action.CONFIRM)  # the first card: the briefing
    if screen == "briefing":
        return
    pilot.press(Action.CONFIRM)  # start the story
    numbers = list(choose)
    wanted = {
        "choice": ChoiceScene,
        "feedback": FeedbackScene,
        "help": HelpCardScene,
        "ending": EndingScene,
        "decisions": EndingScene,
        "vote": ChoiceScene,
        "vote-reveal": ChoiceScene,
        "vote-devices": ChoiceScene,
    }.get(screen)
    for _ in range(500):
        top = pilot.top
        if wanted is not None and isinstance(top, wanted) and not numbers:
            break
        if isinstance(top, ChoiceScene):
            if not numbers:
                if wanted is None:
                    break
                numbers = [1]  # go on along the first option to reach the screen asked for
            offered = [o.number for o in top.offered.options]
            if numbers[0] not in offered:
                raise NotOffered(
                    f"--choose {numbers[0]}: this choice offers "
                    f"{', '.join(str(n) for n in offered)}"
                )
            pilot.press(
                (Action.CHOOSE_1, Action.CHOOSE_2, Action.CHOOSE_3, Action.CHOOSE_4)[
                    numbers.pop(0) - 1
                ]
            )
        elif isinstance(top, EndingScene) or (
            wanted is None and not numbers and isinstance(top, StoryScene)
        ):
            break
        else:
            pilot.press(Action.NEXT)
    for _ in range(nexts):
        pilot.press(Action.NEXT)
    if screen == "decisions" and isinstance(pilot.top, EndingScene):
        app.push(DecisionsScene(app, pilot.top.story_scene.scenario))
        pilot.step()
    elif screen.startswith("vote") and isinstance(pilot.top, ChoiceScene):
        vote(pilot, screen)
    elif screen == "pause":
        pilot.press(Action.PAUSE)
    elif screen == "blank":
        pilot.press(Action.BLANK)
    elif screen == "teacher":
        pilot.press(Action.TEACHER)
    elif screen == "keys":
        pilot.press(Action.KEYS)
    elif screen == "goodbye":
        from max247.scenes.goodbye import GoodbyeScene

        app.push(GoodbyeScene(app))
        pilot.app.now = pilot.time  # shown, not yet timed out
    if isinstance(pilot.top, BoardScene) and screen != "board":
        print(f"note: the story ended before the {screen} screen", file=sys.stderr)


def vote(pilot: Pilot, screen: str) -> None:
    """The tables vote on the choice on screen, with table cards: four of six tables ready, or
    (vote-reveal) the counts entered with the clicker and revealed, the tables disagreeing."""
    if screen == "vote-devices":  # five tables with a controller each, three have voted
        from max247.player.tables import Seat

        tables = pilot.app.start_tables()
        seats = [Seat(device) for device in range(5)]
        for seat in seats:
            tables.join(seat, "pad")
        pilot.app.push("vote", on_dismiss=None, choice=pilot.top, mode=Mode.DEVICES)
        for seat, option in zip(seats, (1, 2, 1), strict=False):
            table = tables.at(seat)
            if table is not None:
                pilot.top.table_press(table, seat, option)
        pilot.step()
        pilot.app.now = pilot.time - 25.0
        return
    pilot.app.push("vote", on_dismiss=None, choice=pilot.top, mode=Mode.CARDS)
    pilot.step()
    pilot.app.now = pilot.time  # the talk time has just begun
    pilot.press(*[Action.PLUS] * 4)
    pilot.app.now = pilot.time - 25.0
    if screen != "vote-reveal":
        return
    pilot.press(Action.CONFIRM)  # cards up
    from max247.scenes.vote import VoteScene

    top = pilot.top
    assert isinstance(top, VoteScene)
    for n in (3, 1, 2, 0)[: len(top.vote.keys)]:
        pilot.press(*[Action.PLUS] * n, Action.CONFIRM)


def stand(pilot: Pilot, screen: str) -> None:
    """The stand at an event, as the organiser left it: a few groups counted today."""
    app = pilot.app
    app.kiosk, app.persist = True, False
    app.counts.record([("noor-gems", True), ("lucas-password", True), ("mehdi-coach", False)])
    pilot.start(app._scene("stand", {}))
    if screen == "stand-setup":
        app.push("stand-setup")
    elif screen == "stand-next-group":
        app.push("goodbye", next_group=True)
    pilot.step()


def tables(pilot: Pilot) -> None:
    """Tables joining with a controller or a buzzer each: five in, one of them unplugged."""
    from max247.player.tables import Seat

    app = pilot.app
    pilot.start(app._scene("title", {}))
    joined = app.start_tables()
    for device in range(5):
        joined.join(Seat(device), "pad")
    joined.unplug(3)
    app.push("tables")
    pilot.step()


def opening(pilot: Pilot, screen: str, scenario_id: str) -> None:
    """A teacher's own story opened in the game: the browser in a folder of stories; the
    findings of a copy of a story with a passage name mistyped and a flag never read; the
    translation screen of a story that has no errors."""
    import tempfile
    from pathlib import Path

    from max247.scenes.title import TitleScene

    app = pilot.app
    folder = Path(tempfile.mkdtemp(prefix="max247-")) / "Max 24-7"
    (folder / "oud").mkdir(parents=True)
    source = app.library.scenarios[scenario_id].path.read_text(encoding="utf-8")
    story = folder / f"{scenario_id}.yaml"
    if screen == "findings":  # two mistakes a writer makes: a name mistyped, a flag not read
        target = next(line for line in source.splitlines() if line.strip().startswith("goto:"))
        wrong = target.rstrip() + "x"
        source = source.replace(target, wrong, 1)
        source = source.replace(
            "\n    - ending:", "\n    - set: {nog_niet_gelezen: true}\n    - ending:", 1
        )
    story.write_text(source, encoding="utf-8")
    (folder / "lotte-avond.yaml").write_text(source, encoding="utf-8")
    app.mine.folder = str(folder)
    pilot.start(TitleScene(app))
    if screen == "open":
        app.push("open")
    elif screen == "findings":
        app.push("findings", path=story)
    else:
        app.push("findings", path=story)
        app.push("translate", path=story)
    pilot.step()


def example_lessons(pilot: Pilot) -> None:
    """Three unfinished lessons in the pilot's store, as a teacher of several classes has."""
    from max247.session import Session

    app = pilot.app
    ids = sorted(app.library.scenarios)
    for k, name in enumerate(("5C", "6A", "6B")):
        chosen = [app.library.scenarios[i] for i in ids[k : k + 3]]
        lesson = Session.new(chosen, app.settings.language, app.settings.region, name)
        lesson.created = f"2026-11-{24 + k:02d}T10:30"
        app.store.save(lesson)


def printed_cards(args: argparse.Namespace) -> int:
    """`cards`: the table cards as a browser shows them, the first card filling the width: the
    page is printed HTML, so headless Chromium (a tool of the tests) draws it, not pygame."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from max247.printouts.tablecards import sheet

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("the cards screenshot needs chromium (scripts/setup-tools)", file=sys.stderr)
        return 1
    width, height = args.size
    scale = width / 1160  # an A4 landscape card is 1123 CSS pixels wide, with its margins
    out = Path(args.output).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "cards.html"
        page.write_text(sheet(args.lang), encoding="utf-8")
        run = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={tmp}/profile",
            f"--force-device-scale-factor={scale:.4f}",
            f"--window-size=1160,{round(height / scale)}",
            f"--screenshot={out}",
            page.as_uri(),
        ]
        subprocess.run(run, check=True, capture_output=True, timeout=120)
    print(args.output)
    return 0


def screenshot(args: argparse.Namespace) -> int:
    if args.screen == "cards":
        return printed_cards(args)
    pilot = Pilot(
        args.size,
        args.lang,
        args.region,
        args.scale,
        high_contrast=getattr(args, "high_contrast", False),
        reading_font=getattr(args, "reading_font", False),
    )
    scenario_id = args.scenario or ""
    if scenario_id.endswith((".yaml", ".yml")):
        try:
            s = load_scenario(scenario_id)
        except ScenarioError as exc:  # said as `max247 validate` says it
            for f in exc.findings:
                print(f, file=sys.stderr)
            return 1
        pilot.app.library.scenarios[s.id] = s
        scenario_id = s.id
    if not scenario_id:
        scenario_id = sorted(pilot.app.library.scenarios)[0]
    if scenario_id not in pilot.app.library.scenarios:
        print(f"no scenario '{scenario_id}'", file=sys.stderr)
        return 1
    # the teacher's own window, as with two displays: the projector then never shows the notes
    teacher = pilot.teacher(args.size) if getattr(args, "teacher_screen", False) else None
    try:
        navigate(pilot, args.screen, scenario_id, args.choose, args.next)
    except NotOffered as exc:
        print(exc, file=sys.stderr)
        return 2
    pilot.screenshot(args.output)
    if teacher is not None and teacher.surface is not None:
        pygame.image.save(teacher.surface, str(args.output))
    print(args.output)
    return 0
