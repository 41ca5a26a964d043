"""The ``figures`` object of the JSON dump (DESIGN section 5).

Money is in currency units (cents / 100, 2 decimals; integer cents convert exactly); the
IRR, paybacks and ROI are rounded to 6 decimals; missing values are None (JSON null).
An initiative without an option has zero money figures, empty cash flows and null IRR,
paybacks and ROI. Totals, quadrant counts and the Run/Change split leave out cancelled
initiatives; money totals count what the budget counts (``budget.counted``: not on hold
either); the initiative list holds every initiative, in plan order. ``years`` is the likely
scenario's ``budget.budget_statement`` in exact units: ``over``, ``over_run`` and
``over_change`` are planned − budget (positive when over), null for a year without a budget
(``has_budget`` false), which is never over. ``initiatives[].tracking`` and the portfolio's
``tracking`` (with its ``years``: budget against actual spend per envelope) are
``analysis.tracking``'s figures to the end of the plan's tracking year.
"""

from __future__ import annotations

from typing import Any

from smbplanner.analysis.budget import BudgetRow, budget_statement, counted
from smbplanner.analysis.figures import Figures, initiative_figures
from smbplanner.analysis.portfolio import run_change_split
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.tracking import (
    Tracking,
    YearActual,
    actual_years,
    plan_tracking,
    portfolio_tracking,
)
from smbplanner.analysis.uncertainty.dump import add_ranges
from smbplanner.domain.enums import InitiativeStatus, Quadrant, Scenario
from smbplanner.domain.model import Business, Initiative, Plan
from smbplanner.domain.money import bp_to_fraction, cents_to_units


def _units(cents: int | float) -> float:
    return cents_to_units(cents) + 0.0  # + 0.0 turns -0.0 into 0.0


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 6) + 0.0


def _figure_values(figures: Figures | None, business: Business) -> dict[str, Any]:
    if figures is None:
        return {
            "tco": 0.0,
            "tco_pv": 0.0,
            "benefits": 0.0,
            "cash_flows": [],
            "discount_rate": bp_to_fraction(business.discount_rate_bp),
            "npv": 0.0,
            "irr": None,
            "payback_years": None,
            "discounted_payback_years": None,
            "roi_pct": None,
        }
    return {
        "tco": _units(figures.tco_cents),
        "tco_pv": _units(figures.tco_pv_cents),
        "benefits": _units(figures.benefits_cents),
        "cash_flows": [_units(c) for c in figures.cash_flows],
        "discount_rate": figures.discount_rate,
        "npv": _units(figures.npv_cents),
        "irr": _ratio(figures.irr),
        "payback_years": _ratio(figures.payback_years),
        "discounted_payback_years": _ratio(figures.discounted_payback_years),
        "roi_pct": _ratio(figures.roi_pct),
    }


def initiative_entry(initiative: Initiative, business: Business) -> dict[str, Any]:
    """One item of ``figures.initiatives``."""
    entry: dict[str, Any] = {
        "id": initiative.id,
        "name": initiative.name,
        "quadrant": initiative_quadrant(initiative).value,
        "portfolio": initiative.portfolio.value,
    }
    entry.update(_figure_values(initiative_figures(initiative, business), business))
    entry["scenarios"] = {
        scenario.value: _figure_values(initiative_figures(initiative, business, scenario), business)
        for scenario in (Scenario.OPTIMISTIC, Scenario.PESSIMISTIC)
    }
    return entry


def _optional_units(cents: int | None) -> float | None:
    return None if cents is None else _units(cents)


def _year(row: BudgetRow) -> dict[str, Any]:
    """One item of ``figures.years``: the exact figures of ``budget.budget_statement``."""
    y = row.spend
    return {
        "year": y.year,
        "has_budget": row.has_budget,
        "budget": _units(y.budget_cents),
        "budget_run": _units(y.budget_run_cents),
        "budget_change": _units(y.budget_change_cents),
        "planned_run": _units(y.planned_run_cents),
        "planned_change": _units(y.planned_change_cents),
        "planned": _units(y.planned_cents),
        "over": _optional_units(row.over_cents),
        "over_run": _optional_units(row.over_run_cents),
        "over_change": _optional_units(row.over_change_cents),
    }


def tracking_entry(t: Tracking) -> dict[str, Any]:
    """``figures.initiatives[].tracking`` (and the portfolio's ``figures.tracking``): what
    really happened against the plan, to the end of ``through_year`` (``analysis.tracking``)."""
    return {
        "through_year": t.through_year,
        "spent_to_date": _units(t.spent_cents),
        "benefits_to_date": _units(t.benefits_cents),
        "planned_to_date": _units(t.planned_cents),
        "planned_benefits_to_date": _units(t.planned_benefits_cents),
        "forecast_tco": _units(t.forecast_cents),
        "variance": _units(t.variance_cents),
        "npv_reforecast": _units(t.npv_cents),
        "rag": None if t.rag is None else t.rag.value,
    }


def _actual_year(y: YearActual) -> dict[str, Any]:
    return {
        "year": y.year,
        "has_budget": y.has_budget,
        "budget_run": _units(y.budget_run_cents),
        "budget_change": _units(y.budget_change_cents),
        "actual_run": _units(y.actual_run_cents),
        "actual_change": _units(y.actual_change_cents),
        "over_run": _optional_units(y.over_run_cents),
        "over_change": _optional_units(y.over_change_cents),
    }


def plan_figures(plan: Plan) -> dict[str, Any]:
    """The computed figures of the whole plan, JSON-serialisable and deterministic."""
    business = plan.business
    active = [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]
    tco = benefits = 0
    npv = 0.0
    for initiative in filter(counted, plan.initiatives):
        figures = initiative_figures(initiative, business)
        if figures is not None:
            tco += figures.tco_cents
            benefits += figures.benefits_cents
            npv += figures.npv_cents
    quadrants = dict.fromkeys((q.value for q in Quadrant), 0)
    for initiative in active:
        quadrants[initiative_quadrant(initiative).value] += 1
    split = run_change_split(plan)
    result: dict[str, Any] = {
        "initiatives": [initiative_entry(i, business) for i in plan.initiatives],
        "years": [_year(row) for row in budget_statement(plan).rows],
        "totals": {"tco": _units(tco), "benefits": _units(benefits), "npv": _units(npv)},
        "quadrants": quadrants,
        "run_change": {
            "run_count": split.run_count,
            "change_count": split.change_count,
            "run_tco": _units(split.run_tco_cents),
            "change_tco": _units(split.change_tco_cents),
            "run_share_pct": _ratio(split.run_share_pct),
        },
    }
    tracked = plan_tracking(plan)
    for n, entry in enumerate(result["initiatives"]):
        entry["tracking"] = tracking_entry(tracked[n])
    portfolio = tracking_entry(portfolio_tracking(plan))
    portfolio.pop("rag")
    portfolio["years"] = [_actual_year(y) for y in actual_years(plan)]
    result["tracking"] = portfolio
    add_ranges(result, plan)  # figures.initiatives[].range, figures.portfolio_range
    return result
