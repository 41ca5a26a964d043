"""The systems inventory's link to the initiative that retires or replaces a system
(``System.replaced_by_id``): its column, model and chooser. The rule of what the link means
for the budget is ``analysis.budget.system_last_year``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from smbplanner.analysis.budget import replacing, system_last_year
from smbplanner.domain.model import Plan, System
from smbplanner.domain.money import MoneyError
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel

Index = QModelIndex | QPersistentModelIndex
NONE_TEXT = "(nothing yet)"


def replaced_by_text(system: System, plan: Plan) -> str:
    by = replacing(system, plan.initiatives)
    return by.name if by is not None else ""


def replacement_sentence(system: System, plan: Plan) -> str:
    """What the link means for the run cost, in one sentence ("" without a link)."""
    by = replacing(system, plan.initiatives)
    if by is None:
        return ""
    last = system_last_year(system, plan.initiatives)
    if last is None:
        return (f"Replaced by “{by.name}”, which is {by.status.value.replace('_', ' ')}: "
                "nothing replaces it yet, so its run cost continues.")
    return (f"Replaced by “{by.name}”: it runs until that initiative's planned end, so its "
            f"run cost counts up to {last}; if the initiative slips, so does this cost.")


REPLACED_BY = Column(
    "replaced_by_id", "Replaced by", "initiative", getter=replaced_by_text,
    tooltip="The initiative that retires or replaces this system: the system's run cost "
            "counts until that initiative's planned end, so a slip shows in the budget")


class SystemTableModel(EntityTableModel):
    """Systems, with the replacing initiative chosen by name and stored as its id."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            column = self.columns[index.column()]
            entity = self.rows[index.row()]
            if column.kind == "initiative":
                if role == Qt.ItemDataRole.EditRole:
                    return entity.replaced_by_id
                if role == Qt.ItemDataRole.ToolTipRole:
                    assert self._plan is not None
                    return replacement_sentence(entity, self._plan) or column.tooltip
        return super().data(index, role)

    def parse(self, column: Column, value: Any) -> Any:
        if column.kind == "initiative":
            if value in (None, ""):
                return None
            ids = {i.id for i in self.document.plan().initiatives}
            if isinstance(value, bool) or not isinstance(value, int) or value not in ids:
                raise MoneyError("choose one of the plan's initiatives")
            return value
        return super().parse(column, value)

    def undo_text(self, entity: Any, column: Column, value: Any) -> str:
        if column.kind == "initiative":
            return f"Change system '{entity.name}' replaced by"
        return super().undo_text(entity, column, value)


class InitiativeDelegate(QStyledItemDelegate):
    """A combo of the plan's initiatives (and "nothing yet") for ``replaced_by_id``."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Replaced by initiative")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)
        combo.addItem(NONE_TEXT, None)
        for initiative in self.document.plan().initiatives:
            combo.addItem(initiative.name, initiative.id)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 260), rect.height())
