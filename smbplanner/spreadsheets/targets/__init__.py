"""The tables the owner can import into and the export writes, one declaration each.

``TARGETS`` is the registry, in the order a whole workbook is imported (a table after the
ones it names: goals before KPIs, initiatives before their lines). Another table (actual
spend, say) is one more ``Target`` subclass added here.
"""

from __future__ import annotations

from smbplanner.spreadsheets.targets.base import Column, Planned, RowProblem, Target, Values
from smbplanner.spreadsheets.targets.initiatives import Initiatives
from smbplanner.spreadsheets.targets.kpis import Kpis, Measurements
from smbplanner.spreadsheets.targets.lines import Lines
from smbplanner.spreadsheets.targets.simple import Budget, Goals, People, Systems

TARGETS: dict[str, Target] = {
    t.name: t
    for t in (Systems(), Budget(), Goals(), Kpis(), Measurements(), People(), Initiatives(),
              Lines())
}


def target(name: str) -> Target:
    try:
        return TARGETS[name]
    except KeyError:
        raise ValueError(f"no table {name!r} (one of: {', '.join(TARGETS)})") from None


__all__ = ["TARGETS", "Column", "Planned", "RowProblem", "Target", "Values", "target"]
