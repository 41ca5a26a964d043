"""The Delivery tab of "Roadmap & budget": the portfolio's delivery against its plan — a
headline in words, cumulative planned and actual spend and benefits (chart), and per
initiative its status colour, past-due flag, progress, spend and benefits to date and cost at
completion (table, a total row footed on the shown rows). Every figure comes from
``analysis.tracking``; double-click (or Enter) on a row opens the initiative."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.tracking import (
    Tracking,
    cumulative,
    delivery_rows,
    overdue,
    tracking_year,
)
from smbplanner.analysis.tracking_text import TrackingShown, rag_text, shown
from smbplanner.domain.model import Initiative, Plan
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.delivery.chart import DeliveryChart
from smbplanner.ui.pages.initiatives.tracking import RAG_COLOURS, TABLES
from smbplanner.ui.refresh import watch
from smbplanner.ui.theme import error_red

Index = QModelIndex | QPersistentModelIndex

HEADERS = ["Initiative", "Status", "Done", "Spent", "Plan", "+ / −", "Benefits",
           "Plan", "Forecast", "vs TCO"]
TOOLTIPS = [
    "", "The owner's status colour; “past due”: its planned end has passed, not finished",
    "Per cent complete, as reported", "Actual spend to date", "Planned spend to date",
    "Spent − planned to date (+: more spent than planned by now)",
    "Benefits realised to date", "Benefits planned to date",
    "Forecast cost at completion: the owner's estimate, else actual to date + remaining plan",
    "Forecast − planned TCO (+: it will cost more than planned)",
]
MONEY = range(3, 10)
SIGNED = (5, 9)


class DeliveryModel(QAbstractTableModel):
    """One row per initiative of ``delivery_rows`` and a total row (the shown rows' sum)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[Initiative, TrackingShown, bool]] = []
        self.total: list[int] = []

    def set_rows(self, rows: list[tuple[Initiative, Tracking]], as_of: date) -> None:
        self.beginResetModel()
        self.rows = [(i, shown(t), overdue(i, as_of)) for i, t in rows]
        parts = [p for _, p, _ in self.rows]
        spent, planned = sum(p.spent for p in parts), sum(p.planned for p in parts)
        benefits = sum(p.benefits for p in parts)
        planned_benefits = sum(p.planned_benefits for p in parts)
        forecast, tco = sum(p.forecast for p in parts), sum(p.planned_tco for p in parts)
        self.total = [spent, planned, spent - planned, benefits, planned_benefits, forecast,
                      forecast - tco]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.rows else len(self.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and TOOLTIPS[section]:
            return self.tr(TOOLTIPS[section])
        return None

    def initiative_id(self, row: int) -> int | None:
        return self.rows[row][0].id if 0 <= row < len(self.rows) else None

    def figures(self, row: int) -> list[int]:
        if row == len(self.rows):
            return self.total
        p = self.rows[row][1]
        return [p.spent, p.planned, p.variance, p.benefits, p.planned_benefits, p.forecast,
                p.overrun]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        is_total = row == len(self.rows)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, is_total)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if is_total:
            return None
        initiative, _, past_due = self.rows[row]
        if role == Qt.ItemDataRole.BackgroundRole and column == 1 and initiative.rag:
            colour = QColor(RAG_COLOURS[initiative.rag])
            colour.setAlpha(90)
            return colour
        if role == Qt.ItemDataRole.ForegroundRole and (
            (column in SIGNED and self.figures(row)[column - 3] > 0)
            or (column == 1 and past_due)
        ):
            return QColor(error_red())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return initiative.name
            if column == 1 and initiative.rag_reason:
                return initiative.rag_reason
        return None

    def _text(self, row: int, column: int, is_total: bool) -> str:
        if is_total:
            if column == 0:
                return self.tr("Total")
            return self._money(column, self.total[column - 3]) if column >= 3 else ""
        initiative, _, past_due = self.rows[row]
        if column == 0:
            return initiative.name
        if column == 1:
            text = rag_text(initiative.rag) if initiative.rag else "—"
            return f"{text} · {self.tr('past due')}" if past_due else text
        if column == 2:
            done = initiative.percent_complete
            return "—" if done is None else f"{done} %"
        return self._money(column, self.figures(row)[column - 3])

    @staticmethod
    def _money(column: int, value: int) -> str:
        return fmt.signed(value) if column in SIGNED else fmt.units(value)


class DeliveryPanel(QWidget):
    title = "Delivery"
    #: An initiative to show in the editor (double-click or Enter on its row).
    open_initiative = Signal(int)

    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.document = document
        self.today = today
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = DeliveryChart()
        self.model = DeliveryModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Delivery of each initiative"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([340, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)
        watch(self, document, self.refresh, TABLES | {"budget_year", "system"})
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        self.model.set_rows(delivery_rows(plan), self.today())
        self.headline.setText(self._headline(plan))
        self.chart.set_series(cumulative(plan), plan.business.currency)

    def _headline(self, plan: Plan) -> str:
        through = tracking_year(plan)
        if through is None:
            return self.tr(
                "No actual spend or benefits are recorded yet. Record what each initiative "
                "really cost and brought on its Tracking tab (Initiatives page); its delivery "
                "against the plan then shows here.")
        # said on the table's total row, so the words and the table agree
        spent, planned, variance, benefits, planned_benefits, forecast, overrun = (
            self.model.total)
        cur = plan.business.currency
        late = sum(1 for _, _, past_due in self.model.rows if past_due)
        text = self.tr(
            "To the end of {0}, the {1} initiatives below: spent {2} against {3} planned "
            "({4}); benefits realised {5} against {6} planned. Forecast cost at completion "
            "{7} ({8} against plan)."
        ).format(through, len(self.model.rows), fmt.units(spent, cur), fmt.units(planned, cur),
                 fmt.signed(variance), fmt.units(benefits, cur),
                 fmt.units(planned_benefits, cur), fmt.units(forecast, cur),
                 fmt.signed(overrun))
        if late:
            text += " " + (self.tr("1 initiative is past due.") if late == 1 else
                           self.tr("{0} initiatives are past due.").format(late))
        return text

    def _activated(self, index: QModelIndex) -> None:
        initiative_id = self.model.initiative_id(index.row())
        if initiative_id is not None:
            self.open_initiative.emit(initiative_id)
