"""Models of the options panel: the editable list of options, the side-by-side comparison,
and the undoable “Choose this option” command."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from smbplanner.analysis.options import Comparison, OptionColumn, compare_options
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Initiative, Option, Plan
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import find_initiative, locale_number, minus
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel

Index = QModelIndex | QPersistentModelIndex


def _feeds(option: Option, plan: Plan) -> str:
    initiative = next(
        (i for i in plan.initiatives if any(o is option for o in i.options)), None)
    feeding = initiative.chosen_option if initiative else None
    return "✓ chosen" if feeding is not None and feeding.id == option.id else ""


OPTION_COLUMNS = [
    Column("name", "Option"),
    Column("chosen", "Feeds the plan", "computed", getter=_feeds,
           tooltip="The chosen option's costs and benefits are the initiative's figures"),
    Column("life_years", "Life (years)", "int", optional=False,
           tooltip="How many years the option is costed over (1–30)"),
    Column("description", "Description"),
]


class OptionTableModel(EntityTableModel):
    def __init__(self, document: PlanDocument):
        self.initiative_id: int | None = None
        super().__init__(document, Option, OPTION_COLUMNS, self._options)

    def _options(self, plan: Plan) -> list[Any]:
        initiative = find_initiative(plan, self.initiative_id)
        return list(initiative.options) if initiative else []

    def set_initiative(self, initiative_id: int | None) -> None:
        self.initiative_id = initiative_id
        self.refresh()

    def parse(self, column: Column, value: Any) -> Any:
        parsed = super().parse(column, value)
        return parsed.strip() if column.field == "name" and isinstance(parsed, str) else parsed

    def undo_text(self, entity: Any, column: Column, value: Any) -> str:
        if column.field == "name":
            return f"Rename option '{entity.name}' to '{value}'"
        return f"Change option '{entity.name}' {column.header.lower()}"


#: Rows of the comparison after the years.
SUMMARY_ROWS = ("TCO", "Up front (year 0)", "NPV", "Payback")


class ComparisonModel(QAbstractTableModel):
    """Options side by side: two columns per option (cost in the year, cumulative cost),
    one row per lifecycle year, then TCO, up-front cost, NPV and payback."""

    def __init__(self, document: PlanDocument):
        super().__init__(document)
        self.document = document
        self.comparison: Comparison | None = None
        self.initiative: Initiative | None = None
        self.currency = ""

    def set_data(self, initiative: Initiative | None, scenario: Scenario) -> None:
        plan = self.document.plan()
        self.beginResetModel()
        self.initiative = initiative
        self.currency = plan.business.currency
        self.comparison = None if initiative is None else compare_options(
            initiative, plan.business, scenario, locale_number)
        self.endResetModel()

    @property
    def years(self) -> int:
        return self.comparison.years if self.comparison else 0

    def option(self, column: int) -> OptionColumn:
        assert self.comparison is not None
        return self.comparison.columns[column // 2]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self.comparison or not self.comparison.columns:
            return 0
        return self.years + len(SUMMARY_ROWS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.comparison else 2 * len(self.comparison.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.comparison is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            column = self.option(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.name
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            name = textwrap.shorten(column.name, 18, placeholder="…")
            if column.chosen:
                name += " ✓"
            return f"{name}\n" + ("cost in the year" if section % 2 == 0 else "cumulative")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < self.years:
            start = self.initiative.start_year if self.initiative else 0
            return f"Year {section} ({start + section})"
        return SUMMARY_ROWS[section - self.years]

    def text(self, row: int, column: int) -> str:
        option = self.option(column)
        cumulative = column % 2 == 1
        if row < self.years:
            if row >= option.life_years:
                return ""
            values = option.cumulative_costs if cumulative else option.costs
            return fmt.money(values[row])
        if cumulative:
            return ""
        summary = SUMMARY_ROWS[row - self.years]
        if summary == "TCO":
            return fmt.money(option.tco_cents, self.currency)
        if summary == "Up front (year 0)":
            return fmt.money(option.upfront_cents, self.currency)
        if summary == "NPV":
            return minus(fmt.money(option.npv_cents, self.currency))
        if option.payback_years is None:
            return "never"
        if option.payback_years == 0:
            return "in year 0"
        return f"{fmt.number(option.payback_years, 1)} years"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.comparison is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() >= self.years:
            font = QFont()
            font.setBold(True)
            return font
        return None
