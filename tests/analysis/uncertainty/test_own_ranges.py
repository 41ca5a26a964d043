"""A line's own range, stored on the line (schema version 3), is the range its draws use;
either end left empty takes the plan's scenario factor; JSON carries it both ways."""

from __future__ import annotations

import dataclasses

from smbplanner.analysis.uncertainty.lines import option_lines
from smbplanner.analysis.uncertainty.model import LineRange, default_range, line_ranges
from smbplanner.analysis.uncertainty.ranges import initiative_range
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option, Plan
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.jsonload import dict_to_plan


def _initiative(low: int | None, high: int | None) -> Initiative:
    cost = CostLine(CostCategory.PURCHASE, 1_000_000, LineKind.ONE_OFF, 0, 0, id=1,
                    low_bp=low, high_bp=high)
    benefit = BenefitLine(BenefitCategory.COST_SAVINGS, 400_000, LineKind.RECURRING, 1, 4, id=2)
    option = Option("Only", chosen=True, life_years=5, costs=[cost], benefits=[benefit], id=1)
    return Initiative("Case", options=[option], id=7)


def test_the_lines_own_range_is_used_and_an_empty_end_is_the_plans() -> None:
    business = Business("Ranges Ltd")
    lines = option_lines(_initiative(5_000, None).options[0])
    cost_range, benefit_range = line_ranges(lines, business)
    assert cost_range == LineRange(5_000, 10_000, default_range("cost", business).high_bp)
    assert benefit_range == default_range("benefit", business)


def test_a_wider_own_range_widens_the_npv_range() -> None:
    business = Business("Ranges Ltd")
    plain = initiative_range(_initiative(None, None), business)
    wide = initiative_range(_initiative(5_000, 30_000), business)
    assert plain is not None and wide is not None
    assert wide.p90_cents - wide.p10_cents > plain.p90_cents - plain.p10_cents


def test_json_carries_a_lines_own_range() -> None:
    plan = Plan(business=Business("Ranges Ltd"), initiatives=[_initiative(8_000, 12_500)])
    data = plan_to_dict(plan)
    line = data["initiatives"][0]["options"][0]["costs"][0]
    assert (line["low"], line["high"]) == (0.8, 1.25)
    back = dict_to_plan(data)
    assert back.initiatives[0].options[0].costs[0] == dataclasses.replace(
        plan.initiatives[0].options[0].costs[0])
