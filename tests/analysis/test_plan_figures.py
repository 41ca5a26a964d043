"""The ``figures`` object of the JSON dump."""

from __future__ import annotations

import json
import math
from typing import Any

from smbplanner.analysis.plan_figures import plan_figures
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    InitiativeStatus,
    LineKind,
    Portfolio,
)
from smbplanner.domain.model import (
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Initiative,
    Option,
    Plan,
    System,
)

FIGURE_KEYS = {
    "tco",
    "tco_pv",
    "benefits",
    "cash_flows",
    "discount_rate",
    "npv",
    "irr",
    "payback_years",
    "discounted_payback_years",
    "roi_pct",
}


def _plan() -> Plan:
    seed = Option(
        "Cloud",
        chosen=True,
        life_years=4,
        costs=[CostLine(CostCategory.PURCHASE, 1_000_000, LineKind.ONE_OFF, 0, 0)],
        benefits=[BenefitLine(BenefitCategory.COST_SAVINGS, 500_000, LineKind.RECURRING, 1, 3)],
    )
    odd = Option(
        "Odd",
        life_years=2,
        costs=[CostLine(CostCategory.OPERATIONS, 333, LineKind.RECURRING, 0, 1)],
    )
    return Plan(
        business=Business("Bakery", start_year=2026, horizon_years=2),
        initiatives=[
            Initiative(
                "Cloud accounting",
                id=1,
                portfolio=Portfolio.CHANGE,
                impact=4.5,
                feasibility=4.0,
                start_year=2026,
                options=[seed],
            ),
            Initiative(
                "Odd costs",
                id=2,
                portfolio=Portfolio.RUN,
                impact=2.0,
                feasibility=5.0,
                start_year=2027,
                options=[odd],
            ),
            Initiative("Just an idea", id=3),
            Initiative(
                "Cancelled",
                id=4,
                status=InitiativeStatus.CANCELLED,
                impact=5.0,
                feasibility=1.0,
                options=[Option("X", costs=[CostLine(CostCategory.PURCHASE, 7_777_700)])],
            ),
        ],
        systems=[System("Till", annual_run_cost_cents=12_345)],
        budget_years=[BudgetYear(2026, run_cents=100_000, change_cents=900_000)],
    )


def test_initiative_figures() -> None:
    figures = plan_figures(_plan())
    first = figures["initiatives"][0]
    assert set(first) == {
        "id", "name", "quadrant", "portfolio", "scenarios", "range", "tracking"
    } | FIGURE_KEYS
    assert first["id"] == 1 and first["name"] == "Cloud accounting"
    assert first["quadrant"] == "quick_win" and first["portfolio"] == "change"
    assert first["tco"] == 10_000.0 and first["tco_pv"] == 10_000.0
    assert first["benefits"] == 15_000.0
    assert first["cash_flows"] == [-10_000.0, 5_000.0, 5_000.0, 5_000.0]
    assert first["discount_rate"] == 0.08
    assert first["npv"] == 2_885.48  # 288,548.4936 cents = 2,885.484936 units
    assert first["irr"] == 0.233752  # 0.2337519285… to 6 decimals
    assert first["payback_years"] == 2.0
    assert first["discounted_payback_years"] == 2.273024  # 2.2730240…
    assert first["roi_pct"] == 50.0  # (15,000 − 10,000) / 10,000 × 100
    assert set(first["scenarios"]) == {"optimistic", "pessimistic"}
    optimistic = first["scenarios"]["optimistic"]
    assert set(optimistic) == FIGURE_KEYS
    assert optimistic["cash_flows"] == [-9_000.0, 5_750.0, 5_750.0, 5_750.0]
    assert optimistic["roi_pct"] == 91.666667
    assert first["scenarios"]["pessimistic"]["roi_pct"] == -10.0
    assert first["scenarios"]["pessimistic"]["payback_years"] is None


def test_cents_convert_exactly() -> None:
    odd = plan_figures(_plan())["initiatives"][1]
    assert odd["quadrant"] == "back_burner" and odd["portfolio"] == "run"
    assert odd["cash_flows"] == [-3.33, -3.33]
    assert odd["tco"] == 6.66
    assert odd["benefits"] == 0.0
    assert odd["roi_pct"] == -100.0
    assert odd["irr"] is None and odd["payback_years"] is None
    # pessimistic: 333 × 1.25 = 416.25 → 416 cents a year
    assert odd["scenarios"]["pessimistic"]["tco"] == 8.32


def test_initiative_without_option() -> None:
    idea = plan_figures(_plan())["initiatives"][2]
    assert idea["quadrant"] == "unscored"
    expected = {
        "tco": 0.0,
        "tco_pv": 0.0,
        "benefits": 0.0,
        "cash_flows": [],
        "discount_rate": 0.08,
        "npv": 0.0,
        "irr": None,
        "payback_years": None,
        "discounted_payback_years": None,
        "roi_pct": None,
    }
    assert {k: idea[k] for k in FIGURE_KEYS} == expected
    assert idea["scenarios"] == {"optimistic": expected, "pessimistic": expected}


def test_years_totals_quadrants_and_split() -> None:
    figures = plan_figures(_plan())
    assert len(figures["initiatives"]) == 4  # cancelled ones are listed too
    assert figures["years"] == [
        # 2026: change 10,000.00 (cloud purchase); run: till 123.45
        {
            "year": 2026,
            "has_budget": True,
            "budget": 10_000.0,
            "budget_run": 1_000.0,
            "budget_change": 9_000.0,
            "planned_run": 123.45,
            "planned_change": 10_000.0,
            "planned": 10_123.45,
            "over": 123.45,
            "over_run": -876.55,  # per envelope, positive when over
            "over_change": 1_000.0,
        },
        # 2027: run: odd costs 3.33 + till 123.45 = 126.78; no budget, so never "over"
        {
            "year": 2027,
            "has_budget": False,
            "budget": 0.0,
            "budget_run": 0.0,
            "budget_change": 0.0,
            "planned_run": 126.78,
            "planned_change": 0.0,
            "planned": 126.78,
            "over": None,
            "over_run": None,
            "over_change": None,
        },
    ]
    # Totals leave the cancelled initiative out: 10,000 + 6.66; npv 2,885.48 − 3.33 − 3.08
    totals = figures["totals"]
    assert totals["tco"] == 10_006.66
    assert totals["benefits"] == 15_000.0
    assert math.isclose(totals["npv"], round((288_548.4936 - 333 - 333 / 1.08) / 100, 2))
    assert figures["quadrants"] == {
        "quick_win": 1,
        "strategic_bet": 0,
        "back_burner": 1,
        "unscored": 1,
    }
    assert figures["run_change"] == {
        "run_count": 1,
        "change_count": 2,
        "run_tco": 6.66,
        "change_tco": 10_000.0,
        "run_share_pct": round(666 / 1_000_666 * 100, 6),
    }


def _plain(value: Any) -> None:
    """Only dict/list/str/int/float/bool/None, no NaN, no negative zero."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            _plain(item)
    elif isinstance(value, list):
        for item in value:
            _plain(item)
    elif isinstance(value, float):
        assert math.isfinite(value)
        assert not (value == 0 and math.copysign(1.0, value) < 0)
    else:
        assert value is None or type(value) in (str, int, bool)


def test_json_serialisable_and_deterministic() -> None:
    plan = _plan()
    first = plan_figures(plan)
    _plain(first)
    text = json.dumps(first, allow_nan=False, sort_keys=False)
    assert json.loads(text) == first
    assert json.dumps(plan_figures(plan), allow_nan=False) == text


def test_empty_plan() -> None:
    figures = plan_figures(Plan(Business("Empty", start_year=2030, horizon_years=1)))
    assert figures["initiatives"] == []
    assert [y["year"] for y in figures["years"]] == [2030]
    assert figures["totals"] == {"tco": 0.0, "benefits": 0.0, "npv": 0.0}
    assert figures["run_change"]["run_share_pct"] is None


def test_tracking_entries() -> None:
    """``figures.initiatives[].tracking`` and the portfolio's: in currency units; a plan
    without actuals has everything still to come."""
    figures = plan_figures(_plan())
    tracking = figures["initiatives"][0]["tracking"]
    assert tracking == {
        "through_year": None,
        "spent_to_date": 0.0,
        "benefits_to_date": 0.0,
        "planned_to_date": 0.0,
        "planned_benefits_to_date": 0.0,
        "forecast_tco": 10_000.0,
        "variance": 0.0,
        "npv_reforecast": 2_885.48,
        "rag": None,
    }
    assert figures["tracking"]["years"] == []


def test_tracking_entries_with_actuals() -> None:
    from smbplanner.domain.enums import Rag
    from smbplanner.domain.model import ActualCost

    plan = _plan()
    first = plan.initiatives[0]
    first.rag = Rag.RED
    first.actual_costs = [ActualCost(first.start_year, CostCategory.PURCHASE, 1_250_050)]
    figures = plan_figures(plan)
    tracking = figures["initiatives"][0]["tracking"]
    assert tracking["spent_to_date"] == 12_500.5
    assert tracking["planned_to_date"] == 10_000.0
    assert tracking["variance"] == 2_500.5
    assert tracking["forecast_tco"] == 12_500.5
    assert tracking["rag"] == "red"
    assert figures["tracking"]["through_year"] == first.start_year
