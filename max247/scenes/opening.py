"""Opening a story without a terminal: the game's own file browser, and the findings screen.

The browser works with keys, the four clicker keys (PageDown/PageUp move the ring, F5 opens)
and clicks or taps on a whiteboard; native file dialogs beside SDL are fragile (on macOS above
all), so the game draws its own. The findings screen shows what the validator found, in the
teacher's language, errors first: each with its line, the line's text as written, a marker under
the spot and the fix. A story without errors joins the teacher's stories at once; the screen
checks the file again whenever it is saved, so the teacher can keep it open beside the editor.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pygame
from platformdirs import user_documents_dir

from max247.i18n import language_name
from max247.opening import Checked, check, source_line
from max247.scenes.base import Item, Menu
from max247.story.findings import Finding, ScenarioError, render_text
from max247.ui import draw
from max247.ui import theme as th
from max247.ui.text import ellipsize, wrap

MAX_ENTRIES = 500  # a folder with more shows the first ones: a story folder has a few
WATCH_SECONDS = 1.0
TRANSLATIONS = ("W701", "W702", "W703")  # folded: one line per language, never one per text


def start_folder(remembered: str | None) -> Path:
    """Where the browser opens: the folder used last, else Documents, else home."""
    for candidate in (remembered, user_documents_dir(), str(Path.home())):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.cwd()


def entries(folder: Path) -> list[Path]:
    """Sub-folders, then story files (.yaml, test plans left out); hidden ones left out."""
    try:
        names = sorted(os.listdir(folder), key=str.casefold)
    except OSError:
        return []
    folders, files = [], []
    for name in names[: MAX_ENTRIES * 4]:
        if name.startswith("."):
            continue
        path = folder / name
        try:
            if path.is_dir():
                folders.append(path)
            elif name.endswith((".yaml", ".yml")) and not name.endswith(".plan.yaml"):
                files.append(path)
        except OSError:
            continue
    return (folders + files)[:MAX_ENTRIES]


@dataclass(frozen=True)
class Card:
    """One finding as the findings screen shows it, in the teacher's language."""

    heading: str  # error or to look at, the file, the line, the code
    message: str
    line: str | None  # the line of the file as written
    col: int  # where on it the marker goes (0: no marker)
    fix: str
    error: bool


class ListScene(Menu):
    """A title, a scrolling list of rows in the middle, buttons on one line at the bottom."""

    footer = 2

    def __init__(self, app) -> None:
        super().__init__(app)
        self.first = 0
        self.follow = True

    def rows(self) -> list[Item]:
        return self.items[: len(self.items) - self.footer]

    def wheel(self, dy: int) -> bool:
        self.first = max(0, self.first - dy)
        self.follow = False
        self.app.dirty = True
        return True

    def handle(self, action) -> None:
        self.follow = True
        super().handle(action)

    def draw_footer(self, c, bottom: int, snug: bool = False) -> int:
        """The buttons ending at `bottom`: on one row, else two by two, else stacked, as far
        as every label fits its button; returns the top of the first row."""
        t = self.app.theme
        gap = t.u(1)
        h = round(t.body * 2.2)
        if snug:  # the list is short of room: the buttons give up their spare height
            h = c.line_height(t.body, "bold") + t.u(1)
        n = self.footer
        foot = self.items[len(self.items) - n :]
        for cols in dict.fromkeys((n, 3, 2, 1)):
            if cols > n:
                continue
            w = (t.width - 2 * t.margin - (cols - 1) * gap) // cols
            widest = max(self.app.fonts.width(i.label(), t.min_body, "bold") for i in foot)
            if widest <= w - 2 * t.u(2):
                break
        rows = -(-n // cols)
        top = bottom - rows * (h + gap) + gap
        for k, item in enumerate(foot):
            row, col = divmod(k, cols)
            r = pygame.Rect(t.margin + col * (w + gap), top + row * (h + gap), w, h)
            item.rect = r
            c.button(item.label(), r, self.index == len(self.items) - n + k, item.primary)
        return top

    def more_cue(self, first: int, last: int, total: int) -> str:
        """The cue that the list goes on, `first` counted from 0."""
        return self.app._("{first}-{last} of {total}: scroll or move for more").format(
            first=first + 1, last=last, total=total
        )

    def visible_rows(self, heights: list[int], room: int) -> range:
        """Which rows fit in `room` pixels, scrolled so that the ringed one is among them."""
        gap = self.app.theme.u(1)
        n = len(heights)

        def fits(first: int) -> int:
            used, last = 0, first
            while last < n and used + heights[last] <= room:
                used += heights[last] + gap
                last += 1
            return max(last, first + 1) if first < n else first

        k = self.index
        self.first = max(0, min(self.first, n - 1)) if n else 0
        if self.follow and 0 <= k < n:
            if k < self.first:
                self.first = k
            while fits(self.first) <= k:
                self.first += 1
        return range(self.first, min(n, fits(self.first)))


class OpenScene(ListScene):
    """Open a story: folders and story files, one row each; F5 or a click opens."""

    screen = "open"
    footer = 3

    def __init__(self, app, folder: str | None = None) -> None:
        super().__init__(app)
        self.folder = start_folder(folder or app.mine.folder)
        self.build()

    def build(self) -> None:
        _ = self.app._
        self.paths = entries(self.folder)
        self.items = [
            Item(lambda p=p: p.name, lambda p=p: self.open(p)) for p in self.paths
        ]  # the rows
        self.items += [
            Item(lambda: _("Up one folder"), self.up),
            Item(lambda: _("Check this folder"), lambda: self.open(self.folder)),
            Item(lambda: _("Back"), self.back),
        ]
        self.index = 0 if self.paths else len(self.items) - self.footer
        self.first = 0

    def open(self, path: Path) -> None:
        if path.is_dir() and path != self.folder:
            self.folder = path
            self.build()
            return
        self.app.mine.folder = str(self.folder)
        self.app.push("findings", path=path)

    def up(self) -> None:
        if self.folder.parent != self.folder:
            came_from = self.folder
            self.folder = self.folder.parent
            self.build()
            if came_from in self.paths:  # the ring stays on the folder we came out of
                self.index = self.paths.index(came_from)

    def back(self) -> None:
        self.app.pop()

    def trace_line(self) -> str:
        return f"OpenScene\t{self.folder}\t{super().trace_line().split(chr(9))[-1]}"

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.title + t.u(1))
        c.text(_("Open a story"), head, th.INK, size=t.title, style="bold")
        where = ellipsize(self.app.fonts, str(self.folder), head.w, t.small)
        c.text(
            where,
            pygame.Rect(t.margin, head.bottom, head.w, c.line_height(t.small)),
            th.INK_SOFT,
            size=t.small,
            min_size=t.small,
        )
        hint = _("Or drop a story file or folder on this window.")
        # the hint under the buttons, the buttons over it, however many lines it takes
        hint_h = self.cue(c, hint, t.height - t.u(0.5), align="center")
        bottom = min(t.height - t.u(5), t.height - t.u(1.5) - hint_h)
        foot = self.draw_footer(c, bottom)
        top = head.bottom + c.line_height(t.small) + t.u(1.5)
        row_h = round(t.body * 1.9)
        rows = self.rows()
        for item in rows:
            item.rect = None
        shown = self.visible_rows([row_h] * len(rows), foot - t.u(1) - top)
        if len(shown) < len(rows):  # room for "1-4 of 9" over the buttons
            cue_h = self.cue_height(c, self.more_cue(0, 1, len(rows)))
            shown = self.visible_rows([row_h] * len(rows), foot - t.u(1) - top - cue_h)
        y = top
        for i in shown:
            r = pygame.Rect(t.margin, y, t.width - 2 * t.margin, row_h)
            rows[i].rect = r
            path = self.paths[i]
            folder = path.is_dir()
            draw.panel(surface, r, th.WHITE if folder else th.ACCENT_SOFT, t.radius)
            if i == self.index:
                c.highlight(r)
            icon = pygame.Rect(r.x + t.u(1.5), r.centery - t.u(1.6), t.u(4), t.u(3.2))
            if folder:  # a folder's tab and body; a file is a page with a folded corner
                pygame.draw.rect(surface, th.WARM, icon, border_radius=t.u(0.5))
                pygame.draw.rect(surface, th.WARM, (icon.x, icon.y - t.u(0.6), t.u(1.8), t.u(1)))
            else:  # a page with its corner folded, and lines of writing
                x0, y0 = icon.x + t.u(0.6), icon.y - t.u(0.6)
                x1, y1 = icon.right - t.u(0.6), icon.bottom + t.u(0.6)
                fold = t.u(1.2)
                outline = [(x0, y0), (x1 - fold, y0), (x1, y0 + fold), (x1, y1), (x0, y1)]
                pygame.draw.polygon(surface, th.WHITE, outline)
                pygame.draw.polygon(surface, th.ACCENT, outline, max(1, t.u(0.3)))
                for k in (1, 2, 3):
                    ly = y0 + fold + k * (y1 - y0 - fold) // 4
                    pygame.draw.line(surface, th.ACCENT, (x0 + t.u(0.6), ly), (x1 - t.u(0.6), ly))
            x = icon.right + t.u(2)
            name = ellipsize(self.app.fonts, path.name, r.right - x - t.u(1.5), t.body, "bold")
            c.text(
                name,
                pygame.Rect(x, r.y, r.right - x - t.u(1.5), r.h),
                th.INK,
                style="bold",
                valign="center",
            )
            y += row_h + t.u(1)
        if not rows:
            c.text(
                _("No stories or folders here."),
                pygame.Rect(t.margin, top, head.w, t.body * 2),
                th.INK_SOFT,
            )
        elif len(shown) < len(rows):
            self.cue(c, self.more_cue(shown.start, shown.stop, len(rows)), foot - t.u(0.2))


class FindingsScene(ListScene):
    """What the validator found in an opened story, errors first, in the teacher's language."""

    screen = "findings"

    def __init__(self, app, path: Path | str) -> None:
        super().__init__(app)
        self.path = Path(path)
        self.checked: Checked | None = None
        self.cards: list[Card] = []
        self.stamps: dict[Path, float] = {}
        self.looked = 0.0
        self.added = False
        self.stamps_seen = False  # the ring was placed once: later checks leave it where it is

    def entered(self) -> None:
        if self.checked is None:
            self.recheck()

    def recheck(self) -> None:
        """Check the file (or folder) again, as it is saved now."""
        self.checked = check(self.path)
        self.stamps = self.times()
        self.cards = self.make_cards(self.checked)
        if self.checked.playable and not self.added:
            self.added = True
            self.app.add_story(self.path)
        elif self.checked.playable:
            self.app.add_story(self.path)  # the library reads the saved file again
        self.build()
        self.app.dirty = True

    def times(self) -> dict[Path, float]:
        out = {}
        files = [self.path] if self.path.is_file() else list(self.checked.library.findings)
        for f in files:
            try:
                out[f] = f.stat().st_mtime
            except OSError:
                out[f] = 0.0
        return out

    def make_cards(self, checked: Checked) -> list[Card]:
        """Each finding as (heading, message, line's text, column, fix), said in the teacher's
        language; missing translations folded into one card per language."""
        _ = self.app._
        cards = []
        missing: dict[str, int] = {}
        for f in checked.findings:
            if f.code in TRANSLATIONS and isinstance(f.message, str):
                lang = getattr(f.message, "params", {}).get("language")
                if isinstance(lang, str):
                    n = getattr(f.message, "params", {}).get("count", 1)
                    missing[lang] = missing.get(lang, 0) + (n if isinstance(n, int) else 1)
                    continue
            cards.append(self.card(f))
        for lang, n in sorted(missing.items()):
            cards.append(
                Card(
                    _("Translation: {language}").format(language=language_name(lang)),
                    self.app.ngettext(
                        "{n} text still to translate or to look at again.",
                        "{n} texts still to translate or to look at again.",
                        n,
                    ).format(n=n),
                    None,
                    0,
                    _("Choose “Translate…” below: it writes the files a translator fills in."),
                    False,
                ),
            )
        return cards

    def card(self, f: Finding) -> Card:
        _ = self.app._
        kind = _("Error") if f.is_error else _("To look at")
        name = Path(f.loc.file).name
        if f.loc.line:
            heading = _("{kind} · {file}, line {line} · {code}").format(
                kind=kind, file=name, line=f.loc.line, code=f.code
            )
        else:
            heading = _("{kind} · {file} · {code}").format(kind=kind, file=name, code=f.code)
        message = render_text(f.message, self.app.interface)
        message = message[:1].upper() + message[1:]
        fix = render_text(f.hint, self.app.interface) if f.hint else ""
        return Card(heading, message, source_line(f), f.loc.col, fix, f.is_error)

    def build(self) -> None:
        _ = self.app._
        checked = self.checked
        keep = self.index
        self.items = [Item(lambda: "", lambda: None) for _card in self.cards]
        footer: list[Item] = []
        if checked is not None and checked.playable:
            footer.append(Item(lambda: _("Play it now"), self.play, primary=True))
            footer.append(Item(lambda: _("Translate…"), self.translate))
            footer.append(Item(self.checklist_label, self.checklist))
        footer.append(Item(lambda: _("Check again"), self.recheck))
        footer.append(Item(lambda: _("Back"), self.back))
        self.footer = len(footer)
        self.items += footer
        if self.checked is not None and not self.stamps_seen:
            # first look: the first error, or "Play it now" when nothing stops the story
            self.stamps_seen = True
            keep = len(self.cards) if self.checked.playable else 0
        self.index = min(keep, len(self.items) - 1)

    def play(self) -> None:
        assert self.checked is not None
        first = next(iter(self.checked.library.scenarios.values()))
        self.app.play_file(first.path)

    def translate(self) -> None:
        assert self.checked is not None
        first = next(iter(self.checked.library.scenarios.values()))
        self.app.push("translate", path=first.path)

    def checklist_label(self) -> str:
        _ = self.app._
        if self.app.mine.reviewed(self.path):
            return _("Content checklist: ticked")
        return _("Content checklist")

    def checklist(self) -> None:
        self.app.push("checklist", path=self.path)

    def back(self) -> None:
        self.app.pop()

    def ticking(self) -> bool:
        return True  # look at the file's time now and then: the teacher saves beside the game

    def update(self, now: float) -> bool:
        if now - self.looked >= WATCH_SECONDS and self.checked is not None:
            self.looked = now
            if self.times() != self.stamps:
                self.recheck()
        return False

    def summary(self) -> str:
        assert self.checked is not None
        _ = self.app._
        errors = len(self.checked.errors)
        warnings = len(self.cards) - errors
        if not self.checked.library.findings:
            return _("No story file here: a story is a .yaml file.")
        if errors:
            return self.app.ngettext(
                "{n} error to fix before the story can be played",
                "{n} errors to fix before the story can be played",
                errors,
            ).format(n=errors) + (
                " · " + _("{n} to look at").format(n=warnings) if warnings else ""
            )
        said = _("No errors: the story is in your stories and can be played.")
        if warnings:
            said += " " + _("{n} to look at").format(n=warnings)
        return said

    def trace_line(self) -> str:
        return f"FindingsScene\t{self.path.name}\t{self.summary()}"

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        c = self.canvas(surface)
        self.background(surface)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.title + t.u(1))
        name = ellipsize(self.app.fonts, self.path.name, head.w, t.title, "bold")
        c.text(name, head, th.INK, size=t.title, style="bold")
        # as many lines as the summary takes (one, mostly): the cards need the room
        said = self.summary()
        lines = max(1, min(2, len(wrap(self.app.fonts, said, head.w, t.small, "bold"))))
        summary = pygame.Rect(t.margin, head.bottom, head.w, c.line_height(t.small, "bold") * lines)
        bad = self.checked is not None and self.checked.errors
        c.text(said, summary, th.INK if bad else th.ACCENT, size=t.small, style="bold")
        bottom = t.height - t.u(2)
        top = summary.bottom + t.u(1)
        width = t.width - 2 * t.margin
        heights = [self.card_height(c, card, width) for card in self.cards]
        cue_h = self.cue_height(c, self.more_cue(0, 1, len(heights))) if len(heights) > 1 else 0
        snug = top + max(heights, default=0) + cue_h + t.u(2) > bottom - round(t.body * 2.2)
        foot = self.draw_footer(c, bottom, snug)
        rows = self.rows()
        for item in rows:
            item.rect = None
        shown = self.visible_rows(heights, foot - t.u(1.5) - top)
        if len(shown) < len(rows):  # room for "1-1 of 2" over the buttons
            cue_h = self.cue_height(c, self.more_cue(0, 1, len(rows)))
            shown = self.visible_rows(heights, foot - t.u(1.5) - top - cue_h)
        y = top
        for i in shown:
            r = pygame.Rect(t.margin, y, width, heights[i])
            rows[i].rect = r
            self.draw_card(c, surface, r, self.cards[i], self.index == i)
            y += heights[i] + t.u(1)
        if len(shown) < len(rows):
            self.cue(c, self.more_cue(shown.start, shown.stop, len(rows)), foot - t.u(0.2))

    def card_height(self, c, card: Card, width: int) -> int:
        t = self.app.theme
        inner = width - 2 * t.u(2)
        h = t.u(2) + c.block_height(card.heading, inner, t.small, "bold")
        h += c.block_height(card.message, inner, t.small)
        if card.line is not None:
            h += c.line_height(t.small) + t.u(2.2)
        if card.fix:
            h += c.block_height(card.fix, inner, t.small)
        return h + t.u(1)

    def draw_card(self, c, surface, r: pygame.Rect, card: Card, ringed: bool) -> None:
        t = self.app.theme
        edge = th.WARM if card.error else th.PAPER_DEEP
        draw.panel(surface, r, th.WHITE, t.radius, border=edge, border_width=max(2, t.u(0.4)))
        if ringed:
            c.highlight(r)
        x, w = r.x + t.u(2), r.w - 2 * t.u(2)
        y = r.y + t.u(1)
        # "Error · file, line 96 · ..." wraps where it must: it is never paged
        y += c.block(card.heading, x, y, w, th.INK_SOFT, size=t.small, style="bold")
        y += c.block(card.message, x, y, w, th.INK, size=t.small)
        if card.line is not None:
            y += self.draw_line(c, surface, x, y, w, card.line, card.col)
        if card.fix:
            c.block(card.fix, x, y, w, th.ACCENT, size=t.small)

    def draw_line(self, c, surface, x: int, y: int, w: int, line: str, col: int) -> int:
        """The line as written in the file, on a band, with a marker under the spot."""
        t = self.app.theme
        fonts = self.app.fonts
        # the indentation kept as no-break spaces, which a text box never strips: it matters in
        # YAML, and the marker must stay under its spot
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        text = "\u00a0" * indent + expanded[indent:]
        spot = len(line[: max(0, col - 1)].expandtabs(4))
        # a long line is shown from a little before the spot, so the marker stays on screen
        start = 0
        while start < spot and fonts.width(text[start:spot], t.small) > w * 0.6:
            start += 8
        cut = "…" if start else ""
        lead = fonts.width(cut + text[start:spot], t.small)
        h = c.line_height(t.small)
        band = pygame.Rect(x - t.u(0.8), y + t.u(0.3), w + t.u(1.6), h + t.u(1.8))
        pygame.draw.rect(surface, th.PAPER_DEEP, band, border_radius=t.u(0.6))
        shown = ellipsize(fonts, cut + text[start:], w, t.small)
        box = pygame.Rect(x, y + t.u(0.3), w, h)
        c.text(shown, box, th.INK, size=t.small, min_size=t.small)
        if col > 0:
            mx = x + min(lead, w - t.u(1)) + t.u(0.4)
            my = box.bottom + t.u(0.2)
            s = t.u(1)
            marker = [(mx, my - s), (mx + s, my + s), (mx - s, my + s)]
            pygame.draw.polygon(surface, th.WARM, marker)
        return h + t.u(2.2)


class TranslateScene(ListScene):
    """Translation without a terminal: the status per language, the catalogs written next to
    the story (for Poedit or Weblate), and a spreadsheet to export and import back."""

    screen = "translate"

    def __init__(self, app, path: Path | str) -> None:
        super().__init__(app)
        self.path = Path(path)
        self.said: list[str] = []  # what the last action did, or what an import left out
        self.build()

    def scenario(self):
        """The story, read (the library lists stories by summary, and reads one when asked)."""
        library = self.app.library
        here = self.path.resolve()
        found = next((i for i, s in library.summaries.items() if s.path.resolve() == here), None)
        return library.scenarios.get(found) if found is not None else None

    def locales(self) -> Path:
        s = self.scenario()
        found = self.app.library.locales_for(s) if s is not None else None
        return found or self.path.parent / "locales"

    def sheet(self, suffix: str) -> Path:
        return self.path.with_name(f"{self.path.stem}-translations{suffix}")

    def build(self) -> None:
        _ = self.app._
        self.items = [
            Item(lambda: _("Write the catalogs (Poedit, Weblate)"), self.catalogs),
            Item(lambda: _("Export a spreadsheet (.xlsx)"), lambda: self.export(".xlsx")),
            Item(lambda: _("Export a spreadsheet (.csv)"), lambda: self.export(".csv")),
            Item(lambda: _("Import the spreadsheet"), self.import_back),
            Item(lambda: _("Back"), self.back),
        ]
        self.footer = len(self.items)

    def catalogs(self) -> None:
        from max247.catalogs import update

        s = self.scenario()
        if s is None:
            return
        written = update(s, self.locales())
        self.said = [self.app._("Written:")] + [str(p) for p in written]
        self.app.add_story(self.path)  # the library reads the new catalogs

    def export(self, suffix: str) -> None:
        from max247.spreadsheet import export

        s = self.scenario()
        if s is None:
            return
        path = export(s, self.locales(), self.sheet(suffix))
        self.said = [
            self.app._("Written: {path}").format(path=path),
            self.app._("Fill in a column per language, save, then choose “Import”."),
        ]

    def import_back(self) -> None:
        from max247.spreadsheet import import_sheet

        s = self.scenario()
        sheets = [p for p in (self.sheet(".xlsx"), self.sheet(".csv")) if p.exists()]
        if s is None or not sheets:
            self.said = [
                self.app._("No spreadsheet to import: export one first, next to the story.")
            ]
            return
        newest = max(sheets, key=lambda p: p.stat().st_mtime)
        try:
            done = import_sheet(s, self.locales(), newest)
        except ScenarioError as exc:
            self.said = [f.render(self.app.interface) for f in exc.findings]
            return
        self.said = [
            self.app.ngettext(
                "{n} translation taken from {file}.",
                "{n} translations taken from {file}.",
                done.changed,
            ).format(n=done.changed, file=newest.name)
        ] + [f.render(self.app.interface) for f in done.findings]
        self.app.add_story(self.path)

    def back(self) -> None:
        self.app.pop()

    def status_lines(self) -> list[str]:
        from max247.catalogs import status
        from max247.i18n import language_name

        s = self.scenario()
        if s is None:
            return []
        out = []
        for st in status(s, self.locales()):
            total = st.translated + st.missing + st.stale + st.refused
            line = self.app._("{language}: {done} of {total} texts translated").format(
                language=language_name(st.language), done=st.translated, total=total
            )
            if st.stale:
                line += " · " + self.app._("{n} to look at again").format(n=st.stale)
            if st.refused:
                line += " · " + self.app._("{n} not shown").format(n=st.refused)
            out.append(line)
        return out

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.title + t.u(1))
        c.text(_("Translate"), head, th.INK, size=t.title, style="bold")
        s = self.scenario()
        title = self.app.text(s, s.title) if s is not None else self.path.name
        y = head.bottom
        y += c.block(title, t.margin, y, head.w, th.INK_SOFT, size=t.small)
        y += t.u(1)
        for line in self.status_lines():
            y += c.block(line, t.margin, y, head.w, th.INK, style="bold")
        y += t.u(1)
        # the buttons at the bottom, side by side where their labels fit, so they stay on
        # the screen at every text size; what the last action said goes between
        grid_top, rects = self.button_grid(t.height - t.u(5), y)
        self.draw_buttons(c, rects)
        for line in self.said:
            if y + c.block_height(line, head.w, t.small) > grid_top - t.u(1):
                break
            y += c.block(line, t.margin, y, head.w, th.ACCENT, size=t.small)


class ChecklistScene(ListScene):
    """The content checklist for a story the teacher added: every rule ticked, and the story is
    no longer marked "not reviewed" in the lesson's set-up."""

    screen = "checklist"
    footer = 2

    def __init__(self, app, path: Path | str) -> None:
        from max247.checklist import CHECKLIST

        super().__init__(app)
        self.path = Path(path)
        self.rules = [(section, rule) for section, rules in CHECKLIST for rule in rules]
        self.ticked: set[int] = set()
        self.done = app.mine.reviewed(self.path)
        if self.done:
            self.ticked = set(range(len(self.rules)))
        _ = app._
        self.items = [
            Item(lambda r=rule: render_text(r, app.interface), lambda k=k: self.tick(k))
            for k, (_section, rule) in enumerate(self.rules)
        ]
        self.items += [
            Item(lambda: _("Reviewed: every rule holds"), self.reviewed, primary=True),
            Item(lambda: _("Back"), self.back),
        ]

    def tick(self, k: int) -> None:
        self.ticked ^= {k}

    def reviewed(self) -> None:
        if len(self.ticked) < len(self.rules):
            self.index = next(k for k in range(len(self.rules)) if k not in self.ticked)
            self.follow = True
            return
        self.app.mine.review(self.path)
        self.done = True
        self.app.pop()

    def back(self) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.app.theme
        _ = self.app._
        c = self.canvas(surface)
        self.background(surface)
        head = pygame.Rect(t.margin, t.u(2), t.width - 2 * t.margin, t.title + t.u(1))
        c.text(_("Content checklist"), head, th.INK, size=t.title, style="bold")
        said = _("{done} of {total} ticked · {file}").format(
            done=len(self.ticked), total=len(self.rules), file=self.path.name
        )
        c.text(
            said,
            pygame.Rect(t.margin, head.bottom, head.w, c.line_height(t.small)),
            th.INK_SOFT,
            size=t.small,
            min_size=t.small,
        )
        foot = self.draw_footer(c, t.height - t.u(2))
        top = head.bottom + c.line_height(t.small) + t.u(1.5)
        inner = head.w - t.u(9)
        heights = []
        for k, (section, rule) in enumerate(self.rules):
            h = c.block_height(render_text(rule, self.app.interface), inner, t.small) + t.u(2)
            if k == 0 or self.rules[k - 1][0] is not section:
                h += c.line_height(t.small, "bold")
            heights.append(h)
        rows = self.rows()
        for item in rows:
            item.rect = None
        shown = self.visible_rows(heights, foot - t.u(1.5) - top)
        y = top
        for k in shown:
            section, rule = self.rules[k]
            if k == 0 or self.rules[k - 1][0] is not section:
                label = render_text(section, self.app.interface)
                c.text(
                    label,
                    pygame.Rect(t.margin, y, head.w, c.line_height(t.small, "bold")),
                    th.INK_SOFT,
                    size=t.small,
                    style="bold",
                    min_size=t.small,
                )
                y += c.line_height(t.small, "bold")
                h = heights[k] - c.line_height(t.small, "bold")
            else:
                h = heights[k]
            r = pygame.Rect(t.margin, y, head.w, h)
            rows[k].rect = r
            draw.panel(surface, r, th.ACCENT_SOFT if k in self.ticked else th.WHITE, t.radius)
            if k == self.index:
                c.highlight(r)
            box = pygame.Rect(r.x + t.u(1.5), r.y + t.u(1), t.u(4), t.u(4))
            pygame.draw.rect(surface, th.INK, box, max(2, t.u(0.4)), border_radius=t.u(0.8))
            if k in self.ticked:
                draw.check(surface, box.center, t.u(1.4), th.ACCENT)
            c.block(
                render_text(rule, self.app.interface),
                box.right + t.u(2),
                r.y + t.u(1),
                inner,
                th.INK,
                size=t.small,
            )
            y += h + t.u(1)
