"""What a plan lacks before a board can decide (``analysis.completeness``)."""

from __future__ import annotations

import dataclasses

from smbplanner.analysis.completeness import is_draft, missing_parts
from smbplanner.domain.model import Business, Plan
from smbplanner.sample import sample_plan


def test_the_sample_is_complete_and_an_empty_plan_is_a_draft() -> None:
    assert not is_draft(sample_plan())
    empty = Plan(business=Business(name="Empty Ltd"))
    assert is_draft(empty)
    phases = [m.phase for m in missing_parts(empty)]
    assert phases[0] == "Destination" and phases[-1] == "Governance"


def test_an_initiative_without_costs_is_named() -> None:
    plan = sample_plan()
    first = dataclasses.replace(plan.initiatives[0], options=[])
    plan = dataclasses.replace(plan, initiatives=[first, *plan.initiatives[1:]])
    texts = [m.text for m in missing_parts(plan)]
    assert len(texts) == 1 and first.name in texts[0] and "1 initiative has" in texts[0]
