"""Fine-grained edits: one transaction each, validated, and undoable with what they return."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.domain.enums import CostCategory, RaciRole
from smbplanner.domain.model import (
    BudgetYear,
    CostLine,
    Goal,
    Initiative,
    Kpi,
    Measurement,
    Option,
    Person,
)
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.errors import StaleEdit
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.planfile import PlanFile


def _state(f: PlanFile) -> dict[str, object]:
    return plan_to_dict(f.load())


def test_delete_initiative_and_restore_brings_back_everything(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        before = _state(f)
        deleted = f.delete(Initiative, 1)
        assert deleted.label == "initiative 'Job scheduling app'"
        after = f.load()
        assert [i.name for i in after.initiatives] == ["Managed backup"]
        assert after.initiatives[0].depends_on == []  # the dependency went with it
        assert after.swot[0].initiative_ids == []
        f.restore(deleted)
        assert _state(f) == before
    with PlanFile.open(plan_path, readonly=True) as f:
        assert _state(f) == before


def test_delete_goal_cascades_to_kpis_and_links_and_restores(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        before = _state(f)
        deleted = f.delete(Goal, 1)
        plan = f.load()
        assert plan.kpis == []
        assert all(link.goal_id != 1 for i in plan.initiatives for link in i.goals)
        f.restore(deleted)
        assert _state(f) == before


def test_update_returns_previous_values_for_undo(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        old = f.update(Initiative, 1, name="Scheduling", impact=None, start_quarter=4)
        assert old == {"name": "Job scheduling app", "impact": 4.5, "start_quarter": 2}
        changed = f.get(Initiative, 1)
        assert (changed.name, changed.impact, changed.start_quarter) == ("Scheduling", None, 4)
        f.update(Initiative, 1, **old)
        assert f.get(Initiative, 1).impact == 4.5


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"impact": 4.25}, "impact"),
        ({"impact": 6.0}, "impact"),
        ({"name": "  "}, "name"),
        ({"start_quarter": 5}, "start_quarter"),
        ({"duration_quarters": 0}, "duration_quarters"),
        ({"name": "a\x00b"}, "name"),
    ],
)
def test_bad_update_is_refused_and_nothing_changes(
    plan_path: Path, changes: dict[str, object], field: str
) -> None:
    with PlanFile.open(plan_path) as f:
        before = _state(f)
        with pytest.raises(ValidationError) as info:
            f.update(Initiative, 1, **changes)
        assert info.value.problems[0].field == field
        assert _state(f) == before


@pytest.mark.parametrize("amount", [float("nan"), float("inf"), -1, 10**14, "12", True])
def test_bad_money_is_refused_with_nothing_stored(plan_path: Path, amount: object) -> None:
    with PlanFile.open(plan_path) as f:
        before = _state(f)
        with pytest.raises(ValidationError, match="amount"):
            f.add(CostLine(CostCategory.TRAINING, amount), parent_id=1)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="amount"):
            f.update(CostLine, 1, amount_cents=amount)
        assert _state(f) == before


def test_add_nested_entities_and_edit_links(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        option_id = f.add(
            Option(name="Hybrid", life_years=4, costs=[CostLine(CostCategory.TRAINING, 50_000)]),
            parent_id=2,
        )
        previous = f.choose_option(option_id)
        assert previous is None
        assert f.choose_option(None, initiative_id=2) == option_id
        person = f.add(Person(name="Alex"))
        assert f.set_raci(2, person, RaciRole.ACCOUNTABLE) is None
        assert f.set_raci(2, person, RaciRole.CONSULTED) == RaciRole.ACCOUNTABLE
        assert f.set_goal_link(2, 1, 2) is None
        assert f.set_goal_link(2, 1, None) == 2
        with pytest.raises(ValidationError, match="circular"):
            f.set_dependency(1, 2, True)  # 2 already depends on 1
        kpi = f.add(
            Kpi(
                goal_id=2,
                name="Admin hours",
                measurements=[Measurement(__import__("datetime").date(2026, 6, 30), 12.0)],
            )
        )
        year = f.add(BudgetYear(2028, 1, 2))
        assert year == 2028
        plan = f.load()
        init = plan.initiative(2)
        assert init is not None
        assert init.options[0].name == "Hybrid" and init.options[0].costs[0].amount_cents == 50_000
        assert init.raci[0].role == RaciRole.CONSULTED
        assert plan.kpis[-1].id == kpi and len(plan.kpis[-1].measurements) == 1


def test_choosing_an_option_unchooses_the_other(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        assert f.choose_option(2) == 1
        init = f.load().initiative(1)
        assert init is not None and init.chosen_option is not None
        assert init.chosen_option.name == "On-premises server"
        assert sum(o.chosen for o in init.options) == 1


def test_edit_of_a_missing_entity_is_stale(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        with pytest.raises(StaleEdit):
            f.update(Goal, 999, title="x")
        with pytest.raises(StaleEdit):
            f.delete(Goal, 999)
        with pytest.raises(ValidationError, match="not in the plan"):
            f.add(Kpi(goal_id=999, name="Orphan"))


def test_snapshot_holds_the_plan_as_it_was(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        before = plan_to_dict(f.load())
        snap = f.take_snapshot("Baseline", taken_at="2026-01-01T00:00:00+00:00")
        f.update(Initiative, 1, name="Renamed")
        old = f.snapshot_plan(snap)
        assert old.initiatives[0].name == "Job scheduling app"
        assert plan_to_dict(old) == before
        assert f.load().snapshots[0].name == "Baseline"


def test_business_update_validates(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as f:
        old = f.update_business(horizon_years=7, currency="EUR")
        assert old == {"horizon_years": 3, "currency": "GBP"}
        with pytest.raises(ValidationError, match="currency"):
            f.update_business(currency="XXX")
        with pytest.raises(ValidationError, match="horizon_years"):
            f.update_business(horizon_years=11)
        assert f.business().horizon_years == 7


def test_several_updates_in_one_edit_are_all_or_nothing(plan_path: Path) -> None:
    from smbplanner.storage.edits import perform, replay

    with PlanFile.open(plan_path) as f:
        ids = [f.add(Initiative("Second", impact=2.0, feasibility=2.0)), 1][::-1]
        done = perform(f, lambda e: (e.update(Initiative, ids[0], impact=5.0),
                                     e.update(Initiative, ids[1], impact=1.5)))
        assert [f.get(Initiative, n).impact for n in ids] == [5.0, 1.5]
        replay(f, done.undo)
        assert [f.get(Initiative, n).impact for n in ids] == [4.5, 2.0]
        before = _state(f)
        with pytest.raises(ValidationError, match="impact"):
            perform(f, lambda e: (e.update(Initiative, ids[0], impact=1.0),
                                  e.update(Initiative, ids[1], impact=7.0)))
        assert _state(f) == before
