"""A suggested position on the impact × feasibility board, offered to the owner as a ghost
card they may accept (it is never applied on its own).

Impact comes from the initiative's goal links: each link scores ``contribution`` (1 some,
2 clear, 3 strong) × the goal's ``weight`` (1 nice to have .. 5 vital), so 1–15 points; links
to goals that no longer exist are ignored. With ``points`` the sum over the links,

    impact = 1 + 4 × min(points, 15) / 15

so no link gives 1 (Low) and one strong link to a vital goal (or several smaller ones adding
up to 15) gives 5 (High).

Feasibility starts at 5 (Easy) and loses up to 4 points for three equally weighted burdens,
each from 0 to 1:

- cost: the initiative's TCO ÷ the largest TCO of the plan's active (not cancelled)
  initiatives (0 when that largest TCO is 0);
- duration: (duration in quarters − 1) ÷ 11, at most 1 (one quarter: 0; three years: 1);
- risk: the score (likelihood × impact, 1–25) of its worst open risk ÷ 25 (0 without any).

    feasibility = 5 − 4 × (cost + duration + risk) / 3

Both are then rounded to the nearest half step (halves of a half step round up) and kept
within 1–5. Example: links (contribution 2 to a weight-5 goal, 1 to a weight-3 goal) give
13 points, impact 1 + 4 × 13/15 = 4.47 → 4.5; half the largest TCO, 4 quarters and an open
risk of 3 × 4 give burdens 0.5, 3/11 and 12/25, feasibility 5 − 4 × 1.2527/3 = 3.33 → 3.5.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass

from smbplanner.analysis.figures import Figures, initiative_figures
from smbplanner.domain.enums import InitiativeStatus, RiskStatus, Scenario
from smbplanner.domain.model import Goal, Initiative, Plan

MAX_POINTS = 15
LONG_QUARTERS = 12


def half_step(value: float) -> float:
    """The nearest half step from 1 to 5 (x.25 and x.75 round up)."""
    return min(5.0, max(1.0, math.floor(value * 2 + 0.5) / 2))


def goal_points(initiative: Initiative, goals: list[Goal]) -> int:
    """Σ contribution × goal weight over the initiative's links to existing goals."""
    weights = {g.id: g.weight for g in goals if g.id is not None}
    return sum(link.contribution * weights[link.goal_id]
               for link in initiative.goals if link.goal_id in weights)


def worst_open_risk(initiative: Initiative) -> int:
    """The highest score of the initiative's open risks, 0 when it has none."""
    return max((r.score for r in initiative.risks if r.status == RiskStatus.OPEN), default=0)


@dataclass(frozen=True)
class Suggestion:
    impact: float
    feasibility: float
    goal_points: int
    cost_burden: float
    duration_burden: float
    risk_burden: float

    @property
    def reason(self) -> str:
        """One sentence on where the suggestion comes from."""
        return (
            f"Impact {self.impact:g} from {self.goal_points} goal points (contribution × "
            f"weight, 15 or more is the top); feasibility {self.feasibility:g} from cost "
            f"{self.cost_burden:.0%}, duration {self.duration_burden:.0%} and risk "
            f"{self.risk_burden:.0%} of the hardest."
        )


def suggest(initiative: Initiative, goals: list[Goal], tco_cents: int,
            largest_tco_cents: int) -> Suggestion:
    """The suggested scores of one initiative (rule in the module's docstring)."""
    points = goal_points(initiative, goals)
    impact = 1 + 4 * min(points, MAX_POINTS) / MAX_POINTS
    cost = min(1.0, tco_cents / largest_tco_cents) if largest_tco_cents > 0 else 0.0
    cost = max(cost, 0.0)
    duration = min(1.0, max(0, initiative.duration_quarters - 1) / (LONG_QUARTERS - 1))
    risk = worst_open_risk(initiative) / 25
    feasibility = 5 - 4 * (cost + duration + risk) / 3
    return Suggestion(half_step(impact), half_step(feasibility), points, cost, duration, risk)


def suggest_all(
    plan: Plan,
    scenario: Scenario = Scenario.LIKELY,
    figures: Callable[[Initiative, Scenario], Figures | None] | None = None,
    only: Collection[int] | None = None,
) -> dict[int, Suggestion]:
    """Initiative id → suggestion, for every stored initiative that is not cancelled (or only
    for the ids in ``only``: the cost burden still compares with the whole plan's largest)."""
    active = [i for i in plan.initiatives
              if i.status != InitiativeStatus.CANCELLED and i.id is not None]
    tco: dict[int, int] = {}
    for initiative in active:
        found = (figures(initiative, scenario) if figures is not None
                 else initiative_figures(initiative, plan.business, scenario))
        tco[id(initiative)] = found.tco_cents if found else 0
    largest = max(tco.values(), default=0)
    return {
        i.id: suggest(i, plan.goals, tco[id(i)], largest)
        for i in active
        if i.id is not None and (only is None or i.id in only)
    }
