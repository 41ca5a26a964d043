"""The Run vs Change balance: how many initiatives, and how much TCO, on each side.

Run strengthens core operations; Change is growth and innovation. Only what the budget
counts is counted (``budget.counted``: cancelled and on hold are left out); an initiative
without an option counts with a TCO of 0. ``run_tco``/``change_tco`` are the printed sums
(each initiative's TCO in whole units, added up: ``analysis.rounding``).
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.budget import counted
from smbplanner.analysis.figure_cache import FigureCache
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.rounding import whole
from smbplanner.domain.enums import Portfolio, Scenario
from smbplanner.domain.model import Plan


@dataclass(frozen=True)
class RunChangeSplit:
    run_count: int
    change_count: int
    run_tco_cents: int
    change_tco_cents: int
    run_tco: int = 0  # whole units, sums of the printed TCOs
    change_tco: int = 0

    @property
    def total_tco_cents(self) -> int:
        return self.run_tco_cents + self.change_tco_cents

    @property
    def run_share_pct(self) -> float | None:
        """Run's share of the total TCO in %, None when the total is 0."""
        total = self.total_tco_cents
        return None if total == 0 else self.run_tco_cents / total * 100.0


def run_change_split(plan: Plan, scenario: Scenario = Scenario.LIKELY, *,
                     include_on_hold: bool = False,
                     cache: FigureCache | None = None) -> RunChangeSplit:
    """The split of the counted initiatives (on hold too with ``include_on_hold``: the
    prioritisation board, which shows them); ``cache`` gives figures already computed."""
    counts = {Portfolio.RUN: 0, Portfolio.CHANGE: 0}
    tco = {Portfolio.RUN: 0, Portfolio.CHANGE: 0}
    shown = {Portfolio.RUN: 0, Portfolio.CHANGE: 0}
    for initiative in plan.initiatives:
        if not counted(initiative, include_on_hold=include_on_hold):
            continue
        counts[initiative.portfolio] += 1
        figures = (cache.initiative(initiative, plan.business, scenario) if cache is not None
                   else initiative_figures(initiative, plan.business, scenario))
        if figures is not None:
            tco[initiative.portfolio] += figures.tco_cents
            shown[initiative.portfolio] += whole(figures.tco_cents)
    return RunChangeSplit(
        run_count=counts[Portfolio.RUN],
        change_count=counts[Portfolio.CHANGE],
        run_tco_cents=tco[Portfolio.RUN],
        change_tco_cents=tco[Portfolio.CHANGE],
        run_tco=shown[Portfolio.RUN],
        change_tco=shown[Portfolio.CHANGE],
    )
