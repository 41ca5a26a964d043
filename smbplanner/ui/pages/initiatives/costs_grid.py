"""The year-by-category grid of one option's costs or benefits, as quick as a spreadsheet.

Rows are the categories and a Total row; columns the lifecycle years and a Total column.
Typing an amount into a cell sets a one-off line for that category and year (0 or an empty
cell removes it). A cell that a recurring line covers, or that several one-off lines make
up, cannot be typed into: its tooltip names the line to change in the list below. Enter
commits and moves down, Tab moves right; Delete clears the selected cells; Ctrl+V pastes a
block copied from a spreadsheet as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from smbplanner.analysis.options import CellEdit, LineGrid, cell_edit, cell_locked, line_grid
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, label
from smbplanner.domain.model import BenefitLine, CostLine, Initiative, Option
from smbplanner.domain.money import MoneyError
from smbplanner.storage.edits import EditSession
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import (
    find_initiative,
    find_option,
    locale_number,
    year_header,
)

Index = QModelIndex | QPersistentModelIndex
Category = CostCategory | BenefitCategory


class YearGridModel(QAbstractTableModel):
    #: A refused value or a paste report: one sentence (empty clears it).
    message = Signal(str)

    def __init__(self, document: PlanDocument, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        assert kind in ("cost", "benefit")
        self.document, self.kind = document, kind
        self.initiative_id: int | None = None
        self.option_id: int | None = None
        self.initiative: Initiative | None = None
        self.option: Option | None = None
        self.grid: LineGrid | None = None
        self._shape: tuple[int | None, int, int | None] = (None, 0, None)

    # --- reading -------------------------------------------------------------------------
    def set_option(self, initiative_id: int | None, option_id: int | None) -> None:
        self.initiative_id, self.option_id = initiative_id, option_id
        self.refresh()

    def refresh(self) -> None:
        """Reload; in place when the option and its life are unchanged (editors survive)."""
        plan = self.document.plan()
        self.initiative = find_initiative(plan, self.initiative_id)
        option = find_option(self.initiative, self.option_id)
        grid = None if option is None else line_grid(option, "cost" if self.kind == "cost"
                                                     else "benefit")
        shape = (self.option_id if option else None, grid.life_years if grid else 0,
                 self.initiative.start_year if self.initiative else None)
        if shape == self._shape and grid is not None:
            self.option, self.grid = option, grid
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.option, self.grid, self._shape = option, grid, shape
        self.endResetModel()

    @property
    def life(self) -> int:
        return self.grid.life_years if self.grid else 0

    def category(self, row: int) -> Category | None:
        if self.grid is None or not 0 <= row < len(self.grid.categories):
            return None
        return self.grid.categories[row]

    def is_body(self, index: Index) -> bool:
        return self.category(index.row()) is not None and 0 <= index.column() < self.life

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.categories) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else self.life + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return year_header(section, self.initiative) if section < self.life else "Total"
        category = self.category(section)
        return label(category) if category is not None else "Total"

    def cents(self, row: int, column: int) -> int:
        assert self.grid is not None
        category = self.category(row)
        if category is None:
            return self.grid.total if column >= self.life else self.grid.year_totals[column]
        if column >= self.life:
            return self.grid.category_totals[category]
        return self.grid.amounts[category][column]

    def locked(self, index: Index) -> str | None:
        category = self.category(index.row())
        if self.grid is None or category is None or not self.is_body(index):
            return None
        return cell_locked(self.grid, category, index.column(), locale_number)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        value = self.cents(index.row(), index.column())
        body = self.is_body(index)
        if role == Qt.ItemDataRole.DisplayRole:  # totals add up as shown (allocated cells)
            if body and value == 0:
                return ""
            column = index.column()
            return fmt.units(self.grid.shown_at(self.category(index.row()),
                                                column if column < self.life else None))
        if role == Qt.ItemDataRole.EditRole:
            return fmt.money_edit(value) if value else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (not body or self.locked(index)):
            font = QFont()
            font.setBold(not body)
            font.setItalic(body)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and not body:
            return QApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, value)
        return None

    def _tooltip(self, index: Index, value: int) -> str:
        category = self.category(index.row())
        exact = fmt.money(value, decimals=2)
        if not self.is_body(index) or category is None:
            return self.tr("Total: {0}").format(exact)
        reason = self.locked(index)
        if reason:
            return reason
        where = self.tr("{0} in year {1}").format(label(category), index.column())
        return self.tr(
            "{0}: {1}. Type an amount to set it as a one-off {2}; 0 or Delete clears it."
        ).format(where, exact, self.kind)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.is_body(index) and not self.document.readonly \
                and not self.locked(index):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # --- editing -------------------------------------------------------------------------
    def plan_edit(self, row: int, column: int, text: str) -> CellEdit:
        """What typing ``text`` into the cell means; raises MoneyError for a bad amount."""
        category = self.category(row)
        assert self.grid is not None and category is not None
        cents = 0 if not text.strip() else fmt.parse_money(text)
        return cell_edit(self.grid, category, column, cents, locale_number)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_body(index):
            return False
        category = self.category(index.row())
        assert category is not None
        try:
            edit = self.plan_edit(index.row(), index.column(), str(value))
        except MoneyError as e:
            self.message.emit(f"{label(category)}, year {index.column()}: {e}")
            return False
        if edit.action == "refuse":
            self.message.emit(edit.reason)
            return False
        self.message.emit("")
        return self.apply(edit)

    def _undo_text(self, edit: CellEdit) -> str:
        where = f"{label(edit.category)} {self.kind} in year {edit.year}"
        if edit.action == "delete":
            return f"Clear {where}"
        return f"Set {where} to {fmt.money(edit.amount_cents, decimals=2).removesuffix('.00')}"

    def step(self, edit: CellEdit) -> Callable[[EditSession], object] | None:
        """The edit step that carries out one cell edit (None when nothing changes)."""
        cls: type = CostLine if self.kind == "cost" else BenefitLine
        if edit.action == "add":
            line = cls(edit.category, edit.amount_cents, LineKind.ONE_OFF, edit.year, edit.year)
            option_id = self.option_id
            return lambda e: e.add(line, option_id)
        if edit.action == "update":
            line_id, amount = edit.line_ids[0], edit.amount_cents
            return lambda e: e.update(cls, line_id, amount_cents=amount)
        if edit.action == "delete":
            line_id = edit.line_ids[0]
            return lambda e: e.delete(cls, line_id)
        return None

    def apply(self, edit: CellEdit) -> bool:
        """Carry out one cell edit through the document (one undo step)."""
        step = self.step(edit)
        return edit.action == "none" if step is None else self.run(self._undo_text(edit), [step])

    def apply_many(self, edits: list[CellEdit], text: str) -> bool:
        """Several cell edits as ONE edit: one transaction, one undo step, all or nothing;
        the figures refresh once."""
        steps = [s for s in (self.step(e) for e in edits) if s is not None]
        return True if not steps else self.run(text, steps)

    def run(self, text: str, steps: list[Callable[[EditSession], object]]) -> bool:
        """Run the steps as one edit; a refusal is shown as this grid's message."""

        def all_steps(e: EditSession) -> None:
            for step in steps:
                step(e)

        outcome = self.document.edit(text, all_steps)
        if not outcome:
            self.message.emit(self.tr("Nothing was changed: {0}").format(
                outcome.message() or self.tr("was refused")))
        return bool(outcome)
