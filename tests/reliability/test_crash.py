"""Crash safety: a child process editing a plan is killed with SIGKILL at random points.

After each kill a copy of the plan (with its hot journal, if any) is opened the way the app
opens it: it must pass ``integrity_check`` and ``quick_check``, hold every edit the child
reported committed, and hold the edit in flight either entirely or not at all. The next child
then opens the real file over the dead child's stale lock (and journal) and must report that it
took the lock over. ``SMBPLANNER_STRESS=1`` (``make stress``) runs 60 kills instead of 8.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from smbplanner.storage.lock import lock_path, read_holder
from smbplanner.storage.planfile import PlanFile

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")
STRESS = bool(os.environ.get("SMBPLANNER_STRESS"))
KILLS = 60 if STRESS else 8

Model = dict[str, Any]


def observe(plan_file: PlanFile) -> Model:
    plan = plan_file.load(snapshots=False)
    goals = {g.id: g.description for g in plan.goals}
    inits = {i.name: i for i in plan.initiatives if i.name.startswith("E")}
    return {
        "inits": {
            name: {"opts": [o.name for o in i.options], "desc": i.description, "owner": i.owner}
            for name, i in inits.items()
        },
        "goals": [goals[1], goals[2]],
        "biz": [plan.business.it_vision, plan.business.it_mission],
        "links": sorted([name, g.goal_id, g.contribution] for name, i in inits.items()
                        for g in i.goals),
    }


def apply(model: Model, n: int, edit: list[str]) -> Model:
    """The model after edit ``n`` (as the child printed it)."""
    out = deepcopy(model)
    mark, (what, *args) = f"E{n}", edit
    links = [link for link in out["links"]]
    if what == "add":
        out["inits"][mark] = {"opts": [mark], "desc": "", "owner": ""}
    elif what == "upd":
        out["inits"][args[0]].update(desc=mark, owner=mark)
    elif what == "many":
        out["goals"] = [mark, mark]
    elif what == "biz":
        out["biz"] = [mark, mark]
    elif what == "del":
        del out["inits"][args[0]]
        links = [link for link in links if link[0] != args[0]]
    elif what in ("link", "unlink"):
        name, goal = args[0], int(args[1])
        links = [link for link in links if link[:2] != [name, goal]]
        if what == "link":
            links.append([name, goal, int(args[2])])
    else:
        raise AssertionError(f"unknown edit {edit}")
    out["links"] = sorted(links)
    return out


def run_child(path: Path, seed: int, first: int, rng: random.Random) -> tuple[int, list[str]]:
    """Start a child, let it commit a random number of edits, SIGKILL it at a random moment;
    returns its pid and every line it printed."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", str(path), str(seed), str(first)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    text = ""
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.6))  # somewhere in start-up, opening, taking the lock
    else:
        wanted = rng.randint(0, 25)
        while text.count("\nC ") + text.startswith("C ") < wanted:
            line = child.stdout.readline()
            if not line:
                break
            text += line
        time.sleep(rng.uniform(0.0, 0.02))  # and now anywhere inside the next edit
    child.send_signal(signal.SIGKILL)
    text += child.stdout.read()  # what the buffered reader already holds, then the pipe
    assert child.stderr is not None
    err = child.stderr.read()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    # A line cut short by the kill is dropped: a cut "B" line means that edit had not begun,
    # a cut "C" line leaves its edit in flight (then it may or may not be in the file).
    lines = text.split("\n")[:-1]
    assert "Traceback" not in err, err
    return child.pid, lines


def parse(lines: list[str]) -> tuple[dict[str, Any] | None, bool, list[tuple[int, list[str]]],
                                     tuple[int, list[str]] | None]:
    """(stale lock reported, whether S was printed, committed edits, the edit in flight)."""
    stale, started = None, False
    committed: list[tuple[int, list[str]]] = []
    pending: tuple[int, list[str]] | None = None
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind == "S":
            stale, started = json.loads(rest), True
        elif kind == "B":
            n, *edit = rest.split(" ")
            pending = (int(n), edit)
        elif kind == "C":
            assert pending is not None and pending[0] == int(rest)
            committed.append(pending)
            pending = None
    return stale, started, committed, pending


def check_copy(path: Path, work: Path, model: Model,
               pending: tuple[int, list[str]] | None) -> Model:
    """Open a copy of the killed child's plan (and journal) as the app would; returns the
    model it matches (the in-flight edit applied or not)."""
    copy = work / "copy.smbplan"
    for leftover in (copy, Path(f"{copy}-journal")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(path, copy)
    journal = Path(f"{path}-journal")
    if journal.exists():
        shutil.copyfile(journal, Path(f"{copy}-journal"))
    with PlanFile.open(copy) as plan_file:
        assert plan_file.integrity_problems() == []
        assert plan_file.db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        seen = observe(plan_file)
    candidates = [model] + ([apply(model, *pending)] if pending else [])
    assert seen in candidates, f"half-applied or lost edit; in flight: {pending}"
    return seen


def test_killed_editors_never_lose_or_half_apply_an_edit(plan_path: Path, tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("SMBPLANNER_CRASH_SEED", "20261123")))
    with PlanFile.open(plan_path) as plan_file:
        model = observe(plan_file)
    first, kills, committed_total, stale_takeovers = 1, 0, 0, 0
    started_at = time.perf_counter()
    for round_no in range(KILLS):
        left_behind = lock_path(plan_path).exists()
        holder = read_holder(plan_path)  # a killed child's, from an earlier round
        pid, lines = run_child(plan_path, rng.randrange(1 << 30), first, rng)
        kills += 1
        stale, started, committed, pending = parse(lines)
        if started:  # the child took over the dead one's lock, and said whose it was
            expected = (holder or {"note": "unreadable lock file"}) if left_behind else None
            assert stale == expected, (round_no, stale, expected)
            assert read_holder(plan_path)["pid"] == pid  # its own lock, left behind
            stale_takeovers += stale is not None
        for n, edit in committed:
            model = apply(model, n, edit)
        committed_total += len(committed)
        model = check_copy(plan_path, tmp_path, model, pending)
        if pending:
            first = pending[0] + 1
        elif committed:
            first = committed[-1][0] + 1
    # The real file, opened over the last stale lock, holds exactly the model.
    left_behind = lock_path(plan_path).exists()
    with PlanFile.open(plan_path) as plan_file:
        assert (plan_file.stale_lock is not None) == left_behind
        if read_holder(plan_path).get("pid") != os.getpid():
            raise AssertionError("the last stale lock was not taken over")
        assert plan_file.integrity_problems() == []
        assert observe(plan_file) == model
    assert not lock_path(plan_path).exists()
    elapsed = time.perf_counter() - started_at
    print(
        f"\ncrash loop: {kills} kills, {committed_total} committed edits, "
        f"{stale_takeovers} stale locks taken over, {elapsed:.1f} s"
    )
    assert kills == KILLS and committed_total > 0 and stale_takeovers > 0


@pytest.mark.parametrize("kill_before_edit", [True, False])
def test_the_next_open_takes_over_a_killed_holders_lock(
    plan_path: Path, kill_before_edit: bool
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", str(plan_path), "1", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().startswith("S ")
    if not kill_before_edit:
        while not child.stdout.readline().startswith("C "):
            pass
    child.kill()
    child.stdout.read()
    child.wait(timeout=30)
    assert json.loads(lock_path(plan_path).read_text())["pid"] == child.pid
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.stale_lock is not None and plan_file.stale_lock["pid"] == child.pid
        assert plan_file.integrity_problems() == []
        assert json.loads(lock_path(plan_path).read_text())["pid"] == os.getpid()
    assert not lock_path(plan_path).exists()
