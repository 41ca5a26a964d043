"""Filters, per-category totals, the Run / Change balance and the move rules of the board."""

from __future__ import annotations

import pytest

from smbplanner.analysis.board import to_unit
from smbplanner.analysis.board_summary import (
    BoardFilter,
    board_summary,
    clear_text,
    filtered_plan,
    from_unit,
    has_open_high_risk,
    move_text,
    nudge,
    passes,
)
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.portfolio import run_change_split
from smbplanner.domain.enums import (
    CostCategory,
    InitiativeStatus,
    Portfolio,
    Quadrant,
    RiskStatus,
)
from smbplanner.domain.model import (
    Business,
    CostLine,
    GoalLink,
    Initiative,
    Option,
    Plan,
    Risk,
)
from smbplanner.sample import sample_plan


def _option(cents: int) -> list[Option]:
    return [Option("A", chosen=True, costs=[CostLine(CostCategory.PURCHASE, cents)])]


def _plan() -> Plan:
    return Plan(Business("Shop"), initiatives=[
        Initiative("Quick", portfolio=Portfolio.RUN, impact=4.5, feasibility=4.0,
                   options=_option(100_00), goals=[GoalLink(1)], id=1),
        Initiative("Bet", impact=5.0, feasibility=1.5, options=_option(900_00), id=2),
        Initiative("Later", impact=2.0, feasibility=5.0, options=_option(50_00),
                   status=InitiativeStatus.ON_HOLD, id=3),
        Initiative("Open", portfolio=Portfolio.RUN, impact=None, feasibility=3.0, id=4),
        Initiative("Gone", impact=5.0, feasibility=5.0, options=_option(7_00),
                   status=InitiativeStatus.CANCELLED, id=5),
    ])


def test_summary_counts_and_tco_per_category_by_hand() -> None:
    s = board_summary(_plan())
    assert [(c.quadrant, c.count, c.tco_cents) for c in s.categories] == [
        (Quadrant.QUICK_WIN, 1, 100_00),
        (Quadrant.STRATEGIC_BET, 1, 900_00),
        (Quadrant.BACK_BURNER, 1, 50_00),
        (Quadrant.UNSCORED, 1, 0),
    ]
    # run: Quick + Open = 2, 100.00; change: Bet + Later = 2, 950.00; cancelled left out
    b = s.balance
    assert (b.run_count, b.change_count, b.run_tco_cents, b.change_tco_cents) == (
        2, 2, 100_00, 950_00)
    assert s.of(Quadrant.STRATEGIC_BET).count == 1


def test_filters_each_and_together() -> None:
    plan = _plan()
    names = lambda f: [i.name for i in filtered_plan(plan, f).initiatives]  # noqa: E731
    assert names(BoardFilter()) == ["Quick", "Bet", "Later", "Open"]
    assert names(BoardFilter(portfolio=Portfolio.RUN)) == ["Quick", "Open"]
    assert names(BoardFilter(status=InitiativeStatus.ON_HOLD)) == ["Later"]
    assert names(BoardFilter(goal_id=1)) == ["Quick"]
    assert names(BoardFilter(portfolio=Portfolio.CHANGE, goal_id=1)) == []
    assert not passes(plan.initiatives[4], BoardFilter(status=InitiativeStatus.CANCELLED))
    assert BoardFilter(goal_id=1).active and not BoardFilter().active
    s = board_summary(plan, BoardFilter(portfolio=Portfolio.RUN))
    assert [c.count for c in s.categories] == [1, 0, 0, 1]
    assert s.balance.change_count == 0


def test_summary_with_given_figures_equals_the_portfolio_split_on_the_sample() -> None:
    plan = sample_plan()
    computed = board_summary(plan)
    given = board_summary(plan, figures=lambda i, sc: initiative_figures(i, plan.business, sc))
    assert computed == given
    # the board shows initiatives on hold, so its balance counts them (the pack's does not)
    assert computed.balance == run_change_split(plan, include_on_hold=True)
    assert sum(c.count for c in computed.categories) == len(plan.initiatives)


def test_open_high_risk_marker() -> None:
    i = Initiative("X", risks=[Risk("a", likelihood=3, impact=3)])  # 9: medium
    assert not has_open_high_risk(i)
    i.risks.append(Risk("b", likelihood=2, impact=5, status=RiskStatus.CLOSED))  # closed
    assert not has_open_high_risk(i)
    i.risks.append(Risk("c", likelihood=2, impact=5))  # 10: high
    assert has_open_high_risk(i)
    i.status = InitiativeStatus.DONE
    assert not has_open_high_risk(i)


@pytest.mark.parametrize("score", [1.0, 1.5, 2.0, 3.5, 4.5, 5.0])
def test_from_unit_inverts_to_unit(score: float) -> None:
    assert from_unit(to_unit(score)) == score
    assert from_unit(to_unit(score) + 0.04) == score  # within a quarter step


def test_from_unit_clamps_and_snaps() -> None:
    assert from_unit(-0.5) == 1.0 and from_unit(1.7) == 5.0
    assert from_unit(to_unit(3.0) + 0.06) == 3.5  # past the quarter step (1/18 of the axis)


def test_nudge() -> None:
    assert nudge(3.0, 1) == 3.5 and nudge(5.0, 1) == 5.0 and nudge(1.0, -1) == 1.0
    assert nudge(None, 1) is None


def test_move_and_clear_texts() -> None:
    assert move_text(["CRM"], [4.5], [3.0]) == "Move 'CRM' to Quick wins"
    assert move_text(["A", "B"], [4.0, 5.0], [1.0, 2.0]) == "Move 2 cards to Strategic bets"
    assert move_text(["A", "B"], [4.0, 1.0], [4.0, 2.0]) == "Move 2 cards"
    assert move_text(["A"], [3.5], [5.0]) == "Move 'A' to Back burner"
    assert clear_text(["A"]) == "Clear the scores of 'A'"
    assert clear_text(["A", "B", "C"]) == "Clear the scores of 3 cards"
