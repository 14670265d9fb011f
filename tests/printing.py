"""Print a page as a teacher's browser would: Debian's headless Chromium to PDF and PNG, and
poppler to read back the pages, the words and where each word landed."""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import require_tool

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
A4_POINTS = (595.0, 842.0)


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float  # points, from the page's top left
    y0: float
    x1: float
    y1: float


def chromium(html: Path, *args: str) -> None:
    exe = require_tool("chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, html.resolve().as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )


def to_pdf(html: Path) -> Path:
    pdf = html.with_suffix(".pdf")
    chromium(html, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.exists(), f"chromium wrote no {pdf}"
    return pdf


def to_png(html: Path) -> Path:
    """What the page looks like on screen, at the width of an A4 page."""
    png = html.with_suffix(".png")
    chromium(html, "--hide-scrollbars", "--window-size=900,1300", f"--screenshot={png}")
    assert png.exists(), f"chromium wrote no {png}"
    return png


def pages(pdf: Path) -> tuple[int, list[tuple[float, float]]]:
    """How many pages, and the size of each in points."""
    info = subprocess.run(
        [require_tool("pdfinfo"), "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    ]
    return count, sizes


def words(pdf: Path) -> list[Word]:
    """Every word of the PDF with its box, as pdftotext reads it from the printed page."""
    out = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>',
            line,
        )
        if m:
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            found.append(Word(page, html.unescape(m.group(5)), x0, y0, x1, y1))
    return found


def page_png(pdf: Path, page: int, dpi: int, out: Path) -> Path:
    """One page of the PDF as poppler draws it."""
    subprocess.run(
        [
            require_tool("pdftoppm"),
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(pdf),
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return out.with_suffix(".png")
