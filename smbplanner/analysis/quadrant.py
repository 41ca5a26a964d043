"""The impact × feasibility grid (DESIGN section 4, the seed's "Choose your path").

Scores run 1.0–5.0 in half steps, or are missing. Bands: 1–2 low (for feasibility: hard),
2.5–3.5 medium, 4–5 high (easy). A score strictly between 2 and 4 is medium, so the bands
cover every half step exactly. Categories:

- quick win: impact high and feasibility medium or easy
- strategic bet: impact high and feasibility hard
- back burner: everything else that is scored
- unscored: either score missing
"""

from __future__ import annotations

import math

from smbplanner.domain.enums import Quadrant
from smbplanner.domain.model import Initiative

LOW, MEDIUM, HIGH = "low", "medium", "high"


def band(score: float | None) -> str | None:
    """ "low", "medium" or "high" for a score from 1 to 5; None when unscored.

    Raises ValueError for a score that is not a finite number from 1 to 5.
    """
    if score is None:
        return None
    if not math.isfinite(score) or not 1.0 <= score <= 5.0:
        raise ValueError(f"a score must be from 1 to 5, not {score!r}")
    if score <= 2.0:
        return LOW
    if score >= 4.0:
        return HIGH
    return MEDIUM


def quadrant(impact: float | None, feasibility: float | None) -> Quadrant:
    """The grid category for an impact and a feasibility score."""
    impact_band, feasibility_band = band(impact), band(feasibility)
    if impact_band is None or feasibility_band is None:
        return Quadrant.UNSCORED
    if impact_band == HIGH:
        return Quadrant.STRATEGIC_BET if feasibility_band == LOW else Quadrant.QUICK_WIN
    return Quadrant.BACK_BURNER


_KNOWN: dict[tuple[float | None, float | None], Quadrant] = {}


def initiative_quadrant(initiative: Initiative) -> Quadrant:
    """The initiative's grid category (remembered per score pair: a board of 3,000 cards asks
    for it several times per card and refresh, and there are only 81 scored pairs)."""
    key = (initiative.impact, initiative.feasibility)
    found = _KNOWN.get(key)
    if found is None:
        found = quadrant(*key)
        if len(_KNOWN) > 1_000:  # scores off the half steps: keep the memory bounded
            _KNOWN.clear()
        _KNOWN[key] = found
    return found
