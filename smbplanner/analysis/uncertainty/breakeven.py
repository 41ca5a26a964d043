"""Break-even: how far benefits can fall, costs rise or the start slip before NPV is 0.

At the likely figures (each line at its likely factor, ×1 unless overridden), with B the
present value of the benefits and C that of the costs (NPV = B − C), exactly:

- benefits may fall by ``x = 1 − C/B`` (every benefit line × (1 − x) gives NPV 0);
- costs may rise by ``y = B/C − 1``;
- the start may slip by the smallest s where NPV(s) crosses 0 into a loss, NPV(s) being the
  NPV after a start delay of s (``lines`` module doc). NPV(s) is linear between whole years,
  so s is found from the NPVs at whole years and one linear step.

A negative fall or rise means the initiative does not pay at the likely figures: benefits
would have to *rise* (costs *fall*) by that much. The fall and the rise are None when there
is nothing to break even (no benefits, or no costs); the slip is 0 when NPV ≤ 0 on time and
None when no slip makes it a loss (a slip that pushes every flow past the life leaves NPV 0).

Sentences round in the safe direction: what may happen is rounded down ("benefits can fall
38 %" when the exact value is 38.9 %), what must happen is rounded up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from smbplanner.analysis.uncertainty.lines import discount_weights, option_lines, signed_pvs
from smbplanner.analysis.uncertainty.model import Overrides, line_ranges
from smbplanner.domain.model import Business, Initiative, Option
from smbplanner.domain.money import BP, bp_to_fraction


@dataclass(frozen=True)
class BreakEven:
    """Break-even values of one option at the likely figures (module doc)."""

    npv_cents: float
    benefits_pv_cents: float
    costs_pv_cents: float
    life_years: int
    benefit_fall_pct: float | None
    cost_rise_pct: float | None
    slip_quarters: float | None

    def sentences(self) -> list[str]:
        """The three results in plain words: benefits, costs, start."""
        return [self.benefit_sentence(), self.cost_sentence(), self.slip_sentence()]

    def _missing(self) -> str:
        if self.benefits_pv_cents <= 0 and self.costs_pv_cents <= 0:
            return "It has neither costs nor benefits."
        if self.benefits_pv_cents <= 0:
            return "With no benefits, this never pays."
        return "It costs nothing, so it pays as long as any benefit remains."

    def benefit_sentence(self) -> str:
        x = self.benefit_fall_pct
        if x is None:
            return self._missing()
        if x > 0:
            return f"Benefits can fall {_down(x)} before this stops paying."
        if x == 0:
            return "This just breaks even: any fall in benefits and it stops paying."
        return (f"This does not pay at the likely figures: benefits would have to rise "
                f"{_up(-x)} to break even.")

    def cost_sentence(self) -> str:
        y = self.cost_rise_pct
        if y is None:
            return self._missing()
        if y > 0:
            return f"Costs can rise {_down(y)} before this stops paying."
        if y == 0:
            return "This just breaks even: any rise in costs and it stops paying."
        return (f"This does not pay at the likely figures: costs would have to fall "
                f"{_up(-y)} to break even.")

    def slip_sentence(self) -> str:
        q = self.slip_quarters
        life = f"{self.life_years}-year life"
        if q is None:
            return f"It keeps paying however late it starts within its {life}."
        if q == 0:
            return "It does not pay even if it starts on time."
        whole = math.floor(q)
        if whole == 0:
            return "A start even one quarter late and this stops paying."
        plural = "s" if whole > 1 else ""
        return f"The start can slip {whole} quarter{plural} before this stops paying."


def _down(pct: float) -> str:
    whole = math.floor(pct + 1e-9)
    return "less than 1 %" if whole == 0 else f"{whole} %"


def _up(pct: float) -> str:
    return f"{math.ceil(pct - 1e-9)} %"


def slip_quarters(flows: list[float], rate: float) -> float | None:
    """The start slip, in quarters, at which the NPV of ``flows`` (yearly, the life's length)
    first crosses 0 into a loss; 0 when it is ≤ 0 on time; None when it never turns negative
    (a slip that only pushes everything out of the life leaves NPV 0, not a loss)."""
    life = len(flows)

    def npv_at(years: int) -> float:
        return math.fsum(f * w for f, w in zip(flows, discount_weights(rate, life, 4 * years),
                                              strict=True))

    previous = npv_at(0)
    if previous <= 0:
        return 0.0
    for k in range(life):
        current = npv_at(k + 1)
        if current < 0:  # crosses 0 in (k, k + 1], where NPV is linear
            return 4.0 * (k + previous / (previous - current))
        previous = current
    return None


def break_even(option: Option, business: Business, *,
               overrides: Overrides | None = None) -> BreakEven:
    """The option's break-even values (module doc)."""
    rate = bp_to_fraction(business.discount_rate_bp)
    lines = option_lines(option)
    spans = line_ranges(lines, business, overrides)
    life = option.life_years
    pvs = signed_pvs(lines, discount_weights(rate, life))
    benefits = math.fsum(s.likely_bp / BP * pv for s, pv, ln in zip(spans, pvs, lines,
                                                                     strict=True)
                         if ln.side == "benefit")
    costs = 0.0 - math.fsum(s.likely_bp / BP * pv for s, pv, ln in zip(spans, pvs, lines,
                                                                   strict=True)
                       if ln.side == "cost")
    flows = [0.0] * life
    for line, span in zip(lines, spans, strict=True):
        for t, cents in enumerate(line.amounts):
            flows[t] += line.sign * span.likely_bp / BP * cents
    has_both = benefits > 0 and costs > 0
    return BreakEven(
        npv_cents=benefits - costs,
        benefits_pv_cents=benefits,
        costs_pv_cents=costs,
        life_years=life,
        benefit_fall_pct=100.0 * (1.0 - costs / benefits) if has_both else None,
        cost_rise_pct=100.0 * (benefits / costs - 1.0) if has_both else None,
        slip_quarters=slip_quarters(flows, rate),
    )


def initiative_break_even(initiative: Initiative, business: Business, *,
                          overrides: Overrides | None = None) -> BreakEven | None:
    """The break-even values of the initiative's chosen option; None without an option."""
    option = initiative.chosen_option
    return None if option is None else break_even(option, business, overrides=overrides)
