"""The plan as one CSV file per table: UTF-8 with a BOM (so that Excel reads the accents),
comma-separated, decimal points, ISO dates; written through ``storage.filecopy`` like every
output (never over an input or a plan file)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from smbplanner.domain.model import Plan
from smbplanner.spreadsheets.tables import Table, plan_tables

#: A text starting with one of these is a formula to Excel and LibreOffice when a CSV is
#: opened ("=HYPERLINK(…)"): it is written after an apostrophe, which they show as text and
#: ``cells.text`` takes off again on import (OWASP's advice for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, float):
        return repr(value).removesuffix(".0") if value.is_integer() else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def table_csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.label for c in table.columns])
    for row in table.rows:
        writer.writerow([_text(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def csv_files(plan: Plan) -> dict[str, bytes]:
    """File name → content, one per table (``systems.csv``, ``budget.csv``, …)."""
    return {f"{t.target.name}.csv": table_csv(t) for t in plan_tables(plan)}


def _filler(data: bytes) -> Callable[[Path], None]:
    def fill(tmp: Path) -> None:
        tmp.write_bytes(data)

    return fill


def write_csv_folder(plan: Plan, folder: Path, *, force: bool, sources: list[Path]) -> list[Path]:
    """Write every table's CSV into ``folder`` (made if missing); each file is checked and
    written atomically; returns the paths written."""
    from smbplanner.storage.filecopy import check_output, write_atomically

    files = csv_files(plan)
    if not folder.exists():
        folder.mkdir()
    targets = [folder / name for name in files]
    for target in targets:  # refuse before writing any
        check_output(target, force=force, sources=sources)
    for target in targets:
        write_atomically(target, _filler(files[target.name]), replace=force)
    return targets
