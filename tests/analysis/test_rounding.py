"""The presentation rule: whole units half away from zero; totals of the rounded parts;
allocation by largest remainder; the TCO table adds up to the printed TCO."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from smbplanner.analysis.figures import option_figures
from smbplanner.analysis.rounding import allocate, foot, whole
from smbplanner.analysis.tco_table import tco_table
from smbplanner.domain.enums import Scenario
from smbplanner.sample import sample_plan


def test_whole_rounds_half_away_from_zero() -> None:
    assert [whole(c) for c in (49, 50, 150, -50, -49, 0, 12_345_650)] == [
        0, 1, 2, -1, 0, 0, 123_457]
    assert whole(2_593_349.4) == 25_933 and whole(2_593_349.6) == 25_934  # an NPV (float)


def test_foot_totals_the_rounded_rows() -> None:
    assert foot([50, 50, 50]) == ([1, 1, 1], 3)  # not whole(150) == 2


@settings(max_examples=30)
@given(st.lists(st.fractions(min_value=0, max_value=10**7), min_size=1, max_size=20))
def test_allocate_adds_up_and_stays_within_a_unit(cents: list[Fraction]) -> None:
    target = whole(int(sum(cents)))
    rows = allocate(cents, target)
    assert sum(rows) == target
    assert all(abs(r - c / 100) < 1 + 1e-9 + len(cents) / 100 for r, c in zip(
        rows, cents, strict=True))


def test_tco_tables_of_the_sample_add_up_to_the_printed_tco() -> None:
    plan = sample_plan()
    for initiative in plan.initiatives:
        option = initiative.chosen_option
        assert option is not None
        for scenario in Scenario:
            table = tco_table(option, plan.business, scenario)
            assert table.total == whole(option_figures(option, plan.business, scenario).tco_cents)
            assert sum(table.row_total(c) for c in table.cells) == table.total
