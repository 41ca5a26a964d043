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


def _edited(old: Initiative, kind: str, status: object, goal_id: int | None) -> Initiative:
    """One initiative after an edit of this kind (a new object, as a patched plan holds)."""
    import dataclasses

    from smbplanner.domain.enums import RaciRole
    from smbplanner.domain.model import GoalLink, RaciEntry

    changes: dict[str, object] = {
        "status": {"status": status},
        "score": {"impact": 3.0, "feasibility": 4.0},
        "unscore": {"impact": None},
        "raci": {"raci": [RaciEntry(1, RaciRole.ACCOUNTABLE), RaciEntry(2, RaciRole.RESPONSIBLE)]},
        "noraci": {"raci": []},
        "link": {"goals": [GoalLink(goal_id)] if goal_id is not None else []},
        "unlink": {"goals": []},
        "costless": {"options": []},
    }.get(kind, {})
    return dataclasses.replace(old, **changes) if changes else old  # type: ignore[arg-type]


def _reference(plan: Plan) -> list[tuple[str, bool]]:
    """The steps worked out without a cache, each rule read straight from the plan."""
    return [(s.text, s.done) for p in phases(plan) for s in p.steps]


def test_phase_facts_kept_between_calls_give_the_same_steps() -> None:
    """A plan patched after an edit shares the initiatives the edit did not touch; the side
    bar keeps what each initiative contributes (``PhaseFacts``) and reads again only the new
    versions. Any sequence of edits gives the steps a fresh count gives, and the RACI and
    goal-link rules are those of ``governance`` and ``alignment``."""
    import dataclasses

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from smbplanner.analysis.alignment import unaligned_initiatives
    from smbplanner.analysis.budget import counted
    from smbplanner.analysis.governance import raci_problems
    from smbplanner.analysis.phases import PhaseFacts
    from smbplanner.domain.enums import InitiativeStatus

    base = sample_plan()
    for n, i in enumerate(base.initiatives, start=1):
        i.id = i.id or n
    for n, g in enumerate(base.goals, start=1):
        g.id = g.id or 100 + n
    goal_ids = [g.id for g in base.goals]
    edit = st.tuples(
        st.integers(0, len(base.initiatives) - 1),
        st.sampled_from(["status", "score", "unscore", "raci", "noraci", "link", "unlink",
                         "costless", "dropgoal"]),
        st.sampled_from(list(InitiativeStatus)),
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(edit, max_size=12))
    def check(edits: list[tuple[int, str, InitiativeStatus]]) -> None:
        plan = dataclasses.replace(base, initiatives=list(base.initiatives))
        cache = PhaseFacts()
        assert [(s.text, s.done) for p in phases(plan, cache) for s in p.steps] == \
            _reference(plan)
        for at, kind, status in edits:
            old = plan.initiatives[at]
            new = _edited(old, kind, status, goal_ids[0])
            initiatives = list(plan.initiatives)
            initiatives[at] = new
            goals = plan.goals[1:] if kind == "dropgoal" and plan.goals else plan.goals
            plan = dataclasses.replace(plan, initiatives=initiatives, goals=goals)
            steps = [(s.text, s.done) for p in phases(plan, cache) for s in p.steps]
            assert steps == _reference(plan)
            live = [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]
            done = dict(steps)
            assert done["Link each initiative to a goal it serves"] == (
                bool(live) and not unaligned_initiatives(plan))
            assert done["One Accountable and a Responsible for each initiative (RACI)"] == (
                bool(live) and not raci_problems(plan))
            costed = [i for i in plan.initiatives if counted(i)]
            assert done["Enter each initiative's costs and benefits"] == (
                bool(costed) and all(i.chosen_option and i.chosen_option.costs
                                     and i.chosen_option.benefits for i in costed))
            assert done["Score each initiative on the grid"] == (
                bool(live) and all(i.impact is not None and i.feasibility is not None
                                   for i in live))

    check()
