"""``smbplanner --self-test``: proves an installation works, in a bundle too.

Builds the main window (offscreen when there is no display), opens the sample plan written to
a temporary folder, shows every page (so the charts load matplotlib), exports the board pack
(reportlab) and checks it is a PDF with pages. Nothing is written outside the temporary folder:
the settings (recent files, window geometry) live there too.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from smbplanner.resources import resource


class SelfTestError(Exception):
    """One check failed; the message says which."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestError(what)


def pdf_page_count(pdf: bytes) -> int:
    """Pages in a PDF written by reportlab (its page objects are never in object streams)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def run_self_test(display: bool) -> str:
    """Run every check; returns the summary line, raises SelfTestError (or any error)."""
    if not display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _check(resource("fonts", "DejaVuSans.ttf").is_file(), f"no fonts in {resource()}")
    _check(resource("icons", "smbplanner.svg").is_file(), f"no icon in {resource()}")
    before = os.environ.get("SMBPLANNER_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="smbplanner-selftest-") as folder:
        os.environ["SMBPLANNER_DATA_DIR"] = str(Path(folder) / "data")
        try:
            return _run_in(Path(folder))
        finally:
            if before is None:
                del os.environ["SMBPLANNER_DATA_DIR"]
            else:
                os.environ["SMBPLANNER_DATA_DIR"] = before


def _workbook_round(plan: Any, folder: Path) -> int:
    """The sample as a workbook (openpyxl), read back (python-calamine): both are bundled."""
    from smbplanner.spreadsheets.reading import read_sheet, sheet_names
    from smbplanner.spreadsheets.workbook import workbook_bytes

    book = folder / "sample.xlsx"
    book.write_bytes(workbook_bytes(plan))
    names = sheet_names(book)
    systems = read_sheet(book, "Systems").rows
    _check(len(systems) == len(plan.systems) + 1, "the workbook does not read back")
    return len(names)


def _run_in(folder: Path) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from smbplanner.report import ReportOptions, build_board_pack
    from smbplanner.sample import sample_plan
    from smbplanner.storage.planfile import PlanFile
    from smbplanner.ui.app import create_app
    from smbplanner.ui.mainwindow import MainWindow
    from smbplanner.ui.pages.registry import PAGE_TITLES
    from smbplanner.ui.settings import AppSettings

    app = create_app()
    path = folder / "sample.smbplan"
    PlanFile.create(path, sample_plan()).close()
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    try:
        window.show()
        _check(window.open_path(path), f"the sample plan did not open: {path}")
        document = window.files.document
        _check(document is not None, "no document after opening the sample plan")
        shown = window.nav.count()
        for row in range(shown):
            window.nav.setCurrentRow(row)
            QApplication.processEvents()
            page = window.pages.currentWidget()
            title = getattr(page, "title", None)
            _check(title == PAGE_TITLES[row], f"the page '{PAGE_TITLES[row]}' was not built")
        _check(not window.grab().isNull(), "the main window cannot be drawn")
        _check("matplotlib" in sys.modules, "no chart was drawn")
        assert document is not None
        plan = document.plan()
        pdf = build_board_pack(plan, ReportOptions())
        _check(pdf.startswith(b"%PDF-"), "the board pack is not a PDF")
        pages = pdf_page_count(pdf)
        _check(pages > 0, "the board pack has no pages")
        sheets = _workbook_round(plan, folder)
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    del app
    return (
        f"OK: main window ({shown} pages shown), sample plan "
        f"'{plan.business.name}', board pack ({pages} pages, {len(pdf) // 1024} kB), "
        f"workbook ({sheets} sheets), "
        f"{os.environ.get('QT_QPA_PLATFORM') or 'native'} display"
    )
