"""Phase 2 figures: the SWOT board, the systems inventory's totals and end-of-life flags,
and stakeholder satisfaction per department.

A system is *past its end of life* when its ``end_of_life_year`` is before the plan's
``start_year`` (the same rule as ``checks``): the plan begins with it unsupported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smbplanner.domain.enums import SwotKind, SystemAction
from smbplanner.domain.model import Feedback, SwotItem, System

#: Actions whose systems are on their way out: their run cost is what the plan can release.
OUTGOING_ACTIONS = (SystemAction.REPLACE, SystemAction.RETIRE)


def swot_board(items: Iterable[SwotItem]) -> dict[SwotKind, list[SwotItem]]:
    """The items of each quadrant, in their stored order; every quadrant is present."""
    board: dict[SwotKind, list[SwotItem]] = {kind: [] for kind in SwotKind}
    for item in items:
        board[item.kind].append(item)
    return board


def past_end_of_life(system: System, start_year: int) -> bool:
    """True when the system's end-of-life year is before the plan's start year."""
    eol = system.end_of_life_year
    return eol is not None and eol < start_year


def end_of_life_reason(system: System, start_year: int) -> str | None:
    """Why a system is flagged, in a sentence for the owner; None when it is not."""
    if not past_end_of_life(system, start_year):
        return None
    reason = (
        f"Past end of life: its end-of-life year {system.end_of_life_year} is before "
        f"the plan's start year {start_year}"
    )
    if system.action in (SystemAction.KEEP, SystemAction.INVEST):
        reason += "; plan to replace or retire it"
    return reason


@dataclass(frozen=True)
class SystemTotals:
    count: int
    run_cost_cents: int  # every system's annual run cost
    past_end_of_life: int  # systems whose end of life is before the plan starts
    #: annual run cost of systems marked replace or retire, or retired by an initiative
    outgoing_run_cost_cents: int


def system_totals(systems: Iterable[System], start_year: int) -> SystemTotals:
    count = run = past = outgoing = 0
    for system in systems:
        count += 1
        run += system.annual_run_cost_cents
        if past_end_of_life(system, start_year):
            past += 1
        if system.action in OUTGOING_ACTIONS or system.replaced_by_id is not None:
            outgoing += system.annual_run_cost_cents
    return SystemTotals(count, run, past, outgoing)


@dataclass(frozen=True)
class DepartmentSatisfaction:
    department: str
    responses: int
    average: float  # 1.0 .. 5.0


def _department_key(department: str) -> str:
    return " ".join(department.split()).casefold()


def satisfaction_by_department(feedback: Iterable[Feedback]) -> list[DepartmentSatisfaction]:
    """Average satisfaction per department, sorted by department name.

    Departments are grouped ignoring case and extra spaces ("Finance" and " finance ");
    the first spelling met is the one shown.
    """
    names: dict[str, str] = {}
    scores: dict[str, list[int]] = {}
    for entry in feedback:
        key = _department_key(entry.department)
        names.setdefault(key, " ".join(entry.department.split()))
        scores.setdefault(key, []).append(entry.satisfaction)
    return [
        DepartmentSatisfaction(names[key], len(values), sum(values) / len(values))
        for key, values in sorted(scores.items())
    ]


def overall_satisfaction(feedback: Iterable[Feedback]) -> float | None:
    """The average of every response (not of the department averages); None without any."""
    values = [entry.satisfaction for entry in feedback]
    return sum(values) / len(values) if values else None
