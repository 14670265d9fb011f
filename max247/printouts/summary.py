"""The lesson's summary for the teacher: one HTML page in the session's language, and a CSV.

The characters played, the path the class took, the spread of votes at each decision (counts
only, never which table chose what), whom each character told and the help found, the discussion
questions, and the region's help cards with the date each was checked. Each character starts a
new A4 page, and the help cards take the last one, so a printed summary files by character.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from max247.helpdir import Directory
from max247.i18n import language_name
from max247.printouts import CHILD_NEEDS, Words, el, esc, long_date, page, reach
from max247.session import Progress, Session, steps
from max247.story.library import Library
from max247.story.model import Scenario

CSS = """
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Verdana", "Arial", sans-serif; color: #1d2233;
       font-size: 10pt; line-height: 1.35; max-width: 180mm; margin: 0 auto; padding: 0 4mm;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 17pt; margin: 0 0 1mm 0; color: #1f4e8c; }
h2 { font-size: 14pt; margin: 0 0 1mm 0; color: #1f4e8c; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm 0; break-after: avoid; }
.meta, .note { color: #4a4f60; margin: 0 0 2mm 0; }
.privacy { border-left: 1.2mm solid #a7d9a0; padding: 1mm 3mm; background: #f2f9f1; }
section { break-before: page; page-break-before: always; }
section.first { break-before: auto; page-break-before: auto; margin-top: 5mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.8mm 4mm; margin: 2mm 0; }
dt { font-weight: bold; }
dd { margin: 0; }
ol.path { padding-left: 6mm; margin: 0; }
ol.path > li { margin: 0 0 2.5mm 0; break-inside: avoid; }
.q { font-weight: bold; margin: 0; }
.chosen { margin: 0.5mm 0 0 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 0 0; }
td, th { text-align: left; vertical-align: top; padding: 0.6mm 2mm 0.6mm 0;
         border-bottom: 0.2mm solid #d5d8e0; }
th { font-size: 9pt; color: #4a4f60; }
td.n { text-align: right; white-space: nowrap; width: 12mm; }
td.bar { width: 35mm; }
.bar span { display: block; height: 3mm; background: #9cc3e6; border-radius: 1mm; }
tr.picked td { font-weight: bold; }
.card { break-inside: avoid; margin: 0 0 3mm 0; }
.card p { margin: 0.3mm 0; }
.small { font-size: 8.5pt; color: #4a4f60; }
@media screen { body { padding: 8mm 4mm; } section { border-top: 0.4mm solid #ccd; padding-top: 6mm;
                margin-top: 8mm; } }
"""


def character_name(words: Words, scenario: Scenario, cid: str) -> str:
    character = scenario.characters.get(cid)
    return words.text(scenario, character.name) if character else cid


def told_line(words: Words, scenario: Scenario, p: Progress) -> str:
    _ = words._
    out = []
    for who, listens in dict.fromkeys(p.told):
        name = character_name(words, scenario, who)
        out.append(name if listens else _("{name} (did not listen)").format(name=name))
    return ", ".join(out) if out else _("nobody yet")


def helped_line(words: Words, directory: Directory, session: Session, p: Progress) -> str:
    cards = []
    for need in p.helped:
        card = directory.card(need, session.region, session.language)
        if card is not None and card not in cards:
            cards.append(card)
    found = [card.text("name", session.language) for card in cards]
    if p.found_max and not found:
        return words._("a Max who listened")
    return ", ".join(found) if found else words._("not yet")


def character_section(
    words: Words, directory: Directory, session: Session, p: Progress, scenario: Scenario | None
) -> str:
    from max247.ui.widgets import mood_word

    _ = words._
    if scenario is None:  # the story is no longer in the library: say what is known
        return el("h2", p.scenario) + el("p", _("This story is no longer in the library."))
    name = character_name(words, scenario, scenario.character)
    parts = [f"<h2>{esc(name)} — {esc(words.text(scenario, scenario.title))}</h2>"]
    if scenario.problem:
        parts.append(f'<p class="note">{esc(words.text(scenario, scenario.problem))}</p>')
    ending = next(
        (e for e in scenario.endings() if p.ending and p.ending in (e.id, e.title.source)), None
    )
    if p.ended:
        end = words.text(scenario, ending.title) if ending else _("The story stops here")
    else:
        end = _("not finished yet")
    mood = f"{p.mood}/4 · {mood_word(words, p.mood)}"
    parts.append(
        "<dl>"
        + el("dt", _("How the story ended"))
        + el("dd", end)
        + el("dt", _("How {name} feels").format(name=name))
        + el("dd", mood)
        + el("dt", _("Whom {name} told").format(name=name))
        + el("dd", told_line(words, scenario, p))
        + el("dt", _("Help found"))
        + el("dd", helped_line(words, directory, session, p))
        + "</dl>"
    )
    path = steps(scenario, p)
    parts.append(el("h3", _("The path the class took")))
    if not path:
        parts.append(el("p", _("No decisions yet."), "note"))
    else:
        items = []
        for step in path:
            chosen = _("The class chose: {option}").format(
                option=words.text(scenario, step.chosen.text)
            )
            item = (
                f'<li><p class="q">{esc(words.text(scenario, step.choice.prompt))}</p>'
                f'<p class="chosen">{esc(chosen)}</p>'
            )
            total = sum(step.votes.values())
            if total:
                rows = []
                for option in step.offered:
                    n = step.votes.get(option.key, 0)
                    width = round(100 * n / total)
                    rows.append(
                        f'<tr class="{"picked" if option is step.chosen else ""}">'
                        f"<td>{esc(words.text(scenario, option.text))}</td>"
                        f'<td class="n">{n}</td>'
                        f'<td class="bar"><span style="width: {width}%"></span></td></tr>'
                    )
                item += (
                    "<table><tr>"
                    + el("th", _("Option"))
                    + el("th", _("Votes"))
                    + f"<th></th></tr>{''.join(rows)}</table>"
                )
            items.append(item + "</li>")
        parts.append(f'<ol class="path">{"".join(items)}</ol>')
        if not any(step.votes for step in path):
            parts.append(el("p", _("No votes were counted: the class chose together."), "small"))
    if scenario.discussion:
        parts.append(el("h3", _("Questions for the class")))
        parts.append(
            "<ul>"
            + "".join(f"<li>{esc(words.text(scenario, q))}</li>" for q in scenario.discussion)
            + "</ul>"
        )
    return "\n".join(parts)


def help_section(words: Words, directory: Directory, region_words: str, session: Session) -> str:
    _ = words._
    lang = session.language
    cards = []
    for need in (*CHILD_NEEDS, "remove-image", "adult-advice"):
        for card in directory.cards_for(need, session.region, lang)[:1]:
            if card not in cards:
                cards.append(card)
    out = [el("h2", _("Help in {region}").format(region=region_words))]
    for card in cards:
        hours = card.text("hours", lang)
        checked = _("Checked on {date} at {source}").format(
            date=long_date(card.checked, lang), source=card.source
        )
        out.append(
            '<div class="card">'
            f"<p><b>{esc(card.text('name', lang))}</b> · {esc(reach(card))}"
            + (" — " + esc(_("for adults")) if card.for_teachers else "")
            + "</p>"
            f"<p>{esc(card.text('helps', lang))}</p>"
            + (f"<p>{esc(hours)}</p>" if hours else "")
            + f'<p class="small">{esc(checked)}</p>'
            "</div>"
        )
    return "\n".join(out)


def to_html(session: Session, library: Library, directory: Directory) -> str:
    from max247.ui.helpwords import region_name

    words = Words(session.language)
    _ = words._
    lang = session.language
    region_words = region_name(session.region, lang, _("another country"))
    try:
        day = long_date(dt.datetime.fromisoformat(session.created).date(), lang)
    except ValueError:
        day = ""
    n = len(session.characters)
    decisions = session.decisions()
    meta = " · ".join(
        x
        for x in (
            day,
            language_name(lang),
            region_words,
            words.ngettext("{n} character", "{n} characters", n).format(n=n),
            words.ngettext("{n} decision", "{n} decisions", decisions).format(n=decisions),
        )
        if x
    )
    title = _("Summary of the lesson “{name}”").format(name=session.name)
    privacy = _(
        "This summary shows the class’s choices and the number of votes only: nothing in it "
        "names or identifies a child."
    )
    head = (
        f'<header><h1>{esc(title)}</h1><p class="meta">{esc(meta)}</p>'
        f'<p class="privacy">{esc(privacy)}</p></header>'
    )
    sections = []
    for i, p in enumerate(session.characters):
        scenario = library.scenarios.get(p.scenario)
        cls = ' class="first"' if i == 0 else ""
        sections.append(
            f"<section{cls}>{character_section(words, directory, session, p, scenario)}</section>"
        )
    sections.append(f"<section>{help_section(words, directory, region_words, session)}</section>")
    return page(lang, title, CSS, head + "\n" + "\n".join(sections))


def to_csv(session: Session, library: Library) -> str:
    """One row per option offered at each decision: a spreadsheet sums the votes per option.

    Dutch and French spreadsheets in Belgium expect ';' between fields; English ones ','.
    """
    words = Words(session.language)
    _ = words._
    buf = io.StringIO()
    out = csv.writer(buf, delimiter="," if session.language == "en" else ";")
    out.writerow(
        [
            _("Character"),
            _("Decision"),
            _("Question"),
            _("Option"),
            _("Option key"),
            _("Chosen"),
            _("Votes"),
        ]
    )
    for p in session.characters:
        scenario = library.scenarios.get(p.scenario)
        if scenario is None:
            continue
        name = character_name(words, scenario, scenario.character)
        for number, step in enumerate(steps(scenario, p), 1):
            for option in step.offered:
                out.writerow(
                    [
                        name,
                        number,
                        words.text(scenario, step.choice.prompt),
                        words.text(scenario, option.text),
                        option.key,
                        _("yes") if option is step.chosen else "",
                        step.votes.get(option.key, "") if step.votes else "",
                    ]
                )
    return buf.getvalue()


def write(session: Session, library: Library, directory: Directory, html_path: Path) -> list[Path]:
    """Write the summary page and, beside it, the CSV of decisions; return both paths."""
    csv_path = html_path.with_suffix(".csv")
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(to_html(session, library, directory), encoding="utf-8")
    # with a byte order mark, so a spreadsheet opens the accents right
    csv_path.write_text(to_csv(session, library), encoding="utf-8-sig")
    return [html_path, csv_path]
