"""The five phases as a checklist (analysis/phases.py)."""

from __future__ import annotations

from smbplanner.analysis.phases import phase_of_page, phases
from smbplanner.domain.enums import SwotKind
from smbplanner.domain.model import Business, Goal, Initiative, Plan, SwotItem
from smbplanner.sample import sample_plan


def test_an_empty_plan_starts_at_the_first_step() -> None:
    found = phases(Plan(Business("B")))
    assert [p.name for p in found] == [
        "Destination", "Assessment", "Prioritise", "Governance", "Measure"]
    assert not any(s.done for p in found for s in p.steps)
    assert found[0].next_step is found[0].steps[0]


def test_steps_follow_the_plan() -> None:
    plan = Plan(Business("B", industry="Dental clinic"),
                goals=[Goal(f"G{n}", id=n) for n in (1, 2, 3)],
                swot=[SwotItem(k, f"{k}") for k in SwotKind],
                initiatives=[Initiative("I", id=1)])
    destination, assessment, prioritise, *_ = phases(plan)
    assert [s.done for s in destination.steps] == [True, True, False]
    assert assessment.steps[0].done and not assessment.done
    assert prioritise.steps[0].done and not prioritise.steps[1].done  # serves no goal
    assert prioritise.next_step is prioritise.steps[1]
    assert prioritise.next_step.page == "Initiatives"


def test_the_sample_has_one_step_left_and_pages_map_to_phases() -> None:
    left = [(p.name, s.text) for p in phases(sample_plan()) for s in p.steps if not s.done]
    assert left == [("Prioritise", "Score each initiative on the grid")]
    assert [phase_of_page(t) for t in ("Destination", "Assessment", "Initiatives", "Priorities",
                                       "Governance", "KPIs & scorecard",
                                       "Roadmap & budget")] == [1, 2, 3, 3, 4, 5, 5]
