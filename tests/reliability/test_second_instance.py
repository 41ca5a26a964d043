"""A second SMB Planner on a plan another process holds: answered at once with a clear message
naming the holder, with a read-only view offered; a killed holder's stale lock is detected
and taken over (and cleared on close)."""

from __future__ import annotations

import getpass
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from smbplanner.storage.errors import PlanLocked
from smbplanner.storage.lock import lock_path, read_holder
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from smbplanner.storage.planfile import PlanFile
plan_file = PlanFile.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
plan_file.update_business(name="Changed by the holder")
plan_file.close()
print("closed", flush=True)
"""


@pytest.fixture
def holder(plan_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the plan open for editing."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(plan_path)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "ready\n"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


def test_the_second_instance_is_told_who_holds_the_plan(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    started = time.perf_counter()
    with pytest.raises(PlanLocked) as info:
        PlanFile.open(plan_path)
    elapsed = time.perf_counter() - started
    message = str(info.value)
    assert message.startswith(f"{plan_path.name}: the plan is open in another SMB Planner window")
    assert f"process {holder.pid}" in message
    assert getpass.getuser() in message and socket.gethostname() in message
    assert "open it read-only" in message and "\n" not in message
    print(f"\nsecond instance answered in {elapsed * 1000:.0f} ms")
    with PlanFile.open(plan_path, readonly=True) as view:  # the read-only view works
        assert view.business().name == "Tiny Plumbing Ltd"
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.write("go\n")  # the holder edits and closes while we read
        holder.stdin.flush()
        assert holder.stdout.readline() == "closed\n"
        assert view.business().name == "Changed by the holder"
    assert not lock_path(plan_path).exists()
    with PlanFile.open(plan_path) as plan_file:  # free again: no stale lock to report
        assert plan_file.stale_lock is None


def test_the_app_offers_a_read_only_view(
    plan_path: Path, holder: subprocess.Popen[str], qtbot: QtBot, tmp_path: Path
) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    asked: list[str] = []
    window.files.confirm = lambda title, text: asked.append(text) or True
    assert window.open_path(plan_path)
    assert len(asked) == 1 and f"process {holder.pid}" in asked[0]
    document = window.files.document
    assert document is not None and document.readonly
    assert document.plan().business.name == "Tiny Plumbing Ltd"
    window.files.close_plan()


def test_a_killed_holders_stale_lock_is_detected_and_cleared(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert read_holder(plan_path)["pid"] == holder.pid  # left behind by the dead process
    with PlanFile.open(plan_path, readonly=True) as view:  # never in the way of reading
        assert view.stale_lock is None
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.stale_lock is not None and plan_file.stale_lock["pid"] == holder.pid
        assert read_holder(plan_path)["pid"] == os.getpid()  # taken over
        with pytest.raises(PlanLocked, match=f"process {os.getpid()}"):
            PlanFile.open(plan_path)  # and held: a third opener is refused
        plan_file.update_business(name="After the crash")
    assert not lock_path(plan_path).exists()  # cleared on close
    with PlanFile.open(plan_path, readonly=True) as view:
        assert view.business().name == "After the crash"
