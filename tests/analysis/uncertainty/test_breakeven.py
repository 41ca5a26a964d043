from __future__ import annotations

import pytest

from smbplanner.analysis import finance
from smbplanner.analysis.uncertainty.breakeven import (
    break_even,
    initiative_break_even,
    slip_quarters,
)
from smbplanner.analysis.uncertainty.lines import delayed_flows
from tests.analysis.uncertainty.helpers import business, initiative, simple_option

RATE = 0.08
ANNUITY = sum(1.08**-t for t in range(1, 5))  # benefits in years 1..4


def test_benefit_fall_and_cost_rise_are_the_closed_forms() -> None:
    found = break_even(simple_option(100_000, 40_000), business())
    benefits, costs = 40_000 * ANNUITY, 100_000
    assert found.npv_cents == pytest.approx(benefits - costs)
    assert found.benefit_fall_pct == pytest.approx(100 * (1 - costs / benefits))
    assert found.cost_rise_pct == pytest.approx(100 * (benefits / costs - 1))
    # At those values NPV is 0 (the flows scaled, discounted by finance.npv).
    fall = found.benefit_fall_pct / 100
    flows = [-100_000] + [40_000 * (1 - fall)] * 4
    assert finance.npv(RATE, flows) == pytest.approx(0, abs=1e-6)
    rise = found.cost_rise_pct / 100
    assert finance.npv(RATE, [-100_000 * (1 + rise)] + [40_000] * 4) == pytest.approx(0, abs=1e-6)
    assert found.sentences() == [
        "Benefits can fall 24 % before this stops paying.",  # 24.52 %: rounded down
        "Costs can rise 32 % before this stops paying.",  # 32.49 %
        "The start can slip 4 quarters before this stops paying.",  # 4.42
    ]


def test_slip_within_a_year_in_closed_form() -> None:
    # −100 in year 0, +150 in year 1, life 2. A slip of s years leaves −100 (1 − s) in year 0,
    # −100 s + 150 (1 − s) in year 1 and drops 150 s. At r = 0: NPV = 50 − 150 s, zero at
    # s = 1/3 (4/3 quarters); at r = 10 %: −110 (1 − s) − 100 s + 150 (1 − s) = 0 at s = 2/7.
    assert slip_quarters([-100.0, 150.0], 0.0) == pytest.approx(4 / 3)
    assert slip_quarters([-100.0, 150.0], 0.1) == pytest.approx(8 / 7)


def test_slip_past_whole_years_gives_npv_zero() -> None:
    found = break_even(simple_option(100_000, 40_000), business())
    quarters = found.slip_quarters
    assert quarters is not None and 4 < quarters < 8
    flows = [-100_000.0] + [40_000.0] * 4
    assert finance.npv(RATE, delayed_flows(flows, quarters)) == pytest.approx(0, abs=1e-6)
    assert finance.npv(RATE, delayed_flows(flows, quarters - 0.01)) > 0
    assert finance.npv(RATE, delayed_flows(flows, quarters + 0.01)) < 0


def test_an_initiative_that_does_not_pay() -> None:
    found = break_even(simple_option(150_000, 40_000), business())
    assert found.benefit_fall_pct is not None and found.benefit_fall_pct < 0
    assert found.slip_quarters == 0.0
    assert found.sentences() == [
        "This does not pay at the likely figures: benefits would have to rise 14 % to break "
        "even.",  # 13.2 %: rounded up
        "This does not pay at the likely figures: costs would have to fall 12 % to break even.",
        "It does not pay even if it starts on time.",
    ]


def test_nothing_to_break_even() -> None:
    free = break_even(simple_option(0, 40_000), business())
    assert (free.benefit_fall_pct, free.cost_rise_pct, free.slip_quarters) == (None, None, None)
    assert free.costs_pv_cents == 0.0
    assert free.sentences() == [
        "It costs nothing, so it pays as long as any benefit remains.",
        "It costs nothing, so it pays as long as any benefit remains.",
        "It keeps paying however late it starts within its 5-year life.",
    ]
    useless = break_even(simple_option(100_000, 0), business())
    assert useless.benefit_sentence() == "With no benefits, this never pays."
    assert initiative_break_even(initiative(None), business()) is None
    assert initiative_break_even(initiative(simple_option()), business()) == break_even(
        simple_option(), business())
