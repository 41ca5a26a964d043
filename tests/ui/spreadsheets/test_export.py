"""File ▸ Export workbook…: the workbook (or CSV folder) written like every output."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from smbplanner.spreadsheets.reading import sheet_names
from smbplanner.storage.errors import PlanFileError
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings
from smbplanner.ui.spreadsheets import export


def test_the_workbook_and_the_csv_folder(document: PlanDocument, tmp_path: Path) -> None:
    book = tmp_path / "plan.xlsx"
    assert export.write_export(document, book, as_csv=False).startswith("Wrote the workbook")
    assert sheet_names(book) == ["Systems", "Budget", "Goals", "KPIs", "Measurements",
                                 "People", "Initiatives", "Lines", "Actual spend", "Figures"]
    message = export.write_export(document, tmp_path / "tables", as_csv=True)
    assert message.startswith("Wrote 9 CSV files")


def test_never_over_the_plan(document: PlanDocument) -> None:
    before = document.path.read_bytes()
    with pytest.raises(PlanFileError, match="is the file being read"):
        export.write_export(document, document.path, as_csv=False)
    assert document.path.read_bytes() == before


def test_the_file_menu_offers_import_and_export(qtbot: QtBot, sample_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"),
                                     QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.files.open_path(sample_path)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Import…" in texts and "Export &workbook…" in texts
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(export, "ask_target", lambda parent, document: (target, False))
    window.actions.export_workbook.trigger()
    assert target.is_file()
    assert "Wrote the workbook" in window.statusBar().currentMessage()
