"""An option's lines as year vectors, and their present values under variations.

NPV follows DESIGN section 4: ``npv = Σ_t flow[t] / (1+r)^t`` over t = 0..L−1, year 0 not
discounted. It is linear in every line, so ``npv = Σ_j sign_j · factor_j · pv_j`` where
``pv_j`` is line j's discounted total (cents, unscaled) and ``sign`` is +1 for a benefit, −1
for a cost. Everything in this package builds on that.

**A start delay** of d quarters moves every line — costs and benefits alike — s = d/4 years
later, while the evaluation window stays the option's life counted from the planned start
(the business case's horizon does not move: a late start leaves less of the life to earn in).
Each year's amount is taken as spread evenly over its year, so with s = k + φ (k whole years,
0 ≤ φ < 1) the amount of year t lands (1 − φ) in year t + k and φ in year t + k + 1; whatever
lands in year L or later is dropped. The result is again a yearly cash flow, discounted with
whole-year exponents exactly as DESIGN §4, and the NPV is continuous and piecewise linear in
s (linear between whole years), which makes the break-even slip exact.

**A different life** L' (the tornado's ±1 year): recurring lines that run to the last year of
the life (year L−1 or later) run to the new last year L'−1 (growing at their escalation), and
one-off lines in the last year (typically decommissioning) move to the new last year; other
lines keep their years and anything at or past L' is cut, as everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from smbplanner.analysis import cashflow
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, label
from smbplanner.domain.model import BenefitLine, CostLine, Option

Side = Literal["cost", "benefit"]
#: A line's identity across the plan: cost and benefit lines live in separate tables, so
#: their ids alone may coincide.
LineKey = tuple[Side, int]
_Line = TypeVar("_Line", CostLine, BenefitLine)


def cost_key(line_id: int) -> LineKey:
    """The key of a cost line (for ``overrides``)."""
    return ("cost", line_id)


def benefit_key(line_id: int) -> LineKey:
    """The key of a benefit line (for ``overrides``)."""
    return ("benefit", line_id)


@dataclass(frozen=True)
class LineFlow:
    """One line of an option: its unscaled cents per lifecycle year and its sign."""

    side: Side
    line_id: int | None
    category: CostCategory | BenefitCategory
    label: str
    amounts: tuple[int, ...]
    #: The owner's own range of the line (factors in basis points), None: the plan's.
    low_bp: int | None = None
    high_bp: int | None = None

    @property
    def sign(self) -> int:
        return 1 if self.side == "benefit" else -1

    @property
    def key(self) -> LineKey | None:
        return None if self.line_id is None else (self.side, self.line_id)


def line_label(line: CostLine | BenefitLine, side: Side) -> str:
    """The line's description, else its category and years ("Cost savings, years 1–4")."""
    if line.description.strip():
        return line.description.strip()
    years = (
        f"year {line.year_from}"
        if line.kind == LineKind.ONE_OFF or line.year_to == line.year_from
        else f"years {line.year_from}–{line.year_to}"
    )
    noun = "" if side == "benefit" else " cost"
    return f"{label(line.category)}{noun}, {years}"


def option_lines(option: Option) -> list[LineFlow]:
    """Every cost line, then every benefit line, with its cents per year over the life."""
    life = option.life_years
    flows = [
        LineFlow("cost", c.id, c.category, line_label(c, "cost"),
                 tuple(cashflow.line_amounts(c, life)), c.low_bp, c.high_bp)
        for c in option.costs
    ]
    flows += [
        LineFlow("benefit", b.id, b.category, line_label(b, "benefit"),
                 tuple(cashflow.line_amounts(b, life)), b.low_bp, b.high_bp)
        for b in option.benefits
    ]
    return flows


def discount_weights(rate: float, life: int, delay_quarters: float = 0.0) -> list[float]:
    """What one cent of lifecycle year t (t = 0..life−1) is worth today, after a start
    delay of ``delay_quarters`` (see the module doc): ``(1+r)^−t`` without delay."""
    if rate <= -1.0:
        raise ValueError("rate must be greater than -1")
    if delay_quarters < 0:
        raise ValueError("a delay must not be negative")
    shift = delay_quarters / 4.0
    whole = math.floor(shift)
    part = shift - whole
    base = 1.0 + rate

    def at(year: int) -> float:
        return 0.0 if year >= life else base ** -year

    return [(1.0 - part) * at(t + whole) + (part * at(t + whole + 1) if part else 0.0)
            for t in range(life)]


def delayed_flows(flows: list[float], delay_quarters: float) -> list[float]:
    """The yearly flows after a start delay (same length; spill past the life dropped)."""
    shift = delay_quarters / 4.0
    whole = math.floor(shift)
    part = shift - whole
    out = [0.0] * len(flows)
    for t, value in enumerate(flows):
        for year, share in ((t + whole, 1.0 - part), (t + whole + 1, part)):
            if share and year < len(out):
                out[year] += share * value
    return out


def present_value(amounts: tuple[int, ...] | list[int], weights: list[float]) -> float:
    """Σ amounts[t] · weights[t] (exactly rounded sum)."""
    return math.fsum(a * w for a, w in zip(amounts, weights, strict=True) if a)


def signed_pvs(lines: list[LineFlow], weights: list[float]) -> list[float]:
    """Each line's signed present value: + for benefits, − for costs."""
    return [line.sign * present_value(line.amounts, weights) for line in lines]


def option_with_life(option: Option, life: int) -> Option:
    """The option with life ``life`` (≥ 1); lines that reach the end move with it."""
    if life < 1:
        raise ValueError("life must be at least 1 year")
    last, new_last = option.life_years - 1, life - 1

    def moved(line: _Line) -> _Line:
        if line.kind == LineKind.ONE_OFF and line.year_from == last:
            return replace(line, year_from=new_last, year_to=new_last)
        if line.kind == LineKind.RECURRING and line.year_to >= last:
            return replace(line, year_to=max(new_last, line.year_from))
        return line

    costs = [moved(c) for c in option.costs]
    benefits = [moved(b) for b in option.benefits]
    return replace(option, life_years=life, costs=costs, benefits=benefits)
