"""Phase 2 figures: SWOT board, systems totals and end of life, satisfaction averages."""

from __future__ import annotations

import pytest

from smbplanner.analysis.assessment import (
    DepartmentSatisfaction,
    SystemTotals,
    end_of_life_reason,
    overall_satisfaction,
    past_end_of_life,
    satisfaction_by_department,
    swot_board,
    system_totals,
)
from smbplanner.domain.enums import SwotKind, SystemAction
from smbplanner.domain.model import Feedback, SwotItem, System
from smbplanner.sample import sample_plan


def test_swot_board_keeps_order_and_every_quadrant() -> None:
    items = [
        SwotItem(SwotKind.THREAT, "t1", id=1),
        SwotItem(SwotKind.STRENGTH, "s1", id=2),
        SwotItem(SwotKind.THREAT, "t2", id=3),
    ]
    board = swot_board(items)
    assert list(board) == list(SwotKind)
    assert [i.text for i in board[SwotKind.THREAT]] == ["t1", "t2"]
    assert [i.text for i in board[SwotKind.STRENGTH]] == ["s1"]
    assert board[SwotKind.WEAKNESS] == [] and board[SwotKind.OPPORTUNITY] == []


@pytest.mark.parametrize(
    ("eol", "flagged"), [(None, False), (2025, True), (2026, False), (2027, False)]
)
def test_past_end_of_life_is_before_the_start_year(eol: int | None, flagged: bool) -> None:
    system = System("Server", end_of_life_year=eol)
    assert past_end_of_life(system, 2026) is flagged
    assert (end_of_life_reason(system, 2026) is not None) is flagged


def test_reason_names_the_years_and_asks_for_action_when_kept() -> None:
    kept = System("Server", end_of_life_year=2023, action=SystemAction.KEEP)
    replaced = System("Tills", end_of_life_year=2025, action=SystemAction.REPLACE)
    assert end_of_life_reason(kept, 2026) == (
        "Past end of life: its end-of-life year 2023 is before the plan's start year 2026; "
        "plan to replace or retire it"
    )
    assert end_of_life_reason(replaced, 2026) == (
        "Past end of life: its end-of-life year 2025 is before the plan's start year 2026"
    )


def test_system_totals() -> None:
    systems = [
        System("A", annual_run_cost_cents=100_00, end_of_life_year=2020, action=SystemAction.KEEP),
        System("B", annual_run_cost_cents=250_50, action=SystemAction.REPLACE),
        System("C", annual_run_cost_cents=49_50, end_of_life_year=2019, action=SystemAction.RETIRE),
        System("D", annual_run_cost_cents=7, end_of_life_year=2030, action=SystemAction.INVEST),
    ]
    assert system_totals(systems, 2026) == SystemTotals(
        count=4, run_cost_cents=400_07, past_end_of_life=2, outgoing_run_cost_cents=300_00
    )
    assert system_totals([], 2026) == SystemTotals(0, 0, 0, 0)


def test_sample_plan_totals() -> None:
    plan = sample_plan()
    totals = system_totals(plan.systems, plan.business.start_year)
    # tills 3,600 + accounting 1,440 + M365 2,900 + server 2,400 + spreadsheet 0
    # + Wi-Fi 3,240 + website 900 + ovens 1,800
    assert totals.run_cost_cents == 16_280_00
    assert totals.past_end_of_life == 2  # tills (2025) and the server (2023)
    assert totals.outgoing_run_cost_cents == 6_000_00  # tills, server, spreadsheet: replace


def test_satisfaction_by_department_groups_spelling_variants() -> None:
    feedback = [
        Feedback("Finance", 2),
        Feedback("shops", 4),
        Feedback(" finance ", 3),
        Feedback("Shops", 5),
        Feedback("Shops", 1),
        Feedback("Bakery  production", 4),
    ]
    assert satisfaction_by_department(feedback) == [
        DepartmentSatisfaction("Bakery production", 1, 4.0),
        DepartmentSatisfaction("Finance", 2, 2.5),
        DepartmentSatisfaction("shops", 3, 10 / 3),
    ]
    assert overall_satisfaction(feedback) == pytest.approx(19 / 6)


def test_no_feedback() -> None:
    assert satisfaction_by_department([]) == []
    assert overall_satisfaction([]) is None
