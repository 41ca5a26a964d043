"""A migration that fails half-way leaves the original file untouched (byte for byte) and the
backup taken just before it restorable: it opens and holds the same plan."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from smbplanner.storage import migrations
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.lock import lock_path
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.schema import SCHEMA_VERSION, V2
from tests.storage.v1 import expected_v1_plan

DATA = Path(__file__).resolve().parents[1] / "data"


def expected_plan() -> dict[str, object]:
    return expected_v1_plan()


def fails_after_first_statement(error: Exception) -> Callable[[Database], None]:
    def step(db: Database) -> None:
        db.execute(V2[0])  # the first statement of migration 0002 runs...
        assert "target_run_share_bp" in db.table("business").columns_dict
        raise error  # ...then the step fails

    return step


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old.smbplan"
    shutil.copyfile(DATA / "sample-v1.smbplan", target)
    return target


@pytest.mark.parametrize(
    "error",
    [sqlite3.OperationalError("injected failure"), RuntimeError("injected failure")],
    ids=["sqlite error", "bug in a migration"],
)
def test_a_failed_migration_leaves_the_file_untouched_and_the_backup_restorable(
    v1_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    before = v1_copy.read_bytes()
    steps = list(migrations.migrations()._migrations)
    broken = dataclasses.replace(steps[1], fn=fails_after_first_statement(error))
    with monkeypatch.context() as patch:
        patch.setattr(migrations.migrations(), "_migrations", [steps[0], broken])

        with pytest.raises(PlanFileError) as info:
            PlanFile.open(v1_copy)
        message = str(info.value)
        assert message.startswith(
            f"old.smbplan: could not be updated from plan format 1 to {SCHEMA_VERSION} ")
        assert "injected failure" in message and "\n" not in message
        assert v1_copy.read_bytes() == before
        assert not lock_path(v1_copy).exists() and not Path(f"{v1_copy}-journal").exists()
        with pytest.raises(PlanFileError, match=r"\(injected failure\); the file was left as"):
            PlanFile.open(v1_copy, readonly=True)  # the read-only view, migrated in memory
        assert v1_copy.read_bytes() == before

    backups = list(backup_dir().glob("old.v1.*.smbplan"))
    assert len(backups) == 1
    restored = tmp_path / "restored.smbplan"
    shutil.copyfile(backups[0], restored)
    with PlanFile.open(restored) as plan_file:  # restoring: it migrates like the original
        assert plan_file.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert plan_to_dict(plan_file.load()) == expected_plan()
        assert plan_file.integrity_problems() == []
    with PlanFile.open(v1_copy) as plan_file:  # and the original, with the fix, migrates too
        assert plan_to_dict(plan_file.load()) == expected_plan()
