"""The tornado: how far one initiative's NPV swings when each input moves over its range.

One input moves at a time; everything else stays at its likely value (the "likely" scenario:
each line at its likely factor, ×1 unless an override says otherwise). The inputs:

- each cost category that has lines: all its lines at their low factors, then all at their
  high factors (×0.9 and ×1.25 by default, ``ranges.default_range``);
- each benefit line: at its low and its high factor (×0.75 and ×1.15 by default);
- the start: on time and 1, 2, 3, 4 quarters late (``lines`` module doc: the life's window
  stays, lines move later, what passes its end is dropped);
- the discount rate: 3 percentage points either side (not below 0 %);
- the life: a year shorter (not below 1) and a year longer (``lines.option_with_life``).

Each bar gives the lowest and highest NPV over the input's values (``points`` lists them
all, with the likely value's NPV for the start, rate and life), sorted by swing, largest
first; equal swings keep the order above.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from smbplanner.analysis import finance
from smbplanner.analysis.uncertainty.lines import (
    LineFlow,
    discount_weights,
    option_lines,
    option_with_life,
    signed_pvs,
)
from smbplanner.analysis.uncertainty.model import LineRange, Overrides, line_ranges
from smbplanner.domain.enums import CostCategory, label
from smbplanner.domain.model import Business, Initiative, Option
from smbplanner.domain.money import BP, bp_to_fraction

InputKind = Literal["cost", "benefit", "delay", "rate", "life"]
RATE_STEP_BP = 300
LIFE_STEP = 1
MAX_DELAY_QUARTERS = 4


@dataclass(frozen=True)
class Bar:
    """One input's bar: the lowest and highest NPV (cents) over its values."""

    kind: InputKind
    label: str
    npv_low_cents: float
    npv_high_cents: float
    low_input: str  # the input value that gives npv_low ("×1.25", "4 quarters late")
    high_input: str
    points: tuple[tuple[str, float], ...]  # every value tried and its NPV

    @property
    def swing_cents(self) -> float:
        return self.npv_high_cents - self.npv_low_cents


@dataclass(frozen=True)
class Tornado:
    npv_cents: float  # the likely NPV: where every bar's input is at its likely value
    bars: list[Bar]


def _factor(bp: int) -> str:
    return f"×{bp / BP:.2f}"


def _bar(kind: InputKind, name: str, points: list[tuple[str, float]]) -> Bar:
    low = min(points, key=lambda p: p[1])
    high = max(points, key=lambda p: p[1])
    return Bar(kind, name, low[1], high[1], low[0], high[0], tuple(points))


def _likely_npv(lines: list[LineFlow], spans: list[LineRange], weights: list[float]) -> float:
    pvs = signed_pvs(lines, weights)
    return sum(s.likely_bp / BP * pv for s, pv in zip(spans, pvs, strict=True))


def _factor_points(
    indices: list[int], spans: list[LineRange], pvs: list[float], base: float
) -> list[tuple[str, float]]:
    """NPV with the given lines all at their low, then all at their high factors."""
    points = []
    for end in ("low", "high"):
        bps = {getattr(spans[j], f"{end}_bp") for j in indices}
        text = _factor(bps.pop()) if len(bps) == 1 else f"each line {end}"
        moved = sum((getattr(spans[j], f"{end}_bp") - spans[j].likely_bp) / BP * pvs[j]
                    for j in indices)
        points.append((text, base + moved))
    return points


def tornado(option: Option, business: Business, *, overrides: Overrides | None = None,
            rate_step_bp: int = RATE_STEP_BP, life_step: int = LIFE_STEP,
            max_delay_quarters: int = MAX_DELAY_QUARTERS) -> Tornado:
    """The option's tornado (module doc)."""
    rate_bp = business.discount_rate_bp
    rate = bp_to_fraction(rate_bp)
    lines = option_lines(option)
    spans = line_ranges(lines, business, overrides)
    life = option.life_years
    pvs = signed_pvs(lines, discount_weights(rate, life))
    flows = [0] * life
    for line in lines:
        for t, cents in enumerate(line.amounts):
            flows[t] += line.sign * cents
    # The app's likely NPV, moved by any override whose likely factor is not ×1.
    base = finance.npv(rate, flows) + sum(
        (s.likely_bp - BP) / BP * pv for s, pv in zip(spans, pvs, strict=True)
    )
    bars: list[Bar] = []
    for category in CostCategory:
        indices = [j for j, ln in enumerate(lines) if ln.side == "cost" and ln.category == category]
        if indices:
            bars.append(_bar("cost", f"{label(category)} costs",
                             _factor_points(indices, spans, pvs, base)))
    for j, line in enumerate(lines):
        if line.side == "benefit":
            bars.append(_bar("benefit", line.label, _factor_points([j], spans, pvs, base)))
    delays = [("on time", base)] + [
        (f"{d} quarter{'s' if d > 1 else ''} late",
         _likely_npv(lines, spans, discount_weights(rate, life, d)))
        for d in range(1, max_delay_quarters + 1)
    ]
    bars.append(_bar("delay", f"Start 1–{max_delay_quarters} quarters late", delays))
    rates = sorted({max(rate_bp - rate_step_bp, 0), rate_bp, rate_bp + rate_step_bp})
    bars.append(_bar("rate", "Discount rate", [
        (f"{r / 100:g} %", base if r == rate_bp else
         _likely_npv(lines, spans, discount_weights(bp_to_fraction(r), life)))
        for r in rates
    ]))
    lives = sorted({max(life - life_step, 1), life, life + life_step})
    bars.append(_bar("life", "Life", [
        (f"{n} year{'s' if n > 1 else ''}", base if n == life else _life_npv(
            option, n, business, overrides, rate))
        for n in lives
    ]))
    bars.sort(key=lambda b: -b.swing_cents)  # stable: equal swings keep their order
    return Tornado(base, bars)


def _life_npv(option: Option, life: int, business: Business, overrides: Overrides | None,
              rate: float) -> float:
    lines = option_lines(option_with_life(option, life))
    return _likely_npv(lines, line_ranges(lines, business, overrides),
                       discount_weights(rate, life))


def initiative_tornado(initiative: Initiative, business: Business, *,
                       overrides: Overrides | None = None) -> Tornado | None:
    """The tornado of the initiative's chosen option; None when it has no option."""
    option = initiative.chosen_option
    return None if option is None else tornado(option, business, overrides=overrides)
