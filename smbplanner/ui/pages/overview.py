"""Read-only overviews until their full editors land: the grid categories and the budget by
year. All figures
come from ``analysis``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.budget import planned_spend
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument


class _TablePage(QWidget):
    title = ""
    intro = ""
    headers: tuple[str, ...] = ()
    stretch_first = True
    warn_last = False

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.table = QTableWidget()
        self.table.setAccessibleName(self.title)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        intro = QLabel(self.intro)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        document.changed.connect(self.refresh)
        self.refresh()

    def rows(self) -> list[list[str]]:
        raise NotImplementedError

    def refresh(self) -> None:
        rows = self.rows()
        self.table.clear()
        self.table.setColumnCount(len(self.headers))
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if text and c == len(row) - 1 and self.warn_last:
                    item.setForeground(QColor("#d9534f"))
                if c > 0 and text[:1] in "-0123456789":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        if self.stretch_first:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        self.empty.setVisible(not rows)


class RoadmapOverviewPage(_TablePage):
    title = "Roadmap & budget"
    intro = (
        "Planned spend per calendar year (initiatives' chosen-option costs from their start, "
        "plus the systems' run costs) against the run and change budgets. The timeline is on "
        "its way."
    )
    stretch_first = False
    warn_last = True
    headers = ("Year", "Run budget", "Change budget", "Planned run", "Planned change", "Over by")

    def rows(self) -> list[list[str]]:
        plan = self.document.plan()
        cur = plan.business.currency
        self.empty.setText("No years to show.")
        return [
            [
                str(y.year),
                fmt.money(y.budget_run_cents, cur),
                fmt.money(y.budget_change_cents, cur),
                fmt.money(y.planned_run_cents, cur),
                fmt.money(y.planned_change_cents, cur),
                fmt.money(y.over_cents, cur) if y.over_cents > 0 and y.budget_cents else "",
            ]
            for y in planned_spend(plan)
        ]

