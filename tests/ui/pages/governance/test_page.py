"""The Governance page, driven like a user: people, RACI by keyboard and mouse, reviews."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import InitiativeStatus, RaciRole
from smbplanner.domain.model import Initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.governance.page import GovernancePage
from smbplanner.ui.pages.governance.raci import CHECK_COLUMN
from tests.ui.conftest import reopen

TODAY = date(2026, 11, 23)
MFA = "Multi-factor authentication and password manager"
MARTA, TOMAS, PIETER = 1, 2, 4


def _page(qtbot: QtBot, document: PlanDocument) -> GovernancePage:
    page = GovernancePage(document, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1040, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def _type_in_cell(qtbot: QtBot, view: QTableView, index: QModelIndex, text: str) -> None:
    """Select the cell, F2, replace the text, Enter: as a keyboard user edits."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next event loop turn
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _roles(document: PlanDocument, initiative_id: int) -> dict[int, RaciRole]:
    initiative = document.plan().initiative(initiative_id)
    assert initiative is not None
    return {e.person_id: e.role for e in initiative.raci}


def _check_tip(page: GovernancePage, initiative_id: int) -> str:
    model = page.raci.model
    row = next(r for r, i in enumerate(model.initiatives) if i.id == initiative_id)
    return str(model.data(model.index(row, CHECK_COLUMN), Qt.ItemDataRole.ToolTipRole))


def _warnings(page: GovernancePage) -> list[str]:
    items = page.raci.warnings
    return [items.item(n).text() for n in range(items.count())]


def test_people_add_edit_steering_delete_undo_redo(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    stack, model, view = document.undo_stack, page.people_model, page.people.view
    qtbot.mouseClick(page.people.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Add person"
    row = model.row_of(document.plan().people[-1].id)
    assert model.rowCount() == 6 and row == 5
    qtbot.waitUntil(lambda: isinstance(view.indexWidget(model.index(row, 0)), QLineEdit))
    qtbot.keyClick(view.indexWidget(model.index(row, 0)), Qt.Key.Key_Escape)

    _type_in_cell(qtbot, view, model.index(row, 0), "Ana Lima")
    _type_in_cell(qtbot, view, model.index(row, 1), "Shop manager, Harbour Street")
    assert stack.undoText() == "Change person role"
    view.setCurrentIndex(model.index(row, 2))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # tick "Steering committee"
    assert stack.undoText() == "Change person steering committee"
    assert page.committee.text().startswith("Steering committee (5): ")
    assert page.committee.text().endswith("Sam Okafor, Ana Lima")
    assert page.raci.model.headerData(7, Qt.Orientation.Horizontal) == "Ana Lima"

    stack.undo()
    assert "(4)" in page.committee.text() and "Ana Lima" not in page.committee.text()
    stack.redo()
    assert "Ana Lima" in page.committee.text()

    # Deleting Pieter takes his RACI cells with him; undo brings them all back.
    before = {i.id: _roles(document, i.id) for i in document.plan().initiatives if i.id}
    view.setCurrentIndex(model.index(model.row_of(PIETER), 0))
    qtbot.mouseClick(page.people.delete_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Delete person 'Pieter de Vries'"
    assert "Pieter de Vries" not in [p.name for p in page.raci.model.people]
    stack.undo()
    assert {i.id: _roles(document, i.id) for i in document.plan().initiatives if i.id} == before
    stack.redo()

    stored = reopen(document)
    people = stored.load().people
    stored.close()
    assert [p.name for p in people] == [
        "Marta Jensen",
        "Tomás Ruiz",
        "Elena Novak",
        "Sam Okafor",
        "Ana Lima",
    ]
    assert people[-1].role == "Shop manager, Harbour Street" and people[-1].on_steering_committee


def test_empty_name_is_refused(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    model = page.people_model
    _type_in_cell(qtbot, page.people.view, model.index(0, 0), "")
    assert page.people.error.isVisible()
    assert page.people.error.text() == "Name: must not be empty"
    assert document.undo_stack.count() == 0
    stored = reopen(document)
    assert stored.load().people[0].name == "Marta Jensen"
    stored.close()


def test_raci_by_keyboard_with_warnings(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    model, view, stack = page.raci.model, page.raci.view, document.undo_stack
    assert _warnings(page) == [] and _check_tip(page, 1) == "RACI complete"
    assert page.raci.warnings.isHidden()

    tomas = model.cell(1, TOMAS)
    view.setFocus()
    view.setCurrentIndex(tomas)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert stack.undoText() == f"Set RACI: 'Tomás Ruiz' Accountable for '{MFA}'"
    assert _roles(document, 1)[TOMAS] == RaciRole.ACCOUNTABLE
    two = f"'{MFA}' has 2 people Accountable in its RACI: there must be exactly one"
    assert _check_tip(page, 1) == two and _warnings(page) == [two]
    assert view.currentIndex() == tomas  # still there for the next key

    qtbot.keyClick(view, Qt.Key.Key_X)  # not a role: nothing happens
    assert stack.count() == 1

    view.setCurrentIndex(model.cell(1, MARTA))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stack.undoText() == f"Clear RACI: 'Marta Jensen' for '{MFA}'"
    assert _warnings(page) == [] and MARTA not in _roles(document, 1)

    view.setCurrentIndex(tomas)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    none = f"'{MFA}' has no one Accountable in its RACI: name exactly one person who answers for it"
    assert _warnings(page) == [none] and _check_tip(page, 1) == none
    qtbot.keyClick(view, Qt.Key.Key_R)  # lower-case r as typed
    assert _roles(document, 1)[TOMAS] == RaciRole.RESPONSIBLE

    stack.undo()
    assert TOMAS not in _roles(document, 1) and _warnings(page) == [none]
    stack.undo()
    assert _roles(document, 1)[TOMAS] == RaciRole.ACCOUNTABLE and _warnings(page) == []
    stack.undo()
    assert _warnings(page) == [two]
    stack.redo()
    stack.redo()
    stack.redo()
    assert _warnings(page) == [none] == [page.raci.warnings.item(0).text()]

    # A cancelled initiative is greyed, marked, and no longer checked.
    document.update(Initiative, 1, status=InitiativeStatus.CANCELLED)
    assert _warnings(page) == [] and model.data(model.index(0, 0)) == f"{MFA} (cancelled)"
    stack.undo()

    stored = reopen(document)
    raci = {e.person_id: e.role for e in stored.load().initiative(1).raci}  # type: ignore[union-attr]
    stored.close()
    assert raci.get(MARTA) is None and raci[TOMAS] == RaciRole.RESPONSIBLE


def _click(qtbot: QtBot, view: QTableView, cell: QModelIndex, double: bool = False) -> None:
    """A real click (or double-click: a press and release, then the double-click and
    release) at the middle of the cell."""
    centre = view.visualRect(cell).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_click_cycles_the_role(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    model, view, stack = page.raci.model, page.raci.view, document.undo_stack
    cell = model.cell(2, PIETER)  # empty cell
    assert model.data(cell) == ""
    seen = []
    for _ in range(5):
        _click(qtbot, view, cell)
        seen.append(model.data(cell))
    assert seen == ["R", "A", "C", "I", ""]
    assert stack.count() == 5 and view.findChild(QComboBox) is None  # no editor opened
    assert stack.undoText() == (
        "Clear RACI: 'Pieter de Vries' for 'Back-office server replacement'")
    _click(qtbot, view, cell, double=True)  # a double-click is two clicks
    assert model.data(cell) == "A" and stack.count() == 7
    stack.undo()
    assert model.data(cell) == "R"
    stored = reopen(document)
    raci = {e.person_id: e.role for e in stored.load().initiative(2).raci}  # type: ignore[union-attr]
    stored.close()
    assert raci[PIETER] == RaciRole.RESPONSIBLE


def test_click_then_type_sets_the_clicked_cell_every_time(
    qtbot: QtBot, document: PlanDocument
) -> None:
    """The owner's report: typing after a click changed the cell selected before. Each
    letter lands on the cell just clicked, whatever was current or open before."""
    page = _page(qtbot, document)
    model, view = page.raci.model, page.raci.view
    plan = document.plan()
    cells = [model.cell(i.id, p.id) for i in plan.initiatives[:4]  # type: ignore[arg-type]
             for p in plan.people[:3]]
    letters = [Qt.Key.Key_C, Qt.Key.Key_I, Qt.Key.Key_R, Qt.Key.Key_A]
    pause = QApplication.doubleClickInterval() + 100
    for n, cell in enumerate(cells):
        key = letters[n % 4]
        _click(qtbot, view, cell)
        if n % 2:  # a second, slower click on the same cell, as owners do
            qtbot.wait(pause)
            _click(qtbot, view, cell)
            qtbot.wait(pause)
        qtbot.keyClick(QApplication.focusWidget() or view, key)
        assert model.data(cell) == chr(key), (n, cell.row(), cell.column())
        assert view.currentIndex() == cell
    assert [model.data(c) for c in cells] == [chr(letters[n % 4]) for n in range(len(cells))]


def test_f2_opens_the_roles_and_a_click_in_the_list_sets_one(
    qtbot: QtBot, document: PlanDocument
) -> None:
    page = _page(qtbot, document)
    model, view, stack = page.raci.model, page.raci.view, document.undo_stack
    cell = model.cell(2, PIETER)
    view.setFocus()
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.findChild(QComboBox) is not None)
    combo = view.findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    popup = combo.view()
    informed = popup.model().index(combo.findData("I"), 0)
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(informed).center()
    )
    qtbot.waitUntil(lambda: _roles(document, 2).get(PIETER) == RaciRole.INFORMED)
    assert stack.count() == 1
    assert (
        stack.undoText()
        == "Set RACI: 'Pieter de Vries' Informed for 'Back-office server replacement'"
    )
    assert model.data(cell) == "I"


def test_reviews_add_edit_sort_delete_and_next_date(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    model, view, stack = page.reviews_model, page.reviews.view, document.undo_stack
    assert "1 January 2027" in page.next_review.text()  # last review 2026-07-14 is overdue
    qtbot.mouseClick(page.reviews.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Add review"
    assert [model.data(model.index(r, 0)) for r in range(4)][-1] == "11/23/2026"
    assert "Next quarterly review: <b>23 February 2027</b>" in page.next_review.text()

    _type_in_cell(qtbot, view, model.index(3, 2), "Approve the 2027 budget")
    _type_in_cell(qtbot, view, model.index(0, 0), "12/1/2026")  # moves to the end
    assert stack.undoText() == "Change review date"
    assert [model.data(model.index(r, 0)) for r in range(4)] == [
        "4/21/2026",
        "7/14/2026",
        "11/23/2026",
        "12/1/2026",
    ]
    assert "<b>1 March 2027</b>" in page.next_review.text()
    stack.undo()
    assert model.data(model.index(0, 0)) == "1/27/2026"
    stack.redo()

    before = document.plan().reviews
    _type_in_cell(qtbot, view, model.index(0, 0), "31/12/2026")
    assert page.reviews.error.text() == (
        "Date: '31/12/2026' is not a date: pick one from the calendar, or type it like "
        "6/30/2027"
    )
    assert document.plan().reviews == before and stack.count() == 3

    view.setCurrentIndex(model.index(0, 1))
    qtbot.mouseClick(page.reviews.delete_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Delete review '2026-04-21'" and model.rowCount() == 3
    stack.undo()
    assert model.rowCount() == 4
    stack.redo()

    stored = reopen(document)
    reviews = sorted(stored.load().reviews, key=lambda r: r.date)
    stored.close()
    assert [r.date for r in reviews] == [date(2026, 7, 14), date(2026, 11, 23), date(2026, 12, 1)]
    assert reviews[1].decisions == "Approve the 2027 budget"


def test_empty_plan_says_what_to_do(qtbot: QtBot, empty_document: PlanDocument) -> None:
    page = _page(qtbot, empty_document)
    assert page.committee.text().startswith("No people yet")
    assert "No reviews yet" in page.next_review.text()
    assert "<b>1 January 2027</b>" in page.next_review.text()
    assert page.raci.hint.text().startswith("No initiatives yet")
    assert page.raci.view.isHidden() and page.raci.warnings.isHidden()
    assert page.title == "Governance"


def test_the_raci_matrix_waits_while_hidden_and_catches_up_when_shown(
    qtbot: QtBot, document: PlanDocument
) -> None:
    """An edit elsewhere does not make a hidden matrix work out every initiative's RACI
    problems (a 3,000-initiative plan paid for it on every card dropped on the board)."""
    page = _page(qtbot, document)
    calls: list[int] = []
    original = page.raci.model.refresh
    page.raci.model.refresh = lambda: (calls.append(1), original())[1]  # type: ignore[method-assign]
    page.hide()
    first = document.plan().initiatives[0]
    assert first.id is not None
    assert document.update(Initiative, first.id, name="Renamed while hidden")
    assert calls == []
    page.show()
    qtbot.waitExposed(page)
    assert calls == [1]
    model = page.raci.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "Renamed while hidden" in names


def test_a_long_name_does_not_take_over_the_matrix(qtbot: QtBot, document: PlanDocument) -> None:
    from smbplanner.domain.model import Person

    long_name = ("Long person " * 20)[:200]
    document.update(Person, MARTA, "Rename", name=long_name)
    page = _page(qtbot, document)
    view, model = page.raci.view, page.raci.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == long_name)
    assert view.columnWidth(column) <= 170
    assert model.headerData(column, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole).startswith(long_name)


def test_a_long_name_is_cut_in_the_committee_line_and_whole_in_its_tooltip(
    qtbot: QtBot, document: PlanDocument
) -> None:
    from smbplanner.domain.model import Person

    long_name = ("Long person " * 20)[:200]
    document.update(Person, MARTA, "Rename", name=long_name)
    page = _page(qtbot, document)
    text = page.committee.text()
    assert long_name not in text and long_name[:59] + "…" in text
    assert long_name in page.committee.toolTip().split("\n")
