"""Planned spend per calendar year against the budget (phase 5, "budget vs planned spend").

Rules:

- The years listed are the plan's horizon (``business.start_year..business.end_year``)
  together with every year that has a budget entry, ascending. Spend that falls in a year
  not listed is left out. Several budget entries for one year add up.
- Each initiative's chosen option contributes its scenario-scaled costs: lifecycle year t
  lands in calendar year ``initiative.start_year + t``, as planned Run or planned Change
  spend according to ``initiative.portfolio``. Benefits do not reduce planned spend.
  Cancelled initiatives, initiatives on hold and initiatives without an option contribute
  nothing: putting an initiative on hold takes it out of the budget (that is what "Fit to
  budget" does with the initiatives it does not fund).
- Each system's ``annual_run_cost_cents`` is planned Run spend in every listed year in which
  it is in service: from ``year_installed`` onwards (every year when it is not set) and,
  only when its action is RETIRE or REPLACE and ``end_of_life_year`` is set, up to and
  including ``end_of_life_year``. A system kept past its end of life keeps costing money.
  System run costs are not scaled by scenario.
- ``include_on_hold=True`` counts initiatives on hold as if they went ahead (the Budget
  page's "Count initiatives on hold", to see what resuming them would cost).

Per year (``budget_rows``): a year *has a budget* when it has a budget entry; only then is
it over budget: Run is over by ``planned_run − budget_run`` when positive, Change likewise,
and the year as a whole by ``planned − budget`` when positive. The Run share of a year is
planned Run spend / planned spend × 100 (None when nothing is planned), compared with the
owner's target ``Business.target_run_share_bp`` (None: no target): the gap is share − target
in percentage points.
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.figures import initiative_costs
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Scenario, SystemAction
from smbplanner.domain.model import BudgetYear, Plan, System


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


def planned_spend(
    plan: Plan, scenario: Scenario = Scenario.LIKELY, *, include_on_hold: bool = False
) -> list[YearSpend]:
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
        if initiative.status == InitiativeStatus.CANCELLED or (
            not include_on_hold and initiative.status == InitiativeStatus.ON_HOLD
        ):
            continue
        costs = initiative_costs(initiative, business, scenario)
        if costs is None:
            continue
        target = run if initiative.portfolio == Portfolio.RUN else change
        for t, cents in enumerate(costs):
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


@dataclass(frozen=True)
class BudgetRow:
    """One year of the Budget page: the spend, whether it has a budget, what is over, and
    the Run share against the owner's target (see module doc)."""

    spend: YearSpend
    has_budget: bool
    target_run_share_pct: float | None

    @property
    def year(self) -> int:
        return self.spend.year

    @property
    def run_over_cents(self) -> int:
        s = self.spend
        return max(0, s.planned_run_cents - s.budget_run_cents) if self.has_budget else 0

    @property
    def change_over_cents(self) -> int:
        s = self.spend
        return max(0, s.planned_change_cents - s.budget_change_cents) if self.has_budget else 0

    @property
    def over_cents(self) -> int:
        return max(0, self.spend.over_cents) if self.has_budget else 0

    @property
    def envelope_over_cents(self) -> int:
        """Run over plus Change over (what has to be found, even if the other envelope has
        money left)."""
        return self.run_over_cents + self.change_over_cents

    @property
    def is_over(self) -> bool:
        return bool(self.run_over_cents or self.change_over_cents)

    @property
    def run_share_pct(self) -> float | None:
        total = self.spend.planned_cents
        return None if total == 0 else self.spend.planned_run_cents / total * 100.0

    @property
    def share_gap_pct(self) -> float | None:
        share, target = self.run_share_pct, self.target_run_share_pct
        return None if share is None or target is None else share - target


def budget_rows(
    plan: Plan, scenario: Scenario = Scenario.LIKELY, *, include_on_hold: bool = False
) -> list[BudgetRow]:
    """``planned_spend`` with each year's over-budget amounts and Run share (module doc)."""
    budgeted = {b.year for b in plan.budget_years}
    bp = plan.business.target_run_share_bp
    target = None if bp is None else bp / 100
    return [
        BudgetRow(y, y.year in budgeted, target)
        for y in planned_spend(plan, scenario, include_on_hold=include_on_hold)
    ]


def next_budget_year(plan: Plan) -> BudgetYear:
    """The budget year to add next: the plan's first year without a budget (else the year
    after the last one), with the amounts of the closest earlier budget year (else 0)."""
    years = {b.year for b in plan.budget_years}
    horizon = range(plan.business.start_year, plan.business.end_year + 1)
    year = next((y for y in horizon if y not in years), max(years | {horizon[-1]}) + 1)
    earlier = [b for b in plan.budget_years if b.year < year]
    if not earlier:
        return BudgetYear(year)
    last = max(earlier, key=lambda b: b.year)
    return BudgetYear(year, last.run_cents, last.change_cents)
