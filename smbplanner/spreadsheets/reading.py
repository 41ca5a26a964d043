"""A sheet of a spreadsheet file as rows of cell values, bounded in bytes and rows.

XLSX, XLSM, XLS and ODS go through python-calamine (a Rust reader: formulas come back as the
values the program that saved the file computed, merged cells as their first cell's value
and blanks elsewhere). CSV goes through the ``csv`` module: the encoding is UTF-8 (with or
without a BOM), else UTF-16 with a BOM, else cp1252; the separator is sniffed among
``, ; tab |``; a ``;``-separated file, or one whose numbers are written ``12,50``, is read
with decimal commas. Refusals are ``SheetError`` with one line naming the file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smbplanner.spreadsheets.cells import Format

#: The largest file read (a spreadsheet of a small business is a few hundred kB).
MAX_FILE_BYTES = 50 * 2**20
#: Rows read from a sheet: beyond this the import is refused at the first extra row.
MAX_ROWS = 20_000
MAX_COLUMNS = 200
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


class SheetError(ValueError):
    """A file or sheet that cannot be read; the message is one line naming the file."""


@dataclass
class Sheet:
    """The rows of one sheet (row 1 of the file is ``rows[0]``), its name, the other sheets'
    names, and how the file writes numbers."""

    name: str
    rows: list[list[Any]]
    sheet_names: list[str] = field(default_factory=list)
    fmt: Format = field(default_factory=Format)
    #: The first row number (1-based) beyond ``MAX_ROWS`` that holds data, if any.
    too_long_at: int | None = None
    #: Merged ranges as (first row, first column, last row, last column), 0-based.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    source: str = ""


def _size_checked(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise SheetError(f"{path.name}: cannot be read ({e.strerror or e})") from None
    if size > MAX_FILE_BYTES:
        raise SheetError(f"{path.name}: too large to import (more than "
                         f"{MAX_FILE_BYTES // 2**20} MB)")
    return size


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook; a CSV file has one, named after the file."""
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return [path.stem]
    return list(_workbook(path).sheet_names)


def read_sheet(path: str | Path, sheet: str | None = None) -> Sheet:
    """The named sheet (default: the first) of a workbook, or the rows of a CSV file."""
    path = Path(path)
    _size_checked(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path, sheet)
    if suffix in CSV_SUFFIXES or not suffix:
        return _read_csv(path)
    raise SheetError(f"{path.name}: not a spreadsheet this app reads (CSV, XLSX, XLS or ODS)")


def _workbook(path: Path) -> Any:
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as e:  # calamine raises its own errors, OSError and ValueError
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise SheetError(f"{path.name}: cannot be read as a spreadsheet ({reason})") from None


def _read_workbook(path: Path, name: str | None) -> Sheet:
    book = _workbook(path)
    names = list(book.sheet_names)
    if not names:
        raise SheetError(f"{path.name}: has no sheets")
    if name is None:
        name = names[0]
    elif name not in names:
        raise SheetError(f"{path.name}: has no sheet named {name!r} (it has: "
                         f"{', '.join(names)})")
    try:
        sheet = book.get_sheet_by_name(name)
        # skip_empty_area=False: row and column numbers are the file's (data may start at C3)
        rows = [list(r[:MAX_COLUMNS])
                for r in sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS)]
        end = sheet.end  # the last used cell, or None for an empty sheet
        merged = [
            (a[0], a[1], b[0], b[1]) for a, b in (getattr(sheet, "merged_cell_ranges", None) or [])
        ]
    except Exception as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise SheetError(f"{path.name}: sheet {name!r} cannot be read ({reason})") from None
    too_long_at = end[0] + 1 if end is not None and end[0] >= MAX_ROWS else None
    fmt = Format(decimal_comma=_decimal_comma(rows, default=False))
    return Sheet(name, rows, names, fmt, too_long_at, merged, path.name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # never fails: every byte is a character


_DECIMAL_COMMA = re.compile(r"^\s*[-(]?[^\d]{0,4}\d{1,3}(?:[. ]\d{3})*,\d{1,2}\D{0,4}\s*$")
_DECIMAL_POINT = re.compile(r"^\s*[-(]?[^\d]{0,4}\d{1,3}(?:[, ]\d{3})*\.\d{1,2}\D{0,4}\s*$")


def _decimal_comma(rows: list[list[Any]], *, default: bool) -> bool:
    """Whether the text numbers are written with a decimal comma (``12,50``, ``1.234,5``)."""
    commas = points = 0
    for row in rows[:500]:
        for value in row:
            if isinstance(value, str):
                commas += bool(_DECIMAL_COMMA.match(value))
                points += bool(_DECIMAL_POINT.match(value))
    if commas != points:
        return commas > points
    return default


def _read_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SheetError(f"{path.name}: cannot be read ({e.strerror or e})") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetError(f"{path.name}: is not a text (CSV) file")
    try:
        content = _decode(data, path.name)
    except UnicodeDecodeError:
        raise SheetError(f"{path.name}: is not valid UTF-8 text") from None
    sample = content[:64 * 1024]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t|"}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","

        class _Plain(csv.excel):
            pass

        _Plain.delimiter = delimiter
        dialect = _Plain
    rows: list[list[Any]] = []
    too_long_at = None
    try:
        reader = csv.reader(io.StringIO(content, newline=""), dialect)
        for number, row in enumerate(reader, start=1):
            if len(rows) >= MAX_ROWS:
                if any(v.strip() for v in row):
                    too_long_at = number
                    break
                continue
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as e:
        raise SheetError(f"{path.name}: line {reader.line_num}: {e}") from None
    fmt = Format(decimal_comma=_decimal_comma(rows, default=dialect.delimiter == ";"))
    return Sheet(path.stem, rows, [path.stem], fmt, too_long_at, [], path.name)
