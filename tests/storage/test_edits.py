"""One user action = one edit: one transaction, inverses for undo, and ``Changes`` from which
the in-memory plan is patched to equal a fresh load."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.domain.enums import CostCategory, LineKind, SwotKind
from smbplanner.domain.model import CostLine, Goal, Initiative, Kpi, Plan, SwotItem
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.edits import EditSession, perform, replay
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.planread import patch_plan
from tests.conftest import tiny_plan


@pytest.fixture
def plan_file(tmp_path: Path) -> PlanFile:
    f = PlanFile.create(tmp_path / "p.smbplan", tiny_plan())
    yield f  # type: ignore[misc]
    f.close()


def _fresh(f: PlanFile) -> Plan:
    return f.load(snapshots=False)


def test_a_multi_step_edit_is_all_or_nothing(plan_file: PlanFile) -> None:
    before = _fresh(plan_file)

    def steps(e: EditSession) -> None:
        item = e.add(SwotItem(SwotKind.THREAT, "Ransomware", "Are backups offline?"))
        e.link("set_swot_goal", (item, before.goals[0].id), True)
        e.link("set_swot_goal", (item, 999), True)  # refused: no such goal

    with pytest.raises(ValidationError):
        perform(plan_file, steps)
    assert _fresh(plan_file) == before


def test_undo_and_redo_flip_the_same_operations_and_keep_ids(plan_file: PlanFile) -> None:
    before = _fresh(plan_file)
    goal = before.goals[0]

    def steps(e: EditSession) -> int:
        new = e.add(Initiative(name="New CRM"))
        e.link("set_goal_link", (new, goal.id), 2)
        e.update(Goal, goal.id, title="Answer every call in 3 rings")
        return new

    done = perform(plan_file, steps)
    after = _fresh(plan_file)
    assert after.initiative(done.value) is not None
    undone = replay(plan_file, done.undo)
    assert _fresh(plan_file) == before
    replay(plan_file, undone.undo)
    assert _fresh(plan_file) == after  # the same ids again


def test_changes_name_tables_and_the_entities_to_read_again(plan_file: PlanFile) -> None:
    plan = _fresh(plan_file)
    init = next(i for i in plan.initiatives if i.options and i.options[0].costs)
    line = init.options[0].costs[0]
    done = perform(plan_file, lambda e: e.update(CostLine, line.id, amount_cents=123_45))
    assert done.changes.tables == {"cost_line"}
    assert dict(done.changes.entities) == {"initiative": {init.id}}
    goal = plan.goals[0]
    deleted = perform(plan_file, lambda e: e.delete(Goal, goal.id))
    assert "goal" in deleted.changes.tables and goal.id in deleted.changes.ids("goal")
    linked = {i.id for i in plan.initiatives if any(g.goal_id == goal.id for g in i.goals)}
    assert linked <= deleted.changes.ids("initiative")
    kpis = {k.id for k in plan.kpis if k.goal_id == goal.id}
    assert kpis <= deleted.changes.ids("kpi")


def _edits(plan: Plan) -> list[tuple[str, object]]:
    init = next(i for i in plan.initiatives if i.options)
    option = init.options[0]
    goal, person = plan.goals[-1], plan.people[0]
    return [
        ("add a cost line", lambda e: e.add(
            CostLine(CostCategory.TRAINING, 50_000, LineKind.ONE_OFF, 0, 0, 0, "Course"),
            option.id)),
        ("rename the initiative", lambda e: e.update(Initiative, init.id, name="Renamed")),
        ("business", lambda e: e.update_business(name="Renamed Ltd")),
        ("link a goal", lambda e: e.link("set_goal_link", (init.id, goal.id), 3)),
        ("RACI", lambda e: e.link("set_raci", (init.id, person.id), "A")),
        ("choose none", lambda e: e.choose_option(None, init.id)),
        ("add a KPI", lambda e: e.add(Kpi(goal_id=goal.id, name="Calls answered"))),
        ("delete the goal", lambda e: e.delete(Goal, goal.id)),
        ("delete the initiative", lambda e: e.delete(Initiative, init.id)),
    ]


def test_the_patched_plan_equals_a_fresh_load_after_every_edit_and_undo(
    plan_file: PlanFile,
) -> None:
    plan = _fresh(plan_file)
    for label, steps in _edits(plan):
        done = perform(plan_file, steps)  # type: ignore[arg-type]
        patched = patch_plan(plan_file.conn, plan, done.changes)
        assert patched == _fresh(plan_file), label
        untouched = [i for i in plan.initiatives if i.id not in done.changes.ids("initiative")]
        assert all(any(p is i for p in patched.initiatives) for i in untouched), label
        undone = replay(plan_file, done.undo)
        assert patch_plan(plan_file.conn, patched, undone.changes) == plan, label
        redone = replay(plan_file, undone.undo)
        plan = patch_plan(plan_file.conn, plan, redone.changes)
        assert plan == _fresh(plan_file), label
