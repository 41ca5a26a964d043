"""The JSON interchange format of DESIGN section 5.

``{"format": "smbplanner-plan", "version": N, "plan": {...}, "figures": {...}}``. Money is
a number of currency units (at most 2 decimals), rates and factors are fractions (0.08 for
8 %), dates are "YYYY-MM-DD". A bad document is refused with the path of the first problem,
e.g. ``plan.initiatives[3].options[0].costs[2].amount: must be a number ≥ 0``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from smbplanner.domain.enums import (
    RaciRole,
)
from smbplanner.domain.model import (
    BenefitLine,
    CostLine,
    Initiative,
    Plan,
)
from smbplanner.domain.money import BP, cents_to_units
from smbplanner.storage.schema import JSON_FORMAT, SCHEMA_VERSION

FORMAT = JSON_FORMAT


# --- plan -> JSON ------------------------------------------------------------------------
def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _line(line: CostLine | BenefitLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "category": line.category.value,
        "kind": line.kind.value,
        "amount": cents_to_units(line.amount_cents),
        "year_from": line.year_from,
        "year_to": line.year_to,
        "escalation": line.escalation_bp / BP,
        "description": line.description,
        "low": None if line.low_bp is None else line.low_bp / BP,
        "high": None if line.high_bp is None else line.high_bp / BP,
        **({"capital": line.capital} if isinstance(line, CostLine) else {}),
    }


def _initiative(i: Initiative) -> dict[str, Any]:
    return {
        "id": i.id,
        "name": i.name,
        "description": i.description,
        "portfolio": i.portfolio.value,
        "status": i.status.value,
        "owner": i.owner,
        "start_year": i.start_year,
        "start_quarter": i.start_quarter,
        "duration_quarters": i.duration_quarters,
        "impact": i.impact,
        "feasibility": i.feasibility,
        "funding": i.funding.value,
        "goals": [{"goal_id": g.goal_id, "contribution": g.contribution} for g in i.goals],
        "depends_on": list(i.depends_on),
        "milestones": [
            {"id": m.id, "name": m.name, "year": m.year, "quarter": m.quarter} for m in i.milestones
        ],
        "options": [
            {
                "id": o.id,
                "name": o.name,
                "description": o.description,
                "chosen": o.chosen,
                "life_years": o.life_years,
                "costs": [_line(c) for c in o.costs],
                "benefits": [_line(b) for b in o.benefits],
            }
            for o in i.options
        ],
        "risks": [
            {
                "id": r.id,
                "description": r.description,
                "category": r.category.value,
                "likelihood": r.likelihood,
                "impact": r.impact,
                "mitigation": r.mitigation,
                "owner": r.owner,
                "status": r.status.value,
            }
            for r in i.risks
        ],
        "raci": [{"person_id": e.person_id, "role": RaciRole(e.role).value} for e in i.raci],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """Every stored entity, in id order, ready for ``json.dumps``."""
    b = plan.business
    return {
        "business": {
            "name": b.name,
            "industry": b.industry,
            "employees": b.employees,
            "currency": b.currency,
            "start_year": b.start_year,
            "horizon_years": b.horizon_years,
            "discount_rate": b.discount_rate_bp / BP,
            "scenarios": {
                "optimistic": {
                    "costs": b.optimistic_cost_bp / BP,
                    "benefits": b.optimistic_benefit_bp / BP,
                },
                "pessimistic": {
                    "costs": b.pessimistic_cost_bp / BP,
                    "benefits": b.pessimistic_benefit_bp / BP,
                },
            },
            "it_vision": b.it_vision,
            "it_mission": b.it_mission,
            "target_run_share": (
                None if b.target_run_share_bp is None else b.target_run_share_bp / BP
            ),
            "resolution": b.resolution,
            "rate_rationale": b.rate_rationale,
            "prepared_by": b.prepared_by,
        },
        "goals": [
            {
                "id": g.id,
                "title": g.title,
                "description": g.description,
                "perspective": g.perspective.value,
                "weight": g.weight,
                "target_date": _d(g.target_date),
            }
            for g in plan.goals
        ],
        "swot": [
            {
                "id": s.id,
                "kind": s.kind.value,
                "text": s.text,
                "it_question": s.it_question,
                "goal_ids": list(s.goal_ids),
                "initiative_ids": list(s.initiative_ids),
            }
            for s in plan.swot
        ],
        "systems": [
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "vendor": s.vendor,
                "annual_run_cost": cents_to_units(s.annual_run_cost_cents),
                "year_installed": s.year_installed,
                "end_of_life_year": s.end_of_life_year,
                "condition": s.condition,
                "criticality": s.criticality.value,
                "action": s.action.value,
                "notes": s.notes,
                "replaced_by_id": s.replaced_by_id,
            }
            for s in plan.systems
        ],
        "feedback": [
            {
                "id": f.id,
                "department": f.department,
                "satisfaction": f.satisfaction,
                "pain_point": f.pain_point,
            }
            for f in plan.feedback
        ],
        "initiatives": [_initiative(i) for i in plan.initiatives],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "on_steering_committee": p.on_steering_committee,
            }
            for p in plan.people
        ],
        "reviews": [
            {
                "id": r.id,
                "date": _d(r.date),
                "attendees": r.attendees,
                "decisions": r.decisions,
                "notes": r.notes,
            }
            for r in plan.reviews
        ],
        "kpis": [
            {
                "id": k.id,
                "goal_id": k.goal_id,
                "name": k.name,
                "unit": k.unit,
                "direction": k.direction.value,
                "baseline": k.baseline,
                "target": k.target,
                "target_date": _d(k.target_date),
                "replaces_it_metric": k.replaces_it_metric,
                "measurements": [
                    {"id": m.id, "date": _d(m.date), "value": m.value, "note": m.note}
                    for m in k.measurements
                ],
            }
            for k in plan.kpis
        ],
        "budget_years": [
            {
                "year": y.year,
                "run": cents_to_units(y.run_cents),
                "change": cents_to_units(y.change_cents),
            }
            for y in plan.budget_years
        ],
        "snapshots": [
            {"id": s.id, "name": s.name, "taken_at": s.taken_at, "data": s.data}
            for s in plan.snapshots
        ],
    }


def dump_document(plan: Plan, figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": SCHEMA_VERSION,
        "plan": plan_to_dict(plan),
        "figures": figures,
    }


def to_json_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# Reading lives in jsonload; re-exported so that callers have one module for the format.
from smbplanner.storage.jsonload import dict_to_plan, parse_document  # noqa: E402

__all__ = [
    "FORMAT",
    "dict_to_plan",
    "dump_document",
    "parse_document",
    "plan_to_dict",
    "to_json_text",
]
