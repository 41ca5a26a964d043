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
