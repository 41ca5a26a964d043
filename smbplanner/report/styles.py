"""One set of colours, paragraph styles and table styles for the whole pack."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from smbplanner.domain.enums import Portfolio, Quadrant
from smbplanner.report.text import BOLD, FONT, ITALIC, clean, fit, para, register_fonts

ACCENT = colors.HexColor("#2f6f9f")
DARK = colors.HexColor("#1f2a36")
MUTED = colors.HexColor("#5f6b76")
RULE = colors.HexColor("#c9d1d9")
ZEBRA = colors.HexColor("#f3f6f9")
HEAD_BG = colors.HexColor("#e4ecf3")
WARN = colors.HexColor("#b03a2e")
GOOD = colors.HexColor("#1e7d46")
PORTFOLIO_COLOURS = {
    Portfolio.RUN: colors.HexColor("#2f6f9f"),
    Portfolio.CHANGE: colors.HexColor("#d9822b"),
}
QUADRANT_FILLS = {
    Quadrant.QUICK_WIN: colors.HexColor("#e3f2e6"),
    Quadrant.STRATEGIC_BET: colors.HexColor("#e6ecf7"),
    Quadrant.BACK_BURNER: colors.HexColor("#f2f2f2"),
    Quadrant.UNSCORED: colors.HexColor("#fbfbfb"),
}
QUADRANT_INK = {
    Quadrant.QUICK_WIN: colors.HexColor("#2c6e3f"),
    Quadrant.STRATEGIC_BET: colors.HexColor("#34508a"),
    Quadrant.BACK_BURNER: colors.HexColor("#6b6b6b"),
    Quadrant.UNSCORED: colors.HexColor("#6b6b6b"),
}


def drawing(width: float, height: float) -> Drawing:
    """A vector drawing that starts in the pack's font (reportlab's default is Helvetica,
    which would be the one font not embedded)."""
    d = Drawing(width, height)
    d.initialFontName = FONT
    d.initialFontSize = 8
    return d


class Caption(Flowable):
    """A one-line sub-heading of the pack's own words (cheaper than a Paragraph, which
    parses markup and breaks lines: the large plan has a thousand of these)."""

    def __init__(self, text: str, size: float = 10, colour: Any = DARK) -> None:
        super().__init__()
        self.text, self.size, self.colour = text, size, colour
        self.spaceBefore, self.spaceAfter, self.keepWithNext = 6, 3, 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.size * 1.3

    def draw(self) -> None:
        self.canv.setFont(BOLD, self.size)
        self.canv.setFillColor(self.colour)
        self.canv.drawString(0, self.size * 0.3, fit(self.text, self.width, BOLD, self.size))


class Styles:
    """The paragraph styles, built once fonts are registered."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=DARK)
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10.5)
        self.muted = ParagraphStyle("muted", self.small, textColor=MUTED)
        self.italic = ParagraphStyle("italic", self.small, fontName=ITALIC, textColor=MUTED)
        self.method = ParagraphStyle("method", self.small, spaceAfter=4)
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10)
        self.cell_bold = ParagraphStyle("cell_bold", self.cell, fontName=BOLD)
        self.cell_right = ParagraphStyle("cell_right", self.cell, alignment=TA_RIGHT)
        self.cell_center = ParagraphStyle("cell_center", self.cell, alignment=TA_CENTER)
        self.head = ParagraphStyle("head", self.cell, fontName=BOLD, textColor=DARK)
        self.head_right = ParagraphStyle("head_right", self.head, alignment=TA_RIGHT)
        self.head_center = ParagraphStyle("head_center", self.head, alignment=TA_CENTER)
        self.h1 = ParagraphStyle(
            "H1", base, fontName=BOLD, fontSize=18, leading=22, textColor=ACCENT,
            spaceAfter=10, keepWithNext=1,
        )
        self.h2 = ParagraphStyle(
            "H2", base, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10,
            spaceAfter=5, keepWithNext=1,
        )
        self.h3 = ParagraphStyle(
            "H3", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6,
            spaceAfter=3, keepWithNext=1,
        )
        self.title = ParagraphStyle(
            "title", base, fontName=BOLD, fontSize=30, leading=36, textColor=DARK
        )
        self.subtitle = ParagraphStyle(
            "subtitle", base, fontSize=16, leading=21, textColor=ACCENT
        )
        self.lead = ParagraphStyle("lead", base, fontSize=11, leading=15.5)
        self.big = ParagraphStyle(
            "big", base, fontName=BOLD, fontSize=15, leading=18, textColor=DARK
        )
        self.big_text = ParagraphStyle(
            "big_text", base, fontName=BOLD, fontSize=10.5, leading=13.5, textColor=DARK
        )
        self.kicker = ParagraphStyle(
            "kicker", base, fontName=BOLD, fontSize=9, leading=12, textColor=ACCENT
        )

    def p(self, text: object, style: ParagraphStyle | None = None, limit: int | None = None
          ) -> Paragraph:
        """A paragraph of *user* text (escaped)."""
        return Paragraph(para(text, limit), style or self.body)

    def c(self, text: object, width: float, limit: int | None = None) -> str | Paragraph:
        """A table cell of *user* text in a column ``width`` points wide: plain text when it
        fits on one line (much faster to lay out), else a wrapping paragraph."""
        value = clean(text).strip()
        if "\n" not in value and _width(value) <= width - PADDING:
            return value
        return Paragraph(para(value, limit), self.cell)

    def m(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of the pack's own markup (only for text built from trusted parts)."""
        return Paragraph(markup, style or self.body)


MIN_SIZE = 6.0
PADDING = 8.5  # a cell's left and right padding, and a little air


@lru_cache(maxsize=8192)
def _width(text: str, bold: bool = False) -> float:
    """Width at 8 points; body cells are measured as if bold (about 12 % wider) because a
    table may set a row in bold (totals)."""
    return stringWidth(text, BOLD, 8) if bold else stringWidth(text, FONT, 8) * 1.12


def _lines(text: str, room: float, size: float) -> str:
    """``text`` broken after commas or spaces into lines that fit ``room`` (a number is
    never cut short)."""
    parts = [p for p in re.split(r"(?<=[, ])", text) if p]
    lines = [""]
    for part in parts:
        if lines[-1] and stringWidth(lines[-1] + part, BOLD, size) > room:
            lines.append("")
        lines[-1] += part
    return "\n".join(line.strip() for line in lines)


def _shrink_to_fit(
    rows: list[list[Any]], widths: Sequence[float], header_rows: int
) -> list[tuple[Any, ...]]:
    """Smaller type for plain cells (numbers) too wide for their column, so that nothing runs
    into the next cell; below MIN_SIZE points they break after a comma instead."""
    commands: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, str) or not cell or "\n" in cell:
                continue
            room = widths[c] - PADDING
            need = _width(cell, bold=r < header_rows)
            if need > room:
                size = max(8 * room / need, MIN_SIZE)
                commands += [("FONTSIZE", (c, r), (c, r), size),
                             ("LEADING", (c, r), (c, r), size + 2)]
                if size == MIN_SIZE:
                    row[c] = _lines(cell, room, size)
    return commands


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    right: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table in the pack's style: header repeated on every page it splits across.

    Cells are Paragraphs (text that wraps) or plain strings (numbers: much faster to lay
    out); plain strings in the ``right`` columns are right-aligned."""
    data = [list(row) for row in rows]
    fitting = _shrink_to_fit(data, widths, header_rows)
    t = Table(data, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), DARK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
            ("FONT", (0, 0), (-1, header_rows - 1), BOLD, 8, 10),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    if zebra and len(rows) > header_rows + 2:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right]
    commands += list(extra)
    commands += fitting  # last: a FONT command in ``extra`` would reset the size
    t.setStyle(TableStyle(commands))
    return t
