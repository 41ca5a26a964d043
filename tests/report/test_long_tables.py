"""Long tables are laid out once and cut page by page: the header on every page, the rows
in order, no page with a table's first or last row alone, and the same bytes every time."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer

from smbplanner.report.styles import Styles
from smbplanner.report.tables import LONG_ROWS, LongTable, table


def _pages(flowables: list) -> list[str]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(flowables)
    return [page.extract_text() or "" for page in PdfReader(buffer).pages]


def _rows(count: int) -> list[list[object]]:
    s = Styles()
    rows: list[list[object]] = [["Row", "Text"]]
    for n in range(count):
        text = f"row {n:04d} " + ("wraps over a few lines " * (n % 4))
        rows.append([f"R{n:04d}", s.c(text, 200)])
    rows.append(["Total", f"{count} rows"])
    return rows


def test_a_long_table_puts_every_row_once_in_order_with_its_header() -> None:
    t = table(_rows(400), [60, 200])
    assert isinstance(t, LongTable)
    pages = _pages([t])
    assert len(pages) > 5
    seen = [w for page in pages for w in page.split() if w.startswith("R0")]
    assert seen == [f"R{n:04d}" for n in range(400)]
    assert all(page.split()[:2] == ["Row", "Text"] for page in pages)


def test_a_short_table_is_a_plain_table() -> None:
    assert not isinstance(table(_rows(LONG_ROWS - 2), [60, 200]), LongTable)


def test_no_page_holds_a_long_table_s_last_row_alone() -> None:
    """Whatever the room left above the table, the next page never has only the total."""
    for space in range(0, 700, 37):
        pages = _pages([Spacer(1, space), table(_rows(LONG_ROWS + 5), [60, 200])])
        last = [line for line in pages[-1].splitlines() if line.strip()]
        body = [line for line in last if line.startswith("R0")]
        assert len(body) >= 1, (space, last)


def test_a_long_table_does_not_start_with_one_row_at_the_foot_of_a_page() -> None:
    for space in range(560, 680, 6):
        pages = _pages([Spacer(1, space), table(_rows(LONG_ROWS + 5), [60, 200])])
        for page in pages:
            rows = [w for w in page.split() if w.startswith("R0")]
            assert len(rows) != 1 or "Total" in page, (space, page)
