"""Older plan files migrate: the version-1 fixture in tests/data opens, is backed up first,
migrates to the current version and holds exactly what it held."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smbplanner.storage.connection import read_header
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.schema import SCHEMA_VERSION
from tests.storage.v1 import expected_v1_plan

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
