from __future__ import annotations

import pytest

from smbplanner.analysis import cashflow, finance
from smbplanner.analysis.uncertainty.lines import (
    delayed_flows,
    discount_weights,
    line_label,
    option_lines,
    option_with_life,
    signed_pvs,
)
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine
from tests.analysis.uncertainty.helpers import simple_option


def test_lines_add_up_to_the_options_years() -> None:
    option = simple_option()
    option.costs.append(CostLine(CostCategory.MAINTENANCE, 5_000, LineKind.RECURRING, 1, 9,
                                 300, id=2))
    lines = option_lines(option)
    costs = [sum(v) for v in zip(*(ln.amounts for ln in lines if ln.side == "cost"),
                                 strict=True)]
    assert costs == cashflow.costs_by_year(option)
    flows = [b - c for b, c in zip(cashflow.benefits_by_year(option), costs, strict=True)]
    pvs = signed_pvs(lines, discount_weights(0.08, option.life_years))
    assert sum(pvs) == pytest.approx(finance.npv(0.08, flows), abs=1e-6)


def test_no_delay_is_the_design_discounting() -> None:
    assert discount_weights(0.1, 3) == [1.0, 1 / 1.1, 1 / 1.1**2]


def test_a_delay_spreads_each_year_over_two_and_drops_what_leaves_the_life() -> None:
    # One quarter late: 3/4 of each year stays, 1/4 moves to the next year; year 2's 1/4 is
    # past the 3-year life.
    assert delayed_flows([-100.0, 40.0, 80.0], 1) == [-75.0, -25.0 + 30.0, 10.0 + 60.0]
    # Four quarters: a whole year; six: a year and a half.
    assert delayed_flows([-100.0, 40.0, 80.0], 4) == [0.0, -100.0, 40.0]
    assert delayed_flows([-100.0, 40.0, 80.0], 6) == [0.0, -50.0, -50.0 + 20.0]


@pytest.mark.parametrize("quarters", [0, 1, 2, 3, 4, 5, 7, 11, 12, 13])
def test_delay_weights_discount_the_delayed_flows(quarters: int) -> None:
    flows = [-1000.0, 300.0, 500.0, 700.0]
    weights = discount_weights(0.08, 4, quarters)
    by_weights = sum(f * w for f, w in zip(flows, weights, strict=True))
    assert by_weights == pytest.approx(finance.npv(0.08, delayed_flows(flows, quarters)))


def test_life_variants_move_the_lines_that_reach_the_end() -> None:
    option = simple_option(life=5)
    option.costs.append(CostLine(CostCategory.DECOMMISSIONING, 7_000, LineKind.ONE_OFF, 4, 4,
                                 id=2))
    option.costs.append(CostLine(CostCategory.TRAINING, 3_000, LineKind.ONE_OFF, 2, 2, id=3))
    longer = option_with_life(option, 6)
    assert longer.life_years == 6
    assert longer.benefits[0].year_to == 5  # ran to the end: still does
    assert (longer.costs[1].year_from, longer.costs[1].year_to) == (5, 5)  # end-of-life cost
    assert longer.costs[2].year_from == 2  # mid-life: stays
    shorter = option_with_life(option, 4)
    assert shorter.benefits[0].year_to == 3 and shorter.costs[1].year_from == 3
    assert option.life_years == 5 and option.benefits[0].year_to == 4  # not changed
    with pytest.raises(ValueError):
        option_with_life(option, 0)


def test_labels() -> None:
    line = BenefitLine(BenefitCategory.COST_SAVINGS, 1, LineKind.RECURRING, 1, 4)
    assert line_label(line, "benefit") == "Cost savings, years 1–4"
    cost = CostLine(CostCategory.TRAINING, 1, LineKind.ONE_OFF, 2, 2)
    assert line_label(cost, "cost") == "Training cost, year 2"
    cost.description = "  Staff course "
    assert line_label(cost, "cost") == "Staff course"
