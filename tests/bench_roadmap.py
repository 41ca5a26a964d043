"""Benchmark: the roadmap panel on the generated large plan (300 initiatives, 10 years).

``roadmap_rows()`` returns ``(measure, ms, target)`` rows: building the panel (the timeline,
groups, conflicts and every bar, milestone and arrow), rebuilding it after an edit, and one
mouse-move step of a drag (the bar, its arrows and the conflict flags follow; no rebuild).
Run this module directly to print them. Needs Qt (offscreen).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROUNDS = 5


def _median_ms(func: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def roadmap_rows() -> list[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from smbplanner.sample import large_plan
    from smbplanner.storage.planfile import PlanFile
    from smbplanner.ui.document import PlanDocument
    from smbplanner.ui.pages.roadmap.panel import RoadmapPanel

    app = QApplication.instance() or QApplication([])
    plan = large_plan()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.smbplan"
        PlanFile.create(path, plan).close()
        document = PlanDocument(PlanFile.open(path))
        document.plan()  # loading the file is measured by tests/bench.py
        today = lambda: date(2026, 11, 23)  # noqa: E731
        panels: list[RoadmapPanel] = []

        def build() -> None:
            panel = RoadmapPanel(document, today=today)
            panel.resize(1040, 760)
            panels.append(panel)

        ms = _median_ms(build)
        rows.append(("Roadmap: build the panel, 300 initiatives", ms, "< 300 ms"))
        for extra in panels[1:]:
            document.changed.disconnect(extra._changed)
            extra.deleteLater()
        panel = panels[0]
        panel.show()
        app.processEvents()
        ms = _median_ms(panel.refresh)
        rows.append(("Roadmap: rebuild after an edit (scroll and selection kept)", ms,
                     "< 300 ms"))
        view = panel.view
        busiest = max(view.bars, key=lambda k: len(view.dependents.get(k, [])))
        bar = view.bars[busiest]
        steps = iter(range(10_000))

        def step() -> None:
            shift = 1 if next(steps) % 2 else 0
            view._follow(bar, bar.row.start + shift, bar.row.end + shift)

        ms = _median_ms(step, 50)
        rows.append(("Roadmap: one drag step (bar, arrows, conflict flags follow)", ms,
                     "< 16 ms"))
        panel.close()
        document.close()
    return rows


if __name__ == "__main__":
    for name, value, target in roadmap_rows():
        print(f"{name:<62} {value:9.1f}  {target}")
    sys.exit(0)
