"""The systems inventory's link to the initiative that retires or replaces a system
(``System.replaced_by_id``): its column, model and chooser. The rule of what the link means
for the budget is ``analysis.budget.system_last_year``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from smbplanner.analysis.budget import replacing, system_last_year
from smbplanner.domain.model import Plan, System
from smbplanner.domain.money import MoneyError
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel
from smbplanner.ui.shared.widgets import ChoiceDelegate

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


class InitiativeDelegate(ChoiceDelegate):
    """A combo of the plan's initiatives (and "nothing yet") for ``replaced_by_id``."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent=parent, name="Replaced by initiative", min_chars=28)
        self.document = document

    def items(self) -> list[tuple[Any, str]]:
        return [(None, NONE_TEXT)] + [(i.id, i.name) for i in self.document.plan().initiatives]
