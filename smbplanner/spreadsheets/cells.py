"""One cell as the value a field needs, or a one-line reason why not.

A cell is what a reader gives: text (CSV, or a text cell), a number (int or float), a bool,
a date or datetime, or None / "" when empty. Parsers return the parsed value or raise
``CellError`` with the reason the preview shows ("'abc' is not an amount").

- Money: numbers as they are; text with thousands separators and a decimal point or comma
  (``1.234,56``, ``1,234.56``, ``1 234,56``, ``€ 1,200``, ``(300)`` negative), exact cents.
- Dates: date cells; serial numbers (days since 1899-12-30, as Excel and LibreOffice count);
  text as ``2026-03-31``, ``31.03.2026``, ``31/03/2026`` (day first unless the column shows
  otherwise, ``Format.day_first``).
- Percentages: ``3 %`` and ``0.03`` are both 3 %; a bare number ≥ 1 is percent points.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from smbplanner.domain.enums import label
from smbplanner.domain.money import MoneyError, to_cents

#: The day Excel's and LibreOffice's serial number 0 stands for (1900 date system).
SERIAL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 109_575)  # 1900-01-01 .. 2199-12-31


class CellError(ValueError):
    """A cell that cannot be read as its field; the message says why in a few words."""


@dataclass(frozen=True)
class Format:
    """How a file writes numbers and dates: decimal comma (a ``;`` CSV, ``1.234,56``) and
    day-first dates (``03/04/2026`` is 3 April)."""

    decimal_comma: bool = False
    day_first: bool = True


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: Any) -> str:
    """A cell as the preview quotes it (at most 40 characters)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def text(value: Any, fmt: Format = Format()) -> str:
    """A text field: numbers written plainly (2026.0 → "2026"), dates as ISO."""
    if is_empty(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        value = value[1:]  # a CSV export's guard against formulas (``csvout``)
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


_SYMBOLS = r"(?:[€$£¥₹₽₺₩¢]|[A-Z]{3}|kr\.?|zł|Kč|Ft|Fr\.|,-|\.-)"
_CURRENCY = re.compile(rf"^\s*{_SYMBOLS}\s*|\s*{_SYMBOLS}\s*$")


def _number_text(raw: str, fmt: Format) -> Decimal:
    """Text as a number: currency signs and codes stripped, grouping removed."""
    s = raw.strip().replace("\u00a0", " ").replace("\u202f", " ")
    negative = s.startswith("(") and s.endswith(")")
    if negative:
        s = s[1:-1]
    s = _CURRENCY.sub("", s).strip()
    if s.startswith(("-", "−", "+")):
        negative = negative or s[0] in "-−"
        s = s[1:].strip()
    s = s.replace(" ", "").replace("'", "").replace("_", "")
    if not s or not re.fullmatch(r"[\d.,]+", s):
        raise CellError(f"{shown(raw)!r} is not a number")
    decimal_mark = "," if fmt.decimal_comma else "."
    if "," in s and "." in s:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
    elif not fmt.decimal_comma and re.fullmatch(r"\d+,\d{1,2}", s):
        decimal_mark = ","  # 12,5 cannot be a thousands separator
    elif fmt.decimal_comma and re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        decimal_mark = ","  # 1.234 in a decimal-comma file is one thousand two hundred…
    group = "." if decimal_mark == "," else ","
    if s.count(decimal_mark) > 1:
        raise CellError(f"{shown(raw)!r} is not a number")
    s = s.replace(group, "").replace(decimal_mark, ".")
    try:
        number = Decimal(s)
    except InvalidOperation:
        raise CellError(f"{shown(raw)!r} is not a number") from None
    return -number if negative else number


def number(value: Any, fmt: Format = Format()) -> Decimal:
    """Any number (text or a number cell) as an exact Decimal."""
    if isinstance(value, (bool, date, datetime, timedelta)):
        raise CellError(f"{shown(value)!r} is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError("is not a finite number")
        return Decimal(repr(value))
    if isinstance(value, str):
        return _number_text(value, fmt)
    raise CellError(f"{shown(value)!r} is not a number")


def money(value: Any, fmt: Format = Format(), *, allow_negative: bool = False) -> int:
    """An amount in cents: at most 2 decimals, at most 100 billion, ≥ 0 unless allowed."""
    amount = number(value, fmt)
    cents = amount.quantize(Decimal("0.01"))
    if isinstance(value, float) and abs(amount - cents) < Decimal("1e-6"):
        amount = cents  # a computed cell's float noise (0.1 + 0.2), not a third decimal
    try:
        return to_cents(amount, allow_negative=allow_negative)
    except MoneyError as e:
        raise CellError(f"{shown(value)!r} {e}") from None


def real(value: Any, fmt: Format = Format()) -> float:
    return float(number(value, fmt))


def integer(value: Any, fmt: Format = Format(), *, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` (2026.0 is 2026; 2026.5 is refused)."""
    if isinstance(value, (date, datetime)) and low >= 1900:
        return value.year  # a year column holding dates
    n = number(value, fmt)
    if n != n.to_integral_value():
        raise CellError(f"{shown(value)!r} is not a whole number")
    if not low <= n <= high:
        raise CellError(f"{shown(value)} is not from {low} to {high}")
    return int(n)


def score(value: Any, fmt: Format = Format()) -> float:
    """A grid score: 1 to 5 in half steps."""
    n = number(value, fmt)
    if not 1 <= n <= 5 or n * 2 != (n * 2).to_integral_value():
        raise CellError(f"{shown(value)!r} must be a score from 1 to 5 in half steps")
    return float(n)


def percent_bp(value: Any, fmt: Format = Format(), *, low: int, high: int) -> int:
    """A percentage in basis points: "3 %", "3,5%" and 0.03 are 3 % / 3.5 %; a bare
    number ≥ 1 is read as percent points (3 → 3 %)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        n = number(value.strip()[:-1], fmt) / 100
    else:
        n = number(value, fmt)
        if abs(n) >= 1:
            n = n / 100
    bp = n * 10_000
    if bp != bp.to_integral_value():
        raise CellError(f"{shown(value)!r} has too many decimals (at most 0.01 %)")
    if not low <= bp <= high:
        raise CellError(f"{shown(value)!r} must be from {low / 100:g} % to {high / 100:g} %")
    return int(bp)


_FACTOR = re.compile(r"^\s*[x×*]\s*|\s*[x×]\s*$")


def factor_bp(value: Any, fmt: Format = Format(), *, low: int, high: int) -> int:
    """A factor such as ×1.25 (or 1.25) in basis points."""
    raw = _FACTOR.sub("", value) if isinstance(value, str) else value
    bp = number(raw, fmt) * 10_000
    if bp != bp.to_integral_value() or not low <= bp <= high:
        raise CellError(f"{shown(value)!r} must be a factor from ×{low / 10_000:g} to "
                        f"×{high / 10_000:g}")
    return int(bp)


_YES = {"yes", "y", "true", "1", "x", "✓", "✔", "ja", "oui", "si", "sí", "wahr", "vrai"}
_NO = {"no", "n", "false", "0", "-", "nein", "non", "falsch", "faux"}


def flag(value: Any, fmt: Format = Format()) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = text(value).lower()
    if key in _YES:
        return True
    if key in _NO or not key:
        return False
    raise CellError(f"{shown(value)!r} is not yes or no")


def _key(text_value: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text_value.lower().replace("&", "and"))


def choice(value: Any, kind: type[StrEnum], extra: dict[str, str] | None = None) -> Any:
    """An enum member by its value or label, any case ("In progress", "in_progress")."""
    key = _key(text(value))
    for member in kind:
        if key in (_key(member.value), _key(label(member))):
            return member
    if extra and extra.get(key) in {m.value for m in kind}:
        return kind(extra[key])
    names = ", ".join(label(m) for m in kind)
    raise CellError(f"{shown(value)!r} is not one of: {names}")


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")


def day_first_hint(values: list[Any]) -> bool | None:
    """Whether a column's text dates are day first (a first part > 12 somewhere), month
    first (a second part > 12), or None when no value tells."""
    for value in values:
        if isinstance(value, str):
            m = _DMY.match(value.strip())
            if m and m.group(1) and int(m.group(1)) > 12:
                return True
            if m and int(m.group(2)) > 12:
                return False
    return None


def day(value: Any, fmt: Format = Format()) -> date:
    """A date from a date cell, a serial number or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1] or not float(value).is_integer():
            raise CellError(f"{shown(value)!r} is not a date")
        return SERIAL_EPOCH + timedelta(days=int(value))
    raw = text(value)
    try:
        if m := _ISO.match(raw):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DMY.match(raw):
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            year = y + 2000 if y < 100 else y
            dotted = "." in raw
            return date(year, b, a) if fmt.day_first or dotted else date(year, a, b)
        if re.fullmatch(r"\d+([.,]0+)?", raw):
            return day(int(re.split(r"[.,]", raw)[0]), fmt)
    except ValueError:
        raise CellError(f"{shown(value)!r} is not a date") from None
    raise CellError(f"{shown(value)!r} is not a date (write it as 2026-03-31)")
