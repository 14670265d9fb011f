"""Table cards: an A4 card per option number, for tables that vote by holding one up.

Each card is a landscape A4 page with the option's shape in its colour and the number big inside
it (the same number, shape and colour as on the projector: never colour alone, so a card printed
in black and white still says which option it is), the option's name in the lesson's language
and a line saying when to hold it up. A set is four cards; the sheet has a set for every table.
Nothing on a card names or marks a table: the projector shows counts only.
"""

from __future__ import annotations

from max247.printouts import Words, el, page
from max247.ui.theme import OPTION_COLOURS, OPTION_SHAPES

OPTIONS = 4

CSS = """
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Verdana", "Arial", sans-serif; color: #1d2233;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.card { width: 297mm; height: 210mm; padding: 10mm 14mm; overflow: hidden;
        display: flex; flex-direction: column; align-items: center; justify-content: center;
        break-after: page; page-break-after: always; }
.card:last-child { break-after: auto; page-break-after: auto; }
.frame { width: 100%; height: 100%; border-radius: 8mm; border-style: solid;
         border-width: 5mm; display: flex; flex-direction: column; align-items: center;
         justify-content: center; padding: 6mm; }
svg { width: 125mm; height: 125mm; }
.name { font-size: 44pt; font-weight: bold; margin: 3mm 0 0 0; }
.how { font-size: 15pt; margin: 2mm 0 0 0; color: #3b4052; text-align: center; }
@media screen {
  body { background: #ddd; }
  .card { background: white; margin: 5mm auto; box-shadow: 0 0 2mm #999; }
}
"""


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def shape_svg(kind: str, colour: str, number: int) -> str:
    """The option's shape with its number, as the game draws it (max247.ui.draw.shape)."""
    if kind == "circle":
        body = f'<circle cx="100" cy="100" r="96" fill="{colour}"/>'
        y = 100
    elif kind == "square":
        body = f'<rect x="12" y="12" width="176" height="176" rx="20" fill="{colour}"/>'
        y = 100
    elif kind == "triangle":
        body = f'<polygon points="100,4 196,176 4,176" fill="{colour}"/>'
        y = 122  # a triangle's middle is low
    else:
        body = f'<polygon points="100,2 198,100 100,198 2,100" fill="{colour}"/>'
        y = 100
    size = 92 if kind == "triangle" else 120
    return (
        '<svg viewBox="0 0 200 200" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{number}">{body}'
        f'<text x="100" y="{y}" text-anchor="middle" dominant-baseline="central" '
        f'font-size="{size}" font-weight="bold" fill="white" '
        f'font-family="DejaVu Sans, Verdana, Arial, sans-serif">{number}</text></svg>'
    )


def card_html(words: Words, index: int) -> str:
    _ = words._
    number = index + 1
    colour = hex_colour(OPTION_COLOURS[index])
    return (
        '<section class="card">'
        f'<div class="frame" style="border-color: {colour}">'
        + shape_svg(OPTION_SHAPES[index], colour, number)
        + el("p", _("Option {n}").format(n=number), "name")
        + el(
            "p",
            _("Hold this card up when your table chooses option {n}.").format(n=number),
            "how",
        )
        + "</div></section>"
    )


def sheet(language: str, tables: int = 1) -> str:
    """The cards as one HTML page: a set of four (options 1 to 4) for each of `tables`."""
    words = Words(language)
    cards = [card_html(words, i) for i in range(OPTIONS)]
    body = "\n".join(cards * max(1, tables))
    return page(language, words._("Table cards"), CSS, body)
