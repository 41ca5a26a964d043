"""The benefit helpers reproduce the sample plan's arithmetic, exactly, in readable lines."""

from __future__ import annotations

from decimal import Decimal

from smbplanner.analysis.benefit_estimates import (
    cost_savings,
    currency_amount,
    productivity,
    revenue_increase,
    risk_reduction,
)


def test_productivity_hours_rate_weeks() -> None:
    estimate = productivity(6, 2_800, 46, "EUR")
    assert estimate.amount_cents == 772_800
    assert estimate.description == "6 h/week × €28/h × 46 weeks = €7,728 a year"
    half = productivity(Decimal("2.5"), 2_450, 46, "GBP", "Faster invoicing")
    assert half.amount_cents == 281_750  # 2.5 × 24.50 × 46 = 2,817.50
    assert half.description == (
        "Faster invoicing: 2.5 h/week × £24.50/h × 46 weeks = £2,817.50 a year")


def test_risk_reduction_probability_times_loss() -> None:
    estimate = risk_reduction(15, 6_000_000, "EUR", "Server failure stops invoicing")
    assert estimate.amount_cents == 900_000
    assert estimate.description == (
        "Server failure stops invoicing: 15 % annual probability × €60,000 loss avoided "
        "= €9,000 a year"
    )
    # 0.5 % of 333.33 = 1.66665 → 1.67 (half-up)
    assert risk_reduction(Decimal("0.5"), 33_333, "EUR").amount_cents == 167


def test_revenue_and_cost_savings() -> None:
    revenue = revenue_increase(4_000_000, 35, "CHF")
    assert revenue.amount_cents == 1_400_000
    assert revenue.description == "40,000 CHF extra sales a year × 35 % margin = 14,000 CHF a year"
    savings = cost_savings(9_500_000, 7, "EUR", "Energy use")
    assert savings.amount_cents == 665_000
    assert savings.description == "Energy use: 7 % of €95,000 a year = €6,650 a year"


def test_currency_amount() -> None:
    assert currency_amount(123_456, "USD") == "$1,234.56"
    assert currency_amount(100, "SEK") == "1 SEK"
