"""NPV, IRR and payback on a series of yearly cash flows (DESIGN section 4).

Floats in, floats out; flows are usually integer cents. ``flows[0]`` is year 0 and is not
discounted (numpy-financial's convention). No numpy: IRR works on the polynomial
``p(x) = Σ flows[t]·x^t`` with ``x = 1/(1+r)``. Its real roots in the range matching
r ∈ (−0.99, 10) are isolated between the roots of its derivatives (found the same way,
recursively), then refined to full float precision by Newton steps inside a bracket whose
signs are certain (decided exactly with integers when the float value is within rounding
noise). A root that touches zero without crossing counts too. Among several roots, the one
closest to zero is returned, as numpy-financial's ``irr`` does.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

IRR_LOW = -0.99
IRR_HIGH = 10.0
# x = 1/(1+r): r in (-0.99, 10) <=> x in (1/11, 100).
_X_LOW = 1.0 / (1.0 + IRR_HIGH)
_X_HIGH = 1.0 / (1.0 + IRR_LOW)
_EPS = 2.220446049250313e-16
_TIE = 1e-12
_MAX_STEPS = 2_000  # a safety net: the bracket reaches adjacent floats long before


def _finite(flows: Sequence[float]) -> list[float]:
    values = [float(v) for v in flows]
    if not all(math.isfinite(v) for v in values):
        raise ValueError("cash flows must be finite numbers")
    return values


def npv(rate: float, flows: Sequence[float]) -> float:
    """Σ flows[t] / (1+rate)^t for t = 0..n−1 (year 0 undiscounted)."""
    if rate <= -1.0:
        raise ValueError("rate must be greater than -1")
    base = 1.0 + rate
    return math.fsum(v / base**t for t, v in enumerate(_finite(flows)))


# --- IRR ------------------------------------------------------------------------------------


def _horner(coeffs: list[float], x: float) -> float:
    total = 0.0
    for c in reversed(coeffs):
        total = total * x + c
    return total


class _Poly:
    """Σ exact[t]·x^t with integer coefficients, and its float twin for fast evaluation.

    ``sign`` trusts the float value only when it is clearly larger than its rounding error
    bound, and otherwise decides exactly with integers, so bisection never goes astray.
    """

    def __init__(self, exact: list[int], scale: int = 1) -> None:
        end = len(exact)
        while end and exact[end - 1] == 0:
            end -= 1
        self.exact = exact[:end]
        self.scale = scale  # the float twin is exact / scale (int / int rounds correctly)
        self.coeffs = [c / scale for c in self.exact]
        self.absolute = [abs(c) for c in self.coeffs]
        self.degree = len(self.exact) - 1
        self.noise = 64.0 * (self.degree + 2) * _EPS

    def derivative(self) -> _Poly:
        return _Poly([t * c for t, c in enumerate(self.exact)][1:], self.scale)

    def value(self, x: float) -> float:
        return _horner(self.coeffs, x)

    def magnitude(self, x: float) -> float:
        """Σ |c_t|·x^t (x > 0): the scale against which rounding noise is judged."""
        return _horner(self.absolute, x)

    def sign(self, x: float) -> int:
        value = self.value(x)
        if abs(value) > self.noise * self.magnitude(x):
            return 1 if value > 0 else -1
        n, d = x.as_integer_ratio()  # p(n/d)·d^degree, exactly
        total, power = self.exact[-1], 1
        for c in reversed(self.exact[:-1]):
            power *= d
            total = total * n + c * power
        return (total > 0) - (total < 0)


def _solve(poly: _Poly, slope: _Poly, a: float, b: float, sign_a: int) -> float:
    """The root of p in (a, b), where p changes sign, to full float precision.

    Newton steps inside the bracket, falling back to bisection when a step would leave the
    bracket or fails to halve the previous step (as Numerical Recipes' rtsafe); every
    point's sign is certain, so the bracket always holds the root. Ends when a and b are
    adjacent floats.
    """
    x = 0.5 * (a + b)
    last_step = b - a
    for _ in range(_MAX_STEPS):
        s = poly.sign(x)
        if s == 0:
            return x
        if s == sign_a:
            a = x
        else:
            b = x
        middle = 0.5 * (a + b)
        if middle <= a or middle >= b:
            return middle
        d = slope.value(x)
        step = poly.value(x) / d if d else math.inf
        if abs(step) < 2.0 * math.ulp(x):  # converged from one side: probe just past it
            step = math.copysign(4.0 * math.ulp(x), step)
        nxt = x - step
        if not a < nxt < b or abs(step) > 0.5 * last_step:
            nxt = middle
        last_step = abs(nxt - x)
        x = nxt
    return 0.5 * (a + b)


def _real_roots(poly: _Poly, lo: float, hi: float) -> list[float]:
    """The distinct real roots of the polynomial in (lo, hi), ascending.

    Between consecutive roots of the derivative the polynomial is monotone, so each such
    piece holds at most one root, found by bisection when the signs at its ends differ.
    A derivative root where p is zero up to rounding noise is a touching (multiple) root.
    """
    if poly.degree < 1:
        return []
    if poly.degree == 1:
        root = -poly.coeffs[0] / poly.coeffs[1]
        return [root] if lo < root < hi else []
    slope = poly.derivative()
    points = [lo, *_real_roots(slope, lo, hi), hi]
    signs = [poly.sign(x) for x in points]
    tolerance = 16.0 * (poly.degree + 1) * _EPS
    roots: list[float] = []
    for k in range(1, len(points) - 1):
        if abs(poly.value(points[k])) <= tolerance * poly.magnitude(points[k]):
            signs[k] = 0
            roots.append(points[k])
    for k in range(len(points) - 1):
        if signs[k] * signs[k + 1] < 0:
            roots.append(_solve(poly, slope, points[k], points[k + 1], signs[k]))
    return sorted(roots)


def _integer_coefficients(values: list[float]) -> tuple[list[int], int]:
    """The flows times a common power of two that makes every one an exact integer."""
    ratios = [v.as_integer_ratio() for v in values]
    common = max((d for _, d in ratios), default=1)  # denominators are powers of two
    return [n * (common // d) for n, d in ratios], common


def irr_candidates(flows: Sequence[float]) -> list[float]:
    """Every rate r in (−0.99, 10) with npv(r, flows) = 0, ascending."""
    exact, scale = _integer_coefficients(_finite(flows))
    lead = 0
    while lead < len(exact) and exact[lead] == 0:
        lead += 1  # x^k factors: roots at x = 0, outside the range
    poly = _Poly(exact[lead:], scale)
    rates = [1.0 / x - 1.0 for x in _real_roots(poly, _X_LOW, _X_HIGH)]
    return sorted(r for r in rates if IRR_LOW < r < IRR_HIGH)


def irr(flows: Sequence[float]) -> float | None:
    """The internal rate of return as a fraction, or None when there is none in (−0.99, 10).

    When several rates give npv = 0, the one closest to zero is chosen (numpy-financial's
    rule); on a tie between r and −r (up to 1e-12), the negative one.
    """
    values = _finite(flows)
    if not (any(v > 0 for v in values) and any(v < 0 for v in values)):
        return None
    candidates = irr_candidates(values)
    if not candidates:
        return None
    closest = min(abs(r) for r in candidates)
    # r and −r can only tie up to rounding noise; call that a tie and take the negative.
    return min(r for r in candidates if abs(r) - closest <= _TIE * max(closest, 1.0))


def sign_changes(flows: Sequence[float]) -> int:
    """How many times the flows change sign (zeros skipped)."""
    signs = [v > 0 for v in _finite(flows) if v != 0]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def irr_bound(flows: Sequence[float], found: float | None = None, *, known: bool = False
              ) -> str | None:
    """Where the IRR lies when ``irr`` finds none in the range but a root exists beyond it:
    "above" (a rate over 1,000 %: NPV changes sign between r = 10 and r → ∞) or "below"
    (a rate under −99 %); None when there is a rate in the range, or no rate at all."""
    values = _finite(flows)
    rate = found if known else irr(values)  # known: ``found`` is ``irr(flows)`` already
    if rate is not None or not (any(v > 0 for v in values) and any(v < 0 for v in values)):
        return None
    exact, scale = _integer_coefficients(values)
    nonzero = [c for c in exact if c]
    poly = _Poly(exact, scale)
    first, last = (nonzero[0] > 0) - (nonzero[0] < 0), (nonzero[-1] > 0) - (nonzero[-1] < 0)
    # r → ∞ is x → 0+, where p has the sign of its first non-zero coefficient; r → −1 is
    # x → ∞, the sign of its last.
    if poly.sign(_X_LOW) * first < 0:
        return "above"
    if poly.sign(_X_HIGH) * last < 0:
        return "below"
    return None


def payback_holds(flows: Sequence[float]) -> bool:
    """Whether the cumulative flow, once non-negative, stays so to the end of the life (a
    payback means little when later costs sink it again)."""
    values = _finite(flows)
    cumulative, reached = 0.0, False
    for v in values:
        cumulative += v
        if cumulative >= 0:
            reached = True
        elif reached:
            return False
    return True


# --- payback --------------------------------------------------------------------------------


def payback(flows: Sequence[float]) -> float | None:
    """Years until the cumulative flow C_t turns non-negative, interpolated within the year.

    0 when C_0 ≥ 0; else for the first t with C_t ≥ 0: (t−1) + (−C_{t−1} / flows[t]);
    None when the cumulative flow never turns non-negative.
    """
    values = _finite(flows)
    if not values:
        return None
    cumulative = values[0]
    if cumulative >= 0:
        return 0.0
    for t in range(1, len(values)):
        previous = cumulative
        cumulative += values[t]
        if cumulative >= 0:
            return (t - 1) + (-previous / values[t])
    return None


def discounted_payback(rate: float, flows: Sequence[float]) -> float | None:
    """Payback on the flows discounted at ``rate`` (flows[t] / (1+rate)^t)."""
    if rate <= -1.0:
        raise ValueError("rate must be greater than -1")
    base = 1.0 + rate
    return payback([v / base**t for t, v in enumerate(_finite(flows))])
