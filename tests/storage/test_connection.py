"""The hardened open: damaged and hostile files are refused cleanly and left untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.lock import lock_path
from smbplanner.storage.planfile import PlanFile
from tests.storage.badfiles import BAD_FILES, EXPECTED_WORDS


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("readonly", [True, False], ids=["read", "edit"])
def test_bad_file_is_refused_and_left_byte_identical(
    plan_path: Path, tmp_path: Path, name: str, readonly: bool
) -> None:
    bad = tmp_path / f"{name}.smbplan"
    BAD_FILES[name](plan_path, bad)
    before = bad.read_bytes()
    with pytest.raises(PlanFileError) as info:
        PlanFile.open(bad, readonly=readonly).close()
    message = str(info.value)
    assert message.startswith(f"{bad.name}: ")
    assert EXPECTED_WORDS[name] in message
    assert "\n" not in message
    assert bad.read_bytes() == before
    assert not lock_path(bad).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["tiny.smbplan", bad.name])


def test_trigger_in_a_hostile_file_never_runs(plan_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "evil.smbplan"
    BAD_FILES["extra_trigger"](plan_path, bad)
    with pytest.raises(PlanFileError):
        PlanFile.open(bad)
    import sqlite3

    conn = sqlite3.connect(f"{bad.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT name FROM business").fetchone()[0] == "Tiny Plumbing Ltd"
    conn.close()


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="no such file"):
        PlanFile.open(tmp_path / "nope.smbplan")
    with pytest.raises(PlanFileError, match="not a file"):
        PlanFile.open(tmp_path)
