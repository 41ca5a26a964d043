"""The tables the owner can import into and the export writes, one declaration each.

``TARGETS`` is the registry, in the order of the exported workbook's sheets;
``import_order`` puts each table after the ones it names (goals before KPIs, initiatives
before their lines, the systems they replace and their actual spend). Another table is one
more ``Target`` subclass added here.
"""

from __future__ import annotations

from smbplanner.spreadsheets.targets.actuals import ActualSpend
from smbplanner.spreadsheets.targets.base import Column, Planned, RowProblem, Target, Values
from smbplanner.spreadsheets.targets.initiatives import Initiatives
from smbplanner.spreadsheets.targets.kpis import Kpis, Measurements
from smbplanner.spreadsheets.targets.lines import Lines
from smbplanner.spreadsheets.targets.simple import Budget, Goals, People, Systems

TARGETS: dict[str, Target] = {
    t.name: t
    for t in (Systems(), Budget(), Goals(), Kpis(), Measurements(), People(), Initiatives(),
              Lines(), ActualSpend())
}


def import_order() -> list[Target]:
    """Every table after the ones it names (``Target.needs``): the order in which a whole
    workbook is imported."""
    done: list[Target] = []

    def visit(t: Target) -> None:
        if t in done:
            return
        for name in t.needs:
            visit(TARGETS[name])
        done.append(t)

    for t in TARGETS.values():
        visit(t)
    return done


def target(name: str) -> Target:
    try:
        return TARGETS[name]
    except KeyError:
        raise ValueError(f"no table {name!r} (one of: {', '.join(TARGETS)})") from None


__all__ = ["TARGETS", "Column", "Planned", "RowProblem", "Target", "Values", "import_order",
           "target"]
