"""The JSON interchange: round trips, and bad documents refused with the path of the problem."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from smbplanner.storage.errors import JsonFormatError
from smbplanner.storage.jsonio import FORMAT, dict_to_plan, parse_document, plan_to_dict
from tests.conftest import tiny_plan


def _doc() -> dict[str, Any]:
    return {"format": FORMAT, "version": 1, "plan": plan_to_dict(tiny_plan()), "figures": {}}


def test_dict_plan_dict_round_trip() -> None:
    data = plan_to_dict(tiny_plan())
    assert plan_to_dict(dict_to_plan(json.loads(json.dumps(data)))) == data


def test_actuals_round_trip() -> None:
    """What really happened goes out and comes back: dates, progress, colour, the owner's
    estimate, actual spend, realised benefits, a review's snapshot and decisions."""
    from datetime import date

    from smbplanner.domain.enums import BenefitCategory, CostCategory, Rag, Verdict
    from smbplanner.domain.model import ActualBenefit, ActualCost, Review, ReviewDecision

    plan = tiny_plan()
    first = plan.initiatives[0]
    first.id = 1
    first.actual_start, first.actual_finish = date(2026, 2, 1), date(2026, 9, 30)
    first.percent_complete, first.rag, first.rag_reason = 100, Rag.GREEN, "Done"
    first.forecast_cost_cents = 1_234_567
    first.actual_costs = [ActualCost(2026, CostCategory.TRAINING, 50_050, "Invoice 7", id=3)]
    first.actual_benefits = [ActualBenefit(2026, BenefitCategory.OTHER, 1_000, "Log", id=4)]
    plan.reviews = [Review(date(2026, 10, 1), snapshot_id=2, id=1,
                           verdicts=[ReviewDecision(1, Verdict.STOP, "No", id=5)])]
    data = plan_to_dict(plan)
    entry = data["initiatives"][0]
    assert entry["forecast_cost"] == 12_345.67 and entry["rag"] == "green"
    assert entry["actual_costs"] == [
        {"id": 3, "year": 2026, "category": "training", "amount": 500.5, "note": "Invoice 7"}
    ]
    assert data["reviews"][0]["verdicts"] == [
        {"id": 5, "initiative_id": 1, "verdict": "stop", "note": "No"}
    ]
    back = dict_to_plan(json.loads(json.dumps(data)))
    assert plan_to_dict(back) == data
    assert back.initiatives[0].actual_costs[0].amount_cents == 50_050


def test_money_and_rates_are_units_and_fractions() -> None:
    data = plan_to_dict(tiny_plan())
    assert data["business"]["discount_rate"] == 0.08
    assert data["business"]["scenarios"]["pessimistic"] == {"costs": 1.25, "benefits": 0.75}
    line = data["initiatives"][0]["options"][0]["costs"][1]
    assert line["amount"] == 1200.0 and line["escalation"] == 0.03
    assert data["systems"][0]["annual_run_cost"] == 1200.0


def _set(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    target = doc["plan"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


COST = ["initiatives", 0, "options", 0, "costs", 1, "amount"]
COST_PATH = "plan.initiatives[0].options[0].costs[1].amount"


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (COST, -1, f"{COST_PATH}: must be a number ≥ 0"),
        (COST, "1200", f"{COST_PATH}: must be a number ≥ 0"),
        (COST, 1e20, f"{COST_PATH}: is too large"),
        (COST, 12.345, f"{COST_PATH}: must have at most 2 decimal places"),
        (COST, True, f"{COST_PATH}: must be a number"),
        (COST, None, f"{COST_PATH}: must be a number"),
        (["initiatives", 0, "impact"], 7, "plan.initiatives[0].impact: must be a score"),
        (["initiatives", 0, "portfolio"], "grow", "plan.initiatives[0].portfolio: must be one of"),
        (["goals", 0, "target_date"], "31/12/2027", "plan.goals[0].target_date: must be a date"),
        (["kpis", 0, "goal_id"], 77, "plan.kpis[0].goal_id: refers to goal 77"),
        (["initiatives", 1, "depends_on"], [5], "plan.initiatives[1].depends_on[0]: refers to"),
        (["business", "currency"], "EURO", "plan.business.currency: must be an ISO 4217 code"),
        (
            ["business", "horizon_years"],
            12,
            "plan.business.horizon_years: must be between 1 and 10",
        ),
        (["goals", 1, "id"], 1, "plan.goals[1].id: duplicate id 1"),
        (["business", "name"], "a\ud800b", "plan.business.name: contains an invalid character"),
        (["people"], {"not": "a list"}, "plan.people: must be a list"),
        (["initiatives", 0, "rag"], "purple", "plan.initiatives[0].rag: must be one of"),
        (["initiatives", 0, "percent_complete"], 120,
         "plan.initiatives[0].percent_complete: must be between 0 and 100"),
        (["initiatives", 0, "actual_finish"], "2026-01-01",
         "plan.initiatives[0].actual_start: is required when actual_finish is set"),
        (["initiatives", 0, "actual_costs"], [{"year": 2026, "category": "purchase",
                                               "amount": -5}],
         "plan.initiatives[0].actual_costs[0].amount: must be a number ≥ 0"),
        (["initiatives", 0, "actual_benefits"], [{"year": 2026, "category": "cost_savings"}],
         "plan.initiatives[0].actual_benefits[0].amount: is missing"),
        (["reviews"], [{"date": "2026-07-01", "verdicts": [{"initiative_id": 99,
                                                            "verdict": "stop"}]}],
         "plan.reviews[0].verdicts[0].initiative_id: refers to initiative 99"),
        (["reviews"], [{"date": "2026-07-01", "verdicts": [{"initiative_id": 1,
                                                            "verdict": "pause"}]}],
         "plan.reviews[0].verdicts[0].verdict: must be one of"),
    ],
)
def test_bad_document_names_the_path(path: list[Any], value: Any, expected: str) -> None:
    text = json.dumps(_set(_doc(), path, value))
    with pytest.raises(JsonFormatError) as info:
        parse_document(text)
    assert str(info.value).startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "document: not valid JSON"),
        ("[1, 2", "document: not valid JSON"),
        (
            '{"format": "smbplanner-plan", "version": 1, "plan": {"business": {"name": "x", '
            '"currency": "EUR", "start_year": 2026, "horizon_years": 3, "discount_rate": NaN}}}',
            "plan.business.discount_rate: must be a finite number (NaN is not allowed)",
        ),
        ('{"format": "other", "version": 1, "plan": {}}', 'format: must be "smbplanner-plan"'),
        ('{"format": "smbplanner-plan", "version": 9, "plan": {}}', "version: 9 is from a newer"),
        ('{"format": "smbplanner-plan", "version": 1}', "document.plan: is missing"),
        ('{"format": "smbplanner-plan", "version": 1, "plan": {}}', "plan.business: is missing"),
        ("[" * 100000, "document: nested too deeply"),
    ],
)
def test_bad_document_text(text: str, expected: str) -> None:
    with pytest.raises(JsonFormatError) as info:
        parse_document(text)
    assert str(info.value).startswith(expected)
