from __future__ import annotations

import pytest

from smbplanner.analysis import finance
from smbplanner.analysis.uncertainty.lines import delayed_flows
from smbplanner.analysis.uncertainty.ranges import LineRange
from smbplanner.analysis.uncertainty.sensitivity import initiative_tornado, tornado
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine, Option
from tests.analysis.uncertainty.helpers import business, initiative

RATE = 0.08


def hand_built() -> Option:
    """Purchase 100,000 and training 10,000 in year 0; maintenance 5,000 a year and benefits
    of 40,000 and 5,000 a year in years 1..4; a 5-year life."""
    return Option(
        "Hand-built", chosen=True, life_years=5,
        costs=[
            CostLine(CostCategory.PURCHASE, 100_000, LineKind.ONE_OFF, 0, 0, id=1),
            CostLine(CostCategory.TRAINING, 10_000, LineKind.ONE_OFF, 0, 0, id=2),
            CostLine(CostCategory.MAINTENANCE, 5_000, LineKind.RECURRING, 1, 4, id=3),
        ],
        benefits=[
            BenefitLine(BenefitCategory.COST_SAVINGS, 40_000, LineKind.RECURRING, 1, 4,
                        description="Fewer errors", id=1),
            BenefitLine(BenefitCategory.REVENUE, 5_000, LineKind.RECURRING, 1, 4,
                        description="Online orders", id=2),
        ],
    )


def npv(flows: list[float], rate: float = RATE) -> float:
    return finance.npv(rate, flows)


def test_tornado_values_and_order_on_a_hand_built_case() -> None:
    result = tornado(hand_built(), business())
    flows = [-110_000.0] + [40_000.0] * 4
    base = npv(flows)
    assert result.npv_cents == pytest.approx(base)
    annuity = sum(1.08**-t for t in range(1, 5))
    bars = {bar.label: bar for bar in result.bars}
    expected = {
        # label: (npv_low, npv_high)
        "Purchase & licences costs": (base - 0.25 * 100_000, base + 0.10 * 100_000),
        "Training costs": (base - 0.25 * 10_000, base + 0.10 * 10_000),
        "Maintenance & support costs": (base - 0.25 * 5_000 * annuity,
                                        base + 0.10 * 5_000 * annuity),
        "Fewer errors": (base - 0.25 * 40_000 * annuity, base + 0.15 * 40_000 * annuity),
        "Online orders": (base - 0.25 * 5_000 * annuity, base + 0.15 * 5_000 * annuity),
        # One year late: everything a year later, year 4's flow past the life.
        "Start 1–4 quarters late": (npv(delayed_flows(flows, 4)), base),
        "Discount rate": (npv(flows, 0.11), npv(flows, 0.05)),
        # Life 4: the recurring lines end in year 3; life 6: they run to year 5.
        "Life": (npv(flows[:4]), npv([*flows, 40_000.0])),
    }
    assert set(bars) == set(expected)
    for name, (low, high) in expected.items():
        assert bars[name].npv_low_cents == pytest.approx(low), name
        assert bars[name].npv_high_cents == pytest.approx(high), name
    assert [bar.label for bar in result.bars] == [
        "Life",  # 56,624
        "Fewer errors",  # 52,994
        "Purchase & licences costs",  # 35,000
        "Start 1–4 quarters late",  # 28,892
        "Discount rate",  # 17,740
        "Online orders",  # 6,624
        "Maintenance & support costs",  # 5,796
        "Training costs",  # 3,500
    ]
    swings = [bar.swing_cents for bar in result.bars]
    assert swings == sorted(swings, reverse=True)


def test_bar_inputs_and_points() -> None:
    bars = {bar.label: bar for bar in tornado(hand_built(), business()).bars}
    purchase = bars["Purchase & licences costs"]
    assert (purchase.low_input, purchase.high_input) == ("×1.25", "×0.90")
    delay = bars["Start 1–4 quarters late"]
    assert [p[0] for p in delay.points] == [
        "on time", "1 quarter late", "2 quarters late", "3 quarters late", "4 quarters late"]
    values = [p[1] for p in delay.points]
    assert values == sorted(values, reverse=True)  # each quarter costs more here
    flows = [-110_000.0] + [40_000.0] * 4
    for quarters, value in enumerate(values):
        assert value == pytest.approx(npv(delayed_flows(flows, quarters)))
    assert (delay.low_input, delay.high_input) == ("4 quarters late", "on time")
    rate = bars["Discount rate"]
    assert [p[0] for p in rate.points] == ["5 %", "8 %", "11 %"]
    assert [p[0] for p in bars["Life"].points] == ["4 years", "5 years", "6 years"]


def test_overrides_and_edges() -> None:
    overrides = {("benefit", 1): LineRange(10_000, 10_000, 10_000)}
    bars = {b.label: b for b in tornado(hand_built(), business(), overrides=overrides).bars}
    assert bars["Fewer errors"].swing_cents == 0
    low_rate = {b.label: b for b in tornado(hand_built(), business(rate_bp=100)).bars}
    assert [p[0] for p in low_rate["Discount rate"].points] == ["0 %", "1 %", "4 %"]
    one_year = hand_built()
    one_year.life_years = 1
    lives = {b.label: b for b in tornado(one_year, business()).bars}["Life"]
    assert [p[0] for p in lives.points] == ["1 year", "2 years"]
    assert initiative_tornado(initiative(None), business()) is None
    found = initiative_tornado(initiative(hand_built()), business())
    assert found is not None and len(found.bars) == 8
