"""A sheet, a target table and a column mapping, checked against the plan: what an import
would do, row by row, before anything is written.

- ``guess_mapping`` finds the header row (of the first 20, the one naming most columns) and
  matches headers to the target's columns by name and synonyms (case, spacing and
  punctuation ignored); the owner may change it (``Mapping.columns``).
- ``make_preview`` parses every mapped cell (the preview shows each value as parsed),
  refuses rows with the row, column and reason (text in a number column, an unknown goal, a
  repeated name, a merged cell's blank part), and marks rows that match an existing entity
  by name as updates (or skips, ``decide``). Empty rows are passed over; a sheet beyond the
  row limit, or without a column the table needs, is refused as a whole.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from typing import Any

from smbplanner.domain.model import Plan
from smbplanner.spreadsheets import cells, reading
from smbplanner.spreadsheets.cells import CellError, Format
from smbplanner.spreadsheets.reading import Sheet
from smbplanner.spreadsheets.targets import Column, Planned, RowProblem, Target
from smbplanner.spreadsheets.targets.base import norm

HEADER_SEARCH_ROWS = 20
ADD, UPDATE, SKIP = "add", "update", "skip"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Mapping:
    """Which sheet column (0-based index) feeds which target column (its key), and the
    header row (0-based); data starts on the next row."""

    header_row: int
    columns: dict[int, Column] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)

    def index_of(self, key: str) -> int | None:
        return next((i for i, c in self.columns.items() if c.key == key), None)


def _names(column: Column) -> list[str]:
    return [norm(column.label), norm(column.key.replace("_cents", "")),
            *(norm(s) for s in column.synonyms)]


def match_header(target: Target, header: str, taken: frozenset[str] | set[str] = frozenset()
                 ) -> Column | None:
    """The target column a header names (its label first, then the synonyms)."""
    wanted = norm(header)
    if not wanted:
        return None
    for rank in (0, 1, 2):
        for column in target.columns:
            if column.key in taken:
                continue
            names = _names(column)
            if (rank == 0 and wanted == names[0]) or (rank == 1 and wanted in names[1:]):
                return column
        if rank == 2:
            extra = target.header_column(wanted)
            if extra is not None and extra.key not in taken:
                return extra
    return None


def _match_row(target: Target, row: list[Any]) -> dict[int, Column]:
    found: dict[int, Column] = {}
    taken: set[str] = set()
    for index, value in enumerate(row):
        if cells.is_empty(value):
            continue
        column = match_header(target, cells.text(value), taken)
        if column is not None:
            found[index] = column
            taken.add(column.key)
    return found


def guess_mapping(sheet: Sheet, target: Target) -> Mapping:
    best: dict[int, Column] = {}
    best_row = 0
    for number, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        found = _match_row(target, row)
        if len(found) > len(best):
            best, best_row = found, number
    headers = [cells.text(v) for v in sheet.rows[best_row]] if sheet.rows else []
    return Mapping(best_row, best, headers)


def column_choices(target: Target, header: str) -> list[Column]:
    """What the owner may map a column to: the target's columns (and a year column when
    the header names a year)."""
    extra = target.header_column(norm(header))
    return list(target.columns) + ([extra] if extra is not None else [])


@dataclass(frozen=True)
class Problem:
    """A refused row (or the whole sheet, ``row`` 0): where and why, in one line."""

    row: int
    column: str  # "C (Annual run cost)" or ""
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "the sheet"
        return f"{where}, column {self.column}: {self.message}" if self.column else \
            f"{where}: {self.message}"


@dataclass
class CellView:
    raw: Any
    value: Any = None
    error: str | None = None


@dataclass
class RowView:
    number: int  # the row's number in the sheet (1-based)
    cells: dict[str, CellView]
    problems: list[Problem] = field(default_factory=list)
    planned: Planned | None = None
    decision: str = ADD  # add, update or skip; refused rows have problems

    @property
    def refused(self) -> bool:
        return bool(self.problems)


@dataclass
class Preview:
    target: Target
    sheet: Sheet
    mapping: Mapping
    rows: list[RowView]
    #: Problems with the whole sheet (too many rows, a needed column missing): nothing
    #: is imported while there are any.
    sheet_problems: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return self.sheet_problems + [p for r in self.rows for p in r.problems]

    @property
    def refused(self) -> list[RowView]:
        return [r for r in self.rows if r.refused]

    def accepted(self) -> list[Planned]:
        """What would be written: rows not refused nor skipped (none if the sheet itself
        is refused)."""
        if self.sheet_problems:
            return []
        return [r.planned for r in self.rows
                if r.planned is not None and not r.refused and r.decision != SKIP]

    def counts(self) -> dict[str, int]:
        out = {ADD: 0, UPDATE: 0, SKIP: 0, "refused": len(self.refused)}
        for row in self.rows:
            if not row.refused:
                out[row.decision] += 1
        return out

    def decide(self, key: Hashable, decision: str) -> None:
        """Update or skip every row that matches the existing entity ``key``."""
        if decision not in (UPDATE, SKIP):
            raise ValueError(decision)
        for row in self.rows:
            if row.planned is not None and row.planned.key == key and \
                    row.planned.action == UPDATE:
                row.decision = decision


def _where(mapping: Mapping, index: int | None, column: Column | None) -> str:
    if index is None:
        return column.label if column else ""
    header = mapping.headers[index] if index < len(mapping.headers) else ""
    name = header or (column.label if column else "")
    return f"{column_letter(index)} ({name})" if name else column_letter(index)


def _formats(sheet: Sheet, mapping: Mapping) -> dict[int, Format]:
    out: dict[int, Format] = {}
    for index, column in mapping.columns.items():
        if column.style == "date":
            values = [r[index] for r in sheet.rows[mapping.header_row + 1:] if index < len(r)]
            hint = cells.day_first_hint(values)
            out[index] = replace(sheet.fmt, day_first=True if hint is None else hint)
        else:
            out[index] = sheet.fmt
    return out


def _merged_blank(sheet: Sheet, row: int, index: int) -> int | None:
    """The row (1-based) holding the value of a merged range that covers this blank cell."""
    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= row <= r1 and c0 <= index <= c1 and (row, index) != (r0, c0):
            return r0 + 1
    return None


def make_preview(plan: Plan, sheet: Sheet, target: Target, mapping: Mapping | None = None,
                 *, existing: str = UPDATE) -> Preview:
    """What importing ``sheet`` into ``target`` would do (nothing is written)."""
    mapping = mapping or guess_mapping(sheet, target)
    preview = Preview(target, sheet, mapping, [])
    mapped = {c.key for c in mapping.columns.values()}
    for column in target.columns:
        if column.required and column.key not in mapped:
            preview.sheet_problems.append(Problem(
                0, "", f"no column for {column.label} (the {target.title} table needs it; "
                       "map one of the sheet's columns to it)"))
    if sheet.too_long_at is not None:
        preview.sheet_problems.append(Problem(
            sheet.too_long_at, "", f"the sheet has more than {reading.MAX_ROWS:,} rows; import at "
                                   "most that many at a time"))
    formats = _formats(sheet, mapping)
    current = target.existing(plan)
    seen: dict[Hashable, int] = {}
    for offset, row in enumerate(sheet.rows[mapping.header_row + 1:]):
        number = mapping.header_row + 2 + offset
        view = _parse_row(sheet, mapping, formats, row, number)
        if view is None:
            continue
        preview.rows.append(view)
        values = {k: c.value for k, c in view.cells.items()
                  if c.error is None and not cells.is_empty(c.raw)}
        for name, cell in view.cells.items():
            if cell.error is None and cells.is_empty(cell.raw):
                column = next(c for c in mapping.columns.values() if c.key == name)
                if column.required:
                    merged = _merged_blank(sheet, number - 1, mapping.index_of(name) or 0)
                    why = (f"is empty (a merged cell: its value is in row {merged})"
                           if merged else "is empty")
                    cell.error = why
                    view.problems.append(Problem(number, _where(
                        mapping, mapping.index_of(name), column), why))
        key = target.key(values)
        if key is not None and not target.shared_keys and key in seen:
            view.problems.append(Problem(number, "", f"repeats row {seen[key]} "
                                                     f"({target.shown_key(values)})"))
        if key is not None:
            seen.setdefault(key, number)
        if view.problems:
            continue
        try:
            view.planned = target.prepare(plan, values, current.get(key))
        except RowProblem as e:
            index = mapping.index_of(e.column) if e.column else None
            named = next((c for c in mapping.columns.values() if c.key == e.column), None)
            where = _where(mapping, index, named) if (index is not None or named) else ""
            view.problems.append(Problem(number, where, e.message))
            continue
        view.planned.row_numbers.append(number)
        view.decision = ADD if view.planned.action == ADD else existing
    target.settle(plan, [r.planned for r in preview.rows if r.planned is not None])
    return preview


def _parse_row(sheet: Sheet, mapping: Mapping, formats: dict[int, Format], row: list[Any],
               number: int) -> RowView | None:
    if all(cells.is_empty(v) for v in row):
        return None
    view = RowView(number, {})
    if all(cells.is_empty(row[i]) if i < len(row) else True for i in mapping.columns):
        view.problems.append(Problem(number, "", "none of the mapped columns has a value"))
        return view
    for index, column in mapping.columns.items():
        raw = row[index] if index < len(row) else None
        cell = CellView(raw)
        view.cells[column.key] = cell
        if cells.is_empty(raw):
            continue
        try:
            cell.value = column.parse(raw, formats[index])
        except CellError as e:
            cell.error = str(e)
            view.problems.append(Problem(number, _where(mapping, index, column), str(e)))
    return view
