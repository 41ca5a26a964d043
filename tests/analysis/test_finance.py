"""NPV, IRR and payback: hand-worked, Excel's published examples, numpy-financial as oracle."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from smbplanner.analysis.finance import (
    discounted_payback,
    irr,
    irr_bound,
    irr_candidates,
    npv,
    payback,
    payback_holds,
    sign_changes,
)

# --- NPV ------------------------------------------------------------------------------------


def test_npv_hand_worked() -> None:
    # −100 + 110/1.1 = 0
    assert npv(0.1, [-100, 110]) == pytest.approx(0.0, abs=1e-12)
    # −1000 + 500/1.1 + 500/1.21 + 500/1.331 = −1000 + 454.5455 + 413.2231 + 375.6574
    assert npv(0.1, [-1000, 500, 500, 500]) == pytest.approx(243.4259954921, rel=1e-12)
    assert npv(0.0, [1, 2, 3]) == 6.0
    assert npv(0.08, []) == 0.0


def test_npv_matches_excel_with_a_leading_zero() -> None:
    # Excel: NPV(10%, −10000, 3000, 4200, 6800) = 1,188.44 (first value one year out).
    assert npv(0.1, [0, -10_000, 3_000, 4_200, 6_800]) == pytest.approx(1188.44, abs=0.005)


def test_npv_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        npv(-1.0, [1, 2])
    with pytest.raises(ValueError):
        npv(0.1, [1.0, math.nan])


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=-0.9, max_value=2.0),
    st.lists(st.integers(-(10**9), 10**9), min_size=2, max_size=15),
)
def test_npv_agrees_with_numpy_financial(rate: float, flows: list[int]) -> None:
    size = math.fsum(abs(v) / (1 + rate) ** t for t, v in enumerate(flows))
    assert abs(npv(rate, flows) - float(npf.npv(rate, flows))) <= 1e-9 * size + 1e-9


# --- IRR ------------------------------------------------------------------------------------


def test_irr_excel_examples() -> None:
    # Excel's IRR help: −70,000 then 12,000, 15,000, 18,000, 21,000 → −2.1 %;
    # with 26,000 appended → 8.7 %; the first three values → −44.4 %.
    four = [-70_000, 12_000, 15_000, 18_000, 21_000]
    for flows, expected in (
        (four, -0.021),
        ([*four, 26_000], 0.087),
        ([-70_000, 12_000, 15_000], -0.444),
    ):
        result = irr(flows)
        assert result is not None
        assert result == pytest.approx(expected, abs=0.001)
        assert result == pytest.approx(float(npf.irr(flows)), abs=1e-6)
        assert abs(npv(result, flows)) < 1e-6


def test_irr_hand_worked() -> None:
    # −100 + 110/(1+r) = 0 → r = 0.1
    assert irr([-100, 110]) == pytest.approx(0.1, abs=1e-12)
    # −10,000 then 5,000 a year for 3 years: annuity factor 2 → r ≈ 23.375 %
    assert irr([-10_000, 5_000, 5_000, 5_000]) == pytest.approx(0.2337519285, abs=1e-9)
    # numpy-financial's own doc examples
    assert irr([-100, 39, 59, 55, 20]) == pytest.approx(0.28095, abs=1e-5)
    assert irr([-100, 0, 0, 74]) == pytest.approx(-0.0955, abs=1e-4)
    assert irr([-100, 100, 0, -7]) == pytest.approx(-0.0833, abs=1e-4)
    assert irr([-5, 10.5, 1, -8, 1]) == pytest.approx(0.0886, abs=1e-4)


def test_irr_none() -> None:
    assert irr([100, 200]) is None  # never changes sign
    assert irr([-100, -200, 0]) is None
    assert irr([0, 0, 0]) is None
    assert irr([5]) is None
    assert irr([]) is None
    assert irr([-1, 100]) is None  # r = 99, above 10
    assert irr([-1000, 5]) is None  # r = −0.995, below −0.99
    assert irr([-100, 50, -100]) is None  # changes sign, but npv < 0 for every rate


def test_irr_several_roots_picks_the_one_closest_to_zero() -> None:
    # −100 + 230x − 132x² = −(1.1x − 1)(120x − 100): roots x = 1/1.1, 1/1.2, r = 10 %, 20 %
    assert irr_candidates([-100, 230, -132]) == pytest.approx([0.1, 0.2], abs=1e-12)
    assert irr([-100, 230, -132]) == pytest.approx(0.1, abs=1e-12)
    # 3x² − 8x + 4 = (3x − 2)(x − 2): x = 2/3 (r = +50 %) and x = 2 (r = −50 %): a tie
    # broken towards the negative rate (as numpy-financial happens to for these flows).
    assert irr([4, -8, 3]) == pytest.approx(-0.5, abs=1e-12)
    assert irr([4, -8, 3]) == pytest.approx(float(npf.irr([4, -8, 3])), abs=1e-12)
    # (2x − 1)(2x − 5): x = 0.5 (r = 1) and x = 2.5 (r = −0.6) → −0.6 is closer to zero
    flows = _from_roots([(1, 2), (5, 2)])
    assert irr(flows) == pytest.approx(-0.6, abs=1e-12)


def test_irr_multiple_root() -> None:
    # (1 − x)³: a triple root at r = 0. numpy-financial answers −6.6e−6 here (its
    # eigenvalues smear a triple root); the exact answer is 0.
    assert irr([1, -3, 3, -1]) == pytest.approx(0.0, abs=1e-12)
    assert irr([-1, 2, -1]) == pytest.approx(0.0, abs=1e-12)  # touches zero without crossing


def _from_roots(roots: list[tuple[int, int]]) -> list[int]:
    """Integer flows whose npv vanishes at x = a/b, i.e. r = b/a − 1, for each (a, b)."""
    coeffs = [1]
    for a, b in roots:  # multiply by (b·x − a)
        nxt = [0] * (len(coeffs) + 1)
        for t, c in enumerate(coeffs):
            nxt[t] -= a * c
            nxt[t + 1] += b * c
        coeffs = nxt
    return coeffs


def _square_free(flows: list[float]) -> bool:
    """Exactly: has the flows' polynomial (zeros at both ends removed) no repeated root?"""
    coeffs = [Fraction(v) for v in flows]
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    while coeffs and coeffs[0] == 0:
        coeffs.pop(0)
    a = coeffs[::-1]  # highest degree first
    b = [c * (len(a) - 1 - k) for k, c in enumerate(a)][:-1]
    while b and any(b):  # Euclid: gcd(p, p')
        while a and len(a) >= len(b):
            q = a[0] / b[0]
            a = [x - q * y for x, y in zip(a, b + [Fraction(0)] * (len(a) - len(b)), strict=True)]
            a.pop(0)
            while a and a[0] == 0:
                a.pop(0)
        a, b = b, a
    return len(a) <= 1


def _assert_is_root(rate: float, flows: list[float]) -> None:
    assert -0.99 < rate < 10
    size = math.fsum(abs(v) / (1 + rate) ** t for t, v in enumerate(flows))
    assert abs(npv(rate, flows)) <= 1e-9 * size


def _check_against_numpy_financial(flows: list[float]) -> None:
    ours = irr(flows)
    theirs = float(npf.irr(flows))
    if ours is not None:
        _assert_is_root(ours, flows)
    if not (math.isfinite(theirs) and -0.99 + 1e-9 < theirs < 10 - 1e-9):
        return  # (a root exactly on the open range's edge is outside it, up to rounding)
    assert ours is not None
    if _square_free(flows):
        if abs(ours - theirs) > 1e-6:
            # Only an exact tie between r and −r may differ (numpy's choice is then noise).
            assert abs(ours + theirs) <= 1e-6
            assert any(abs(c - theirs) <= 1e-6 for c in irr_candidates(flows))
    else:
        # A repeated root: numpy's eigenvalues may shift it (by ~1e−5 for a triple root) or
        # miss it; ours is the exact root closest to zero.
        assert abs(ours) <= abs(theirs) + 1e-4


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(-(10**9), 10**9), min_size=2, max_size=15))
def test_irr_agrees_with_numpy_financial(flows: list[int]) -> None:
    _check_against_numpy_financial(flows)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-4, 4), min_size=2, max_size=15))
def test_irr_agrees_with_numpy_financial_on_small_values(flows: list[int]) -> None:
    # Small values give many repeated and symmetric roots: the hard cases.
    _check_against_numpy_financial(flows)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-(10**9), 10**9).map(lambda c: c / 100), min_size=2, max_size=10))
def test_irr_agrees_with_numpy_financial_on_floats(flows: list[float]) -> None:
    # Currency units with cents: not exact in binary, so p's coefficients are not integers.
    _check_against_numpy_financial(flows)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 30), st.integers(1, 30)), min_size=1, max_size=5),
    st.sampled_from([[], [1, 0, 1], [5, -2, 1]]),  # optionally a factor without real roots
)
def test_irr_picks_the_known_root_closest_to_zero(
    roots: list[tuple[int, int]], extra: list[int]
) -> None:
    fractions = {Fraction(a, b) for a, b in roots}
    assume(len(fractions) == len(roots))  # distinct roots
    flows = _from_roots(roots)
    if extra:
        product = [0] * (len(flows) + len(extra) - 1)
        for i, c in enumerate(flows):
            for j, d in enumerate(extra):
                product[i + j] += c * d
        flows = product
    rates = [float(Fraction(b, a) - 1) for a, b in roots]
    inside = [r for r in rates if -0.99 < r < 10]
    expected = min(inside, key=lambda r: (abs(r), r)) if inside else None
    result = irr(flows)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1e-9)
    _check_against_numpy_financial(flows)


# --- payback --------------------------------------------------------------------------------


def test_payback_interpolates() -> None:
    # C: −1000, −700, −300, +200 → t = 3: 2 + 300/500 = 2.6
    assert payback([-1000, 300, 400, 500]) == pytest.approx(2.6)
    # C: −100, −50, 0 → t = 2: 1 + 50/50 = 2.0 (reaching exactly zero counts)
    assert payback([-100, 50, 50]) == 2.0
    # C: −100, +20 → t = 1: 0 + 100/120
    assert payback([-100, 120]) == pytest.approx(100 / 120)


def test_payback_edge_cases() -> None:
    assert payback([0, -5, 10]) == 0.0  # C_0 ≥ 0
    assert payback([50, -100]) == 0.0
    assert payback([-1000, 100, 100]) is None  # never recovers
    assert payback([]) is None
    # First crossing counts even when the cumulative flow dips again later.
    assert payback([-10, 20, -100]) == pytest.approx(0.5)


def test_discounted_payback() -> None:
    # At 25 % (exact in binary): 500/1.25 = 400, 625/1.5625 = 400 → C: −800, −400, 0
    # → t = 2: 1 + 400/400 = 2.0
    assert discounted_payback(0.25, [-800, 500, 625]) == 2.0
    # At 10 %, 605/1.21 is 499.99999999999994 in binary floats: the cumulative flow ends a
    # hair below zero, so no payback within these two years.
    assert discounted_payback(0.1, [-1000, 550, 605]) is None
    # 660/1.1 = 600, 726/1.21 = 600 → C: −1000, −400, 200 → 1 + 400/600
    assert discounted_payback(0.1, [-1000, 660, 726]) == pytest.approx(1 + 400 / 600)
    # Undiscounted it pays back within the second year, discounted never.
    assert payback([-1000, 500, 500]) == 2.0
    assert discounted_payback(0.1, [-1000, 500, 500]) is None
    assert discounted_payback(0.0, [-1000, 300, 400, 500]) == pytest.approx(2.6)


def test_irr_beyond_the_range_is_bounded_not_missing() -> None:
    assert irr([-100, 100_000]) is None and irr_bound([-100, 100_000]) == "above"  # 99,900 %
    assert irr([100, -100_000]) is None and irr_bound([100, -100_000]) == "above"
    assert irr_bound([-1000, 5]) == "below"  # r = −99.5 %
    assert irr_bound([-100, 150]) is None  # 50 %: in the range
    assert irr_bound([-100, -5]) is None and irr_bound([5, 5]) is None  # no rate at all
    assert irr_bound([-100, 100_000], None, known=True) == "above"


def test_sign_changes_and_a_payback_that_does_not_hold() -> None:
    assert sign_changes([-1, 0, 2, -3, 4]) == 3 and sign_changes([-5, 1, 1]) == 1
    flows = [-100, 150, -200]  # pays back in year 1, then sinks again
    assert payback(flows) is not None and not payback_holds(flows)
    assert payback_holds([-100, 150, 10])
