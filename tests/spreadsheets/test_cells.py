"""One cell as money, a number, a date, a percentage, a choice — or a reason why not."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from smbplanner.domain.enums import InitiativeStatus
from smbplanner.spreadsheets import cells
from smbplanner.spreadsheets.cells import CellError, Format

COMMA = Format(decimal_comma=True)


@pytest.mark.parametrize(("value", "fmt", "cents"), [
    (1234.5, Format(), 123_450),
    (0.1 + 0.2, Format(), 30),  # a computed cell's float noise is not a third decimal
    (12, Format(), 1_200),
    ("1,234.56", Format(), 123_456),
    ("1.234,56", Format(), 123_456),
    ("1 234,56", COMMA, 123_456),
    ("12,5", Format(), 1_250),
    ("1.250,00 €", COMMA, 125_000),
    ("€ 1,200", Format(), 120_000),
    ("EUR 12", Format(), 1_200),
    ("1.234", COMMA, 123_400),  # a thousands point in a decimal-comma file
    ("100,-", COMMA, 10_000),
    ("12\u00a0500", Format(), 1_250_000),
])
def test_money(value: object, fmt: Format, cents: int) -> None:
    assert cells.money(value, fmt) == cents


@pytest.mark.parametrize(("value", "message"), [
    ("about 600", "'about 600' is not a number"),
    ("12.345", "'12.345' must have at most 2 decimal places"),
    ("(300)", "'(300)' must be a number ≥ 0"),
    (True, "'True' is not a number"),
    (date(2026, 1, 1), "'2026-01-01' is not a number"),
    (float("nan"), "is not a finite number"),
    ("1,2,3.4.5", "is not a number"),
    ("1e400", "is not a number"),
])
def test_money_refused(value: object, message: str) -> None:
    with pytest.raises(CellError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cells.money(value)


def test_negative_money_where_allowed() -> None:
    assert cells.money("(300)", allow_negative=True) == -30_000
    assert cells.money("−45", allow_negative=True) == -4_500


@pytest.mark.parametrize(("value", "fmt", "day"), [
    (date(2026, 3, 31), Format(), date(2026, 3, 31)),
    (datetime(2026, 3, 31, 0, 0), Format(), date(2026, 3, 31)),
    (46112, Format(), date(2026, 3, 31)),  # a serial number
    (46112.0, Format(), date(2026, 3, 31)),
    ("46112", Format(), date(2026, 3, 31)),
    ("2026-03-31", Format(), date(2026, 3, 31)),
    ("31.03.2026", Format(day_first=False), date(2026, 3, 31)),  # dotted: always day first
    ("03/04/2026", Format(day_first=True), date(2026, 4, 3)),
    ("03/04/2026", Format(day_first=False), date(2026, 3, 4)),
    ("3/4/26", Format(), date(2026, 4, 3)),
])
def test_dates(value: object, fmt: Format, day: date) -> None:
    assert cells.day(value, fmt) == day


@pytest.mark.parametrize("value", ["31.02.2026", "next week", 46112.5, -3, True, "2026-13-01"])
def test_dates_refused(value: object) -> None:
    with pytest.raises(CellError, match="is not a date"):
        cells.day(value)


def test_a_date_column_tells_its_order() -> None:
    assert cells.day_first_hint(["01/02/2026", "25/02/2026"]) is True
    assert cells.day_first_hint(["01/02/2026", "02/25/2026"]) is False
    assert cells.day_first_hint(["01/02/2026", 46112]) is None


@pytest.mark.parametrize(("value", "bp"), [
    ("3 %", 300), ("3,5%", 350), (0.03, 300), (3, 300), ("-2%", -200), ("0.5", 5_000),
])
def test_percentages(value: object, bp: int) -> None:
    assert cells.percent_bp(value, low=-9_999, high=10_000) == bp


def test_integers_choices_and_flags() -> None:
    assert cells.integer(2026.0, low=1900, high=2200) == 2026
    assert cells.integer(date(2027, 12, 31), low=1900, high=2200) == 2027
    with pytest.raises(CellError, match=r"'2026\.5' is not a whole number"):
        cells.integer(2026.5, low=1900, high=2200)
    with pytest.raises(CellError, match="7 is not from 1 to 5"):
        cells.integer("7", low=1, high=5)
    assert cells.choice("In progress", InitiativeStatus) == InitiativeStatus.IN_PROGRESS
    assert cells.choice("on_hold", InitiativeStatus) == InitiativeStatus.ON_HOLD
    assert cells.choice("Started", InitiativeStatus, {"started": "in_progress"}) == (
        InitiativeStatus.IN_PROGRESS)
    with pytest.raises(CellError, match="'Maybe' is not one of: Proposed, Approved"):
        cells.choice("Maybe", InitiativeStatus)
    assert [cells.flag(v) for v in ("yes", "X", 1, True, "", "no", 0)] == [
        True, True, True, True, False, False, False]
    with pytest.raises(CellError, match="'sometimes' is not yes or no"):
        cells.flag("sometimes")


def test_text_cells() -> None:
    assert cells.text(2026.0) == "2026"
    assert cells.text("  Till   system ") == "Till system"
    assert cells.text(datetime(2026, 3, 31)) == "2026-03-31"
    assert cells.text(None) == ""
