"""Plan-wide figures for a board: totals in a scenario, quadrant counts, budget fit, the funded
initiatives and the risks (heat map, register, the top few).

- Totals count what the budget counts (``budget.counted``: neither cancelled nor on hold, as
  ``plan_figures`` and ``summary`` do): TCO and benefits are sums of integer cents, NPV the
  sum of each initiative's NPV in plan order; an initiative without an option adds nothing.
- *Funded* initiatives are those approved, in progress or done.
- The risk register: every risk of an initiative that is not cancelled, open ones first, then
  in the order of ``risks.top_risks`` (score, impact, likelihood, highest first; plan order).
  The heat map, bands and top risks are ``analysis.risks``'s.
- The budget statement is ``budget.budget_statement``'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.budget import counted
from smbplanner.analysis.figure_cache import FigureCache
from smbplanner.analysis.figures import Figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.rounding import whole
from smbplanner.domain.enums import InitiativeStatus, Quadrant, RiskStatus, Scenario
from smbplanner.domain.model import Initiative, Plan, Risk

FUNDED = (InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS, InitiativeStatus.DONE)


def active_initiatives(plan: Plan) -> list[Initiative]:
    return [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]


class FigureBook:
    """Each initiative's figures per scenario, computed once (``FigureCache``): for a view
    (the board pack) that shows the same plan's figures in several places."""

    def __init__(self, plan: Plan, cache: FigureCache | None = None) -> None:
        self.business = plan.business
        self._cache = FigureCache() if cache is None else cache

    @property
    def cache(self) -> FigureCache:
        return self._cache

    def figures(self, initiative: Initiative, scenario: Scenario = Scenario.LIKELY
                ) -> Figures | None:
        return self._cache.initiative(initiative, self.business, scenario)


@dataclass(frozen=True)
class PlanTotals:
    scenario: Scenario
    initiatives: int  # counted: neither cancelled nor on hold (``budget.counted``)
    tco_cents: int
    benefits_cents: int
    npv_cents: float
    #: As printed (``analysis.rounding``): the sums of each counted initiative's whole units.
    tco: int = 0
    benefits: int = 0
    npv: int = 0


def plan_totals(
    plan: Plan, scenario: Scenario = Scenario.LIKELY, book: FigureBook | None = None
) -> PlanTotals:
    tco = benefits = 0
    npv = 0.0
    shown = [0, 0, 0]
    active = [i for i in plan.initiatives if counted(i)]
    book = book or FigureBook(plan)
    for initiative in active:
        figures = book.figures(initiative, scenario)
        if figures is not None:
            tco += figures.tco_cents
            benefits += figures.benefits_cents
            npv += figures.npv_cents
            for n, cents in enumerate((figures.tco_cents, figures.benefits_cents,
                                       figures.npv_cents)):
                shown[n] += whole(cents)
    return PlanTotals(scenario, len(active), tco, benefits, npv, *shown)


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
