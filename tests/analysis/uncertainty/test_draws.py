from __future__ import annotations

from math import comb
from typing import Any

import numpy as np
import pytest

from smbplanner.analysis.uncertainty.draws import TABLE_SIZE, draw_npv, quantile_table


def beta33_cdf(x: float) -> float:
    """The distribution function of Beta(3, 3): symmetric PERT, in closed form."""
    return sum(comb(5, j) * x**j * (1 - x) ** (5 - j) for j in range(3, 6))


def triangular_cdf(x: float, mode: float) -> float:
    return x * x / mode if x < mode else 1 - (1 - x) ** 2 / (1 - mode)


def test_pert_table_is_the_beta_quantiles() -> None:
    table = quantile_table("pert", 1, 2)  # mode 1/2: Beta(3, 3)
    assert len(table) == TABLE_SIZE
    for i in range(0, TABLE_SIZE, 997):
        assert beta33_cdf(float(table[i])) == pytest.approx((i + 0.5) / TABLE_SIZE, abs=1e-7)


def test_asymmetric_pert_has_the_pert_mean() -> None:
    # The default cost range ×0.9 / ×1 / ×1.25: mode (1 − 0.9)/(1.25 − 0.9) = 2/7.
    table = quantile_table("pert", 2, 7)
    assert float(table.mean()) == pytest.approx((4 * 2 / 7 + 1) / 6, abs=1e-6)
    assert np.all(np.diff(table) >= 0)


@pytest.mark.parametrize("up,span", [(1, 2), (1, 4), (0, 1), (1, 1)])
def test_triangular_table(up: int, span: int) -> None:
    mode = up / span
    table = quantile_table("triangular", up, span)
    for i in range(0, TABLE_SIZE, 1013):
        x = float(table[i])
        if 0 < mode < 1:
            assert triangular_cdf(x, mode) == pytest.approx((i + 0.5) / TABLE_SIZE, abs=1e-9)
    assert float(table.mean()) == pytest.approx((mode + 1) / 3, abs=1e-6)


def test_draws_are_whole_cents_and_repeat() -> None:
    def draw() -> Any:
        return draw_npv(10.3, 0.0, (100.0, -50.0), ((1, 2), (2, 7)), method="pert",
                        draws=1000, seed=(1, 2, 3))

    first, again = draw(), draw()
    assert np.array_equal(first, again)
    assert np.array_equal(first, np.rint(first))
    assert len(first) == 1000
    certain = draw_npv(10.6, 0.0, (), (), method="pert", draws=5, seed=(1,))
    assert certain.tolist() == [11.0] * 5
    with pytest.raises(ValueError):
        quantile_table("pert", 3, 2)
