"""Exact money: amounts are integer cents (hundredths of the plan's currency unit).

Rates, escalations and scenario factors are integer basis points (1/10,000), so that
8 % is 800 and a factor of x1.25 is 12,500. Conversions from user or JSON numbers go
through ``Decimal`` of the number's shortest text, never through binary float arithmetic.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

#: The largest amount of one field: 100 billion currency units.
MAX_CENTS = 10**13
BP = 10_000


class MoneyError(ValueError):
    """A number that cannot be an amount, rate or factor; the message says why."""


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MoneyError("must be a number")
    if isinstance(value, float):
        if math.isnan(value):
            raise MoneyError("must be a number, not NaN")
        if math.isinf(value):
            raise MoneyError("must be a finite number")
        return _bounded(Decimal(repr(value)))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return _bounded(value)
    raise MoneyError("must be a number")


def parse_amount_text(text: str) -> Decimal:
    """Parse what a person types: "12,500", "12 500.50", "12.5k", "1.2m", "-300".

    Commas and spaces are taken as thousands separators. Raises MoneyError.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", "").replace("_", "")
    if not cleaned:
        raise MoneyError("must not be empty")
    multiplier = Decimal(1)
    suffix = cleaned[-1].lower()
    if suffix in ("k", "m"):
        multiplier = Decimal(1000) if suffix == "k" else Decimal(1_000_000)
        cleaned = cleaned[:-1]
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(f"{text.strip()!r} is not an amount") from None
    return _bounded(number) * multiplier


def _bounded(number: Decimal) -> Decimal:
    """Keep exponents sane so that arithmetic can neither overflow nor underflow."""
    if not number.is_finite():
        raise MoneyError("must be a finite number")
    if number and number.adjusted() > 30:
        raise MoneyError("is too large (at most 100,000,000,000)")
    if number and number.adjusted() < -30:
        raise MoneyError("must have at most 2 decimal places")
    return number


def to_cents(value: object, *, allow_negative: bool = False) -> int:
    """Currency units (int, float, Decimal or typed text) to integer cents, exactly.

    Refuses NaN, infinities, booleans, text that is not a number, more than two decimals,
    negative amounts (unless allowed) and amounts over 100 billion.
    """
    number = parse_amount_text(value) if isinstance(value, str) else _decimal(value)
    if abs(number) > MAX_CENTS:
        raise MoneyError("is too large (at most 100,000,000,000)")
    cents = number * 100
    if cents != cents.to_integral_value():
        raise MoneyError("must have at most 2 decimal places")
    if not allow_negative and cents < 0:
        raise MoneyError("must be a number ≥ 0")
    if abs(cents) > MAX_CENTS:
        raise MoneyError("is too large (at most 100,000,000,000)")
    return int(cents)


def to_bp(value: object, *, low: int, high: int) -> int:
    """A fraction (0.08 for 8 %) to basis points, exactly; at most 4 decimal places."""
    number = _decimal(value) if not isinstance(value, str) else parse_amount_text(value)
    if abs(number) > high:
        raise MoneyError(f"must be between {Decimal(low) / BP} and {Decimal(high) / BP}")
    bp = number * BP
    if bp != bp.to_integral_value():
        raise MoneyError("must have at most 4 decimal places")
    if not low <= bp <= high:
        raise MoneyError(f"must be between {Decimal(low) / BP} and {Decimal(high) / BP}")
    return int(bp)


def cents_to_units(cents: int | float) -> float:
    """Cents to a number of currency units, for JSON and display (2 decimals)."""
    if isinstance(cents, int):
        return float(Decimal(cents) / 100)
    return round(cents / 100, 2)


def bp_to_fraction(bp: int) -> float:
    return bp / BP


def round_cents(value: Decimal) -> int:
    """Round a Decimal amount of cents half-up to whole cents."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_money(cents: int, currency: str = "", *, decimals: bool = True) -> str:
    """1234567 cents -> "12,345.67 EUR" (plain, locale-neutral; the UI localises)."""
    from smbplanner.domain import numbers

    if not decimals:  # whole units rounded half away from zero (never truncated)
        return numbers.money(cents, currency)
    return numbers.money_exact(cents, currency)
