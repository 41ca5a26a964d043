"""The import is one edit: all rows or none, one undo record."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.domain.model import Business
from smbplanner.domain.validation import Problem, ValidationError
from smbplanner.spreadsheets.importing import import_steps
from smbplanner.spreadsheets.preview import make_preview
from smbplanner.spreadsheets.reading import read_sheet
from smbplanner.spreadsheets.targets import target
from smbplanner.storage import edits
from smbplanner.storage.edits import perform, replay
from smbplanner.storage.planfile import PlanFile

DATA = Path(__file__).parents[1] / "data" / "spreadsheets"


def test_a_refusal_half_way_leaves_nothing_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.smbplan"
    with PlanFile.create(path, Business("Harbour Bakery Co.")) as pf:
        plan = pf.load()
        preview = make_preview(plan, read_sheet(DATA / "inventory.xlsx"), target("systems"))
        assert len(preview.accepted()) == 6
        calls = []
        real_add = edits.EditSession.add

        def add(self: edits.EditSession, entity: object, parent_id: int | None = None) -> int:
            calls.append(entity)
            if len(calls) == 4:
                raise ValidationError([Problem("name", "refused by the file")])
            return real_add(self, entity, parent_id)

        monkeypatch.setattr(edits.EditSession, "add", add)
        with pytest.raises(ValidationError):
            perform(pf, import_steps(preview, plan))
        assert pf.load().systems == []


def test_one_undo_record_takes_the_whole_import_back(tmp_path: Path) -> None:
    path = tmp_path / "plan.smbplan"
    with PlanFile.create(path, Business("Harbour Bakery Co.")) as pf:
        for table, sheet in (("goals", "Goals"), ("kpis", "KPIs")):
            plan = pf.load()
            preview = make_preview(plan, read_sheet(DATA / "kpis.ods", sheet), target(table))
            perform(pf, import_steps(preview, plan))
        plan = pf.load()
        preview = make_preview(plan, read_sheet(DATA / "kpis.ods", "Measurements"),
                               target("measurements"))
        done = perform(pf, import_steps(preview, plan))
        assert sum(len(k.measurements) for k in pf.load().kpis) == 5
        redo = replay(pf, done.undo)
        assert sum(len(k.measurements) for k in pf.load().kpis) == 0
        replay(pf, redo.undo)
        assert sum(len(k.measurements) for k in pf.load().kpis) == 5
