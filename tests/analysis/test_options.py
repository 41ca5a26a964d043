"""The year-by-category grid of an option's lines, what typing into a cell means, and options
compared side by side (the sample's server replacement: cloud against on-premises)."""

from __future__ import annotations

from smbplanner.analysis import cashflow
from smbplanner.analysis.figures import option_figures
from smbplanner.analysis.options import (
    beyond_life,
    cell_edit,
    cell_locked,
    compare_options,
    line_grid,
    plain_number,
    trimmed,
    verdict,
)
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, Scenario
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option
from smbplanner.sample import sample_plan

C = CostCategory


def _option() -> Option:
    return Option(
        "Cloud",
        life_years=3,
        costs=[
            CostLine(C.PURCHASE, 100_000, LineKind.RECURRING, 0, 2, 1_000, "Licences", id=1),
            CostLine(C.IMPLEMENTATION, 50_000, LineKind.ONE_OFF, 0, 0, 0, "Set-up", id=2),
            CostLine(C.TRAINING, 10_000, LineKind.ONE_OFF, 1, 1, 0, "Course A", id=3),
            CostLine(C.TRAINING, 5_000, LineKind.ONE_OFF, 1, 1, 0, "Course B", id=4),
            CostLine(C.DECOMMISSIONING, 9_000, LineKind.ONE_OFF, 5, 5, 0, "Beyond", id=5),
        ],
        benefits=[BenefitLine(BenefitCategory.OTHER, 7_000, LineKind.RECURRING, 1, 2, id=6)],
    )


def test_grid_amounts_and_totals_come_from_cashflow() -> None:
    option = _option()
    grid = line_grid(option, "cost")
    assert grid.categories == tuple(CostCategory)
    assert grid.amounts[C.PURCHASE] == [100_000, 110_000, 121_000]
    assert grid.amounts[C.TRAINING] == [0, 15_000, 0]
    assert grid.amounts[C.DECOMMISSIONING] == [0, 0, 0]  # beyond the life: cut
    assert grid.year_totals == cashflow.costs_by_year(option) == [150_000, 125_000, 121_000]
    assert grid.category_totals[C.PURCHASE] == 331_000
    assert grid.total == 396_000 == sum(grid.category_totals.values())
    benefits = line_grid(option, "benefit")
    assert benefits.categories == tuple(BenefitCategory)
    assert benefits.year_totals == [0, 7_000, 7_000]


def test_cells_know_their_lines() -> None:
    grid = line_grid(_option(), "cost")
    assert [line.id for line in grid.lines_at(C.PURCHASE, 2)] == [1]
    assert [line.id for line in grid.lines_at(C.TRAINING, 1)] == [3, 4]
    assert grid.lines_at(C.TRAINING, 0) == ()


def test_locked_cells_say_why() -> None:
    grid = line_grid(_option(), "cost")
    assert cell_locked(grid, C.PURCHASE, 1) == (
        "Purchase & licences in year 1 comes from the recurring line “Licences” "
        "(1,000 a year, years 0–2, +10 % a year). Change that line in the list below."
    )
    assert cell_locked(grid, C.TRAINING, 1) == (
        "Training in year 1 is made of 2 one-off lines. Change them in the list below."
    )
    assert cell_locked(grid, C.IMPLEMENTATION, 0) is None
    assert cell_locked(grid, C.OPERATIONS, 2) is None


def test_cell_edit_adds_updates_deletes_or_refuses() -> None:
    grid = line_grid(_option(), "cost")
    added = cell_edit(grid, C.OPERATIONS, 2, 1_250)
    assert (added.action, added.amount_cents, added.line_ids) == ("add", 1_250, ())
    assert cell_edit(grid, C.OPERATIONS, 2, 0).action == "none"
    updated = cell_edit(grid, C.IMPLEMENTATION, 0, 60_000)
    assert (updated.action, updated.line_ids) == ("update", (2,))
    assert cell_edit(grid, C.IMPLEMENTATION, 0, 50_000).action == "none"
    deleted = cell_edit(grid, C.IMPLEMENTATION, 0, 0)
    assert (deleted.action, deleted.line_ids) == ("delete", (2,))
    refused = cell_edit(grid, C.PURCHASE, 0, 5)
    assert refused.action == "refuse" and "recurring line" in refused.reason
    assert cell_edit(grid, C.PURCHASE, 3, 5).action == "refuse"  # beyond the life


def test_sample_server_options_compared() -> None:
    plan = sample_plan()
    server = next(i for i in plan.initiatives if i.name == "Back-office server replacement")
    comparison = compare_options(server, plan.business)
    cloud, on_prem = comparison.columns
    assert (cloud.name, cloud.chosen, on_prem.chosen) == ("Cloud (SaaS)", True, False)
    for column, option in zip(comparison.columns, server.options, strict=True):
        figures = option_figures(option, plan.business)
        assert column.costs == figures.costs
        assert column.tco_cents == figures.tco_cents == column.cumulative_costs[-1]
        assert column.upfront_cents == figures.costs[0]
        assert column.npv_cents == figures.npv_cents
        assert column.payback_years == figures.payback_years
    # Cloud: 6,400 + 900 + 600 + 4,200 + 1,200 up front; on-premises: 11,800 + 4,800 + 400 + 950
    assert cloud.upfront_cents == 1_330_000
    assert on_prem.upfront_cents == 1_795_000
    assert comparison.years == 5
    assert comparison.verdict == (
        "Cloud (SaaS) costs 4,826 more over 5 years but needs 4,650 less up front than "
        "On-premises server. Cloud (SaaS) has the higher NPV (22,309), 19,208 more than "
        "On-premises server in today's money."
    )


def test_comparison_follows_the_scenario() -> None:
    plan = sample_plan()
    server = next(i for i in plan.initiatives if i.name == "Back-office server replacement")
    pessimistic = compare_options(server, plan.business, Scenario.PESSIMISTIC)
    expected = option_figures(server.options[1], plan.business, Scenario.PESSIMISTIC)
    assert pessimistic.columns[1].tco_cents == expected.tco_cents


def _column_initiative(*options: Option) -> Initiative:
    return Initiative("X", options=list(options))


def test_verdict_wording() -> None:
    business = Business("B")
    assert verdict([]) == "No options yet: add one to cost this initiative."
    one = compare_options(_column_initiative(_option()), business)
    assert one.verdict.startswith("Only one option (Cloud).")
    same = Option("Same", life_years=3, costs=_option().costs, benefits=_option().benefits)
    twin = compare_options(_column_initiative(_option(), same), business)
    assert twin.verdict == (
        "Cloud costs the same as Same over 3 years with the same up-front cost. "
        "Cloud and Same have the same NPV."
    )
    longer = Option("Long", life_years=5, costs=[CostLine(C.PURCHASE, 1_000)])
    three = compare_options(_column_initiative(_option(), longer, same), business)
    assert three.verdict.startswith(
        "Cloud costs 3,950 more over its 3-year life (Long: 5 years) and needs 1,490 more up "
        "front than Long. Cloud costs the same as Same"
    )
    assert three.verdict.endswith(
        "Long has the highest NPV (−10), 3,560 more than Cloud in today's money."
    )


def test_trimmed_numbers() -> None:
    assert trimmed(1.08, 4) == "1.08"
    assert trimmed(3.0, 2) == "3"
    assert trimmed(1.0750001, 4) == "1.075"
    assert plain_number(-0.001, 2) == "0.00"


def test_lines_beyond_the_life_say_which_years_are_not_counted() -> None:
    def line(kind: LineKind, first: int, last: int) -> CostLine:
        return CostLine(C.PURCHASE, 100, kind, first, last)

    assert beyond_life(line(LineKind.RECURRING, 0, 4), 5) is None
    assert beyond_life(line(LineKind.ONE_OFF, 5, 5), 5) == (
        "Not counted in year 5: the option's life is 5 years (years 0–4). "
        "Lengthen the life or change the years."
    )
    assert beyond_life(line(LineKind.RECURRING, 3, 7), 5).startswith("Not counted in years 5–7")
    assert beyond_life(line(LineKind.RECURRING, 6, 8), 5).startswith("Not counted in years 6–8")
