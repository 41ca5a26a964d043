"""How numbers, money, percentages, rates, years and dates are written: the one formatting
module. The board pack, ``summary``, ``check`` and the workings use it as is (English
separators: ``12,345.6``); the app's ``ui/fmt.py`` passes its locale's group separator and
decimal point, and nothing else.

- Money is shown in whole currency units: cents rounded half away from zero (``whole``),
  thousands separated. Totals and derived figures are computed from the rounded parts
  (``analysis.rounding``), so a printed column always adds up.
- ``signed``: "+680", "-3,510", "0" (over/under).
- An IRR beyond what can be searched is written as a bound, never as a dash: "> 1,000 %"
  above 10 (1,000 %), "< -99 %" below -0.99. ``rate`` writes a dash only when there is no
  rate at all; the caller (``analysis.workings``) says why.
- A payback in year 0 is "in year 0 (no net outlay)", not "0.0 yrs".
- A dash ("—") always means "not defined"; every view that prints one says why nearby.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

DASH = "—"
#: The IRR search range (DESIGN §4): a root outside (-0.99, 10) is shown as a bound.
IRR_LOW, IRR_HIGH = -0.99, 10.0


def whole(cents: int | float) -> int:
    """Cents to whole currency units, rounded half away from zero (a float, such as an NPV,
    is first rounded to whole cents)."""
    exact = Decimal(cents if isinstance(cents, int) else round(cents)) / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)) + 0


@dataclass(frozen=True)
class Style:
    """The separators: English by default; the app passes its locale's."""

    group: str = ","
    point: str = "."


PLAIN = Style()


def decimal(value: float, decimals: int = 0, style: Style = PLAIN) -> str:
    """12345.678 → "12,345.68" (decimals 2); never "-0"."""
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    return text.replace(",", "\0").replace(".", style.point).replace("\0", style.group)


#: Characters also taken as a thousands separator where the locale groups with a space.
_SPACES = ("\u00a0", "\u202f", " ")


def read(text: str, style: Style = PLAIN) -> str:
    """What a person typed in their locale ("12.000,50" in German, "12,000.50" in English,
    "12 000,50" in French) as plain digits with a point ("12000.50"), for ``Decimal`` or
    ``float``. Groups must be of three digits ("1,2" is refused, not read as 12); a text
    without a group separator is taken as is. Raises ValueError with the reason."""
    cleaned = text.strip()
    if not cleaned:
        return cleaned
    groups = {style.group} if style.group else set()
    if style.group in _SPACES or style.group == "'":
        groups |= set(_SPACES)
    groups.discard(style.point)
    whole, point, fraction = cleaned, "", ""
    if style.point in cleaned:
        whole, point, fraction = cleaned.rpartition(style.point)
        if any(g in fraction for g in groups):
            raise ValueError(f"{cleaned!r} is not a number")
    separator = next((g for g in groups if g in whole), None)
    if separator is not None:
        sign = whole[0] if whole[:1] in "+-" else ""
        parts = whole[len(sign):].split(separator)
        if (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])
                or any(g in p for p in parts for g in groups)):
            raise ValueError(f"{cleaned!r} is not a number: thousands go in groups of three")
        whole = sign + "".join(parts)
    return f"{whole}.{fraction}" if point else whole


def units(value: int, currency: str = "", style: Style = PLAIN) -> str:
    """Whole units: 12345 → "12,345" or "12,345 EUR"."""
    return f"{decimal(value, 0, style)} {currency}".strip()


def money(cents: int | float, currency: str = "", style: Style = PLAIN) -> str:
    """Cents in whole units: 1234550 → "12,346 EUR"."""
    return units(whole(cents), currency, style)


def money_exact(cents: int, currency: str = "", style: Style = PLAIN) -> str:
    """Exact cents with two decimals: 1234567 → "12,345.67 EUR" (no float on the way)."""
    sign = "-" if cents < 0 else ""
    units_, rest = divmod(abs(cents), 100)
    text = f"{sign}{units_:,}".replace(",", style.group) + f"{style.point}{rest:02d}"
    return f"{text} {currency}".strip()


def signed(value: int, currency: str = "", style: Style = PLAIN) -> str:
    """An over/under in whole units: "+680", "-3,510", "0"."""
    return ("+" if value > 0 else "") + units(value, currency, style)


def percent(value: float | None, decimals: int = 1, style: Style = PLAIN) -> str:
    """A value already in per cent (ROI, a share): "12.5 %"."""
    return DASH if value is None else f"{decimal(value, decimals, style)}\u00a0%"


def rate(value: float | None, style: Style = PLAIN, *, bound: str | None = None) -> str:
    """A fraction (IRR, discount rate) as a percentage: 0.125 → "12.5 %". ``bound`` is
    "above" or "below" for an IRR beyond the searched range: "> 1,000 %" / "< -99 %"."""
    if bound == "above":
        return f"> {decimal(IRR_HIGH * 100, 0, style)}\u00a0%"
    if bound == "below":
        return f"< {decimal(IRR_LOW * 100, 0, style)}\u00a0%"
    return percent(None if value is None else value * 100, 1, style)


def years(value: float | None, style: Style = PLAIN) -> str:
    """A payback period: "2.4 yrs"; "year 0" when the flows never go negative."""
    if value is None:
        return DASH
    if value == 0:
        return "year 0"
    return f"{decimal(value, 1, style)}\u00a0yrs"


def count(n: int, one: str, many: str | None = None, style: Style = PLAIN) -> str:
    """A number of things with the right noun: "1 response", "2 responses", "1,200 open
    risks". ``many`` defaults to ``one`` + "s" ("open risk" → "open risks")."""
    noun = one if n == 1 else (many if many is not None else f"{one}s")
    return f"{decimal(n, 0, style)} {noun}"


def day(value: date) -> str:
    """23 November 2026."""
    return f"{value.day} {value:%B %Y}"
