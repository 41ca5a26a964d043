"""The model behind the Initiatives list: one row per initiative with its grid category and
likely-scenario figures (from ``analysis``), sort keys, and a proxy that filters by portfolio,
status, category and goal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from smbplanner.analysis.alignment import unaligned_initiatives
from smbplanner.analysis.figures import Figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Quadrant, label
from smbplanner.domain.model import Initiative
from smbplanner.ui import fmt, terms
from smbplanner.ui.document import PlanDocument

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: The goal filter's entry for initiatives that serve no goal.
NO_GOAL = -1

COLUMNS = ("Initiative", "Quadrant", "Start", "TCO", "NPV", "Portfolio", "Status")
#: What each column's word means, where it is shown (the user guide says more).
HEADER_TIPS = {
    "Quadrant": terms.tip("quadrant"),
    "TCO": terms.tip("tco") + "\nLikely scenario, chosen option.",
    "NPV": terms.tip("npv") + "\nLikely scenario, chosen option.",
    "Portfolio": terms.tip("run_change"),
}
#: The list's and the editor's word for an initiative that serves no goal.
DRIFT_TIP = ("Serves no business goal: tick a goal on its Goals served tab, or ask why it is "
             "in the plan (technological drift)")
NAME, CATEGORY, START, TCO, NPV, PORTFOLIO, STATUS = range(len(COLUMNS))
_QUADRANTS = list(Quadrant)
_STATUSES = list(InitiativeStatus)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class InitiativeListModel(QAbstractTableModel):
    """One row per initiative with its category and likely-scenario figures (chosen option)."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.rows: list[Initiative] = []
        self.figures: dict[int | None, Figures | None] = {}
        self.quadrants: dict[int | None, Quadrant] = {}
        self.drifting: set[int | None] = set()  # ids of initiatives serving no goal
        self.currency = ""
        self.refresh()

    def refresh(self) -> None:
        """Reload; in place when the same initiatives are there (selection survives)."""
        plan = self.document.plan()
        rows = list(plan.initiatives)
        same = bool(rows) and [i.id for i in rows] == [i.id for i in self.rows]
        if not same:
            self.beginResetModel()
        if plan.business.currency != self.currency:
            self.currency = plan.business.currency
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, TCO, NPV)
        self.rows = rows
        self.figures = {i.id: self.document.figures(i) for i in rows}
        self.quadrants = {i.id: initiative_quadrant(i) for i in rows}
        self.drifting = {i.id for i in unaligned_initiatives(plan)}
        if same:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
        else:
            self.endResetModel()

    def row_of(self, initiative_id: int | None) -> int:
        return next((r for r, i in enumerate(self.rows) if i.id == initiative_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.tr(COLUMNS[section])
            return f"{text} ({self.currency})" if section in (TCO, NPV) else text
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] in HEADER_TIPS:
            return self.tr(HEADER_TIPS[COLUMNS[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        initiative, column = self.rows[index.row()], index.column()
        fig = self.figures.get(initiative.id)
        if role == ID_ROLE:
            return initiative.id
        if role == SORT_ROLE:
            return self._sort_key(initiative, column, fig)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(initiative, column, fig)
            if role == Qt.ItemDataRole.ToolTipRole:
                if fig is None and column in (TCO, NPV):
                    return self.tr("No option yet: add one on the Options tab")
                if column == NAME and initiative.id in self.drifting:
                    return f"{text}\n{self.tr(DRIFT_TIP)}"
                return text if column == NAME else None
            return text
        if column == NAME and initiative.id in self.drifting:
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return self.tr(DRIFT_TIP)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TCO, NPV):
            return _RIGHT
        return None

    def _text(self, i: Initiative, column: int, fig: Figures | None) -> str:
        if column == NAME:
            return i.name
        if column == CATEGORY:
            return label(self.quadrants[i.id])
        if column == PORTFOLIO:
            return label(i.portfolio)
        if column == STATUS:
            return label(i.status)
        if column == START:
            return f"{i.start_year} Q{i.start_quarter}"
        if fig is None:
            return "—"
        return fmt.money(fig.tco_cents if column == TCO else fig.npv_cents)

    def _sort_key(self, i: Initiative, column: int, fig: Figures | None) -> Any:
        if column == NAME:
            return i.name.casefold()
        if column == CATEGORY:
            return _QUADRANTS.index(self.quadrants[i.id])
        if column == PORTFOLIO:
            return i.portfolio.value
        if column == STATUS:
            return _STATUSES.index(i.status)
        if column == START:
            return i.start_index
        if fig is None:
            return float("-inf")
        return float(fig.tco_cents if column == TCO else fig.npv_cents)


class InitiativeFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps the rows matching every chosen filter (None: all)."""

    def __init__(self, source: InitiativeListModel, parent: QObject | None = None):
        super().__init__(parent)
        self.source = source
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.portfolio: Portfolio | None = None
        self.status: InitiativeStatus | None = None
        self.category: Quadrant | None = None
        self.goal_id: int | None = None

    def set_filters(self, **values: Any) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.9+; before: invalidate
        if begin is not None:
            begin()
        for name, value in values.items():
            setattr(self, name, value)
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        i = self.source.rows[source_row]
        goals = {g.goal_id for g in i.goals}
        return (
            (self.portfolio is None or i.portfolio == self.portfolio)
            and (self.status is None or i.status == self.status)
            and (self.category is None or self.source.quadrants[i.id] == self.category)
            and (
                self.goal_id is None
                or (self.goal_id == NO_GOAL and not goals)
                or self.goal_id in goals
            )
        )
