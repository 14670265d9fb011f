"""Teacher notes as paragraphs: the one reflow the game's screens and the printed proof share.

Notes are written in a YAML `|` block, with the line breaks of the writer's editor; shown as
written, they are ragged on a screen and on paper. Without pygame, so the proof page uses it too.
"""

from __future__ import annotations

import re


def reflow(text: str) -> str:
    """Text written with hard line breaks (a YAML `|` block, as teacher notes are) as
    paragraphs and list items that wrap to the screen's width instead.

    A blank line ends a paragraph; a line starting with "- ", "• " or "1." starts a new item;
    any other line goes on with the one before it.
    """
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if not lines or re.match(r"([-•*]|\d+[.)])\s", line):
                lines.append(line)
            else:
                lines[-1] += " " + line
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
