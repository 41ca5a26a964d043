"""The “How is this calculated?” texts, checked by hand against the seed's example: spend
10,000 now, get 5,000 a year back for three years, at 8 %."""

from __future__ import annotations

import pytest

from smbplanner.analysis.figures import option_figures
from smbplanner.analysis.options import compare_options, plain_number
from smbplanner.analysis.workings import (
    FIGURE_KEYS,
    discounted_payback_working,
    figure_working,
    irr_working,
    npv_working,
    payback_working,
    roi_working,
    tco_pv_working,
    tco_working,
    verdict_working,
)
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, Scenario
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option
from smbplanner.domain.numbers import rate, years

BUSINESS = Business("Bakery")  # 8 %, default scenario factors


def _seed(life: int = 4) -> Option:
    return Option(
        "Cloud",
        chosen=True,
        life_years=life,
        costs=[CostLine(CostCategory.PURCHASE, 1_000_000, LineKind.ONE_OFF, 0, 0)],
        benefits=[BenefitLine(BenefitCategory.COST_SAVINGS, 500_000, LineKind.RECURRING, 1, 3)],
    )


def test_roi_is_the_seeds_example() -> None:
    fig = option_figures(_seed(), BUSINESS)
    working = roi_working(fig)
    assert working.one_line() == (
        "ROI = (benefits − TCO) / TCO × 100 = ((15,000 − 10,000) / 10,000) × 100 = 50 %"
    )
    assert "likely scenario" in working.title


def test_roi_without_costs_says_why() -> None:
    option = Option("Free", life_years=2)
    working = roi_working(option_figures(option, BUSINESS))
    assert working.steps == ("cannot be calculated",)
    assert "TCO is 0" in working.notes[0]


def test_tco_sums_each_year_and_names_the_scenario_factor() -> None:
    likely = tco_working(option_figures(_seed(), BUSINESS), BUSINESS)
    assert likely.one_line() == (
        "TCO = Σ costs in each year of the 4-year life = 10,000 + 0 + 0 + 0 = 10,000"
    )
    assert likely.notes == ()
    pessimistic = tco_working(option_figures(_seed(), BUSINESS, Scenario.PESSIMISTIC), BUSINESS)
    assert pessimistic.steps[-1] == "12,500"  # 10,000 × 1.25
    assert "× 1.25" in pessimistic.notes[0]
    assert pessimistic.table[1] == ("0", "12,500")


def test_tco_present_value_discounts_each_year() -> None:
    option = Option(
        "Lease",
        life_years=3,
        costs=[CostLine(CostCategory.OPERATIONS, 108_000, LineKind.RECURRING, 0, 2)],
    )
    fig = option_figures(option, BUSINESS)
    working = tco_pv_working(fig)
    # 1,080 + 1,080/1.08 + 1,080/1.1664 = 1,080 + 1,000 + 925.93 = 3,005.93
    assert working.steps == (
        "1,080 / 1.08⁰ + 1,080 / 1.08¹ + 1,080 / 1.08²",
        "1,080.00 + 1,000.00 + 925.93",
        "3,005.93",
    )
    assert fig.tco_pv_cents == pytest.approx(300_592.59, abs=0.01)


def test_npv_is_written_out_year_by_year() -> None:
    working = npv_working(option_figures(_seed(), BUSINESS))
    # −10,000 + 4,629.63 + 4,286.69 + 3,969.16 = 2,885.48
    assert working.steps == (
        "−10,000 / 1.08⁰ + 5,000 / 1.08¹ + 5,000 / 1.08² + 5,000 / 1.08³",
        "−10,000.00 + 4,629.63 + 4,286.69 + 3,969.16",
        "2,885.48",
    )
    assert working.table[0][0] == "Year"
    assert working.table[2] == ("1", "5,000", "0", "5,000", "0.9259", "4,629.63")
    assert "8 %" in working.notes[0]


def test_irr_states_the_rate_and_checks_npv_is_zero() -> None:
    working = irr_working(option_figures(_seed(), BUSINESS))
    assert working.steps == ("23.38 %",)  # 23.3752 %, see test_figures
    assert working.check.startswith("Check: NPV at 23.38 % = −10,000 / 1.2338⁰ + 5,000 / 1.2338¹")
    assert working.check.endswith("= 0.00 ≈ 0")


def test_irr_when_there_is_none() -> None:
    only_costs = Option("Cost only", life_years=2, costs=_seed().costs)
    working = irr_working(option_figures(only_costs, BUSINESS))
    assert working.steps == ("none",)
    assert "never positive" in working.notes[0]
    gift = Option("Gift", life_years=2, benefits=_seed().benefits)
    assert "no net outlay" in irr_working(option_figures(gift, BUSINESS)).notes[0]


def test_irr_beyond_the_range_is_a_bound_never_a_dash() -> None:
    # −100 then +100,000: NPV is 0 at r = 99,900 %, far above the range
    huge = Option("Huge", life_years=2, costs=[CostLine(CostCategory.PURCHASE, 10_000)],
                  benefits=[BenefitLine(BenefitCategory.OTHER, 10_000_000, LineKind.ONE_OFF,
                                        1, 1)])
    fig = option_figures(huge, BUSINESS)
    assert fig.irr is None and fig.irr_bound == "above"
    assert irr_working(fig).steps == ("more than 1,000 %",)
    assert rate(fig.irr, bound=fig.irr_bound) == "> 1,000\u00a0%"


def test_irr_with_several_roots_names_them() -> None:
    # −100, +230, −132: NPV = 0 at 10 % and 20 %; the one closest to 0 is shown.
    option = Option(
        "Twice",
        life_years=3,
        costs=[
            CostLine(CostCategory.PURCHASE, 10_000, LineKind.ONE_OFF, 0, 0),
            CostLine(CostCategory.DECOMMISSIONING, 13_200, LineKind.ONE_OFF, 2, 2),
        ],
        benefits=[BenefitLine(BenefitCategory.REVENUE, 23_000, LineKind.ONE_OFF, 1, 1)],
    )
    working = irr_working(option_figures(option, BUSINESS))
    assert working.steps == ("10 %",)
    assert "(10 %, 20 %)" in working.notes[1]


def test_payback_shows_cumulative_flows_and_the_interpolation() -> None:
    fig = option_figures(_seed(), BUSINESS)
    working = payback_working(fig)
    # C: −10,000, −5,000, 0 → year 2: (2 − 1) + 5,000 / 5,000 = 2
    assert working.steps == ("(2 − 1) + (5,000 / 5,000)", "2 years")
    assert working.table == (
        ("Year", "Cash flow", "Cumulative"),
        ("0", "−10,000", "−10,000"),
        ("1", "5,000", "−5,000"),
        ("2", "5,000", "0"),
        ("3", "5,000", "5,000"),
    )
    assert fig.payback_years == 2.0


def test_payback_fraction_matches_the_figure() -> None:
    option = _seed()
    option.benefits[0].amount_cents = 400_000  # C: −10,000, −6,000, −2,000, +2,000
    fig = option_figures(option, BUSINESS)
    working = payback_working(fig)
    assert working.steps == ("(3 − 1) + (2,000 / 4,000)", "2.5 years")
    assert fig.payback_years == 2.5


def test_payback_never_and_at_once() -> None:
    short = option_figures(_seed(life=2), BUSINESS)  # −10,000 then +5,000
    never = payback_working(short)
    assert never.steps == ("never, within the option's life",)
    assert "still −5,000 at the end of the 2-year life" in never.notes[0]
    free = Option("Gift", life_years=2, benefits=_seed().benefits)
    assert payback_working(option_figures(free, BUSINESS)).steps == (
        "in year 0 (no net outlay)",)
    assert years(0.0) == "year 0"


def test_discounted_payback() -> None:
    fig = option_figures(_seed(), BUSINESS)
    working = discounted_payback_working(fig)
    # discounted C: −10,000, −5,370.37, −1,083.68, +2,885.48
    # year 3: 2 + 1,083.68 / 3,969.16 = 2.273
    assert working.steps == ("(3 − 1) + (1,083.68 / 3,969.16)", "2.27 years")
    assert working.table[2] == ("1", "5,000", "4,629.63", "−5,370.37")
    assert fig.discounted_payback_years == pytest.approx(2 + 108_367.63 / 396_916.12, abs=1e-6)


def test_every_figure_has_a_working_and_text() -> None:
    fig = option_figures(_seed(), BUSINESS, Scenario.OPTIMISTIC)
    for key in FIGURE_KEYS:
        working = figure_working(key, fig, BUSINESS)
        assert "optimistic scenario" in working.title
        assert working.formula in working.text()
    with pytest.raises(KeyError):
        figure_working("magic", fig, BUSINESS)


def test_locale_formatter_is_used() -> None:
    def german(value: float, decimals: int) -> str:
        text = plain_number(value, decimals)
        return text.replace(",", "_").replace(".", ",").replace("_", ".")

    working = roi_working(option_figures(_seed(), BUSINESS), german)
    assert working.steps[0] == "((15.000 − 10.000) / 10.000) × 100"


def test_verdict_working_lays_out_the_numbers() -> None:
    cheap = Option(
        "On-premises",
        life_years=4,
        costs=[CostLine(CostCategory.PURCHASE, 2_000_000, LineKind.ONE_OFF, 0, 0)],
    )
    initiative = Initiative("Server", options=[_seed(), cheap])
    working = verdict_working(compare_options(initiative, BUSINESS))
    assert working.table[0] == ("", "Cloud", "On-premises")
    assert working.table[2] == ("TCO", "10,000", "20,000")
    assert working.steps == ()
    assert working.details == (
        "TCO difference: 10,000 − 20,000 = −10,000",
        "Up-front difference: 10,000 − 20,000 = −10,000",
    )
    assert working.formula.startswith("Cloud costs 10,000 less over 4 years and needs")
