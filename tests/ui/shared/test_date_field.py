"""Dates picked from a calendar or typed as the locale writes them (issue 18)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QTableView, QToolButton
from pytestqt.qtbot import QtBot

from smbplanner.domain.model import Goal
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.datefield import DateField
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel
from smbplanner.ui.shared.widgets import TablePanel

TARGET = 1  # the target date's column


def _panel(document: PlanDocument, qtbot: QtBot) -> TablePanel:
    model = EntityTableModel(
        document, Goal,
        [Column("title", "Goal"), Column("target_date", "Target date", "date")],
        lambda plan: plan.goals)
    panel = TablePanel("Goals", model)
    qtbot.addWidget(panel)
    panel.resize(700, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _open(qtbot: QtBot, panel: TablePanel, row: int) -> DateField:
    view: QTableView = panel.view
    index = view.model().index(row, TARGET)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    field = view.indexWidget(index)
    assert isinstance(field, DateField)
    return field


def test_a_date_is_picked_from_the_calendar_with_the_mouse(
    document: PlanDocument, qtbot: QtBot
) -> None:
    panel = _panel(document, qtbot)
    goal = document.plan().goals[0]
    assert goal.target_date is not None
    assert panel.model.index(0, TARGET).data() == fmt.day(goal.target_date)
    field = _open(qtbot, panel, 0)
    button = next(b for b in field.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the calendar button
    calendar = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == goal.target_date
    grid = calendar.findChild(QTableView)
    assert grid is not None
    cell = next(
        grid.model().index(r, c) for r in range(2, 5) for c in range(grid.model().columnCount())
        if grid.model().index(r, c).data() == 15)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.visualRect(cell).center())
    QApplication.processEvents()
    picked = goal.target_date.replace(day=15)
    stored = document.plan().goals[0].target_date
    assert stored == picked
    assert document.undo_stack.undoText() == "Change goal target date"
    assert panel.view.indexWidget(panel.model.index(0, TARGET)) is None  # editing ended


def test_the_calendar_opens_from_the_keyboard(document: PlanDocument, qtbot: QtBot) -> None:
    panel = _panel(document, qtbot)
    goal = document.plan().goals[0]
    assert goal.target_date is not None
    field = _open(qtbot, panel, 0)
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(field.calendar.isVisible)
    grid = field.calendar.findChild(QTableView)
    assert grid is not None
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert document.plan().goals[0].target_date == date.fromordinal(
        goal.target_date.toordinal() + 1)


def test_dates_typed_as_the_locale_writes_them(document: PlanDocument, qtbot: QtBot) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        panel = _panel(document, qtbot)
        field = _open(qtbot, panel, 0)
        field.selectAll()
        qtbot.keyClicks(field, "31.12.2028")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        QApplication.processEvents()
        assert document.plan().goals[0].target_date == date(2028, 12, 31)
        assert panel.model.index(0, TARGET).data() == "31.12.2028"
        field = _open(qtbot, panel, 0)
        field.selectAll()
        qtbot.keyClicks(field, "31.13.2028")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        QApplication.processEvents()
        assert panel.error.text() == (
            "Target date: '31.13.2028' is not a date: pick one from the calendar, "
            "or type it like 30.06.2027")
    finally:
        QLocale.setDefault(before)


def test_a_squeezed_layout_still_shows_a_whole_date(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    holder = QWidget()
    row = QHBoxLayout(holder)
    field = DateField()
    row.addWidget(field)
    row.addStretch(5)
    qtbot.addWidget(holder)
    holder.resize(60, 30)  # less than a date needs: the layout keeps the field's minimum
    holder.show()
    text = fmt.day(date(2027, 12, 28))
    assert field.width() >= field.fontMetrics().horizontalAdvance(text) + field.height()
