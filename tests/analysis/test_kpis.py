"""KPI progress (hand-worked for increase and decrease KPIs), latest actual, scorecard groups."""

from __future__ import annotations

from datetime import date

import pytest

from smbplanner.analysis.kpis import (
    bar_percent,
    latest,
    measurements_by_date,
    progress,
    progress_of,
    scorecard,
    target_conflict,
)
from smbplanner.domain.enums import KpiDirection, Perspective
from smbplanner.domain.model import Business, Goal, Kpi, Measurement, Plan
from smbplanner.sample import sample_plan

INC, DEC = KpiDirection.INCREASE, KpiDirection.DECREASE


def _kpi(direction: KpiDirection, baseline: float, target: float, *values: float) -> Kpi:
    days = [date(2026, month, 1) for month in range(1, len(values) + 1)]
    return Kpi(
        1,
        "k",
        direction=direction,
        baseline=baseline,
        target=target,
        measurements=[Measurement(d, v) for d, v in zip(days, values, strict=True)],
    )


def test_increase_kpi_progress() -> None:
    # margin 6 % -> 9 %: 3 points to cover; at 6.6 it has covered 0.6 of them = 20 %
    assert progress(_kpi(INC, 6.0, 9.0, 6.1, 6.6)) == pytest.approx(20.0)
    assert progress(_kpi(INC, 6.0, 9.0, 9.0)) == pytest.approx(100.0)
    # beating the target and falling below the baseline are reported honestly
    assert progress(_kpi(INC, 6.0, 9.0, 10.5)) == pytest.approx(150.0)
    assert progress(_kpi(INC, 6.0, 9.0, 5.4)) == pytest.approx(-20.0)
    # from zero: 0 -> 100 % of shop leads, 25 reached = 25 %
    assert progress(_kpi(INC, 0.0, 100.0, 0.0, 25.0)) == pytest.approx(25.0)


def test_decrease_kpi_progresses_as_the_value_falls() -> None:
    # queue 9 -> 4 minutes: 5 minutes to cover; at 7.5 it has covered 1.5 = 30 %
    assert progress(_kpi(DEC, 9.0, 4.0, 8.8, 7.5)) == pytest.approx(30.0)
    # errors 14 -> 5: at 11.2 it has covered 2.8 of 9 = 31.11 %
    assert progress(_kpi(DEC, 14.0, 5.0, 11.2)) == pytest.approx(280 / 9)
    assert progress(_kpi(DEC, 9.0, 4.0, 3.0)) == pytest.approx(120.0)
    assert progress(_kpi(DEC, 9.0, 4.0, 10.0)) == pytest.approx(-20.0)


def test_no_progress_without_a_way_or_a_measurement() -> None:
    assert progress(_kpi(INC, 5.0, 5.0, 7.0)) is None
    assert progress(_kpi(INC, 5.0, 8.0)) is None
    assert progress_of(_kpi(DEC, 3.0, 3.0), 1.0) is None


def test_a_target_against_the_direction_is_flagged_and_direction_still_rules() -> None:
    wrong = _kpi(INC, 10.0, 5.0, 12.0)
    assert target_conflict(wrong) == (
        "The target is below the baseline, but this KPI should increase"
    )
    # the KPI should increase and rose by 2 of a 5-point span
    assert progress(wrong) == pytest.approx(40.0)
    assert target_conflict(_kpi(DEC, 1.0, 2.0)) == (
        "The target is above the baseline, but this KPI should decrease"
    )
    assert target_conflict(_kpi(DEC, 2.0, 1.0)) is None
    assert target_conflict(_kpi(INC, 2.0, 2.0)) is None


def test_latest_is_by_date_not_by_entry_order() -> None:
    kpi = Kpi(
        1,
        "k",
        baseline=0,
        target=10,
        measurements=[
            Measurement(date(2026, 6, 30), 5.0, id=1),
            Measurement(date(2026, 3, 31), 2.0, id=2),  # entered late, older
            Measurement(date(2026, 6, 30), 6.0, id=3),  # same day, entered last
        ],
    )
    assert [m.id for m in measurements_by_date(kpi)] == [2, 1, 3]
    last = latest(kpi)
    assert last is not None and last.value == 6.0
    assert progress(kpi) == pytest.approx(60.0)
    assert latest(Kpi(1, "none")) is None


def test_bar_percent_clamps() -> None:
    assert [bar_percent(v) for v in (None, -20.0, 0.0, 31.4, 99.6, 150.0)] == [
        0,
        0,
        0,
        31,
        100,
        100,
    ]


def test_scorecard_groups_by_perspective_then_goal() -> None:
    plan = Plan(
        Business("Clinic"),
        goals=[
            Goal("Patients come back", perspective=Perspective.CUSTOMER, id=1),
            Goal("Margin", perspective=Perspective.FINANCIAL, id=2),
            Goal("Fewer no-shows", perspective=Perspective.CUSTOMER, id=3),
        ],
        kpis=[
            Kpi(3, "No-show rate", direction=DEC, baseline=10, target=5, id=1),
            Kpi(
                1,
                "Repeat visits",
                baseline=40,
                target=60,
                id=2,
                measurements=[Measurement(date(2026, 3, 1), 45.0)],
            ),
            Kpi(3, "Reminders sent", id=3),
            Kpi(99, "Orphan", id=4),
        ],
    )
    cards = scorecard(plan)
    assert [c.perspective for c in cards] == list(Perspective)
    financial, customer, internal, learning = cards
    assert [g.goal.id for g in financial.goals] == [2]
    assert financial.goals[0].kpis == []
    assert [g.goal.id for g in customer.goals] == [1, 3]
    assert [k.kpi.id for k in customer.goals[1].kpis] == [1, 3]
    repeat = customer.goals[0].kpis[0]
    assert repeat.latest is not None and repeat.latest.value == 45.0
    assert repeat.progress == pytest.approx(25.0)
    assert customer.goals[1].kpis[0].progress is None
    assert internal.goals == [] and learning.goals == []


def test_sample_scorecard() -> None:
    cards = scorecard(sample_plan())
    names = {c.perspective: [k.kpi.name for g in c.goals for k in g.kpis] for c in cards}
    assert names[Perspective.CUSTOMER] == [
        "Sales from pre-orders and repeat café accounts",
        "Average Saturday queue time",
    ]
    queue = cards[1].goals[0].kpis[1]
    assert queue.progress == pytest.approx(30.0)
    assert sum(len(names[p]) for p in Perspective) == 6


def test_empty_plan() -> None:
    cards = scorecard(Plan(Business("Empty")))
    assert len(cards) == 4 and all(c.goals == [] for c in cards)
