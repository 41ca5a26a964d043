"""Destination page: the business profile, IT vision and mission, and goals, through widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.destination.page import DestinationPage
from tests.ui.conftest import reopen


def _page(qtbot: QtBot, document: PlanDocument) -> DestinationPage:
    page = DestinationPage(document)
    qtbot.addWidget(page)
    page.resize(1040, 760)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_profile_vision_and_mission_are_saved_and_undoable(qtbot: QtBot,
                                                           document: PlanDocument) -> None:
    page = _page(qtbot, document)
    page.name.setFocus()
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Harbour Bakeries Ltd")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert document.plan().business.name == "Harbour Bakeries Ltd"
    assert document.undo_stack.undoText() == "Change business name"
    page.vision.setFocus()
    page.vision.selectAll()
    qtbot.keyClicks(page.vision, "Every shop sells from one live picture.")
    page.name.setFocus()  # leaving the box commits it
    assert document.plan().business.it_vision == "Every shop sells from one live picture."
    document.undo_stack.undo()
    assert page.vision.toPlainText().startswith("Technology lets every shop")
    document.undo_stack.redo()
    stored = reopen(document)
    business = stored.business()
    stored.close()
    assert (business.name, business.it_vision) == (
        "Harbour Bakeries Ltd", "Every shop sells from one live picture.")


def test_bad_profile_values_are_refused_beside_the_field(qtbot: QtBot,
                                                         document: PlanDocument) -> None:
    page = _page(qtbot, document)
    page.name.setFocus()
    page.name.selectAll()
    qtbot.keyClick(page.name, Qt.Key.Key_Delete)
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert page.error.isVisible()
    assert page.error.text() == "Business name: must not be empty"
    assert page.name.text() == "Harbour Bakery Co."
    page.currency.setCurrentText("EURO")
    page.currency.lineEdit().editingFinished.emit()
    assert page.error.text().startswith("Currency: must be an ISO 4217 code")
    assert document.plan().business.currency == "EUR"
    assert document.undo_stack.count() == 0


def test_goals_add_edit_delete_undo(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    panel = page.goals
    before = len(document.plan().goals)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    goals = document.plan().goals
    assert len(goals) == before + 1 and goals[-1].title == "New goal"
    row = panel.model.row_of(goals[-1].id)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Open a fifth shop")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: document.plan().goals[-1].title == "Open a fifth shop")
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(document.plan().goals) == before
    assert document.undo_stack.undoText() == "Delete goal 'Open a fifth shop'"
    document.undo_stack.undo()
    assert document.plan().goals[-1].title == "Open a fifth shop"
    stored = reopen(document)
    titles = [g.title for g in stored.load().goals]
    stored.close()
    assert titles[-1] == "Open a fifth shop" and len(titles) == before + 1


def test_deleting_a_goal_and_undo_restores_its_kpis(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    kpis_before = len(document.plan().kpis)
    page.goals.view.setCurrentIndex(page.goals.model.index(0, 0))
    page.goals.delete_selected()
    assert len(document.plan().kpis) < kpis_before
    document.undo_stack.undo()
    assert len(document.plan().kpis) == kpis_before


def test_empty_plan_shows_what_to_do(qtbot: QtBot, empty_document: PlanDocument) -> None:
    page = _page(qtbot, empty_document)
    assert page.empty_hint.isVisible()
    assert "No goals yet" in page.empty_hint.text()
    qtbot.mouseClick(page.goals.add_button, Qt.MouseButton.LeftButton)
    assert not page.empty_hint.isVisible()
