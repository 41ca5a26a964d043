"""Benchmark: fit to budget. ``fit_rows()`` returns (measure, ms, target) rows for
``make bench``; run this module directly to print them.

- 60 initiatives over 5 years: the generated large plan cut to 60 initiatives and a 5-year
  horizon, every initiative made a Change proposal (so all 60 are fitted, by the heuristic),
  with its budget years.
- 12 candidates (the exact branch and bound's limit) over 5 years with tight budgets and
  chains of dependencies: the slowest of 10 seeded cases.
"""

from __future__ import annotations

import random
import statistics
import time

from smbplanner.analysis.fit_budget import fit_to_budget
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    InitiativeStatus,
    LineKind,
    Portfolio,
)
from smbplanner.domain.model import (
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Initiative,
    Option,
    Plan,
)
from smbplanner.sample import large_plan

ROUNDS = 5


def sixty_plan() -> Plan:
    plan = large_plan(seed=7, initiatives=60, horizon=5)
    for initiative in plan.initiatives:
        initiative.portfolio = Portfolio.CHANGE
        initiative.status = InitiativeStatus.PROPOSED
    return plan


def twelve_plan(seed: int) -> Plan:
    rng = random.Random(seed)
    items = []
    for k in range(1, 13):
        deps = [k - 1] if k > 1 and rng.random() < 0.4 else []
        costs = [CostLine(CostCategory.PURCHASE, rng.randint(1, 60) * 100_000, LineKind.ONE_OFF,
                          t, t) for t in range(rng.randint(1, 3))]
        gain = BenefitLine(BenefitCategory.REVENUE, rng.randint(0, 150) * 100_000,
                           LineKind.ONE_OFF, 0, 0)
        option = Option("o", chosen=True, life_years=3, costs=costs, benefits=[gain])
        items.append(Initiative(f"I{k}", start_year=rng.randint(2026, 2030),
                                start_quarter=rng.randint(1, 4),
                                duration_quarters=rng.randint(1, 6), depends_on=deps,
                                options=[option], id=k))
    budgets = [BudgetYear(y, 0, rng.randint(20, 120) * 100_000) for y in range(2026, 2031)]
    return Plan(Business("Bench", start_year=2026, horizon_years=5), initiatives=items,
                budget_years=budgets)


def _median_ms(plan: Plan) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fit_to_budget(plan)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fit_rows() -> list[tuple[str, float, str]]:
    sixty = sixty_plan()
    slowest = max(_median_ms(twelve_plan(seed)) for seed in range(10))
    return [
        (f"fit to budget, {len(sixty.initiatives)} initiatives over 5 years (heuristic)",
         _median_ms(sixty), "< 1 s"),
        ("fit to budget, 12 candidates over 5 years, exact (slowest of 10)", slowest, "< 1 s"),
    ]


if __name__ == "__main__":
    for name, ms, target in fit_rows():
        print(f"{name:70}  {ms:9.1f}  {target}")
