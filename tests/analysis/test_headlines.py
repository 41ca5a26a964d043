"""Plan-wide figures for the board: they agree with plan_figures, budget and the risks."""

from __future__ import annotations

from smbplanner.analysis.budget import counted
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.headlines import (
    funded_initiatives,
    plan_totals,
    quadrant_counts,
    risk_register,
)
from smbplanner.analysis.plan_figures import plan_figures
from smbplanner.analysis.risks import top_risks
from smbplanner.domain.enums import InitiativeStatus, Quadrant, RiskStatus, Scenario
from smbplanner.domain.model import BudgetYear, Business, Initiative, Plan, Risk
from smbplanner.domain.money import cents_to_units
from smbplanner.sample import sample_plan


def test_totals_match_the_dump_figures() -> None:
    plan = sample_plan()
    plan.initiatives[2].status = InitiativeStatus.CANCELLED
    dumped = plan_figures(plan)
    totals = plan_totals(plan)
    assert cents_to_units(totals.tco_cents) == dumped["totals"]["tco"]
    assert cents_to_units(totals.benefits_cents) == dumped["totals"]["benefits"]
    assert cents_to_units(totals.npv_cents) == dumped["totals"]["npv"]
    # the sample has one initiative on hold: not counted, as in the budget
    assert totals.initiatives == len(plan.initiatives) - 2
    assert totals.npv == sum(round(initiative_figures(i, plan.business).npv_cents / 100)
                             for i in plan.initiatives if counted(i))
    assert {q.value: n for q, n in quadrant_counts(plan).items()} == dumped["quadrants"]


def test_totals_in_a_scenario() -> None:
    plan = sample_plan()
    totals = plan_totals(plan, Scenario.PESSIMISTIC)
    expected = 0
    for initiative in filter(counted, plan.initiatives):
        f = initiative_figures(initiative, plan.business, Scenario.PESSIMISTIC)
        expected += f.tco_cents if f else 0
    assert totals.tco_cents == expected > plan_totals(plan).tco_cents


def test_funded_initiatives() -> None:
    plan = sample_plan()
    funded = funded_initiatives(plan)
    assert funded and all(
        i.status in (InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS,
                     InitiativeStatus.DONE) for i in funded
    )
    assert len(funded) == sum(1 for i in plan.initiatives if i.status in (
        InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS, InitiativeStatus.DONE))


def test_risk_register() -> None:
    a = Initiative("a", id=1, risks=[
        Risk("low", likelihood=1, impact=2),
        Risk("closed", likelihood=5, impact=5, status=RiskStatus.CLOSED),
        Risk("twelve, impact 4", likelihood=3, impact=4),
    ])
    b = Initiative("b", id=2, risks=[Risk("twelve, impact 3", likelihood=4, impact=3),
                                     Risk("top", likelihood=5, impact=4)])
    c = Initiative("c", id=3, status=InitiativeStatus.CANCELLED,
                   risks=[Risk("ignored", likelihood=5, impact=5)])
    plan = Plan(Business("B"), initiatives=[a, b, c], budget_years=[BudgetYear(2026)])
    order = [e.risk.description for e in risk_register(plan)]
    assert order == ["top", "twelve, impact 4", "twelve, impact 3", "low", "closed"]
    assert [e.risk.description for e in risk_register(plan)[:3]] == [
        e.risk.description for e in top_risks(plan, 3)
    ]


def test_quadrant_counts_cover_every_category() -> None:
    counts = quadrant_counts(Plan(Business("B")))
    assert counts == dict.fromkeys(Quadrant, 0)
