"""A sheet of Max cards, one for every child: eight to an A4 page, to cut out and take home.

Each card says "My Max is …" with room for two names, the three circles of help a line each, the
region's helplines for children with their hours, the date the help was checked, and "It is
never too late to tell someone". The card's size is fixed in millimetres, so what Chromium (or
a teacher's browser) prints is what was measured; the longest French and Dutch lines still fit.
"""

from __future__ import annotations

import math

from max247.helpdir import Card, Directory
from max247.printouts import Words, child_cards, el, esc, long_date, page, reach

PER_PAGE = 8
BORDER = "rgb(0, 110, 190)"  # the cut line: the page test finds each card by this colour

CSS = """
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Verdana", "Arial", sans-serif; color: #1d2233;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; height: 297mm; padding: 6mm 7mm; display: grid;
         grid-template-columns: repeat(2, minmax(0, 1fr));
         grid-template-rows: repeat(4, minmax(0, 1fr)); gap: 3mm 4mm;
         break-after: page; page-break-after: always; overflow: hidden; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.card { border: 0.7mm solid BORDER; border-radius: 3mm; padding: 2.2mm 3.2mm;
        line-height: 1.22; display: flex; flex-direction: column;
        background: #fffdf8; }
.card h2 { font-size: 12pt; margin: 0 0 0.2mm 0; color: #b3263e; line-height: 1.1; }
/* the lines to write on take what room the card has left, from 6.4 to 10 mm */
.write { border-bottom: 0.3mm dotted #555; flex: 1 0 6.4mm; max-height: 10mm; margin: 0 0 0.2mm 0; }
ol { list-style: none; margin: 1.2mm 0 1mm 0; padding: 0; }
ol li { margin: 0 0 0.3mm 0; padding-left: 4.2mm; position: relative; }
ol li::before { content: ""; position: absolute; left: 0; top: 0.7mm; width: 2.6mm;
                height: 2.6mm; border-radius: 50%; }
ol li.friends::before { background: #9cc3e6; }
ol li.max::before { background: #f2b8a0; }
ol li.help::before { background: #a7d9a0; }
ul { list-style: none; margin: 0; padding: 0; }
ul { font-size: 0.92em; }
ul li { margin: 0 0 0.3mm 0; }
.service { font-weight: bold; }
.hours { color: #4a4f60; }
.foot { margin-top: auto; }
.never { font-weight: bold; color: #b3263e; font-size: 9pt; margin: 0.4mm 0 0 0; }
.checked { color: #4a4f60; font-size: 6.8pt; text-align: right; margin: 0; }
@media screen {
  body { background: #ddd; }
  .sheet { background: white; margin: 5mm auto; box-shadow: 0 0 2mm #999; }
}
""".replace("BORDER", BORDER)


def card_size(length: int) -> float:
    """The card's type size: as large as its room allows with this many characters of helplines
    (three short ones, as in Belgium, read larger than four with long hours, as in the UK)."""
    for size, most in ((8.8, 220), (8.0, 280), (7.5, 380)):
        if length <= most:
            return size
    return 7.3


def card_html(words: Words, cards: list[Card]) -> str:
    _ = words._
    lang = words.language
    circles = (
        ("friends", _("Friends: listen, stay with them, go along to an adult")),
        ("max", _("Your Max: an adult you trust 100%, chosen by you")),
        ("help", _("Help lines: free, and they know what to do")),
    )
    lines, length = [], 0
    for card in cards:
        name = card.text("name", lang)
        how = reach(card)
        head = esc(name) + (f" · {esc(how)}" if how and how not in name else "")
        hours = card.text("hours", lang)
        length += len(head) + len(hours) + 12  # a line's end is lost room too
        lines.append(
            f'<li><span class="service">{head}</span>'
            + (f' <span class="hours">— {esc(hours)}</span>' if hours else "")
            + "</li>"
        )
    checked = max((c.checked for c in cards), default=None)
    checked_line = (
        _("Help checked on {date}").format(date=long_date(checked, lang)) if checked else ""
    )
    return (
        f'<section class="card" style="font-size: {card_size(length)}pt">\n'
        + el("h2", _("My Max is …"))
        + "\n"
        '<div class="write"></div><div class="write"></div>\n'
        "<ol>" + "".join(f'<li class="{k}">{esc(t)}</li>' for k, t in circles) + "</ol>\n"
        f"<ul>{''.join(lines)}</ul>\n"
        + '<div class="foot">'
        + el("p", _("It is never too late to tell someone."), "never")
        + el("p", checked_line, "checked")
        + "</div>\n"
        "</section>"
    )


def sheet(directory: Directory, language: str, region: str, children: int = PER_PAGE) -> str:
    """The card sheet as one HTML page: enough A4 pages for `children` cards, eight a page."""
    words = Words(language)
    card = card_html(words, child_cards(directory, region, language))
    pages = max(1, math.ceil(children / PER_PAGE))
    body = "\n".join(
        '<main class="sheet">\n' + "\n".join([card] * PER_PAGE) + "\n</main>"
        for _page in range(pages)
    )
    return page(language, words._("Max cards"), CSS, body)
