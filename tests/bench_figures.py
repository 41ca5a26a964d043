"""Benchmark: from a cost typed into the TCO grid, through the document (storage edit, undo
command, plan reload), to refreshed figures on screen, on a 10-year, 60-line initiative.

``bench_edit_to_figures()`` returns the median in milliseconds (target < 50 ms); run this
module directly to print it. The cumulative cash-flow chart redraws on the next event-loop
turn, after the numbers; its time is printed separately.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option, Plan

ROUNDS = 25
LIFE = 10


def bench_plan() -> Plan:
    """One initiative whose chosen option has a 10-year life and 60 lines (30 + 30)."""
    costs = []
    for n in range(30):
        category = list(CostCategory)[n % 5]  # decommissioning left free for the edits
        if n % 2:
            costs.append(CostLine(category, 50_000 + 100 * n, LineKind.RECURRING, n % 4, LIFE - 1,
                                  250, f"Recurring cost {n}"))
        else:
            year = n % LIFE
            costs.append(CostLine(category, 120_000 + 100 * n, LineKind.ONE_OFF, year, year, 0,
                                  f"One-off cost {n}"))
    benefits = [
        BenefitLine(list(BenefitCategory)[n % 5], 40_000 + 100 * n, LineKind.RECURRING,
                    1 + n % 3, LIFE - 1, 100 * (n % 3), f"Benefit {n}")
        for n in range(30)
    ]
    option = Option("Ten-year option", chosen=True, life_years=LIFE, costs=costs,
                    benefits=benefits)
    return Plan(Business("Bench Ltd"), initiatives=[Initiative("Big initiative", options=[option])])


def _measure(rounds: int = ROUNDS) -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from smbplanner.domain.enums import Scenario
    from smbplanner.storage.planfile import PlanFile
    from smbplanner.ui.document import PlanDocument
    from smbplanner.ui.pages.initiatives.costs import LinesEditor
    from smbplanner.ui.pages.initiatives.figures import FiguresPanel
    from smbplanner.ui.pages.initiatives.options import OptionsPanel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.smbplan"
        PlanFile.create(path, bench_plan()).close()
        document = PlanDocument(PlanFile.open(path))
        try:
            initiative_id = document.plan().initiatives[0].id
            editor = LinesEditor(document, "cost")
            figures = FiguresPanel(document)
            options = OptionsPanel(document)
            for widget in (editor, figures, options):
                widget.set_initiative(initiative_id)
                widget.resize(1040, 760)
                widget.show()
            app.processEvents()
            model = editor.grid_model
            row = list(CostCategory).index(CostCategory.DECOMMISSIONING)
            numbers, charts = [], []
            for n in range(rounds):
                cell = model.index(row, n % LIFE)
                start = time.perf_counter()
                assert model.setData(cell, str(1_000 + n))
                shown = figures.values["tco", Scenario.LIKELY].text()
                numbers.append(time.perf_counter() - start)
                assert shown  # refreshed synchronously
                start = time.perf_counter()  # then the visible chart redraws (after a pause)
                figures.chart.draw()
                figures.chart.canvas.draw()
                charts.append(time.perf_counter() - start)
                app.processEvents()
            return statistics.median(numbers) * 1000, statistics.median(charts) * 1000
        finally:
            for widget in (editor, figures, options):
                widget.close()
                widget.deleteLater()
            app.processEvents()
            document.close()


def bench_edit_to_figures() -> float:
    """Median ms from a typed cost to refreshed figures (10-year, 60-line initiative)."""
    return _measure()[0]


if __name__ == "__main__":
    figures_ms, chart_ms = _measure()
    print(f"edit → refreshed figures (10 years, 60 lines): {figures_ms:7.1f} ms  (target < 50 ms)")
    print(f"then the cash-flow chart redraws:              {chart_ms:7.1f} ms")
