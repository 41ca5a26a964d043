"""The plan's tables as the export writes them: each target's columns (and the plan's year
columns for lines) and its rows, values as spreadsheet cells (money in currency units,
rates and factors as fractions, choices by their label)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from smbplanner.domain.enums import label
from smbplanner.domain.model import Plan
from smbplanner.spreadsheets.targets import TARGETS, Column, Target


@dataclass(frozen=True)
class Table:
    target: Target
    columns: list[Column]
    rows: list[list[Any]]


def cell_value(column: Column, value: Any) -> Any:
    """A row's value as the spreadsheet cell holds it (None for an empty cell)."""
    if value is None:
        return None
    if isinstance(value, StrEnum):
        return label(value)
    if column.style == "money":
        return float(Decimal(value) / 100)
    if column.style in ("percent", "factor"):
        return float(Decimal(value) / 10_000)
    if column.style == "flag":
        return "yes" if value else "no"
    return value


def plan_tables(plan: Plan) -> list[Table]:
    """Every target table of the plan, in the registry's order."""
    out: list[Table] = []
    for target in TARGETS.values():
        columns = list(target.columns) + target.extra_columns(plan)
        rows = [[cell_value(c, values.get(c.key)) for c in columns]
                for values in target.rows(plan)]
        out.append(Table(target, columns, rows))
    return out
