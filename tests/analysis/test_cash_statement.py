"""The cash flow by year for a lender (``analysis.cash_statement``)."""

from __future__ import annotations

from smbplanner.analysis.cash_statement import (
    cash_statement,
    default_capital,
    is_capital,
    rate_rationale,
)
from smbplanner.analysis.headlines import plan_totals
from smbplanner.domain.enums import CostCategory, LineKind, Scenario
from smbplanner.domain.model import CostLine
from smbplanner.sample import sample_plan


def test_the_columns_foot_and_match_the_portfolio_totals() -> None:
    plan = sample_plan()
    for scenario in Scenario:
        c = cash_statement(plan, scenario)
        totals = plan_totals(plan, scenario)
        assert c.total("costs") == totals.tco
        assert c.total("benefits") == totals.benefits
        assert c.total("capital") + c.total("operating") == c.total("costs")
        assert c.cumulative[-1] == c.total("net")
        assert all(r.net == r.benefits - r.capital - r.operating for r in c.rows)


def test_capital_by_default_and_by_a_stored_flag() -> None:
    licence = CostLine(CostCategory.PURCHASE, 100, LineKind.ONE_OFF, id=7)
    subscription = CostLine(CostCategory.PURCHASE, 100, LineKind.RECURRING, 0, 4, id=8)
    training = CostLine(CostCategory.TRAINING, 100, id=9)
    assert is_capital(licence) and not is_capital(subscription) and not is_capital(training)
    assert is_capital(CostLine(CostCategory.IMPLEMENTATION, 5))
    assert default_capital(licence) and not default_capital(training)
    training.capital, licence.capital = True, False
    assert is_capital(training) and not is_capital(licence)
    plan = sample_plan()
    for line in (line for i in plan.initiatives for o in i.options for line in o.costs):
        line.capital = True
    c = cash_statement(plan)
    assert c.total("operating") == 0
    assert c.total("capital") == cash_statement(sample_plan()).total("costs")


def test_the_rate_has_a_rationale() -> None:
    assert "default" in rate_rationale(800) and "8 %" in rate_rationale(800)
    assert "10 %" in rate_rationale(1000)
    plan = sample_plan()
    plan.business.rate_rationale = " Our bank loan\n costs 6.5 %. "
    assert cash_statement(plan).rationale == "Our bank loan costs 6.5 %."
    plan.business.rate_rationale = ""
    assert cash_statement(plan).rationale == rate_rationale(800)
    assert cash_statement(sample_plan()).turns_positive == 2029
