"""The edit path in the real MainWindow, at 300, 1,000 and 3,000 initiatives, every page visited
first (so every page listens): a card dropped on the Priorities board, a cost typed into the
Initiatives page's TCO grid, and an undo — each timed from the event to the end of the event
loop's work (every visible view refreshed), as the median and the 95th percentile. Then the
first paint of a cold start on each plan (``smbplanner PLAN --exit-when-shown``).

``edit_rows()`` returns (measure, ms, target) rows and fills ``RESULTS`` for ``bench.json``:
``edit[N][kind] = {"median_ms", "p95_ms"}`` and ``first_paint[N] = {"median_ms"}``.
``python -m tests.bench_edits [N ...]`` prints the rows.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (300, 1000, 3000)
EDITS = 15
RESULTS: dict[str, dict[str, Any]] = {"edit": {}, "first_paint": {}}


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _stats(values: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(values) * 1000, 1),
            "p95_ms": round(_percentile(values, 95) * 1000, 1)}


def make_plan(path: Path, initiatives: int) -> None:
    from smbplanner.sample import large_plan
    from smbplanner.storage.planfile import PlanFile

    PlanFile.create(path, large_plan(initiatives=initiatives)).close()


def _measure(path: Path) -> dict[str, dict[str, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from smbplanner.domain.enums import CostCategory
    from smbplanner.ui.mainwindow import MainWindow
    from smbplanner.ui.pages.registry import PAGE_TITLES
    from smbplanner.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    ini = path.with_name("settings.ini")
    window = MainWindow(AppSettings(QSettings(str(ini), QSettings.Format.IniFormat)))
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path)
    app.processEvents()
    for index in range(len(PAGE_TITLES)):
        window.nav.setCurrentRow(index)
        app.processEvents()
    document = window.files.document
    assert document is not None
    result: dict[str, list[float]] = {"card_drop": [], "cost_cell": [], "undo": []}

    # A card dropped on the Priorities board (real mouse events).
    window.nav.setCurrentRow(PAGE_TITLES.index("Priorities"))
    app.processEvents()
    board = window.pages.page(PAGE_TITLES.index("Priorities"))
    view, vp = board.view, board.view.viewport()  # type: ignore[attr-defined]
    for n in range(EDITS):
        card = sorted(view.cards.values(), key=lambda c: c.look.number)[n]
        a = view.mapFromScene(card.pos())
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
        centre = view.sceneRect().center()  # the mirror image: another score for sure
        target = view.mapFromScene(QPointF(2 * centre.x() - card.pos().x() + 3,
                                           2 * centre.y() - card.pos().y() + 3))
        for k in range(1, 6):
            QTest.mouseMove(vp, a + (target - a) * k / 5)
        app.processEvents()
        before = document.undo_stack.count()
        start = time.perf_counter()
        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
        app.processEvents()
        result["card_drop"].append(time.perf_counter() - start)
        assert document.undo_stack.count() == before + 1, "the drop did not commit"

    # A cost typed into the TCO grid of an initiative's chosen option.
    plan = document.plan()
    chosen = next(i for i in plan.initiatives if i.chosen_option is not None)
    window.show_initiative(chosen.id)
    app.processEvents()
    page = window.pages.page(PAGE_TITLES.index("Initiatives"))
    model = page.costs.grid_model  # type: ignore[attr-defined]
    row = list(CostCategory).index(CostCategory.DECOMMISSIONING)
    for n in range(EDITS):
        cell = model.index(row, 0)
        start = time.perf_counter()
        assert model.setData(cell, str(1_000 + n))
        app.processEvents()
        result["cost_cell"].append(time.perf_counter() - start)

    for _ in range(EDITS):
        start = time.perf_counter()
        document.undo_stack.undo()
        app.processEvents()
        result["undo"].append(time.perf_counter() - start)

    # Memory held after 100 more edits (Python allocations, tracemalloc): what the undo
    # stack, the patched plan and the caches keep.
    import tracemalloc

    tracemalloc.start()
    before_mb = tracemalloc.get_traced_memory()[0] / 1e6
    for n in range(100):
        model.setData(model.index(row, n % 2), str(2_000 + n))
        app.processEvents()
    grown_mb = tracemalloc.get_traced_memory()[0] / 1e6 - before_mb
    tracemalloc.stop()

    window.files.close_plan()
    window.close()
    window.deleteLater()
    app.processEvents()
    stats = {kind: _stats(values) for kind, values in result.items()}
    stats["memory"] = {"after_100_edits_mb": round(grown_mb, 1)}
    return stats


def _first_paint(path: Path, runs: int = 5, command: list[str] | None = None) -> float:
    from tests.bench_startup import _start

    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "*.warning=false",
        "SMBPLANNER_DATA_DIR": str(path.parent / "data"),
        "XDG_CONFIG_HOME": str(path.parent / "config"),
    }
    command = command or [sys.executable, "-m", "smbplanner", str(path), "--exit-when-shown"]
    _start(command, env)  # warm the disk cache and the byte-code
    times = [_start(command, env)[0] for _ in range(runs)]
    return statistics.median(times) * 1000


def edit_rows(sizes: tuple[int, ...] = SIZES) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"plan{n}.smbplan"
            make_plan(path, n)
            m = _measure(path)
            RESULTS["edit"][str(n)] = m
            for kind, label in (("card_drop", "drop a card on the board"),
                                ("cost_cell", "type a cost cell"), ("undo", "undo")):
                target = "< 30 ms" if n <= 300 else ("< 100 ms" if n >= 3000 else "—")
                rows.append((f"edit at {n:,}: {label}, median", m[kind]["median_ms"], target))
                rows.append((f"edit at {n:,}: {label}, 95th percentile", m[kind]["p95_ms"],
                             "< 2 × median"))
            rows.append((f"edit at {n:,}: memory held after 100 more edits (MB)",
                         m["memory"]["after_100_edits_mb"], "(info)"))
            paint = _first_paint(path)
            RESULTS["first_paint"][str(n)] = {"median_ms": round(paint, 1)}
            rows.append((f"first paint of a cold start at {n:,} initiatives", paint,
                         "≤ 1.3 × the sample's"))
        from tests.bench_startup import BARE_QT

        sample = Path(tmp) / "sample.smbplan"
        from smbplanner.sample import sample_plan
        from smbplanner.storage.planfile import PlanFile

        PlanFile.create(sample, sample_plan()).close()
        paint = _first_paint(sample)
        RESULTS["first_paint"]["sample"] = {"median_ms": round(paint, 1)}
        rows.append(("first paint of a cold start on the sample plan", paint, "—"))
        floor = _first_paint(sample, command=[sys.executable, "-c", BARE_QT])
        RESULTS["first_paint"]["floor"] = {"median_ms": round(floor, 1)}
        rows.append(("first paint of a bare PySide6 window (the floor)", floor, "(floor)"))
    return rows


if __name__ == "__main__":
    chosen = tuple(int(a) for a in sys.argv[1:]) or SIZES
    for measure, ms, target in edit_rows(chosen):
        print(f"{measure:60s} {ms:8.1f} ms  {target}")
