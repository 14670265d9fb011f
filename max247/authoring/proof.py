"""A whole scenario on one printable page, for a teacher or a safeguarding reviewer.

Like Twine's proofing formats: every passage in file order, every beat in words, every option with
its feedback, its mood change and where it goes, every ending, and what the teacher reads before
class. The page is self-contained (inline CSS, no script, nothing loaded from elsewhere) so that it
can be mailed, archived and printed as it is.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from max247.authoring.graph import Translate, condition_text
from max247.reflow import reflow
from max247.story.ends import leaves
from max247.story.explore import Exploration, explore
from max247.story.model import (
    AddFlags,
    Beat,
    Choice,
    Ending,
    Goto,
    Help,
    If,
    Message,
    Narrate,
    Option,
    Photo,
    Scenario,
    SetFlags,
    Tell,
    Text,
    View,
)

HelpLookup = Callable[[str], str | None]  # a need -> "Child Focus - 116 000"

# --- the page's own words ------------------------------------------------------------------------
# In the interface's catalogs (gettext domain max247) with the game's words: a theme is named as
# the teacher's story list names it ("finding your Max"), a content warning as the briefing does.
# Terms follow locales/glossary.csv; nl is Flemish (leerkracht, gsm), fr Belgian French (GSM).


def _labels(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "kind": _("Scenario to review before class"),
        "theme": _("Theme"),
        "ages": _("Ages"),
        "minutes": _("Playing time"),
        "minutes_value": _("{n} minutes"),
        "problem": _("The problem, as the children see it"),
        "start_mood": _("Mood at the start"),
        "of_4": _("{n} of 4"),
        "file": _("File"),
        "content_warning": _("Content warning"),
        "goals": _("Goals"),
        "teacher_notes": _("Teacher notes"),
        "discussion": _("Discussion questions"),
        "characters": _("Characters"),
        "role_own": _("the story's character"),
        "role_max": _("Max: a trusted adult"),
        "role_friend": _("a friend of the same age"),
        "story": _("The story"),
        "contents": _("Passages"),
        "start": _("start"),
        "photo": _("[photo from {who}: {alt}]"),
        "view_phone": _("From here on: as a phone chat"),
        "view_in-person": _("From here on: face to face"),
        "tell_listens": _("{who} confides in {name}, who listens."),
        "tell_not": _("{who} tells {name}, who does not listen."),
        "help": _("Help card"),
        "flag": _("flag"),
        "only_if": _("Only if: {cond}"),
        "otherwise": _("Otherwise:"),
        "choice": _("The class chooses"),
        "timer": _("{n} s to discuss"),
        "feedback": _("Feedback"),
        "discuss": _("Talk about it"),
        "teacher": _("For the teacher"),
        "mood": _("mood"),
        "goto": _("continues in"),
        "after_choice": _("continues after the choice"),
        "ending": _("Ending"),
        "final_mood": _("Mood at the end: {n} of 4"),
        # TRANSLATORS: the proof page; {moods} lists the moods it can have there, "2, 3"
        "mood_kept": _("Mood at the end: as it is ({moods})"),
        "help found": _("Help found on every way here."),
        "not always": _("Not every way here found help."),
        "no help yet": _("No way here found help."),
        "not reached": _("No play reached this ending."),
        "partial": _("Checked {n} plays, not every way through the story."),
    }


def _themes(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "grooming": _("grooming"),
        "sexting": _("sexting"),
        "sextortion": _("sextortion"),
        "image-abuse": _("image-based abuse"),
        "online-safety": _("online safety"),
        "trusted-adult": _("finding your Max"),
        "running-away": _("running away"),
    }


def _needs(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "talk": _("a helpline to talk about anything"),
        "exploitation": _("help with grooming, sextortion, sexual exploitation online"),
        "remove-image": _("getting a nude image taken down"),
        "crisis": _("a child in distress who needs someone to talk to now"),
        "emergency": _("immediate danger"),
        "missing": _("a child who ran away or is missing"),
        "adult-advice": _("advice for the adult, after a disclosure"),
    }


Gettext = Callable[[str], str]  # the interface's gettext in the page's language


class Words:
    """The page's words in one language, from the interface's catalog through `gettext` (the
    caller's, e.g. max247.i18n.Interface(language).gettext: authoring does not reach into the
    services); English without one."""

    def __init__(self, language: str, gettext: Gettext | None = None) -> None:
        _ = gettext or str
        self.labels = _labels(_)
        self.themes = _themes(_)
        self.needs = _needs(_)
        # French typography: a no-break space before the colon
        self.colon = "\u00a0: " if language == "fr" else ": "

    def label(self, key: str, **values: object) -> str:
        return self.labels[key].format(**values)


CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #111; }
body { font-family: "Andika", "Atkinson Hyperlegible", "DejaVu Sans", "Segoe UI", Arial,
  sans-serif; font-size: 11.5pt; line-height: 1.45; max-width: 182mm; margin: 0 auto;
  padding: 8mm 6mm; }
h1 { font-size: 21pt; margin: 0 0 4pt; line-height: 1.2; }
h2 { font-size: 14pt; margin: 16pt 0 5pt; border-bottom: 1.5pt solid #1d3f7a; color: #1d3f7a;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12.5pt; margin: 0 0 5pt; break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; }
ul, ol { margin: 3pt 0; padding-left: 18pt; }
a { color: #1d3f7a; }
.kind { font-size: 9.5pt; text-transform: uppercase; letter-spacing: .06em; color: #444;
  margin: 0; }
.facts { border-collapse: collapse; margin: 6pt 0; }
.facts th { text-align: left; vertical-align: top; padding: 1pt 12pt 1pt 0; width: 1%;
  white-space: nowrap; }
.facts td { padding: 1pt 0; }
.warning { border: 2.5pt solid #b3261e; background: #fdecea; padding: 6pt 10pt; margin: 10pt 0;
  break-inside: avoid; page-break-inside: avoid; }
.warning h2 { color: #8c1d18; border: 0; margin: 0 0 2pt; font-size: 13pt; }
.warning h2::before { content: "\\26A0\\FE0E  "; }
.warning p { font-size: 12.5pt; font-weight: bold; }
.notes { white-space: pre-line; }
.role { font-size: 9.5pt; border: 1pt solid #555; border-radius: 6pt; padding: 0 5pt;
  margin-left: 4pt; white-space: nowrap; }
.role-max { border-color: #2e7d32; color: #1b5e20; }
.role-own { border-color: #1d3f7a; color: #1d3f7a; }
.role-friend { border-color: #7a4f01; color: #5c3c00; }
nav ol { columns: 3; font-size: 10pt; }
.passage { border: 1pt solid #9aa7b8; border-radius: 4pt; padding: 7pt 10pt; margin: 9pt 0;
  break-inside: avoid; page-break-inside: avoid; }
.passage h3 .id { font-family: "DejaVu Sans Mono", Consolas, monospace; }
.tag { font-size: 9pt; font-weight: normal; color: #fff; background: #1d3f7a;
  border-radius: 3pt; padding: 0 4pt; margin-left: 4pt; }
.narrate { font-style: italic; }
.msg .who { font-weight: bold; }
.msg.own { margin-left: 18%; background: #e8f0fb; border-left: 3pt solid #1d3f7a;
  padding: 1pt 6pt; }
.msg.other { margin-right: 18%; }
.photo { display: inline-block; border: 1.5pt dashed #555; background: #f2f2f2;
  padding: 5pt 10pt; margin: 3pt 0; }
.event { font-weight: bold; }
.help { border-left: 3pt solid #2e7d32; padding-left: 6pt; }
.tell { border-left: 3pt solid #2e7d32; padding-left: 6pt; }
.tell.not { border-left-color: #b3261e; }
.meta { font-size: 9pt; color: #555; font-weight: normal; font-style: normal; }
.mood { font-size: 9pt; color: #333; border: 1pt solid #777; border-radius: 3pt; padding: 0 3pt;
  white-space: nowrap; font-style: normal; font-weight: normal; }
.branch { border-left: 2pt solid #bbb; padding-left: 8pt; margin: 2pt 0 4pt; }
.choice { background: #fffaf0; border: 1pt solid #c9a227; border-radius: 4pt; padding: 5pt 8pt;
  margin: 5pt 0; }
.choice .prompt { font-weight: bold; }
.choice > ol > li { margin: 4pt 0; }
.option-text { font-weight: bold; }
.feedback { margin: 2pt 0; padding: 2pt 6pt; background: #f1f1f1; }
.discuss { margin: 4pt 0; padding: 2pt 6pt; border-left: 3pt solid #3a7; }
.teacher { margin: 4pt 0; padding: 2pt 6pt; border-left: 3pt solid #888; font-style: italic; }
.goto { font-size: 10pt; }
.ending { border: 2pt double #2e7d32; background: #f1f8f0; border-radius: 6pt; padding: 5pt 9pt;
  margin: 5pt 0; }
.ending.nohelp { border-color: #b3261e; background: #fdf0ee; }
.ending.unreached { border: 2pt dashed #555; background: #eeeeee; }
.ending .title { font-weight: bold; font-size: 12pt; }
footer { margin-top: 14pt; font-size: 9pt; color: #555; }
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  .choice, .msg.own, .warning, .ending, .feedback, .photo, .tag {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def to_html(
    scenario: Scenario,
    translate: Translate,
    language: str,
    help_lookup: HelpLookup | None = None,
    gettext: Gettext | None = None,
) -> str:
    """The whole scenario as one self-contained HTML5 page in `language`; the page's own words
    come through `gettext` (English without it)."""
    return _Page(scenario, translate, language, help_lookup, gettext).render()


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def anchor(passage_id: str) -> str:
    return f"passage-{passage_id}"  # passage ids are [a-z0-9_-]: safe in an id and a URL


class _Page:
    def __init__(
        self,
        scenario: Scenario,
        translate: Translate,
        language: str,
        help_lookup: HelpLookup | None,
        gettext: Gettext | None = None,
    ) -> None:
        self.s = scenario
        self.translate = translate
        self.language = language
        self.help_lookup = help_lookup
        self.found: Exploration = explore(scenario)
        self.words = Words(language, gettext)
        self.colon = esc(self.words.colon)

    # --- small pieces -------------------------------------------------------------------------

    def t(self, text: Text | None) -> str:
        """A scenario text, translated and escaped."""
        return "" if text is None else esc(self.translate(self.s, text, self.language))

    def notes(self, text: Text) -> str:
        """Teacher notes reflowed as the game shows them: paragraphs and list items, not the
        line breaks of the writer's editor."""
        return esc(reflow(self.translate(self.s, text, self.language)))

    def word(self, key: str, **markup: object) -> str:
        """The page's word, escaped; `markup` is filled in as it is, so it must be HTML already."""
        return esc(self.words.labels[key]).format(**markup)

    def name(self, character: str) -> str:
        c = self.s.characters.get(character)
        return self.t(c.name) if c else esc(character)

    def mood(self, change: int) -> str:
        if not change:
            return ""
        return f' <span class="mood">{self.word("mood")} {change:+d}</span>'

    def flags(self, sets: tuple, adds: tuple) -> str:
        parts = [f"{k} = {str(v).lower() if isinstance(v, bool) else v}" for k, v in sets]
        parts += [f"{k} {v:+d}" for k, v in adds]
        if not parts:
            return ""
        return f'<span class="meta">{self.word("flag")}{self.colon}{esc(", ".join(parts))}</span>'

    def fact(self, key: str, value: str) -> str:
        return f"<tr><th>{self.word(key)}</th><td>{value}</td></tr>"

    def goto(self, target: str) -> str:
        return (
            f'<p class="goto">→ {self.word("goto")} '
            f'<a href="#{esc(anchor(target))}">{esc(target)}</a></p>'
        )

    # --- the page -----------------------------------------------------------------------------

    def render(self) -> str:
        s = self.s
        title = self.t(s.title)
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{esc(self.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title} - Max 24/7</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f'<p class="kind">Max 24/7 · {self.word("kind")}</p>',
            f"<h1>{title}</h1>",
            '<table class="facts">',
            self.fact("theme", esc(self.words.themes.get(s.theme, s.theme))),
            self.fact("ages", esc(s.ages)),
            self.fact("minutes", self.word("minutes_value", n=s.minutes)),
        ]
        if s.problem is not None:
            out.append(self.fact("problem", self.t(s.problem)))
        out += [
            self.fact("start_mood", self.word("of_4", n=s.mood)),
            self.fact("file", f"{esc(s.path.name)} ({esc(s.id)})"),
            "</table>",
            "</header>",
            '<section class="warning" role="note">',
            f"<h2>{self.word('content_warning')}</h2>",
            f"<p>{self.t(s.content_warning)}</p>",
            "</section>",
            f"<section><h2>{self.word('goals')}</h2><ul>",
            *(f"<li>{self.t(g)}</li>" for g in s.goals),
            "</ul></section>",
        ]
        if s.teacher_notes is not None:
            out.append(
                f"<section><h2>{self.word('teacher_notes')}</h2>"
                f'<p class="notes">{self.notes(s.teacher_notes)}</p></section>'
            )
        if s.discussion:
            out += [f"<section><h2>{self.word('discussion')}</h2><ol>"]
            out += [f"<li>{self.t(q)}</li>" for q in s.discussion]
            out.append("</ol></section>")
        out += [f"<section><h2>{self.word('characters')}</h2><ul>"]
        for c in s.characters.values():
            roles = []
            if c.id == s.character:
                roles.append(f'<span class="role role-own">{self.word("role_own")}</span>')
            if c.max:
                roles.append(f'<span class="role role-max">{self.word("role_max")}</span>')
            if c.friend:
                roles.append(f'<span class="role role-friend">{self.word("role_friend")}</span>')
            alt = f' <span class="meta">({self.t(c.alt)})</span>' if c.alt else ""
            out.append(
                f'<li><b>{self.t(c.name)}</b> <span class="meta">{esc(c.id)}</span>'
                f"{''.join(roles)}{alt}</li>"
            )
        out.append("</ul></section>")
        out += [
            f"<main><h2>{self.word('story')}</h2>",
            f'<nav aria-label="{self.word("contents")}">',
        ]
        out.append("<ol>")
        for pid in s.passages:
            out.append(f'<li><a href="#{esc(anchor(pid))}">{esc(pid)}</a></li>')
        out.append("</ol></nav>")
        for pid, passage in s.passages.items():
            start = f'<span class="tag">{self.word("start")}</span>' if pid == s.start else ""
            out += [
                f'<section class="passage" id="{esc(anchor(pid))}">',
                f'<h3><span class="id">{esc(pid)}</span>{start}</h3>',
                *self.beats(passage.beats),
                "</section>",
            ]
        out.append("</main>")
        if not self.found.complete:
            out.append(f"<footer><p>{self.word('partial', n=self.found.plays)}</p></footer>")
        out += ["</body>", "</html>"]
        return "\n".join(out) + "\n"

    # --- beats --------------------------------------------------------------------------------

    def beats(self, beats: tuple[Beat, ...]) -> list[str]:
        out: list[str] = []
        for beat in beats:
            out += self.beat(beat)
        return out

    def beat(self, beat: Beat) -> list[str]:
        s = self.s
        if isinstance(beat, Narrate):
            return [f'<p class="narrate">{self.t(beat.text)}{self.mood(beat.mood)}</p>']
        if isinstance(beat, Message):
            side = "own" if beat.speaker == s.character else "other"
            who = f'<span class="who">{self.name(beat.speaker)}{self.colon}</span>'
            return [f'<p class="msg {side}">{who}{self.t(beat.text)}{self.mood(beat.mood)}</p>']
        if isinstance(beat, Photo):
            text = self.word("photo", who=self.name(beat.sender), alt=self.t(beat.alt))
            return [f'<p><span class="photo">{text}</span>{self.mood(beat.mood)}</p>']
        if isinstance(beat, View):
            return [f'<p class="meta">{self.word("view_" + beat.mode)}</p>']
        if isinstance(beat, Tell):
            key = "tell_listens" if beat.listens else "tell_not"
            c = s.characters[beat.who]
            role = "role_max" if c.max else "role_friend"
            text = self.word(key, who=self.name(s.character), name=self.name(beat.who))
            css = "tell" if beat.listens else "tell not"
            return [
                f'<p class="event {css}">{text} <span class="role {role.replace("_", "-")}">'
                f"{self.word(role)}</span>{self.mood(beat.mood)}</p>"
            ]
        if isinstance(beat, Help):
            need = esc(self.words.needs.get(beat.need, beat.need))
            card = self.help_lookup(beat.need) if self.help_lookup else None
            shown = f'{esc(card)} <span class="meta">({need})</span>' if card else need
            return [
                f'<p class="event help">{self.word("help")}{self.colon}{shown} '
                f'<span class="meta">help: {esc(beat.need)}</span>{self.mood(beat.mood)}</p>'
            ]
        if isinstance(beat, SetFlags):
            return [f"<p>{self.flags(beat.values, ())}{self.mood(beat.mood)}</p>"]
        if isinstance(beat, AddFlags):
            return [f"<p>{self.flags((), beat.values)}{self.mood(beat.mood)}</p>"]
        if isinstance(beat, Goto):
            return [self.goto(beat.target)]
        if isinstance(beat, If):
            cond = esc(condition_text(beat.condition))
            out = [f'<p class="meta">{self.word("only_if", cond=cond)}</p>']
            out += ['<div class="branch">', *self.beats(beat.then), "</div>"]
            if beat.else_ is not None:
                out += [f'<p class="meta">{self.word("otherwise")}</p>']
                out += ['<div class="branch">', *self.beats(beat.else_), "</div>"]
            return out
        if isinstance(beat, Choice):
            return self.choice(beat)
        if isinstance(beat, Ending):
            return self.ending(beat)
        return [f'<p class="meta">{esc(type(beat).__name__)}</p>']  # a beat kind added later

    def choice(self, choice: Choice) -> list[str]:
        timer = f' <span class="meta">({self.word("timer", n=choice.timer)})</span>'
        out = [
            '<div class="choice">',
            f'<p class="prompt">{self.word("choice")}{self.colon}{self.t(choice.prompt)}'
            f"{timer if choice.timer else ''}</p>",
            "<ol>",
        ]
        for option in choice.options:
            out += ["<li>", *self.option(option), "</li>"]
        out.append("</ol>")
        if choice.discuss is not None:
            said = f"<b>{self.word('discuss')}{self.colon}</b>"
            out.append(f'<p class="discuss">{said}{self.t(choice.discuss)}</p>')
        if choice.teacher is not None:
            said = f"<b>{self.word('teacher')}{self.colon}</b>"
            out.append(f'<p class="teacher">{said}{self.t(choice.teacher)}</p>')
        out.append("</div>")
        return out

    def option(self, option: Option) -> list[str]:
        head = f'<span class="option-text">{self.t(option.text)}</span>{self.mood(option.mood)}'
        if option.condition is not None:
            cond = esc(condition_text(option.condition))
            head += f' <span class="meta">({self.word("only_if", cond=cond)})</span>'
        flags = self.flags(option.set, option.add)
        out = [f"<p>{head}{' ' + flags if flags else ''}</p>"]
        if option.feedback is not None:
            said = f"<b>{self.word('feedback')}{self.colon}</b>"
            out.append(f'<p class="feedback">{said}{self.t(option.feedback)}</p>')
        if option.then is not None:
            out += ['<div class="branch">', *self.beats(option.then), "</div>"]
        if option.goto is not None:
            out.append(self.goto(option.goto))
        elif option.then is None or not leaves(option.then):
            out.append(f'<p class="goto">↓ {self.word("after_choice")}</p>')
        return out

    def ending(self, ending: Ending) -> list[str]:
        reach = self.found.reach(ending)
        if ending.mood is not None:
            mood = self.word("final_mood", n=ending.mood)
        else:
            moods = sorted(reach.moods)
            seen = "-".join(str(m) for m in dict.fromkeys((moods[0], moods[-1]))) if moods else "?"
            mood = self.word("mood_kept", moods=seen)
        # as on the graph: green where every way found help, grey where no play comes, else red
        css = {"help found": "ending", "not reached": "ending unreached"}.get(
            reach.status, "ending nohelp"
        )
        return [
            f'<div class="{css}">',
            f'<p class="title">{self.word("ending")}{self.colon}{self.t(ending.title)}</p>',
            f"<p>{self.t(ending.message)}</p>",
            f'<p class="meta">{mood}. {self.word(reach.status)}</p>',
            "</div>",
        ]
