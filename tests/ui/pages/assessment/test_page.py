"""The Assessment page: SWOT board, systems inventory and stakeholder feedback, driven through
the widgets; every edit is undoable, stored, and bad values are refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from smbplanner.analysis.assessment import (
    end_of_life_reason,
    satisfaction_by_department,
    system_totals,
)
from smbplanner.domain.enums import SwotKind, SystemAction
from smbplanner.domain.model import Plan
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.assessment.page import AssessmentPage
from smbplanner.ui.pages.assessment.swot_dialog import SwotItemDialog
from smbplanner.ui.shared.widgets import TablePanel
from tests.ui.conftest import reopen


@pytest.fixture
def page(document: PlanDocument, qtbot: QtBot) -> Iterator[AssessmentPage]:
    widget = AssessmentPage(document)
    qtbot.addWidget(widget)
    widget.resize(1040, 760)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    yield widget


def _stored(document: PlanDocument) -> Plan:
    stored = reopen(document)
    plan = stored.load()
    stored.close()
    return plan


def _ok(qtbot: QtBot, dialog: SwotItemDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _edit_cell(qtbot: QtBot, panel: TablePanel, row: int, column: int, text: str) -> None:
    """Type into a cell's editor, as a user would, and press Enter."""
    index = panel.model.index(row, column)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = next(e for e in panel.view.viewport().findChildren(QLineEdit) if e.isVisible())
    _type(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


# --- SWOT ---------------------------------------------------------------------------------
def test_board_shows_each_item_with_its_question_and_goals(page: AssessmentPage) -> None:
    plan = page.document.plan()
    for kind, panel in page.swot.panels.items():
        items = [i for i in plan.swot if i.kind == kind]
        assert panel.model.rowCount() == len(items) == 3
        assert panel.stack.currentWidget() is panel.view
    weak = page.swot.panels[SwotKind.WEAKNESS].model
    shown = weak.data(weak.index(2, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert shown == (
        "Tills are out of support and freeze at the Saturday peak. IT question: What does a "
        "lost Saturday hour at the tills cost, and how fast would new tills pay for "
        "themselves?. Goals: Lift operating margin from 6 % to 9 %; "
        "Make it easy to order ahead and come back. Answered by: Cloud POS with integrated "
        "card payments; Shop Wi-Fi and network upgrade"
    )


def test_empty_quadrants_show_a_hint(empty_document: PlanDocument, qtbot: QtBot) -> None:
    page = AssessmentPage(empty_document)
    qtbot.addWidget(page)
    for panel in page.swot.panels.values():
        assert panel.stack.currentWidget() is panel.hint
        assert "Add one" in panel.hint.text()
        assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    assert page.systems.hint.isVisibleTo(page.systems)
    assert page.feedback.hint.isVisibleTo(page.feedback)
    assert page.feedback.overall.text() == "Overall: no responses yet"


def test_add_item_with_goal_links(page: AssessmentPage, qtbot: QtBot) -> None:
    document, panel = page.document, page.swot.panels[SwotKind.THREAT]
    qtbot.mouseClick(panel.add_button, Qt.LeftButton)
    dialog = page.swot.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Add threat"
    _type(qtbot, dialog.text_edit, "New GDPR rules for loyalty data")
    _type(qtbot, dialog.question_edit, "Could the tills delete a customer's data on request?")
    dialog.goal_boxes[2].setChecked(True)
    dialog.goal_boxes[4].setChecked(True)
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Add threat 'New GDPR rules for loyalty data'"
    assert panel.model.rowCount() == 4
    assert panel.current_id() == panel.model.items[3].id  # the new item is selected
    document.undo_stack.undo()
    assert panel.model.rowCount() == 3
    document.undo_stack.redo()
    assert panel.model.rowCount() == 4
    added = _stored(document).swot[-1]
    assert (added.kind, added.text, added.goal_ids) == (
        SwotKind.THREAT,
        "New GDPR rules for loyalty data",
        [2, 4],
    )
    assert added.it_question == "Could the tills delete a customer's data on request?"


def test_empty_text_is_refused_in_the_dialog(page: AssessmentPage, qtbot: QtBot) -> None:
    document = page.document
    qtbot.mouseClick(page.swot.panels[SwotKind.STRENGTH].add_button, Qt.LeftButton)
    dialog = page.swot.dialog
    assert dialog is not None
    _type(qtbot, dialog.question_edit, "A question without an item")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Item: must not be empty"
    assert document.undo_stack.count() == 0
    assert len(_stored(document).swot) == 12


def test_edit_text_question_and_links_is_one_undo_step(page: AssessmentPage, qtbot: QtBot) -> None:
    document, panel = page.document, page.swot.panels[SwotKind.WEAKNESS]
    panel.select_id(5)  # the server, linked to goal 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialog = page.swot.dialog
    assert dialog is not None and dialog.windowTitle() == "Edit weakness"
    assert dialog.goal_boxes[1].isChecked() and not dialog.goal_boxes[3].isChecked()
    _type(qtbot, dialog.text_edit, "The server is 12 years old")
    _type(qtbot, dialog.question_edit, "Could we invoice if it died tonight?")
    dialog.goal_boxes[1].setChecked(False)
    dialog.goal_boxes[3].setChecked(True)
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == (
        "Edit weakness 'The back-office server is 12 years old,…'"
    )
    item = page.swot.item(5)
    assert item is not None
    assert (item.text, item.it_question, item.goal_ids) == (
        "The server is 12 years old",
        "Could we invoice if it died tonight?",
        [3],
    )
    document.undo_stack.undo()
    item = page.swot.item(5)
    assert item is not None and item.goal_ids == [1]
    assert item.text.startswith("The back-office server") and item.it_question.startswith("If")
    document.undo_stack.redo()
    stored = next(i for i in _stored(document).swot if i.id == 5)
    assert (stored.text, stored.goal_ids) == ("The server is 12 years old", [3])


def test_single_changes_have_their_own_names(page: AssessmentPage, qtbot: QtBot) -> None:
    document, board = page.document, page.swot
    dialog = board.edit_item(1)
    assert dialog is not None
    dialog.goal_boxes[1].setChecked(True)
    _ok(qtbot, dialog)
    assert document.undo_stack.undoText() == (
        "Link strength 'Loyal local customers and a strong bran…' to goal "
        "'Lift operating margin from 6 % to 9 %'"
    )
    dialog = board.edit_item(1)
    assert dialog is not None
    _type(qtbot, dialog.question_edit, "Can the tills recognise regulars?")
    _ok(qtbot, dialog)
    assert document.undo_stack.undoText() == "Change strength IT question"
    dialog = board.edit_item(1)
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("opportunity"))
    _ok(qtbot, dialog)
    assert document.undo_stack.undoText().startswith("Move strength 'Loyal")
    # items are listed in the order they were added, so it comes first among opportunities
    assert (
        board.panels[SwotKind.OPPORTUNITY].model.row_of(1) == 0
        and board.panels[SwotKind.STRENGTH].model.row_of(1) == -1
    )
    dialog = board.edit_item(1)
    assert dialog is not None
    _ok(qtbot, dialog)  # nothing changed: nothing pushed
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert board.panels[SwotKind.STRENGTH].model.row_of(1) == 0
    stored = next(i for i in _stored(document).swot if i.id == 1)
    assert (stored.kind, stored.goal_ids) == (SwotKind.STRENGTH, [1, 2])
    assert stored.it_question == "Can the tills recognise regulars?"


def test_delete_with_key_and_button_and_undo(page: AssessmentPage, qtbot: QtBot) -> None:
    document, panel = page.document, page.swot.panels[SwotKind.OPPORTUNITY]
    panel.select_id(8)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.model.row_of(8) == -1
    assert document.undo_stack.undoText() == (
        "Delete SWOT item 'High energy prices make oven efficiency…'"
    )
    assert panel.current_id() == 9  # the next item is selected
    qtbot.mouseClick(panel.delete_button, Qt.LeftButton)
    assert panel.model.rowCount() == 1
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert [i.id for i in panel.model.items] == [7, 8, 9]
    restored = page.swot.item(8)
    assert restored is not None and restored.goal_ids == [1, 3]
    assert restored.initiative_ids != []
    document.undo_stack.redo()
    ids = [i.id for i in _stored(document).swot]
    assert 8 not in ids and 9 in ids and len(ids) == 11


# --- systems ------------------------------------------------------------------------------
def _systems(page: AssessmentPage) -> TablePanel:
    page.tabs.setCurrentWidget(page.systems)
    return page.systems.panel


def test_system_edits_through_the_editors(page: AssessmentPage, qtbot: QtBot) -> None:
    document, panel = page.document, _systems(page)
    _edit_cell(qtbot, panel, 1, 3, "1,500.50")  # Accounting's run cost
    assert document.undo_stack.undoText() == "Change system run cost a year"
    assert panel.model.data(panel.model.index(1, 3)) == "1,501 EUR"
    document.undo_stack.undo()
    assert document.plan().systems[1].annual_run_cost_cents == 1_440_00
    document.undo_stack.redo()
    index = panel.model.index(1, 8)  # action, through the choice delegate
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    combo = panel.view.viewport().findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData("retire"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert document.undo_stack.undoText() == "Change system action"
    assert panel.view.currentIndex().row() == 1  # the keyboard user stays on the row
    stored = _stored(document).systems[1]
    assert (stored.annual_run_cost_cents, stored.action) == (1_500_50, SystemAction.RETIRE)


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        (3, "abc", "Run cost a year: 'abc' is not an amount"),
        (3, "-5", "Run cost a year: must be a number ≥ 0"),
        (6, "7", "Condition: must be between 1 and 5"),
        (5, "2010", "End of life: must not be before year_installed"),
    ],
)
def test_bad_system_values_are_refused(
    page: AssessmentPage, qtbot: QtBot, column: int, text: str, message: str
) -> None:
    document, panel = page.document, _systems(page)
    before = document.plan().systems
    _edit_cell(qtbot, panel, 0, column, text)
    assert panel.error.isVisible() and panel.error.text() == message
    assert document.undo_stack.count() == 0
    assert _stored(document).systems == before


def test_add_and_delete_systems(page: AssessmentPage, qtbot: QtBot) -> None:
    document, panel = page.document, _systems(page)
    qtbot.mouseClick(panel.add_button, Qt.LeftButton)
    assert panel.model.rowCount() == 9
    assert document.undo_stack.undoText() == "Add system"
    assert panel.view.currentIndex().row() == 8
    _edit_cell(qtbot, panel, 8, 0, "Van tracking")
    document.undo_stack.undo()
    assert panel.model.entity(8).name == "New system"
    document.undo_stack.undo()
    assert panel.model.rowCount() == 8
    document.undo_stack.redo()
    document.undo_stack.redo()
    panel.view.setCurrentIndex(panel.model.index(4, 0))  # the ordering spreadsheet
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert document.undo_stack.undoText() == "Delete system 'Ordering spreadsheet'"
    assert panel.model.rowCount() == 8
    document.undo_stack.undo()
    assert panel.model.entity(4).name == "Ordering spreadsheet"
    document.undo_stack.redo()
    names = [s.name for s in _stored(document).systems]
    assert "Van tracking" in names and "Ordering spreadsheet" not in names


def test_end_of_life_highlight_and_totals_match_analysis(
    page: AssessmentPage, qtbot: QtBot
) -> None:
    document, panel, tab = page.document, _systems(page), page.systems

    def check(expected_flagged: int) -> None:
        plan = document.plan()
        start = plan.business.start_year
        flagged = 0
        for row, system in enumerate(plan.systems):
            index = panel.model.index(row, 0)
            reason = end_of_life_reason(system, start)
            background = panel.model.data(index, Qt.ItemDataRole.BackgroundRole)
            assert (background is not None) is (reason is not None)
            if reason:
                flagged += 1
                assert panel.model.data(index, Qt.ItemDataRole.ToolTipRole) == reason
                assert f"before the plan's start year {start}" in reason
        totals = system_totals(plan.systems, start)
        assert flagged == totals.past_end_of_life == expected_flagged
        money = fmt.money(totals.run_cost_cents, "EUR")
        assert tab.total_label.text() == f"Total run cost: <b>{money}</b> a year"
        assert tab.eol_label.text() == f"Past end of life: <b>{flagged}</b>"
        outgoing = fmt.money(totals.outgoing_run_cost_cents, "EUR")
        assert tab.outgoing_label.text() == f"To replace or retire: <b>{outgoing}</b> a year"

    check(2)  # tills (2025) and the server (2023), before 2026
    assert "16,280 EUR" in tab.total_label.text()
    assert "6,000 EUR" in tab.outgoing_label.text()
    _edit_cell(qtbot, panel, 5, 5, "2024")  # Wi-Fi's end of life moves before 2026
    check(3)
    document.update_business(start_year=2024)  # the plan's start year is the yardstick
    check(1)
    panel.view.setCurrentIndex(panel.model.index(3, 0))
    assert "Past end of life" in tab.detail.text() and "USB disk" in tab.detail.text()


# --- feedback -----------------------------------------------------------------------------
def _feedback(page: AssessmentPage) -> TablePanel:
    page.tabs.setCurrentWidget(page.feedback)
    return page.feedback.panel


def _averages(page: AssessmentPage) -> list[tuple[str, str, str]]:
    table = page.feedback.averages
    return [
        tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
        for row in range(table.rowCount())
    ]


def test_feedback_edits_and_averages(page: AssessmentPage, qtbot: QtBot) -> None:
    document, panel = page.document, _feedback(page)
    assert page.feedback.overall.text() == "Overall: <b>2.5</b> out of 5 from 6 responses"
    qtbot.mouseClick(panel.add_button, Qt.LeftButton)
    assert document.undo_stack.undoText() == "Add feedback"
    _edit_cell(qtbot, panel, 6, 0, "finance")
    _edit_cell(qtbot, panel, 6, 1, "5")
    assert document.undo_stack.undoText() == "Change feedback satisfaction (1–5)"
    expected = satisfaction_by_department(document.plan().feedback)
    assert [(e.department, e.responses) for e in expected][1] == ("Finance", 2)
    assert _averages(page) == [
        (e.department, str(e.responses), f"{e.average:.1f}") for e in expected
    ]
    assert ("Finance", "2", "3.5") in _averages(page)
    assert page.feedback.overall.text() == "Overall: <b>2.9</b> out of 5 from 7 responses"
    document.undo_stack.undo()
    assert ("Finance", "2", "2.5") in _averages(page)
    document.undo_stack.redo()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.mouseClick(panel.delete_button, Qt.LeftButton)
    assert document.undo_stack.undoText() == "Delete feedback 'Shops (front of house)'"
    assert "Shops (front of house)" not in [row[0] for row in _averages(page)]
    document.undo_stack.undo()
    document.undo_stack.redo()
    stored = _stored(document).feedback
    assert [(f.department, f.satisfaction) for f in stored][-1] == ("finance", 5)
    assert "Shops (front of house)" not in [f.department for f in stored]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "Satisfaction (1–5): must be between 1 and 5"),
        ("good", "Satisfaction (1–5): must be a whole number"),
    ],
)
def test_bad_satisfaction_is_refused(
    page: AssessmentPage, qtbot: QtBot, text: str, message: str
) -> None:
    document, panel = page.document, _feedback(page)
    _edit_cell(qtbot, panel, 2, 1, text)
    assert panel.error.text() == message
    assert document.undo_stack.count() == 0
    assert _stored(document).feedback[2].satisfaction == 2


def test_the_swot_dialog_writes_nothing_when_one_of_its_links_is_refused(
    page: AssessmentPage, qtbot: QtBot
) -> None:
    """The dialog's text, question and goal links are one edit: a goal deleted while the
    dialog was open refuses its link, and then nothing of the dialog is stored (no new text,
    not the other link) and there is no undo step for it; the dialog says why and stays."""
    from smbplanner.domain.model import Goal

    document, panel = page.document, page.swot.panels[SwotKind.WEAKNESS]
    before = page.swot.item(5)
    assert before is not None and before.goal_ids == [1]
    panel.select_id(5)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialog = page.swot.dialog
    assert dialog is not None and dialog.isVisible()
    _type(qtbot, dialog.text_edit, "The server is 12 years old")
    dialog.goal_boxes[3].setChecked(True)
    dialog.goal_boxes[4].setChecked(True)
    assert document.delete(Goal, 4)  # meanwhile, elsewhere
    steps = document.undo_stack.count()
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text()
    assert document.undo_stack.count() == steps
    after = next(i for i in _stored(document).swot if i.id == 5)
    assert (after.text, after.goal_ids) == (before.text, [1])
