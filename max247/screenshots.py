"""`max247 screenshot`: any screen, in any language, size and text scale, to PNG, no window.

Educators proofread their scenarios with it and reviewers look at screens with it. It drives the
game through the pilot exactly as a class would: the same scenes, the same runtime.
"""

from __future__ import annotations

import argparse
import sys

from max247.input import Action
from max247.pilot import Pilot
from max247.story.loader import load_scenario


def navigate(pilot: Pilot, screen: str, scenario_id: str, choose: list[int], nexts: int) -> None:
    """Bring the pilot's app to `screen`, after the given choices and presses of next."""
    from max247.scenes.board import BoardScene
    from max247.scenes.cards import FeedbackScene, HelpCardScene
    from max247.scenes.choice import ChoiceScene
    from max247.scenes.closing import ClosingScene
    from max247.scenes.ending import DecisionsScene, EndingScene
    from max247.scenes.setup import SetupScene
    from max247.scenes.story import StoryScene
    from max247.scenes.title import TitleScene

    app = pilot.app
    if screen == "title":
        pilot.start(TitleScene(app))
        return
    if screen == "displays":  # the first start's question with a second display
        from max247.scenes.displays import DisplayQuestion

        pilot.start(TitleScene(app))
        app.push(DisplayQuestion(app))
        pilot.step()
        return
    if screen == "setup":
        pilot.start(SetupScene(app))
        return
    if screen in ("welcome", "welcome-region"):
        from max247.scenes.welcome import WelcomeScene

        pilot.start(WelcomeScene(app))
        if screen == "welcome-region":
            pilot.press(Action.CONFIRM)
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


def screenshot(args: argparse.Namespace) -> int:
    pilot = Pilot(args.size, args.lang, args.region, args.scale)
    scenario_id = args.scenario or ""
    if scenario_id.endswith((".yaml", ".yml")):
        s = load_scenario(scenario_id)
        pilot.app.library.scenarios[s.id] = s
        scenario_id = s.id
    if not scenario_id:
        scenario_id = sorted(pilot.app.library.scenarios)[0]
    if scenario_id not in pilot.app.library.scenarios:
        print(f"no scenario '{scenario_id}'", file=sys.stderr)
        return 1
    choose = [int(x) for x in args.choose.split(",") if x.strip()]
    navigate(pilot, args.screen, scenario_id, choose, args.next)
    pilot.screenshot(args.output)
    print(args.output)
    return 0
