"""Start-up benchmark: a cold start of the app on the sample plan to its first painted window,
beside a bare PySide6 QMainWindow started the same way (the floor), and their ratio.

Each start is a fresh process (``smbplanner PLAN --exit-when-shown``, offscreen). It is timed
from the launch to the moment the window has finished its first paint, which both processes
print (``first paint: <seconds since the epoch>``) before quitting; the median of several runs.
The time to the process's exit (tearing the window down, closing the plan) is shown too, but
the ratio is taken at the first paint, which is what the user waits for. Settings and data go
to a temporary folder, so the user's recent files are untouched. Byte-code caching is on, as
in an installed app (an environment with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile
every module on every start). ``python -m tests.bench_startup`` prints the rows.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 11
TARGET_RATIO = 1.5

#: The floor: the same interpreter, QApplication and a QMainWindow, quitting after first paint
#: exactly as ``smbplanner PLAN --exit-when-shown`` does.
BARE_QT = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def done():
    print(f"first paint: {time.time():.6f}", flush=True)
    QApplication.quit()

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("SMB Planner"))
window.resize(1280, 800)
quitter = Quit(window)
window.installEventFilter(quitter)
window.show()
app.exec()
"""


def _start(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from launch to the end of the first paint, seconds from launch to exit)."""
    launched = time.time()
    result = subprocess.run(command, env=env, check=True, capture_output=True, text=True,
                            timeout=120)
    exited = time.time()
    stamps = [line for line in result.stdout.splitlines() if line.startswith("first paint: ")]
    if len(stamps) != 1:
        raise RuntimeError(f"{command[-2:]}: no first paint reported: {result.stdout!r}")
    painted = float(stamps[0].split(": ", 1)[1])
    return painted - launched, exited - launched


def _medians(
    commands: list[list[str]], env: dict[str, str], runs: int
) -> list[tuple[float, float]]:
    """Median (first paint, exit) of each command; the commands take turns, so that a busy
    moment of the machine weighs on all of them alike."""
    starts: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            starts[i].append(_start(command, env))
    return [
        (statistics.median(s[0] for s in runs_of), statistics.median(s[1] for s in runs_of))
        for runs_of in starts
    ]


def startup_rows(runs: int = RUNS) -> list[tuple[str, float, str]]:
    """(measure, milliseconds or ratio, target) rows for ``make bench``."""
    from smbplanner.sample import sample_plan
    from smbplanner.storage.planfile import PlanFile

    with tempfile.TemporaryDirectory(prefix="smbplanner-bench-") as tmp:
        folder = Path(tmp)
        plan = folder / "sample.smbplan"
        PlanFile.create(plan, sample_plan()).close()
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "QT_QPA_PLATFORM": "offscreen",
            "QT_LOGGING_RULES": "*.warning=false",
            "SMBPLANNER_DATA_DIR": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config"),
        }
        app = [sys.executable, "-m", "smbplanner", str(plan), "--exit-when-shown"]
        bare = [sys.executable, "-c", BARE_QT]
        _medians([app, bare], env, 2)  # warm the disk cache and write the .pyc files
        (app_paint, app_exit), (bare_paint, bare_exit) = _medians([app, bare], env, runs)
    return [
        ("start-up: launch to first painted window, sample plan", app_paint * 1000, "< 1500 ms"),
        ("start-up floor: bare PySide6 QMainWindow, same way", bare_paint * 1000, "(floor)"),
        ("start-up ratio to the floor (x, not ms)", app_paint / bare_paint, f"<= {TARGET_RATIO}"),
        ("start-up: launch to exit, sample plan (teardown incl.)", app_exit * 1000, "(info)"),
        ("start-up floor: launch to exit (teardown incl.)", bare_exit * 1000, "(info)"),
    ]


if __name__ == "__main__":
    for name, value, target in startup_rows():
        print(f"{name:60} {value:9.2f}  {target}")
