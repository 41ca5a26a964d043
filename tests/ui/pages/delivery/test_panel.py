"""The Delivery tab driven through its widgets: the sample's five initiatives under way with
their colours and past-due flag, a total row that foots on the shown rows and a headline made
on it; an edit elsewhere (actual spend typed as one edit) refreshes it; undo too; Enter on a
row opens the initiative; a plan without actuals says how to start."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import CostCategory
from smbplanner.domain.model import ActualCost
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.delivery.panel import DeliveryPanel
from smbplanner.ui.pages.roadmap.page import RoadmapBudgetPage

SERVER, ERP = 2, 5


@pytest.fixture
def panel(document: PlanDocument, qtbot: QtBot) -> Iterator[DeliveryPanel]:
    page = RoadmapBudgetPage(document)
    qtbot.addWidget(page)
    page.delivery.today = lambda: date(2026, 11, 20)
    page.resize(1024, 640)
    page.show()
    page.tabs.setCurrentWidget(page.delivery)
    page.delivery.refresh()
    yield page.delivery  # the page stays alive until the test ends (qtbot's refs are weak)


def _column(panel: DeliveryPanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_sample_delivery(panel: DeliveryPanel) -> None:
    names = _column(panel, 0)
    assert names[-1] == "Total" and len(names) == 6
    assert "Back-office server replacement" in names
    status = dict(zip(names, _column(panel, 1), strict=True))
    assert status["Back-office server replacement"] == "Red"
    assert status["Shop Wi-Fi and network upgrade"] == "Amber · past due"
    for column in (3, 4, 6, 7, 8):  # the total is the sum of the shown rows
        cells = [int(c.replace(",", "")) for c in _column(panel, column)]
        assert sum(cells[:-1]) == cells[-1]
    assert panel.model.total[:3] == [47_780, 50_648, -2_868]
    assert panel.headline.text().startswith(
        "To the end of 2026, the 5 initiatives below: spent 47,780 EUR against 50,648 EUR "
        "planned (-2,868)")
    assert "1 initiative is past due." in panel.headline.text()


def test_an_edit_refreshes_and_undo_puts_it_back(panel: DeliveryPanel) -> None:
    document = panel.document
    spent = ActualCost(2026, CostCategory.IMPLEMENTATION, 100_000, "Extra day")
    assert document.add(spent, parent_id=SERVER, text="Add actual spend")
    assert panel.model.total[0] == 48_780
    document.undo_stack.undo()
    assert panel.model.total[0] == 47_780
    # ERP starts in 2027: spending on it in 2027 moves the plan's tracking year
    assert document.add(ActualCost(2027, CostCategory.PURCHASE, 500_000), parent_id=ERP)
    assert panel.headline.text().startswith("To the end of 2027")


def test_enter_on_a_row_opens_the_initiative(panel: DeliveryPanel, qtbot: QtBot) -> None:
    row = _column(panel, 0).index("Back-office server replacement")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    with qtbot.waitSignal(panel.open_initiative) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [SERVER]


def test_without_actuals_it_says_how_to_start(empty_document: PlanDocument,
                                              qtbot: QtBot) -> None:
    panel = DeliveryPanel(empty_document)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.headline.text().startswith("No actual spend or benefits are recorded yet.")
    assert panel.model.rowCount() == 0
