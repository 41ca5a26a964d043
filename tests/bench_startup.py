"""Start-up benchmark: a cold start of the app on the sample plan to its first painted window,
beside a bare PySide6 QMainWindow started the same way (the floor), and their ratio.

Each start is a fresh process (``smbplanner PLAN --exit-when-shown``, offscreen), timed from
launch to exit; the median of several runs. Settings and data go to a temporary folder, so the
user's recent files are untouched. ``python -m tests.bench_startup`` prints the rows.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
TARGET_RATIO = 1.5

#: The floor: the same interpreter, QApplication and a QMainWindow, quitting after first paint.
BARE_QT = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
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


def _median_seconds(command: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_rows(runs: int = RUNS) -> list[tuple[str, float, str]]:
    """(measure, milliseconds or ratio, target) rows for ``make bench``."""
    from smbplanner.sample import sample_plan
    from smbplanner.storage.planfile import PlanFile

    with tempfile.TemporaryDirectory(prefix="smbplanner-bench-") as tmp:
        folder = Path(tmp)
        plan = folder / "sample.smbplan"
        PlanFile.create(plan, sample_plan()).close()
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_LOGGING_RULES": "*.warning=false",
            "SMBPLANNER_DATA_DIR": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config"),
        }
        app = [sys.executable, "-m", "smbplanner", str(plan), "--exit-when-shown"]
        bare = [sys.executable, "-c", BARE_QT]
        _median_seconds(app, env, 1)  # warm the disk cache and the .pyc files
        _median_seconds(bare, env, 1)
        app_s = _median_seconds(app, env, runs)
        bare_s = _median_seconds(bare, env, runs)
    ratio = app_s / bare_s
    return [
        ("start-up: sample plan to first painted window (process)", app_s * 1000, "< 1500 ms"),
        ("start-up floor: bare PySide6 QMainWindow, same way", bare_s * 1000, "(floor)"),
        ("start-up ratio to the floor (x, not ms)", ratio, f"<= {TARGET_RATIO}"),
    ]


if __name__ == "__main__":
    for name, value, target in startup_rows():
        print(f"{name:60} {value:9.2f}  {target}")
