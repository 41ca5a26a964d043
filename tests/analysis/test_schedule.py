"""Roadmap scheduling rules: conflicts, snapping, grouping, today's quarter, edit names."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from smbplanner.analysis.schedule import (
    MAX_DURATION,
    NO_GOAL,
    Grouping,
    Span,
    conflicts,
    group_rows,
    move_text,
    plan_conflicts,
    resize_text,
    snap_duration,
    snap_move,
    span_text,
    strongest_goal,
    today_position,
    today_quarter,
    year_quarter,
)
from smbplanner.analysis.timeline import quarter_index, timeline
from smbplanner.domain.enums import InitiativeStatus, Portfolio
from smbplanner.domain.model import Business, Goal, GoalLink, Initiative, Plan
from smbplanner.sample import sample_plan


def _plan(*initiatives: Initiative, goals: list[Goal] | None = None) -> Plan:
    return Plan(Business("B", start_year=2026, horizon_years=3), goals=goals or [],
                initiatives=list(initiatives))


def test_conflict_when_a_dependent_starts_before_its_prerequisite_ends() -> None:
    erp = Span("ERP", quarter_index(2027, 1), quarter_index(2028, 1))  # ends Q4 2027
    crm = Span("CRM", quarter_index(2027, 2), quarter_index(2027, 4), depends_on=(1,))
    assert conflicts({1: erp, 2: crm}) == {2: ["Starts Q2 2027, before 'ERP' ends (Q4 2027)"]}
    # starting in the prerequisite's last quarter is still too early; the next one is fine
    last = Span("CRM", quarter_index(2027, 4), quarter_index(2028, 2), depends_on=(1,))
    assert 2 in conflicts({1: erp, 2: last})
    after = Span("CRM", quarter_index(2028, 1), quarter_index(2028, 2), depends_on=(1,))
    assert conflicts({1: erp, 2: after}) == {}


def test_conflicts_ignore_missing_and_cancelled_prerequisites_and_self() -> None:
    a = Initiative("a", id=1, start_year=2027, duration_quarters=8)
    gone = Initiative("gone", id=2, status=InitiativeStatus.CANCELLED, start_year=2026,
                      duration_quarters=12)
    b = Initiative("b", id=3, start_year=2026, depends_on=[2, 99, 3])
    assert plan_conflicts(timeline(_plan(a, gone, b))) == {}
    b.depends_on = [1, 2]
    assert plan_conflicts(timeline(_plan(a, gone, b))) == {
        3: ["Starts Q1 2026, before 'a' ends (Q4 2028)"]
    }


def test_sample_plan_has_no_conflicts_until_a_bar_moves() -> None:
    plan = sample_plan()
    assert plan_conflicts(timeline(plan)) == {}
    erp = plan.initiative(5)
    assert erp is not None
    erp.start_year, erp.start_quarter = 2026, 3  # before the server (2) and POS (3) end
    found = plan_conflicts(timeline(plan))
    assert len(found[5]) == 2 and found[5][0].startswith("Starts Q3 2026, before 'Back-office")


def test_snapping_rounds_to_quarters_and_keeps_limits() -> None:
    s = quarter_index(2027, 2)
    assert snap_move(s, 0.49, 0, 10_000) == s
    assert snap_move(s, 0.51, 0, 10_000) == s + 1
    assert snap_move(s, -2.6, 0, 10_000) == s - 3
    assert snap_move(s, -50, s - 4, s + 4) == s - 4
    assert snap_move(s, 50, s - 4, s + 4) == s + 4
    assert snap_duration(s, s + 2.4) == 2
    assert snap_duration(s, s + 2.6) == 3
    assert snap_duration(s, s - 5) == 1
    assert snap_duration(s, s + 100) == MAX_DURATION


@given(st.integers(2000 * 4, 2100 * 4 + 3))
def test_year_quarter_inverts_quarter_index(index: int) -> None:
    year, quarter = year_quarter(index)
    assert 1 <= quarter <= 4 and quarter_index(year, quarter) == index


def test_today() -> None:
    assert today_quarter(date(2027, 3, 31)) == quarter_index(2027, 1)
    assert today_quarter(date(2027, 4, 1)) == quarter_index(2027, 2)
    assert today_quarter(date(2026, 12, 31)) == quarter_index(2026, 4)
    assert today_position(date(2026, 11, 23)) == 2026 * 4 + 10 / 3


def test_texts() -> None:
    assert move_text("CRM", quarter_index(2027, 3)) == "Move 'CRM' to Q3 2027"
    assert resize_text("CRM", 6) == "Change duration of 'CRM' to 6 quarters"
    assert resize_text("CRM", 1) == "Change duration of 'CRM' to 1 quarter"
    q = quarter_index(2027, 2)
    assert span_text(q, q + 3) == "Q2 2027 – Q4 2027 (3 quarters)"
    assert span_text(q, q + 1) == "Q2 2027 (1 quarter)"


def _goals() -> list[Goal]:
    return [Goal("Margin", id=1, weight=3), Goal("Customers", id=2, weight=5),
            Goal("Team", id=3, weight=3)]


def test_strongest_goal_by_contribution_then_weight_then_plan_order() -> None:
    plan = _plan(goals=_goals())
    i = Initiative("i", goals=[GoalLink(1, 2), GoalLink(3, 3)])
    assert strongest_goal(i, plan) == 3
    i.goals = [GoalLink(1, 2), GoalLink(2, 2)]
    assert strongest_goal(i, plan) == 2  # same contribution: higher weight
    i.goals = [GoalLink(3, 2), GoalLink(1, 2)]
    assert strongest_goal(i, plan) == 1  # same weight: listed first in the plan
    i.goals = [GoalLink(42, 3)]
    assert strongest_goal(i, plan) is None


def test_grouping_by_portfolio_and_by_goal() -> None:
    a = Initiative("a", id=1, portfolio=Portfolio.CHANGE, goals=[GoalLink(2, 1)])
    b = Initiative("b", id=2, portfolio=Portfolio.RUN, start_year=2027,
                   goals=[GoalLink(2, 1), GoalLink(1, 3)])
    c = Initiative("c", id=3, portfolio=Portfolio.RUN)
    plan = _plan(a, b, c, goals=_goals())
    line = timeline(plan)
    by_portfolio = group_rows(plan, line, Grouping.PORTFOLIO)
    assert [(g.title, [r.initiative.name for r in g.rows]) for g in by_portfolio] == [
        ("Run", ["c", "b"]), ("Change", ["a"])]
    by_goal = group_rows(plan, line, Grouping.GOAL)
    assert [(g.title, [r.initiative.name for r in g.rows]) for g in by_goal] == [
        ("Margin", ["b"]), ("Customers", ["a"]), (NO_GOAL, ["c"])]


def test_every_sample_row_is_in_exactly_one_group() -> None:
    plan = sample_plan()
    line = timeline(plan)
    for by in Grouping:
        names = [r.initiative.name for g in group_rows(plan, line, by) for r in g.rows]
        assert sorted(names) == sorted(r.initiative.name for r in line.rows)


def test_past_due_is_a_planned_end_before_the_date_and_not_done() -> None:
    from datetime import date

    from smbplanner.analysis.schedule import past_due, planned_end
    from smbplanner.domain.enums import InitiativeStatus
    from smbplanner.domain.model import Initiative

    i = Initiative("X", start_year=2026, start_quarter=2, duration_quarters=2,
                   status=InitiativeStatus.IN_PROGRESS)
    assert planned_end(i) == date(2026, 9, 30)
    assert planned_end(Initiative("Y", start_year=2026, start_quarter=4,
                                  duration_quarters=1)) == date(2026, 12, 31)
    assert not past_due(i, date(2026, 9, 30))
    assert past_due(i, date(2026, 10, 1))
    for status in (InitiativeStatus.DONE, InitiativeStatus.CANCELLED):
        i.status = status
        assert not past_due(i, date(2027, 1, 1))
