"""Governance rules: RACI problems (the same as ``check``), the committee, the next review."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smbplanner.analysis.checks import check_plan
from smbplanner.analysis.governance import (
    add_months,
    next_quarter_start,
    next_review,
    next_review_date,
    raci_problems,
    raci_role,
    sorted_reviews,
    steering_committee,
)
from smbplanner.domain.enums import InitiativeStatus, RaciRole
from smbplanner.domain.model import Business, Initiative, Person, Plan, RaciEntry, Review
from smbplanner.sample import sample_plan

A, R, C, INF = RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE, RaciRole.CONSULTED, RaciRole.INFORMED


def _plan(*racis: list[RaciEntry], cancelled: tuple[int, ...] = ()) -> Plan:
    people = [Person(f"P{n}", id=n) for n in range(1, 5)]
    initiatives = [
        Initiative(
            f"I{n}",
            id=n,
            raci=raci,
            status=InitiativeStatus.CANCELLED if n in cancelled else InitiativeStatus.PROPOSED,
        )
        for n, raci in enumerate(racis, start=1)
    ]
    return Plan(Business("B"), people=people, initiatives=initiatives)


def test_complete_raci_has_no_problem() -> None:
    assert raci_problems(sample_plan()) == {}
    assert raci_problems(_plan([RaciEntry(1, A), RaciEntry(2, R), RaciEntry(3, C)])) == {}


def test_each_rule_is_reported_for_its_initiative() -> None:
    plan = _plan(
        [RaciEntry(1, R)],  # no Accountable
        [RaciEntry(1, A), RaciEntry(2, A), RaciEntry(3, R)],  # two Accountable
        [RaciEntry(1, A), RaciEntry(2, C)],  # no Responsible
        [],  # neither
        [RaciEntry(1, A), RaciEntry(2, R)],  # fine
    )
    problems = raci_problems(plan)
    assert list(problems) == [1, 2, 3, 4]
    assert problems[1] == [
        "'I1' has no one Accountable in its RACI: name exactly one person who answers for it"
    ]
    assert problems[2] == ["'I2' has 2 people Accountable in its RACI: there must be exactly one"]
    assert problems[3] == [
        "'I3' has no one Responsible in its RACI: name at least one person who does the work"
    ]
    assert len(problems[4]) == 2


def test_cancelled_initiatives_are_not_checked() -> None:
    assert raci_problems(_plan([], [RaciEntry(1, R)], cancelled=(1,))) == {
        2: ["'I2' has no one Accountable in its RACI: name exactly one person who answers for it"]
    }


roles = st.sampled_from([None, A, R, C, INF])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(roles, min_size=4, max_size=4), st.booleans()), max_size=6))
def test_agrees_with_check(rows: list[tuple[list[RaciRole | None], bool]]) -> None:
    racis = [
        [RaciEntry(pid, role) for pid, role in enumerate(cells, start=1) if role is not None]
        for cells, _ in rows
    ]
    cancelled = tuple(n for n, (_, off) in enumerate(rows, start=1) if off)
    plan = _plan(*racis, cancelled=cancelled)
    from_check = [f.message for f in check_plan(plan) if "RACI" in f.message]
    ours = [m for problems in raci_problems(plan).values() for m in problems]
    assert ours == from_check


def test_raci_role_and_committee() -> None:
    plan = sample_plan()
    first = plan.initiatives[0]
    assert raci_role(first, 1) == A
    assert raci_role(first, 999) is None
    names = [p.name for p in steering_committee(plan)]
    assert names == ["Marta Jensen", "Tomás Ruiz", "Elena Novak", "Sam Okafor"]
    assert steering_committee(Plan(Business("B"))) == []


def test_reviews_sorted_by_date_then_entry_order() -> None:
    reviews = [
        Review(date(2026, 5, 1), id=3),
        Review(date(2026, 1, 1), id=2),
        Review(date(2026, 5, 1), id=1),
    ]
    assert [r.id for r in sorted_reviews(reviews)] == [2, 1, 3]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 7, 14), 3, date(2026, 10, 14)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 10, 31), 3, date(2027, 1, 31)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 3, 31), date(2026, 4, 1)),
        (date(2026, 4, 1), date(2026, 7, 1)),
        (date(2026, 9, 30), date(2026, 10, 1)),
        (date(2026, 12, 15), date(2027, 1, 1)),
    ],
)
def test_next_quarter_start(today: date, expected: date) -> None:
    assert next_quarter_start(today) == expected


def test_next_review_three_months_after_the_latest() -> None:
    reviews = [Review(date(2026, 7, 14)), Review(date(2026, 1, 27)), Review(date(2026, 4, 21))]
    assert next_review_date(reviews, date(2026, 8, 1)) == date(2026, 10, 14)
    assert next_review_date(reviews, date(2026, 10, 14)) == date(2026, 10, 14)  # due today
    found = next_review(reviews, date(2026, 8, 1))
    assert found.reason == "three months after the last review on 14 July 2026"


def test_next_review_when_overdue_or_none() -> None:
    reviews = [Review(date(2026, 7, 14))]
    assert next_review_date(reviews, date(2026, 10, 15)) == date(2027, 1, 1)
    assert "more than three months ago" in next_review(reviews, date(2026, 11, 23)).reason
    assert next_review_date([], date(2026, 11, 23)) == date(2027, 1, 1)
    assert next_review_date([], date(2026, 2, 10)) == date(2026, 4, 1)
    assert next_review([], date(2026, 2, 10)).reason.startswith("no review yet")
