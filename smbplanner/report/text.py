"""Fonts and text: the DejaVu Sans family from ``resources/fonts`` (embedded as subsets), user
text made safe for Paragraph markup and for drawings, and the number formats of the pack.

User text is never markup: ``para`` escapes it (``R&D <b>2027</b> & Co`` prints exactly so).
Hebrew and Arabic are shaped and put in display order (``report.rtl``). Characters that the
regular and bold faces have no glyph for (CJK, …) and characters outside the Basic
Multilingual Plane (emoji) print as a white square (U+25A1), so that no font is asked for a
glyph it lacks; control characters become spaces. (The oblique faces lack Arabic: italic
user text with right-to-left characters is set upright, see ``upright``.)
"""

from __future__ import annotations

import re
import weakref
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smbplanner.domain import numbers
from smbplanner.report.options import ReportError
from smbplanner.report.rtl import ISOLATE, POP, base_level, has_rtl, shape, visual
from smbplanner.resources import resource

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FILES = {
    FONT: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
MISSING = "\u25a1"
DASH = "—"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Font(TTFont):
    """A TrueType font that remembers how each string it has drawn splits into its subsets
    (for one document: the pack draws the same numbers and labels thousands of times).
    A character keeps the code it was first given, so a remembered split stays right."""

    _doc: Any = None  # a weak reference to the document the remembered splits are for
    _known: dict[str, list[tuple[int, bytes]]]

    def splitString(  # noqa: N802 (reportlab's name)
        self, text: str, doc: Any, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        if self._doc is None or self._doc() is not doc:
            self._doc, self._known = weakref.ref(doc), {}
        known = self._known
        if text not in known:
            known[text] = super().splitString(text, doc, encoding)
        return known[text]


@cache
def register_fonts() -> frozenset[int]:
    """Register the family once; returns the code points that the regular and the bold
    face both have a glyph for."""
    covered: frozenset[int] | None = None
    for name, filename in _FILES.items():
        path = resource("fonts", filename)
        try:
            font = _Font(name, str(path))
        except Exception as e:  # reportlab raises TTFError, OSError, ...
            raise ReportError(f"{path}: the font cannot be read ({e})") from None
        pdfmetrics.registerFont(font)
        if name in (FONT, BOLD):
            glyphs = frozenset(font.face.charToGlyph)
            covered = glyphs if covered is None else covered & glyphs
    # Outside the Basic Multilingual Plane (emoji, …) reportlab writes an invalid ToUnicode
    # map, so those print as the square too.
    covered = frozenset(c for c in covered or () if c <= 0xFFFF)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return covered


def logical(text: object) -> str:
    """User text with control characters as spaces and Windows line ends as newlines, still
    in its own (logical) order and unshaped."""
    return _CONTROL.sub(" ", str(text).replace("\r\n", "\n").replace("\t", " "))


def printable(text: str, base: int | None = None) -> str:
    """Logical text as it is drawn: Arabic shaped, right-to-left runs in display order line
    by line (``base``: see ``rtl.visual``), glyphs the font lacks as the white square."""
    if text.isascii():
        return text
    covered = register_fonts()
    if has_rtl(text):
        text = visual(shape(text, _regular_path()), base)
    return "".join(ch if ch == "\n" or ord(ch) in covered else MISSING for ch in text)


def shaped(text: str) -> str:
    """Logical text with Arabic shaped and missing glyphs as the square, still in logical
    order (for a paragraph that reorders each of its lines when drawn)."""
    if text.isascii():
        return text
    covered = register_fonts()
    text = shape(text, _regular_path())
    return "".join(ch if ch == "\n" or ord(ch) in covered else MISSING for ch in text)


@cache
def _regular_path() -> str:
    return str(resource("fonts", _FILES[FONT]))


def clean(text: object) -> str:
    """User text as the fonts can print it (see the module's docstring); newlines kept."""
    return printable(logical(text))


def cut(value: str, limit: int | None) -> str:
    """``value`` cut to ``limit`` characters with an ellipsis (no limit: unchanged)."""
    if limit is not None and len(value) > limit:
        return value[: limit - 1].rstrip() + "…"
    return value


#: The most lines of one user text the pack prints (a text of thousands of line breaks would
#: take minutes to lay out and pages to read); the rest is shown as an ellipsis.
MAX_LINES = 40


def bounded_lines(value: str, most: int = MAX_LINES) -> str:
    """``value`` with at most ``most`` lines, an ellipsis where it was cut."""
    if value.count("\n") < most:
        return value
    return "\n".join(value.split("\n", most)[:most]).rstrip() + " …"


def para(text: object, limit: int | None = None) -> str:
    """User text as Paragraph markup: cleaned, escaped, newlines as line breaks; cut to
    ``limit`` characters with an ellipsis when given, and to ``MAX_LINES`` lines. Still in
    logical order: the pack's paragraphs put right-to-left text in display order line by
    line when drawn."""
    value = bounded_lines(cut(logical(text).strip(), limit))
    if has_rtl(value):  # isolated: it cannot pull the pack's words or numbers around it
        return escape(ISOLATE + shaped(value) + POP).replace("\n", "<br/>")
    return escape(shaped(value)).replace("\n", "<br/>")


def one_line(text: object) -> str:
    """User text on one line, for drawings and headers (not escaped: drawings are not markup),
    in display order."""
    return printable(" ".join(logical(text).split()))


def plain_line(text: object) -> str:
    """User text on one line in logical order, for what a PDF viewer shows itself (the
    outline, the document's title)."""
    return " ".join(logical(text).split())


def upright(text: object) -> bool:
    """Whether user text must be set upright: the oblique faces have no Arabic glyphs."""
    return has_rtl(str(text))


def fit(text: str, width: float, font: str = FONT, size: float = 8) -> str:
    """``text`` (as drawn) cut with an ellipsis to fit ``width`` points. Text that reads
    right to left (in display order, its first strong character is right-to-left) keeps
    its right-hand end, where reading starts, and the ellipsis goes on the left."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    backwards = base_level(text) == 1

    def part(n: int) -> str:
        return "…" + text[len(text) - n:].lstrip() if backwards else text[:n].rstrip() + "…"

    lo, hi = 0, len(text)
    while lo < hi:  # the longest part that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(part(mid), font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return part(lo) if lo else ""


# ---------------------------------------------------------------- numbers


# The pack writes numbers through ``domain.numbers``, the one formatting module.
money = numbers.money
percent = numbers.percent
rate = numbers.rate
years = numbers.years
day = numbers.day


def factor(bp: int) -> str:
    """Basis points as a factor: 12,500 → ×1.25."""
    return f"×{bp / 10_000:g}"


def number(value: float) -> str:
    """A KPI value: at most two decimals, no trailing zeros, thousands separated."""
    text = numbers.decimal(value, 2).rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
