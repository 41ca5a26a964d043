"""Benefit helpers: the seeds' arithmetic for an annual benefit, leaving a readable line.

Productivity is hours saved per week × hourly rate × working weeks; risk reduction is annual
probability × loss avoided; revenue increase is extra sales × margin; cost savings a share of
a cost paid today. Each gives the amount in cents (exact, rounded half-up) and a description
that shows the sum, e.g. "6 h/week × €28/h × 46 weeks = €7,728 a year".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from smbplanner.analysis.options import NumberFormat, money_text, plain_number, trimmed
from smbplanner.domain.money import round_cents

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹"}


def currency_amount(cents: int, currency: str, number: NumberFormat = plain_number) -> str:
    """"€7,728" for EUR, "7,728 CHF" where no symbol is common."""
    text = money_text(cents, number)
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}".strip()


@dataclass(frozen=True)
class BenefitEstimate:
    """An annual benefit worked out by a helper: its amount and the line's description."""

    amount_cents: int
    description: str


def _describe(what: str, sum_text: str) -> str:
    return f"{what.strip()}: {sum_text}" if what.strip() else sum_text


def _exact(value: Decimal | int) -> Decimal:
    return Decimal(value)


def productivity(
    hours_per_week: Decimal | int, hourly_rate_cents: int, weeks: int, currency: str,
    what: str = "", number: NumberFormat = plain_number,
) -> BenefitEstimate:
    """Hours saved per week × hourly rate × working weeks, rounded half-up to the cent."""
    cents = round_cents(_exact(hours_per_week) * hourly_rate_cents * weeks)
    text = (
        f"{trimmed(float(hours_per_week), 2, number)} h/week × "
        f"{currency_amount(hourly_rate_cents, currency, number)}/h × {weeks} weeks = "
        f"{currency_amount(cents, currency, number)} a year"
    )
    return BenefitEstimate(cents, _describe(what, text))


def risk_reduction(
    probability_pct: Decimal | int, loss_cents: int, currency: str, what: str = "",
    number: NumberFormat = plain_number,
) -> BenefitEstimate:
    """Annual probability × loss avoided."""
    cents = round_cents(_exact(probability_pct) * loss_cents / 100)
    text = (
        f"{trimmed(float(probability_pct), 2, number)} % annual probability × "
        f"{currency_amount(loss_cents, currency, number)} loss avoided = "
        f"{currency_amount(cents, currency, number)} a year"
    )
    return BenefitEstimate(cents, _describe(what, text))


def revenue_increase(
    extra_sales_cents: int, margin_pct: Decimal | int, currency: str, what: str = "",
    number: NumberFormat = plain_number,
) -> BenefitEstimate:
    """Extra sales a year × contribution margin (the profit the extra sales bring)."""
    cents = round_cents(extra_sales_cents * _exact(margin_pct) / 100)
    text = (
        f"{currency_amount(extra_sales_cents, currency, number)} extra sales a year × "
        f"{trimmed(float(margin_pct), 2, number)} % margin = "
        f"{currency_amount(cents, currency, number)} a year"
    )
    return BenefitEstimate(cents, _describe(what, text))


def cost_savings(
    current_cost_cents: int, saved_pct: Decimal | int, currency: str, what: str = "",
    number: NumberFormat = plain_number,
) -> BenefitEstimate:
    """A share of a cost the business pays today (100 % when it stops altogether)."""
    cents = round_cents(current_cost_cents * _exact(saved_pct) / 100)
    text = (
        f"{trimmed(float(saved_pct), 2, number)} % of "
        f"{currency_amount(current_cost_cents, currency, number)} a year = "
        f"{currency_amount(cents, currency, number)} a year"
    )
    return BenefitEstimate(cents, _describe(what, text))
