"""Snapshot comparison on known changes (cents throughout)."""

from __future__ import annotations

import copy

from smbplanner.analysis.budget import planned_spend
from smbplanner.analysis.compare import compare_plans
from smbplanner.domain.enums import CostCategory, InitiativeStatus, LineKind
from smbplanner.domain.model import BudgetYear, Business, CostLine, Initiative, Option, Plan
from smbplanner.sample import sample_plan


def _initiative(iid: int, cost: int, year: int = 2026) -> Initiative:
    option = Option("only", chosen=True, life_years=1,
                    costs=[CostLine(CostCategory.PURCHASE, cost, LineKind.ONE_OFF, 0, 0)])
    return Initiative(f"I{iid}", start_year=year, impact=3.0, feasibility=2.0,
                      options=[option], id=iid)


def _before() -> Plan:
    return Plan(
        Business("T", currency="EUR", start_year=2026, horizon_years=2),
        initiatives=[_initiative(1, 10_000), _initiative(2, 20_000), _initiative(3, 5_000)],
        budget_years=[BudgetYear(2026, 0, 50_000)],
    )


def test_same_plan_is_unchanged() -> None:
    plan = sample_plan()
    result = compare_plans(plan, copy.deepcopy(plan))
    assert result.unchanged and not result.changed
    assert result.tco_before_cents == result.tco_after_cents > 0


def test_known_changes() -> None:
    before = _before()
    after = copy.deepcopy(before)
    moved = after.initiatives[0]
    moved.start_year, moved.start_quarter = 2027, 3  # Q1 2026 -> Q3 2027
    rescored = after.initiatives[1]
    rescored.impact, rescored.feasibility = 4.5, None
    rescored.options[0].costs[0].amount_cents = 26_000  # TCO 200.00 -> 260.00
    rescored.status = InitiativeStatus.APPROVED
    del after.initiatives[2]  # I3 removed
    after.initiatives.append(_initiative(4, 7_000, 2027))  # I4 added
    after.budget_years.append(BudgetYear(2027, 0, 30_000))

    result = compare_plans(before, after)
    assert [i.name for i in result.added] == ["I4"]
    assert [i.name for i in result.removed] == ["I3"]
    by_name = {c.name: c for c in result.changed}
    assert by_name["I1"].changes == ["deferred from Q1 2026 to Q3 2027"]
    assert (by_name["I1"].old_start, by_name["I1"].new_start) == (2026 * 4, 2027 * 4 + 2)
    assert by_name["I2"].changes == [
        "status proposed → approved",
        "impact 3 → 4.5",
        "feasibility 2 → unscored",
        "TCO 200.00 EUR → 260.00 EUR (+60.00 EUR)",
    ]
    assert by_name["I2"].tco_delta_cents == 6_000
    # 2026: before 100 + 200 + 50 = 350 planned, budget 500; after only I2 (260) is in 2026.
    # 2027: before nothing; after I1 (100) and I4 (70), budget 300.
    years = [(y.year, y.budget_before_cents, y.budget_after_cents,
              y.planned_before_cents, y.planned_after_cents) for y in result.years]
    assert years == [(2026, 50_000, 50_000, 35_000, 26_000), (2027, 0, 30_000, 0, 17_000)]
    assert result.years[1].planned_delta_cents == 17_000
    assert (result.tco_before_cents, result.tco_after_cents) == (35_000, 43_000)
    assert not result.unchanged


def test_year_figures_equal_planned_spend() -> None:
    before = sample_plan()
    after = copy.deepcopy(before)
    after.initiatives[4].start_year += 1
    result = compare_plans(before, after)
    spend = {y.year: y.planned_cents for y in planned_spend(after)}
    assert {y.year: y.planned_after_cents for y in result.years} == spend
    assert [c.name for c in result.changed] == [after.initiatives[4].name]


def test_what_changed_shows_delivery_too() -> None:
    """Since the last review: a start and progress recorded, the colour turned red with its
    reason, spend and benefits recorded."""
    from datetime import date

    from smbplanner.domain.enums import BenefitCategory, Rag
    from smbplanner.domain.model import ActualBenefit, ActualCost

    before = sample_plan()
    after = copy.deepcopy(before)
    erp = next(i for i in after.initiatives if i.id == 5)
    erp.actual_start, erp.percent_complete = date(2027, 4, 12), 10
    erp.rag, erp.rag_reason = Rag.RED, "Supplier  late"
    erp.actual_costs = [ActualCost(2027, CostCategory.IMPLEMENTATION, 1_200_000)]
    server = next(i for i in after.initiatives if i.id == 2)
    server.actual_benefits.append(ActualBenefit(2027, BenefitCategory.COST_SAVINGS, 50_000))
    changes = {c.initiative_id: c.changes for c in compare_plans(before, after).changed}
    assert changes[5] == [
        "started 12 April 2027",
        "complete not reported → 10 %",
        "status colour not set → red (Supplier late)",
        "actual spend 0.00 EUR → 12,000.00 EUR (+12,000.00 EUR)",
    ]
    assert changes[2] == ["realised benefits 600.00 EUR → 1,100.00 EUR (+500.00 EUR)"]
