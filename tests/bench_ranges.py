"""Benchmark: NPV ranges (10,000 draws per initiative, and the portfolio) of the large plan
(300 initiatives) and of a 3,000-initiative plan (the large plan's initiatives ten times,
ids cleared), from scratch, from the cache, and after one edit with the cache.

``ranges_rows(plan)`` returns table rows (measure, ms, target); run this module directly to
print them.
"""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Callable
from typing import Any

from smbplanner.analysis.uncertainty.ranges import RangeCache, plan_ranges
from smbplanner.domain.model import Plan
from smbplanner.sample import large_plan

ROUNDS = 5


def _median_ms(func: Callable[[], Any], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _cleared(plan: Plan) -> list[Any]:
    initiatives = copy.deepcopy(plan.initiatives)
    for initiative in initiatives:
        initiative.id = None
        for option in initiative.options:
            option.id = None
            for line in (*option.costs, *option.benefits):
                line.id = None
    return initiatives


def times_ten(plan: Plan) -> Plan:
    """The plan's initiatives ten times over, ids cleared (seeded by position)."""
    bigger = copy.copy(plan)
    bigger.initiatives = [i for _ in range(10) for i in _cleared(plan)]
    return bigger


def _edit(plan: Plan, n: int) -> None:
    """One edit: a cost line of the first initiative that has one changes amount."""
    for initiative in plan.initiatives:
        option = initiative.chosen_option
        if option is not None and option.costs:
            option.costs[0].amount_cents += 1 + n
            return


def _rows_for(name: str, subject: Plan, cold_target: str) -> list[tuple[str, float, str]]:
    rounds = ROUNDS if len(subject.initiatives) < 1000 else 3
    cold = _median_ms(lambda: plan_ranges(subject), rounds)
    cache = RangeCache()
    plan_ranges(subject, cache=cache)
    hit = _median_ms(lambda: plan_ranges(subject, cache=cache))
    counter = iter(range(1_000))

    def edited() -> None:
        _edit(subject, next(counter))
        plan_ranges(subject, cache=cache)

    return [
        (f"NPV ranges, {name} initiatives + portfolio (10,000 draws), cold", cold, cold_target),
        (f"NPV ranges, {name} initiatives, cached (nothing changed)", hit, "< 50 ms"),
        (f"NPV ranges, {name} initiatives, cached, after one edit", _median_ms(edited),
         "< 100 ms"),
    ]


def ranges_rows(plan: Plan) -> list[tuple[str, float, str]]:
    plan_ranges(plan)  # numpy imported, quantile tables built (once per process)
    return [*_rows_for(f"{len(plan.initiatives)}", copy.deepcopy(plan), "< 1000 ms"),
            *_rows_for("3,000", times_ten(plan), "< 10000 ms")]


def main() -> None:
    rows = ranges_rows(large_plan())
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name.ljust(width)}  {value:9.1f}  {target}")


if __name__ == "__main__":
    main()
