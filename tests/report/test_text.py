"""User text made safe for the pack, and the number formats."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from smbplanner.report.styles import Styles
from smbplanner.report.tables import _lines, table
from smbplanner.report.text import FONT, MISSING, clean, fit, money, para, percent, rate, years


def test_para_escapes_markup_and_keeps_line_breaks() -> None:
    assert para("R&D <b>2027</b> & Co") == "R&amp;D &lt;b&gt;2027&lt;/b&gt; &amp; Co"
    assert para("one\ntwo") == "one<br/>two"
    assert para("x" * 50, limit=10) == "x" * 9 + "…"


def test_clean_keeps_what_the_font_has_and_squares_the_rest() -> None:
    assert clean("Café Ελλάδα Москва – “quotes” €") == "Café Ελλάδα Москва – “quotes” €"
    assert clean("中文") == MISSING * 2
    assert clean("🚀") == MISSING  # outside the BMP
    assert clean("a\x00b\x07c\td") == "a b c d"


def test_fit_cuts_with_an_ellipsis_to_the_width() -> None:
    text = "Central ordering and production planning (bakery ERP)"
    assert fit(text, 1000) == text
    cut = fit(text, 80)
    assert cut.endswith("…") and stringWidth(cut, FONT, 8) <= 80
    assert fit(text, 1) == ""


def test_number_formats() -> None:
    assert money(1_234_567) == "12,346" and money(-99.6, "EUR") == "-1 EUR"
    assert percent(12.345) == "12.3\u00a0%" and percent(None) == "—"
    assert rate(0.0815) == "8.2\u00a0%" and years(2.25) == "2.2\u00a0yrs"


def test_a_wide_number_breaks_after_commas_never_cut() -> None:
    text = "-3,986,330,850,180"
    broken = _lines(text, 30, 6)
    assert broken.replace("\n", "") == text and "\n" in broken


def test_plain_cells_are_used_when_the_text_fits() -> None:
    s = Styles()
    assert s.c("Short name", 200) == "Short name"
    assert not isinstance(s.c("A much longer name " * 5, 100), str)
    assert not isinstance(s.c("two\nlines", 400), str)
    t = table([["Head"], ["1,234,567,890,123,456"]], [40])
    assert t._cellvalues[1][0].replace("\n", "") == "1,234,567,890,123,456"
