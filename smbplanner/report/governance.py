"""Governance: the steering committee, the RACI matrix and the review cadence."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from smbplanner.analysis.board import priority_order
from smbplanner.analysis.governance import (
    next_review,
    raci_problems,
    raci_role,
    sorted_reviews,
    steering_committee,
)
from smbplanner.domain.enums import InitiativeStatus, RaciRole
from smbplanner.domain.model import Initiative, Person
from smbplanner.report.context import Ctx, Section
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, day, para

PERSON_COLUMN = 40.0
MIN_HEAD = 5.5  # points: names in the matrix's header no smaller than this
MIN_FIRST = 0.3  # the matrix's initiative column takes at least this share of the width
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


def _header_size(people: list[Person]) -> float | None:
    """The font size at which every word of every name fits its column (names break only
    between words), at most 8 points; None below ``MIN_HEAD`` (the matrix is then a list)."""
    room = PERSON_COLUMN - 8  # the cell's padding
    words = [w for p in people for w in p.name.split()] or ["?"]
    widest = max(stringWidth(w, BOLD, 8) for w in words)
    size = min(8.0, 8.0 * room / widest)
    return size if size >= MIN_HEAD else None


def _matrix(ctx: Ctx, active: list[Initiative], people: list[Person], size: float
            ) -> Flowable:
    s = ctx.styles
    first = ctx.width - PERSON_COLUMN * len(people)
    head = ParagraphStyle(f"raci-head-{size:.2f}", s.head_center, fontSize=size,
                          leading=size + 1.5, splitLongWords=0)
    rows: list[list[object]] = [["Initiative", *(s.p(p.name, head, 60) for p in people)]]
    for i in active:
        number = ctx.number(i)
        cells = []
        for p in people:
            role = raci_role(i, p.id) if p.id is not None else None
            cells.append(role.value if role else "")
        rows.append([s.c(f"{number}. {i.name}" if number else i.name, first, 160), *cells])
    return table(rows, [first] + [PERSON_COLUMN] * len(people), extra=[
        ("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONT", (1, 1), (-1, -1), BOLD, 8, 10)])


def _by_role(ctx: Ctx, active: list[Initiative]) -> Flowable:
    """One row per initiative and the people in each role: readable with any number of
    people, and a row never spreads over several tables."""
    s = ctx.styles
    w = ctx.width
    widths = [w * 0.32, w * 0.17, w * 0.17, w * 0.17, w * 0.17]
    rows: list[list[object]] = [["Initiative", "Responsible", "Accountable", "Consulted",
                                 "Informed"]]
    roles = (RaciRole.RESPONSIBLE, RaciRole.ACCOUNTABLE, RaciRole.CONSULTED,
             RaciRole.INFORMED)
    for i in active:
        named: dict[RaciRole, list[str]] = {r: [] for r in roles}
        for entry in i.raci:
            person = ctx.person(entry.person_id)
            if person is not None:
                named[entry.role].append(" ".join(person.name.split()))
        number = ctx.number(i)
        rows.append([s.c(f"{number}. {i.name}" if number else i.name, widths[0], 160),
                     *(s.c(", ".join(named[r]), widths[n + 1], 300)
                       for n, r in enumerate(roles))])
    return table(rows, widths)


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
    room = int((ctx.width * (1 - MIN_FIRST)) // PERSON_COLUMN)
    size = _header_size(people) if len(people) <= room else None
    out.append(_matrix(ctx, active, people, size) if size is not None
               else _by_role(ctx, active))
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
