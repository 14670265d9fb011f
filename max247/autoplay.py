"""Scripted play of a real game process, for the crash test (`max247 game --autoplay SEED`).

Once a loop it gives the screen on top the action a class would: resume the last unfinished
lesson or start one, open a character, read on, choose an option at random, go back to the
board, finish, begin again. It prints one line per fact the test checks, flushed at once, so a
test that kills the process knows what had been saved before the kill:

    resumed NAME SCENARIO N CHOICE   a resumed lesson is waiting at choice CHOICE after N decisions
                                     (or at its ending: the kill came after the last choice)
    resumed NAME board               a resumed lesson opened on the board
    choosing NAME SCENARIO N         the class is about to make decision N+1 (a save follows)
    saved NAME SCENARIO N            decision N is saved (its transaction committed)
"""

from __future__ import annotations

import random

import pygame

from max247.input import Action

STORIES = ("noor-gems", "lucas-password", "zoe-says-no")


class AutoPlayer:
    def __init__(self, app, seed: int) -> None:
        self.app = app
        self.random = random.Random(seed)
        self.resuming = False
        self.wake = pygame.event.custom_type()

    def say(self, *words: object) -> None:
        print(*words, flush=True)

    def tick(self) -> None:
        from max247.scenes.base import Menu
        from max247.scenes.board import BoardScene
        from max247.scenes.briefing import BriefingScene
        from max247.scenes.choice import ChoiceScene
        from max247.scenes.closing import ClosingScene
        from max247.scenes.ending import EndingScene
        from max247.scenes.sessions import NoticeOverlay
        from max247.scenes.setup import SetupScene
        from max247.scenes.story import StoryScene
        from max247.scenes.title import TitleScene

        pygame.event.post(pygame.event.Event(self.wake))  # keeps the loop from idling
        app, top = self.app, self.app.top
        session = app.session
        if self.resuming:  # the resumed story has replayed: to its waiting choice, or its end
            self.resuming = False
            story = app.find(StoryScene)
            if story is None:
                self.say("resumed", _name(app), "board")
            else:
                where = top.offered.choice.key if isinstance(top, ChoiceScene) else "ending"
                self.say(
                    "resumed", _name(app), story.scenario.id, len(story.story.state.log), where
                )
        if isinstance(top, TitleScene):
            if top.unfinished:
                self.resuming = True
                top.resume(top.unfinished[0].id)
            else:
                top.start()
        elif isinstance(top, NoticeOverlay):
            app.post(Action.CONFIRM)
        elif isinstance(top, ChoiceScene):
            progress = top.story_scene.progress
            n = len(progress.log)
            self.say("choosing", _name(app), progress.scenario, n)
            top.pick(self.random.choice(top.offered.options).number)
            self.say("saved", _name(app), progress.scenario, len(progress.log))
        elif isinstance(top, SetupScene):
            ids = [s for s in STORIES if s in app.library.scenarios]
            top.chosen = self.random.sample(ids, k=min(2, len(ids)))
            top.start()
        elif isinstance(top, BoardScene) and session is not None:
            todo = [i for i, p in enumerate(session.characters) if not p.ended]
            if todo:
                top.index = todo[0]
                app.post(Action.CONFIRM)
            else:
                top.finish()
        elif isinstance(top, BriefingScene):
            app.post(Action.CONFIRM)  # continue the story, or start it
        elif isinstance(top, EndingScene):
            top.board()
        elif isinstance(top, ClosingScene):
            top.end()
        elif isinstance(top, Menu):  # the first start's questions: take what is preselected
            app.post(Action.CONFIRM)
        else:
            app.post(Action.NEXT)


def _name(app) -> str:
    return (app.session.name if app.session else "").replace(" ", "_")
