"""Model-based test: random sequences of add, edit, delete, undo, redo, Save As and close and
reopen through the UI's ``PlanDocument`` on a real plan file, against an in-memory model.

After every step the file (read through a second, read-only connection) holds exactly the
model's goals and initiatives and passes ``quick_check``. ``SMBPLANNER_STRESS=1`` runs longer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from smbplanner.domain.model import Business, Goal, Initiative
from smbplanner.domain.validation import Problem
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.document import PlanDocument

STRESS = bool(os.environ.get("SMBPLANNER_STRESS"))
State = dict[str, dict[int, dict[str, Any]]]

names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda s: bool(s.strip()))
weights = st.integers(1, 5)
scores = st.one_of(st.none(), st.integers(2, 10).map(lambda half: half / 2))


class DocumentMachine(RuleBasedStateMachine):
    folder: Path  # set by the test

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(dir=self.folder))
        self.path = self.dir / "plan.smbplan"
        self.copies = 0
        self.document = PlanDocument(PlanFile.create(self.path, Business(name="Model Ltd")))
        self.failures: list[Problem] = []
        self.document.failed.connect(self.failures.append)
        self.history: list[State] = [{"goals": {}, "initiatives": {}}]
        self.at = 0

    # --- the model -----------------------------------------------------------------------
    @property
    def model(self) -> State:
        return self.history[self.at]

    def commit(self, state: State) -> None:
        """A successful edit: one undo step, the redo steps are gone."""
        del self.history[self.at + 1 :]
        self.history.append(state)
        self.at += 1

    def copy_model(self) -> State:
        return {kind: {k: dict(v) for k, v in rows.items()} for kind, rows in self.model.items()}

    def fresh_history(self) -> None:
        self.history, self.at = [self.model], 0

    def attach(self, plan_file: PlanFile) -> None:
        self.document = PlanDocument(plan_file)
        self.document.failed.connect(self.failures.append)
        self.path = plan_file.path
        self.fresh_history()

    # --- rules ---------------------------------------------------------------------------
    @rule(title=names, weight=weights)
    def add_goal(self, title: str, weight: int) -> None:
        new_id = self.document.add(Goal(title=title, weight=weight)).value
        assert new_id is not None, self.failures
        state = self.copy_model()
        state["goals"][new_id] = {"title": title, "weight": weight}
        self.commit(state)

    @rule(name=names, impact=scores)
    def add_initiative(self, name: str, impact: float | None) -> None:
        new_id = self.document.add(Initiative(name=name, start_year=2026, impact=impact)).value
        assert new_id is not None, self.failures
        state = self.copy_model()
        state["initiatives"][new_id] = {"name": name, "impact": impact}
        self.commit(state)

    @precondition(lambda self: self.model["goals"])
    @rule(data=st.data(), title=names, weight=weights)
    def edit_goal(self, data: st.DataObject, title: str, weight: int) -> None:
        goal_id = data.draw(st.sampled_from(sorted(self.model["goals"])))
        assert self.document.update(Goal, goal_id, title=title, weight=weight), self.failures
        state = self.copy_model()
        state["goals"][goal_id] = {"title": title, "weight": weight}
        self.commit(state)

    @precondition(lambda self: self.model["initiatives"])
    @rule(data=st.data(), impact=scores)
    def edit_initiative(self, data: st.DataObject, impact: float | None) -> None:
        ids = sorted(self.model["initiatives"])
        edits = [(i, {"impact": impact}) for i in data.draw(st.sets(st.sampled_from(ids)))]
        assert self.document.update_many(Initiative, edits, "Move cards"), self.failures
        if edits:
            state = self.copy_model()
            for i, _ in edits:
                state["initiatives"][i]["impact"] = impact
            self.commit(state)

    @precondition(lambda self: self.model["goals"])
    @rule(data=st.data(), weight=st.sampled_from([0, 6, -1, 99]))
    def refused_edit(self, data: st.DataObject, weight: int) -> None:
        goal_id = data.draw(st.sampled_from(sorted(self.model["goals"])))
        before = len(self.failures)
        assert not self.document.update(Goal, goal_id, weight=weight)
        assert len(self.failures) == before + 1 and self.failures[-1].field == "weight"

    @precondition(lambda self: self.model["goals"] and self.model["initiatives"])
    @rule(data=st.data(), contribution=st.sampled_from([1, 2, 3, None]))
    def link(self, data: st.DataObject, contribution: int | None) -> None:
        """A goal link (not in the model: deleting either side takes it along; the check
        compares the patched plan with the file as a whole)."""
        initiative_id = data.draw(st.sampled_from(sorted(self.model["initiatives"])))
        goal_id = data.draw(st.sampled_from(sorted(self.model["goals"])))
        keys = (initiative_id, goal_id)
        assert self.document.link("set_goal_link", keys, contribution, "Link"), self.failures
        self.commit(self.copy_model())

    @precondition(lambda self: self.model["goals"] or self.model["initiatives"])
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        kinds = [k for k in ("goals", "initiatives") if self.model[k]]
        kind = data.draw(st.sampled_from(kinds))
        entity_id = data.draw(st.sampled_from(sorted(self.model[kind])))
        cls = Goal if kind == "goals" else Initiative
        assert self.document.delete(cls, entity_id), self.failures
        state = self.copy_model()
        del state[kind][entity_id]
        self.commit(state)

    @rule()
    def undo(self) -> None:
        assert self.document.undo_stack.canUndo() == (self.at > 0)
        if self.at > 0:
            self.document.undo_stack.undo()
            self.at -= 1

    @rule()
    def redo(self) -> None:
        assert self.document.undo_stack.canRedo() == (self.at < len(self.history) - 1)
        if self.at < len(self.history) - 1:
            self.document.undo_stack.redo()
            self.at += 1

    @rule()
    def save_as(self) -> None:
        self.copies += 1
        target = self.dir / f"copy {self.copies}.smbplan"
        plan_file = self.document.plan_file
        self.document.undo_stack.clear()
        self.attach(plan_file.save_as(target))

    @rule()
    def close_and_reopen(self) -> None:
        self.document.close()
        self.attach(PlanFile.open(self.path))

    # --- the check -----------------------------------------------------------------------
    @invariant()
    def file_matches_model(self) -> None:
        with PlanFile.open(self.path, readonly=True) as view:
            assert view.db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            plan = view.load(snapshots=False)
        stored = {
            "goals": {g.id: {"title": g.title, "weight": g.weight} for g in plan.goals},
            "initiatives": {
                i.id: {"name": i.name, "impact": i.impact} for i in plan.initiatives
            },
        }
        assert stored == self.model
        # What the pages show — the plan patched after every edit, undo and redo from the
        # rows each one touched, never read whole — equals a fresh load of the file.
        assert self.document.plan() == plan

    def teardown(self) -> None:
        self.document.close()


def test_the_file_always_matches_the_model(qapp: object, tmp_path: Path) -> None:
    DocumentMachine.folder = tmp_path
    run_state_machine_as_test(
        DocumentMachine,
        settings=settings(
            max_examples=150 if STRESS else 12,
            stateful_step_count=50 if STRESS else 25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
