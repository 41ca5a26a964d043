"""The board pack's export time and memory (issue 17), for ``make bench``'s
``build/bench.json`` ``export``: the sample, the 300-initiative plan and 3,000 initiatives
(the large plan ten times over, each copy with its own ids), the default pack each time.

Run alone (``python -m tests.bench_export``) it prints the figures and updates ``export`` in
``build/bench.json``. Targets: 300 initiatives ≤ 1.5 s, 3,000 ≤ 8 s, peak < 250 MB.
"""

from __future__ import annotations

import copy
import io
import json
import statistics
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from smbplanner.domain.model import Plan
from smbplanner.report import ReportOptions, build_board_pack
from smbplanner.sample import large_plan, sample_plan

OPTIONS = ReportOptions(as_of=date(2026, 11, 23))


def times_ten(plan: Plan) -> Plan:
    """The plan's initiatives ten times over; each copy's initiatives renumbered (and their
    dependencies with them), so that every copy links and is drawn as the original."""
    step = max((i.id or 0 for i in plan.initiatives), default=0) + 1
    bigger = copy.copy(plan)
    bigger.initiatives = []
    for k in range(10):
        for initiative in copy.deepcopy(plan.initiatives):
            if initiative.id is not None:
                initiative.id += k * step
            initiative.depends_on = [d + k * step for d in initiative.depends_on]
            for option in initiative.options:
                option.id = None
                for line in (*option.costs, *option.benefits):
                    line.id = None
            bigger.initiatives.append(initiative)
    return bigger


def _median_ms(plan: Plan, rounds: int) -> tuple[float, float, bytes]:
    """Median wall and CPU milliseconds (the CPU time says more on a busy machine)."""
    times, cpu, pdf = [], [], b""
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = build_board_pack(plan, OPTIONS)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000, pdf


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _peak_mb(plan: Plan) -> float:
    tracemalloc.start()
    build_board_pack(plan, OPTIONS)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak


def export_results(large: Plan | None = None) -> dict[str, Any]:
    """``{"sample_ms", "large_ms", "large_pages", "x3000_ms", "x3000_pages", "peak_mb"}``:
    medians of 5, 3 and 1 runs (wall time; ``*_cpu_ms`` the process's CPU time); the peak
    is Python's (tracemalloc) at 3,000 initiatives."""
    sample = sample_plan()
    build_board_pack(sample, OPTIONS)  # fonts are read once per process
    large = large or large_plan()
    x3000 = times_ten(large)
    sample_ms, sample_cpu, _ = _median_ms(sample, 5)
    large_ms, large_cpu, large_pdf = _median_ms(large, 3)
    x3000_ms, x3000_cpu, x3000_pdf = _median_ms(x3000, 1)
    return {
        "sample_ms": round(sample_ms, 1),
        "large_ms": round(large_ms, 1),
        "large_pages": _pages(large_pdf),
        "x3000_ms": round(x3000_ms, 1),
        "x3000_pages": _pages(x3000_pdf),
        "peak_mb": round(_peak_mb(x3000), 1),
        "sample_cpu_ms": round(sample_cpu, 1),
        "large_cpu_ms": round(large_cpu, 1),
        "x3000_cpu_ms": round(x3000_cpu, 1),
    }


def main() -> None:
    results = export_results()
    for key, value in results.items():
        print(f"{key:12} {value}")
    out = Path("build") / "bench.json"
    out.parent.mkdir(exist_ok=True)
    data = json.loads(out.read_text()) if out.exists() else {}
    data["export"] = results
    out.write_text(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()
