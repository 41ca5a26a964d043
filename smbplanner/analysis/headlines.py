"""Plan-wide figures for a board: totals in a scenario, quadrant counts, budget fit, the funded
initiatives and the risks (heat map, register, the top few).

- Totals leave out cancelled initiatives (as ``plan_figures`` does): TCO and benefits are sums
  of integer cents, NPV the sum of each initiative's NPV in plan order; an initiative without
  an option adds nothing.
- *Funded* initiatives are those approved, in progress or done.
- The risk register: every risk of an initiative that is not cancelled, open ones first, then
  in the order of ``risks.top_risks`` (score, impact, likelihood, highest first; plan order).
  The heat map, bands and top risks are ``analysis.risks``'s.
- Budget fit: the years of ``planned_spend`` that have a budget, those of them whose planned
  spend is over it, and the listed years added up.
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.budget import YearSpend, planned_spend
from smbplanner.analysis.figures import Figures, initiative_figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.domain.enums import InitiativeStatus, Quadrant, RiskStatus, Scenario
from smbplanner.domain.model import Initiative, Plan, Risk

FUNDED = (InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS, InitiativeStatus.DONE)


def active_initiatives(plan: Plan) -> list[Initiative]:
    return [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]


class FigureBook:
    """Each initiative's figures per scenario, computed once: for a view (the board pack)
    that shows the same plan's figures in several places. The plan must not change while
    the book is in use."""

    def __init__(self, plan: Plan) -> None:
        self.business = plan.business
        self._known: dict[tuple[int, Scenario], Figures | None] = {}

    def figures(self, initiative: Initiative, scenario: Scenario = Scenario.LIKELY
                ) -> Figures | None:
        key = (id(initiative), scenario)
        if key not in self._known:
            self._known[key] = initiative_figures(initiative, self.business, scenario)
        return self._known[key]


@dataclass(frozen=True)
class PlanTotals:
    scenario: Scenario
    initiatives: int  # not cancelled
    tco_cents: int
    benefits_cents: int
    npv_cents: float


def plan_totals(
    plan: Plan, scenario: Scenario = Scenario.LIKELY, book: FigureBook | None = None
) -> PlanTotals:
    tco = benefits = 0
    npv = 0.0
    active = active_initiatives(plan)
    book = book or FigureBook(plan)
    for initiative in active:
        figures = book.figures(initiative, scenario)
        if figures is not None:
            tco += figures.tco_cents
            benefits += figures.benefits_cents
            npv += figures.npv_cents
    return PlanTotals(scenario, len(active), tco, benefits, npv)


def quadrant_counts(plan: Plan) -> dict[Quadrant, int]:
    """How many active initiatives fall in each category (every category present)."""
    counts = dict.fromkeys(Quadrant, 0)
    for initiative in active_initiatives(plan):
        counts[initiative_quadrant(initiative)] += 1
    return counts


def funded_initiatives(plan: Plan) -> list[Initiative]:
    """Approved, in-progress and done initiatives, in plan order."""
    return [i for i in plan.initiatives if i.status in FUNDED]


@dataclass(frozen=True)
class BudgetFit:
    years: list[YearSpend]  # every listed year
    budgeted: list[YearSpend]  # the years with a budget
    over: list[YearSpend]  # budgeted years whose planned spend is over the budget

    @property
    def total(self) -> YearSpend:
        """Every listed year added up (``year`` is 0)."""
        return YearSpend(
            0,
            sum(y.budget_run_cents for y in self.years),
            sum(y.budget_change_cents for y in self.years),
            sum(y.planned_run_cents for y in self.years),
            sum(y.planned_change_cents for y in self.years),
        )


def budget_fit(plan: Plan, scenario: Scenario = Scenario.LIKELY) -> BudgetFit:
    years = planned_spend(plan, scenario)
    budgeted_years = {b.year for b in plan.budget_years}
    budgeted = [y for y in years if y.year in budgeted_years]
    return BudgetFit(years, budgeted, [y for y in budgeted if y.over_cents > 0])


@dataclass(frozen=True)
class RankedRisk:
    initiative: Initiative
    risk: Risk


def risk_register(plan: Plan) -> list[RankedRisk]:
    """Every risk of an active initiative, open first, highest score first (see above)."""
    entries = [
        (n, RankedRisk(i, r))
        for n, (i, r) in enumerate((i, r) for i in active_initiatives(plan) for r in i.risks)
    ]
    entries.sort(
        key=lambda e: (
            e[1].risk.status != RiskStatus.OPEN,
            -e[1].risk.score,
            -e[1].risk.impact,
            -e[1].risk.likelihood,
            e[0],
        )
    )
    return [entry for _, entry in entries]
