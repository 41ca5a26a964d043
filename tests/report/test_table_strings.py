"""Plain-string cells are drawn in one text object per table (``PackTable._drawCell``): the
same strings at the same places, in the same fonts and colours, as reportlab draws them one
by one; paragraphs keep their place in the content's order."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from smbplanner.report.styles import Styles
from smbplanner.report.tables import PackTable
from smbplanner.report.text import BOLD, FONT, register_fonts


def _placed(table_class: type[Table], data: list[list[Any]]) -> list[tuple[str, float, float]]:
    register_fonts()
    out = io.BytesIO()
    t = table_class(data, colWidths=[90, 90, 90, 90])
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8, 10),
        ("FONT", (0, -1), (-1, -1), BOLD, 8, 10),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("ALIGN", (2, 0), (2, -1), "CENTRE"),
        ("VALIGN", (3, 0), (3, -1), "MIDDLE"),
        ("TEXTCOLOR", (1, 1), (1, 1), colors.red),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
    ]))
    SimpleDocTemplate(out, pagesize=A4).build([t])
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), round(tm[4], 2), round(tm[5], 2)))

    PdfReader(out).pages[0].extract_text(visitor_text=visit)
    return found


def test_strings_are_placed_as_reportlab_places_them() -> None:
    para = Styles().m("a paragraph that wraps over two lines of the cell")
    data: list[list[Any]] = [["Year", "Amount", "Centre", "Middle"],
                             ["2026", "1,234", "x", "mid"],
                             ["2027", "-56", para, "low"],
                             ["Total", "1,178", "", "end"]]
    ours, theirs = _placed(PackTable, data), _placed(Table, data)
    assert ours == theirs
    said = [t for t, _, _ in ours]
    wrapped = next(k for k, t in enumerate(said) if t.startswith("a paragraph"))
    assert said.index("2027") < said.index("-56") < wrapped < said.index("low")


def test_a_long_compound_shrinks_and_breaks_at_its_hyphen() -> None:
    """A word wider than its column is set in smaller type (down to 6 pt) and breaks at its
    own hyphen or soft hyphen before anywhere else; ordinary words keep 8 pt."""
    register_fonts()
    s = Styles()
    plain = s.c("Central ordering and production planning", 100)
    assert not isinstance(plain, str) and plain.style.fontSize == 8
    word = s.c("Warenwirtschaftssystem und Kassen", 100)  # 22 letters: fits at a smaller size
    assert not isinstance(word, str) and 6 <= word.style.fontSize < 8
    word.wrap(100 - 8, 1000)
    line = word.blPara.lines[0]
    first = line[1] if isinstance(line, tuple) else line.words
    assert "Warenwirtschaftssystem" in "".join(str(w) for w in first)
    compound = s.c("Datenschutzgrundverordnung-Umsetzung", 100)
    assert not isinstance(compound, str)
    compound.wrap(100 - 8, 1000)
    said = ["".join(str(w) for w in (ln[1] if isinstance(ln, tuple) else ln.words))
            for ln in compound.blPara.lines]
    assert said[0].rstrip("-") == "Datenschutzgrundverordnung"  # broken at the hyphen
    assert said[1].lstrip("-").startswith("Umsetzung")  # printed "…ordnung-" / "Umsetzung"
