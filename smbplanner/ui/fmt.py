"""Showing and reading numbers in the user's locale and the plan's currency: a thin layer
over ``domain.numbers`` (the one formatting module) that supplies QLocale's separators."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

from smbplanner.domain import numbers
from smbplanner.domain.money import MoneyError, to_cents


def style() -> numbers.Style:
    """The user's locale's separators (thousands always grouped, even in the C locale)."""
    locale = QLocale()
    return numbers.Style(locale.groupSeparator(), locale.decimalPoint())


def money(cents: int | float, currency: str = "", *, decimals: int = 0) -> str:
    """12345678 cents -> "123,457 EUR" in the user's locale: whole units rounded as the
    pack rounds them (``domain.numbers``); ``decimals=2`` shows the exact cents."""
    if decimals == 0:
        return numbers.money(cents, currency, style())
    text = numbers.decimal(float(Decimal(round(cents)) / 100), decimals, style())
    return f"{text} {currency}".strip()


def units(value: int, currency: str = "") -> str:
    """Whole units already rounded by the presentation rule (``Shown`` figures)."""
    return numbers.units(value, currency, style())


def signed(value: int, currency: str = "") -> str:
    return numbers.signed(value, currency, style())


def rate(value: float | None, *, bound: str | None = None) -> str:
    return numbers.rate(value, style(), bound=bound)


def years(value: float | None) -> str:
    return numbers.years(value, style())


def money_edit(cents: int) -> str:
    """The text put in an editor: no grouping, the locale's decimal point."""
    units = Decimal(cents) / 100
    text = f"{units:.2f}".rstrip("0").rstrip(".") if cents % 100 == 0 else f"{units:.2f}"
    return text.replace(".", QLocale().decimalPoint())


def parse_money(text: str) -> int:
    """What the user typed, in their locale ("12.000,50" in German, "12,000.50" in English),
    to cents; the locale's thousands separator is welcome, in groups of three."""
    try:
        plain = numbers.read(text, style())
    except ValueError as e:
        raise MoneyError(str(e)) from None
    return to_cents(plain)


def count(n: int, one: str, many: str | None = None) -> str:
    """"1 response", "2 responses" (``domain.numbers.count``, the one plural rule)."""
    return numbers.count(n, one, many, style())


def number(value: float, decimals: int = 2) -> str:
    """At most ``decimals`` decimals, trailing zeros dropped, thousands grouped."""
    s = style()
    text = numbers.decimal(float(value), decimals, s)
    if decimals and s.point in text:
        text = text.rstrip("0").rstrip(s.point)
    return text


def parse_number(text: str) -> float:
    """What the user typed (or what ``number`` showed, thousands grouped) to a float."""
    try:
        return float(numbers.read(text, style()))
    except ValueError:
        raise MoneyError(f"{text.strip()!r} is not a number") from None


def date_format() -> str:
    """The user's locale's short date format with a four-digit year ("M/d/yyyy",
    "dd.MM.yyyy"): what tables show and the calendar pickers edit."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"  # the C locale's own ("d MM yyyy") reads as no one writes dates
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


def day(value: date | None) -> str:
    """A date in the user's locale ("12/31/2027" in the US, "31.12.2027" in Germany)."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def parse_day(text: str, *, optional: bool = True) -> date | None:
    """A date as the locale writes it (``day``) or as YYYY-MM-DD."""
    text = text.strip()
    if not text and optional:
        return None
    shown = QLocale().toDate(text, date_format())
    if shown.isValid():
        return date(shown.year(), shown.month(), shown.day())
    try:
        return date.fromisoformat(text)
    except ValueError:
        example = day(date(2027, 6, 30))
        raise MoneyError(f"{text!r} is not a date: pick one from the calendar, or type it "
                         f"like {example}") from None


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…", so that what follows it stays in sight
    (the full text belongs in a tooltip)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
