"""Planned spend per calendar year against the budget (phase 5, "budget vs planned spend").

Rules:

- The years listed are the plan's horizon (``business.start_year..business.end_year``)
  together with every year that has a budget entry, ascending. Spend that falls in a year
  not listed is left out. Several budget entries for one year add up.
- Each initiative's chosen option contributes its scenario-scaled costs: lifecycle year t
  lands in calendar year ``initiative.start_year + t``, as planned Run or planned Change
  spend according to ``initiative.portfolio``. Benefits do not reduce planned spend.
  Cancelled initiatives and initiatives without an option contribute nothing.
- Each system's ``annual_run_cost_cents`` is planned Run spend in every listed year in which
  it is in service: from ``year_installed`` onwards (every year when it is not set) and,
  only when its action is RETIRE or REPLACE and ``end_of_life_year`` is set, up to and
  including ``end_of_life_year``. A system kept past its end of life keeps costing money.
  System run costs are not scaled by scenario.
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.figures import initiative_figures
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Scenario, SystemAction
from smbplanner.domain.model import Plan, System


@dataclass(frozen=True)
class YearSpend:
    """One calendar year's budget and planned spend, in cents."""

    year: int
    budget_run_cents: int
    budget_change_cents: int
    planned_run_cents: int
    planned_change_cents: int

    @property
    def budget_cents(self) -> int:
        return self.budget_run_cents + self.budget_change_cents

    @property
    def planned_cents(self) -> int:
        return self.planned_run_cents + self.planned_change_cents

    @property
    def over_cents(self) -> int:
        """Planned minus budget: positive when over budget, negative when under."""
        return self.planned_cents - self.budget_cents


def system_in_service(system: System, year: int) -> bool:
    """Whether the system runs (and costs its annual run cost) in ``year``."""
    if system.year_installed is not None and year < system.year_installed:
        return False
    return not (
        system.action in (SystemAction.RETIRE, SystemAction.REPLACE)
        and system.end_of_life_year is not None
        and year > system.end_of_life_year
    )


def planned_spend(plan: Plan, scenario: Scenario = Scenario.LIKELY) -> list[YearSpend]:
    """Budget and planned Run/Change spend for each listed calendar year (see module doc)."""
    business = plan.business
    years = set(range(business.start_year, business.end_year + 1))
    years.update(b.year for b in plan.budget_years)
    budget_run = dict.fromkeys(years, 0)
    budget_change = dict.fromkeys(years, 0)
    for entry in plan.budget_years:
        budget_run[entry.year] += entry.run_cents
        budget_change[entry.year] += entry.change_cents
    run = dict.fromkeys(years, 0)
    change = dict.fromkeys(years, 0)
    for initiative in plan.initiatives:
        if initiative.status == InitiativeStatus.CANCELLED:
            continue
        figures = initiative_figures(initiative, business, scenario)
        if figures is None:
            continue
        target = run if initiative.portfolio == Portfolio.RUN else change
        for t, cents in enumerate(figures.costs):
            year = initiative.start_year + t
            if year in target:
                target[year] += cents
    for system in plan.systems:
        for year in years:
            if system_in_service(system, year):
                run[year] += system.annual_run_cost_cents
    return [
        YearSpend(year, budget_run[year], budget_change[year], run[year], change[year])
        for year in sorted(years)
    ]
