"""Showing and reading numbers in the user's locale and the plan's currency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale

from smbplanner.domain.money import MoneyError, to_cents


def money(cents: int | float, currency: str = "", *, decimals: int = 0) -> str:
    """12345678 cents -> "123,456.78 EUR" in the user's locale (decimals 0 rounds)."""
    units = float(Decimal(round(cents)) / 100)
    text = QLocale().toString(units, "f", decimals)
    return f"{text} {currency}".strip()


def money_edit(cents: int) -> str:
    """The text put in an editor: no grouping, the locale's decimal point."""
    units = Decimal(cents) / 100
    text = f"{units:.2f}".rstrip("0").rstrip(".") if cents % 100 == 0 else f"{units:.2f}"
    return text.replace(".", QLocale().decimalPoint())


def parse_money(text: str) -> int:
    """What the user typed, in their locale ("12.500,50" in German), to cents."""
    locale = QLocale()
    group, point = locale.groupSeparator(), locale.decimalPoint()
    cleaned = text.strip()
    if point != ".":
        cleaned = cleaned.replace(group, "").replace(point, ".")
    return to_cents(cleaned)


def number(value: float, decimals: int = 2) -> str:
    text = QLocale().toString(float(value), "f", decimals)
    point = QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def parse_number(text: str) -> float:
    locale = QLocale()
    value, ok = locale.toDouble(text.strip())
    if not ok:
        try:
            value = float(text.strip())
        except ValueError:
            raise MoneyError(f"{text.strip()!r} is not a number") from None
    return value


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def parse_day(text: str, *, optional: bool = True) -> date | None:
    text = text.strip()
    if not text and optional:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MoneyError(f"{text!r} is not a date: use YYYY-MM-DD, e.g. 2027-06-30") from None
