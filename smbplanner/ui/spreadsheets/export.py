"""File ▸ Export workbook…: the plan as an XLSX workbook (or one CSV per table in a folder),
written like every output: checked (never over the plan or any plan file), then atomically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from smbplanner.storage.errors import PlanFileError
from smbplanner.ui.document import PlanDocument

XLSX_FILTER = "Excel workbook (*.xlsx)"
CSV_FILTER = "CSV files, one per table (choose a folder name)"


def ask_target(parent: QWidget, document: PlanDocument) -> tuple[Path, bool] | None:
    """The file (or folder, for CSV) to write and whether it is CSV; None when cancelled."""
    suggested = document.path.with_suffix(".xlsx")
    name, chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("Export workbook"), str(suggested), f"{XLSX_FILTER};;{CSV_FILTER}")
    if not name:
        return None
    path = Path(name)
    if chosen == CSV_FILTER:
        return path.with_suffix(""), True
    return (path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")), False


def write_export(document: PlanDocument, target: Path, *, as_csv: bool) -> str:
    """Write the export; returns the status message. Raises ``PlanFileError``."""
    from smbplanner.spreadsheets.csvout import write_csv_folder
    from smbplanner.spreadsheets.workbook import workbook_bytes
    from smbplanner.storage.filecopy import check_output, write_atomically

    plan = document.plan()
    if as_csv:
        written = write_csv_folder(plan, target, force=True, sources=[document.path])
        return f"Wrote {len(written)} CSV files to {target}."
    data = workbook_bytes(plan)
    # the save dialog asked before replacing a file; a plan file is never replaced
    check_output(target, force=True, sources=[document.path])
    write_atomically(target, lambda tmp: tmp.write_bytes(data), replace=True)
    return f"Wrote the workbook to {target}."


def export_workbook(parent: QWidget, document: PlanDocument) -> str | None:
    """Ask where, write, and return the status message (None when cancelled or refused)."""
    chosen = ask_target(parent, document)
    if chosen is None:
        return None
    target, as_csv = chosen
    try:
        return write_export(document, target, as_csv=as_csv)
    except (PlanFileError, OSError) as e:
        box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Export workbook"),
                          str(e), parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return None

