"""One set of colours, paragraph styles and table styles for the whole pack."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from smbplanner.domain.enums import Portfolio, Quadrant
from smbplanner.report.rtl import POP, base_level, has_rtl, order, unmarked, visual
from smbplanner.report.text import (
    BOLD,
    FONT,
    ITALIC,
    cut,
    fit,
    logical,
    printable,
    register_fonts,
    shaped,
)

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


def _frags_text(frags: Any) -> str:
    """The text of a paragraph's fragments (or of the frag words of a split paragraph)."""
    out: list[str] = []
    for f in frags:
        if isinstance(f, list):  # [width, (frag, text), …]
            out += [str(t) for _, t in f[1:] if isinstance(t, str)]
        else:
            out.append(str(getattr(f, "text", "")))
    return "".join(out)


class Para(Paragraph):
    """A Paragraph that keeps its line breaks for the last width it was wrapped to: a table
    wraps each cell paragraph when it is measured, again when split across pages and again
    when drawn, always at the column's width; the lines are the same each time."""

    _wrapped: tuple[float, float, float, Any, Any] | None = None
    #: Direction of the lines that have right-to-left text: 0 left to right (the pack's own
    #: words with user text in them), None that of the first strong character.
    base: int | None = 0

    def __init__(self, text: Any, style: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        self._logical_text = _frags_text(self.frags)  # kind 1 layout replaces the frags

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        known = self._wrapped
        if known is not None and known[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = known
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._wrapped = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return size

    def draw(self) -> None:
        """Lines with Hebrew or Arabic are put in display order (the text is kept in
        logical order until then, so that it breaks into lines in reading order)."""
        text = self._logical_text
        if not has_rtl(text) and POP not in text:
            super().draw()
            return
        lines, style = self.blPara, self.style
        base = base_level(text) if self.base is None else self.base
        self.blPara = _bidi_lines(lines, base)
        if base == 1 and style.alignment == TA_LEFT:  # right-to-left text: flush right
            self.style = _flush_right(style)
        try:
            super().draw()
        finally:
            self.blPara, self.style = lines, style


def _flush_right(style: ParagraphStyle) -> ParagraphStyle:
    right: ParagraphStyle | None = getattr(style, "pack_right", None)
    if right is None:
        right = ParagraphStyle(f"{style.name}-right", style, alignment=TA_RIGHT)
        style.pack_right = right
    return right


class UserPara(Para):
    """A paragraph of user text alone: reads in the direction of its first strong character
    (a Hebrew or Arabic description right to left)."""

    base = None


def _bidi_lines(lines: Any, base: int) -> Any:
    """The broken lines of a paragraph (logical order) in display order, line by line."""
    if lines.kind == 0:  # one style: each line is a list of words
        return lines.clone(lines=[(extra, visual(" ".join(words), base).split(" "))
                                  for extra, words in lines.lines])
    return lines.clone(lines=[_bidi_line(line, base) for line in lines.lines])


def _bidi_line(line: Any, base: int) -> Any:
    """One line of fragments (styles) in display order: the line's characters are reordered
    and consecutive characters of the same fragment drawn as one."""
    pieces = [f for f in line.words if getattr(f, "text", "") and not hasattr(f, "cbDefn")]
    text = "".join(f.text for f in pieces)
    if not has_rtl(text):  # perhaps the end of an isolated run that began a line above
        return line.clone(words=[f.clone(text=unmarked(f.text)) if f in pieces else f
                                 for f in line.words])
    owner = [n for n, f in enumerate(pieces) for _ in f.text]
    words: list[Any] = []
    last, chunk = -1, ""
    for index, ch in order(text, base):
        if owner[index] != last and chunk:
            words.append(pieces[last].clone(text=chunk))
            chunk = ""
        last = owner[index]
        chunk += ch
    if chunk:
        words.append(pieces[last].clone(text=chunk))
    rest = [f for f in line.words if not getattr(f, "text", "") or hasattr(f, "cbDefn")]
    return line.clone(words=words + rest)


class Styles:
    """The paragraph styles, built once fonts are registered."""

    def __init__(self) -> None:
        register_fonts()
        #: Parsed markup per (markup, style): the pack repeats many cells (a category, an
        #: owner's name, a stock mitigation); reportlab's markup parser is slow.
        self._frags: dict[tuple[str, str], list[Any]] = {}
        self._sized: dict[float, ParagraphStyle] = {}
        base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=DARK)
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10.5)
        self.muted = ParagraphStyle("muted", self.small, textColor=MUTED)
        self.italic = ParagraphStyle("italic", self.small, fontName=ITALIC, textColor=MUTED)
        self.method = ParagraphStyle("method", self.small, spaceAfter=4)
        # a cell's words break at their own hyphens and soft hyphens (U+00AD) before
        # anywhere else (reportlab's embedded hyphenation; no dictionary needed)
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10, embeddedHyphenation=1)
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
          ) -> Para:
        """A paragraph of *user* text (escaped)."""
        return self._user(logical(text).strip(), style or self.body, limit)

    def c(self, text: object, width: float, limit: int | None = None) -> str | Para:
        """A table cell of *user* text in a column ``width`` points wide: plain text when it
        fits on one line (much faster to lay out), else a wrapping paragraph."""
        value = logical(text).strip()
        shown = printable(value)
        room = width - PADDING
        if "\n" not in value and text_width(shown) <= room:
            return shown
        # a word wider than the column (a German or Greek compound, a code) is set in
        # smaller type until it fits, down to MIN_SIZE; only beyond that is it broken
        longest = 0.0
        if max(map(len, shown.split()), default=0) * _WIDEST > room:  # else none can be
            longest = max((text_width(piece) for piece in _PIECES.findall(shown)), default=0.0)
        if longest > room:
            return self._user(value, self._cell_at(8 * room / longest), limit)
        return self._user(value, self.cell, limit)

    def _cell_at(self, size: float) -> ParagraphStyle:
        """The cell style at ``size`` points (rounded down to a quarter, at least MIN_SIZE)."""
        size = max(int(size * 4) / 4, MIN_SIZE)
        style = self._sized.get(size)
        if style is None:
            style = self._sized[size] = ParagraphStyle(
                f"cell_{size:g}", self.cell, fontSize=size, leading=size + 2)
        return style

    def _user(self, value: str, style: ParagraphStyle, limit: int | None) -> Para:
        markup = escape(shaped(cut(value, limit))).replace("\n", "<br/>")
        return self._para(markup, style, UserPara if has_rtl(value) else Para)

    def m(self, markup: str, style: ParagraphStyle | None = None) -> Para:
        """A paragraph of the pack's own markup (only for text built from trusted parts)."""
        return self._para(markup, style or self.body)

    def _para(self, markup: str, style: ParagraphStyle, kind: type[Para] = Para) -> Para:
        key = (markup, style.name)
        known = self._frags.get(key)
        if known is None:
            paragraph = kind(markup, style)
            self._frags[key] = [f.clone() for f in paragraph.frags]
            return paragraph
        return kind(markup, style, frags=[f.clone() for f in known])


MIN_SIZE = 6.0
#: What a cell's line must hold whole: a word, or the part of it up to a hyphen or soft hyphen.
_WIDEST = 13.0  # wider than any Latin, Greek or Cyrillic letter at 8 pt, measured as bold
_PIECES = re.compile(r"[^\s\-\xad]+[\-\xad]?")
PADDING = 8.5  # a cell's left and right padding, and a little air


@lru_cache(maxsize=8192)
def text_width(text: str, bold: bool = False) -> float:
    """Width at 8 points; body cells are measured as if bold (about 12 % wider) because a
    table may set a row in bold (totals)."""
    return stringWidth(text, BOLD, 8) if bold else stringWidth(text, FONT, 8) * 1.12
