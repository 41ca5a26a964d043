"""Round trip (issue 19's first "done when"): the sample exported to a workbook, each table
imported into a new plan, gives the same tables."""

from __future__ import annotations

from pathlib import Path

from smbplanner.domain.model import Business
from smbplanner.sample import sample_plan
from smbplanner.spreadsheets.tables import plan_tables
from smbplanner.spreadsheets.targets import TARGETS, import_order
from smbplanner.spreadsheets.workbook import workbook_bytes
from smbplanner.storage.planfile import PlanFile
from tests.spreadsheets.helpers import import_into, load


def test_the_sample_exported_and_imported_into_a_new_plan_gives_the_same_tables(
    tmp_path: Path,
) -> None:
    original_path = tmp_path / "sample.smbplan"
    plan = sample_plan()
    costs = [c for i in plan.initiatives for o in i.options for c in o.costs]
    costs[0].capital, costs[1].capital = True, False  # and the rest their category's default
    PlanFile.create(original_path, plan).close()
    original = load(original_path)
    book = tmp_path / "sample.xlsx"
    book.write_bytes(workbook_bytes(original))

    copy_path = tmp_path / "copy.smbplan"
    b = original.business
    PlanFile.create(copy_path, Business(b.name, currency=b.currency, start_year=b.start_year,
                                        horizon_years=b.horizon_years)).close()
    for t in import_order():
        done = import_into(copy_path, book, t.name, t.title)
        name = t.name
        assert done.refused == 0 and done.updated == 0, name
    copy = load(copy_path)

    for before, after in zip(plan_tables(original), plan_tables(copy), strict=True):
        assert [c.key for c in before.columns] == [c.key for c in after.columns]
        assert before.rows == after.rows, before.target.name
        assert before.rows, f"the sample has no {before.target.name}"
    lines = next(t for t in plan_tables(copy) if t.target.name == "lines")
    capital = [c.key for c in lines.columns].index("capital")
    assert [row[capital] for row in lines.rows[:3]] == ["yes", "no", None]


def test_importing_the_same_workbook_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sample.smbplan"
    PlanFile.create(path, sample_plan()).close()
    plan = load(path)
    book = tmp_path / "sample.xlsx"
    book.write_bytes(workbook_bytes(plan))
    for name, t in TARGETS.items():
        done = import_into(path, book, name, t.title)
        assert done.added == 0 and done.unchanged == done.updated > 0, name
    again = load(path)
    assert plan_tables(again) == plan_tables(plan)
    ids = [c.id for i in again.initiatives for o in i.options for c in o.costs]
    assert ids == [c.id for i in plan.initiatives for o in i.options for c in o.costs]
