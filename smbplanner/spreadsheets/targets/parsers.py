"""Cell parsers for the columns of the target tables (``Column.parse``)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from smbplanner.domain.validation import MAX_LIFE_YEARS, MAX_YEAR, MIN_YEAR
from smbplanner.spreadsheets import cells
from smbplanner.spreadsheets.cells import Format
from smbplanner.spreadsheets.targets.base import Parser


def text(value: Any, fmt: Format) -> str:
    return cells.text(value, fmt)


def money(value: Any, fmt: Format) -> int:
    return cells.money(value, fmt)


def real(value: Any, fmt: Format) -> float:
    return cells.real(value, fmt)


def day(value: Any, fmt: Format) -> Any:
    return cells.day(value, fmt)


def flag(value: Any, fmt: Format) -> bool:
    return cells.flag(value, fmt)


def score(value: Any, fmt: Format) -> float:
    return cells.score(value, fmt)


def whole(low: int, high: int) -> Parser:
    def parse(value: Any, fmt: Format) -> int:
        return cells.integer(value, fmt, low=low, high=high)

    return parse


def choice(kind: type[StrEnum], extra: dict[str, str] | None = None) -> Parser:
    def parse(value: Any, fmt: Format) -> Any:
        return cells.choice(value, kind, extra)

    return parse


year = whole(MIN_YEAR, MAX_YEAR)
plan_year = whole(2000, 2100)
life_year = whole(0, MAX_LIFE_YEARS - 1)
life = whole(1, MAX_LIFE_YEARS)
one_to_five = whole(1, 5)
