"""The figures of one option or initiative under a scenario (DESIGN section 4).

For life L, rate r and scenario factors (costs ×c, benefits ×b), each year's costs and
benefits are scaled and rounded half-up to whole cents first; everything else is computed
from those scaled cents:

- ``cash_flows[t] = benefits[t] − costs[t]`` (integer cents)
- ``tco = Σ costs[t]`` (undiscounted) and ``tco_pv = Σ costs[t] / (1+r)^t``
- ``roi_pct = (Σ benefits[t] − tco) / tco × 100``, None when tco = 0
- ``npv``, ``irr``, ``payback_years`` and ``discounted_payback_years`` on the cash flows
- ``irr_bound``: "above"/"below" when the only rates that bring NPV to 0 lie beyond the
  searched range (shown as "> 1,000 %" / "< −99 %", never as "—"); ``sign_changes`` and
  ``payback_holds`` say when IRR and payback mislead (flows that change sign more than once)
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis import cashflow, finance
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Business, Initiative, Option
from smbplanner.domain.money import BP, bp_to_fraction


def scenario_factors(business: Business, scenario: Scenario) -> tuple[int, int]:
    """(cost factor, benefit factor) in basis points; likely is (10000, 10000)."""
    if scenario == Scenario.OPTIMISTIC:
        return business.optimistic_cost_bp, business.optimistic_benefit_bp
    if scenario == Scenario.PESSIMISTIC:
        return business.pessimistic_cost_bp, business.pessimistic_benefit_bp
    return BP, BP


@dataclass(frozen=True)
class Figures:
    """An option's figures under one scenario. Money in cents; rates as fractions."""

    scenario: Scenario
    life_years: int
    costs: list[int]  # scaled cents per lifecycle year
    benefits: list[int]
    cash_flows: list[int]
    tco_cents: int
    tco_pv_cents: float
    benefits_cents: int
    discount_rate: float
    npv_cents: float
    irr: float | None
    payback_years: float | None
    discounted_payback_years: float | None
    roi_pct: float | None
    #: "above" / "below" when the IRR lies beyond the searched range (shown as a bound).
    irr_bound: str | None = None
    #: How many times the cash flows change sign: more than once, IRR and payback mislead.
    sign_changes: int = 0
    #: False when the cumulative cash flow turns negative again after the payback.
    payback_holds: bool = True


def roi_pct(benefits_cents: int, tco_cents: int) -> float | None:
    """(benefits − tco) / tco × 100, or None when tco is 0."""
    if tco_cents == 0:
        return None
    return (benefits_cents - tco_cents) / tco_cents * 100.0


def option_costs(
    option: Option, business: Business, scenario: Scenario = Scenario.LIKELY
) -> list[int]:
    """The option's scenario-scaled costs per lifecycle year (``Figures.costs``)."""
    cost_bp, _ = scenario_factors(business, scenario)
    return cashflow.scale(cashflow.costs_by_year(option), cost_bp)


def initiative_costs(
    initiative: Initiative, business: Business, scenario: Scenario = Scenario.LIKELY
) -> list[int] | None:
    """``initiative_figures(...).costs`` without computing the rates (much cheaper: no IRR);
    None when the initiative has no option."""
    option = initiative.chosen_option
    return None if option is None else option_costs(option, business, scenario)


def option_figures(
    option: Option, business: Business, scenario: Scenario = Scenario.LIKELY
) -> Figures:
    """The figures of ``option`` under ``scenario`` at the plan's discount rate."""
    _, benefit_bp = scenario_factors(business, scenario)
    costs = option_costs(option, business, scenario)
    benefits = cashflow.scale(cashflow.benefits_by_year(option), benefit_bp)
    flows = [b - c for b, c in zip(benefits, costs, strict=True)]
    rate = bp_to_fraction(business.discount_rate_bp)
    tco = sum(costs)
    total_benefits = sum(benefits)
    rate_of_return = finance.irr(flows)
    return Figures(
        scenario=scenario,
        life_years=option.life_years,
        costs=costs,
        benefits=benefits,
        cash_flows=flows,
        tco_cents=tco,
        tco_pv_cents=finance.npv(rate, costs),
        benefits_cents=total_benefits,
        discount_rate=rate,
        npv_cents=finance.npv(rate, flows),
        irr=rate_of_return,
        payback_years=finance.payback(flows),
        discounted_payback_years=finance.discounted_payback(rate, flows),
        roi_pct=roi_pct(total_benefits, tco),
        irr_bound=finance.irr_bound(flows, rate_of_return, known=True),
        sign_changes=finance.sign_changes(flows),
        payback_holds=finance.payback_holds(flows),
    )


def initiative_figures(
    initiative: Initiative, business: Business, scenario: Scenario = Scenario.LIKELY
) -> Figures | None:
    """The figures of the initiative's chosen option; None when it has no option."""
    option = initiative.chosen_option
    if option is None:
        return None
    return option_figures(option, business, scenario)
