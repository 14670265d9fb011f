"""Saved lessons as the screens say and open them: a lesson's date and name, and resuming one
where the class left it. Shared by the title, the list of lessons and the set-up (not a screen)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from max247.scenes.scene import Host
    from max247.store import Listed


def when(created: str, language: str) -> str:
    """A lesson's date as a teacher says it: "2 Dec" (the year only when it is not this one)."""
    try:
        day = dt.datetime.fromisoformat(created).date()
    except ValueError:
        return ""
    pattern = "d MMM" if day.year == dt.date.today().year else "d MMM y"
    from babel.dates import format_date  # here: the title needs it only with lessons to resume

    return format_date(day, pattern, locale=language)


def default_name(app: Host) -> str:
    now = dt.datetime.now()
    return app._("Lesson of {date}").format(
        date=f"{when(now.isoformat(), app.settings.language)} {now:%H:%M}"
    )


def lesson_label(app: Host, listed: Listed) -> str:
    return app._("Continue “{name}” ({date})").format(
        name=listed.name, date=when(listed.created, app.settings.language)
    )


def resume(app: Host, session_id: int) -> None:
    """Open a saved lesson where the class left it: on the board, or in the story that was open,
    at the decision it was waiting for."""
    session = app.store.load(session_id)
    app.session = session
    app.settings.region = session.region
    app.set_language(session.language)  # the lesson's language: 6B is a Dutch class
    open_story = session.current  # the board clears it when it opens
    app.reset("board")
    scenario = app.library.scenarios.get(open_story)
    if scenario is None:
        return
    progress = session.progress(scenario.id)
    if progress.started and not progress.ended:
        app.push("story", scenario=scenario, log=list(progress.log))
