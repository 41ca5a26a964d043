"""Each kind of finding appears when the plan has the problem and disappears when fixed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from smbplanner.analysis.checks import Finding, check_plan
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    InitiativeStatus,
    LineKind,
    RaciRole,
    SwotKind,
    SystemAction,
)
from smbplanner.domain.model import (
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Goal,
    GoalLink,
    Initiative,
    Kpi,
    Option,
    Person,
    Plan,
    RaciEntry,
    SwotItem,
    System,
)

A, R = RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE


def _initiative(name: str, id: int, goal: int, **kw: object) -> Initiative:
    initiative = Initiative(
        name, id=id, goals=[GoalLink(goal)], raci=[RaciEntry(1, A), RaciEntry(2, R)]
    )
    initiative.options = [
        Option(
            "Cloud",
            chosen=True,
            life_years=3,
            costs=[
                CostLine(CostCategory.PURCHASE, 100_000, LineKind.ONE_OFF, 0, 0),
                CostLine(CostCategory.MAINTENANCE, 10_000, LineKind.RECURRING, 1, 2),
            ],
            benefits=[BenefitLine(BenefitCategory.COST_SAVINGS, 80_000, LineKind.RECURRING, 1, 2)],
        )
    ]
    for key, value in kw.items():
        setattr(initiative, key, value)
    return initiative


def _plan() -> Plan:
    """A plan with no findings at all."""
    return Plan(
        business=Business("Bakery", currency="EUR", start_year=2026, horizon_years=3),
        goals=[Goal("Sell online", id=1), Goal("Less paperwork", id=2)],
        people=[Person("Ann", id=1), Person("Bob", id=2)],
        initiatives=[
            # 2026 Q2 for 6 quarters: last quarter 2027 Q3
            _initiative(
                "Cloud office suite",
                1,
                goal=2,
                start_year=2026,
                start_quarter=2,
                duration_quarters=6,
            ),
            _initiative("CRM rollout", 2, goal=1, start_year=2027, start_quarter=4, depends_on=[1]),
        ],
        swot=[
            SwotItem(
                SwotKind.WEAKNESS, "Orders arrive by phone only", goal_ids=[1], initiative_ids=[2]
            )
        ],
        kpis=[Kpi(goal_id=1, name="Online orders per week", id=1)],
        systems=[System("Till", end_of_life_year=2030)],
        budget_years=[BudgetYear(2026, 500_000, 500_000), BudgetYear(2027, 500_000, 500_000)],
    )


def _messages(plan: Plan, severity: str | None = None) -> list[str]:
    return [f.message for f in check_plan(plan) if severity in (None, f.severity)]


def test_clean_plan_has_no_findings() -> None:
    assert check_plan(_plan()) == []


def test_dependency_timing() -> None:
    plan = _plan()
    crm = plan.initiatives[1]
    crm.start_year, crm.start_quarter = 2027, 1
    assert check_plan(plan) == [
        Finding(
            "error",
            "initiative 'CRM rollout'",
            "'CRM rollout' starts in 2027 Q1, before its prerequisite 'Cloud office suite' "
            "ends (2027 Q3)",
        )
    ]
    crm.start_quarter = 3  # still within the prerequisite's last quarter
    assert len(check_plan(plan)) == 1
    crm.start_quarter = 4  # the quarter after it ends
    assert check_plan(plan) == []
    plan.initiatives[0].status = InitiativeStatus.CANCELLED  # a cancelled prerequisite
    plan.initiatives[0].goals = []
    crm.start_quarter = 1
    assert _messages(plan, "error") == []


def test_dependency_cycles_reported_once() -> None:
    plan = _plan()
    plan.initiatives[0].depends_on = [2]
    cycles = [m for m in _messages(plan) if "loop" in m]
    assert cycles == [
        "these initiatives depend on each other in a loop, so none can start: "
        "'Cloud office suite' → 'CRM rollout' → 'Cloud office suite'"
    ]
    # A three-way loop, and one initiative depending on itself.
    plan.initiatives.append(_initiative("Web shop", 3, goal=1, depends_on=[2, 3]))
    plan.initiatives[0].depends_on = [3]
    cycles = [m for m in _messages(plan) if "loop" in m or "itself" in m]
    assert cycles == [
        "'Web shop' depends on itself",
        "these initiatives depend on each other in a loop, so none can start: "
        "'Cloud office suite' → 'Web shop' → 'CRM rollout' → 'Cloud office suite'",
    ]
    plan.initiatives[0].depends_on = []
    assert [m for m in _messages(plan) if "loop" in m or "itself" in m] == [
        "'Web shop' depends on itself"
    ]
    plan.initiatives[2].depends_on = [2]
    assert not [m for m in _messages(plan) if "loop" in m or "itself" in m]


def test_loop_with_extra_members_names_them() -> None:
    plan = _plan()
    # 1 → 2 → 1 and 1 → 3 → 1: one tangle of three initiatives
    plan.initiatives[0].depends_on = [2, 3]
    plan.initiatives.append(_initiative("Web shop", 3, goal=1, depends_on=[1]))
    cycles = [m for m in _messages(plan) if "loop" in m]
    assert cycles == [
        "these initiatives depend on each other in a loop, so none can start: "
        "'Cloud office suite' → 'CRM rollout' → 'Cloud office suite' "
        "(also caught in the loop: 'Web shop')"
    ]


def test_missing_references() -> None:
    plan = _plan()
    crm = plan.initiatives[1]
    crm.depends_on.append(99)
    crm.goals.append(GoalLink(98))
    crm.raci.append(RaciEntry(97, RaciRole.INFORMED))
    plan.swot[0].goal_ids.append(96)
    plan.swot[0].initiative_ids.append(95)
    plan.kpis[0].goal_id = 94
    findings = check_plan(plan)
    assert [(f.severity, f.where, f.message) for f in findings] == [
        (
            "error",
            "initiative 'CRM rollout'",
            "'CRM rollout' depends on an initiative that does not exist (id 99)",
        ),
        (
            "error",
            "initiative 'CRM rollout'",
            "'CRM rollout' is linked to a goal that does not exist (id 98)",
        ),
        (
            "error",
            "initiative 'CRM rollout'",
            "'CRM rollout' has a RACI entry for a person who does not exist (id 97)",
        ),
        (
            "error",
            "SWOT item 'Orders arrive by phone only'",
            "refers to a goal that does not exist (id 96)",
        ),
        (
            "error",
            "SWOT item 'Orders arrive by phone only'",
            "refers to an initiative that does not exist (id 95)",
        ),
        (
            "error",
            "KPI 'Online orders per week'",
            "'Online orders per week' belongs to a goal that does not exist (id 94)",
        ),
    ]
    crm.depends_on, crm.goals = [1], [GoalLink(1)]
    crm.raci.pop()
    plan.swot[0].goal_ids, plan.swot[0].initiative_ids = [1], [2]
    plan.kpis[0].goal_id = 1
    assert check_plan(plan) == []


def test_raci() -> None:
    plan = _plan()
    crm = plan.initiatives[1]
    crm.raci = []
    assert _messages(plan) == [
        "'CRM rollout' has no one Accountable in its RACI: name exactly one person who "
        "answers for it",
        "'CRM rollout' has no one Responsible in its RACI: name at least one person who "
        "does the work",
    ]
    crm.raci = [RaciEntry(1, A), RaciEntry(2, A), RaciEntry(2, R)]
    assert _messages(plan) == [
        "'CRM rollout' has 2 people Accountable in its RACI: there must be exactly one"
    ]
    crm.raci = [RaciEntry(1, A), RaciEntry(2, R), RaciEntry(1, R)]
    assert check_plan(plan) == []
    crm.raci = []
    crm.status = InitiativeStatus.CANCELLED  # cancelled initiatives need no RACI
    assert _messages(plan, "error") == []


def test_more_than_one_chosen_option() -> None:
    plan = _plan()
    cloud = plan.initiatives[0]
    cloud.options.append(Option("On premises", chosen=True))
    assert _messages(plan) == [
        "'Cloud office suite' has 2 options marked as chosen ('Cloud', 'On premises'): choose one"
    ]
    cloud.options[1].chosen = False
    assert check_plan(plan) == []


def test_lines_beyond_life() -> None:
    plan = _plan()
    option = plan.initiatives[0].options[0]  # life 3: years 0–2
    option.costs[1].year_to = 4
    option.costs.append(CostLine(CostCategory.DECOMMISSIONING, 5_000, LineKind.ONE_OFF, 3, 3))
    option.benefits[0].year_to = 3
    where = {f.where for f in check_plan(plan)}
    assert where == {"option 'Cloud' of 'Cloud office suite'"}
    assert _messages(plan) == [
        "the Maintenance & support cost in years 1–4 goes beyond the option's 3-year life "
        "(years 0–2); years from 3 on are not counted",
        "the Decommissioning cost in year 3 goes beyond the option's 3-year life "
        "(years 0–2); years from 3 on are not counted",
        "the Cost savings benefit in years 1–3 goes beyond the option's 3-year life "
        "(years 0–2); years from 3 on are not counted",
    ]
    option.life_years = 5
    assert check_plan(plan) == []


def test_unaligned_initiatives_and_goals_without_initiatives() -> None:
    plan = _plan()
    plan.initiatives[1].goals = []
    assert check_plan(plan) == [
        Finding(
            "warning",
            "initiative 'CRM rollout'",
            "'CRM rollout' serves no business goal: link it to a goal, or ask why it is "
            "in the plan (technological drift)",
        ),
        Finding("warning", "goal 'Sell online'", "no initiative serves the goal 'Sell online'"),
    ]
    plan.initiatives[1].goals = [GoalLink(1)]
    assert check_plan(plan) == []


def test_over_budget_years() -> None:
    plan = _plan()
    # 2026 spend: Cloud office suite's purchase, 100,000 cents = 1,000.00 EUR
    plan.budget_years[0] = BudgetYear(2026, run_cents=20_000, change_cents=50_000)
    # per envelope, in whole units as every view prints them: Change is 500 over although
    # the year as a whole is only 300 over (Run has 200 left, which does not pay for Change)
    assert check_plan(plan) == [
        Finding(
            "warning",
            "budget 2026",
            "planned Change spend in 2026 of 1,000 EUR is 500 EUR over the Change budget of "
            "500 EUR",
        )
    ]
    plan.budget_years[0] = BudgetYear(2026, run_cents=20_000, change_cents=80_000)
    (finding,) = check_plan(plan)  # the year's total is on budget, the Change envelope not
    assert "is 200 EUR over the Change budget" in finding.message
    plan.budget_years[0] = BudgetYear(2026, run_cents=0, change_cents=100_000)
    assert check_plan(plan) == []  # exactly on budget
    plan.budget_years = []  # no budget set: nothing to exceed
    assert check_plan(plan) == []


def test_systems_past_end_of_life() -> None:
    plan = _plan()
    plan.systems[0].end_of_life_year = 2024
    assert check_plan(plan) == [
        Finding(
            "warning",
            "system 'Till'",
            "'Till' reached its end of life in 2024, before the plan starts (2026): plan to "
            "replace or retire it",
        )
    ]
    plan.systems[0].action = SystemAction.REPLACE
    assert _messages(plan) == [
        "'Till' reached its end of life in 2024, before the plan starts (2026)"
    ]
    plan.systems[0].end_of_life_year = 2026
    assert check_plan(plan) == []


def test_errors_come_before_warnings() -> None:
    plan = _plan()
    plan.initiatives[1].goals = []
    plan.initiatives[1].raci = []
    assert [f.severity for f in check_plan(plan)] == ["error", "error", "warning", "warning"]
    assert str(check_plan(plan)[0]).startswith("error: initiative 'CRM rollout': ")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(1, 7), max_size=3), min_size=1, max_size=7))
def test_every_loop_reported_once(edges: list[list[int]]) -> None:
    n = len(edges)
    plan = Plan(Business("Graph"))
    for k, deps in enumerate(edges, start=1):
        plan.initiatives.append(Initiative(f"I{k}", id=k, depends_on=[d for d in deps if d <= n]))
    # Brute force: reachability, then groups of mutually reachable initiatives.
    reach = {k: set(d for d in plan.initiatives[k - 1].depends_on) for k in range(1, n + 1)}
    for _ in range(n):
        for k in reach:
            reach[k] |= {m for d in list(reach[k]) for m in reach[d]}
    groups = {frozenset({k} | {m for m in reach[k] if k in reach[m]}) for k in reach}
    loops = {g for g in groups if len(g) > 1}
    reported = [f.message for f in check_plan(plan) if "loop" in f.message]
    assert len(reported) == len(loops)
    for message in reported:
        names = {int(part[1:]) for part in re.findall(r"'(I\d+)'", message)}
        assert names in loops
    selfish = [f.message for f in check_plan(plan) if "itself" in f.message]
    assert len(selfish) == sum(1 for k in reach if k in plan.initiatives[k - 1].depends_on)


def test_actuals_that_do_not_add_up_are_warnings() -> None:
    from smbplanner.domain.enums import CostCategory
    from smbplanner.domain.model import ActualCost, Business, Initiative, Plan

    spent = [ActualCost(2026, CostCategory.PURCHASE, 10_000)]
    plan = Plan(Business("Bakery"), initiatives=[
        Initiative("Tills", id=1, actual_costs=list(spent)),
        Initiative("Wi-Fi", id=2, status=InitiativeStatus.APPROVED, percent_complete=100),
    ])
    messages = [str(f) for f in check_plan(plan) if "actual" in f.message]
    assert messages == [
        "warning: initiative 'Tills': 'Tills' is only proposed but has actual spend recorded: "
        "approve it, or check the spend",
        "warning: initiative 'Tills': 'Tills' has actual spend but no actual start: record "
        "when the work started",
        "warning: initiative 'Wi-Fi': 'Wi-Fi' is 100 % complete but has no actual finish: "
        "record when it finished",
    ]
    from smbplanner.sample import sample_plan

    assert not [f for f in check_plan(sample_plan()) if "actual" in f.message]
