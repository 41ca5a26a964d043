"""The dump's ranges (DESIGN section 5): ``figures.initiatives[].range`` and
``figures.portfolio_range``, each ``{"p10", "p50", "p90", "p_positive", "draws"}`` with money
in currency units rounded to cents, the probability to 6 decimals; null for an initiative
without an option or lines, and for a portfolio with no counted initiative that has lines.
"""

from __future__ import annotations

from typing import Any

from smbplanner.analysis.uncertainty.ranges import NpvRange, RangeCache, plan_ranges
from smbplanner.domain.model import Plan
from smbplanner.domain.money import cents_to_units


def _units(cents: float) -> float:
    return cents_to_units(round(cents)) + 0.0  # whole cents; + 0.0 turns -0.0 into 0.0


def range_values(found: NpvRange | None) -> dict[str, Any] | None:
    """One range as JSON values."""
    if found is None:
        return None
    return {
        "p10": _units(found.p10_cents),
        "p50": _units(found.p50_cents),
        "p90": _units(found.p90_cents),
        "p_positive": round(found.p_positive, 6) + 0.0,
        "draws": found.draws,
    }


def add_ranges(figures: dict[str, Any], plan: Plan, cache: RangeCache | None = None) -> None:
    """Add ``range`` to each of ``figures["initiatives"]`` (in plan order) and
    ``figures["portfolio_range"]``."""
    ranges = plan_ranges(plan, cache=cache)
    for entry, found in zip(figures["initiatives"], ranges.initiatives, strict=True):
        entry["range"] = range_values(found)
    figures["portfolio_range"] = range_values(ranges.portfolio)
