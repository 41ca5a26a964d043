"""The benefit helpers' dialog is not squashed (issue 18): its years read in full and are
set with the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from smbplanner.ui.pages.initiatives.benefit_helpers import HELPERS, BenefitHelperDialog


def test_the_years_and_hints_read_in_full(qtbot: QtBot) -> None:
    dialog = BenefitHelperDialog(HELPERS[0], "EUR", 8)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for spin in (dialog.year_from, dialog.year_to):
        edit = spin.findChild(QLineEdit)
        assert edit is not None
        assert edit.fontMetrics().horizontalAdvance("year 30") < edit.width()
    what = dialog.what
    assert what.fontMetrics().horizontalAdvance(what.placeholderText()) < what.width()
    dialog.year_to.setFocus()
    qtbot.keyClick(dialog.year_to, Qt.Key.Key_Down)
    assert dialog.year_to.value() == 6 and dialog.year_to.text() == "year 6"
