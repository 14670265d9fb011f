"""The player: how a front end plays a story and runs a lesson beside the screens, without pygame,
like Yarn Spinner's dialogue runner.

The story (max247.story) is a pure state machine that emits every event; the player adds what
every front end needs on top of it and must agree on: where to stop for the class
(`Runner.advance`), keeping the session's record of the play up to date, when a character "feels
OK", whether a story reads completely in the class's language, and the class's votes (votes.py,
tables.py). The game's scenes, the terminal player, a teacher's second window and the tests all
use it, so a second front end never repeats or misses a rule.
"""

from __future__ import annotations

from max247.player.rules import feels_ok, translation_complete
from max247.player.runner import Runner, assert_never, worth_stopping

__all__ = ["Runner", "assert_never", "feels_ok", "translation_complete", "worth_stopping"]
