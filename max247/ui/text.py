"""Text: our own line breaking over the font's measurements, emoji from a fallback font, a cache.

Lines break at spaces and soft hyphens, never at non-breaking spaces (French puts one before
? ! : ; and inside quotes) nor between two digits (a phone number stays whole), and a word is
split mid-way only when it alone is wider than the box.
Text that does not fit shrinks, but never below the minimum size: then it is paged, never cut.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame.freetype

from max247.reflow import reflow  # noqa: F401  (the screens' teacher notes)
from max247.ui.glyphs import ATTACHED, EMOJI, FACES, FONTS, SHY
from max247.ui.theme import Colour

# The reading font of the accessibility menu (for dyslexia and low vision): Atkinson
# Hyperlegible, drawn with extra space between letters and lines. What it lacks (arrows, the
# tick) comes from Andika, so no glyph is lost.
READING_FACES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
    "italic": "AtkinsonHyperlegible-Italic.ttf",
}
TRACKING = 0.06  # extra space after each letter, as a fraction of the size (about 0.12 em)
LEADING = 1.3  # line height, as a multiple of the font's own
# the font files and the characters that ride on an emoji: one list, shared with the validator
_ATTACHED = ATTACHED
BREAKABLE_SPACES = " \t\u2002\u2003\u2009"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # a tab is a space here


@dataclass(frozen=True)
class Run:
    text: str
    emoji: bool
    fallback: bool = False  # drawn in Andika: the reading font has no such glyph


class Fonts:
    """The shipped fonts at every size asked for, and a cache of rendered lines."""

    def __init__(
        self,
        folder: Path = FONTS,
        cache_size: int = 600,
        reading: bool = False,
        cache_bytes: int = 48 * 2**20,
        font_count: int = 64,
    ) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self.folder = folder
        self.reading = reading  # the reading font, spaced out (see READING_FACES)
        self.faces = READING_FACES if reading else FACES
        self.tracking = TRACKING if reading else 0.0
        self.leading = LEADING if reading else 1.0
        # Both caches are bounded: a line at 200% on a 4K board is megabytes, and every text that
        # shrinks to fit opens the font at a few more sizes. Rendered lines are capped by their
        # pixels' bytes (a count alone let a long lesson at 4K grow by megabytes a minute), the
        # open fonts by count, the least recently used going first.
        self._fonts: OrderedDict[tuple[str, int, bool], pygame.font.Font] = OrderedDict()
        self._font_count = font_count
        self._cache_bytes = cache_bytes
        self._render_bytes = 0
        self._emoji: pygame.font.Font | None = None
        self._renders: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()  # see wrap()
        self._cache_size = cache_size
        self._has: dict[str, bool] = {}
        self._coverage: dict[str, pygame.freetype.Font] = {}

    def get(self, size: int, style: str = "regular", fallback: bool = False) -> pygame.font.Font:
        faces = FACES if fallback else self.faces
        key = (style, size, faces is FACES)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(self.folder / faces[style], size)
            self._fonts[key] = font
            if len(self._fonts) > self._font_count:
                self._fonts.popitem(last=False)
        else:
            self._fonts.move_to_end(key)
        return font

    @property
    def emoji(self) -> pygame.font.Font:
        if self._emoji is None:
            # a bitmap font: SDL_ttf draws it at its one size, we scale it to the line
            self._emoji = pygame.font.Font(self.folder / EMOJI, 109)
        return self._emoji

    def _covers(self, file: str, ch: str) -> bool:
        # SDL_ttf measures a missing glyph as its empty box; FreeType says None, so ask it
        font = self._coverage.get(file)
        if font is None:
            if not pygame.freetype.get_init():
                pygame.freetype.init()
            # a bitmap emoji font has one size only, which FreeType must be asked for
            font = pygame.freetype.Font(self.folder / file, 109 if file == EMOJI else 24)
            self._coverage[file] = font
        metrics = font.get_metrics(ch)
        return bool(metrics) and metrics[0] is not None

    def main_has(self, ch: str) -> bool:
        """Whether Andika, the game's font, has this glyph (the validator asks)."""
        has = self._has.get(ch)
        if has is None:
            has = self._covers(FACES["regular"], ch)
            self._has[ch] = has
        return has

    def face_has(self, ch: str) -> bool:
        """Whether the font in use has this glyph (the reading font lacks a few of Andika's)."""
        if not self.reading:
            return self.main_has(ch)
        key = "reading:" + ch
        has = self._has.get(key)
        if has is None:
            has = self._covers(READING_FACES["regular"], ch)
            self._has[key] = has
        return has

    def emoji_has(self, ch: str) -> bool:
        return self._covers(EMOJI, ch)

    def missing(self, text: str) -> set[str]:
        """Characters no shipped font can draw (the validator reports them)."""
        return {
            ch
            for ch in set(text)
            if ch not in _ATTACHED
            and ch not in "\n\t" + SHY
            and not self.main_has(ch)
            and not self.emoji_has(ch)
        }

    # --- runs and measuring ---------------------------------------------------------------

    def runs(self, text: str) -> list[Run]:
        out: list[Run] = []
        # the readers refuse control characters (E010, W705); should one still come through,
        # it is left out here rather than stop the screen (SDL refuses a NUL outright)
        for ch in _CONTROL.sub("", text):
            if ch in _ATTACHED and out:
                emoji, fallback = out[-1].emoji, out[-1].fallback
            else:
                own = self.face_has(ch)
                fallback = not own and self.reading and self.main_has(ch)
                emoji = not own and not fallback
            if out and out[-1].emoji == emoji and out[-1].fallback == fallback:
                out[-1] = Run(out[-1].text + ch, emoji, fallback)
            else:
                out.append(Run(ch, emoji, fallback))
        return out

    def _spacing(self, size: int) -> int:
        return round(self.tracking * size)

    def _run_width(self, run: Run, size: int, style: str) -> int:
        font = self.get(size, style, run.fallback)
        if not self.tracking:
            return font.size(run.text)[0]
        # letter by letter, as `render` draws it with the space between
        return sum(font.size(ch)[0] for ch in run.text) + self._spacing(size) * len(run.text)

    def _render_run(self, run: Run, size: int, colour: Colour, style: str) -> pygame.Surface:
        font = self.get(size, style, run.fallback)
        if not self.tracking:
            return font.render(run.text, True, colour)
        gap = self._spacing(size)
        glyphs = [font.render(ch, True, colour) for ch in run.text]
        surf = pygame.Surface(
            (max(1, self._run_width(run, size, style)), font.get_height()), pygame.SRCALPHA
        )
        x = 0
        for ch, img in zip(run.text, glyphs, strict=True):
            surf.blit(img, (x, 0))
            x += font.size(ch)[0] + gap
        return surf

    def width(self, text: str, size: int, style: str = "regular") -> int:
        font = self.get(size, style)
        total = 0
        for run in self.runs(text):
            if run.emoji:
                w, h = self.emoji.size(run.text)
                total += round(w * font.get_height() / max(1, h))
            else:
                total += self._run_width(run, size, style)
        return total

    def line_height(self, size: int, style: str = "regular") -> int:
        return round(self.get(size, style).get_linesize() * self.leading)

    # --- rendering ------------------------------------------------------------------------

    def render(
        self, text: str, size: int, colour: Colour, style: str = "regular"
    ) -> pygame.Surface:
        key = (text, size, colour, style)
        surf = self._renders.get(key)
        if surf is not None:
            self._renders.move_to_end(key)
            return surf
        font = self.get(size, style)
        height = font.get_height()
        parts = []
        for run in self.runs(text):
            if run.emoji:
                raw = self.emoji.render(run.text, True, colour)
                w = max(1, round(raw.get_width() * height / max(1, raw.get_height())))
                parts.append(pygame.transform.smoothscale(raw, (w, height)))
            else:
                parts.append(self._render_run(run, size, colour, style))
        width = sum(p.get_width() for p in parts)
        surf = pygame.Surface((max(1, width), height), pygame.SRCALPHA)
        x = 0
        for p in parts:
            surf.blit(p, (x, (height - p.get_height()) // 2))
            x += p.get_width()
        self._renders[key] = surf
        self._render_bytes += _bytes(surf)
        while len(self._renders) > 1 and (
            len(self._renders) > self._cache_size or self._render_bytes > self._cache_bytes
        ):
            self._render_bytes -= _bytes(self._renders.popitem(last=False)[1])
        return surf


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


# --- line breaking ----------------------------------------------------------------------------


def wrap(fonts: Fonts, text: str, width: int, size: int, style: str = "regular") -> list[str]:
    """Break text into lines no wider than `width` (except a lone glyph wider than the box).

    Measured once per text, box and size, and kept: a screen is drawn again and again, and a
    long text costs one measure per word, so it must not be measured every frame."""
    width = max(1, width)  # a box squeezed to nothing still gets one glyph per line
    key = (text, width, size, style)
    cached = fonts._wraps.get(key)
    if cached is not None:
        fonts._wraps.move_to_end(key)
        return list(cached)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap_paragraph(fonts, paragraph, width, size, style)
    fonts._wraps[key] = lines
    if len(fonts._wraps) > fonts._cache_size:
        fonts._wraps.popitem(last=False)
    return list(lines)


def _words(paragraph: str) -> list[str]:
    words, current = [], ""
    for i, ch in enumerate(paragraph):
        # a space between two digits never breaks: a phone number ("0800 32 123", "116 000")
        # stays on one line, so a child can read it off the screen whole
        between_digits = 0 < i < len(paragraph) - 1 and (
            paragraph[i - 1].isdigit() and paragraph[i + 1].isdigit()
        )
        if ch in BREAKABLE_SPACES and not between_digits:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


def _wrap_paragraph(fonts: Fonts, paragraph: str, width: int, size: int, style: str) -> list[str]:
    def w(s: str) -> int:
        return fonts.width(s, size, style)

    lines: list[str] = []
    line = ""
    for word in _words(paragraph):
        candidate = f"{line} {word}" if line else word
        if w(candidate.replace(SHY, "")) <= width:
            line = candidate
            continue
        # try breaking the word at a soft hyphen, keeping as much as fits on this line
        if SHY in word:
            pieces = word.split(SHY)
            for k in range(len(pieces) - 1, 0, -1):
                head = "".join(pieces[:k]) + "-"
                trial = f"{line} {head}" if line else head
                if w(trial) <= width:
                    lines.append(trial)
                    line = ""
                    word = SHY.join(pieces[k:])
                    break
        if line:
            lines.append(line.replace(SHY, ""))
            line = ""
        # a word wider than the whole box alone is the only one split mid-way
        while word and w(word.replace(SHY, "")) > width:
            if SHY in word:
                pieces = word.split(SHY)
                fitted = next(
                    (
                        k
                        for k in range(len(pieces) - 1, 0, -1)
                        if w("".join(pieces[:k]) + "-") <= width
                    ),
                    None,
                )
                if fitted:
                    lines.append("".join(pieces[:fitted]) + "-")
                    word = SHY.join(pieces[fitted:])
                    continue
            plain = word.replace(SHY, "")
            cut = max(1, _fit_prefix(plain, width, w))
            lines.append(plain[:cut])
            word = plain[cut:]
        line = word
    if line or not lines:
        lines.append(line.replace(SHY, ""))
    return lines


def _fit_prefix(word: str, width: int, w) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if w(word[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


@dataclass(frozen=True)
class Fitted:
    """Text laid out in a box: its size, and its lines in pages that each fit the box."""

    size: int
    pages: tuple[tuple[str, ...], ...]
    line_height: int
    style: str

    @property
    def height(self) -> int:
        return max(len(p) for p in self.pages) * self.line_height


def fit(
    fonts: Fonts,
    text: str,
    width: int,
    height: int,
    size: int,
    min_size: int,
    style: str = "regular",
) -> Fitted:
    """The largest size from `size` down to `min_size` at which the text fits; else pages."""
    s = size
    while True:
        lines = wrap(fonts, text, width, s, style)
        lh = fonts.line_height(s, style)
        if len(lines) * lh <= height or s <= min_size:
            break
        s = max(min_size, int(s * 0.92))
    per_page = max(1, height // lh)
    pages = tuple(tuple(lines[i : i + per_page]) for i in range(0, len(lines), per_page))
    return Fitted(s, pages or ((),), lh, style)


def draw_lines(
    surface: pygame.Surface,
    fonts: Fonts,
    lines: tuple[str, ...] | list[str],
    pos: tuple[int, int],
    size: int,
    colour: Colour,
    style: str = "regular",
    align: str = "left",
    width: int = 0,
) -> pygame.Rect:
    """Draw lines from the top-left `pos`; returns the rectangle they cover."""
    x, y = pos
    lh = fonts.line_height(size, style)
    covered = pygame.Rect(x, y, 0, 0)
    for i, line in enumerate(lines):
        img = fonts.render(line, size, colour, style)
        lx = x
        if align == "center":
            lx = x + (width - img.get_width()) // 2
        elif align == "right":
            lx = x + width - img.get_width()
        rect = surface.blit(img, (lx, y + i * lh))
        covered.union_ip(rect)
    return covered


def ellipsize(fonts: Fonts, text: str, width: int, size: int, style: str = "regular") -> str:
    """The text cut to one line of `width`, with an ellipsis where it was cut: for a label that
    must stay one line (a chat header, a file's first error) and may lose its end."""
    if fonts.width(text, size, style) <= width:
        return text
    while len(text) > 1 and fonts.width(text + "…", size, style) > width:
        text = text[:-1]
    return text.rstrip() + "…"
