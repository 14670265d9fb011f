"""While only the typing dots move, the story screen blits the frame it kept and draws the dots
again (scripts/bench: a frame within 2x a full blit and flip); what is shown must be exactly
what a whole redraw shows."""

from __future__ import annotations

import pygame

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.story import StoryScene
from max247.screenshots import navigate


def test_an_animated_frame_is_the_whole_frame_redrawn():
    pilot = Pilot((1024, 768))
    navigate(pilot, "story", "noor-gems", [], 0)
    app = pilot.app
    story = app.find(StoryScene)
    assert story is not None and app.top is story
    for _ in range(30):  # on to a message from someone else: the one that is typed
        last = story.shown[-1] if story.shown else None
        if last is not None and last.speaker not in (None, story.scenario.character):
            break
        pilot.press(Action.NEXT)
    assert app.top is story
    now = pilot.time
    story.typing_until = now + 10.0
    app.dirty = True
    app.step(now)  # a whole frame, kept under the dots
    assert story._still is not None
    for k in range(1, 5):  # the dots move: each phase, kept frame + dots against a redraw
        t = now + k * 0.34
        assert app.step(t) and not app.dirty
        kept = pygame.image.tobytes(app.screen, "RGB")
        app.dirty = True
        app.step(t)
        assert pygame.image.tobytes(app.screen, "RGB") == kept
    story.typing_until = 0.0  # the message is there: nothing kept any more
    app.dirty = True
    app.step(now + 5)
    assert story._still is None
