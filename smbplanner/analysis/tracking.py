"""What really happened against the plan: spend and benefits to date, variance, forecast
cost at completion and the NPV re-forecast, per initiative and for the portfolio; per year,
budget against actual spend per envelope. The one definition every view reads (the Tracking
tab, the delivery view, the pack, ``dump``).

Rules (DEVELOPING.md, "Tracking"):

- **To date** means up to and including the *tracking year*: the last calendar year for
  which any actual spend or realised benefit is recorded anywhere in the plan (one year for
  the whole plan, so every initiative is measured to the same date). A plan without any
  actual money has no tracking year: nothing is "to date" and everything is still to come.
- **Plan** is the likely scenario of the chosen option (as the budget statement), each
  lifecycle year t in calendar year ``start_year + t`` (the planned start).
- ``spent`` / ``benefits`` to date: the initiative's actual costs / realised benefits in
  years up to the tracking year. ``planned`` / ``planned_benefits`` to date: its plan in
  those years. ``variance = spent − planned`` (positive: more spent than planned by now);
  ``benefit_variance = benefits − planned_benefits`` (positive: ahead of plan).
- ``remaining``: the plan's costs in calendar years after the tracking year.
  ``forecast`` (cost at completion) = the owner's own estimate when set, else
  ``spent + remaining``. ``overrun = forecast − planned TCO`` (positive: costs more).
- ``npv``: the re-forecast NPV. Calendar years from the planned start: up to the tracking
  year the actual flows (realised benefits − actual costs; actuals before the planned start
  count in year 0), after it the planned flows; when the owner's estimate differs from
  ``spent + remaining`` the difference is a cost in the first year after the tracking year
  (not before year 0). Discounted as every NPV (year 0 undiscounted, DESIGN §4).
- Portfolio: the sum over the initiatives that count (``budget.counted``) and over any
  other initiative with actual money recorded (money spent on work since cancelled or put on
  hold was still spent).
- Per year (up to the tracking year): actual Run spend = the systems' run costs (no actuals
  are recorded for systems, so their plan stands) + the actual costs of Run initiatives;
  actual Change spend = the actual costs of Change initiatives; against each envelope's
  budget (positive over = actual − budget).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from smbplanner.analysis import cashflow, finance
from smbplanner.analysis.board import priority_order
from smbplanner.analysis.budget import counted, planned_spend, system_in_service
from smbplanner.analysis.schedule import planned_end, today_quarter
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Rag
from smbplanner.domain.model import Business, Initiative, Plan
from smbplanner.domain.money import bp_to_fraction


def tracking_year(plan: Plan) -> int | None:
    """The last calendar year with any actual spend or realised benefit; None when none."""
    years = [a.year for i in plan.initiatives for a in i.actual_costs]
    years += [b.year for i in plan.initiatives for b in i.actual_benefits]
    return max(years) if years else None


def has_actuals(plan: Plan) -> bool:
    """Whether anything that really happened is recorded for any initiative."""
    return any(i.has_actuals for i in plan.initiatives)


def planned_by_year(initiative: Initiative) -> tuple[dict[int, int], dict[int, int]]:
    """The plan (likely) in calendar years: (costs, benefits) in cents by year."""
    option = initiative.chosen_option
    if option is None:
        return {}, {}
    start = initiative.start_year
    costs = {start + t: c for t, c in enumerate(cashflow.costs_by_year(option))}
    benefits = {start + t: b for t, b in enumerate(cashflow.benefits_by_year(option))}
    return costs, benefits


def actual_by_year(initiative: Initiative) -> tuple[dict[int, int], dict[int, int]]:
    """What really happened in calendar years: (costs, benefits) in cents by year."""
    costs: dict[int, int] = defaultdict(int)
    benefits: dict[int, int] = defaultdict(int)
    for a in initiative.actual_costs:
        costs[a.year] += a.amount_cents
    for b in initiative.actual_benefits:
        benefits[b.year] += b.amount_cents
    return dict(costs), dict(benefits)


@dataclass(frozen=True)
class Tracking:
    """One initiative (or the portfolio) against its plan. Money in cents."""

    through_year: int | None
    spent_cents: int
    planned_cents: int
    benefits_cents: int
    planned_benefits_cents: int
    remaining_cents: int
    forecast_cents: int
    owner_forecast: bool
    planned_tco_cents: int
    npv_cents: float
    planned_npv_cents: float
    rag: Rag | None = None

    @property
    def variance_cents(self) -> int:
        """Spent − planned to date: positive when more was spent than planned by now."""
        return self.spent_cents - self.planned_cents

    @property
    def benefit_variance_cents(self) -> int:
        """Realised − planned benefits to date: positive when ahead of plan."""
        return self.benefits_cents - self.planned_benefits_cents

    @property
    def overrun_cents(self) -> int:
        """Forecast cost at completion − planned TCO: positive when it will cost more."""
        return self.forecast_cents - self.planned_tco_cents


def _to_date(by_year: dict[int, int], through: int | None) -> int:
    if through is None:
        return 0
    return sum(c for y, c in by_year.items() if y <= through)


def _after(by_year: dict[int, int], through: int | None) -> int:
    return sum(c for y, c in by_year.items() if through is None or y > through)


def reforecast_flows(initiative: Initiative, through: int | None) -> list[int]:
    """Cash flows from the planned start year: actual up to ``through``, planned after it,
    and the owner's estimate's difference as a cost in the first year after ``through``."""
    option = initiative.chosen_option
    start = initiative.start_year
    life = option.life_years if option is not None else 1
    plan_costs, plan_benefits = planned_by_year(initiative)
    act_costs, act_benefits = actual_by_year(initiative)
    years = [start + life - 1, *act_costs, *act_benefits]
    extra = _estimate_extra(initiative, through, plan_costs, act_costs)
    extra_year = start if through is None else max(through + 1, start)
    if extra:
        years.append(extra_year)
    last = max(years)
    flows = [0] * (last - start + 1)
    for year in range(start, last + 1):
        t = year - start
        if through is not None and year <= through:
            flows[t] = act_benefits.get(year, 0) - act_costs.get(year, 0)
        else:
            flows[t] = plan_benefits.get(year, 0) - plan_costs.get(year, 0)
    if through is not None:
        for year in {*act_costs, *act_benefits}:
            if year < start:
                flows[0] += act_benefits.get(year, 0) - act_costs.get(year, 0)
    if extra:
        flows[extra_year - start] -= extra
    return flows


def _estimate_extra(
    initiative: Initiative, through: int | None, plan_costs: dict[int, int],
    act_costs: dict[int, int],
) -> int:
    if initiative.forecast_cost_cents is None:
        return 0
    expected = _to_date(act_costs, through) + _after(plan_costs, through)
    return initiative.forecast_cost_cents - expected


def initiative_tracking(
    initiative: Initiative, business: Business, through: int | None
) -> Tracking:
    """One initiative against its plan, to the end of ``through`` (see the module's rules)."""
    plan_costs, plan_benefits = planned_by_year(initiative)
    act_costs, act_benefits = actual_by_year(initiative)
    spent = _to_date(act_costs, through)
    remaining = _after(plan_costs, through)
    owner = initiative.forecast_cost_cents is not None
    forecast = initiative.forecast_cost_cents if owner else spent + remaining
    rate = bp_to_fraction(business.discount_rate_bp)
    planned_flows = [
        plan_benefits.get(y, 0) - plan_costs.get(y, 0) for y in sorted(plan_costs)
    ]
    return Tracking(
        through_year=through,
        spent_cents=spent,
        planned_cents=_to_date(plan_costs, through),
        benefits_cents=_to_date(act_benefits, through),
        planned_benefits_cents=_to_date(plan_benefits, through),
        remaining_cents=remaining,
        forecast_cents=int(forecast or 0),
        owner_forecast=owner,
        planned_tco_cents=sum(plan_costs.values()),
        npv_cents=finance.npv(rate, reforecast_flows(initiative, through)),
        planned_npv_cents=finance.npv(rate, planned_flows),
        rag=initiative.rag,
    )


def in_portfolio(initiative: Initiative) -> bool:
    """Whether the initiative's tracking counts in the portfolio's (see the module's rules)."""
    return counted(initiative) or bool(initiative.actual_costs or initiative.actual_benefits)


def plan_tracking(plan: Plan) -> dict[int, Tracking]:
    """Every initiative's tracking by position in ``plan.initiatives``, to the plan's
    tracking year."""
    through = tracking_year(plan)
    return {
        n: initiative_tracking(i, plan.business, through)
        for n, i in enumerate(plan.initiatives)
    }


def portfolio_tracking(plan: Plan) -> Tracking:
    """The sum of the initiatives that count in the portfolio."""
    through = tracking_year(plan)
    parts = [
        initiative_tracking(i, plan.business, through)
        for i in plan.initiatives
        if in_portfolio(i)
    ]
    return Tracking(
        through_year=through,
        spent_cents=sum(p.spent_cents for p in parts),
        planned_cents=sum(p.planned_cents for p in parts),
        benefits_cents=sum(p.benefits_cents for p in parts),
        planned_benefits_cents=sum(p.planned_benefits_cents for p in parts),
        remaining_cents=sum(p.remaining_cents for p in parts),
        forecast_cents=sum(p.forecast_cents for p in parts),
        owner_forecast=any(p.owner_forecast for p in parts),
        planned_tco_cents=sum(p.planned_tco_cents for p in parts),
        npv_cents=sum(p.npv_cents for p in parts),
        planned_npv_cents=sum(p.planned_npv_cents for p in parts),
        rag=None,
    )


def delivery_rows(plan: Plan) -> list[tuple[Initiative, Tracking]]:
    """What the delivery views list (the pack's table, the app's Delivery tab): every
    initiative of the portfolio with anything recorded, or anything planned to date, in
    priority order, with its tracking."""
    through = tracking_year(plan)
    rows = []
    for initiative in priority_order(plan.initiatives):
        if not in_portfolio(initiative):
            continue
        t = initiative_tracking(initiative, plan.business, through)
        if initiative.has_actuals or t.planned_cents or t.planned_benefits_cents:
            rows.append((initiative, t))
    return rows


# --- schedule ----------------------------------------------------------------------------
def start_slip_quarters(initiative: Initiative) -> int | None:
    """Quarters between the planned and the actual start (positive: late); None: not
    started."""
    if initiative.actual_start is None:
        return None
    return today_quarter(initiative.actual_start) - initiative.start_index


def finish_slip_quarters(initiative: Initiative) -> int | None:
    """Quarters between the planned and the actual finish (positive: late); None: not
    finished."""
    if initiative.actual_finish is None:
        return None
    return today_quarter(initiative.actual_finish) - (initiative.end_index - 1)


def overdue(initiative: Initiative, as_of: date) -> bool:
    """Past due: the planned end is before ``as_of`` and it has not finished (no actual
    finish, not done, not cancelled)."""
    if initiative.actual_finish is not None:
        return False
    if initiative.status in (InitiativeStatus.DONE, InitiativeStatus.CANCELLED):
        return False
    return planned_end(initiative) < as_of


def late(initiative: Initiative, as_of: date) -> bool:
    """Late: past due, or started or finished in a later quarter than planned."""
    slips = (start_slip_quarters(initiative), finish_slip_quarters(initiative))
    return overdue(initiative, as_of) or any(s is not None and s > 0 for s in slips)


# --- per year ----------------------------------------------------------------------------
@dataclass(frozen=True)
class YearActual:
    """One calendar year up to the tracking year: budget, plan and actual spend per
    envelope, in cents."""

    year: int
    has_budget: bool
    budget_run_cents: int
    budget_change_cents: int
    planned_run_cents: int
    planned_change_cents: int
    actual_run_cents: int
    actual_change_cents: int

    @property
    def actual_cents(self) -> int:
        return self.actual_run_cents + self.actual_change_cents

    @property
    def over_run_cents(self) -> int | None:
        """Actual Run − Run budget (positive: over); None without a budget."""
        return self.actual_run_cents - self.budget_run_cents if self.has_budget else None

    @property
    def over_change_cents(self) -> int | None:
        return self.actual_change_cents - self.budget_change_cents if self.has_budget else None


def actual_years(plan: Plan) -> list[YearActual]:
    """Budget against actual spend per envelope for each year of the budget statement up to
    the tracking year (empty when nothing is tracked)."""
    through = tracking_year(plan)
    if through is None:
        return []
    budgeted = {b.year for b in plan.budget_years}
    spent_run: dict[int, int] = defaultdict(int)
    spent_change: dict[int, int] = defaultdict(int)
    for initiative in plan.initiatives:
        target = spent_run if initiative.portfolio == Portfolio.RUN else spent_change
        for a in initiative.actual_costs:
            target[a.year] += a.amount_cents
    rows = []
    for year in planned_spend(plan):
        if year.year > through:
            continue
        systems = sum(
            s.annual_run_cost_cents for s in plan.systems if system_in_service(s, year.year)
        )
        rows.append(YearActual(
            year=year.year,
            has_budget=year.year in budgeted,
            budget_run_cents=year.budget_run_cents,
            budget_change_cents=year.budget_change_cents,
            planned_run_cents=year.planned_run_cents,
            planned_change_cents=year.planned_change_cents,
            actual_run_cents=systems + spent_run.get(year.year, 0),
            actual_change_cents=spent_change.get(year.year, 0),
        ))
    return rows


# --- cumulative series (the delivery chart) ------------------------------------------------
@dataclass(frozen=True)
class Cumulative:
    """Cumulative portfolio spend and benefits by calendar year, planned and actual (actual
    only up to the tracking year)."""

    years: list[int]
    planned_costs: list[int]
    planned_benefits: list[int]
    actual_costs: list[int]  # as long as the years up to the tracking year
    actual_benefits: list[int]


def cumulative(plan: Plan) -> Cumulative:
    """The portfolio's cumulative plan and actuals over the plan's horizon (and any year
    with actuals)."""
    business = plan.business
    through = tracking_year(plan)
    members = [i for i in plan.initiatives if in_portfolio(i)]
    years_set = set(range(business.start_year, business.end_year + 1))
    actual_cost: dict[int, int] = defaultdict(int)
    actual_benefit: dict[int, int] = defaultdict(int)
    planned_cost: dict[int, int] = defaultdict(int)
    planned_benefit: dict[int, int] = defaultdict(int)
    for initiative in members:
        costs, benefits = planned_by_year(initiative)
        for y, c in costs.items():
            planned_cost[y] += c
        for y, b in benefits.items():
            planned_benefit[y] += b
        act_c, act_b = actual_by_year(initiative)
        for y, c in act_c.items():
            actual_cost[y] += c
            years_set.add(y)
        for y, b in act_b.items():
            actual_benefit[y] += b
            years_set.add(y)
    years = sorted(years_set)
    first = years[0]
    # what was planned before the first listed year counts in it (cumulative from the start)
    before_c = sum(c for y, c in planned_cost.items() if y < first)
    before_b = sum(b for y, b in planned_benefit.items() if y < first)

    def running(by_year: dict[int, int], upto: list[int], start: int = 0) -> list[int]:
        out, total = [], start
        for y in upto:
            total += by_year.get(y, 0)
            out.append(total)
        return out

    past = [y for y in years if through is not None and y <= through]
    return Cumulative(
        years=years,
        planned_costs=running(planned_cost, years, before_c),
        planned_benefits=running(planned_benefit, years, before_b),
        actual_costs=running(actual_cost, past),
        actual_benefits=running(actual_benefit, past),
    )
