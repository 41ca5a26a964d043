"""A system retired or replaced by an initiative (issue 18): chosen in the systems table,
its run cost counts until that initiative's planned end, so a slip shows in the budget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import Portfolio, SystemAction
from smbplanner.domain.model import Initiative, Option, System
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.assessment.page import SYSTEM_COLUMNS, SystemsTab
from smbplanner.ui.pages.assessment.systems import REPLACED_BY
from smbplanner.ui.pages.budget.panel import BudgetPanel
from tests.ui.conftest import reopen

COLUMN = SYSTEM_COLUMNS.index(REPLACED_BY)
RUN_PLANNED = 2


def test_choose_the_replacing_initiative_and_a_slip_shows_in_the_budget(
    qtbot: QtBot, empty_document: PlanDocument
) -> None:
    document = empty_document
    start = document.plan().business.start_year
    document.add(System("Old server", annual_run_cost_cents=500_000,
                        end_of_life_year=start - 1, action=SystemAction.REPLACE), text="Add")
    project = document.add(Initiative("New server", portfolio=Portfolio.RUN, start_year=start,
                                      start_quarter=3, duration_quarters=2,
                                      options=[Option("A", chosen=True)]), text="Add").value
    tab = SystemsTab(document)
    qtbot.addWidget(tab)
    tab.resize(1280, 500)
    tab.show()
    qtbot.waitExposed(tab)
    view, model = tab.panel.view, tab.panel.model
    index = model.index(0, COLUMN)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(n) for n in range(combo.count())] == ["(nothing yet)", "New server"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    QApplication.processEvents()
    assert document.plan().systems[0].replaced_by_id == project
    assert model.index(0, COLUMN).data() == "New server"
    assert document.undo_stack.undoText() == "Change system 'Old server' replaced by"
    view.setCurrentIndex(model.index(0, 0))
    assert f"its run cost counts up to {start}" in tab.detail.text()

    budget = BudgetPanel(document)
    qtbot.addWidget(budget)
    budget.resize(1040, 700)
    budget.show()
    qtbot.waitExposed(budget)
    runs = lambda: [budget.figures_model.index(r, RUN_PLANNED).data()  # noqa: E731
                    for r in range(2)]
    assert runs() == ["5,000 EUR", "0 EUR"]
    document.update(Initiative, project, "Slip", duration_quarters=3)  # ends next year
    assert runs() == ["5,000 EUR", "5,000 EUR"]
    assert f"counts up to {start + 1}" in tab.detail.text()

    stored = reopen(document)
    assert stored.load().systems[0].replaced_by_id == project
    stored.close()
