"""An initiative's total cost of ownership by category and lifecycle year, as printed: in
the view's scenario, in whole units allocated so that the cells add up to the TCO printed
for it everywhere else (``whole(Figures.tco_cents)``; ``analysis.rounding.allocate``).
Row totals (per category), column totals (per year) and the grand total are sums of the
printed cells."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from smbplanner.analysis.cashflow import costs_by_category
from smbplanner.analysis.figures import option_costs, scenario_factors
from smbplanner.analysis.rounding import allocate, whole
from smbplanner.domain.enums import CostCategory, Scenario
from smbplanner.domain.model import Business, Option
from smbplanner.domain.money import BP


@dataclass(frozen=True)
class TcoTable:
    scenario: Scenario
    cells: dict[CostCategory, list[int]]  # categories with a cost, per lifecycle year

    @property
    def years(self) -> list[int]:
        """Each lifecycle year's printed total."""
        rows = list(self.cells.values())
        return [sum(r[t] for r in rows) for t in range(len(rows[0]))] if rows else []

    def row_total(self, category: CostCategory) -> int:
        return sum(self.cells[category])

    @property
    def total(self) -> int:
        return sum(self.years)


def tco_table(option: Option, business: Business, scenario: Scenario = Scenario.LIKELY
              ) -> TcoTable:
    cost_bp, _ = scenario_factors(business, scenario)
    by_category = {c: v for c, v in costs_by_category(option).items() if any(v)}
    exact = [Fraction(cents * cost_bp, BP) for v in by_category.values() for cents in v]
    target = whole(sum(option_costs(option, business, scenario)))  # = Figures.tco_cents
    flat = allocate(exact, target)
    life = option.life_years
    cells = {c: flat[n * life:(n + 1) * life] for n, c in enumerate(by_category)}
    return TcoTable(scenario, cells)
