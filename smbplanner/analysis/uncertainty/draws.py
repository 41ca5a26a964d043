"""Seeded, vectorised draws of an initiative's NPV (numpy, imported only when drawing).

A line's factor is ``low + (high − low) · q`` where q follows the standard shape of its
distribution on [0, 1]: PERT (Beta with α = 1 + 4·(likely − low)/(high − low),
β = 1 + 4·(high − likely)/(high − low)) or triangular (mode (likely − low)/(high − low)).
A draw of q is one of ``TABLE_SIZE`` equally likely quantiles of the shape, at levels
(i + ½)/TABLE_SIZE, picked by a uniform integer from the generator: one integer and one table
look-up per line and draw, about ten times faster than numpy's Beta sampler, and within
1/65,536 of the true distribution function. PERT quantiles come from the Beta density
integrated numerically on a fine grid (α, β ≥ 1, so the density is bounded); triangular ones
are closed-form. Tables are built once per shape and kept.

``npv = base + offset + q @ widths`` (see ``ranges.Model``), rounded to whole cents, so that
sums of draws across initiatives are exact in float64 (integers below 2^53 cents) and do not
depend on the order of addition.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

Method = Literal["pert", "triangular"]
TABLE_SIZE = 65_536
_GRID = 200_001


@lru_cache(maxsize=256)
def quantile_table(method: Method, up: int, span: int) -> npt.NDArray[np.float64]:
    """The TABLE_SIZE quantiles of the standard shape whose mode is ``up / span``."""
    import numpy as np

    if span <= 0 or not 0 <= up <= span:
        raise ValueError("need 0 ≤ up ≤ span and span > 0")
    levels = (np.arange(TABLE_SIZE, dtype=np.float64) + 0.5) / TABLE_SIZE
    mode = up / span
    if method == "triangular":
        low_part = np.sqrt(levels * mode)
        high_part = 1.0 - np.sqrt((1.0 - levels) * (1.0 - mode))
        table = np.where(levels < mode, low_part, high_part)
    elif method == "pert":
        alpha = 1.0 + 4.0 * mode
        beta = 1.0 + 4.0 * (1.0 - mode)
        x = np.linspace(0.0, 1.0, _GRID)
        density = x ** (alpha - 1.0) * (1.0 - x) ** (beta - 1.0)  # 0 ** 0 is 1
        cdf = np.concatenate(([0.0], np.cumsum((density[1:] + density[:-1]) * 0.5)))
        cdf /= cdf[-1]
        table = np.interp(levels, cdf, x)
    else:
        raise ValueError(f"unknown distribution {method!r}")
    table.setflags(write=False)
    return table


def draw_npv(
    base: float,
    offset: float,
    widths: tuple[float, ...],
    shapes: tuple[tuple[int, int], ...],
    *,
    method: Method,
    draws: int,
    seed: tuple[int, ...],
) -> npt.NDArray[np.float64]:
    """``draws`` NPVs in whole cents: ``base + offset + Σ_j q_j · widths[j]`` with q_j drawn
    from the shape ``shapes[j]`` (= (likely − low, high − low) reduced); seeded by ``seed``."""
    import numpy as np

    if draws < 1:
        raise ValueError("draws must be at least 1")
    constant = base + offset
    if not widths:
        return np.full(draws, float(np.rint(constant)))
    rng = np.random.default_rng(np.random.SeedSequence(list(seed)))
    picks = rng.integers(0, TABLE_SIZE, size=(draws, len(widths)), dtype=np.uint16)
    distinct = sorted(set(shapes))
    weights = np.asarray(widths, dtype=np.float64)
    if len(distinct) == 1:
        q = quantile_table(method, *distinct[0]).take(picks)
    else:
        tables = np.concatenate([quantile_table(method, *s) for s in distinct])
        where = {s: n for n, s in enumerate(distinct)}
        offsets = np.array([where[s] * TABLE_SIZE for s in shapes], dtype=np.int32)
        q = tables.take(picks.astype(np.int32) + offsets)
    values: npt.NDArray[np.float64] = np.rint(constant + q @ weights)
    return values


def summarise(values: npt.NDArray[np.float64]) -> tuple[float, float, float, float]:
    """(P10, P50, P90, share of values > 0) of a vector of NPV draws."""
    import numpy as np

    p10, p50, p90 = (float(v) for v in np.percentile(values, (10.0, 50.0, 90.0)))
    return p10, p50, p90, float(np.count_nonzero(values > 0)) / len(values)
