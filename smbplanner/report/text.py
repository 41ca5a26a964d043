"""Fonts and text: the DejaVu Sans family from ``resources/fonts`` (embedded as subsets), user
text made safe for Paragraph markup and for drawings, and the number formats of the pack.

User text is never markup: ``para`` escapes it (``R&D <b>2027</b> & Co`` prints exactly so).
Characters that not every face of the font has a glyph for (CJK, Arabic, …) and characters
outside the Basic Multilingual Plane (emoji) print as a white square (U+25A1), so that no
font is asked for a glyph it lacks; control characters become spaces.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smbplanner.domain.money import format_money
from smbplanner.report.options import ReportError
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


@cache
def register_fonts() -> frozenset[int]:
    """Register the family once; returns the code points every face has a glyph for."""
    covered: frozenset[int] | None = None
    for name, filename in _FILES.items():
        path = resource("fonts", filename)
        try:
            font = TTFont(name, str(path))
        except Exception as e:  # reportlab raises TTFError, OSError, ...
            raise ReportError(f"{path}: the font cannot be read ({e})") from None
        pdfmetrics.registerFont(font)
        glyphs = frozenset(font.face.charToGlyph)
        covered = glyphs if covered is None else covered & glyphs
    # Outside the Basic Multilingual Plane (emoji, …) reportlab writes an invalid ToUnicode
    # map, so those print as the square too.
    covered = frozenset(c for c in covered or () if c <= 0xFFFF)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return covered


def clean(text: object) -> str:
    """User text as the fonts can print it (see the module's docstring); newlines kept."""
    covered = register_fonts()
    value = _CONTROL.sub(" ", str(text).replace("\r\n", "\n").replace("\t", " "))
    if value.isascii():
        return value
    return "".join(ch if ch == "\n" or ord(ch) in covered else MISSING for ch in value)


def para(text: object, limit: int | None = None) -> str:
    """User text as Paragraph markup: cleaned, escaped, newlines as line breaks; cut to
    ``limit`` characters with an ellipsis when given."""
    value = clean(text).strip()
    if limit is not None and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return escape(value).replace("\n", "<br/>")


def one_line(text: object) -> str:
    """User text on one line, for drawings and headers (not escaped: drawings are not markup)."""
    return " ".join(clean(text).split())


def fit(text: str, width: float, font: str = FONT, size: float = 8) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…" if lo else ""


# ---------------------------------------------------------------- numbers


def money(cents: int | float, currency: str = "") -> str:
    """Whole currency units, rounded half away from zero as the app shows them, with
    thousands separators: ``12,500`` or ``12,500 EUR``."""
    units = (Decimal(round(cents)) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return format_money(int(units) * 100, currency, decimals=False)


def percent(value: float | None, decimals: int = 1) -> str:
    """A percentage already in per cent (ROI, progress)."""
    return DASH if value is None else f"{value:,.{decimals}f}\u00a0%"


def rate(value: float | None) -> str:
    """A fraction (IRR, discount rate) as a percentage."""
    return DASH if value is None else f"{value * 100:,.1f}\u00a0%"


def years(value: float | None) -> str:
    return DASH if value is None else f"{value:,.1f}\u00a0yrs"


def factor(bp: int) -> str:
    """Basis points as a factor: 12,500 → ×1.25."""
    return f"×{bp / 10_000:g}"


def day(value: date) -> str:
    """23 November 2026."""
    return f"{value.day} {value:%B %Y}"


def number(value: float) -> str:
    """A KPI value: at most two decimals, no trailing zeros, thousands separated."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
