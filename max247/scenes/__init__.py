"""The game's screens, by name.

A scene opens another by its name in `SCENES` (`app.push("board")`), never by importing it: the
registry is the only place that knows every screen, and a screen's module is imported only when it
is first shown, which keeps the start quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from max247.scenes.scene import Host, Scene

SCENES: dict[str, str] = {
    "title": "max247.scenes.title:TitleScene",
    "welcome": "max247.scenes.welcome:WelcomeScene",
    "displays": "max247.scenes.displays:DisplayQuestion",
    "setup": "max247.scenes.setup:SetupScene",
    "deciding": "max247.scenes.deciding:DecidingOverlay",
    "sessions": "max247.scenes.sessions:SessionsScene",
    "session-notice": "max247.scenes.sessions:NoticeOverlay",
    "session-name": "max247.scenes.sessions:NameOverlay",
    "print": "max247.scenes.sessions:PrintOverlay",
    "board": "max247.scenes.board:BoardScene",
    "briefing": "max247.scenes.briefing:BriefingScene",
    "story": "max247.scenes.story:StoryScene",
    "choice": "max247.scenes.choice:ChoiceScene",
    "vote": "max247.scenes.vote:VoteScene",
    "feedback": "max247.scenes.cards:FeedbackScene",
    "help-card": "max247.scenes.cards:HelpCardScene",
    "ending": "max247.scenes.ending:EndingScene",
    "decisions": "max247.scenes.ending:DecisionsScene",
    "closing": "max247.scenes.closing:ClosingScene",
    "goodbye": "max247.scenes.goodbye:GoodbyeScene",
    "pause": "max247.scenes.overlays:PauseOverlay",
    "confirm-quit": "max247.scenes.overlays:ConfirmQuit",
    "blank": "max247.scenes.overlays:BlankScreen",
    "teacher": "max247.scenes.overlays:TeacherOverlay",
    "keys": "max247.scenes.keycard:KeyCard",
    "access": "max247.scenes.access:AccessScene",
    "broken-file": "max247.scenes.preview:BrokenFile",
    "stand": "max247.scenes.stand:StandScene",
    "stand-setup": "max247.scenes.stand:OrganiserScene",
    "tables": "max247.scenes.tables:TablesScene",
    "open": "max247.scenes.opening:OpenScene",
    "findings": "max247.scenes.opening:FindingsScene",
    "translate": "max247.scenes.opening:TranslateScene",
    "checklist": "max247.scenes.opening:ChecklistScene",
}


def scene_class(name: str) -> type[Scene]:
    """The class of the screen called `name` (a KeyError names an unknown screen)."""
    module, _, cls = SCENES[name].partition(":")
    kind: type[Scene] = getattr(importlib.import_module(module), cls)
    return kind


def create(name: str, app: Host, /, **args: Any) -> Scene:
    """A new screen called `name`, given the app and its own arguments."""
    return scene_class(name)(app, **args)
