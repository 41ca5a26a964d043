"""The read-only "spend against budget" table: one row per year, from
``analysis.budget.budget_rows`` as printed (``BudgetRow.shown``: whole units, the parts
rounded and the totals derived from them, as in the pack); over-budget envelopes flagged with
the amounts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from smbplanner.analysis.budget import BudgetRow
from smbplanner.domain.enums import Portfolio
from smbplanner.ui import fmt

Index = QModelIndex | QPersistentModelIndex

HEADERS = [
    ("Year", ""),
    ("Run budget", "The Run envelope you set for the year"),
    ("Run planned", "Run initiatives' costs plus the systems' run costs"),
    ("Change budget", "The Change envelope you set for the year"),
    ("Change planned", "Change initiatives' costs in the year"),
    ("Total budget", ""),
    ("Total planned", ""),
    ("Over budget", "By how much planned spend exceeds each envelope"),
    ("Run share", "Planned Run spend as a share of all planned spend"),
    ("vs target", "Run share minus your target share, in percentage points"),
]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{fmt.number(value, 1)} %"


def points(value: float | None) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0.05 else ""
    return f"{sign}{fmt.number(value, 1)} pts"


class BudgetFiguresModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[BudgetRow] = []
        self.currency = ""

    def set_rows(self, rows: list[BudgetRow], currency: str) -> None:
        same_years = [r.year for r in rows] == [r.year for r in self.rows]
        if same_years and rows:
            self.rows, self.currency = rows, currency
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self.rows, self.currency = rows, currency
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section][0])
        if role == Qt.ItemDataRole.ToolTipRole and HEADERS[section][1]:
            return self.tr(HEADERS[section][1])
        return None

    def over_text(self, row: BudgetRow) -> str:
        if not row.has_budget:
            return self.tr("no budget set")
        names = {Portfolio.RUN: self.tr("Run"), Portfolio.CHANGE: self.tr("Change")}
        parts = [f"{names[p]} {fmt.signed(v, self.currency)}"
                 for p, v in row.shown.over_envelopes]
        return ", ".join(parts) or self.tr("within budget")

    def text(self, row: BudgetRow, column: int) -> str:
        s = row.shown  # whole units, derived from the rounded parts (adds up as printed)
        money = [s.budget_run, s.planned_run, s.budget_change, s.planned_change, s.budget,
                 s.planned]
        if column == 0:
            return str(row.year)
        if 1 <= column <= 6:
            if column in (1, 3, 5) and not row.has_budget:
                return "—"
            return fmt.units(money[column - 1], self.currency)
        if column == 7:
            return self.over_text(row)
        if column == 8:
            return percent(row.run_share_pct)
        return points(row.share_gap_pct)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (0, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        envelopes = dict(row.shown.over_envelopes)
        over = (column == 7 and row.is_over) or (column == 2 and Portfolio.RUN in envelopes) or (
            column == 4 and Portfolio.CHANGE in envelopes)
        if role == Qt.ItemDataRole.BackgroundRole and over:
            return QBrush(QColor(230, 80, 60, 90))
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.is_over:
            return self.tr("{0}: planned spend exceeds the budget ({1})").format(
                row.year, self.over_text(row))
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and not row.has_budget:
            return self.tr("Add a budget for {0} in the budget table to compare.").format(
                row.year)
        return None
