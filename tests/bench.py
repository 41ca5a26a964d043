"""``make bench``: speed of the plan file on a generated large plan, and of the board pack
export on the sample and the large plan, printed as a table.

Targets are in the table, not in tests: the suite never asserts on wall-clock time.
Figures are also written to ``build/bench.json``.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from smbplanner.analysis.plan_figures import plan_figures
from smbplanner.report import ReportOptions, build_board_pack
from smbplanner.sample import large_plan, sample_plan
from smbplanner.storage.jsonio import dump_document, parse_document, to_json_text
from smbplanner.storage.planfile import PlanFile
from tests.bench_edits import RESULTS as EDIT_RESULTS
from tests.bench_export import export_results
from tests.bench_ranges import ranges_rows

ROUNDS = 5


def _time(func: Callable[[], Any], rounds: int = ROUNDS) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def _peak_mb(func: Callable[[], Any]) -> float:
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak


def _export_rows(loaded: Any) -> tuple[list[tuple[str, float, str]], list[tuple[str, float, str]]]:
    """Board pack export: time (median) and peak Python memory, sample and large plan."""
    options = ReportOptions(as_of=date(2026, 11, 23))
    sample = sample_plan()
    build_board_pack(sample, options)  # fonts are read once per process
    rows, peaks = [], []
    for name, plan, rounds, target, memory in (
        ("sample", sample, ROUNDS, "< 1000 ms", "< 100 MB"),
        ("large", loaded, 3, "< 5000 ms", "< 400 MB"),
    ):
        ms, pdf = _time(lambda plan=plan: build_board_pack(plan, options), rounds)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        rows.append((f"export the {name} plan's board pack ({pages} pages)", ms, target))
        peak = _peak_mb(lambda plan=plan: build_board_pack(plan, options))
        peaks.append((f"peak Python memory exporting the {name} plan (MB)", peak, memory))
    return rows, peaks


def _edit_to_figures_row() -> tuple[str, float, str]:
    """The Initiatives page: a typed cost to refreshed figures (needs Qt, offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.bench_figures import bench_edit_to_figures

    return ("Initiatives page: cost edit to refreshed figures (10 years, 60 lines)",
            bench_edit_to_figures(), "< 50 ms")


def _ui_rows() -> list[tuple[str, float, str]]:
    """The desktop app's views (Qt offscreen) and start-up (cold starts in subprocesses)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.bench_edits import edit_rows
    from tests.bench_fit import fit_rows
    from tests.bench_grid import grid_rows
    from tests.bench_roadmap import roadmap_rows
    from tests.bench_startup import startup_rows

    return [*grid_rows(), *roadmap_rows(), *fit_rows(), *startup_rows(), *edit_rows()]


def main() -> int:
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = large_plan()
        lines = sum(len(o.costs) + len(o.benefits) for i in plan.initiatives for o in i.options)
        counter = iter(range(10_000))

        def save() -> Path:
            path = folder / f"large{next(counter)}.smbplan"
            PlanFile.create(path, plan).close()
            return path

        ms, path = _time(save)
        rows.append(("save a new plan file (create, write, verify)", ms, "< 1500 ms"))

        ms, _ = _time(lambda: PlanFile.open(path).close())
        rows.append(
            ("open for editing (hardened: schema check, quick_check, lock)", ms, "< 300 ms")
        )

        def load() -> Any:
            with PlanFile.open(path, readonly=True) as f:
                return f.load()

        ms, loaded = _time(load)
        rows.append(("open read-only and load the whole plan", ms, "< 500 ms"))

        ms, figures = _time(lambda: plan_figures(loaded))
        rows.append(("compute every figure (3 scenarios per initiative, NPV ranges)", ms,
                     "< 500 ms"))
        rows += ranges_rows(loaded)  # the ranges alone: their share of the line above

        ms, text = _time(lambda: to_json_text(dump_document(loaded, figures)))
        rows.append((f"dump to JSON ({len(text) / 1e6:.1f} MB)", ms, "< 1000 ms"))

        ms, parsed = _time(lambda: parse_document(text))
        rows.append(("parse and validate the JSON", ms, "< 1000 ms"))

        def load_json() -> None:
            PlanFile.create(folder / f"loaded{next(counter)}.smbplan", parsed).close()

        ms, _ = _time(load_json)
        rows.append(("load: JSON plan into a new file", ms, "< 1500 ms"))

        def edit() -> None:
            with PlanFile.open(path) as f:
                first = loaded.initiatives[0]
                for q in (2, 3, 4, 1):
                    f.update(type(first), first.id, start_quarter=q)

        ms, _ = _time(edit)
        rows.append(("open + 4 single edits (each its own transaction)", ms, "< 400 ms"))

        with PlanFile.open(path) as f:
            ms, _ = _time(lambda: f.save_copy(folder / f"copy{next(counter)}.smbplan"))
        rows.append(("save a copy (backup API, atomic rename)", ms, "< 300 ms"))

        peak = _peak_mb(load)
        size = path.stat().st_size / 1e6
        export_rows, peaks = _export_rows(loaded)
        rows += export_rows
        export = export_results(loaded)  # the default pack at 300 and 3,000 initiatives
        rows.append(_edit_to_figures_row())
        rows += _ui_rows()

    title = (
        f"Large plan: {len(plan.initiatives)} initiatives, {lines} cost and benefit lines, "
        f"{plan.business.horizon_years}-year horizon; file {size:.1f} MB; "
        f"median of {ROUNDS} runs"
    )
    peaks.insert(0, ("peak Python memory while loading (MB)", peak, "< 100 MB"))
    width = max(len(r[0]) for r in [*rows, *peaks])
    print(title)
    print(f"{'measure'.ljust(width)}  {'ms':>9}  target")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 10}")
    for name, value, target in rows:
        print(f"{name.ljust(width)}  {value:9.1f}  {target}")
    for name, value, target in peaks:
        print(f"{name.ljust(width)}  {value:9.1f}  {target}")
    out = Path("build")
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(
        json.dumps(
            {
                "plan": title,
                "rows": [{"measure": n, "ms": round(v, 2), "target": t} for n, v, t in rows],
                "peak_load_mb": round(peak, 1),
                "peaks_mb": [{"measure": n, "mb": round(v, 1), "target": t} for n, v, t in peaks],
                # the edit path at 300, 1,000 and 3,000 initiatives (tests/bench_edits.py)
                "edit": EDIT_RESULTS["edit"],
                "first_paint": EDIT_RESULTS["first_paint"],
                # the board pack (tests/bench_export.py)
                "export": export,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
