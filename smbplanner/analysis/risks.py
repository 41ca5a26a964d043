"""The plan's risks: the likelihood × impact heat map, severity bands and the top risks.

Each risk scores likelihood 1–5 and impact 1–5; its score is likelihood × impact (1–25).
Bands (a common 5 × 5 risk matrix): score 1–4 low, 5–9 medium, 10–16 high, 20–25 critical
(17–19 cannot occur). The heat map and the top risks count **open** risks of every
initiative that is not done or cancelled (a closed risk, or one of a finished or dropped
initiative, no longer threatens the plan).
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.domain.enums import InitiativeStatus, RiskStatus
from smbplanner.domain.model import Initiative, Plan, Risk

LEVELS = 5
LOW, MEDIUM, HIGH, CRITICAL = "low", "medium", "high", "critical"
BANDS = (LOW, MEDIUM, HIGH, CRITICAL)
_INACTIVE = (InitiativeStatus.DONE, InitiativeStatus.CANCELLED)


@dataclass(frozen=True)
class PlanRisk:
    """A risk together with the initiative it belongs to."""

    initiative_id: int | None
    initiative_name: str
    risk: Risk

    @property
    def score(self) -> int:
        return self.risk.score


def band(score: int) -> str:
    """"low", "medium", "high" or "critical" for a score from 1 to 25."""
    if not 1 <= score <= LEVELS * LEVELS:
        raise ValueError(f"a risk score is from 1 to 25, not {score!r}")
    if score <= 4:
        return LOW
    if score <= 9:
        return MEDIUM
    if score <= 16:
        return HIGH
    return CRITICAL


def counts_toward_map(initiative: Initiative, risk: Risk) -> bool:
    """Whether a risk is on the heat map: open, of an initiative not done or cancelled."""
    return risk.status == RiskStatus.OPEN and initiative.status not in _INACTIVE


def active_risks(plan: Plan) -> list[PlanRisk]:
    """The risks the heat map counts, in plan order."""
    return [
        PlanRisk(i.id, i.name, r)
        for i in plan.initiatives
        for r in i.risks
        if counts_toward_map(i, r)
    ]


def heat_map(plan: Plan) -> list[list[int]]:
    """Counts of active risks: ``grid[likelihood - 1][impact - 1]`` (5 × 5)."""
    grid = [[0] * LEVELS for _ in range(LEVELS)]
    for entry in active_risks(plan):
        grid[entry.risk.likelihood - 1][entry.risk.impact - 1] += 1
    return grid


def cell_risks(plan: Plan, likelihood: int, impact: int) -> list[PlanRisk]:
    """The active risks in one cell of the heat map, in plan order."""
    return [
        e
        for e in active_risks(plan)
        if e.risk.likelihood == likelihood and e.risk.impact == impact
    ]


def top_risks(plan: Plan, limit: int = 5) -> list[PlanRisk]:
    """The highest-scoring active risks: by score, then impact, then likelihood (all
    descending), then plan order."""
    ranked = sorted(
        active_risks(plan), key=lambda e: (-e.score, -e.risk.impact, -e.risk.likelihood)
    )
    return ranked[: max(limit, 0)]
