"""Benchmark of the Priorities board with 500 initiatives (the generated large plan):
the time to build the board (page constructed, shown and painted), and the handling time of
each mouse move while dragging a card (the move event plus the repaint it causes), as the
median and the 95th percentile; then the release (one undo step, the board refreshed).

``grid_rows()`` returns (measure, milliseconds, target text) rows for ``make bench``; run this
module directly to print them.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

INITIATIVES = 500
MOVES = 200
BUILDS = 3


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _discard(page: Any, app: Any) -> None:
    """Close a page and really delete it (no event loop runs here to do it later)."""
    from PySide6.QtCore import QEvent

    page.close()
    page.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def _measure() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from smbplanner.sample import large_plan
    from smbplanner.storage.planfile import PlanFile
    from smbplanner.ui.document import PlanDocument
    from smbplanner.ui.pages.priorities.page import PrioritiesPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grid.smbplan"
        PlanFile.create(path, large_plan(initiatives=INITIATIVES)).close()
        document = PlanDocument(PlanFile.open(path))
        document.plan()  # loading the file is not the board's work
        builds = []
        page = None
        try:
            for _ in range(BUILDS):
                if page is not None:
                    _discard(page, app)
                start = time.perf_counter()
                page = PrioritiesPage(document)
                page.resize(1040, 760)
                page.show()
                app.processEvents()
                builds.append(time.perf_counter() - start)
            assert page is not None
            view, vp = page.view, page.view.viewport()
            card = max(view.cards.values(), key=lambda c: c.look.number)  # back burner
            a = view.mapFromScene(card.pos())
            QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
            app.processEvents()
            moves = []
            for k in range(1, MOVES + 1):
                at = a + (view.mapFromScene(QPointF(300, 60)) - a) * k / MOVES
                start = time.perf_counter()
                QTest.mouseMove(vp, at)
                app.processEvents()
                moves.append(time.perf_counter() - start)
            start = time.perf_counter()
            QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
            app.processEvents()
            release = time.perf_counter() - start
            assert document.undo_stack.count() == 1, "the drag did not commit"
            return {
                "build": statistics.median(builds) * 1000,
                "median": statistics.median(moves) * 1000,
                "p95": _percentile(moves, 95) * 1000,
                "release": release * 1000,
                "cards": float(len(view.cards)),
            }
        finally:
            if page is not None:
                _discard(page, app)
            document.close()


def grid_rows() -> list[tuple[str, float, str]]:
    m = _measure()
    n = f"{INITIATIVES} initiatives, {int(m['cards'])} cards"
    return [
        (f"Priorities board: build and paint ({n})", m["build"], "—"),
        ("Priorities board: mouse move while dragging, median", m["median"], "< 4 ms"),
        ("Priorities board: mouse move while dragging, 95th percentile", m["p95"], "< 16 ms"),
        ("Priorities board: release (one undo step, board refreshed)", m["release"], "—"),
    ]


if __name__ == "__main__":
    for measure, ms, target in grid_rows():
        print(f"{measure:70s} {ms:8.1f} ms  {target}")
