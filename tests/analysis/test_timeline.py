"""The roadmap's layout: rows, year range, page splits, arrows and off-page prerequisites."""

from __future__ import annotations

import pytest

from smbplanner.analysis.timeline import (
    paginate,
    quarter_index,
    quarter_label,
    timeline,
)
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Business, Initiative, Milestone, Plan
from smbplanner.sample import large_plan, sample_plan


def _plan(*initiatives: Initiative, start: int = 2026, horizon: int = 3) -> Plan:
    return Plan(Business("B", start_year=start, horizon_years=horizon),
                initiatives=list(initiatives))


def test_quarters() -> None:
    assert quarter_index(2026, 1) == 2026 * 4
    assert quarter_label(quarter_index(2027, 3)) == "Q3 2027"


def test_rows_are_ordered_by_start_then_end_then_plan_order_without_cancelled() -> None:
    a = Initiative("a", id=1, start_year=2027, start_quarter=1, duration_quarters=2)
    b = Initiative("b", id=2, start_year=2026, start_quarter=3, duration_quarters=8)
    c = Initiative("c", id=3, start_year=2026, start_quarter=3, duration_quarters=2)
    d = Initiative("d", id=4, status=InitiativeStatus.CANCELLED)
    e = Initiative("e", id=5, start_year=2027, start_quarter=1, duration_quarters=2)
    line = timeline(_plan(a, b, c, d, e))
    assert [r.initiative.name for r in line.rows] == ["c", "b", "a", "e"]
    row = line.rows[1]
    assert (row.start, row.end) == (quarter_index(2026, 3), quarter_index(2028, 3))


def test_year_range_covers_the_horizon_and_every_bar_and_milestone() -> None:
    early = Initiative("early", id=1, start_year=2024, start_quarter=4, duration_quarters=1)
    late = Initiative("late", id=2, start_year=2028, start_quarter=4, duration_quarters=2,
                      milestones=[Milestone("m", 2031, 2)])
    line = timeline(_plan(early, late))
    assert (line.first_year, line.last_year) == (2024, 2031)
    assert timeline(_plan()).first_year == 2026 and timeline(_plan()).last_year == 2028


def test_zero_duration_still_gets_a_quarter() -> None:
    row = timeline(_plan(Initiative("x", id=1, duration_quarters=0))).rows[0]
    assert row.end == row.start + 1


def test_pages_cut_whole_years_evenly_and_rows_by_count() -> None:
    plan = _plan(*[Initiative(f"i{n}", id=n, start_year=2026 + n % 10, duration_quarters=3)
                   for n in range(1, 31)], horizon=10)
    pages = paginate(timeline(plan), rows_per_page=7, years_per_page=6)
    # ten years at most six a page: two pages of five, not six and four
    assert sorted({(p.first_year, p.last_year) for p in pages}) == [(2026, 2030), (2031, 2035)]
    for page in pages:
        assert 1 <= len(page.bars) <= 7
        assert page.columns == (page.last_year - page.first_year + 1) * 4
        for bar in page.bars:
            assert bar.end > 0 and bar.start < page.columns  # every bar shown touches the page
    for n in range(1, 31):
        start = 2026 + n % 10
        assert any(p.first_year <= start <= p.last_year and n in {b.initiative.id for b in p.bars}
                   for p in pages)


def test_a_bar_cut_by_the_page_edge_says_so() -> None:
    long = Initiative("long", id=1, start_year=2026, start_quarter=3, duration_quarters=12)
    pages = paginate(timeline(_plan(long, horizon=4)), rows_per_page=10, years_per_page=2)
    first, second = pages
    assert (first.first_year, second.first_year) == (2026, 2028)
    assert first.bars[0].continues_right and not first.bars[0].continues_left
    assert second.bars[0].continues_left and not second.bars[0].continues_right
    assert second.bars[0].start < 0 and second.bars[0].visible_start == 0


def test_arrows_on_the_page_and_prerequisites_elsewhere() -> None:
    a = Initiative("a", id=1, start_year=2026, duration_quarters=2)
    b = Initiative("b", id=2, start_year=2026, start_quarter=3, duration_quarters=2,
                   depends_on=[1, 99])  # 99 does not exist: ignored
    c = Initiative("c", id=3, start_year=2027, duration_quarters=2, depends_on=[1, 2])
    d = Initiative("d", id=4, status=InitiativeStatus.CANCELLED)
    e = Initiative("e", id=5, start_year=2027, start_quarter=2, depends_on=[4])
    pages = paginate(timeline(_plan(a, b, c, d, e)), rows_per_page=2, years_per_page=10)
    assert [[bar.initiative.name for bar in p.bars] for p in pages] == [["a", "b"], ["c", "e"]]
    first, second = pages
    (arrow,) = first.arrows
    assert (arrow.from_row, arrow.to_row) == (0, 1)
    assert (arrow.from_quarter, arrow.to_quarter) == (2, 2)
    assert second.arrows == []
    assert [p.name for p in second.bars[0].waits_for] == ["a", "b"]
    assert second.bars[1].waits_for == []  # a cancelled prerequisite is not shown


def test_milestones_are_placed_in_their_quarter() -> None:
    a = Initiative("a", id=1, start_year=2026, milestones=[Milestone("go", 2026, 3),
                                                           Milestone("later", 2031, 1)])
    (page,) = paginate(timeline(_plan(a)), rows_per_page=5, years_per_page=10)
    assert [(m.name, q) for m, q in page.bars[0].milestones] == [("go", 2), ("later", 20)]


def test_bad_page_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        paginate(timeline(sample_plan()), rows_per_page=0, years_per_page=5)


def test_large_plan_every_active_initiative_is_drawn() -> None:
    plan = large_plan()
    line = timeline(plan)
    pages = paginate(line, rows_per_page=23, years_per_page=6)
    drawn = {b.initiative.id for p in pages for b in p.bars}
    active = {i.id for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED}
    assert drawn == active
    assert all(len(p.bars) <= 23 for p in pages)
