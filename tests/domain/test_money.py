"""Exact money: what a person types or a JSON number becomes integer cents, or is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smbplanner.domain.money import MAX_CENTS, MoneyError, format_money, to_bp, to_cents
from smbplanner.domain.numbers import money, money_exact


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("12,500", 1_250_000),
        ("12.5k", 1_250_000),
        ("1.2m", 120_000_000),
        (" 300 ", 30_000),
        ("0.1", 10),
        ("12 500,00".replace(",", "."), 1_250_000),
        ("1_000", 100_000),
    ],
)
def test_typed_amounts(typed: str, cents: int) -> None:
    assert to_cents(typed) == cents


@pytest.mark.parametrize("value", [0.1, 0.2, 0.3, 19.99, 1e9 + 0.01])
def test_float_amounts_are_exact(value: float) -> None:
    assert to_cents(value) == int(Decimal(repr(value)) * 100)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "NaN"),
        (float("inf"), "finite"),
        (float("-inf"), "finite"),
        (-1, "≥ 0"),
        (10**12, "too large"),
        ("abc", "not an amount"),
        ("", "empty"),
        (True, "a number"),
        (None, "a number"),
        (1.005, "2 decimal places"),
        ("1e400", "too large"),
        ("1e999999999", "too large"),
        ("-1e-999999999", "2 decimal places"),
    ],
)
def test_refused_amounts(value: object, message: str) -> None:
    with pytest.raises(MoneyError, match=message):
        to_cents(value)


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_cents_survive_units_and_back(cents: int) -> None:
    units = Decimal(cents) / 100
    assert to_cents(float(units)) == cents
    assert to_cents(str(units)) == cents


def test_rates_in_basis_points() -> None:
    assert to_bp(0.08, low=0, high=10_000) == 800
    assert to_bp(1.25, low=0, high=100_000) == 12_500
    with pytest.raises(MoneyError, match="4 decimal places"):
        to_bp(0.00001, low=0, high=10_000)
    with pytest.raises(MoneyError, match="between"):
        to_bp(2, low=0, high=10_000)


def test_format() -> None:
    assert format_money(123_456_789, "EUR") == "1,234,567.89 EUR"
    assert format_money(-5, "") == "-0.05"
    assert format_money(1_250_000, "GBP", decimals=False) == "12,500 GBP"


def test_whole_units_are_rounded_never_truncated() -> None:
    # format_money(decimals=False) once cut the cents off: an NPV of 25,933.50 printed
    # 25,933 in `summary` and 25,934 in the pack
    assert format_money(2_593_350, decimals=False) == "25,934" == money(2_593_350)
    assert format_money(-2_593_350, "EUR", decimals=False) == "-25,934 EUR"
    assert format_money(1_234_567, "EUR") == "12,345.67 EUR" == money_exact(1_234_567, "EUR")
