"""Shared pieces of the sample plans: ids, line and RACI builders, nested-id numbering."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    LineKind,
    RaciRole,
    RiskCategory,
    RiskStatus,
)
from smbplanner.domain.model import (
    BenefitLine,
    CostLine,
    GoalLink,
    Plan,
    RaciEntry,
    Risk,
)

ESCALATION_3PCT = 300  # basis points a year
WORKING_WEEKS = 46

# Goal ids
MARGIN, CUSTOMERS, ORDER_BOOK, TEAM = 1, 2, 3, 4
# Person ids
MARTA, TOMAS, ELENA, PIETER, SAM = 1, 2, 3, 4, 5
# Initiative ids
MFA, SERVER, POS, WIFI, ERP, PREORDER, WEBSITE, LOYALTY, OVENS, SKILLS, DASHBOARD = range(1, 12)

_NAMES = {
    MARTA: "Marta Jensen",
    TOMAS: "Tomás Ruiz",
    ELENA: "Elena Novak",
    PIETER: "Pieter de Vries",
    SAM: "Sam Okafor",
}

C = CostCategory
B = BenefitCategory
R = RaciRole


# ---------------------------------------------------------------- line builders


def _eur(units: int | Decimal) -> int:
    """Whole or decimal euros to integer cents (exact)."""
    return int(Decimal(units) * 100)


def once(category: CostCategory, euros: int, description: str, year: int = 0) -> CostLine:
    """A one-off cost in lifecycle year ``year``."""
    return CostLine(category, _eur(euros), LineKind.ONE_OFF, year, year, 0, description)


def yearly(
    category: CostCategory, euros: int, first: int, last: int, description: str, esc: int = 0
) -> CostLine:
    """A recurring annual cost from lifecycle year ``first`` to ``last``."""
    return CostLine(category, _eur(euros), LineKind.RECURRING, first, last, esc, description)


def gain(
    category: BenefitCategory, euros: int, first: int, last: int, description: str
) -> BenefitLine:
    """A recurring annual benefit from lifecycle year ``first`` to ``last``."""
    return BenefitLine(category, _eur(euros), LineKind.RECURRING, first, last, 0, description)


def hours_saved(what: str, hours: int, rate: int, first: int, last: int) -> BenefitLine:
    """Productivity: hours saved per week x hourly rate x working weeks (DESIGN section 4)."""
    text = f"{what}: {hours} hours/week saved × €{rate}/hour × {WORKING_WEEKS} weeks"
    return BenefitLine(
        B.PRODUCTIVITY, _eur(hours * rate * WORKING_WEEKS), LineKind.RECURRING, first, last, 0, text
    )


def loss_avoided(what: str, pct: int, loss: int, first: int, last: int) -> BenefitLine:
    """Risk reduction: annual probability x loss avoided (DESIGN section 4)."""
    text = f"{what}: {pct} % annual probability × €{loss:,} loss avoided"
    return BenefitLine(
        B.RISK_REDUCTION, _eur(Decimal(pct * loss) / 100), LineKind.RECURRING, first, last, 0, text
    )


def raci(
    accountable: int,
    responsible: Sequence[int],
    consulted: Sequence[int] = (),
    informed: Sequence[int] = (),
) -> list[RaciEntry]:
    """Exactly one Accountable, at least one Responsible, some Consulted and Informed;
    in person-id order (the order storage gives back)."""
    entries = [RaciEntry(accountable, R.ACCOUNTABLE)]
    entries += [RaciEntry(p, R.RESPONSIBLE) for p in responsible]
    entries += [RaciEntry(p, R.CONSULTED) for p in consulted]
    entries += [RaciEntry(p, R.INFORMED) for p in informed]
    return sorted(entries, key=lambda e: e.person_id)


def risk(
    description: str,
    category: RiskCategory,
    likelihood: int,
    impact: int,
    mitigation: str,
    owner: int,
    status: RiskStatus = RiskStatus.OPEN,
) -> Risk:
    return Risk(description, category, likelihood, impact, mitigation, _NAMES[owner], status)


def links(*pairs: tuple[int, int]) -> list[GoalLink]:
    """(goal id, contribution 1..3) pairs, in goal-id order (the order storage gives back)."""
    return [GoalLink(goal_id, contribution) for goal_id, contribution in sorted(pairs)]


# ---------------------------------------------------------------- phase 1: destination


def number_nested_ids(plan: Plan) -> None:
    """Give options, cost lines, benefit lines, milestones, risks, actuals, review decisions
    and measurements ids
    1..n each, numbered across the whole plan in order of appearance."""
    counters = dict.fromkeys(
        ("option", "cost", "benefit", "milestone", "risk", "measure", "spent", "realised",
         "verdict"),
        0,
    )

    def next_id(kind: str) -> int:
        counters[kind] += 1
        return counters[kind]

    for initiative in plan.initiatives:
        for option in initiative.options:
            option.id = next_id("option")
            for cost in option.costs:
                cost.id = next_id("cost")
            for benefit in option.benefits:
                benefit.id = next_id("benefit")
        for milestone in initiative.milestones:
            milestone.id = next_id("milestone")
        for item in initiative.risks:
            item.id = next_id("risk")
        for spent in initiative.actual_costs:
            spent.id = next_id("spent")
        for realised in initiative.actual_benefits:
            realised.id = next_id("realised")
    for review in plan.reviews:
        for decision in review.verdicts:
            decision.id = next_id("verdict")
    for kpi in plan.kpis:
        for measurement in kpi.measurements:
            measurement.id = next_id("measure")
