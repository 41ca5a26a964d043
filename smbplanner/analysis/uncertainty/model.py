"""The draw model of one initiative: line ranges, settings, seeds and cache keys.

See ``ranges`` for the method. ``Model`` holds what the draws need, nothing else: the
app's likely NPV, and per uncertain line its width (range × present value) and shape.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from math import gcd

from smbplanner.analysis import finance
from smbplanner.analysis.uncertainty.draws import Method
from smbplanner.analysis.uncertainty.lines import (
    LineFlow,
    LineKey,
    Side,
    discount_weights,
    option_lines,
    signed_pvs,
)
from smbplanner.domain.model import Business, Initiative, Option
from smbplanner.domain.money import BP, bp_to_fraction

#: The fixed seed of every range (with the initiative's id).
SEED = 20_261_205
DRAWS = 10_000


@dataclass(frozen=True)
class LineRange:
    """A line's (low, likely, high) factor in basis points, 0 ≤ low ≤ likely ≤ high."""

    low_bp: int
    likely_bp: int
    high_bp: int

    def __post_init__(self) -> None:
        if not 0 <= self.low_bp <= self.likely_bp <= self.high_bp:
            raise ValueError("a range needs 0 ≤ low ≤ likely ≤ high")


Overrides = Mapping[LineKey, LineRange]


@dataclass(frozen=True)
class RangeSettings:
    draws: int = DRAWS
    method: Method = "pert"
    seed: int = SEED


@dataclass(frozen=True)
class NpvRange:
    """The spread of an NPV over the draws. Money in (fractional) cents."""

    p10_cents: float
    p50_cents: float
    p90_cents: float
    p_positive: float  # the share of draws with NPV > 0
    draws: int


def default_range(side: Side, business: Business) -> LineRange:
    """The plan-wide triple of a cost or benefit line, from the scenario factors (sorted
    around ×1, so a factor the owner set on the "wrong" side widens the range instead)."""
    if side == "cost":
        low, high = business.optimistic_cost_bp, business.pessimistic_cost_bp
    else:
        low, high = business.pessimistic_benefit_bp, business.optimistic_benefit_bp
    return LineRange(min(low, high, BP), BP, max(low, high, BP))


def line_ranges(
    lines: list[LineFlow], business: Business, overrides: Overrides | None = None
) -> list[LineRange]:
    """Each line's range: its override when there is one, else the owner's own range stored
    on the line (either end missing: the plan's), else the plan's default."""
    defaults = {side: default_range(side, business) for side in ("cost", "benefit")}
    found = overrides or {}
    ranges = []
    for line in lines:
        default = defaults[line.side]
        if line.key and line.key in found:
            ranges.append(found[line.key])
        elif line.low_bp is not None or line.high_bp is not None:
            low = default.low_bp if line.low_bp is None else line.low_bp
            high = default.high_bp if line.high_bp is None else line.high_bp
            ranges.append(LineRange(min(low, BP), BP, max(high, BP)))
        else:
            ranges.append(default)
    return ranges


@dataclass(frozen=True)
class Model:
    """What the draws of one initiative need: ``npv = base + offset + Σ q_j · widths[j]``."""

    base: float  # the app's likely NPV, cents
    offset: float  # Σ (low_j − 1) · pv_j over every line
    widths: tuple[float, ...]  # (high_j − low_j) · pv_j for each uncertain line
    shapes: tuple[tuple[int, int], ...]  # (likely − low, high − low) reduced
    seed: tuple[int, ...]


def seed_for(initiative: Initiative, index: int, settings: RangeSettings) -> tuple[int, ...]:
    """The seed of an initiative's draws: its id, else its position in the plan."""
    if initiative.id is not None and initiative.id >= 0:
        return (settings.seed, 1, initiative.id)
    return (settings.seed, 2, index)


def build_model(option: Option, business: Business, seed: tuple[int, ...],
                overrides: Overrides | None = None) -> Model | None:
    """The draw model of an option's lines; None when it has no lines."""
    lines = option_lines(option)
    if not lines:
        return None
    rate = bp_to_fraction(business.discount_rate_bp)
    pvs = signed_pvs(lines, discount_weights(rate, option.life_years))
    life = option.life_years
    flows = [0] * life
    for line in lines:
        for t, cents in enumerate(line.amounts):
            flows[t] += line.sign * cents
    offset = 0.0
    widths: list[float] = []
    shapes: list[tuple[int, int]] = []
    for pv, span in zip(pvs, line_ranges(lines, business, overrides), strict=True):
        offset += (span.low_bp - BP) / BP * pv
        width = span.high_bp - span.low_bp
        if width and pv:
            up = span.likely_bp - span.low_bp
            common = gcd(up, width)
            widths.append(width / BP * pv)
            shapes.append((up // common, width // common))
    return Model(finance.npv(rate, flows), offset, tuple(widths), tuple(shapes), seed)


def option_key(option: Option) -> Hashable:
    """Everything about an option's lines that changes its NPV (not the descriptions)."""
    return (
        option.life_years,
        tuple((c.id, c.category, c.amount_cents, c.kind, c.year_from, c.year_to,
               c.escalation_bp, c.low_bp, c.high_bp) for c in option.costs),
        tuple((b.id, b.category, b.amount_cents, b.kind, b.year_from, b.year_to,
               b.escalation_bp, b.low_bp, b.high_bp) for b in option.benefits),
    )


def business_key(business: Business) -> Hashable:
    return (business.discount_rate_bp, business.optimistic_cost_bp,
            business.pessimistic_cost_bp, business.optimistic_benefit_bp,
            business.pessimistic_benefit_bp)


def overrides_key(option: Option, overrides: Overrides | None) -> Hashable:
    """The overrides that apply to the option's lines, in line order."""
    if not overrides:
        return ()
    keys: list[LineKey | None] = [None if c.id is None else ("cost", c.id) for c in option.costs]
    keys += [None if b.id is None else ("benefit", b.id) for b in option.benefits]
    return tuple(None if k is None else overrides.get(k) for k in keys)
