"""The suggested board position, worked by hand from the rule in ``analysis.suggest``."""

from __future__ import annotations

import pytest

from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.suggest import goal_points, half_step, suggest, suggest_all
from smbplanner.domain.enums import InitiativeStatus, RiskStatus
from smbplanner.domain.model import Business, Goal, GoalLink, Initiative, Plan, Risk
from smbplanner.sample import sample_plan

GOALS = [Goal("Margin", weight=5, id=1), Goal("Team", weight=3, id=2), Goal("Nice", weight=1, id=3)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.2, 1.0), (1.24, 1.0), (1.25, 1.5), (3.33, 3.5), (3.74, 3.5), (3.75, 4.0), (7.0, 5.0)],
)
def test_half_step_rounds_to_the_nearest_half_within_1_to_5(value: float,
                                                              expected: float) -> None:
    assert half_step(value) == expected


def test_docstring_example() -> None:
    # 2×5 + 1×3 = 13 points → 1 + 4·13/15 = 4.47 → 4.5
    # burdens: cost 50/100, duration (4−1)/11, risk 3·4/25 → 5 − 4·1.2527/3 = 3.33 → 3.5
    i = Initiative("CRM", duration_quarters=4, goals=[GoalLink(1, 2), GoalLink(2, 1)],
                   risks=[Risk("slip", likelihood=3, impact=4)])
    s = suggest(i, GOALS, 50_00, 100_00)
    assert s.goal_points == 13
    assert (s.cost_burden, s.risk_burden) == (0.5, 0.48)
    assert s.duration_burden == pytest.approx(3 / 11)
    assert (s.impact, s.feasibility) == (4.5, 3.5)
    assert "13 goal points" in s.reason


def test_no_links_no_cost_one_quarter_no_risk_is_low_impact_and_easy() -> None:
    s = suggest(Initiative("Tidy up", duration_quarters=1), GOALS, 0, 0)
    assert (s.impact, s.feasibility) == (1.0, 5.0)


def test_the_hardest_initiative_scores_feasibility_1_and_points_are_capped() -> None:
    # 3×5 + 3×3 = 24 points, capped at 15 → impact 5; all burdens 1 → 5 − 4 = 1
    i = Initiative("ERP", duration_quarters=16, goals=[GoalLink(1, 3), GoalLink(2, 3)],
                   risks=[Risk("fail", likelihood=5, impact=5)])
    s = suggest(i, GOALS, 900, 900)
    assert s.goal_points == 24
    assert (s.impact, s.feasibility) == (5.0, 1.0)


def test_closed_risks_and_missing_goals_do_not_count() -> None:
    # only the weight-1 goal exists among the links: 2×1 = 2 → 1 + 8/15 = 1.53 → 1.5
    # duration 7 quarters: 6/11; cost 0; closed risk: 0 → 5 − 4·0.5454/3 = 4.27 → 4.5
    i = Initiative("Kiosk", duration_quarters=7, goals=[GoalLink(3, 2), GoalLink(99, 3)],
                   risks=[Risk("old", likelihood=5, impact=5, status=RiskStatus.CLOSED)])
    assert goal_points(i, GOALS) == 2
    s = suggest(i, GOALS, 0, 500)
    assert (s.impact, s.feasibility) == (1.5, 4.5)


def test_suggest_all_uses_the_largest_active_tco_and_skips_cancelled() -> None:
    plan = sample_plan()
    for n, i in enumerate(plan.initiatives, start=1):
        i.id = n
    plan.initiatives[-1].status = InitiativeStatus.CANCELLED
    found = suggest_all(plan)
    assert set(found) == {i.id for i in plan.initiatives[:-1]}
    tcos = {i.id: initiative_figures(i, plan.business).tco_cents for i in plan.initiatives[:-1]}
    largest = max(tcos.values())
    biggest = max(tcos, key=lambda k: tcos[k])
    assert found[biggest].cost_burden == 1.0
    other = next(k for k in tcos if k != biggest)
    assert found[other].cost_burden == pytest.approx(tcos[other] / largest)


def test_empty_plan_has_no_suggestions() -> None:
    assert suggest_all(Plan(Business("Empty"))) == {}
