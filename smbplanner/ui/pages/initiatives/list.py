"""The list of initiatives on the Initiatives page: filters above a read-only table of their
figures (``listmodel``), sortable by any column, with the Add / Add from library… /
Delete buttons below."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.enums import InitiativeStatus, Portfolio, Quadrant, label
from smbplanner.domain.model import Plan
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.listmodel import (
    ID_ROLE,
    NAME,
    NO_GOAL,
    START,
    InitiativeFilter,
    InitiativeListModel,
)
from smbplanner.ui.refresh import watch


def _combo(name: str, everything: str, choices: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(everything, None)
    for text, value in choices:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


def _enum_choices(kind: type[StrEnum]) -> list[tuple[str, Any]]:
    return [(label(m), m) for m in kind]


class InitiativeList(QWidget):
    """Filters, the sortable table and the Add / Add from library… / Delete buttons."""

    #: The selected initiative's id, or None.
    current_changed = Signal(object)
    #: Delete or Backspace pressed on the table.
    delete_pressed = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.model = InitiativeListModel(document, self)
        self.proxy = InitiativeFilter(self.model, self)
        self._current: int | None = None
        self._row = 0  # the selected row, to select its neighbour when it goes

        self.portfolio = _combo(self.tr("Portfolio filter"), self.tr("All portfolios"),
                                _enum_choices(Portfolio))
        self.status = _combo(self.tr("Status filter"), self.tr("All statuses"),
                             _enum_choices(InitiativeStatus))
        self.category = _combo(self.tr("Quadrant filter"), self.tr("All quadrants"),
                               _enum_choices(Quadrant))
        self.goal = _combo(self.tr("Goal filter"), self.tr("All goals"), [])
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for n, combo in enumerate((self.portfolio, self.status, self.category, self.goal)):
            filters.addWidget(combo, n // 2, n % 2)
            combo.currentIndexChanged.connect(self._filter)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Initiatives"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(START, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        # compact rows: more initiatives in sight on a small screen (4 at 1024×640 before)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((160, 86, 62, 76, 76, 70, 90)):
            header.resizeSection(column, width)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.proxy.modelReset.connect(self._reselect)
        self.proxy.layoutChanged.connect(self._reselect)
        self.proxy.rowsRemoved.connect(self._reselect)

        self.add_button = QPushButton(self.tr("Add initiative"))
        self.add_button.setAccessibleName(self.tr("Add initiative"))
        self.library_button = QPushButton(self.tr("Add from library…"))
        self.library_button.setAccessibleName(self.tr("Add an initiative from the library"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected initiative"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.show_all = QPushButton(self.tr("Clear filters"))
        self.show_all.setAccessibleName(self.tr("Clear the filters"))
        self.show_all.clicked.connect(self.clear_filters)
        self.show_all.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.library_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(hint_row)
        layout.addLayout(buttons)
        watch(self, document, self._changed)
        self.refresh()

    # --- state ---------------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self._current

    def select_id(self, initiative_id: int | None) -> bool:
        """Select an initiative's row; False when it is not shown (filtered out or gone)."""
        row = self.model.row_of(initiative_id)
        index = self.proxy.mapFromSource(self.model.index(row, NAME)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def visible_ids(self) -> list[int]:
        return [
            self.proxy.index(r, NAME).data(ID_ROLE) for r in range(self.proxy.rowCount())
        ]

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._row = current.row()
        self._set_current(current.data(ID_ROLE) if current.isValid() else None)

    def _set_current(self, initiative_id: int | None) -> None:
        if initiative_id != self._current:
            self._current = initiative_id
            self.delete_button.setEnabled(not self.document.readonly and initiative_id is not None)
            self.current_changed.emit(initiative_id)

    def _reselect(self, *args: object) -> None:
        """After a reload or a filter change keep the same initiative selected; when it is
        gone, select the nearest row (else nothing)."""
        if self.select_id(self._current):
            return
        rows = self.proxy.rowCount()
        if rows:
            self.view.setCurrentIndex(self.proxy.index(min(self._row, rows - 1), NAME))
        else:
            self._set_current(None)

    # --- filters -------------------------------------------------------------------------
    def _filter(self) -> None:
        self.proxy.set_filters(
            portfolio=self.portfolio.currentData(),
            status=self.status.currentData(),
            category=self.category.currentData(),
            goal_id=self.goal.currentData(),
        )
        self._reselect()
        self._show_hint(self.document.plan())

    def clear_filters(self) -> None:
        for combo in (self.portfolio, self.status, self.category, self.goal):
            combo.setCurrentIndex(0)

    def filtered(self) -> bool:
        combos = (self.portfolio, self.status, self.category, self.goal)
        return any(c.currentIndex() > 0 for c in combos)

    def _changed(self) -> None:
        self.model.refresh()
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        goals = [(g.title, g.id) for g in plan.goals] + [(self.tr("Serving no goal"), NO_GOAL)]
        current = [(self.goal.itemText(n), self.goal.itemData(n))
                   for n in range(1, self.goal.count())]
        if goals != current:
            chosen = self.goal.currentData()
            self.goal.blockSignals(True)
            while self.goal.count() > 1:
                self.goal.removeItem(1)
            for title, goal_id in goals:
                self.goal.addItem(title, goal_id)
                self.goal.setItemData(self.goal.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
            self.goal.setCurrentIndex(max(self.goal.findData(chosen), 0))
            self.goal.blockSignals(False)
            self._filter()
        writable = not self.document.readonly
        self.add_button.setEnabled(writable)
        self.library_button.setEnabled(writable)
        if self._current is None or not self.view.currentIndex().isValid():
            self._reselect()
        self.delete_button.setEnabled(writable and self._current is not None)
        self._show_hint(plan)

    def _show_hint(self, plan: Plan) -> None:
        if not plan.initiatives:
            text = self.tr(
                "No initiatives yet. Click “Add initiative” to describe one, or “Add from "
                "library…” to start from a common one with estimated costs and benefits."
            )
        elif not self.proxy.rowCount():
            text = self.tr("No initiative matches these filters.")
        elif self.filtered():
            text = self.tr("{0} of {1} shown.").format(
                self.proxy.rowCount(), fmt.count(len(plan.initiatives), "initiative")
            )
        else:
            text = ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.show_all.setVisible(self.filtered())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.delete_pressed.emit()
            return True
        return super().eventFilter(watched, event)
