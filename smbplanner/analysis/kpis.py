"""KPI figures: the latest actual, progress from baseline to target, and the balanced scorecard.

Progress is measured from the baseline towards the target in the KPI's direction: an
*increase* KPI progresses as its value rises, a *decrease* KPI as its value falls, and the
distance to cover is ``|target - baseline|``. So a queue time KPI (decrease) from 9 to 4
minutes at 7.5 minutes is 30 % of the way. The value is honest: below 0 % when the KPI moved
the wrong way, above 100 % when it beat the target; ``bar_percent`` clamps it for a bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smbplanner.domain.enums import KpiDirection, Perspective
from smbplanner.domain.model import Goal, Kpi, Measurement, Plan


def measurements_by_date(kpi: Kpi) -> list[Measurement]:
    """The KPI's measurements, oldest first (measurements of one day in the order entered)."""
    return sorted(kpi.measurements, key=lambda m: m.date)


def latest(kpi: Kpi) -> Measurement | None:
    """The most recent measurement (of several on the same day, the last entered)."""
    ordered = measurements_by_date(kpi)
    return ordered[-1] if ordered else None


def progress_of(kpi: Kpi, value: float) -> float | None:
    """Per cent of the way from baseline to target that ``value`` has come; None when the
    baseline equals the target (there is no way to cover)."""
    distance = abs(kpi.target - kpi.baseline)
    if distance == 0:
        return None
    moved = value - kpi.baseline
    if kpi.direction == KpiDirection.DECREASE:
        moved = -moved
    return moved / distance * 100


def progress(kpi: Kpi) -> float | None:
    """Progress of the latest measurement in per cent (honest: may be < 0 or > 100); None
    without a measurement or when the baseline equals the target."""
    last = latest(kpi)
    return None if last is None else progress_of(kpi, last.value)


def bar_percent(value: float | None) -> int:
    """A progress value clamped to 0..100 and rounded, for drawing a bar (None: 0)."""
    if value is None:
        return 0
    return round(min(max(value, 0.0), 100.0))


def target_conflict(kpi: Kpi) -> str | None:
    """Why the target contradicts the direction (a target below the baseline for a KPI that
    should increase, or above it for one that should decrease); None when consistent."""
    if kpi.direction == KpiDirection.INCREASE and kpi.target < kpi.baseline:
        return "The target is below the baseline, but this KPI should increase"
    if kpi.direction == KpiDirection.DECREASE and kpi.target > kpi.baseline:
        return "The target is above the baseline, but this KPI should decrease"
    return None


@dataclass(frozen=True)
class KpiStatus:
    kpi: Kpi
    latest: Measurement | None
    progress: float | None


@dataclass(frozen=True)
class GoalCard:
    goal: Goal
    kpis: list[KpiStatus] = field(default_factory=list)


@dataclass(frozen=True)
class PerspectiveCard:
    perspective: Perspective
    goals: list[GoalCard] = field(default_factory=list)


def kpi_status(kpi: Kpi) -> KpiStatus:
    return KpiStatus(kpi, latest(kpi), progress(kpi))


def scorecard(plan: Plan) -> list[PerspectiveCard]:
    """The balanced scorecard: all four perspectives in their fixed order, each with its goals
    in plan order, each goal with its KPIs in plan order. KPIs of a goal that is not in the
    plan are left out."""
    by_goal: dict[int, list[KpiStatus]] = {}
    for kpi in plan.kpis:
        by_goal.setdefault(kpi.goal_id, []).append(kpi_status(kpi))
    cards = []
    for perspective in Perspective:
        goals = [
            GoalCard(g, by_goal.get(g.id, []) if g.id is not None else [])
            for g in plan.goals
            if g.perspective == perspective
        ]
        cards.append(PerspectiveCard(perspective, goals))
    return cards
