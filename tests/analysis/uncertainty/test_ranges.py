from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.uncertainty.breakeven import break_even
from smbplanner.analysis.uncertainty.draws import draw_npv
from smbplanner.analysis.uncertainty.lines import cost_key, option_lines
from smbplanner.analysis.uncertainty.model import build_model, seed_for
from smbplanner.analysis.uncertainty.ranges import (
    LineRange,
    RangeCache,
    RangeSettings,
    default_range,
    initiative_draws,
    initiative_range,
    line_ranges,
    plan_ranges,
    portfolio_range,
)
from smbplanner.domain.enums import BenefitCategory, CostCategory, InitiativeStatus, LineKind
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option, Plan
from smbplanner.sample import sample_plan
from tests.analysis.uncertainty.helpers import CERTAIN, business, initiative, simple_option
from tests.analysis.uncertainty.test_draws import beta33_cdf, triangular_cdf

CERTAIN_COST = {cost_key(1): LineRange(10_000, 10_000, 10_000)}
METHODS = [RangeSettings(method="pert"), RangeSettings(method="triangular")]


def likely_npv(item: Initiative, plan_business: Business) -> float:
    figures = initiative_figures(item, plan_business)
    assert figures is not None
    return figures.npv_cents


def test_defaults_come_from_the_scenario_factors() -> None:
    b = business()
    assert default_range("cost", b) == LineRange(9_000, 10_000, 12_500)
    assert default_range("benefit", b) == LineRange(7_500, 10_000, 11_500)
    odd = business(optimistic_cost_bp=11_000, pessimistic_cost_bp=10_500)
    assert default_range("cost", odd) == LineRange(10_000, 10_000, 11_000)
    lines = option_lines(simple_option())
    override = {("benefit", 1): LineRange(5_000, 10_000, 20_000)}
    assert line_ranges(lines, b, override) == [default_range("cost", b), override["benefit", 1]]
    with pytest.raises(ValueError):
        LineRange(10_000, 9_000, 12_000)


@pytest.mark.parametrize("settings", METHODS)
def test_one_symmetric_line_has_its_likely_npv_as_median(settings: RangeSettings) -> None:
    b = business()
    item = initiative(simple_option())
    overrides = {**CERTAIN_COST, ("benefit", 1): LineRange(8_000, 10_000, 12_000)}
    found = initiative_range(item, b, overrides=overrides, settings=settings)
    assert found is not None and found.draws == 10_000
    likely = likely_npv(item, b)
    assert found.p50_cents == pytest.approx(likely, rel=0.01)
    assert found.p10_cents < found.p50_cents < found.p90_cents


@pytest.mark.parametrize("settings", METHODS)
def test_without_uncertainty_every_percentile_is_the_apps_npv(settings: RangeSettings) -> None:
    plan = sample_plan()
    plan.business = business(**CERTAIN)
    ranges = plan_ranges(plan, settings=settings)
    checked = 0
    for item, found in zip(plan.initiatives, ranges.initiatives, strict=True):
        figures = initiative_figures(item, plan.business)
        if found is None:
            continue
        assert figures is not None
        cents = round(figures.npv_cents)
        assert found.p10_cents == found.p50_cents == found.p90_cents == cents
        assert found.p_positive == (1.0 if cents > 0 else 0.0)
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("settings,cdf", [
    (RangeSettings(method="pert"), beta33_cdf),
    (RangeSettings(method="triangular"), lambda x: triangular_cdf(x, 0.5)),
])
def test_probability_of_a_positive_npv_from_the_break_even(
    settings: RangeSettings, cdf: Callable[[float], float]
) -> None:
    # Costs are certain, the benefit line's factor is ×0.5 / ×1 / ×1.5: NPV > 0 exactly when
    # the factor exceeds 1 − (the break-even fall), so P = 1 − F((f* − 0.5) / 1.0).
    b = business()
    option = simple_option(cost=100_000, benefit=40_000)
    overrides = {**CERTAIN_COST, ("benefit", 1): LineRange(5_000, 10_000, 15_000)}
    fall = break_even(option, b).benefit_fall_pct
    assert fall is not None and 0 < fall < 50
    threshold = 1 - fall / 100
    expected = 1 - cdf(threshold - 0.5)
    found = initiative_range(initiative(option), b, overrides=overrides, settings=settings)
    assert found is not None
    assert found.p_positive == pytest.approx(expected, abs=0.015)  # 3 standard errors


def test_draws_repeat_and_depend_on_the_seed_and_the_id() -> None:
    b = business()
    first = initiative_range(initiative(simple_option(), 7), b)
    assert first == initiative_range(initiative(simple_option(), 7), b)
    assert first != initiative_range(initiative(simple_option(), 8), b)
    assert first != initiative_range(initiative(simple_option(), 7), b,
                                     settings=RangeSettings(seed=1))
    plan = sample_plan()
    assert plan_ranges(plan) == plan_ranges(sample_plan())


def test_an_initiative_without_an_option_or_lines_has_no_range() -> None:
    b = business()
    assert initiative_range(initiative(None), b) is None
    empty = simple_option()
    empty.costs, empty.benefits = [], []
    assert initiative_range(initiative(empty), b) is None
    assert portfolio_range([initiative(None)], b) is None


def _draws(item: Initiative, b: Business, index: int = 0) -> Any:
    settings = RangeSettings()
    assert item.chosen_option is not None
    model = build_model(item.chosen_option, b, seed_for(item, index, settings))
    assert model is not None
    return draw_npv(model.base, model.offset, model.widths, model.shapes,
                    method="pert", draws=settings.draws, seed=model.seed)


def test_portfolio_sums_the_initiatives_own_draws_and_counts_what_the_budget_counts() -> None:
    b = business()
    items = [
        initiative(simple_option(100_000, 40_000), 1),
        initiative(simple_option(50_000, 30_000), 2, status=InitiativeStatus.IN_PROGRESS),
        initiative(simple_option(80_000, 10_000), 3, status=InitiativeStatus.ON_HOLD),
        initiative(simple_option(80_000, 10_000), 4, status=InitiativeStatus.CANCELLED),
        initiative(None, 5),
    ]
    plan = Plan(b, initiatives=items)
    ranges = plan_ranges(plan)
    total = _draws(items[0], b) + _draws(items[1], b)
    p10, p50, p90 = np.percentile(total, (10, 50, 90))
    assert ranges.portfolio is not None
    assert (ranges.portfolio.p10_cents, ranges.portfolio.p50_cents,
            ranges.portfolio.p90_cents) == (p10, p50, p90)
    assert ranges.portfolio.p_positive == np.count_nonzero(total > 0) / 10_000
    assert ranges.portfolio == portfolio_range(items[:2], b)
    assert ranges.initiatives[2] is not None and ranges.initiatives[4] is None
    assert ranges.initiatives[0] == initiative_range(items[0], b)
    # A single initiative's portfolio is its own range.
    assert portfolio_range(items[:1], b) == ranges.initiatives[0]
    assert plan_ranges(Plan(b, initiatives=items[2:])).portfolio is None


def test_the_cache_answers_repeated_calls_and_an_edit_changes_the_key() -> None:
    plan = sample_plan()
    cache = RangeCache()
    cold = plan_ranges(plan, cache=cache)
    counted = sum(1 for r in cold.initiatives if r is not None)
    assert (cache.hits, cache.misses, len(cache)) == (0, counted, counted)
    assert plan_ranges(plan, cache=cache) == cold
    assert cache.hits == counted and cache.misses == counted
    # An edit: one initiative's line changes; only it is drawn again.
    option = next(i.chosen_option for i in plan.initiatives if i.chosen_option
                  and i.chosen_option.costs)
    assert option is not None
    option.costs[0].amount_cents += 123_456
    edited = plan_ranges(plan, cache=cache)
    assert cache.misses == counted + 1
    assert edited != cold and edited == plan_ranges(plan)  # the same as from scratch
    # The rate moves every initiative.
    plan.business.discount_rate_bp += 100
    assert plan_ranges(plan, cache=cache) == plan_ranges(plan)
    assert cache.misses == 2 * counted + 1


def test_the_draws_behind_a_range_with_and_without_the_cache() -> None:
    plan = sample_plan()
    item = plan.initiatives[1]
    draws = initiative_draws(item, plan.business)
    assert draws is not None and draws.shape == (10_000,)
    assert np.array_equal(draws, _draws(item, plan.business))
    found = initiative_range(item, plan.business)
    assert found is not None
    assert (found.p10_cents, found.p50_cents, found.p90_cents) == tuple(
        np.percentile(draws, (10, 50, 90)))
    assert found.p_positive == np.count_nonzero(draws > 0) / 10_000
    cache = RangeCache()
    assert np.array_equal(initiative_draws(item, plan.business, cache=cache), draws)
    assert initiative_range(item, plan.business, cache=cache) == found  # drawn once
    assert (cache.hits, cache.misses) == (1, 1)
    assert np.array_equal(initiative_draws(item, plan.business, cache=cache), draws)
    assert initiative_draws(initiative(None), plan.business) is None


def test_the_cached_portfolio_follows_added_and_removed_initiatives() -> None:
    plan = sample_plan()
    cache = RangeCache()
    plan_ranges(plan, cache=cache)
    plan.initiatives[0].status = InitiativeStatus.ON_HOLD  # leaves the portfolio
    assert plan_ranges(plan, cache=cache) == plan_ranges(plan)
    plan.initiatives[0].status = InitiativeStatus.APPROVED  # back
    plan.initiatives.append(initiative(simple_option(), 9_999))
    assert plan_ranges(plan, cache=cache) == plan_ranges(plan)
    cache.clear()
    assert len(cache) == 0 and plan_ranges(plan, cache=cache) == plan_ranges(plan)


_lines = st.lists(
    st.tuples(st.booleans(), st.integers(0, 10**9), st.integers(0, 6), st.integers(0, 6),
              st.integers(-500, 1_500)),
    min_size=1, max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_lines, st.integers(1, 7), st.integers(0, 3_000))
def test_without_uncertainty_the_range_is_the_npv_of_any_option(
    lines: list[tuple[bool, int, int, int, int]], life: int, rate_bp: int
) -> None:
    option = Option("Any", chosen=True, life_years=life)
    for n, (is_cost, amount, start, length, escalation) in enumerate(lines):
        kind = LineKind.RECURRING if length else LineKind.ONE_OFF
        end, esc = (start + length, escalation) if length else (start, 0)
        if is_cost:
            option.costs.append(CostLine(CostCategory.OPERATIONS, amount, kind, start, end, esc,
                                         id=n))
        else:
            option.benefits.append(BenefitLine(BenefitCategory.OTHER, amount, kind, start, end,
                                               esc, id=n))
    b = business(rate_bp, **CERTAIN)
    item = initiative(option)
    found = initiative_range(item, b, settings=RangeSettings(draws=50))
    assert found is not None
    cents = float(np.rint(likely_npv(item, b)))
    assert found.p10_cents == found.p50_cents == found.p90_cents == cents
    # With the default ranges the likely NPV lies within the spread of the draws.
    spread = initiative_range(item, business(rate_bp), settings=RangeSettings(draws=200))
    assert spread is not None
    assert spread.p10_cents <= spread.p90_cents
