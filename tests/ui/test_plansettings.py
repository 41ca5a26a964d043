"""The plan settings dialog: each change is one undo step; bad values are refused with a
message naming the field and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from smbplanner.domain.money import MoneyError
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.plansettings import PlanSettingsDialog, parse_factor, parse_percent
from tests.ui.conftest import reopen


@pytest.fixture
def dialog(document: PlanDocument, qtbot: QtBot) -> Iterator[PlanSettingsDialog]:
    widget = PlanSettingsDialog(document)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def _enter(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_shows_the_plans_settings(dialog: PlanSettingsDialog) -> None:
    assert dialog.rate.edit.text() == "8 %"
    assert [f.edit.text() for f in dialog.factors] == ["× 0.9", "× 1.15", "× 1.25", "× 0.75"]
    assert dialog.horizon.value() == 5
    assert dialog.currency.currentText() == "EUR"


def test_each_change_is_one_undo_step(dialog: PlanSettingsDialog, qtbot: QtBot) -> None:
    document = dialog.document
    _enter(qtbot, dialog.rate.edit, "7.5 %")
    assert document.undo_stack.undoText() == "Change discount rate"
    assert document.plan().business.discount_rate_bp == 750
    assert dialog.rate.edit.text() == "7.5 %"
    optimistic_cost, _, pessimistic_cost, pessimistic_benefit = dialog.factors
    _enter(qtbot, optimistic_cost.edit, "0.85")
    _enter(qtbot, pessimistic_cost.edit, "×1.3")
    _enter(qtbot, pessimistic_benefit.edit, "x 0.7")
    assert document.undo_stack.undoText() == "Change pessimistic benefit factor"
    dialog.horizon.setValue(7)
    dialog.horizon.editingFinished.emit()
    assert document.undo_stack.undoText() == "Change horizon"
    dialog.currency.setCurrentText("GBP")
    dialog.currency.lineEdit().editingFinished.emit()
    assert document.undo_stack.undoText() == "Change currency"
    assert document.undo_stack.count() == 6

    document.undo_stack.undo()
    assert dialog.currency.currentText() == "EUR"  # the dialog follows undo
    document.undo_stack.undo()
    assert dialog.horizon.value() == 5
    document.undo_stack.redo()
    document.undo_stack.redo()
    stored = reopen(document)
    business = stored.load().business
    stored.close()
    assert (business.discount_rate_bp, business.optimistic_cost_bp, business.pessimistic_cost_bp,
            business.pessimistic_benefit_bp, business.horizon_years, business.currency) == (
        750, 8_500, 13_000, 7_000, 7, "GBP")


def test_bad_values_are_refused_and_nothing_is_stored(
    dialog: PlanSettingsDialog, qtbot: QtBot
) -> None:
    document = dialog.document
    _enter(qtbot, dialog.rate.edit, "lots")
    assert dialog.error.text() == "Discount rate: 'lots' is not a number"
    assert dialog.rate.edit.text() == "8 %"  # back to what is stored
    _enter(qtbot, dialog.rate.edit, "150")
    assert dialog.error.text().startswith("Discount rate: must be a percentage from 0 to 100")
    _enter(qtbot, dialog.factors[0].edit, "11")
    assert dialog.error.text().startswith("Optimistic: costs: must be a factor from 0 to 10")
    dialog.currency.setCurrentText("EURO")
    dialog.currency.lineEdit().editingFinished.emit()
    assert dialog.error.text() == "Currency: must be an ISO 4217 code such as EUR, USD or GBP"
    assert dialog.currency.currentText() == "EUR"
    assert document.undo_stack.count() == 0
    _enter(qtbot, dialog.rate.edit, "9")
    assert dialog.error.text() == ""  # a good value clears the message


def test_parsers() -> None:
    assert parse_percent("8") == 800 and parse_percent(" 12.25 % ") == 1_225
    assert parse_factor("1") == 10_000 and parse_factor("×0.9") == 9_000
    for bad in ("", "-1", "0.001"):
        with pytest.raises(MoneyError):
            parse_percent(bad)
    with pytest.raises(MoneyError):
        parse_factor("1.00001")


def test_the_board_pack_s_own_words_are_stored_and_undone(
    dialog: PlanSettingsDialog, document: PlanDocument, qtbot: QtBot
) -> None:
    from smbplanner.analysis.cash_statement import rate_rationale
    from smbplanner.analysis.decision import decision

    business = document.plan().business
    assert dialog.rationale.toPlainText() == business.rate_rationale
    assert dialog.prepared_by.text() == business.prepared_by
    built = decision(document.plan()).built
    assert dialog.resolution.toPlainText() == ""
    assert dialog.resolution.placeholderText() == built
    dialog.start_from_built.click()
    assert dialog.resolution.toPlainText() == built
    dialog.resolution.setPlainText("Approve the online shop for 40,000 EUR in 2028.")
    dialog.prepared_by.setFocus()  # leaving the field stores it
    assert document.plan().business.resolution == (
        "Approve the online shop for 40,000 EUR in 2028.")
    dialog.prepared_by.setText("Ola Nordmann, finance")
    dialog.prepared_by.editingFinished.emit()
    assert document.plan().business.prepared_by == "Ola Nordmann, finance"
    dialog.rationale.setFocus()
    assert dialog.rationale.hasFocus()
    dialog.rationale.setPlainText("  ")
    dialog.resolution.setFocus()
    assert document.plan().business.rate_rationale == ""
    assert dialog.rationale.placeholderText() == rate_rationale(800)
    assert [document.undo_stack.text(i) for i in range(document.undo_stack.count())] == [
        "Change resolution", "Change prepared by", "Change why this rate"]
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan().business.resolution == ""
    assert dialog.resolution.toPlainText() == ""
    assert dialog.prepared_by.text() == business.prepared_by
