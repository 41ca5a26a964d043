"""Tracking figures worked by hand (money in cents, rate 10 %).

The plan of every case: start 2026, life 3 years; a purchase of 10,000 in year 0, support of
1,000 in years 1-2, savings of 6,000 in years 1-2. By calendar year: 2026 costs 10,000;
2027 and 2028 cost 1,000 and save 6,000. TCO 12,000; NPV −10,000 + 5,000/1.1 + 5,000/1.21
= −1,322.31.
"""

from __future__ import annotations

from datetime import date

import pytest

from smbplanner.analysis.tracking import (
    actual_years,
    cumulative,
    finish_slip_quarters,
    initiative_tracking,
    late,
    overdue,
    plan_tracking,
    portfolio_tracking,
    start_slip_quarters,
    tracking_year,
)
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    InitiativeStatus,
    LineKind,
    Portfolio,
    Rag,
)
from smbplanner.domain.model import (
    ActualBenefit,
    ActualCost,
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Initiative,
    Option,
    Plan,
    System,
)

BUSINESS = Business("Bakery", start_year=2026, horizon_years=3, discount_rate_bp=1_000)
PLANNED_NPV = -1_000_000 + 500_000 / 1.1 + 500_000 / 1.21  # −132,231.4 cents


def _initiative(*costs: ActualCost, benefits: tuple[ActualBenefit, ...] = (),
                **fields: object) -> Initiative:
    option = Option(
        "Chosen",
        chosen=True,
        life_years=3,
        costs=[
            CostLine(CostCategory.PURCHASE, 1_000_000, LineKind.ONE_OFF, 0, 0),
            CostLine(CostCategory.MAINTENANCE, 100_000, LineKind.RECURRING, 1, 2),
        ],
        benefits=[BenefitLine(BenefitCategory.COST_SAVINGS, 600_000, LineKind.RECURRING, 1, 2)],
    )
    return Initiative(
        "Till system", start_year=2026, start_quarter=1, duration_quarters=4,
        options=[option], actual_costs=list(costs), actual_benefits=list(benefits),
        **fields,  # type: ignore[arg-type]
    )


def _spent(year: int, cents: int, category: CostCategory = CostCategory.PURCHASE) -> ActualCost:
    return ActualCost(year, category, cents)


def test_on_plan() -> None:
    t = initiative_tracking(_initiative(_spent(2026, 1_000_000)), BUSINESS, 2026)
    assert (t.spent_cents, t.planned_cents, t.variance_cents) == (1_000_000, 1_000_000, 0)
    assert (t.benefits_cents, t.planned_benefits_cents) == (0, 0)
    assert t.remaining_cents == 200_000
    assert (t.forecast_cents, t.planned_tco_cents, t.overrun_cents) == (1_200_000, 1_200_000, 0)
    assert t.npv_cents == pytest.approx(PLANNED_NPV)
    assert t.planned_npv_cents == pytest.approx(PLANNED_NPV)
    assert not t.owner_forecast


def test_overrun() -> None:
    extra = _spent(2026, 250_000, CostCategory.IMPLEMENTATION)
    t = initiative_tracking(_initiative(_spent(2026, 1_000_000), extra), BUSINESS, 2026)
    assert t.variance_cents == 250_000
    assert t.forecast_cents == 1_450_000
    assert t.overrun_cents == 250_000
    assert t.npv_cents == pytest.approx(-1_250_000 + 500_000 / 1.1 + 500_000 / 1.21)  # −382,231


def test_owner_estimate_is_the_forecast_and_its_difference_falls_next_year() -> None:
    extra = _spent(2026, 250_000, CostCategory.IMPLEMENTATION)
    init = _initiative(_spent(2026, 1_000_000), extra, forecast_cost_cents=1_600_000)
    t = initiative_tracking(init, BUSINESS, 2026)
    assert t.owner_forecast
    assert (t.forecast_cents, t.overrun_cents) == (1_600_000, 400_000)
    # 1,600,000 − (1,250,000 + 200,000) = 150,000 more cost in 2027
    assert t.npv_cents == pytest.approx(-1_250_000 + 350_000 / 1.1 + 500_000 / 1.21)


def test_late() -> None:
    init = _initiative(_spent(2026, 400_000), actual_start=date(2026, 10, 1))
    t = initiative_tracking(init, BUSINESS, 2026)
    assert (t.spent_cents, t.planned_cents, t.variance_cents) == (400_000, 1_000_000, -600_000)
    # actual to date plus the remaining plan: the purchase not yet paid is not in it
    assert t.forecast_cents == 600_000
    assert start_slip_quarters(init) == 3
    assert finish_slip_quarters(init) is None
    assert late(init, date(2026, 11, 1))
    assert not overdue(init, date(2026, 12, 31))  # planned to end on 31 December
    assert overdue(init, date(2027, 1, 1))
    done = _initiative(actual_start=date(2026, 1, 5), actual_finish=date(2027, 2, 1))
    assert finish_slip_quarters(done) == 1
    assert late(done, date(2027, 3, 1))
    assert not overdue(done, date(2027, 3, 1))
    on_time = _initiative(actual_start=date(2026, 2, 1), actual_finish=date(2026, 12, 1))
    assert not late(on_time, date(2027, 6, 1))


def test_benefits_early() -> None:
    early = ActualBenefit(2026, BenefitCategory.COST_SAVINGS, 150_000, "till reports")
    init = _initiative(_spent(2026, 1_000_000), benefits=(early,))
    t = initiative_tracking(init, BUSINESS, 2026)
    assert (t.benefits_cents, t.planned_benefits_cents) == (150_000, 0)
    assert t.benefit_variance_cents == 150_000
    assert t.npv_cents == pytest.approx(-850_000 + 500_000 / 1.1 + 500_000 / 1.21)  # +17,769


def test_nothing_tracked_is_all_plan() -> None:
    plan = Plan(BUSINESS, initiatives=[_initiative()])
    assert tracking_year(plan) is None
    t = plan_tracking(plan)[0]
    assert (t.spent_cents, t.planned_cents, t.remaining_cents) == (0, 0, 1_200_000)
    assert t.forecast_cents == 1_200_000
    assert t.npv_cents == pytest.approx(PLANNED_NPV)
    assert actual_years(plan) == []


def test_tracking_year_is_one_for_the_plan() -> None:
    """An initiative without actuals is measured to the plan's tracking year too."""
    quiet = _initiative(rag=Rag.AMBER)
    plan = Plan(BUSINESS, initiatives=[_initiative(_spent(2027, 5_000)), quiet])
    assert tracking_year(plan) == 2027
    t = plan_tracking(plan)[1]
    assert (t.spent_cents, t.planned_cents, t.variance_cents) == (0, 1_100_000, -1_100_000)
    assert t.rag == Rag.AMBER


def test_actuals_before_the_planned_start_count_in_year_zero() -> None:
    init = _initiative(_spent(2025, 100_000), _spent(2026, 1_000_000))
    t = initiative_tracking(init, BUSINESS, 2026)
    assert t.spent_cents == 1_100_000
    assert t.npv_cents == pytest.approx(-1_100_000 + 500_000 / 1.1 + 500_000 / 1.21)


def test_portfolio_counts_what_counts_and_money_really_spent() -> None:
    cancelled_spent = _initiative(_spent(2026, 300_000), status=InitiativeStatus.CANCELLED)
    cancelled_idle = _initiative(status=InitiativeStatus.CANCELLED)
    on_plan = _initiative(_spent(2026, 1_000_000))
    plan = Plan(BUSINESS, initiatives=[on_plan, cancelled_spent, cancelled_idle])
    total = portfolio_tracking(plan)
    assert total.spent_cents == 1_300_000
    assert total.planned_cents == 2_000_000  # on plan + the cancelled one that spent
    assert total.forecast_cents == 1_200_000 + 500_000


def test_budget_against_actual_per_envelope() -> None:
    run = _initiative(_spent(2026, 150_000), portfolio=Portfolio.RUN)
    change = _initiative(_spent(2026, 1_000_000), portfolio=Portfolio.CHANGE)
    plan = Plan(
        BUSINESS,
        initiatives=[run, change],
        systems=[System("Tills", annual_run_cost_cents=300_000, year_installed=2020)],
        budget_years=[BudgetYear(2026, 500_000, 800_000)],
    )
    (year,) = actual_years(plan)
    assert year.year == 2026
    assert (year.actual_run_cents, year.actual_change_cents) == (450_000, 1_000_000)
    assert (year.over_run_cents, year.over_change_cents) == (-50_000, 200_000)
    assert year.planned_change_cents == 1_000_000


def test_cumulative_series() -> None:
    early = ActualBenefit(2026, BenefitCategory.COST_SAVINGS, 150_000)
    plan = Plan(BUSINESS, initiatives=[_initiative(_spent(2026, 1_100_000), benefits=(early,))])
    series = cumulative(plan)
    assert series.years == [2026, 2027, 2028]
    assert series.planned_costs == [1_000_000, 1_100_000, 1_200_000]
    assert series.planned_benefits == [0, 600_000, 1_200_000]
    assert series.actual_costs == [1_100_000]
    assert series.actual_benefits == [150_000]


def test_the_decision_names_approved_work_running_over() -> None:
    from smbplanner.analysis.decision import decision

    over = _initiative(_spent(2026, 1_250_000), status=InitiativeStatus.APPROVED)
    on_plan = _initiative(_spent(2026, 1_000_000), status=InitiativeStatus.IN_PROGRESS)
    proposed = _initiative(_spent(2026, 2_000_000), status=InitiativeStatus.PROPOSED)
    more = _initiative(_spent(2026, 1_000_000), status=InitiativeStatus.APPROVED,
                       forecast_cost_cents=1_900_000)
    plan = Plan(BUSINESS, initiatives=[over, on_plan, proposed, more])
    found = decision(plan).overruns
    assert [(i is more, t.overrun) for i, t in found] == [(True, 7_000), (False, 2_500)]
