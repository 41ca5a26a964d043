"""Initiatives serving no goal, goals no initiative serves."""

from __future__ import annotations

from smbplanner.analysis.alignment import goals_without_initiatives, unaligned_initiatives
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Business, Goal, GoalLink, Initiative, Plan


def test_alignment() -> None:
    grow = Goal("Grow online sales", id=1)
    costs = Goal("Cut admin time", id=2)
    safety = Goal("Keep patient data safe", id=3)
    crm = Initiative("CRM", goals=[GoalLink(1)], id=10)
    gadget = Initiative("Smart fridge", id=11)  # serves nothing: drift
    dangling = Initiative("Old link", goals=[GoalLink(99)], id=12)  # missing goal only
    cancelled = Initiative(
        "Paperless", goals=[GoalLink(2)], id=13, status=InitiativeStatus.CANCELLED
    )
    dropped = Initiative("Blockchain", id=14, status=InitiativeStatus.CANCELLED)
    plan = Plan(
        Business("Clinic"),
        goals=[grow, costs, safety],
        initiatives=[crm, gadget, dangling, cancelled, dropped],
    )
    assert unaligned_initiatives(plan) == [gadget, dangling]
    # goal 2 is served only by a cancelled initiative
    assert goals_without_initiatives(plan) == [costs, safety]

    gadget.goals.append(GoalLink(3))
    dangling.goals.append(GoalLink(2))
    assert unaligned_initiatives(plan) == []
    assert goals_without_initiatives(plan) == []


def test_empty_plan() -> None:
    plan = Plan(Business("Empty"))
    assert unaligned_initiatives(plan) == []
    assert goals_without_initiatives(plan) == []
