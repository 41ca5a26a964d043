"""The impact × feasibility grid against a table written from DESIGN section 4."""

from __future__ import annotations

import math

import pytest

from smbplanner.analysis.quadrant import band, initiative_quadrant, quadrant
from smbplanner.domain.enums import Quadrant
from smbplanner.domain.model import Initiative

# "Bands: 1–2 Low/Hard, 2.5–3.5 Medium, 4–5 High/Easy."
BANDS = {
    1.0: "low",
    1.5: "low",
    2.0: "low",
    2.5: "medium",
    3.0: "medium",
    3.5: "medium",
    4.0: "high",
    4.5: "high",
    5.0: "high",
}

# (impact band, feasibility band) → category:
# quick_win: impact High and feasibility Medium or Easy; strategic_bet: impact High and
# feasibility Hard; back_burner: everything else that is scored.
CATEGORY = {
    ("high", "high"): Quadrant.QUICK_WIN,
    ("high", "medium"): Quadrant.QUICK_WIN,
    ("high", "low"): Quadrant.STRATEGIC_BET,
    ("medium", "high"): Quadrant.BACK_BURNER,
    ("medium", "medium"): Quadrant.BACK_BURNER,
    ("medium", "low"): Quadrant.BACK_BURNER,
    ("low", "high"): Quadrant.BACK_BURNER,
    ("low", "medium"): Quadrant.BACK_BURNER,
    ("low", "low"): Quadrant.BACK_BURNER,
}

HALF_STEPS = sorted(BANDS)


@pytest.mark.parametrize("score", HALF_STEPS)
def test_band(score: float) -> None:
    assert band(score) == BANDS[score]
    assert band(int(score)) == BANDS[int(score)]  # whole scores given as int


def test_band_unscored_and_invalid() -> None:
    assert band(None) is None
    for bad in (0.5, 5.5, 0.0, -1.0, math.nan, math.inf):
        with pytest.raises(ValueError):
            band(bad)


@pytest.mark.parametrize("impact", HALF_STEPS)
@pytest.mark.parametrize("feasibility", HALF_STEPS)
def test_every_scored_combination(impact: float, feasibility: float) -> None:
    expected = CATEGORY[(BANDS[impact], BANDS[feasibility])]
    assert quadrant(impact, feasibility) == expected
    initiative = Initiative("X", impact=impact, feasibility=feasibility)
    assert initiative_quadrant(initiative) == expected


@pytest.mark.parametrize("score", [None, *HALF_STEPS])
def test_unscored_when_either_is_missing(score: float | None) -> None:
    assert quadrant(None, score) == Quadrant.UNSCORED
    assert quadrant(score, None) == Quadrant.UNSCORED
    assert initiative_quadrant(Initiative("X", impact=score)) == Quadrant.UNSCORED


def test_seed_examples() -> None:
    assert quadrant(4.5, 4.0) == Quadrant.QUICK_WIN  # high impact, easy
    assert quadrant(4.0, 2.5) == Quadrant.QUICK_WIN  # high impact, medium
    assert quadrant(5.0, 1.5) == Quadrant.STRATEGIC_BET  # high impact, hard
    assert quadrant(3.5, 5.0) == Quadrant.BACK_BURNER  # medium impact, even if easy
