"""Lines spread over lifecycle years, worked by hand (amounts in cents)."""

from __future__ import annotations

from smbplanner.analysis.cashflow import (
    benefits_by_category,
    benefits_by_year,
    costs_by_category,
    costs_by_year,
    escalated_amount,
    line_amounts,
    scale,
)
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine, Option

REC = LineKind.RECURRING
ONE = LineKind.ONE_OFF


def test_one_off_lands_in_its_year() -> None:
    line = CostLine(CostCategory.PURCHASE, 250_000, ONE, year_from=2, year_to=2)
    assert line_amounts(line, 5) == [0, 0, 250_000, 0, 0]


def test_recurring_without_escalation() -> None:
    line = CostLine(CostCategory.MAINTENANCE, 1_200, REC, year_from=1, year_to=3)
    assert line_amounts(line, 5) == [0, 1_200, 1_200, 1_200, 0]


def test_escalation_compounds_from_first_year() -> None:
    # 1,000.00 growing 3 % a year from year 1:
    # y1 100000; y2 100000 × 1.03 = 103000; y3 × 1.0609 = 106090; y4 × 1.092727 = 109272.7 → 109273
    line = CostLine(CostCategory.OPERATIONS, 100_000, REC, 1, 4, escalation_bp=300)
    assert line_amounts(line, 5) == [0, 100_000, 103_000, 106_090, 109_273]


def test_escalation_rounds_half_up_each_year_from_the_exact_value() -> None:
    # 50 cents growing 1 %: y1 50 × 1.01 = 50.5 → 51 (half-up, not to even 50);
    # y2 50 × 1.0201 = 51.005 → 51 (compounding the rounded 51 would give 51.51 → 52);
    # y3 50 × 1.030301 = 51.51505 → 52.
    line = CostLine(CostCategory.OPERATIONS, 50, REC, 0, 3, escalation_bp=100)
    assert line_amounts(line, 4) == [50, 51, 51, 52]


def test_escalation_is_exact_where_binary_floats_are_not() -> None:
    # 12345 × 1.025 = 12653.625 exactly → 12654; float arithmetic gives 12653.6249999… → 12653.
    assert 12345 * 1.025 < 12653.625
    assert escalated_amount(12_345, 250, 1) == 12_654


def test_negative_escalation() -> None:
    # −50 % a year: 1000, 500, 250, 125, 62.5 → 63
    line = BenefitLine(BenefitCategory.OTHER, 1_000, REC, 0, 4, escalation_bp=-5_000)
    assert line_amounts(line, 5) == [1_000, 500, 250, 125, 63]


def test_years_beyond_life_are_ignored() -> None:
    recurring = CostLine(CostCategory.MAINTENANCE, 10, REC, 3, 9)
    assert line_amounts(recurring, 5) == [0, 0, 0, 10, 10]
    late = CostLine(CostCategory.DECOMMISSIONING, 99, ONE, 7, 7)
    assert line_amounts(late, 5) == [0, 0, 0, 0, 0]
    # Escalation still counts from year_from, even when later years are cut off.
    grows = CostLine(CostCategory.OPERATIONS, 1_000, REC, 2, 8, escalation_bp=1_000)
    assert line_amounts(grows, 4) == [0, 0, 1_000, 1_100]


def test_long_escalation_stays_exact() -> None:
    # 1.07^29 = 7.1141...; 10^13 cents × that, rounded, computed exactly.
    expected = (10**13 * 10_700**29 * 2 + 10_000**29) // (2 * 10_000**29)
    assert escalated_amount(10**13, 700, 29) == expected


def _option() -> Option:
    return Option(
        "Cloud",
        life_years=4,
        costs=[
            CostLine(CostCategory.PURCHASE, 500_000, ONE, 0, 0),
            CostLine(CostCategory.TRAINING, 80_000, ONE, 0, 0),
            CostLine(CostCategory.MAINTENANCE, 30_000, REC, 1, 3, escalation_bp=1_000),
            CostLine(CostCategory.MAINTENANCE, 1_000, ONE, 2, 2),
        ],
        benefits=[
            BenefitLine(BenefitCategory.PRODUCTIVITY, 200_000, REC, 1, 3),
            BenefitLine(BenefitCategory.COST_SAVINGS, 50_000, REC, 0, 9),
        ],
    )


def test_option_totals_by_year() -> None:
    option = _option()
    # y0 500000 + 80000; y1 30000; y2 33000 + 1000; y3 30000 × 1.21 = 36300
    assert costs_by_year(option) == [580_000, 30_000, 34_000, 36_300]
    # savings 50000 every year (cut at life 4), productivity 200000 in y1..y3
    assert benefits_by_year(option) == [50_000, 250_000, 250_000, 250_000]


def test_by_category_has_every_category() -> None:
    costs = costs_by_category(_option())
    assert list(costs) == list(CostCategory)
    assert costs[CostCategory.MAINTENANCE] == [0, 30_000, 34_000, 36_300]
    assert costs[CostCategory.DECOMMISSIONING] == [0, 0, 0, 0]
    benefits = benefits_by_category(_option())
    assert list(benefits) == list(BenefitCategory)
    assert benefits[BenefitCategory.REVENUE] == [0, 0, 0, 0]
    assert benefits[BenefitCategory.PRODUCTIVITY] == [0, 200_000, 200_000, 200_000]


def test_empty_option() -> None:
    option = Option("Nothing", life_years=3)
    assert costs_by_year(option) == [0, 0, 0]
    assert benefits_by_year(option) == [0, 0, 0]


def test_scale_rounds_half_up() -> None:
    # × 1.25: 2 → 2.5 → 3 (half-up); 10 → 12.5 → 13; 1 → 1.25 → 1; 100 → 125
    assert scale([2, 10, 1, 100], 12_500) == [3, 13, 1, 125]
    # × 0.75: 2 → 1.5 → 2; 10 → 7.5 → 8; 1 → 0.75 → 1; 333 → 249.75 → 250
    assert scale([2, 10, 1, 333], 7_500) == [2, 8, 1, 250]
    # × 0.9: 333 → 299.7 → 300; × 1.15: 333 → 382.95 → 383
    assert scale([333], 9_000) == [300]
    assert scale([333], 11_500) == [383]
    assert scale([5, 7], 10_000) == [5, 7]
    assert scale([5, 7], 0) == [0, 0]
