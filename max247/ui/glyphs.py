"""Which characters the shipped fonts can draw, read from the fonts' own character maps.

The validator reports characters no font of the game can draw (W604). Asking FreeType would mean
importing pygame for a command that opens no window, so this reads the `cmap` table of each font
file itself (formats 4 and 12, what every Unicode font has), with the standard library only.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

from max247.paths import ASSETS

FONTS = ASSETS / "fonts"
FACES = {
    "regular": "Andika-Regular.ttf",
    "bold": "Andika-Bold.ttf",
    "italic": "Andika-Italic.ttf",
}
EMOJI = "NotoColorEmoji.ttf"
SHY = "\u00ad"
# joiners and modifiers that belong to the emoji before them
ATTACHED = frozenset(
    {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"} | {chr(c) for c in range(0x1F3FB, 0x1F400)}
)


@cache
def code_points(path: Path) -> frozenset[int]:
    """Every code point the font maps to a glyph (glyph 0, the empty box, is not a glyph)."""
    with path.open("rb") as f:
        _, tables = struct.unpack(">IH", f.read(6))
        f.seek(12)
        directory = f.read(16 * tables)
        for i in range(tables):
            tag, _, offset, _ = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
            if tag == b"cmap":
                break
        else:
            return frozenset()
        f.seek(offset)
        _, count = struct.unpack(">HH", f.read(4))
        records = [struct.unpack(">HHI", f.read(8)) for _ in range(count)]
        found: set[int] = set()
        # the Unicode subtables: (3, 10) and (0, 4+) are full Unicode, (3, 1) and (0, 3) the BMP
        for platform, encoding, sub in records:
            if (platform, encoding) in ((3, 10), (3, 1), (0, 3), (0, 4), (0, 6)):
                f.seek(offset + sub)
                found |= _subtable(f)
        return frozenset(found)


def _subtable(f) -> set[int]:
    (form,) = struct.unpack(">H", f.read(2))
    out: set[int] = set()
    if form == 4:
        length, _ = struct.unpack(">HH", f.read(4))
        data = f.read(length - 6)
        n = struct.unpack(">H", data[0:2])[0] // 2
        ends = struct.unpack(f">{n}H", data[8 : 8 + 2 * n])
        base = 8 + 2 * n + 2
        starts = struct.unpack(f">{n}H", data[base : base + 2 * n])
        deltas = struct.unpack(f">{n}h", data[base + 2 * n : base + 4 * n])
        ranges_at = base + 4 * n
        offsets = struct.unpack(f">{n}H", data[ranges_at : ranges_at + 2 * n])
        for i in range(n):
            for c in range(starts[i], ends[i] + 1):
                if c == 0xFFFF:
                    continue
                if offsets[i] == 0:
                    glyph = (c + deltas[i]) & 0xFFFF
                else:
                    at = ranges_at + 2 * i + offsets[i] + 2 * (c - starts[i])
                    glyph = struct.unpack(">H", data[at : at + 2])[0] if at + 2 <= len(data) else 0
                    glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                if glyph:
                    out.add(c)
    elif form == 12:
        _, _, _, groups = struct.unpack(">HIII", f.read(14))
        for _ in range(groups):
            start, end, glyph = struct.unpack(">III", f.read(12))
            out.update(range(start + (glyph == 0), end + 1))
    return out


@cache
def covered() -> frozenset[int]:
    """What the main face or the emoji font can draw."""
    return code_points(FONTS / FACES["regular"]) | code_points(FONTS / EMOJI)


def missing(text: str) -> set[str]:
    """Characters no shipped font can draw (the validator reports them)."""
    have = covered()
    return {
        ch
        for ch in set(text)
        if ch not in ATTACHED and ch not in "\n\t" + SHY and ord(ch) not in have
    }
