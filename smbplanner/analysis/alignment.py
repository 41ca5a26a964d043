"""Business alignment: initiatives that serve no goal ("technological drift") and goals that
no initiative serves.

A goal link counts only when it points to a goal that exists. Cancelled initiatives are
ignored on both sides: they neither drift nor serve a goal.
"""

from __future__ import annotations

from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Goal, Initiative, Plan


def _active(plan: Plan) -> list[Initiative]:
    return [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]


def _drifts(initiative: Initiative, goal_ids: set[int]) -> bool:
    return initiative.status != InitiativeStatus.CANCELLED and not any(
        link.goal_id in goal_ids for link in initiative.goals)


def unaligned_initiatives(plan: Plan) -> list[Initiative]:
    """Non-cancelled initiatives linked to no existing goal, in plan order."""
    goal_ids = {g.id for g in plan.goals if g.id is not None}
    return [i for i in plan.initiatives if _drifts(i, goal_ids)]


def serves_no_goal(initiative: Initiative, plan: Plan) -> bool:
    """Whether ``initiative`` is one of ``unaligned_initiatives(plan)`` (without listing
    them all)."""
    return _drifts(initiative, {g.id for g in plan.goals if g.id is not None})


def served_goal_ids(plan: Plan) -> set[int]:
    """The ids of the goals some non-cancelled initiative links to."""
    return {link.goal_id for i in _active(plan) for link in i.goals}


def goals_without_initiatives(plan: Plan) -> list[Goal]:
    """Goals that no non-cancelled initiative links to, in plan order."""
    served = served_goal_ids(plan)
    return [g for g in plan.goals if g.id is None or g.id not in served]
