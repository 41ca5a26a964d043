"""What changed between two versions of a plan (a snapshot, then now), for the quarterly and
annual reviews.

- Initiatives are matched by id (a snapshot keeps ids). One only in the newer plan was
  *added*, one only in the older was *removed*; for one in both, each difference in start,
  duration, status, portfolio, impact, feasibility and TCO (chosen option, likely scenario)
  is one sentence, e.g. "moved from Q1 2027 to Q3 2027".
- Per calendar year (every year either plan lists in ``analysis/budget.planned_spend``):
  budget and planned spend before and after, likely scenario.
- Totals: the TCO of all non-cancelled initiatives (as ``analysis/portfolio``) before and
  after.
- What really happened (schema version 5), so that "what changed since the last review" shows
  delivery too: the actual start and finish recorded, percent complete, the status colour (with
  its new reason), the actual spend and the realised benefits recorded (all years).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smbplanner.analysis.budget import YearSpend, planned_spend
from smbplanner.analysis.figures import initiative_costs
from smbplanner.analysis.timeline import quarter_label
from smbplanner.domain.enums import InitiativeStatus, Rag, Scenario, label
from smbplanner.domain.model import Initiative, Plan
from smbplanner.domain.money import format_money
from smbplanner.domain.numbers import day


@dataclass(frozen=True)
class InitiativeChange:
    initiative_id: int | None
    name: str
    changes: list[str]  # one sentence per difference
    old_start: int | None = None  # quarter indexes, when the start moved
    new_start: int | None = None
    tco_delta_cents: int = 0


@dataclass(frozen=True)
class YearDelta:
    year: int
    budget_before_cents: int
    budget_after_cents: int
    planned_before_cents: int
    planned_after_cents: int

    @property
    def budget_delta_cents(self) -> int:
        return self.budget_after_cents - self.budget_before_cents

    @property
    def planned_delta_cents(self) -> int:
        return self.planned_after_cents - self.planned_before_cents


@dataclass(frozen=True)
class PlanComparison:
    added: list[Initiative] = field(default_factory=list)
    removed: list[Initiative] = field(default_factory=list)
    changed: list[InitiativeChange] = field(default_factory=list)
    years: list[YearDelta] = field(default_factory=list)
    tco_before_cents: int = 0
    tco_after_cents: int = 0

    @property
    def tco_delta_cents(self) -> int:
        return self.tco_after_cents - self.tco_before_cents

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed
                    or any(y.budget_delta_cents or y.planned_delta_cents for y in self.years))


def _tco(initiative: Initiative, plan: Plan) -> int:
    return sum(initiative_costs(initiative, plan.business, Scenario.LIKELY) or [])


def _tcos(plan: Plan) -> dict[int | None, int]:
    return {i.id: _tco(i, plan) for i in plan.initiatives}


def _total(plan: Plan, tcos: dict[int | None, int]) -> int:
    """The TCO of all non-cancelled initiatives (as ``portfolio.run_change_split``)."""
    return sum(tcos[i.id] for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED)


def _score(value: float | None) -> str:
    return "unscored" if value is None else f"{value:g}"


def _money(cents: int, currency: str) -> str:
    return format_money(cents, currency)


def initiative_changes(old: Initiative, new: Initiative, before: Plan, after: Plan,
                       tco: tuple[int, int] | None = None) -> InitiativeChange | None:
    """The differences of one initiative between two plans, None when there are none
    (``tco``: its TCO before and after, when already known)."""
    lines: list[str] = []
    if new.name != old.name:
        lines.append(f"renamed from '{old.name}'")
    moved = new.start_index != old.start_index
    if moved:
        verb = "deferred" if new.start_index > old.start_index else "brought forward"
        lines.append(f"{verb} from {quarter_label(old.start_index)} to "
                     f"{quarter_label(new.start_index)}")
    if new.duration_quarters != old.duration_quarters:
        lines.append(f"duration {old.duration_quarters} → {new.duration_quarters} quarters")
    if new.status != old.status:
        lines.append(f"status {label(old.status).lower()} → {label(new.status).lower()}")
    if new.portfolio != old.portfolio:
        lines.append(f"portfolio {label(old.portfolio)} → {label(new.portfolio)}")
    if new.impact != old.impact:
        lines.append(f"impact {_score(old.impact)} → {_score(new.impact)}")
    if new.feasibility != old.feasibility:
        lines.append(f"feasibility {_score(old.feasibility)} → {_score(new.feasibility)}")
    lines += delivery_changes(old, new, after.business.currency)
    tco_old, tco_new = tco if tco is not None else (_tco(old, before), _tco(new, after))
    if tco_new != tco_old:
        currency = after.business.currency
        sign = "+" if tco_new > tco_old else ""
        lines.append(f"TCO {_money(tco_old, currency)} → {_money(tco_new, currency)} "
                     f"({sign}{_money(tco_new - tco_old, currency)})")
    if not lines:
        return None
    return InitiativeChange(
        new.id, new.name, lines,
        old.start_index if moved else None, new.start_index if moved else None,
        tco_new - tco_old)


def delivery_changes(old: Initiative, new: Initiative, currency: str) -> list[str]:
    """What was recorded about an initiative's delivery between two versions: dates, progress,
    status colour, actual spend and realised benefits."""
    lines: list[str] = []
    if new.actual_start != old.actual_start:
        lines.append("actual start cleared" if new.actual_start is None
                     else f"started {day(new.actual_start)}")
    if new.actual_finish != old.actual_finish:
        lines.append("actual finish cleared" if new.actual_finish is None
                     else f"finished {day(new.actual_finish)}")
    if new.percent_complete != old.percent_complete:
        def done(value: int | None) -> str:
            return "not reported" if value is None else f"{value} %"
        lines.append(f"complete {done(old.percent_complete)} → {done(new.percent_complete)}")
    if new.rag != old.rag:
        def colour(value: Rag | None) -> str:
            return "not set" if value is None else label(value).lower()
        text = f"status colour {colour(old.rag)} → {colour(new.rag)}"
        if new.rag is not None and new.rag_reason.strip():
            text += f" ({' '.join(new.rag_reason.split())})"
        lines.append(text)
    for what, before, after in (
        ("actual spend", old.actual_costs, new.actual_costs),
        ("realised benefits", old.actual_benefits, new.actual_benefits),
    ):
        was, now = sum(a.amount_cents for a in before), sum(a.amount_cents for a in after)
        if now != was:
            sign = "+" if now > was else ""
            lines.append(f"{what} {_money(was, currency)} → {_money(now, currency)} "
                         f"({sign}{_money(now - was, currency)})")
    return lines


def _years(before: list[YearSpend], after: list[YearSpend]) -> list[YearDelta]:
    old = {y.year: y for y in before}
    new = {y.year: y for y in after}
    out = []
    for year in sorted(old.keys() | new.keys()):
        o, n = old.get(year), new.get(year)
        out.append(YearDelta(
            year,
            o.budget_cents if o else 0, n.budget_cents if n else 0,
            o.planned_cents if o else 0, n.planned_cents if n else 0))
    return out


def compare_plans(before: Plan, after: Plan) -> PlanComparison:
    """What changed from ``before`` (e.g. a snapshot) to ``after`` (e.g. the plan now)."""
    old = {i.id: i for i in before.initiatives}
    new_ids = {i.id for i in after.initiatives}
    added = [i for i in after.initiatives if i.id not in old]
    removed = [i for i in before.initiatives if i.id not in new_ids]
    tco_before, tco_after = _tcos(before), _tcos(after)
    changed = []
    for i in after.initiatives:
        if i.id in old:
            pair = (tco_before[i.id], tco_after[i.id])
            change = initiative_changes(old[i.id], i, before, after, pair)
            if change is not None:
                changed.append(change)
    return PlanComparison(
        added, removed, changed,
        _years(planned_spend(before), planned_spend(after)),
        _total(before, tco_before),
        _total(after, tco_after),
    )
