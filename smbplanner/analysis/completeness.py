"""Whether a plan is complete enough to put before a board, and what is missing.

A plan is a *draft* when any of these is missing (each named with the phase where the owner
adds it): an IT vision or mission, business goals, the current systems, at least one
initiative, costs for every counted initiative (``budget.counted``: not cancelled, not on
hold), a budget for at least one year, KPIs, and a steering committee. The board pack marks
a draft "Draft — incomplete" on its cover and lists what is missing in its open points.
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.budget import counted
from smbplanner.domain.model import Plan

SHOWN_NAMES = 5


@dataclass(frozen=True)
class Missing:
    phase: str  # where the owner fills it in
    text: str  # a sentence saying what is missing


def missing_parts(plan: Plan) -> list[Missing]:
    """What the plan lacks before a board can decide on it, in the order of the phases."""
    b = plan.business
    out: list[Missing] = []
    if not (b.it_vision.strip() or b.it_mission.strip()):
        out.append(Missing("Destination", "No IT vision or mission is written."))
    if not plan.goals:
        out.append(Missing("Destination", "No business goals are set."))
    if not plan.systems:
        out.append(Missing("Assessment", "No current systems are recorded, so the cost and "
                           "risk of doing nothing are unknown."))
    if not plan.initiatives:
        out.append(Missing("Prioritise", "No initiatives are entered."))
    uncosted = [i for i in plan.initiatives
                if counted(i) and not (i.chosen_option and i.chosen_option.costs)]
    if uncosted:
        names = "; ".join(" ".join(i.name.split()) for i in uncosted[:SHOWN_NAMES])
        more = f"; and {len(uncosted) - SHOWN_NAMES} more" if len(uncosted) > SHOWN_NAMES else ""
        noun = "initiative has" if len(uncosted) == 1 else "initiatives have"
        out.append(Missing("Prioritise", f"{len(uncosted)} {noun} no costs entered "
                           f"({names}{more}), so the totals understate the spend."))
    if not plan.budget_years:
        out.append(Missing("Measure", "No budget is set for any year."))
    if not plan.kpis:
        out.append(Missing("Measure", "No KPIs are set to measure the plan by."))
    if not any(p.on_steering_committee for p in plan.people):
        out.append(Missing("Governance", "No steering committee is named."))
    return out


def is_draft(plan: Plan) -> bool:
    return bool(missing_parts(plan))
