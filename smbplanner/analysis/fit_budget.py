"""Fit to budget: which Change initiatives to fund, and in which year, so that no year's
Change budget is exceeded and every dependency holds, for the most value.

Who is fitted (the *candidates*): Change initiatives that are proposed, approved or on hold.
Everything else that is not cancelled is *fixed* where it is: initiatives in progress or done
(already under way), every Run initiative (keeping the business running is not optional; its
spend is compared with the Run budget on the Budget page, not fitted), and any candidate that
a fixed initiative depends on, directly or through others. Fixed Change initiatives use up
their years' Change budget first. Cancelled initiatives are ignored.

The budget: a year's Change envelope is the sum of its budget entries' ``change_cents``.
Once any year has a budget, a year of the horizon without one is *closed*: no candidate may
add spend to it (the proposal says so in its notes and in each explanation), so the fit never
defers spend into a year nobody has budgeted. Years after the horizon are not limited; with
no budget at all, nothing is. An initiative's spend in calendar year
``start_year + t`` is its chosen option's likely-scenario costs of lifecycle year t (the
rule of ``analysis/budget.planned_spend``). When fixed spend alone exceeds a year's envelope,
no candidate may add spend to that year.

Where a candidate may start: its current start year or any year of the plan's horizon. In a
year Y it starts in its current quarter, or later in Y when a prerequisite ends later
(``start = max(Y*4 + quarter - 1, latest prerequisite end_index)``); a start pushed out of Y
is not a start in Y. A funded candidate needs every prerequisite in the plan funded (or fixed)
and ending no later than it starts; a cancelled prerequisite means it cannot be funded.

Value of a candidate (``FitValue``):
- ``NPV``: its NPV under the likely scenario (``analysis/figures``), rounded to whole cents;
  0 with no option.
- ``ALIGNED_IMPACT``: impact × alignment, where alignment = Σ over its links to existing
  goals of link contribution (1 some .. 3 strong) × goal weight (1 .. 5); 0 when the impact is
  unscored or it serves no goal. E.g. impact 4.5, a strong link (3) to a goal of weight 4 and a
  "some" link (1) to a goal of weight 2: 4.5 × (12 + 2) = 63 points.
Values do not depend on the start year (moving shifts spend, not lifecycle figures).

The best proposal maximises, in this order: total value of the funded candidates; the
number funded; the number kept at their current start; minus the total number of quarters
moved. Up to ``EXACT_LIMIT`` candidates it is found by branch and bound, so it is optimal:
the bound counts every remaining candidate that fits some year on its own as funded and
kept, with its value if positive; that bounds each component, hence the lexicographic order.
(A safety limit on the nodes visited, never reached in tests, would return the best found
with ``exact`` False.) Beyond, a heuristic:
candidates are taken in order of priority (own value plus the positive values of everything
that depends on it), a prerequisite always before its dependents; each is funded at the first
start that fits (current year, then later years, then earlier ones) if its priority is not
negative, else left unfunded.

Applying (``FitProposal.edits``): a moved candidate gets its new start year and quarter; a
candidate not funded is put ON HOLD (its dates kept), so the owner sees it and can fund it
later; a candidate on hold that is funded goes back to PROPOSED. Note that planned spend
(``analysis/budget``) still counts initiatives on hold unless asked not to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from smbplanner.analysis import cashflow, finance
from smbplanner.analysis.figures import initiative_costs
from smbplanner.analysis.timeline import quarter_label
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Scenario
from smbplanner.domain.model import Initiative, Plan
from smbplanner.domain.money import BP, bp_to_fraction, format_money

EXACT_LIMIT = 12
CANDIDATE_STATUSES = (InitiativeStatus.PROPOSED, InitiativeStatus.APPROVED,
                      InitiativeStatus.ON_HOLD)


class FitValue(StrEnum):
    NPV = "npv"
    ALIGNED_IMPACT = "aligned_impact"


class Verdict(StrEnum):
    KEPT = "kept"
    DEFERRED = "deferred"
    BROUGHT_FORWARD = "brought_forward"
    NOT_FUNDED = "not_funded"
    FIXED = "fixed"


@dataclass(frozen=True)
class Choice:
    """What the proposal does with one initiative, and why (one sentence)."""

    initiative_id: int
    name: str
    verdict: Verdict
    value: float  # cents (NPV) or points (aligned impact)
    old_start: int  # quarter index
    new_start: int | None  # None when not funded
    explanation: str


@dataclass(frozen=True)
class YearFit:
    """A budgeted year's Change envelope and Change spend before and after the proposal."""

    year: int
    envelope_cents: int
    before_cents: int
    after_cents: int


@dataclass(frozen=True)
class FitProposal:
    value_kind: FitValue
    exact: bool
    total_value: float  # of the funded candidates
    choices: list[Choice]  # candidates in plan order, then fixed initiatives
    years: list[YearFit]
    notes: list[str] = field(default_factory=list)
    _status: dict[int, InitiativeStatus] = field(default_factory=dict, repr=False)

    def edits(self) -> list[tuple[int, dict[str, object]]]:
        """The initiative updates that apply the proposal (empty when nothing changes)."""
        out: list[tuple[int, dict[str, object]]] = []
        for c in self.choices:
            status = self._status.get(c.initiative_id)
            changes: dict[str, object] = {}
            if c.verdict == Verdict.NOT_FUNDED:
                if status != InitiativeStatus.ON_HOLD:
                    changes["status"] = InitiativeStatus.ON_HOLD
            elif c.verdict != Verdict.FIXED:
                assert c.new_start is not None
                if c.new_start != c.old_start:
                    changes["start_year"] = c.new_start // 4
                    changes["start_quarter"] = c.new_start % 4 + 1
                if status == InitiativeStatus.ON_HOLD:
                    changes["status"] = InitiativeStatus.PROPOSED
            if changes:
                out.append((c.initiative_id, changes))
        return out


def initiative_value(initiative: Initiative, plan: Plan, kind: FitValue) -> float:
    """The value the fit maximises for one initiative (see the module doc)."""
    if kind == FitValue.NPV:
        option = initiative.chosen_option
        if option is None:
            return 0.0
        costs = yearly_costs(initiative, plan)
        benefits = cashflow.scale(cashflow.benefits_by_year(option), BP)
        flows = [b - c for b, c in zip(benefits, costs, strict=True)]
        return float(round(finance.npv(bp_to_fraction(plan.business.discount_rate_bp), flows)))
    if initiative.impact is None:
        return 0.0
    weights = {g.id: g.weight for g in plan.goals if g.id is not None}
    alignment = sum(link.contribution * weights[link.goal_id]
                    for link in initiative.goals if link.goal_id in weights)
    return round(initiative.impact * 2) * alignment / 2


def yearly_costs(initiative: Initiative, plan: Plan) -> list[int]:
    """Likely-scenario costs per lifecycle year of the chosen option ([] without one)."""
    return initiative_costs(initiative, plan.business, Scenario.LIKELY) or []


def change_envelopes(plan: Plan) -> dict[int, int]:
    """Change budget per budgeted year (several entries for one year add up)."""
    out: dict[int, int] = {}
    for entry in plan.budget_years:
        out[entry.year] = out.get(entry.year, 0) + entry.change_cents
    return out


@dataclass
class FitProblem:
    """The fit as numbers: candidates in a topological order, options, spends, values."""

    plan: Plan
    kind: FitValue
    cands: list[Initiative]
    fixed: dict[int, str]  # initiative id -> reason it is fixed
    envelopes: dict[int, int]
    room: dict[int, int]  # envelope minus fixed Change spend, at least 0
    fixed_spend: dict[int, int]
    values: list[float]
    priority: list[float]
    costs: list[list[int]]
    options: list[list[int]]  # start years to try, in order of preference
    prereqs: list[list[int]]  # candidate positions
    fixed_need: list[int | None]  # latest end of fixed prerequisites; None: blocked
    blocker: list[str]  # why a candidate can never be funded ("" if it can)
    closed: list[int] = field(default_factory=list)  # horizon years without a budget


def fit_to_budget(plan: Plan, kind: FitValue = FitValue.NPV) -> FitProposal:
    """The best (or, beyond ``EXACT_LIMIT`` candidates, a good) proposal; see module doc."""
    from smbplanner.analysis.fit_budget_search import explain, search

    problem = build_problem(plan, kind)
    starts, exact = search(problem)
    return explain(problem, starts, exact)


def build_problem(plan: Plan, kind: FitValue) -> FitProblem:
    active = {i.id: i for i in plan.initiatives
              if i.id is not None and i.status != InitiativeStatus.CANCELLED}
    fixed: dict[int, str] = {}
    for i in active.values():
        if i.portfolio == Portfolio.RUN:
            fixed[i.id or 0] = "Run initiatives are compared with the Run budget, not fitted"
        elif i.status not in CANDIDATE_STATUSES:
            fixed[i.id or 0] = f"it is {i.status.value.replace('_', ' ')}"
    stack = [(i, i) for i in active.values() if i.id in fixed]
    while stack:  # prerequisites of fixed initiatives are fixed too
        root, node = stack.pop()
        for pid in node.depends_on:
            pre = active.get(pid)
            if pre is not None and pid not in fixed:
                fixed[pid] = f"'{root.name}', which is not fitted, depends on it"
                stack.append((root, pre))
    free = [i for i in plan.initiatives if i.id in active and i.id not in fixed]
    value = {i.id: initiative_value(i, plan, kind) for i in free}
    prio = priorities(free, value)
    cands = _topological(free, prio)
    envelopes = change_envelopes(plan)
    fixed_spend = dict.fromkeys(envelopes, 0)
    for iid in fixed:
        i = active[iid]
        if i.portfolio == Portfolio.CHANGE:
            for t, cents in enumerate(yearly_costs(i, plan)):
                if i.start_year + t in fixed_spend:
                    fixed_spend[i.start_year + t] += cents
    room = {y: max(0, envelopes[y] - fixed_spend[y]) for y in envelopes}
    position = {c.id: n for n, c in enumerate(cands)}
    horizon = list(range(plan.business.start_year, plan.business.end_year + 1))
    # once some year has a budget, a horizon year without one is closed to new spend: the
    # owner has not said there is money, so the fit never defers spend into it
    closed = [y for y in horizon if y not in envelopes] if envelopes else []
    room.update(dict.fromkeys(closed, 0))
    problem = FitProblem(plan, kind, cands, fixed, envelopes, room, fixed_spend,
                         [], [], [], [], [], [], [], closed)
    all_ids = {i.id for i in plan.initiatives}
    for c in cands:
        problem.values.append(value[c.id])
        problem.priority.append(prio[c.id])
        problem.costs.append(yearly_costs(c, plan))
        later = [y for y in horizon if y > c.start_year]
        earlier = [y for y in reversed(horizon) if y < c.start_year]
        problem.options.append([c.start_year, *later, *earlier])
        problem.prereqs.append([position[p] for p in c.depends_on if p in position])
        need, blocker = 0, ""
        for pid in c.depends_on:
            if pid in fixed:
                need = max(need, active[pid].end_index)
            elif pid in all_ids and pid not in active:
                pre = plan.initiative(pid)
                blocker = f"its prerequisite '{pre.name if pre else pid}' is cancelled"
        problem.fixed_need.append(None if blocker else need)
        problem.blocker.append(blocker)
    return problem


def _topological(items: Sequence[Initiative], prio: dict[int | None, float]
                 ) -> list[Initiative]:
    """Prerequisites first; among those ready, the highest priority, then plan order.
    Members of a dependency cycle come last."""
    ids = {i.id for i in items}
    dependents = _dependents(items)
    order = {i.id: n for n, i in enumerate(items)}
    waiting = {i.id: len(set(i.depends_on) & ids) for i in items}
    out: list[Initiative] = []
    ready = [i for i in items if waiting[i.id] == 0]
    while ready:
        ready.sort(key=lambda i: (-prio[i.id], order[i.id]))
        nxt = ready.pop(0)
        out.append(nxt)
        for d in dependents[nxt.id]:
            waiting[d.id] -= 1
            if waiting[d.id] == 0:
                ready.append(d)
    placed = {i.id for i in out}
    out.extend(i for i in items if i.id not in placed)
    return out


def _dependents(items: Sequence[Initiative]) -> dict[int | None, list[Initiative]]:
    ids = {i.id for i in items}
    dependents: dict[int | None, list[Initiative]] = {i.id: [] for i in items}
    for i in items:
        for p in sorted(set(i.depends_on) & ids):
            dependents[p].append(i)
    return dependents


def priorities(items: Sequence[Initiative], value: dict[int | None, float]
               ) -> dict[int | None, float]:
    """Each item's own value plus the positive values of every item that depends on it,
    directly or through others."""
    dependents = _dependents(items)
    out: dict[int | None, float] = {}
    for item in items:
        seen: set[int | None] = {item.id}
        stack, total = [item], value[item.id]
        while stack:
            for d in dependents[stack.pop().id]:
                if d.id not in seen:
                    seen.add(d.id)
                    total += max(0.0, value[d.id])
                    stack.append(d)
        out[item.id] = total
    return out


def money_text(cents: int, plan: Plan) -> str:
    return format_money(cents, plan.business.currency)


def start_text(index: int) -> str:
    return quarter_label(index)
