"""Scheduling rules of the roadmap: dependency conflicts, snapping a dragged bar to quarters,
grouping the rows, today's quarter, and the names of the edits. Pure, for the desktop roadmap
(and anything else that checks a schedule).

Quarters are counted as in ``timeline``: ``year * 4 + quarter - 1``.

- Conflict: an initiative *starts before a prerequisite ends*, i.e. its first quarter comes
  before the quarter after the prerequisite's last one (``start < prerequisite.end``). Only
  initiatives that are shown (not cancelled) take part: a cancelled prerequisite never ends,
  so it is not reported as a conflict here. The reason reads
  ``Starts Q2 2027, before 'ERP' ends (Q4 2027)``, naming the prerequisite's last quarter.
- Snapping: a moved bar's start is its start at the press plus the drag rounded to whole
  quarters; a resized bar's duration is the distance from its start to the dragged end,
  rounded, at least 1 and at most ``MAX_DURATION`` (the validation limit). A start is kept
  within the given column range.
- Grouping by portfolio: Run, then Change. Grouping by goal: the plan's goals in order, each
  initiative under its *strongest* goal — the link with the highest contribution; ties go to
  the goal of higher weight, then to the goal listed first in the plan — so each initiative
  appears exactly once; initiatives linked to no goal come last under "No goal linked".
  Within a group the rows keep the timeline's order (start, end, plan order); empty groups
  are left out.
- Past due: an initiative whose planned end (the last day of its last quarter) is before
  the as-of date and that is neither done nor cancelled (``past_due``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from smbplanner.analysis.timeline import Row, Timeline, quarter_label
from smbplanner.domain.enums import InitiativeStatus, Portfolio, label
from smbplanner.domain.model import Initiative, Plan

MIN_DURATION = 1
MAX_DURATION = 40
NO_GOAL = "No goal linked"


class Grouping(StrEnum):
    PORTFOLIO = "portfolio"
    GOAL = "goal"


# --- quarters ----------------------------------------------------------------------------
def year_quarter(index: int) -> tuple[int, int]:
    """``(start_year, start_quarter)`` for a quarter index."""
    return index // 4, index % 4 + 1


def today_quarter(day: date) -> int:
    """The quarter index of a date (Q1 is January to March)."""
    return day.year * 4 + (day.month - 1) // 3


def today_position(day: date) -> float:
    """Where a "today" line goes, in quarters: the same position as the PDF roadmap's line
    (the start of the date's month, in thirds of a quarter)."""
    return day.year * 4 + (day.month - 1) / 3


def duration_text(quarters: int) -> str:
    return "1 quarter" if quarters == 1 else f"{quarters} quarters"


def span_text(start: int, end: int) -> str:
    """``Q2 2027 – Q4 2027 (3 quarters)`` for a bar covering ``start`` up to ``end``."""
    first, last = quarter_label(start), quarter_label(end - 1)
    when = first if first == last else f"{first} – {last}"
    return f"{when} ({duration_text(end - start)})"


# --- snapping ----------------------------------------------------------------------------
def snap_move(start: int, drag_quarters: float, lowest: int, highest: int) -> int:
    """The new start of a bar that started at ``start`` and was dragged ``drag_quarters``
    (fractional) to the right, kept within ``lowest``..``highest``."""
    return max(lowest, min(highest, start + round(drag_quarters)))


def snap_duration(start: int, end_position: float) -> int:
    """The duration of a bar starting at ``start`` whose end was dragged to ``end_position``
    (fractional quarter index)."""
    return max(MIN_DURATION, min(MAX_DURATION, round(end_position - start)))


def move_text(name: str, start: int) -> str:
    return f"Move '{name}' to {quarter_label(start)}"


def resize_text(name: str, duration: int) -> str:
    return f"Change duration of '{name}' to {duration_text(duration)}"


# --- conflicts ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Span:
    """Where a bar lies: quarters ``start`` up to (not including) ``end``."""

    name: str
    start: int
    end: int
    depends_on: tuple[int, ...] = ()


def spans(rows: Iterable[Row]) -> dict[int, Span]:
    """The spans of a timeline's rows, by initiative id (rows without an id are skipped)."""
    return {
        r.initiative.id: Span(r.initiative.name, r.start, r.end,
                              tuple(dict.fromkeys(r.initiative.depends_on)))
        for r in rows
        if r.initiative.id is not None
    }


def conflict_reason(span: Span, prerequisite: Span) -> str:
    return (f"Starts {quarter_label(span.start)}, before '{prerequisite.name}' ends "
            f"({quarter_label(prerequisite.end - 1)})")


def conflicts(bars: Mapping[int, Span]) -> dict[int, list[str]]:
    """For each bar that starts before one of its prerequisites ends, the reasons (in the
    order of its dependencies). Prerequisites that are not among ``bars`` are ignored."""
    found: dict[int, list[str]] = {}
    for bar_id, span in bars.items():
        for dep_id in span.depends_on:
            prerequisite = bars.get(dep_id)
            if prerequisite is None or dep_id == bar_id:
                continue
            if span.start < prerequisite.end:
                found.setdefault(bar_id, []).append(conflict_reason(span, prerequisite))
    return found


def plan_conflicts(line: Timeline) -> dict[int, list[str]]:
    """The conflicts of a timeline (cancelled initiatives are not in it)."""
    return conflicts(spans(line.rows))


# --- grouping ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Group:
    title: str
    rows: list[Row]


def strongest_goal(initiative: Initiative, plan: Plan) -> int | None:
    """The id of the goal an initiative serves most (see the module's docstring), or None."""
    order = {g.id: n for n, g in enumerate(plan.goals)}
    weight = {g.id: g.weight for g in plan.goals}
    links = [link for link in initiative.goals if link.goal_id in order]
    if not links:
        return None
    best = min(links, key=lambda k: (-k.contribution, -weight[k.goal_id], order[k.goal_id]))
    return best.goal_id


def group_rows(plan: Plan, line: Timeline, by: Grouping) -> list[Group]:
    """The timeline's rows in groups (see the module's docstring)."""
    key_of: dict[int, object]
    if by == Grouping.PORTFOLIO:
        keyed: Sequence[tuple[object, str]] = [(p, label(p)) for p in Portfolio]
        key_of = {id(r): r.initiative.portfolio for r in line.rows}
    else:
        keyed = [(g.id, g.title) for g in plan.goals] + [(None, NO_GOAL)]
        key_of = {id(r): strongest_goal(r.initiative, plan) for r in line.rows}
    groups = []
    for key, title in keyed:
        rows = [r for r in line.rows if key_of[id(r)] == key]
        if rows:
            groups.append(Group(title, rows))
    return groups


def planned_end(initiative: Initiative) -> date:
    """The last day of the initiative's last quarter."""
    last = initiative.end_index - 1
    year, quarter = divmod(last, 4)
    if quarter == 3:
        return date(year, 12, 31)
    return date(year, quarter * 3 + 4, 1) - timedelta(days=1)


def past_due(initiative: Initiative, as_of: date) -> bool:
    """Whether the planned end is before ``as_of`` and the initiative is not done or
    cancelled."""
    if initiative.status in (InitiativeStatus.DONE, InitiativeStatus.CANCELLED):
        return False
    return planned_end(initiative) < as_of
