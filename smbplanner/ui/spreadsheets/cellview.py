"""A parsed cell as the import preview shows it, in the user's locale."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from smbplanner.domain.enums import label
from smbplanner.spreadsheets.targets import Column
from smbplanner.ui import fmt


def shown_value(column: Column, value: Any, currency: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, StrEnum):
        return label(value)
    if column.style == "money":
        return fmt.money(value, currency, decimals=2)
    if column.style == "percent":
        return fmt.number(value / 100, 2) + " %"
    if column.style == "factor":
        return "×" + fmt.number(value / 10_000, 2)
    if column.style == "flag":
        return "yes" if value else "no"
    if isinstance(value, date):
        return fmt.day(value)
    if isinstance(value, float):
        return fmt.number(value, 2 if not value.is_integer() else 0)
    return str(value)
