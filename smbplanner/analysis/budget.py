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
  it is in service (``system_last_year``): from ``year_installed`` onwards (every year when
  it is not set) up to and including its last year. A system an initiative retires or
  replaces (``replaced_by_id``) runs until that initiative's planned end: its last year is
  the calendar year of the initiative's last quarter, so a slip of the initiative shows as
  another year of run cost; while that initiative is cancelled or on hold nothing replaces
  the system and it runs on (on hold counts as going ahead with ``include_on_hold``).
  Without such an initiative, only a system whose action is RETIRE or REPLACE and whose
  ``end_of_life_year`` is set stops, after ``end_of_life_year``. A system kept past its end
  of life keeps costing money. System run costs are not scaled by scenario.
- ``include_on_hold=True`` counts initiatives on hold as if they went ahead (the Budget
  page's "Count initiatives on hold", to see what resuming them would cost).

Per year (``budget_rows``) and for the plan (``budget_statement``): a year *has a budget*
when it has a budget entry; only then does it have an over/under, per envelope (Run: planned
Run − budget Run, positive when over, negative when under; Change likewise) and in total
(planned − budget = over Run + over Change). A year without a budget is shown as such, never
as over. A year is *over budget* when either envelope is over, even if the other has money
left. The statement is made on the printed figures (``Shown``: whole units, parts rounded,
the rest derived; ``analysis.rounding``), so the words never contradict the table; the dump
gives the exact cents. The Run share of a year is planned Run spend / planned spend × 100
(None when nothing is planned), compared with the owner's target
``Business.target_run_share_bp`` (None: no target): the gap is share − target in percentage
points.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smbplanner.analysis.figures import initiative_costs
from smbplanner.analysis.rounding import whole
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Scenario, SystemAction
from smbplanner.domain.model import BudgetYear, Initiative, Plan, System


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


def replacing(system: System, initiatives: Iterable[Initiative]) -> Initiative | None:
    """The initiative that retires or replaces the system (``replaced_by_id``), if any."""
    if system.replaced_by_id is None:
        return None
    return next((i for i in initiatives if i.id == system.replaced_by_id), None)


def system_last_year(
    system: System, initiatives: Iterable[Initiative] = (), *, include_on_hold: bool = False
) -> int | None:
    """The last calendar year the system runs and costs its run cost (None: it runs on)."""
    by = replacing(system, initiatives)
    if by is not None:
        if not counted(by, include_on_hold=include_on_hold):
            return None  # cancelled or on hold: nothing replaces it yet
        return (by.end_index - 1) // 4  # the year of the initiative's last quarter
    if system.action in (SystemAction.RETIRE, SystemAction.REPLACE):
        return system.end_of_life_year
    return None


def system_in_service(
    system: System, year: int, initiatives: Iterable[Initiative] = (), *,
    include_on_hold: bool = False,
) -> bool:
    """Whether the system runs (and costs its annual run cost) in ``year``."""
    if system.year_installed is not None and year < system.year_installed:
        return False
    last = system_last_year(system, initiatives, include_on_hold=include_on_hold)
    return last is None or year <= last


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
        if not counted(initiative, include_on_hold=include_on_hold):
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
            if system_in_service(system, year, plan.initiatives,
                                 include_on_hold=include_on_hold):
                run[year] += system.annual_run_cost_cents
    return [
        YearSpend(year, budget_run[year], budget_change[year], run[year], change[year])
        for year in sorted(years)
    ]


def counted(initiative: Initiative, *, include_on_hold: bool = False) -> bool:
    """Whether the initiative's money counts in plan-level figures (planned spend, the
    headline TCO, benefits and NPV): every status but cancelled and on hold (on hold too
    when ``include_on_hold``). The one definition every view reads."""
    if initiative.status == InitiativeStatus.CANCELLED:
        return False
    return include_on_hold or initiative.status != InitiativeStatus.ON_HOLD


@dataclass(frozen=True)
class Shown:
    """One year (or a total) of the budget statement as printed: whole currency units, the
    parts rounded and everything else derived from them (``analysis.rounding``). The over
    amounts are None for a year without a budget: such a year is never over."""

    year: int  # 0 for a total
    has_budget: bool
    budget_run: int
    budget_change: int
    planned_run: int
    planned_change: int

    @property
    def budget(self) -> int:
        return self.budget_run + self.budget_change

    @property
    def planned(self) -> int:
        return self.planned_run + self.planned_change

    @property
    def over_run(self) -> int | None:
        """Planned Run − budget Run: positive when over, negative when under."""
        return self.planned_run - self.budget_run if self.has_budget else None

    @property
    def over_change(self) -> int | None:
        return self.planned_change - self.budget_change if self.has_budget else None

    @property
    def over(self) -> int | None:
        """Planned − budget for the year (= over Run + over Change)."""
        return self.planned - self.budget if self.has_budget else None

    @property
    def over_envelopes(self) -> list[tuple[Portfolio, int]]:
        """The envelopes that are over, with by how much (positive), Run first."""
        pairs = ((Portfolio.RUN, self.over_run), (Portfolio.CHANGE, self.over_change))
        return [(p, v) for p, v in pairs if v is not None and v > 0]

    @property
    def is_over(self) -> bool:
        """Over budget: a budgeted year in which either envelope is over (even when the
        other has money left: the overspend still has to be found)."""
        return bool(self.over_envelopes)


def shown_total(rows: list[Shown], *, has_budget: bool) -> Shown:
    """The printed rows added up (a total of printed numbers, never rounded again)."""
    total = Shown(0, has_budget, 0, 0, 0, 0)
    for row in rows:
        total = Shown(0, has_budget, total.budget_run + row.budget_run,
                      total.budget_change + row.budget_change,
                      total.planned_run + row.planned_run,
                      total.planned_change + row.planned_change)
    return total


@dataclass(frozen=True)
class BudgetRow:
    """One year of the budget statement: the spend in cents, whether it has a budget, what
    is printed (``shown``) and the Run share against the owner's target (module doc)."""

    spend: YearSpend
    has_budget: bool
    target_run_share_pct: float | None

    @property
    def year(self) -> int:
        return self.spend.year

    @property
    def shown(self) -> Shown:
        s = self.spend
        return Shown(s.year, self.has_budget, whole(s.budget_run_cents),
                     whole(s.budget_change_cents), whole(s.planned_run_cents),
                     whole(s.planned_change_cents))

    @property
    def over_run_cents(self) -> int | None:
        """Exact planned Run − budget Run in cents (None without a budget)."""
        s = self.spend
        return s.planned_run_cents - s.budget_run_cents if self.has_budget else None

    @property
    def over_change_cents(self) -> int | None:
        s = self.spend
        return s.planned_change_cents - s.budget_change_cents if self.has_budget else None

    @property
    def over_cents(self) -> int | None:
        return self.spend.over_cents if self.has_budget else None

    @property
    def is_over(self) -> bool:
        return self.shown.is_over

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


@dataclass(frozen=True)
class BudgetStatement:
    """The plan-level budget statement in one scenario: what the Budget page, the board
    pack, ``summary``, ``check`` and ``dump`` all say about budget and planned spend."""

    scenario: Scenario
    include_on_hold: bool
    rows: list[BudgetRow]

    @property
    def shown(self) -> list[Shown]:
        return [r.shown for r in self.rows]

    @property
    def budgeted(self) -> list[Shown]:
        return [r for r in self.shown if r.has_budget]

    @property
    def unbudgeted(self) -> list[Shown]:
        return [r for r in self.shown if not r.has_budget]

    @property
    def over(self) -> list[Shown]:
        return [r for r in self.shown if r.is_over]

    @property
    def total(self) -> Shown:
        """Every listed year's printed figures added up; over/under is only defined for the
        budgeted years (``budgeted_total``), so it is None here unless every year has one."""
        return shown_total(self.shown, has_budget=not self.unbudgeted)

    @property
    def budgeted_total(self) -> Shown:
        """The budgeted years' printed figures added up, with their over/under."""
        return shown_total(self.budgeted, has_budget=True)


def budget_statement(
    plan: Plan, scenario: Scenario = Scenario.LIKELY, *, include_on_hold: bool = False
) -> BudgetStatement:
    return BudgetStatement(
        scenario, include_on_hold, budget_rows(plan, scenario, include_on_hold=include_on_hold)
    )


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
