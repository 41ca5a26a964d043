"""The detail list of one option's cost or benefit lines: category, one-off or recurring,
years, amount, escalation and a note, edited in place (one undo command per change).

Changing a line's kind keeps it valid: a one-off line has one year and no escalation; a
line made recurring runs to the end of the option's life. Lines reaching beyond the life
are highlighted with the years that are not counted.

A cost line's "Capital" box shows whether it is capital or operating spend: the owner's
choice, else its category's default (``analysis.cash_statement.default_capital``). Ticking
it to the default stores no choice (the line follows its category again).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from smbplanner.analysis.cash_statement import default_capital, is_capital
from smbplanner.analysis.options import beyond_life, trimmed
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine, Option, Plan
from smbplanner.domain.money import MoneyError, to_bp
from smbplanner.domain.validation import MAX_ESCALATION_BP
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import find_initiative, find_option, locale_number
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel

Index = QModelIndex | QPersistentModelIndex
KIND_LABELS = {LineKind.ONE_OFF: "One-off", LineKind.RECURRING: "Recurring"}


CAPITAL = Column(
    "capital", "Capital", "bool",
    tooltip="Capital spend (bought once and kept: equipment, licences bought outright, "
            "implementation) or operating spend (paid as you go). By default a one-off "
            "purchase & licences or implementation line is capital, every other line "
            "operating; the board pack's cash flow splits costs by it.")


def line_columns(kind: str) -> list[Column]:
    categories = CostCategory if kind == "cost" else BenefitCategory
    capital = [CAPITAL] if kind == "cost" else []
    return [
        Column("category", "Category", "enum", categories),
        Column("kind", "Kind", "enum", LineKind,
               tooltip="One-off: paid once, in its year. Recurring: every year from … to."),
        Column("year_from", "From year", "int", optional=False,
               tooltip="Lifecycle year: 0 is the year the initiative starts"),
        Column("year_to", "To year", "int", optional=False,
               tooltip="The last year of a recurring line"),
        Column("amount_cents", "Amount", "money", tooltip="A year's amount (year 'from')"),
        Column("escalation_bp", "Escalation", "percent",
               tooltip="Recurring lines grow by this much a year, e.g. 3 %"),
        *capital,
        Column("description", "Description / note"),
        Column("low_bp", "Low ×", "factor",
               tooltip="How low this amount may turn out, as a factor: ×0.8 is 20 % less. "
                       "Empty: the plan's optimistic or pessimistic factor (Plan settings). "
                       "Used for the range on the Figures tab."),
        Column("high_bp", "High ×", "factor",
               tooltip="How high this amount may turn out, as a factor: ×1.5 is 50 % more. "
                       "Empty: the plan's scenario factor."),
    ]


def parse_factor(text: str, *, low: bool) -> int | None:
    """A typed factor ("0.8", "×0.8", "x1.5", "80 %") in basis points; empty: None (the
    plan's). A low factor is at most ×1, a high one at least ×1 (and at most ×10)."""
    text = text.strip().lstrip("×xX*").strip()
    if not text:
        return None
    percent = text.endswith("%")
    number = fmt.parse_number(text.removesuffix("%").strip())
    factor = Decimal(repr(number)) / (100 if percent else 1)
    try:
        return to_bp(factor, low=0 if low else 10_000, high=10_000 if low else 100_000)
    except MoneyError:
        raise MoneyError(
            "must be a factor from ×0 to ×1, such as 0.8" if low
            else "must be a factor from ×1 to ×10, such as 1.5") from None


class LineTableModel(EntityTableModel):
    def __init__(self, document: PlanDocument, kind: str):
        self.line_kind = kind
        self.initiative_id: int | None = None
        self.option_id: int | None = None
        self.option: Option | None = None
        cls: type = CostLine if kind == "cost" else BenefitLine
        super().__init__(document, cls, line_columns(kind), self._fetch_lines,
                         highlight=self._beyond)

    def set_option(self, initiative_id: int | None, option_id: int | None) -> None:
        self.initiative_id, self.option_id = initiative_id, option_id
        self.refresh()

    def _fetch_lines(self, plan: Plan) -> list[Any]:
        option = find_option(find_initiative(plan, self.initiative_id), self.option_id)
        self.option = option
        if option is None:
            return []
        return list(option.costs if self.line_kind == "cost" else option.benefits)

    def _beyond(self, line: Any, plan: Plan) -> str | None:
        return None if self.option is None else beyond_life(line, self.option.life_years)

    def display(self, entity: Any, column: Column) -> str:
        if column.field == "kind":
            return KIND_LABELS[entity.kind]
        if column.field == "escalation_bp":
            if entity.kind == LineKind.ONE_OFF:
                return ""
            return f"{trimmed(entity.escalation_bp / 100, 2, locale_number)} %"
        if column.field == "year_to" and entity.kind == LineKind.ONE_OFF:
            return ""
        if column.kind == "factor":
            value = getattr(entity, column.field)
            return "" if value is None else f"×{trimmed(value / 10_000, 2, locale_number)}"
        return super().display(entity, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if column.field == "capital" and role == Qt.ItemDataRole.CheckStateRole:
            capital = is_capital(self.rows[index.row()])
            return Qt.CheckState.Checked if capital else Qt.CheckState.Unchecked
        if column.field == "capital" and role == Qt.ItemDataRole.ToolTipRole:
            line = self.rows[index.row()]
            kind = self.tr("capital") if is_capital(line) else self.tr("operating")
            why = (self.tr("by default for its category and kind") if line.capital is None
                   else self.tr("as you set it"))
            return f"{kind.capitalize()} ({why}). {column.tooltip}"
        if role == Qt.ItemDataRole.EditRole and column.field == "escalation_bp":
            return trimmed(self.rows[index.row()].escalation_bp / 100, 2, locale_number)
        if role == Qt.ItemDataRole.EditRole and column.kind == "factor":
            value = getattr(self.rows[index.row()], column.field)
            return "" if value is None else trimmed(value / 10_000, 2, locale_number)
        if role == Qt.ItemDataRole.TextAlignmentRole and (
                column.field == "escalation_bp" or column.kind == "factor"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.field in ("year_from", "year_to"):
            initiative = find_initiative(self.document.plan(), self.initiative_id)
            value = getattr(self.rows[index.row()], column.field)
            reason = super().data(index, role)
            if initiative is not None:
                calendar = self.tr("Lifecycle year {0} is {1}").format(
                    value, initiative.start_year + value)
                return f"{reason}\n{calendar}" if reason else calendar
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.rows[index.row()].kind == LineKind.ONE_OFF and \
                self.columns[index.column()].field in ("year_to", "escalation_bp"):
            return flags & ~Qt.ItemFlag.ItemIsEditable
        return flags

    def parse(self, column: Column, value: Any) -> Any:
        if column.kind == "factor":
            return parse_factor(str(value), low=column.field == "low_bp")
        if column.kind == "percent":
            text = str(value).strip().removesuffix("%").strip() or "0"
            number = fmt.parse_number(text)
            try:
                return to_bp(Decimal(repr(number)) / 100, low=-MAX_ESCALATION_BP + 1,
                             high=MAX_ESCALATION_BP)
            except MoneyError:
                raise MoneyError("must be a percentage between −99.99 and 100, with at most 2 "
                                 "decimals") from None
        return super().parse(column, value)

    def _changes(self, line: Any, field: str, value: Any) -> dict[str, Any]:
        """The fields to change so that the line stays valid."""
        changes = {field: value}
        if field == "capital":  # the category's default is no choice at all
            return {field: None if value == default_capital(line) else value}
        life = self.option.life_years if self.option else 1
        if field == "kind" and value == LineKind.ONE_OFF:
            changes.update(year_to=line.year_from, escalation_bp=0)
        elif field == "kind":
            changes["year_to"] = max(line.year_from, life - 1)
        elif field == "year_from" and line.kind == LineKind.ONE_OFF:
            changes["year_to"] = value
        elif field == "year_from":
            changes["year_to"] = max(line.year_to, value)
        return changes

    def undo_text(self, entity: Any, column: Column, value: Any) -> str:
        name = self.kind.label(entity)
        what = f"'{name}'" if name else self.tr("in {0}").format(f"year {entity.year_from}")
        return f"Change {self.kind.name} {what} {column.header.lower()}"

    def changes(self, entity: Any, column: Column, value: Any) -> dict[str, Any]:
        return self._changes(entity, column.field, value)
