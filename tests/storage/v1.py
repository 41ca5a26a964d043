"""The version-1 and version-4 fixtures' plans as a current version reads them: the dumps
``tests/data/sample-v1.json`` and ``sample-v4.json`` with the defaults of the fields added
since."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


def expected_v1_plan() -> dict[str, Any]:
    plan: dict[str, Any] = json.loads((DATA / "sample-v1.json").read_text("utf-8"))["plan"]
    plan["business"]["target_run_share"] = None  # version 2: no target Run share
    for initiative in plan["initiatives"]:  # version 3: no line has a range of its own
        for option in initiative["options"]:
            for line in (*option["costs"], *option["benefits"]):
                line.update(low=None, high=None)
            for line in option["costs"]:  # version 4: capital by its category's default
                line["capital"] = None
        initiative["funding"] = "cash"  # version 4: paid from cash unless told
    plan["business"].update(resolution="", rate_rationale="", prepared_by="")
    for system in plan["systems"]:  # version 4: replaced by no initiative
        system["replaced_by_id"] = None
    return since_version_4(plan)


def expected_v4_plan() -> dict[str, Any]:
    plan: dict[str, Any] = json.loads((DATA / "sample-v4.json").read_text("utf-8"))["plan"]
    return since_version_4(plan)


def since_version_4(plan: dict[str, Any]) -> dict[str, Any]:
    """A version-4 plan with the defaults of the fields added since."""
    for initiative in plan["initiatives"]:  # version 5: nothing tracked yet
        initiative.update(
            actual_start=None, actual_finish=None, percent_complete=None, rag=None,
            rag_reason="", forecast_cost=None, actual_costs=[], actual_benefits=[],
        )
    for review in plan["reviews"]:  # version 5: no snapshot, no decisions per initiative
        review.update(snapshot_id=None, verdicts=[])
    return plan
