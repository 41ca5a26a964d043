"""Help ▸ Check plan file: the file's SQLite checks and the plan's own checks in one report."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from smbplanner.domain.model import Goal, Initiative
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.checkdialog import CheckDialog
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings


def lines(dialog: CheckDialog) -> list[str]:
    return dialog.browser.toPlainText().splitlines()


def test_a_clean_plan_reports_ok(empty_document: PlanDocument, qtbot: QtBot) -> None:
    dialog = CheckDialog(empty_document)
    qtbot.addWidget(dialog)
    assert dialog.verdict.text() == "<h3>empty.smbplan: no problems found.</h3>"
    text = lines(dialog)
    assert "OK: every page and index of the file is sound." in text
    assert "OK: every link points to something that exists." in text
    assert text[-1].startswith("None: every initiative serves a goal")


def test_the_sample_has_warnings_only(document: PlanDocument, qtbot: QtBot) -> None:
    dialog = CheckDialog(document)
    qtbot.addWidget(dialog)
    assert dialog.summary() == "bakery.smbplan: no errors, 3 warnings."
    text = lines(dialog)
    assert "None: links, dependencies, RACI, options and cost lines are consistent." in text
    assert "Systems (2)" in text


def test_an_unlinked_goal_and_a_missing_accountable_are_listed(
    document: PlanDocument, qtbot: QtBot
) -> None:
    dialog = CheckDialog(document)
    qtbot.addWidget(dialog)
    document.add(Goal(title="Open a third shop"))
    document.add(Initiative(name="Loyalty app", start_year=2027))
    assert "Open a third shop" not in dialog.browser.toPlainText()
    dialog.run()  # "Check again"
    text = lines(dialog)
    assert "No initiative serves the goal 'Open a third shop'" in text
    assert "'Loyalty app' serves no business goal: link it to a goal, or ask why it is in the " \
           "plan (technological drift)" in text
    assert any(line.startswith("'Loyalty app' has no one Accountable") for line in text)
    assert dialog.summary().startswith("bakery.smbplan: 2 errors, 5 warnings")
    dialog.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(dialog.summary())
    assert "  - No initiative serves the goal 'Open a third shop'" in copied


def test_a_broken_reference_in_the_file_is_reported(sample_path: Path, qtbot: QtBot) -> None:
    conn = sqlite3.connect(sample_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO initiative_goal VALUES (1, 999, 2)")
    conn.commit()
    conn.close()
    document = PlanDocument(PlanFile.open(sample_path, readonly=True))
    try:
        dialog = CheckDialog(document)
        qtbot.addWidget(dialog)
        assert dialog.summary() == "bakery.smbplan: the file itself is damaged."
        text = lines(dialog)
        assert "Broken links:" in text
        assert "Row 25 of the initiative_goal table refers to a goal that does not exist" in text
        assert any(line.startswith("Not checked, because the file is damaged.") for line in text)
    finally:
        document.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.files.close_plan()


def test_help_menu_opens_the_report(window: MainWindow, sample_path: Path) -> None:
    assert not window.actions.check_file.isEnabled()
    assert window.open_path(sample_path)
    before = sample_path.read_bytes()
    window.actions.check_file.trigger()
    (dialog,) = [d for d in window.findChildren(CheckDialog) if d.isVisible()]
    assert dialog.summary() == "bakery.smbplan: no errors, 3 warnings."
    dialog.close()
    assert window.actions.check_file in window.menuBar().actions()[-1].menu().actions()
    window.files.close_plan()
    assert sample_path.read_bytes() == before
