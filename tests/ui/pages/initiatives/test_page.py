"""The Initiatives page driven through its widgets: the list (sorting, filters), the editor
(fields, goals, dependencies, milestones), the risk register and heat map, and the starter
library. What is stored is read back by reopening the file.

Sample plan: goals 1 financial, 2 customer, 3 internal process, 4 learning and growth;
initiative 1 "Multi-factor authentication…" (run, goals 1 and 4), 2 depends on 1, 5 is the
bakery ERP (3 risks, 3 milestones, depends on 2 and 3; 6 and 11 depend on it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.risks import heat_map
from smbplanner.domain.enums import (
    CostCategory,
    InitiativeStatus,
    Portfolio,
    Quadrant,
    RiskCategory,
    RiskStatus,
    label,
)
from smbplanner.domain.model import CostLine, GoalLink, Milestone, Option, Risk
from smbplanner.library import load_library
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.listmodel import CATEGORY, NAME, NPV, START, TCO
from smbplanner.ui.pages.initiatives.page import InitiativesPage
from smbplanner.ui.pages.initiatives.risks import RISK_COLUMNS
from tests.ui.conftest import reopen

RISK = {c.field: n for n, c in enumerate(RISK_COLUMNS)}
ERP = 5


@pytest.fixture
def page(document: PlanDocument, qtbot: QtBot) -> Iterator[InitiativesPage]:
    yield _page(document, qtbot)


def _page(document: PlanDocument, qtbot: QtBot) -> InitiativesPage:
    page = InitiativesPage(document)
    qtbot.addWidget(page)
    page.resize(1040, 760)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _type(qtbot: QtBot, widget: QWidget, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Focus a field, replace its text and press Enter (or Tab) as a user would."""
    edit = widget.lineEdit() if isinstance(widget, QSpinBox) else widget
    widget.setFocus()
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, key)


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose an entry of a closed combo with the arrow keys (emits ``activated``)."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def _type_cell(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    QApplication.processEvents()


def _choose_cell(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(text))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    QApplication.processEvents()


def _click_header(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_add_initiative_then_edit_every_field_undo_redo_reopen(
    page: InitiativesPage, qtbot: QtBot
) -> None:
    document, stack, editor = page.document, page.document.undo_stack, page.editor
    qtbot.mouseClick(page.list.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Add initiative"
    new_id = page.current_id()
    assert new_id == 12 and editor.name.hasFocus() and editor.name.text() == "New initiative"
    added = document.plan().initiative(12)
    assert added is not None
    assert (added.start_year, added.start_quarter) == (2026, 1)
    assert added.status == InitiativeStatus.PROPOSED
    assert [(o.name, o.chosen) for o in added.options] == [("Option A", True)]

    qtbot.keyClicks(editor.name, "Cloud accounting")  # the name is selected: typing replaces it
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    assert stack.undoText() == "Rename initiative 'New initiative' to 'Cloud accounting'"
    editor.description.setFocus()
    qtbot.keyClicks(editor.description, "Books in the cloud with bank feeds.")
    editor.owner.setFocus()  # leaving the box commits it
    assert stack.undoText() == "Change initiative 'Cloud accounting' description"
    _pick(qtbot, editor.portfolio, "Run")
    assert stack.undoText() == "Change initiative 'Cloud accounting' portfolio"
    _pick(qtbot, editor.status, "Approved")
    _type(qtbot, editor.owner, "Marta Jensen")
    _type(qtbot, editor.start_year, "2027")
    _pick(qtbot, editor.start_quarter, "Q3")
    assert stack.undoText() == "Change initiative 'Cloud accounting' start quarter"
    _type(qtbot, editor.duration, "3")
    assert stack.undoText() == "Change initiative 'Cloud accounting' duration"
    assert editor.duration.text() == "3 quarters"
    # each arrow key on a closed combo is a choice: Q1 -> Q2 -> Q3 are two steps
    assert [stack.text(n) for n in range(6, 9)] == [
        "Change initiative 'Cloud accounting' start year",
        "Change initiative 'Cloud accounting' start quarter",
        "Change initiative 'Cloud accounting' start quarter",
    ]
    assert stack.count() == 10

    # the list follows at once: name, portfolio, start
    model = page.list.model
    row = model.row_of(12)
    assert [model.index(row, c).data() for c in (NAME, START)] == ["Cloud accounting", "2027 Q3"]

    stack.undo()  # duration
    assert editor.duration.value() == 4
    stack.undo()  # quarter
    assert editor.start_quarter.currentText() == "Q2"
    stack.undo()
    assert editor.start_quarter.currentText() == "Q1"
    for _ in range(3):
        stack.redo()
    stored = reopen(document)
    i = stored.load().initiative(12)
    stored.close()
    assert i is not None
    assert (i.name, i.description, i.portfolio, i.status, i.owner) == (
        "Cloud accounting", "Books in the cloud with bank feeds.", Portfolio.RUN,
        InitiativeStatus.APPROVED, "Marta Jensen",
    )
    assert (i.start_year, i.start_quarter, i.duration_quarters) == (2027, 3, 3)


def test_funding_is_chosen_in_the_editor(page: InitiativesPage, qtbot: QtBot) -> None:
    """How the initiative is paid: one undo step, stored, read by the board pack."""
    from smbplanner.domain.enums import FundingSource

    document, stack, editor = page.document, page.document.undo_stack, page.editor
    initiative_id = document.plan().initiatives[0].id
    assert initiative_id is not None
    page.select_initiative(initiative_id)
    start = document.plan().initiative(initiative_id)
    assert start is not None and editor.funding.currentText() == label(start.funding)
    name = start.name
    target = "Loan" if start.funding != FundingSource.LOAN else "Lease"
    _pick(qtbot, editor.funding, target)
    assert stack.undoText() == f"Change initiative '{name}' paid by"
    found = document.plan().initiative(initiative_id)
    assert found is not None and label(found.funding) == target
    stack.undo()
    assert editor.funding.currentText() == label(start.funding)
    stack.redo()
    stored = reopen(document)
    again = stored.load().initiative(initiative_id)
    stored.close()
    assert again is not None and label(again.funding) == target


def test_bad_values_are_refused_beside_the_field(page: InitiativesPage, qtbot: QtBot) -> None:
    document, editor = page.document, page.editor
    page.select_initiative(1)
    before = document.plan().initiative(1)
    _type(qtbot, editor.name, "   ")
    assert editor.error.isVisible() and editor.error.text() == "Name: must not be empty"
    assert editor.name.text() == before.name  # back to the stored value
    _type(qtbot, editor.owner, "x" * 501)
    assert editor.error.text() == "Owner: is too long (501 characters; at most 500)"

    editor.links.setCurrentWidget(editor.milestones)
    view, panel = editor.milestones.view, editor.milestones
    _type_cell(qtbot, view, 0, 1, "next year")
    assert panel.error.text() == "Year: must be a whole number"
    _type_cell(qtbot, view, 0, 2, "5")
    assert panel.error.text() == "Quarter: must be between 1 and 4"
    _type_cell(qtbot, view, 0, 0, "")
    assert panel.error.text() == "Milestone: must not be empty"

    page.show_panel(page.risks)
    register = page.risks.register
    _type_cell(qtbot, register.view, 0, RISK["likelihood"], "7")
    assert register.error.text() == "Likelihood: must be between 1 and 5"
    _type_cell(qtbot, register.view, 0, RISK["impact"], "high")
    assert register.error.text() == "Impact: must be a whole number"

    assert document.undo_stack.count() == 0
    stored = reopen(document)
    assert stored.load().initiative(1) == before
    stored.close()


def test_sort_by_each_column_and_filter(page: InitiativesPage, qtbot: QtBot) -> None:
    plan = page.document.plan()
    view, lst = page.list.view, page.list
    figures = {i.id: initiative_figures(i, plan.business) for i in plan.initiatives}
    keys = {
        NAME: lambda i: i.name.casefold(),
        CATEGORY: lambda i: list(Quadrant).index(initiative_quadrant(i)),
        START: lambda i: i.start_index,
        TCO: lambda i: figures[i.id].tco_cents,
        NPV: lambda i: figures[i.id].npv_cents,
    }
    for column, key in keys.items():
        _click_header(qtbot, view, column)
        order = view.horizontalHeader().sortIndicatorOrder()
        expected = sorted(plan.initiatives, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        assert [key(i) for i in expected] == [key(plan.initiative(n)) for n in lst.visible_ids()]
        _click_header(qtbot, view, column)  # and the other way round
        assert [key(plan.initiative(n)) for n in lst.visible_ids()] == [
            key(i) for i in reversed(expected)
        ]
    # TCO descending shown: the ERP costs the most
    _click_header(qtbot, view, TCO)
    if view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        _click_header(qtbot, view, TCO)
    assert lst.visible_ids()[0] == ERP

    _pick(qtbot, lst.portfolio, "Run")
    assert sorted(lst.visible_ids()) == [1, 2, 3, 4, 10]
    _pick(qtbot, lst.status, "Approved")
    assert sorted(lst.visible_ids()) == [2, 3, 4, 10]
    _pick(qtbot, lst.category, "Quick win")
    assert sorted(lst.visible_ids()) == [2, 3]
    _pick(qtbot, lst.goal, "A team that runs on live data")
    assert lst.visible_ids() == [] and lst.hint.text() == "No initiative matches these filters."
    assert page.current_id() is None and not page.editor.fields.isVisible()
    qtbot.mouseClick(lst.show_all, Qt.MouseButton.LeftButton)
    assert len(lst.visible_ids()) == 11
    _pick(qtbot, lst.goal, "A team that runs on live data")
    assert sorted(lst.visible_ids()) == [1, 5, 10, 11]
    _pick(qtbot, lst.goal, "Serving no goal")
    assert lst.visible_ids() == []
    qtbot.mouseClick(lst.add_button, Qt.MouseButton.LeftButton)  # a new one serves no goal
    assert lst.visible_ids() == [12] and page.current_id() == 12


def test_goal_links_with_contribution_undo_reopen(page: InitiativesPage, qtbot: QtBot) -> None:
    document, stack = page.document, page.document.undo_stack
    page.select_initiative(1)  # goals 1 (2) and 4 (1)
    goals = page.editor.goals
    assert goals.boxes[1].isChecked() and not goals.boxes[2].isChecked()
    qtbot.mouseClick(goals.boxes[2], Qt.MouseButton.LeftButton)
    assert stack.undoText() == (
        "Link 'Multi-factor authentication and password manager' to goal "
        "'Make it easy to order ahead and come back'"
    )
    _type(qtbot, goals.spins[2], "3")
    assert stack.undoText().startswith("Change contribution of 'Multi-factor")
    qtbot.mouseClick(goals.boxes[4], Qt.MouseButton.LeftButton)  # unlink
    assert stack.undoText().startswith("Unlink 'Multi-factor authentication")
    assert document.plan().initiative(1).goals == [GoalLink(1, 2), GoalLink(2, 3)]
    assert page.editor.links.tabText(0) == "Goals served (2)"
    stack.undo()
    assert goals.boxes[4].isChecked() and goals.spins[4].value() == 1
    stack.undo()
    assert goals.spins[2].value() == 2
    stack.redo()
    stack.redo()
    stored = reopen(document)
    assert stored.load().initiative(1).goals == [GoalLink(1, 2), GoalLink(2, 3)]
    stored.close()


def test_dependencies_and_a_refused_cycle(page: InitiativesPage, qtbot: QtBot) -> None:
    document, stack = page.document, page.document.undo_stack
    page.select_initiative(1)
    box = page.editor.depends
    page.editor.links.setCurrentWidget(box)
    item = box.item(2)  # 2 already depends on 1
    assert item is not None and item.checkState() == Qt.CheckState.Unchecked
    box.list.setFocus()
    box.list.setCurrentItem(item)
    qtbot.keyClick(box.list, Qt.Key.Key_Space)
    assert box.error.isVisible()
    assert box.error.text() == (
        "Depends on: 'Back-office server replacement' already depends on 'Multi-factor "
        "authentication and password manager' (directly or through other initiatives), so "
        "this would make a circle"
    )
    assert item.checkState() == Qt.CheckState.Unchecked and stack.count() == 0
    box.list.setCurrentItem(box.item(4))
    qtbot.keyClick(box.list, Qt.Key.Key_Space)
    assert stack.undoText() == (
        "Make 'Multi-factor authentication and password manager' depend on "
        "'Shop Wi-Fi and network upgrade'"
    )
    assert not box.error.isVisible()
    assert document.plan().initiative(1).depends_on == [4]
    page.select_initiative(5)  # an indirect cycle: 11 depends on 5
    box.list.setCurrentItem(box.item(11))
    qtbot.keyClick(box.list, Qt.Key.Key_Space)
    assert "would make a circle" in box.error.text() and stack.count() == 1
    box.list.setCurrentItem(box.item(2))  # remove 5 -> 2
    qtbot.keyClick(box.list, Qt.Key.Key_Space)
    assert stack.undoText().startswith("Remove dependency of 'Central ordering")
    assert document.plan().initiative(5).depends_on == [3]
    stack.undo()
    assert box.item(2).checkState() == Qt.CheckState.Checked
    stack.redo()
    stored = reopen(document)
    plan = stored.load()
    stored.close()
    assert plan.initiative(1).depends_on == [4] and plan.initiative(5).depends_on == [3]


def test_milestones_add_edit_delete(page: InitiativesPage, qtbot: QtBot) -> None:
    document, stack = page.document, page.document.undo_stack
    page.select_initiative(4)
    editor = page.editor
    editor.links.setCurrentWidget(editor.milestones)
    panel = editor.milestones
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Add milestone to 'Shop Wi-Fi and network upgrade'"
    row = panel.model.rowCount() - 1
    assert editor.links.tabText(2) == "Milestones (2)"
    _type_cell(qtbot, panel.view, row, 0, "Guest Wi-Fi in the shop")
    assert stack.undoText() == "Rename milestone 'New milestone' to 'Guest Wi-Fi in the shop'"
    _type_cell(qtbot, panel.view, row, 1, "2027")
    _type_cell(qtbot, panel.view, row, 2, "2")
    new = document.plan().initiative(4).milestones[-1]
    assert (new.name, new.year, new.quarter) == ("Guest Wi-Fi in the shop", 2027, 2)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Delete milestone 'All five sites on the new network'"
    assert [m.name for m in document.plan().initiative(4).milestones] == [new.name]
    stack.undo()
    assert len(document.plan().initiative(4).milestones) == 2
    stack.redo()
    stored = reopen(document)
    milestones = stored.load().initiative(4).milestones
    stored.close()
    assert milestones == [Milestone("Guest Wi-Fi in the shop", 2027, 2, id=new.id)]


def test_risk_register_and_heat_map(page: InitiativesPage, qtbot: QtBot) -> None:
    document, stack = page.document, page.document.undo_stack
    page.show_panel(page.risks)
    risks = page.risks
    assert risks.heat.counts == heat_map(document.plan())
    assert risks.heat.counts[3][4] == 1  # the ERP's 4 x 5
    page.select_initiative(7)  # one risk
    qtbot.mouseClick(risks.register.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Add risk to 'Website refresh with café order form'"
    view, model = risks.register.view, risks.model
    row = model.rowCount() - 1
    _choose_cell(qtbot, view, row, RISK["category"], "Security")
    _type_cell(qtbot, view, row, RISK["description"], "Order form spam")
    _type_cell(qtbot, view, row, RISK["likelihood"], "4")
    _type_cell(qtbot, view, row, RISK["impact"], "5")
    _type_cell(qtbot, view, row, RISK["mitigation"], "Captcha and rate limit")
    _type_cell(qtbot, view, row, RISK["owner"], "Sam")
    assert stack.undoText() == "Change risk 'Order form spam' owner"
    assert model.index(row, RISK["score"]).data() == "20"
    assert risks.heat.counts[3][4] == 2 == heat_map(document.plan())[3][4]
    assert risks.heat.counts == heat_map(document.plan())

    # the chosen cell lists its risks; activating one selects its initiative
    rect = risks.heat.cell_rect(4, 5)
    qtbot.mouseClick(risks.heat, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert risks.list_title.text().startswith("<b>Likelihood 4 × impact 5</b>: 2 open risk")
    assert risks.list.count() == 2
    qtbot.keyClick(risks.heat, Qt.Key.Key_Left)  # keyboard: to 4 x 4
    assert risks.heat.selected == (4, 4) and risks.list.count() == 1
    qtbot.keyClick(risks.heat, Qt.Key.Key_Right)
    risks.list.setCurrentRow(0)
    qtbot.keyClick(risks.list, Qt.Key.Key_Return)
    assert page.current_id() == ERP

    page.select_initiative(7)
    _choose_cell(qtbot, view, row, RISK["status"], "Closed")
    assert risks.heat.counts[3][4] == 1 == heat_map(document.plan())[3][4]
    view.setCurrentIndex(model.index(0, 0))
    qtbot.mouseClick(risks.register.delete_button, Qt.MouseButton.LeftButton)
    assert stack.undoText().startswith("Delete risk '")
    assert risks.heat.counts == heat_map(document.plan())
    stack.undo()
    assert risks.heat.counts == heat_map(document.plan())
    stored = reopen(document)
    stored_risks = stored.load().initiative(7).risks
    stored.close()
    assert stored_risks[-1] == Risk(
        "Order form spam", RiskCategory.SECURITY, 4, 5, "Captcha and rate limit", "Sam",
        RiskStatus.CLOSED, id=stored_risks[-1].id,
    )
    assert len(stored_risks) == 2


def test_delete_initiative_and_undo_restores_everything(
    page: InitiativesPage, qtbot: QtBot
) -> None:
    document, stack = page.document, page.document.undo_stack
    before = document.plan()
    page.select_initiative(ERP)
    page.list.view.setFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_Delete)
    assert stack.undoText() == (
        "Delete initiative 'Central ordering and production planning (bakery ERP)'"
    )
    after = document.plan()
    assert after.initiative(ERP) is None
    assert ERP not in after.initiative(6).depends_on
    assert page.current_id() is not None and page.current_id() != ERP
    stack.undo()
    assert document.plan() == before
    stack.redo()
    stack.undo()
    stored = reopen(document)
    plan = stored.load(snapshots=False)
    stored.close()
    assert plan == before


def test_add_from_library_is_one_undo_step(page: InitiativesPage, qtbot: QtBot) -> None:
    document, stack = page.document, page.document.undo_stack
    qtbot.mouseClick(page.list.library_button, Qt.MouseButton.LeftButton)
    dialog = page.library_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() >= 15
    row = next(n for n, e in enumerate(dialog.entries) if e.key == "cloud-accounting")
    dialog.list.setCurrentRow(row)
    text = dialog.details.toPlainText()
    assert "Illustrative estimates — replace with your own quotes." in text
    # nothing matches the bakery's goals in words: no goal is ticked; the owner ticks two
    assert not any(box.isChecked() for box in dialog.goal_boxes.values())
    assert dialog.add_button.text() == "Add to plan, linked to no goal"
    for goal_id in (1, 3):
        box = dialog.goal_boxes[goal_id]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert dialog.add_button.text() == "Add to plan, linked to 2 goals"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert stack.count() == 1 and stack.undoText() == "Add 'Cloud accounting' from the library"
    new_id = page.current_id()
    assert new_id == 12
    entry = next(e for e in load_library() if e.key == "cloud-accounting")
    added = document.plan().initiative(12)
    assert added.goals == [GoalLink(1, 2), GoalLink(3, 2)]
    option = added.options[0]
    assert option.chosen and option.name == entry.option.name
    assert [c.amount_cents for c in option.costs] == [c.amount_cents for c in entry.option.costs]
    stack.undo()
    assert document.plan().initiative(12) is None and len(document.plan().initiatives) == 11
    stack.redo()
    stored = reopen(document)
    again = stored.load().initiative(12)
    stored.close()
    assert again == added and again.options[0].benefits[0].description.endswith("(estimate)")


def test_empty_plan_says_what_to_do_and_library_needs_no_goals(
    empty_document: PlanDocument, qtbot: QtBot
) -> None:
    page = _page(empty_document, qtbot)
    assert page.list.hint.isVisible() and page.list.hint.text().startswith("No initiatives yet")
    assert page.editor.none.isVisible() and not page.list.delete_button.isEnabled()
    assert page.risks.heat.counts == [[0] * 5 for _ in range(5)]
    dialog = page.open_library()
    assert dialog is not None
    dialog.list.setCurrentRow(0)
    assert dialog.goals_title.text().startswith("Your plan has no goals yet")
    dialog.submit()
    added = empty_document.plan().initiatives
    assert len(added) == 1 and added[0].goals == [] and added[0].start_year == 2026
    assert not page.list.hint.isVisible() and page.editor.fields.isVisible()
    assert page.list.model.index(0, TCO).data() != "—"
    qtbot.mouseClick(page.list.delete_button, Qt.MouseButton.LeftButton)
    assert empty_document.plan().initiatives == [] and page.current_id() is None


def test_new_initiative_with_option_shows_figures(page: InitiativesPage, qtbot: QtBot) -> None:
    """The list's TCO and NPV are analysis' figures for the chosen option, after every edit."""
    document = page.document
    page.select_initiative(1)
    model = page.list.model
    for initiative in document.plan().initiatives:
        fig = initiative_figures(initiative, document.plan().business)
        row = model.row_of(initiative.id)
        assert model.index(row, TCO).data() == f"{fig.tco_cents / 100:,.0f}"
        assert model.index(row, NPV).data() == f"{fig.npv_cents / 100:,.0f}"
    document.add(Option("Second"), parent_id=1)
    assert model.index(model.row_of(1), TCO).data() == "9,671"  # still the chosen option
    chosen = document.plan().initiative(1).chosen_option
    document.add(CostLine(CostCategory.TRAINING, 250_000, year_from=1, year_to=1), chosen.id)
    assert model.index(model.row_of(1), TCO).data() == "12,171"
    fig = initiative_figures(document.plan().initiative(1), document.plan().business)
    assert model.index(model.row_of(1), NPV).data() == f"{fig.npv_cents / 100:,.0f}"
    assert model.headerData(TCO, Qt.Orientation.Horizontal) == "TCO (EUR)"
