"""The current state section: the systems inventory (its run cost footing, the systems past
end of life flagged) and the staff's satisfaction."""

from __future__ import annotations

from smbplanner.analysis.assessment import past_end_of_life
from smbplanner.sample import sample_plan
from tests.report.conftest import Pack
from tests.report.pdftables import lines, number


def test_the_inventory_flags_the_systems_past_end_of_life(sample_pack: Pack) -> None:
    plan = sample_plan()
    at = next(n for n, p in enumerate(sample_pack.pages) if "Systems inventory" in p)
    page = " ".join(sample_pack.pages[at].split())
    for system in plan.systems:
        assert system.name in page
        if past_end_of_life(system, plan.business.start_year):
            assert f"{system.end_of_life_year} — past" in page
    assert "The risk of doing nothing: 2 systems are past their end of life" in page
    assert "Staff satisfaction with IT" in page and "Average 2.5 of 5" in page
    rows = lines(sample_pack.pdf)[at]
    costs = [number(r[-3]) for r in rows if len(r) >= 6 and r[-2] in (
        "Low", "Medium", "High", "Critical")]
    total = next(r for r in rows if r and r[0] == "Total")
    assert len(costs) == len(plan.systems)
    assert sum(c or 0 for c in costs) == number(total[-1]) == 16_280


def test_an_empty_plan_says_the_inventory_is_missing(empty_pack: Pack) -> None:
    assert empty_pack.contains("No current systems recorded yet")
    assert empty_pack.contains("No staff feedback recorded yet.")
