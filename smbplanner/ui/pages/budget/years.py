"""The editable table of budget years (year, Run envelope, Change envelope).

A budget year is stored under its year (its key), so the rows carry the year as their id;
changing a row's year is one undoable step that moves the entry (delete, then add) in the
storage layer, refused with a message when that year already has a budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from smbplanner.domain.model import BudgetYear, Plan
from smbplanner.domain.money import MoneyError
from smbplanner.storage.edits import EditSession
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class BudgetEntry:
    """A budget year as a table row: ``id`` is its year (the stored key)."""

    year: int
    run_cents: int
    change_cents: int

    @property
    def id(self) -> int:
        return self.year

    @property
    def total_cents(self) -> int:
        return self.run_cents + self.change_cents


def _total(entry: BudgetEntry, plan: Plan) -> str:
    return fmt.money(entry.total_cents, plan.business.currency)


BUDGET_COLUMNS = [
    Column("year", "Year", "int", optional=False, tooltip="The calendar year (2000–2100)"),
    Column("run_cents", "Run budget", "money",
           tooltip="Money for keeping the business running (core operations)"),
    Column("change_cents", "Change budget", "money",
           tooltip="Money for growth and innovation initiatives"),
    Column("total", "Total", "computed", getter=_total),
]


def entries(plan: Plan) -> list[BudgetEntry]:
    return [BudgetEntry(b.year, b.run_cents, b.change_cents)
            for b in sorted(plan.budget_years, key=lambda b: b.year)]


class BudgetYearModel(EntityTableModel):
    def __init__(self, document: PlanDocument):
        super().__init__(document, BudgetYear, BUDGET_COLUMNS, entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and index.isValid()
                and self.columns[index.column()].field == "year"):
            return str(self.rows[index.row()].year)  # no digit grouping in a year
        if (role == Qt.ItemDataRole.TextAlignmentRole and index.isValid()
                and self.columns[index.column()].field == "total"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.columns[index.column()].field != "year":
            return super().setData(index, value, role)
        column = self.columns[index.column()]
        try:
            year = self.parse(column, value)
        except MoneyError as e:
            self.error.emit(f"{column.header}: {e}")
            return False
        entry = self.rows[index.row()]
        if year == entry.year:
            return False
        if any(r.year == year for r in self.rows):
            self.error.emit(f"Year: {year} already has a budget; change that row instead")
            return False
        def move(e: EditSession) -> None:  # delete and add again: one undo step
            e.delete(BudgetYear, entry.year)
            e.add(BudgetYear(year, entry.run_cents, entry.change_cents))

        outcome = self.document.edit(f"Move budget {entry.year} to {year}", move)
        self.error.emit("" if outcome else outcome.message("Year"))
        return bool(outcome)

