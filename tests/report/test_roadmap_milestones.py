"""The roadmap's milestone table: every milestone in a small plan, the coming year's in a
large one (the rest are diamonds on the bars)."""

from __future__ import annotations

from smbplanner.sample import large_plan, sample_plan
from tests.report.conftest import build


def test_a_small_plan_lists_every_milestone() -> None:
    plan = sample_plan()
    pack = build(plan, sections=("roadmap",))
    for initiative in plan.initiatives:
        if initiative.status.value == "cancelled":
            continue
        for milestone in initiative.milestones:
            assert pack.contains(milestone.name), milestone.name
    assert not pack.contains("milestones of the next")


def test_a_large_plan_lists_the_coming_milestones() -> None:
    pack = build(large_plan(), sections=("roadmap",))
    assert pack.contains("milestones of the next 4 quarters (Q4 2026 – Q3 2027)")
    assert len(pack.pages) < 20  # was 31: a table of every milestone


def test_past_due_initiatives_are_flagged_on_the_roadmap() -> None:
    from datetime import date

    from smbplanner.analysis.schedule import past_due

    plan = sample_plan()
    late = [i for i in plan.initiatives
            if past_due(i, date(2026, 11, 23)) and i.status.value != "cancelled"]
    assert late
    pack = build(plan, sections=("roadmap",))
    assert pack.contains("Bars outlined in red are past due")
    assert pack.text.count("· past due") >= len(late)


def test_funded_initiatives_without_a_page_show_their_status() -> None:

    from smbplanner.domain.enums import InitiativeStatus

    plan = sample_plan()
    pack = build(plan, sections=("initiatives",), detail="none")
    for initiative in plan.initiatives:
        if initiative.status in (InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS):
            assert pack.contains(initiative.name)
    assert pack.contains("Approved") and pack.contains("past due since the end of Q")
