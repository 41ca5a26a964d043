"""Disk full or I/O error during an edit: a clear error, the file intact, the app usable.

A child process limits the size of the files it may write (``RLIMIT_FSIZE``, SIGXFSZ ignored:
a write past the limit fails with EFBIG, as on a full disk) and edits until an edit fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.planfile import PlanFile

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


def run_child(plan: Path, limit: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.reliability.diskfull_child", str(plan), str(limit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def stored(plan: Path) -> dict[str, object]:
    with PlanFile.open(plan, readonly=True) as plan_file:
        assert plan_file.integrity_problems() == []
        assert plan_file.db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        data: dict[str, object] = plan_to_dict(plan_file.load())
        return data


def assert_clear_refusal(result: dict[str, object], plan: Path) -> None:
    message = str(result["error"])
    assert result["kind"] == "PlanFileError"
    assert message.startswith(f"{plan.name}: the change was not saved: ")
    assert "\n" not in message and "Traceback" not in message
    assert result["still_reads"] is True


@pytest.mark.parametrize(
    "where", ["plan file cannot grow", "journal cannot be written"]
)
def test_a_failed_write_leaves_the_plan_as_it_was(plan_path: Path, where: str) -> None:
    before_bytes = plan_path.read_bytes()
    before = stored(plan_path)
    limit = len(before_bytes) if where == "plan file cannot grow" else 1024
    result = run_child(plan_path, limit)
    assert_clear_refusal(result, plan_path)
    assert result["initiatives"] == ["Job scheduling app", "Managed backup"]
    assert result["goals"] == ["", ""]
    if where == "journal cannot be written":
        assert plan_path.read_bytes() == before_bytes  # the plan's own bytes never touched
        assert str(result["small_edit"]).endswith("then try again)")
    else:
        assert result["small_edit"] == "ok"  # an edit that fits in the file still works
        before["goals"][0]["weight"] = 5  # type: ignore[index]
    assert stored(plan_path) == before
    assert not Path(f"{plan_path}-journal").exists()


def test_the_disk_fills_up_part_way(plan_path: Path) -> None:
    """Some edits fit, then one does not: those before are kept, the failing one is absent."""
    result = run_child(plan_path, plan_path.stat().st_size + 40_000)
    assert_clear_refusal(result, plan_path)
    names = result["initiatives"]
    assert isinstance(names, list) and len(names) > 2  # at least one edit fitted
    data = stored(plan_path)
    assert [i["name"] for i in data["initiatives"]] == names  # type: ignore[index]
    goals = [g["description"] for g in data["goals"]]  # type: ignore[index]
    assert goals == result["goals"]
    assert goals[0][::-1] == goals[1]  # the update_many pair: both or neither
