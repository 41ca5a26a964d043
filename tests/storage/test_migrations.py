"""Older plan files migrate: the version-1 and version-4 fixtures in tests/data open, are
backed up first, migrate to the current version and hold exactly what they held."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smbplanner.storage.connection import read_header
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.schema import SCHEMA_VERSION
from tests.storage.v1 import expected_v1_plan, expected_v4_plan

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old.smbplan"
    shutil.copyfile(DATA / "sample-v1.smbplan", target)
    return target


def test_the_fixture_is_a_version_1_file(v1_copy: Path) -> None:
    assert read_header(v1_copy).user_version == 1


def test_a_version_1_plan_migrates_and_keeps_everything(v1_copy: Path) -> None:
    before = v1_copy.read_bytes()
    with PlanFile.open(v1_copy) as plan_file:
        plan = plan_file.load()
        assert plan_file.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert plan_to_dict(plan) == expected_v1_plan()
    backups = list(backup_dir().glob("old*"))
    assert len(backups) == 1
    # The backup holds the version-1 pages as they were (the header's change counter and
    # SQLite-version fields are the backup API's own).
    assert backups[0].read_bytes()[100:] == before[100:]
    assert read_header(backups[0]).user_version == 1


def test_a_lines_own_range_is_stored_after_migration(v1_copy: Path) -> None:
    from smbplanner.domain.model import CostLine

    with PlanFile.open(v1_copy) as plan_file:
        line = plan_file.load().initiatives[0].options[0].costs[0]
        assert (line.low_bp, line.high_bp) == (None, None)
        plan_file.update(CostLine, line.id, low_bp=8_000, high_bp=15_000)
    with PlanFile.open(v1_copy) as plan_file:
        line = plan_file.load().initiatives[0].options[0].costs[0]
        assert (line.low_bp, line.high_bp) == (8_000, 15_000)


def test_the_new_field_is_stored_after_migration(v1_copy: Path) -> None:
    with PlanFile.open(v1_copy) as plan_file:
        plan_file.update_business(target_run_share_bp=6_000)
    with PlanFile.open(v1_copy) as plan_file:
        assert plan_file.load().business.target_run_share_bp == 6_000


@pytest.fixture
def v4_copy(tmp_path: Path) -> Path:
    target = tmp_path / "four.smbplan"
    shutil.copyfile(DATA / "sample-v4.smbplan", target)
    return target


def test_a_version_4_plan_migrates_and_keeps_everything(v4_copy: Path) -> None:
    """The sample as version 4 wrote it (kept in tests/data for good): backed up, migrated
    to the current version, every entity kept; nothing is tracked yet."""
    assert read_header(v4_copy).user_version == 4
    with PlanFile.open(v4_copy) as plan_file:
        plan = plan_file.load()
        assert plan_file.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert plan_to_dict(plan) == expected_v4_plan()
    assert not any(i.has_actuals for i in plan.initiatives)
    backups = list(backup_dir().glob("four*"))
    assert len(backups) == 1 and read_header(backups[0]).user_version == 4


def test_actuals_are_stored_after_migration_and_go_with_their_initiative(v4_copy: Path) -> None:
    from datetime import date

    from smbplanner.domain.enums import CostCategory, Rag, Verdict
    from smbplanner.domain.model import ActualCost, Initiative, Review, ReviewDecision
    from smbplanner.storage.edits import perform, replay

    with PlanFile.open(v4_copy) as plan_file:
        plan_file.update(Initiative, 2, actual_start=date(2026, 4, 27), rag=Rag.RED,
                         rag_reason="Late", percent_complete=80, forecast_cost_cents=3_870_000)
        plan_file.add(ActualCost(2026, CostCategory.IMPLEMENTATION, 790_000, "Partner"), 2)
        review = Review(date(2026, 10, 20), verdicts=[ReviewDecision(2, Verdict.CHANGE, "Rescope")])
        plan_file.add(review)
    with PlanFile.open(v4_copy) as plan_file:
        plan = plan_file.load()
        server = plan.initiative(2)
        assert server is not None
        assert (server.rag, server.percent_complete, server.forecast_cost_cents) == (
            Rag.RED, 80, 3_870_000
        )
        assert [(a.year, a.amount_cents) for a in server.actual_costs] == [(2026, 790_000)]
        assert [(d.initiative_id, d.verdict) for d in plan.reviews[-1].verdicts] == [
            (2, Verdict.CHANGE)
        ]
        # deleting the initiative takes its actuals and the review's decision on it; undo
        # puts them back
        done = perform(plan_file, lambda e: e.delete(Initiative, 2))
        after = plan_file.load()
        assert after.initiative(2) is None and after.reviews[-1].verdicts == []
        replay(plan_file, done.undo)
        again = plan_file.load()
        assert plan_to_dict(again) == plan_to_dict(plan)


def test_a_version_4_json_document_loads_with_nothing_tracked() -> None:
    from smbplanner.storage.jsonio import parse_document

    plan = parse_document((DATA / "sample-v4.json").read_bytes())
    assert plan_to_dict(plan) == expected_v4_plan()
    assert not any(i.has_actuals for i in plan.initiatives)
    assert all(r.verdicts == [] and r.snapshot_id is None for r in plan.reviews)
