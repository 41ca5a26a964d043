"""A range for every return: P10 / P50 / P90 NPV and the probability that NPV > 0.

Each cost and benefit line of an initiative's chosen option gets a (low, likely, high)
factor in basis points. Defaults come from the plan's scenario factors: a cost line
(optimistic cost factor, ×1, pessimistic cost factor) — ×0.9 / ×1 / ×1.25 by default — and a
benefit line (pessimistic benefit factor, ×1, optimistic benefit factor) — ×0.75 / ×1 / ×1.15.
``overrides`` (a mapping by ``LineKey``: ("cost", id) or ("benefit", id)) replaces a line's
triple, for the per-line ranges a later schema will store.

Every draw multiplies each line by its own independently drawn factor (PERT by default,
triangular on request; see ``draws``) and takes the NPV of DESIGN §4. NPV is linear in the
lines, so a draw is ``npv_likely + Σ_j (factor_j − 1) · pv_j`` where ``npv_likely`` is the
app's likely NPV (``finance.npv`` on the option's yearly cash flows) and pv_j the line's
signed present value: with no uncertainty every draw *is* the app's NPV, to the cent.

Draws are seeded from ``RangeSettings.seed`` and the initiative's id (its position in the plan
when it has none), so the same plan gives the same figures every time and an edit to one
initiative leaves every other initiative's draws as they were. Lines, and initiatives, are
drawn independently (no correlation). A portfolio's range is that of the sum of its
initiatives' draw vectors — the very draws behind each initiative's own range. The plan's
portfolio counts the initiatives the budget counts as planned spend: not cancelled, not on
hold (``counts_as_planned``); ``portfolio_range`` takes any set, e.g. a decision's ask.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smbplanner.analysis.uncertainty.cache import RangeCache
from smbplanner.analysis.uncertainty.draws import draw_npv, summarise
from smbplanner.analysis.uncertainty.model import (
    LineRange,
    Model,
    NpvRange,
    Overrides,
    RangeSettings,
    build_model,
    business_key,
    default_range,
    line_ranges,
    option_key,
    overrides_key,
    seed_for,
)
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Business, Initiative, Plan

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "LineRange",
    "NpvRange",
    "Overrides",
    "PlanRanges",
    "RangeCache",
    "RangeSettings",
    "counts_as_planned",
    "default_range",
    "initiative_draws",
    "initiative_range",
    "line_ranges",
    "plan_ranges",
    "portfolio_range",
]

DEFAULT_SETTINGS = RangeSettings()


def counts_as_planned(initiative: Initiative) -> bool:
    """Whether the initiative counts in the plan's portfolio: the statuses
    ``analysis.budget`` counts as planned spend (all but cancelled and on hold)."""
    return initiative.status not in (InitiativeStatus.CANCELLED, InitiativeStatus.ON_HOLD)


@dataclass(frozen=True)
class PlanRanges:
    """Every initiative's range (None without an option or lines), in plan order, and the
    portfolio's (None when no counted initiative has lines)."""

    initiatives: list[NpvRange | None]
    portfolio: NpvRange | None


@dataclass
class _Computed:
    key: Hashable
    result: NpvRange
    model: Model
    values: npt.NDArray[np.float64] | None  # None when the result came from the cache


def _draw(model: Model, settings: RangeSettings) -> npt.NDArray[np.float64]:
    return draw_npv(model.base, model.offset, model.widths, model.shapes,
                    method=settings.method, draws=settings.draws, seed=model.seed)


def _summary(values: npt.NDArray[np.float64], settings: RangeSettings) -> NpvRange:
    return NpvRange(*summarise(values), draws=settings.draws)


def _compute(initiative: Initiative, business: Business, index: int,
             overrides: Overrides | None, settings: RangeSettings,
             cache: RangeCache | None) -> _Computed | None:
    option = initiative.chosen_option
    if option is None or not (option.costs or option.benefits):
        return None
    seed = seed_for(initiative, index, settings)
    key = (seed, option_key(option), business_key(business),
           overrides_key(option, overrides), settings)
    if cache is not None and (found := cache.get(key)) is not None:
        return _Computed(key, found[0], found[1], None)
    model = build_model(option, business, seed, overrides)
    if model is None:
        return None
    values = _draw(model, settings)
    result = _summary(values, settings)
    if cache is not None:
        cache.put(key, result, model)
    return _Computed(key, result, model, values)


def initiative_range(initiative: Initiative, business: Business, *,
                     overrides: Overrides | None = None,
                     settings: RangeSettings = DEFAULT_SETTINGS,
                     cache: RangeCache | None = None, index: int = 0) -> NpvRange | None:
    """The NPV range of the initiative's chosen option; None without an option or lines.
    ``index`` (its position in the plan) seeds an initiative that has no id yet."""
    found = _compute(initiative, business, index, overrides, settings, cache)
    return None if found is None else found.result


def initiative_draws(initiative: Initiative, business: Business, *,
                     overrides: Overrides | None = None,
                     settings: RangeSettings = DEFAULT_SETTINGS,
                     cache: RangeCache | None = None,
                     index: int = 0) -> npt.NDArray[np.float64] | None:
    """The NPV draws behind ``initiative_range`` (``settings.draws`` of them, whole cents,
    in draw order); None without an option or lines. With ``cache`` the range is stored as
    ``initiative_range`` stores it, and a stored one's draws are made again from its model
    and seed (the same values), so a histogram and the range beside it draw once."""
    found = _compute(initiative, business, index, overrides, settings, cache)
    if found is None:
        return None
    return found.values if found.values is not None else _draw(found.model, settings)


def _total(members: list[_Computed], settings: RangeSettings,
           cache: RangeCache | None) -> NpvRange | None:
    if not members:
        return None
    import numpy as np

    keys = {m.key: m for m in members}
    if cache is not None and cache.total is not None and cache.portfolio is not None:
        if keys.keys() == cache.members.keys():
            return cache.portfolio
        gone = [k for k in cache.members if k not in keys]
        new = [k for k in keys if k not in cache.members]
        if len(gone) + len(new) < len(keys):
            total = cache.total.copy()
            for k in gone:
                total -= _draw(cache.members[k], settings)
            for k in new:
                m = keys[k]
                total += m.values if m.values is not None else _draw(m.model, settings)
            return _remember(cache, keys, total, settings)
    total = np.zeros(settings.draws)
    for m in members:
        total += m.values if m.values is not None else _draw(m.model, settings)
    return _remember(cache, keys, total, settings)


def _remember(cache: RangeCache | None, keys: dict[Hashable, _Computed],
              total: npt.NDArray[np.float64], settings: RangeSettings) -> NpvRange:
    result = _summary(total, settings)
    if cache is not None:
        cache.members = {k: m.model for k, m in keys.items()}
        cache.total, cache.portfolio = total, result
    return result


def portfolio_range(initiatives: Iterable[Initiative], business: Business, *,
                    overrides: Overrides | None = None,
                    settings: RangeSettings = DEFAULT_SETTINGS,
                    cache: RangeCache | None = None) -> NpvRange | None:
    """The range of the summed NPV of ``initiatives`` (each seeded as on its own; an
    initiative without an id by its position in ``initiatives``); None when none has lines."""
    members = [
        c for index, i in enumerate(initiatives)
        if (c := _compute(i, business, index, overrides, settings, cache)) is not None
    ]
    return _total(members, settings, cache)


def plan_ranges(plan: Plan, *, overrides: Overrides | None = None,
                settings: RangeSettings = DEFAULT_SETTINGS,
                cache: RangeCache | None = None) -> PlanRanges:
    """Every initiative's range and the portfolio's (``counts_as_planned``), drawing each
    initiative once."""
    results: list[NpvRange | None] = []
    members: list[_Computed] = []
    for index, initiative in enumerate(plan.initiatives):
        computed = _compute(initiative, plan.business, index, overrides, settings, cache)
        results.append(None if computed is None else computed.result)
        if computed is not None and counts_as_planned(initiative):
            members.append(computed)
    return PlanRanges(results, _total(members, settings, cache))
