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

from smbplanner.report.styles import PackTable, Styles
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
