"""What the teacher reads about the moment of the lesson, as data (no screen of the stack): one
source for the teacher's own window (two displays) and the teacher overlay (one display).

`teacher_view` gathers, from the scenes on the stack and the help directory, the lesson's
teacher notes, this choice's `teacher:` note and `discuss:` question, the tables' counts, what
comes next, the timer, the region's help cards and advice for adults, and, while the screen is
blank, what to do when a child discloses something. Each section says whether it is private:
private sections are drawn only where the class cannot see them. Nothing here draws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from max247.helpdir import help_list
from max247.story.findings import N_, Msg, render_text
from max247.story.model import NEEDS
from max247.ui.text import reflow

if TYPE_CHECKING:
    from max247.helpdir import Card
    from max247.player.votes import Vote
    from max247.scenes.scene import Host, Scene
    from max247.story.model import Scenario

# What the class sees now, in a few words, by screen name (see max247.scenes.SCENES).
WHERE = {
    "title": N_("The title screen"),
    "setup": N_("Setting up the lesson"),
    "board": N_("The board: the class picks a character"),
    "briefing": N_("Before the story: who the character is"),
    "story": N_("The story"),
    "choice": N_("A choice: the tables talk it over"),
    "feedback": N_("What the choice changed"),
    "help-card": N_("A help card"),
    "ending": N_("The end of the story"),
    "decisions": N_("The class's decisions"),
    "closing": N_("The closing: what the class learnt"),
    "goodbye": N_("Goodbye"),
    "blank": N_("The screen is blank"),
    "pause": N_("Paused"),
    "access": N_("The accessibility menu"),
}

# What the next press of the clicker brings, by screen name.
NEXT = {
    "title": N_("Start a lesson, or go on with one."),
    "board": N_("Choose a character: PageDown moves the ring, F5 opens it."),
    "briefing": N_("Start the story."),
    "story": N_("The story goes on, one message at a time."),
    "choice": N_(
        "When the tables have decided: play the option with most votes, or any option. "
        "Back re-reads the story."
    ),
    "feedback": N_("The story goes on."),
    "help-card": N_("The story goes on."),
    "ending": N_("Back to the board, for the next character."),
    "blank": N_("Come back to the lesson where it was, or leave this story."),
}

# What to do when a child discloses something: the steps of prevention practice (calm,
# believe, thank, no leading questions, no promise of secrecy, say what happens next, report
# through the school's procedure). Private: only ever on the teacher's own screen.
DISCLOSURE = N_(
    "If a child tells you something worrying:\n"
    "• Stay calm and listen. Let the child tell it in their own words; do not ask leading "
    "questions, and do not investigate or confront anyone yourself.\n"
    "• Believe them and thank them for telling you. Say that it is not their fault.\n"
    "• Do not promise to keep it a secret. Say honestly that you will tell someone whose job "
    "it is to help.\n"
    "• Tell the child what happens next, and when you will talk again.\n"
    "• Write down what the child said, in their words, with the date and time.\n"
    "• Follow your school's procedure today."
)

# Read by a safeguarding reviewer: what the steps above leave out and a teacher in class needs.
DISCLOSURE_MORE = N_(
    '• If it comes up in front of the class, gently stop the child there: "Thank you for '
    "telling me. Let's talk, just the two of us, in a moment.\" Then talk privately straight "
    "after.\n"
    "• Do not ask to see, copy, screenshot or forward any picture. Do not delete anything and "
    "do not contact the other person.\n"
    "• Before contacting the family, take advice from the people your school's procedure names, "
    "above all if someone at home may be involved."
)

# Whom a school tells, per region: the procedure's first step.
PROCEDURE = {
    "be": N_(
        "In Belgium: tell your school's care coordinator or head, who involves the CLB "
        "(Flemish schools) or the PMS centre (French-speaking schools)."
    ),
    "nl": N_(
        "In the Netherlands: follow your school's reporting code (meldcode); Veilig Thuis "
        "gives advice."
    ),
    "uk": N_("In the UK: tell your school's Designated Safeguarding Lead the same day."),
}


@dataclass(frozen=True)
class Section:
    heading: str
    body: str
    private: bool = True  # the teacher's only: never drawn where the class can see it
    help: bool = False  # where to find help (the second column), not the moment's notes


@dataclass(frozen=True)
class Button:
    """A button of the teacher's screen: its words and what it does (an action or a call)."""

    key: str  # stable, for tests and the trace: "reveal", "play", "back", "blank", ...
    label: str
    run: Callable[[], None]
    primary: bool = False


@dataclass(frozen=True)
class TeacherView:
    where: str  # what the class sees now
    timer: str  # "Discussion: 1:30" or ""
    sections: tuple[Section, ...]
    blank: bool  # the safe exit is on: the disclosure steps come first


def say(app: Host, message: Msg) -> str:
    """A message of this module (marked with N_) in the class's language."""
    return render_text(message, app.interface)


def story_scene(app: Host) -> Scene | None:
    return app.find("story")


def choice_scene(app: Host) -> Scene | None:
    return app.find("choice")


def current_scenario(app: Host) -> Scenario | None:
    """The story being played, or the one whose briefing is on screen."""
    scene = story_scene(app) or app.find("briefing")
    return getattr(scene, "scenario", None)


def teacher_view(app: Host, scenario: Scenario | None = None, notes: bool = True) -> TeacherView:
    """Everything the teacher's screen shows now. `notes`: include the lesson's notes (the
    overlay on a shared screen shows them only on request, as the F2 overlay is)."""
    _ = app._
    s = scenario or current_scenario(app)
    # what the class sees: the screen under the teacher's overlay when that is open
    shown = [sc.screen for sc in app.scenes if sc.screen != "teacher"]
    top = shown[-1] if shown else ""
    blank = top == "blank"
    sections: list[Section] = []
    if blank:
        sections += disclosure(app)
    choice = choice_scene(app)
    offered = getattr(choice, "offered", None)
    if s is not None and offered is not None:
        if offered.choice.teacher is not None:
            sections.append(
                Section(_("For you, at this choice"), app.text(s, offered.choice.teacher))
            )
        if offered.choice.discuss is not None:
            sections.append(
                Section(_("Question to discuss"), app.text(s, offered.choice.discuss), False)
            )
        counts = vote_lines(app, choice)
        if counts:
            sections.append(Section(_("The tables' counts"), counts))
    nxt = NEXT.get(top)
    if nxt is not None and not blank:
        sections.append(Section(_("What comes next"), say(app, nxt), False))
    if s is not None and notes:
        if s.content_warning:
            sections.append(Section(_("Content warning"), app.text(s, s.content_warning)))
        if s.teacher_notes:
            sections.append(Section(_("Teacher notes"), reflow(app.text(s, s.teacher_notes))))
        if s.discussion:
            questions = "\n".join("• " + app.text(s, q) for q in s.discussion)
            sections.append(Section(_("Questions for the class"), questions, False))
    cards = help_cards(app)
    if cards:
        sections.append(Section(_("Help cards for this region"), cards, False, help=True))
    if not blank:
        advice = adult_advice(app)
        if advice:
            sections.append(
                Section(
                    _(
                        "If a pupil tells you something personal: listen calmly, believe and "
                        "thank them, say it is not their fault, do not promise secrecy, follow "
                        "your school's procedure. Advice for adults:"
                    ),
                    advice,
                    help=True,
                )
            )
    lang = app.settings.language
    stale = app.directory.stale()
    if stale:
        names = ", ".join(card.text("name", lang) for card in stale)
        sections.append(
            Section(
                _("Help cards to check"),
                _("Some help cards were checked more than a year ago: {names}.").format(
                    names=names
                ),
                help=True,
            )
        )
    where = WHERE.get(top)
    return TeacherView(
        say(app, where) if where else "", timer_text(app, choice), tuple(sections), blank
    )


def disclosure(app: Host) -> list[Section]:
    """What to do when a child discloses something, the region's procedure, and its services
    for adults: shown while the screen is blank, the moment a teacher may need it."""
    _ = app._
    region = app.settings.region
    steps = say(app, DISCLOSURE) + "\n" + say(app, DISCLOSURE_MORE)
    if region in PROCEDURE:
        steps += "\n" + say(app, PROCEDURE[region])
    emergency = app.directory.shown("emergency", region, app.settings.language)
    if emergency:
        service = named(emergency[0], app.settings.language)
        steps += "\n" + say(
            app, N_("If a child is in immediate danger: {service}.", service=service)
        )
    out = [Section(_("A child discloses something"), steps)]
    advice = adult_advice(app, short=True)
    if advice:
        out.append(Section(_("Advice for adults"), advice, help=True))
    return out


def adult_advice(app: Host, short: bool = False) -> str:
    """The region's services for adults worried about a child, every language (a teacher in
    Brussels may need the Dutch or the French one), with their numbers; `short`: names and
    numbers only, to be read at a glance."""
    lang = app.settings.language
    cards = app.directory.cards_for("adult-advice", app.settings.region, lang)
    if short:
        return "\n".join(f"• {named(card, lang)}" for card in cards)
    return "\n".join(f"• {named(card, lang)} — {card.text('helps', lang)}" for card in cards)


def help_cards(app: Host) -> str:
    """The services the class's help cards show in this region, one line each."""
    lang = app.settings.language
    needs = [n for n in NEEDS if n != "adult-advice"]
    shown = help_list(app.directory, needs, app.settings.region, lang)
    return "\n".join(f"• {named(card, lang)}" for card in shown.cards)


def named(card: Card, language: str) -> str:
    """A service's name and number, the number once (Zelfmoordlijn 1813 is named after it)."""
    name = card.text("name", language)
    return f"{name} · {card.phone}" if card.phone and card.phone not in name else name


def current_vote(app: Host) -> Vote | None:
    """The vote at the choice on screen (max247.player.votes), whichever scene holds it."""
    from max247.player.votes import Vote

    for scene in reversed(app.scenes):
        vote = getattr(scene, "vote", None)
        if isinstance(vote, Vote):
            return vote
    return None


def vote_lines(app: Host, choice: Any) -> str:
    """The tables' counts at this choice, from the vote model, and which table chose what when
    the tables vote with devices: the teacher's only (the projector shows the spread, never a
    table). Nothing while no vote is on."""
    _ = app._
    vote = current_vote(app)
    lines = []
    if vote is not None and (vote.counted or vote.state.value != "deciding"):
        for key in vote.keys:
            lines.append(
                _("Option {number}: {count}").format(
                    number=vote.number(key), count=vote.counts[key]
                )
            )
        if vote.tie:
            numbers = ", ".join(str(vote.number(k)) for k in vote.most())
            lines.append(_("A tie: you pick among {numbers}.").format(numbers=numbers))
    tables = getattr(app, "tables", None)
    offered = getattr(choice, "offered", None)
    if tables is not None and tables.ballots and offered is not None:
        keys = [o.option.key for o in offered.options]
        for number, key in sorted(tables.ballots.items()):
            if key in keys:
                lines.append(
                    _("Table {table}: option {number}").format(
                        table=number, number=keys.index(key) + 1
                    )
                )
    return "\n".join(lines)


def most_votes(app: Host) -> int | None:
    """The number of the option with most votes, or None (no vote, nothing counted, a tie)."""
    vote = current_vote(app)
    if vote is None:
        return None
    key = vote.to_play()
    return vote.number(key) if key is not None else None


def timer_text(app: Host, choice: Any) -> str:
    """The discussion timer as the projector shows it, or nothing when the choice has none."""
    if choice is None or not getattr(choice, "timer", None):
        return ""
    left = choice.left()
    s = max(0, round(left))  # as the choice's own timer shows it: 1:30
    text = app._("Discussion: {time}").format(time=f"{s // 60}:{s % 60:02d}")
    if choice.running_since is None and left > 0:
        text += f" ({app._('paused')})"
    return text


def private_texts(app: Host, scenario: Scenario | None = None) -> list[str]:
    """Every teacher-only text of this moment, for the tests that check the projector never
    draws one (nor any line of one)."""
    view = teacher_view(app, scenario)
    return [s.body for s in view.sections if s.private]
