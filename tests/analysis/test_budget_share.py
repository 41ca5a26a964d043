"""Budget rows: over-budget amounts per envelope, Run share against the target, on hold."""

from __future__ import annotations

from smbplanner.analysis.budget import budget_rows, next_budget_year, planned_spend
from smbplanner.domain.enums import CostCategory, InitiativeStatus, LineKind, Portfolio
from smbplanner.domain.model import (
    BudgetYear,
    Business,
    CostLine,
    Initiative,
    Option,
    Plan,
    System,
)


def _plan(target_bp: int | None = 6_000) -> Plan:
    def one(name: str, cents: int, portfolio: Portfolio, status: InitiativeStatus
            ) -> Initiative:
        option = Option("o", chosen=True, life_years=1,
                        costs=[CostLine(CostCategory.PURCHASE, cents, LineKind.ONE_OFF, 0, 0)])
        return Initiative(name, portfolio=portfolio, status=status, start_year=2026,
                          options=[option])

    business = Business("T", start_year=2026, horizon_years=2, target_run_share_bp=target_bp)
    return Plan(
        business,
        initiatives=[
            one("change", 30_000, Portfolio.CHANGE, InitiativeStatus.PROPOSED),
            one("held", 20_000, Portfolio.CHANGE, InitiativeStatus.ON_HOLD),
        ],
        systems=[System("POS", annual_run_cost_cents=50_000)],
        budget_years=[BudgetYear(2026, 40_000, 60_000)],
    )


def test_over_amounts_and_share() -> None:
    # 2026: Run 500 planned vs 400 budget (100 over); Change 300 + 200 = 500 vs 600 (not
    # over); total 1,000 vs 1,000 (not over). Run share 500 / 1,000 = 50 % vs 60 %: −10 pts.
    # 2027: no budget entry: Run 500 planned, nothing is "over"; share 100 %.
    first, second = budget_rows(_plan(), include_on_hold=True)
    assert (first.year, first.has_budget) == (2026, True)
    assert (first.over_run_cents, first.over_change_cents, first.over_cents) == (
        10_000, -10_000, 0)
    assert first.is_over and first.shown.over_envelopes == [(Portfolio.RUN, 100)]
    assert first.run_share_pct == 50.0 and first.target_run_share_pct == 60.0
    assert first.share_gap_pct == -10.0
    assert (second.has_budget, second.is_over, second.over_cents) == (False, False, None)
    assert second.shown.over_run is None and second.shown.over_envelopes == []
    assert second.run_share_pct == 100.0 and second.share_gap_pct == 40.0
    assert [r.spend for r in budget_rows(_plan())] == planned_spend(_plan())
    assert [r.spend for r in budget_rows(_plan(), include_on_hold=True)] == planned_spend(
        _plan(), include_on_hold=True
    )


def test_without_on_hold_and_without_target() -> None:
    rows = budget_rows(_plan(None))
    assert rows[0].spend.planned_change_cents == 30_000  # "held" (200) left out
    assert rows[0].run_share_pct == 50_000 / 80_000 * 100
    assert rows[0].target_run_share_pct is None and rows[0].share_gap_pct is None
    # on hold is not planned spend (the dump and the board pack too), unless asked for
    assert planned_spend(_plan())[0].planned_change_cents == 30_000
    assert planned_spend(_plan(), include_on_hold=True)[0].planned_change_cents == 50_000


def test_nothing_planned_has_no_share() -> None:
    plan = Plan(Business("T", start_year=2026, horizon_years=1, target_run_share_bp=5_000))
    (row,) = budget_rows(plan)
    assert row.run_share_pct is None and row.share_gap_pct is None and not row.is_over


def test_next_budget_year() -> None:
    plan = _plan()  # horizon 2026–2027, a budget for 2026
    assert next_budget_year(plan) == BudgetYear(2027, 40_000, 60_000)
    plan.budget_years.append(BudgetYear(2027, 1, 2))
    assert next_budget_year(plan) == BudgetYear(2028, 1, 2)
    plan.budget_years = [BudgetYear(2027, 5, 6)]
    assert next_budget_year(plan) == BudgetYear(2026)  # nothing earlier to copy
    assert next_budget_year(Plan(Business("T", start_year=2030))) == BudgetYear(2030)


def test_initiative_costs_equal_the_figures_costs() -> None:
    from smbplanner.analysis.figures import initiative_costs, initiative_figures
    from smbplanner.domain.enums import Scenario
    from smbplanner.sample import sample_plan

    plan = sample_plan()
    for initiative in plan.initiatives:
        for scenario in Scenario:
            figures = initiative_figures(initiative, plan.business, scenario)
            expected = None if figures is None else figures.costs
            assert initiative_costs(initiative, plan.business, scenario) == expected
