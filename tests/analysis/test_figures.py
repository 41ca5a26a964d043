"""Figures of an option under each scenario, worked by hand (money in cents)."""

from __future__ import annotations

import numpy_financial as npf
import pytest

from smbplanner.analysis.figures import (
    initiative_figures,
    option_figures,
    roi_pct,
    scenario_factors,
)
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, Scenario
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option


def _seed_option() -> Option:
    """The seed's example: spend 10,000 now, get 5,000 a year back for three years."""
    return Option(
        "Cloud",
        chosen=True,
        life_years=4,
        costs=[CostLine(CostCategory.PURCHASE, 1_000_000, LineKind.ONE_OFF, 0, 0)],
        benefits=[BenefitLine(BenefitCategory.COST_SAVINGS, 500_000, LineKind.RECURRING, 1, 3)],
    )


def test_scenario_factors() -> None:
    business = Business("Bakery")
    assert scenario_factors(business, Scenario.LIKELY) == (10_000, 10_000)
    assert scenario_factors(business, Scenario.OPTIMISTIC) == (9_000, 11_500)
    assert scenario_factors(business, Scenario.PESSIMISTIC) == (12_500, 7_500)
    custom = Business("Bakery", optimistic_cost_bp=8_000, optimistic_benefit_bp=13_000)
    assert scenario_factors(custom, Scenario.OPTIMISTIC) == (8_000, 13_000)


def test_seed_example_likely() -> None:
    fig = option_figures(_seed_option(), Business("Bakery"))  # rate 8 %
    assert fig.scenario == Scenario.LIKELY
    assert fig.life_years == 4
    assert fig.costs == [1_000_000, 0, 0, 0]
    assert fig.benefits == [0, 500_000, 500_000, 500_000]
    assert fig.cash_flows == [-1_000_000, 500_000, 500_000, 500_000]
    assert fig.tco_cents == 1_000_000
    assert fig.tco_pv_cents == 1_000_000.0  # all in year 0, undiscounted
    assert fig.benefits_cents == 1_500_000
    assert fig.discount_rate == 0.08
    # ROI = (15,000 − 10,000) / 10,000 × 100 = 50 %
    assert fig.roi_pct == 50.0
    # NPV = −10,000 + 5,000/1.08 + 5,000/1.1664 + 5,000/1.259712
    #     = −10,000 + 4,629.6296 + 4,286.6941 + 3,969.1612 = 2,885.4849 units
    #     (more digits: 500,000 × 2.5770969872 − 1,000,000 = 288,548.4936 cents)
    assert fig.npv_cents == pytest.approx(288_548.4936, abs=1e-3)
    # IRR: 5,000 × annuity(3, r) = 10,000 → r ≈ 23.3752 %
    assert fig.irr == pytest.approx(0.2337519285, abs=1e-9)
    assert fig.irr == pytest.approx(float(npf.irr(fig.cash_flows)), abs=1e-9)
    # C: −10,000, −5,000, 0 → t = 2: 1 + 5,000/5,000 = 2.0
    assert fig.payback_years == 2.0
    # Discounted C: −10,000, −5,370.37, −1,083.68, +2,885.48
    # → t = 3: 2 + 1,083.676/3,969.161 = 2.27302
    expected = 2 + (1_000_000 - 500_000 / 1.08 - 500_000 / 1.08**2) / (500_000 / 1.08**3)
    assert fig.discounted_payback_years == pytest.approx(expected, rel=1e-12)
    assert fig.discounted_payback_years == pytest.approx(2.27302, abs=1e-5)


def test_seed_example_scenarios() -> None:
    business = Business("Bakery")
    opt = option_figures(_seed_option(), business, Scenario.OPTIMISTIC)
    # costs × 0.9 → 900,000; benefits × 1.15 → 575,000 a year
    assert opt.cash_flows == [-900_000, 575_000, 575_000, 575_000]
    assert opt.tco_cents == 900_000
    assert opt.benefits_cents == 1_725_000
    # (1,725,000 − 900,000) / 900,000 × 100 = 91.666…
    assert opt.roi_pct == pytest.approx(91.6666666667)
    # C: −900,000, −325,000, +250,000 → 1 + 325,000/575,000
    assert opt.payback_years == pytest.approx(1 + 325_000 / 575_000)

    pes = option_figures(_seed_option(), business, Scenario.PESSIMISTIC)
    # costs × 1.25 → 1,250,000; benefits × 0.75 → 375,000 a year
    assert pes.cash_flows == [-1_250_000, 375_000, 375_000, 375_000]
    # (1,125,000 − 1,250,000) / 1,250,000 × 100 = −10 %
    assert pes.roi_pct == pytest.approx(-10.0)
    assert pes.payback_years is None  # C ends at −125,000
    assert pes.discounted_payback_years is None
    assert pes.irr is not None and pes.irr < 0
    assert pes.npv_cents < 0


def test_scaling_rounds_each_year_before_summing() -> None:
    option = Option(
        "Odd",
        life_years=2,
        costs=[CostLine(CostCategory.OPERATIONS, 333, LineKind.RECURRING, 0, 1)],
        benefits=[BenefitLine(BenefitCategory.OTHER, 1, LineKind.RECURRING, 0, 1)],
    )
    fig = option_figures(option, Business("Shop"), Scenario.PESSIMISTIC)
    # 333 × 1.25 = 416.25 → 416 each year (not 832.5 → 833 on the total)
    assert fig.costs == [416, 416]
    assert fig.tco_cents == 832
    # 1 × 0.75 = 0.75 → 1 each year
    assert fig.benefits == [1, 1]
    assert fig.cash_flows == [-415, -415]
    assert fig.irr is None


def test_tco_present_value_and_no_costs() -> None:
    option = Option(
        "Gift",
        life_years=3,
        costs=[CostLine(CostCategory.MAINTENANCE, 10_000, LineKind.RECURRING, 0, 2)],
    )
    fig = option_figures(option, Business("Shop", discount_rate_bp=1_000))
    # 10,000 + 10,000/1.1 + 10,000/1.21 = 27,355.37…
    assert fig.tco_pv_cents == pytest.approx(10_000 + 10_000 / 1.1 + 10_000 / 1.21)
    assert fig.discount_rate == 0.1
    free = option_figures(Option("Free", life_years=3), Business("Shop"))
    assert free.tco_cents == 0
    assert free.roi_pct is None  # tco = 0
    assert free.irr is None
    assert free.payback_years == 0.0  # C_0 = 0 ≥ 0
    assert roi_pct(100, 0) is None
    assert roi_pct(150, 100) == 50.0


def test_initiative_uses_its_chosen_option() -> None:
    business = Business("Bakery")
    assert initiative_figures(Initiative("Idea"), business) is None
    cheap = Option(
        "Cheap", life_years=1, costs=[CostLine(CostCategory.PURCHASE, 100, LineKind.ONE_OFF)]
    )
    initiative = Initiative("Cloud", options=[cheap, _seed_option()])
    fig = initiative_figures(initiative, business)
    assert fig is not None and fig.tco_cents == 1_000_000
    # No option chosen: the first one feeds the plan.
    initiative.options[1].chosen = False
    fig = initiative_figures(initiative, business, Scenario.PESSIMISTIC)
    assert fig is not None and fig.tco_cents == 125
