"""Phase 4 (governance): the steering committee, RACI problems and the next quarterly review.

RACI rules are those of ``checks`` (one source of truth): every initiative that is not
cancelled needs exactly one Accountable and at least one Responsible. ``raci_problems``
calls the checks' own RACI rule one initiative at a time, so the page and ``smbplanner
check`` always agree, word for word.

Next quarterly review (``next_review``):
- with reviews, three calendar months after the latest one (the day is kept, or moved back
  to the month's last day: 30 November → 28/29 February), if that date is today or later;
- otherwise (that date has passed, or there is no review yet) the first day of the next
  calendar quarter strictly after today (1 January, 1 April, 1 July or 1 October).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from smbplanner.analysis import checks
from smbplanner.domain.enums import InitiativeStatus, RaciRole
from smbplanner.domain.model import Initiative, Person, Plan, Review
from smbplanner.domain.numbers import day


def raci_checked(initiative: Initiative) -> bool:
    """Whether the RACI rules apply (they do not to cancelled initiatives)."""
    return initiative.status != InitiativeStatus.CANCELLED


def initiative_raci_problems(plan: Plan, initiative: Initiative) -> list[str]:
    """What is wrong with one initiative's RACI, in the words of ``smbplanner check``."""
    if not raci_checked(initiative):
        return []
    return [finding.message for finding in checks.raci_findings(initiative)]


def raci_problems(plan: Plan) -> dict[int, list[str]]:
    """Initiative id → its RACI problems, for every initiative that has any (plan order)."""
    found: dict[int, list[str]] = {}
    for initiative in plan.initiatives:
        if initiative.id is None:
            continue
        problems = initiative_raci_problems(plan, initiative)
        if problems:
            found[initiative.id] = problems
    return found


def raci_role(initiative: Initiative, person_id: int) -> RaciRole | None:
    """The person's role on the initiative, or None."""
    return next((e.role for e in initiative.raci if e.person_id == person_id), None)


def steering_committee(plan: Plan) -> list[Person]:
    """The people on the steering committee, in the plan's order."""
    return [p for p in plan.people if p.on_steering_committee]


def sorted_reviews(reviews: Iterable[Review]) -> list[Review]:
    """Oldest first; reviews on the same day in the order they were added."""
    return sorted(reviews, key=lambda r: (r.date, r.id if r.id is not None else 0))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def next_quarter_start(today: date) -> date:
    """The first day of the calendar quarter after the one ``today`` is in."""
    quarter_first_month = (today.month - 1) // 3 * 3 + 1
    return add_months(date(today.year, quarter_first_month, 1), 3)


@dataclass(frozen=True)
class NextReview:
    date: date
    reason: str  # why this date, in a few words for the owner


def next_review(reviews: Iterable[Review], today: date) -> NextReview:
    """The next quarterly review and why (the rule is in the module's docstring)."""
    dates = [r.date for r in reviews]
    if dates:
        latest = max(dates)
        due = add_months(latest, 3)
        if due >= today:
            return NextReview(due, f"three months after the last review on {day(latest)}")
        start = next_quarter_start(today)
        return NextReview(
            start,
            f"the last review, on {day(latest)}, was more than three months ago: "
            "start of the next quarter",
        )
    return NextReview(next_quarter_start(today), "no review yet: start of the next quarter")


def next_review_date(reviews: Iterable[Review], today: date) -> date:
    """The date of the next quarterly review (see ``next_review``)."""
    return next_review(reviews, today).date
