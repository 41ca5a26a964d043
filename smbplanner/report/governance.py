"""Governance: the steering committee, the RACI matrix and the review cadence."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from smbplanner.analysis.board import priority_order
from smbplanner.analysis.governance import (
    next_review,
    raci_problems,
    raci_role,
    sorted_reviews,
    steering_committee,
)
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Person
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import table
from smbplanner.report.text import BOLD, day, para

PERSON_COLUMN = 40.0
RECENT_REVIEWS = 6
SHOWN_PROBLEMS = 20


def _committee(ctx: Ctx) -> list[Flowable]:
    s = ctx.styles
    people = steering_committee(ctx.plan)
    out: list[Flowable] = [s.m("Steering committee", s.h2)]
    if not people:
        return out + ctx.empty("No steering committee named yet.")
    rows: list[list[object]] = [["Name", "Role"]]
    w = ctx.width
    rows += [[s.c(p.name, w * 0.4, 200), s.c(p.role, w * 0.6, 300)] for p in people]
    return [*out, table(rows, [w * 0.4, w * 0.6])]


def _raci(ctx: Ctx) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [s.m("Who does what (RACI)", s.h2)]
    active = [i for i in priority_order(ctx.plan.initiatives)
              if i.status != InitiativeStatus.CANCELLED]
    named = {e.person_id for i in active for e in i.raci}
    people: list[Person] = [p for p in ctx.plan.people if p.id in named]
    if not active or not people:
        return out + ctx.empty("No RACI roles assigned yet.")
    out.append(s.m("R: responsible (does the work) · A: accountable (answers for it, exactly "
                   "one) · C: consulted · I: informed.", s.muted))
    first = ctx.width * 0.34
    per_table = max(int((ctx.width - first) // PERSON_COLUMN), 1)
    for k in range(0, len(people), per_table):
        chunk = people[k : k + per_table]
        rows: list[list[object]] = [["Initiative",
                                     *(s.p(p.name, s.head_center, 40) for p in chunk)]]
        for i in active:
            number = ctx.number(i)
            cells = []
            for p in chunk:
                role = raci_role(i, p.id) if p.id is not None else None
                cells.append(role.value if role else "")
            rows.append([s.c(f"{number}. {i.name}" if number else i.name, first, 160), *cells])
        out.append(table(rows, [first] + [PERSON_COLUMN] * len(chunk), extra=[
            ("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONT", (1, 1), (-1, -1), BOLD, 8, 10)]))
    problems = raci_problems(ctx.plan)
    if problems:
        lines = [m for messages in problems.values() for m in messages]
        shown = lines[:SHOWN_PROBLEMS]
        more = f" And {len(lines) - len(shown)} more." if len(lines) > len(shown) else ""
        out.append(s.m("RACI gaps", s.h3))
        out += [s.m(f"<font color='#b03a2e'>• {para(m)}</font>", s.small) for m in shown]
        if more:
            out.append(s.m(more, s.muted))
    return out


def _reviews(ctx: Ctx) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [s.m("Review cadence", s.h2)]
    reviews = sorted_reviews(ctx.plan.reviews)
    upcoming = next_review(reviews, ctx.today)
    text = "The steering committee reviews the plan every quarter. "
    if reviews:
        text += f"Last review: {day(reviews[-1].date)}. "
    text += f"Next review due {day(upcoming.date)} ({escape(upcoming.reason)})."
    out.append(s.m(text, s.body))
    if reviews:
        rows: list[list[object]] = [[h for h in ("Date", "Attendees",
                                                              "Decisions")]]
        for review in reversed(reviews[-RECENT_REVIEWS:]):
            rows.append([s.m(day(review.date), s.cell),
                         s.p(review.attendees, s.cell, 400),
                         s.p(review.decisions, s.cell, 900)])
        w = ctx.width
        out += [s.m("Recent reviews", s.h3), table(rows, [w * 0.13, w * 0.27, w * 0.6])]
    return out


def governance(ctx: Ctx) -> Section:
    flow: list[Flowable] = [ctx.heading("Governance")]
    flow += _committee(ctx) + _raci(ctx) + _reviews(ctx)
    plan = ctx.plan
    return Section(flow, short=not plan.people and not plan.reviews)
