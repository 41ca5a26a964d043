"""The risk heat map, bands and top risks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smbplanner.analysis.risks import (
    active_risks,
    band,
    cell_risks,
    heat_map,
    top_risks,
)
from smbplanner.domain.enums import InitiativeStatus, RiskStatus
from smbplanner.domain.model import Business, Initiative, Plan, Risk
from smbplanner.sample import sample_plan


def _plan(*initiatives: Initiative) -> Plan:
    return Plan(Business("B"), initiatives=list(initiatives))


def test_band_edges() -> None:
    assert [band(s) for s in (1, 4, 5, 9, 10, 16, 20, 25)] == [
        "low", "low", "medium", "medium", "high", "high", "critical", "critical"
    ]
    for bad in (0, 26, -3):
        with pytest.raises(ValueError):
            band(bad)


def test_heat_map_counts_open_risks_of_active_initiatives() -> None:
    plan = _plan(
        Initiative("A", id=1, risks=[Risk("a1", likelihood=4, impact=2),
                                     Risk("a2", likelihood=4, impact=2),
                                     Risk("a3", likelihood=1, impact=5,
                                          status=RiskStatus.CLOSED)]),
        Initiative("B", id=2, status=InitiativeStatus.DONE, risks=[Risk("b1")]),
        Initiative("C", id=3, status=InitiativeStatus.CANCELLED, risks=[Risk("c1")]),
        Initiative("D", id=4, status=InitiativeStatus.ON_HOLD,
                   risks=[Risk("d1", likelihood=5, impact=5)]),
    )
    grid = heat_map(plan)
    assert grid[3][1] == 2  # likelihood 4, impact 2
    assert grid[4][4] == 1
    assert grid[0][4] == 0  # closed
    assert grid[2][2] == 0  # done and cancelled initiatives do not count
    assert sum(map(sum, grid)) == 3
    assert [e.risk.description for e in cell_risks(plan, 4, 2)] == ["a1", "a2"]
    assert [(e.initiative_name, e.score) for e in top_risks(plan, 2)] == [("D", 25), ("A", 8)]


def test_sample_plan_heat_map() -> None:
    plan = sample_plan()
    grid = heat_map(plan)
    # 18 risks in the sample, one of them closed (staff skills: 3 × 2)
    assert sum(map(sum, grid)) == 17
    assert grid[3][4] == 1  # the ERP's 4 × 5 risk
    assert grid[2][1] == 2  # 3 × 2: MFA and Wi-Fi (the skills one is closed)
    top = top_risks(plan)
    assert [e.score for e in top] == [20, 16, 15, 12, 12]
    assert top[0].initiative_name.startswith("Central ordering")


def test_top_risks_order_ties_by_impact_then_likelihood_then_plan_order() -> None:
    plan = _plan(
        Initiative("A", id=1, risks=[Risk("4x3", likelihood=4, impact=3),
                                     Risk("3x4", likelihood=3, impact=4),
                                     Risk("2x6?", likelihood=2, impact=5)]),
        Initiative("B", id=2, risks=[Risk("3x4 again", likelihood=3, impact=4)]),
    )
    assert [e.risk.description for e in top_risks(plan, 10)] == [
        "3x4", "3x4 again", "4x3", "2x6?"
    ]
    assert top_risks(plan, 0) == []


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5), st.booleans()), max_size=40))
def test_heat_map_total_equals_active_risks(values: list[tuple[int, int, bool]]) -> None:
    risks = [
        Risk(f"r{n}", likelihood=li, impact=im,
             status=RiskStatus.CLOSED if closed else RiskStatus.OPEN)
        for n, (li, im, closed) in enumerate(values)
    ]
    plan = _plan(Initiative("A", id=1, risks=risks))
    grid = heat_map(plan)
    assert sum(map(sum, grid)) == len(active_risks(plan)) == sum(not c for *_, c in values)
    for li in range(1, 6):
        for im in range(1, 6):
            assert grid[li - 1][im - 1] == len(cell_risks(plan, li, im))
