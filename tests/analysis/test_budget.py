"""Planned spend per calendar year against the budget, on a plan built by hand (cents)."""

from __future__ import annotations

from smbplanner.analysis.budget import YearSpend, planned_spend, system_in_service
from smbplanner.domain.enums import (
    CostCategory,
    InitiativeStatus,
    LineKind,
    Portfolio,
    Scenario,
    SystemAction,
)
from smbplanner.domain.model import (
    BudgetYear,
    Business,
    CostLine,
    Initiative,
    Option,
    Plan,
    System,
)

REC, ONE = LineKind.RECURRING, LineKind.ONE_OFF


def _plan() -> Plan:
    run = Initiative(
        "Backup service",
        portfolio=Portfolio.RUN,
        start_year=2026,
        options=[
            Option(
                "Cloud backup",
                life_years=3,
                costs=[
                    CostLine(
                        CostCategory.OPERATIONS, 100_000, REC, 0, 2
                    ),  # 1,000 a year, years 0–2
                    CostLine(CostCategory.IMPLEMENTATION, 50_000, ONE, 0, 0),
                ],
            )
        ],
    )
    change = Initiative(
        "Web shop",
        portfolio=Portfolio.CHANGE,
        start_year=2027,  # shifted a year
        options=[
            Option(
                "Hosted shop",
                life_years=5,
                costs=[
                    CostLine(CostCategory.PURCHASE, 800_000, ONE, 0, 0),
                    # 200 a year from year 1, +10 %: 20,000; 22,000; 24,200; 26,620
                    CostLine(CostCategory.MAINTENANCE, 20_000, REC, 1, 4, escalation_bp=1_000),
                ],
            )
        ],
    )
    cancelled = Initiative(
        "Drone delivery",
        status=InitiativeStatus.CANCELLED,
        start_year=2026,
        options=[Option("Drones", costs=[CostLine(CostCategory.PURCHASE, 9_999_999)])],
    )
    return Plan(
        business=Business("Bakery", start_year=2026, horizon_years=3),  # 2026–2028
        initiatives=[run, change, cancelled, Initiative("Idea without options")],
        systems=[
            # retiring at the end of 2027: costs 1,200 in 2026 and 2027 only
            System(
                "Old server",
                annual_run_cost_cents=120_000,
                year_installed=2019,
                end_of_life_year=2027,
                action=SystemAction.RETIRE,
            ),
            # installed in 2028: costs 300 from 2028
            System("New till", annual_run_cost_cents=30_000, year_installed=2028),
            # kept past its end of life: keeps costing 50 every year
            System("Printer", annual_run_cost_cents=5_000, end_of_life_year=2026),
        ],
        budget_years=[
            BudgetYear(2026, run_cents=500_000, change_cents=1_000_000),
            BudgetYear(2029, run_cents=100_000),  # beyond the horizon: listed too
        ],
    )


def test_planned_spend_likely() -> None:
    assert planned_spend(_plan()) == [
        # run: backup 100,000 + 50,000; old server 120,000; printer 5,000
        YearSpend(2026, 500_000, 1_000_000, 275_000, 0),
        # run: backup 100,000 + server 120,000 + printer 5,000; change: shop 800,000
        YearSpend(2027, 0, 0, 225_000, 800_000),
        # run: backup 100,000 + till 30,000 + printer 5,000; change: shop 20,000
        YearSpend(2028, 0, 0, 135_000, 20_000),
        # run: till 30,000 + printer 5,000; change: shop 22,000 (2030, 2031 not listed)
        YearSpend(2029, 100_000, 0, 35_000, 22_000),
    ]


def test_planned_spend_pessimistic_scales_initiatives_not_systems() -> None:
    years = planned_spend(_plan(), Scenario.PESSIMISTIC)  # costs × 1.25
    # 2026 run: (100,000 + 50,000) × 1.25 = 187,500 + systems 125,000
    assert years[0].planned_run_cents == 312_500
    # 2027 change: 800,000 × 1.25; 2029 change: 22,000 × 1.25 = 27,500
    assert years[1].planned_change_cents == 1_000_000
    assert years[3].planned_change_cents == 27_500


def test_year_totals() -> None:
    year = planned_spend(_plan())[0]
    assert year.budget_cents == 1_500_000
    assert year.planned_cents == 275_000
    assert year.over_cents == -1_225_000
    assert planned_spend(_plan())[1].over_cents == 1_025_000


def test_budget_entries_for_the_same_year_add_up() -> None:
    plan = Plan(
        Business("Shop", start_year=2026, horizon_years=1),
        budget_years=[BudgetYear(2026, 100, 10), BudgetYear(2026, 1, 1)],
    )
    assert planned_spend(plan) == [YearSpend(2026, 101, 11, 0, 0)]


def test_system_in_service() -> None:
    keep = System("A", year_installed=2020, end_of_life_year=2022)
    assert not system_in_service(keep, 2019)
    assert system_in_service(keep, 2020) and system_in_service(keep, 2030)
    replace = System("B", end_of_life_year=2022, action=SystemAction.REPLACE)
    assert system_in_service(replace, 1990) and system_in_service(replace, 2022)
    assert not system_in_service(replace, 2023)
    retire_no_date = System("C", action=SystemAction.RETIRE)
    assert system_in_service(retire_no_date, 2050)


def test_a_system_runs_until_the_initiative_replacing_it_ends() -> None:
    """Issue 18: the old server's run cost stops when its replacement is planned to end,
    not at its end-of-life year; a slip of the initiative adds a year of run cost."""
    from smbplanner.analysis.budget import system_last_year

    project = Initiative("New server", id=7, portfolio=Portfolio.RUN, start_year=2026,
                         start_quarter=3, duration_quarters=2)  # 2026 Q3 – Q4
    server = System("Old server", annual_run_cost_cents=500_000, end_of_life_year=2025,
                    action=SystemAction.REPLACE, replaced_by_id=7)
    plan = Plan(Business("B", start_year=2026, horizon_years=3), initiatives=[project],
                systems=[server])
    assert system_last_year(server, plan.initiatives) == 2026
    assert [y.planned_run_cents for y in planned_spend(plan)] == [500_000, 0, 0]
    project.duration_quarters = 3  # slips into 2027 Q1: another year of the old server
    assert [y.planned_run_cents for y in planned_spend(plan)] == [500_000, 500_000, 0]
    project.status = InitiativeStatus.ON_HOLD  # nothing replaces it while on hold
    assert system_last_year(server, plan.initiatives) is None
    assert [y.planned_run_cents for y in planned_spend(plan)] == [500_000] * 3
    assert [y.planned_run_cents for y in planned_spend(plan, include_on_hold=True)] == [
        500_000, 500_000, 0]
    project.status = InitiativeStatus.CANCELLED
    assert [y.planned_run_cents for y in planned_spend(plan)] == [500_000] * 3
    keep = System("Kept", action=SystemAction.KEEP, replaced_by_id=7)
    project.status = InitiativeStatus.DONE  # the link, not the action, says when it stops
    assert system_last_year(keep, plan.initiatives) == 2027
