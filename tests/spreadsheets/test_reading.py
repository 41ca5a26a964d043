"""Reading sheets: CSV encodings and separators sniffed, workbooks by calamine, limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.domain.model import Business, Plan
from smbplanner.spreadsheets import reading
from smbplanner.spreadsheets.preview import make_preview
from smbplanner.spreadsheets.reading import SheetError, read_sheet
from smbplanner.spreadsheets.targets import target

ROWS = [["Name", "Annual cost"], ["Café tills", "1.234,50"], ["Wi-Fi", "99,00"]]


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b""),
])
@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, bom: bytes,
                                      separator: str) -> None:
    path = tmp_path / "systems.csv"
    text = "\r\n".join(separator.join(f'"{v}"' if separator in v else v for v in row)
                       for row in ROWS) + "\r\n"
    path.write_bytes(bom + text.encode(encoding))
    sheet = read_sheet(path)
    assert sheet.rows == ROWS
    assert sheet.fmt.decimal_comma
    preview = make_preview(Plan(Business("x")), sheet, target("systems"))
    assert [r.planned.payload.annual_run_cost_cents for r in preview.rows
            if r.planned] == [123_450, 9_900]


def test_a_decimal_point_csv_is_read_with_decimal_points(tmp_path: Path) -> None:
    path = tmp_path / "systems.csv"
    path.write_text("Name,Annual cost\nTills,\"1,234.50\"\nWi-Fi,99.00\n")
    sheet = read_sheet(path)
    assert not sheet.fmt.decimal_comma
    preview = make_preview(Plan(Business("x")), sheet, target("systems"))
    assert [r.planned.payload.annual_run_cost_cents for r in preview.rows
            if r.planned] == [123_450, 9_900]


def test_a_sheet_beyond_the_row_limit_is_refused_as_a_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    path = tmp_path / "big.csv"
    path.write_text("Name\n" + "".join(f"System {n}\n" for n in range(20)))
    sheet = read_sheet(path)
    assert len(sheet.rows) == 10 and sheet.too_long_at == 11
    preview = make_preview(Plan(Business("x")), sheet, target("systems"))
    assert [str(p) for p in preview.sheet_problems] == [
        "row 11: the sheet has more than 10 rows; import at most that many at a time"]
    assert preview.accepted() == []


def test_files_that_are_not_spreadsheets(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(SheetError, match=r"photo\.csv: is not a text"):
        read_sheet(binary)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(SheetError, match="not a spreadsheet this app reads"):
        read_sheet(pdf)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 4)
    with pytest.raises(SheetError, match="too large to import"):
        read_sheet(pdf)


def test_a_workbook_whose_table_starts_at_c3_keeps_the_files_row_and_column_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["C3"], ws["D3"] = "Name", "Annual cost"
    ws["C4"], ws["D4"] = "Tills", 1200
    ws["C5"], ws["D5"] = "Wi-Fi", "lots"
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    preview = make_preview(Plan(Business("x")), read_sheet(path), target("systems"))
    assert [str(p) for p in preview.problems] == [
        "row 5, column D (Annual cost): 'lots' is not a number"]
    monkeypatch.setattr(reading, "MAX_ROWS", 4)
    sheet = read_sheet(path)
    assert len(sheet.rows) == 4 and sheet.too_long_at == 5
