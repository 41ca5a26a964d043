"""A table of entities of one kind, editable in place; every edit is one undo command.

Columns are declared with ``Column``; values typed in a cell are parsed here (money in the
user's locale, dates, scores) and refused with a message naming the column; domain validation
then runs in the storage operation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from smbplanner.domain.enums import label
from smbplanner.domain.model import Plan
from smbplanner.domain.money import MoneyError
from smbplanner.storage.rows import kind_of
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument

Index = QModelIndex | QPersistentModelIndex

#: The header tooltip of a date column (its cells open a calendar picker).
DATE_TIP = "Double-click (or type) to pick the date from a calendar"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | int | money | enum | date | bool | score | number | computed
    choices: type[StrEnum] | None = None
    getter: Callable[[Any, Plan], Any] | None = None  # for computed columns
    optional: bool = True  # dates and ints may be empty
    tooltip: str = ""


class EntityTableModel(QAbstractTableModel):
    #: A value the user typed was refused: "Column: reason".
    error = Signal(str)

    def __init__(
        self,
        document: PlanDocument,
        cls: type,
        columns: Sequence[Column],
        fetch: Callable[[Plan], list[Any]],
        highlight: Callable[[Any, Plan], str | None] | None = None,
    ):
        super().__init__(document)
        self.document, self.cls, self.columns = document, cls, list(columns)
        self.kind = kind_of(cls)
        self._fetch, self._highlight = fetch, highlight
        self.rows: list[Any] = []
        self._plan: Plan | None = None
        document.changed.connect(self.refresh)
        self.refresh()

    # --- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the plan: in place when the same rows are there (so selection and open
        editors survive an edit), else with a model reset."""
        plan = self.document.first_look()
        rows = list(self._fetch(plan))
        if [r.id for r in rows] == [r.id for r in self.rows] and rows:
            self._plan, self.rows = plan, rows
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._plan, self.rows = plan, rows
        self.endResetModel()

    def entity(self, row: int) -> Any:
        return self.rows[row]

    def row_of(self, entity_id: int | None) -> int:
        return next((r for r, e in enumerate(self.rows) if e.id == entity_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip
        return None

    def _value(self, entity: Any, column: Column) -> Any:
        if column.getter is not None:
            assert self._plan is not None
            return column.getter(entity, self._plan)
        return getattr(entity, column.field)

    def display(self, entity: Any, column: Column) -> str:
        value = self._value(entity, column)
        currency = self._plan.business.currency if self._plan else ""
        if value is None:
            return ""
        if column.kind == "money":
            return fmt.money(value, currency)
        if column.kind == "enum" and isinstance(value, StrEnum):
            return label(value)
        if column.kind == "date":
            return fmt.day(value)
        if column.kind in ("number", "score"):
            return fmt.number(value)
        if column.kind == "bool":
            return ""
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entity, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(entity, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self._value(entity, column)
            if column.kind == "money":
                return fmt.money_edit(value)
            if column.kind == "enum":
                return value.value if value is not None else ""
            return self.display(entity, column)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            checked = bool(self._value(entity, column))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in (
            "money",
            "int",
            "number",
            "score",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._highlight is not None and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            assert self._plan is not None
            reason = self._highlight(entity, self._plan)
            if reason and role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(255, 120, 100, 70))
            if reason:
                return reason
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display(entity, column)
            return text if len(text) > 30 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        column = self.columns[index.column()]
        if column.kind == "computed" or self.document.readonly:
            return base
        if column.kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # --- editing -------------------------------------------------------------------------
    def parse(self, column: Column, value: Any) -> Any:
        """The domain value for what the user entered; raises MoneyError with a reason."""
        text = value.strip() if isinstance(value, str) else value
        if column.kind == "money":
            return fmt.parse_money(str(text))
        if column.kind == "int":
            if text in ("", None) and column.optional:
                return None
            try:
                return int(str(text))
            except ValueError:
                raise MoneyError("must be a whole number") from None
        if column.kind in ("number",):
            return fmt.parse_number(str(text))
        if column.kind == "score":
            return None if text in ("", None) else fmt.parse_number(str(text))
        if column.kind == "date":
            return fmt.parse_day(str(text), optional=column.optional)
        if column.kind == "enum":
            assert column.choices is not None
            try:
                return column.choices(text)
            except ValueError:
                raise MoneyError("is not one of the choices") from None
        if column.kind == "bool":
            return bool(text)
        return value

    def setData(
        self,
        index: Index,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            parsed = self.parse(column, value)
        except MoneyError as e:
            self.error.emit(f"{column.header}: {e}")
            return False
        entity = self.rows[index.row()]
        if getattr(entity, column.field) == parsed:
            return False
        self.error.emit("")
        outcome = self.document.update(self.cls, entity.id, self.undo_text(entity, column, parsed),
                                       **self.changes(entity, column, parsed))
        if not outcome:
            # storage names fields by their stored name; show the column header instead
            self.error.emit(outcome.message(column.header))
        return bool(outcome)

    def undo_text(self, entity: Any, column: Column, value: Any) -> str:
        """The undo step's name for a typed cell (models name the entity where it helps)."""
        return f"Change {self.kind.name} {column.header.lower()}"

    def changes(self, entity: Any, column: Column, value: Any) -> dict[str, Any]:
        """The fields a typed cell changes (some cells keep others consistent)."""
        return {column.field: value}
