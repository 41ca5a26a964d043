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


def unaligned_initiatives(plan: Plan) -> list[Initiative]:
    """Non-cancelled initiatives linked to no existing goal, in plan order."""
    goal_ids = {g.id for g in plan.goals if g.id is not None}
    return [i for i in _active(plan) if not any(link.goal_id in goal_ids for link in i.goals)]


def goals_without_initiatives(plan: Plan) -> list[Goal]:
    """Goals that no non-cancelled initiative links to, in plan order."""
    served = {link.goal_id for i in _active(plan) for link in i.goals}
    return [g for g in plan.goals if g.id is None or g.id not in served]
