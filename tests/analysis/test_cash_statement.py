"""The cash flow by year for a lender (``analysis.cash_statement``)."""

from __future__ import annotations

from smbplanner.analysis.cash_statement import cash_statement, is_capital, rate_rationale
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
    assert is_capital(training, {9: True}) and not is_capital(licence, {7: False})
    plan = sample_plan()
    every = {line.id: True for i in plan.initiatives for o in i.options for line in o.costs
             if line.id is not None}
    c = cash_statement(plan, capital_flags=every)
    assert c.total("operating") == 0


def test_the_rate_has_a_rationale() -> None:
    assert "default" in rate_rationale(800) and "8 %" in rate_rationale(800)
    assert "10 %" in rate_rationale(1000)
    c = cash_statement(sample_plan(), rationale="Our bank loan costs 6.5 %.")
    assert c.rationale == "Our bank loan costs 6.5 %."
    assert cash_statement(sample_plan()).turns_positive == 2029
