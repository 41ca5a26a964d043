"""The lock and the replacing of files (issue [Data safety], classes 1-3).

1. The lock never writes through a symlink or a hard link to another file of the user's.
2. The lock can never be held twice: 4 processes x 1,000 acquisitions, no overlap.
3. Two creators of one new path: one wins, the other is refused; replacing a plan never
   happens under an editor, and no committed edit is lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from smbplanner.domain.model import Business, Goal, Plan
from smbplanner.storage import planfile as planfile_module
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.lock import PlanLock, lock_path
from smbplanner.storage.planfile import PlanFile

ROOT = Path(__file__).resolve().parents[2]
STRESS = bool(os.environ.get("SMBPLANNER_STRESS"))
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


def _plan(name: str) -> Plan:
    return Plan(business=Business(name=name), goals=[Goal(id=1, title=f"Goal of {name}")])


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.smbplan"
    PlanFile.create(path, _plan("Original")).close()
    return path


@posix_only
@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_the_lock_never_writes_to_a_linked_file(plan_path: Path, link: str) -> None:
    victim = plan_path.with_name("thesis.txt")
    victim.write_text("four years of work\n")
    if link == "symlink":
        os.symlink(victim, lock_path(plan_path))
    else:
        os.link(victim, lock_path(plan_path))
    with pytest.raises(PlanFileError) as info:
        PlanFile.open(plan_path)
    assert "lock" in str(info.value) and "\n" not in str(info.value)
    assert victim.read_text() == "four years of work\n"
    with PlanFile.open(plan_path, readonly=True) as plan_file:  # reading needs no lock
        assert plan_file.load().business.name == "Original"


@posix_only
def test_reading_the_holder_never_follows_a_link_nor_reads_without_bound(tmp_path: Path) -> None:
    from smbplanner.storage.lock import read_holder

    plan = tmp_path / "plan.smbplan"
    os.symlink("/dev/zero", lock_path(plan))
    assert read_holder(plan) == {}


RACER = """
import os, sys, time
from pathlib import Path
from smbplanner.storage.errors import PlanLocked
from smbplanner.storage.lock import PlanLock
plan, marker, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
overlaps = done = 0
while done < rounds:
    lock = PlanLock(plan)
    try:
        lock.acquire()
    except PlanLocked:
        time.sleep(0)
        continue
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        overlaps += 1
    else:
        os.close(fd)
        os.unlink(marker)
    lock.release()
    done += 1
print(overlaps, flush=True)
"""


def test_four_processes_never_hold_the_lock_at_once(tmp_path: Path) -> None:
    plan, marker = tmp_path / "raced.smbplan", tmp_path / "inside"
    rounds = 3000 if STRESS else 1000
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(plan), str(marker), str(rounds)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(4)
    ]
    overlaps = []
    for racer in racers:
        out, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err
        overlaps.append(int(out))
    assert overlaps == [0, 0, 0, 0]
    assert not lock_path(plan).exists()


def test_a_crashed_holders_lock_is_stale_and_a_clean_release_leaves_nothing(
    plan_path: Path,
) -> None:
    lock = PlanLock(plan_path).acquire()
    assert lock.stale is None
    lock.release()
    assert not lock_path(plan_path).exists()
    lock_path(plan_path).write_text('{"pid": 999999, "host": "elsewhere"}')
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.stale_lock == {"pid": 999999, "host": "elsewhere"}
    assert not lock_path(plan_path).exists()


@pytest.fixture
def slow_fill(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing a plan takes 0.4 s, so that a second process or thread meets it half-way."""
    real = planfile_module.insert_plan

    def slow(conn: Any, plan: Plan) -> None:
        time.sleep(0.4)
        real(conn, plan)

    monkeypatch.setattr(planfile_module, "insert_plan", slow)


def _in_thread(target: Any) -> tuple[threading.Thread, list[object]]:
    result: list[object] = []

    def run() -> None:
        try:
            result.append(target())
        except Exception as e:  # the outcome is what the test reads
            result.append(e)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def test_two_creators_of_one_new_path_one_wins_the_other_is_told(
    tmp_path: Path, slow_fill: None
) -> None:
    path = tmp_path / "new.smbplan"

    def create(name: str) -> Any:
        def run() -> str:
            PlanFile.create(path, _plan(name)).close()
            return name
        return run

    first, first_result = _in_thread(create("First"))
    time.sleep(0.15)
    second, second_result = _in_thread(create("Second"))
    first.join(30)
    second.join(30)
    outcomes = first_result + second_result
    winners = [o for o in outcomes if isinstance(o, str)]
    losers = [o for o in outcomes if isinstance(o, Exception)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], PlanFileError) and "\n" not in str(losers[0])
    with PlanFile.open(path, readonly=True) as plan_file:
        assert plan_file.load().business.name == winners[0]
    assert not lock_path(path).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["new.smbplan"]


def test_replacing_a_plan_never_loses_an_editors_committed_edit(
    plan_path: Path, slow_fill: None
) -> None:
    replacing, result = _in_thread(
        lambda: PlanFile.create(plan_path, _plan("Replacement"), force=True).close()
    )
    time.sleep(0.15)  # the replacement is being written
    edited = False
    try:
        with PlanFile.open(plan_path) as editor:
            editor.update_business(name="Edited by the owner")
            edited = True
    except PlanFileError as e:
        assert "open in another SMB Planner window" in str(e)
    replacing.join(30)
    replaced = result == [None]
    with PlanFile.open(plan_path, readonly=True) as plan_file:
        name = plan_file.load().business.name
    if not replaced:  # refused: it changed nothing, and the owner's edit is there
        assert isinstance(result[0], PlanFileError) and name != "Replacement", result
        assert edited and name == "Edited by the owner"
    else:  # done while no editor held the file: the edit was refused, or came after it
        assert name == ("Edited by the owner" if edited else "Replacement")


def test_replacing_a_plan_an_editor_holds_is_refused_and_changes_nothing(
    plan_path: Path,
) -> None:
    before = plan_path.read_bytes()
    with PlanFile.open(plan_path) as editor:
        with pytest.raises(PlanFileError) as info:
            PlanFile.create(plan_path, _plan("Replacement"), force=True)
        assert "open in another SMB Planner window" in str(info.value)
        assert plan_path.read_bytes() == before
        editor.update_business(name="Still mine")
    with PlanFile.open(plan_path, readonly=True) as plan_file:
        assert plan_file.load().business.name == "Still mine"
