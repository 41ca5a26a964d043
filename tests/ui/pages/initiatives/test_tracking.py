"""The Tracking tab driven through its widgets: dates, percent, status colour and reason, the
owner's estimate, actual spend and realised benefits typed in their tables; each one undo
step; what is stored read back by reopening the file; the sentences follow.

Sample plan: initiative 2 (back-office server, cloud option) has 2026 actuals of 14,200 EUR
against 13,300 EUR planned, red, the owner's estimate 38,700 EUR; initiative 5 (bakery ERP)
starts in 2027 and has no actuals.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import BenefitCategory, CostCategory, Rag
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.page import InitiativesPage
from smbplanner.ui.pages.initiatives.tracking import BENEFIT_COLUMNS, SPEND_COLUMNS
from tests.ui.conftest import reopen
from tests.ui.pages.initiatives.test_page import _choose_cell, _pick, _type, _type_cell

SPEND = {c.field: n for n, c in enumerate(SPEND_COLUMNS)}
GAINED = {c.field: n for n, c in enumerate(BENEFIT_COLUMNS)}
SERVER, ERP = 2, 5


@pytest.fixture
def page(document: PlanDocument, qtbot: QtBot) -> Iterator[InitiativesPage]:
    page = InitiativesPage(document)
    qtbot.addWidget(page)
    page.resize(1040, 760)
    page.tracking.today = lambda: date(2026, 11, 20)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.show_panel(page.tracking)
    yield page


def test_the_sample_initiatives_tracking_is_shown(page: InitiativesPage) -> None:
    page.select_initiative(SERVER)
    tab = page.tracking
    assert tab.actual_start.text() == "4/27/2026" and tab.actual_finish.text() == ""
    assert tab.percent.value() == 80 and tab.rag.currentText() == "Red"
    assert tab.forecast.text() == "38700"
    assert tab.spend_model.rowCount() == 4 and tab.benefit_model.rowCount() == 1
    text = tab.summary.text()
    assert "Started as planned." in text
    assert "To the end of 2026: spent 14,200 EUR against 13,300 EUR planned (900 EUR over)." \
        in text
    assert "Forecast cost at completion: 38,700 EUR, the owner's estimate" in text


def test_record_what_happened_undo_redo_reopen(page: InitiativesPage, qtbot: QtBot) -> None:
    document, stack, tab = page.document, page.document.undo_stack, page.tracking
    page.select_initiative(ERP)
    assert "No actual spend" not in tab.summary.text()  # the plan's tracking year is 2026
    assert "Not started yet." in tab.summary.text()
    count = stack.count()

    _type(qtbot, tab.actual_start, "2027-04-12")
    assert stack.undoText() == (
        "Change initiative 'Central ordering and production planning (bakery ERP)' actual start"
    )
    _type(qtbot, tab.percent, "15")
    _pick(qtbot, tab.rag, "Amber")
    _type(qtbot, tab.rag_reason, "Supplier demo slipped two weeks")
    _type(qtbot, tab.forecast, "150000")
    # each arrow key on a closed combo is a choice: Not set -> Green -> Amber is two steps
    assert stack.count() == count + 6

    qtbot.mouseClick(tab.spend.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == (
        "Add actual spend to 'Central ordering and production planning (bakery ERP)'"
    )
    view = tab.spend.view
    _type_cell(qtbot, view, 0, SPEND["year"], "2027")
    _choose_cell(qtbot, view, 0, SPEND["category"], "Implementation")
    _type_cell(qtbot, view, 0, SPEND["amount_cents"], "12500.50")
    _type_cell(qtbot, view, 0, SPEND["note"], "Partner invoice 1")
    qtbot.mouseClick(tab.benefits.add_button, Qt.MouseButton.LeftButton)
    _type_cell(qtbot, tab.benefits.view, 0, GAINED["amount_cents"], "900")
    _type_cell(qtbot, tab.benefits.view, 0, GAINED["evidence"], "Waste log, May")

    erp = document.plan().initiative(ERP)
    assert erp is not None
    assert (erp.actual_start, erp.percent_complete, erp.rag) == (date(2027, 4, 12), 15, Rag.AMBER)
    assert erp.forecast_cost_cents == 15_000_000
    (spent,) = erp.actual_costs
    assert (spent.year, spent.category, spent.amount_cents, spent.note) == (
        2027, CostCategory.IMPLEMENTATION, 1_250_050, "Partner invoice 1"
    )
    (gained,) = erp.actual_benefits
    assert (gained.year, gained.category, gained.amount_cents) == (  # the tracking year
        2027, BenefitCategory.COST_SAVINGS, 90_000
    )
    # the new spend moves the plan's tracking year to 2027
    assert "To the end of 2027: spent 12,501 EUR" in tab.summary.text()

    stack.undo()  # the evidence
    stack.undo()  # the amount
    assert document.plan().initiative(ERP).actual_benefits[0].amount_cents == 0  # type: ignore[union-attr]
    stack.redo()
    stack.redo()
    stored = reopen(document)
    erp = stored.load().initiative(ERP)
    stored.close()
    assert erp is not None and erp.rag_reason == "Supplier demo slipped two weeks"
    assert erp.actual_benefits[0].evidence == "Waste log, May"
    assert erp.actual_costs[0].amount_cents == 1_250_050


def test_bad_values_are_refused_beside_the_field(page: InitiativesPage, qtbot: QtBot) -> None:
    tab = page.tracking
    page.select_initiative(SERVER)
    _type(qtbot, tab.actual_finish, "2026-02-30")
    assert tab.error.text().startswith("Actual finish: '2026-02-30' is not a date")
    assert tab.actual_finish.text() == ""
    _type(qtbot, tab.actual_finish, "2026-03-01")
    assert tab.error.text() == "Actual finish: must not be before actual_start"
    _type(qtbot, tab.forecast, "lots")
    assert tab.error.text().startswith("Estimate at completion:")
    assert tab.forecast.text() == "38700"
    _type_cell(qtbot, tab.spend.view, 0, SPEND["amount_cents"], "-5")
    assert tab.spend.error.text().startswith("Amount:")


def test_finished_today_is_one_step(page: InitiativesPage, qtbot: QtBot) -> None:
    tab, stack = page.tracking, page.document.undo_stack
    page.select_initiative(ERP)
    count = stack.count()
    qtbot.mouseClick(tab.finished, Qt.MouseButton.LeftButton)  # no start recorded: refused
    assert tab.error.text() == (
        "Actual start: record when the work started before marking it finished")
    assert stack.count() == count
    _type(qtbot, tab.actual_start, "2026-10-01")
    qtbot.mouseClick(tab.finished, Qt.MouseButton.LeftButton)
    assert stack.count() == count + 2 and tab.error.text() == ""
    erp = page.document.plan().initiative(ERP)
    assert erp is not None
    assert (erp.actual_start, erp.actual_finish, erp.percent_complete) == (
        date(2026, 10, 1), date(2026, 11, 20), 100
    )
    assert not tab.finished.isEnabled()
    assert "Started 2 quarters early. Finished 6 quarters early." in tab.summary.text()
    stack.undo()  # the finish and the percent together
    erp = page.document.plan().initiative(ERP)
    assert erp is not None and erp.actual_finish is None and erp.percent_complete is None
    assert tab.actual_finish.text() == "" and tab.percent.text() == "Not reported"
    assert tab.finished.isEnabled()


def test_the_actual_finish_is_picked_from_a_calendar(page: InitiativesPage, qtbot: QtBot) -> None:
    """Issue 18: every date has a calendar picker; a picked date is stored at once."""
    from PySide6.QtWidgets import QTableView, QToolButton

    page.select_initiative(SERVER)
    tab = page.tracking
    finish = tab.actual_finish
    button = next(b for b in finish.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(finish.calendar.isVisible)
    grid = finish.calendar.findChild(QTableView)
    assert grid is not None
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # the day it opened on: today
    assert page.document.plan().initiative(SERVER).actual_finish == date.today()  # type: ignore[union-attr]
    assert page.document.undo_stack.count() == 1
