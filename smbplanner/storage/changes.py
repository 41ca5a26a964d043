"""``Changes``: what an edit touched, as tables and, per top-level entity, ids.

Views filter on ``tables`` (a page that shows cost lines refreshes when ``cost_line`` is in
them); the in-memory plan is patched from ``entities``: every top-level entity (an initiative
with everything nested in it, a goal, a KPI with its measurements, …) whose rows an edit wrote
is read again, and one that is no longer in the file is dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: Entities the plan holds in its own lists (and the business profile), by table.
TOP = frozenset({
    "business", "goal", "swot_item", "system", "feedback", "initiative", "person", "review",
    "kpi", "budget_year", "snapshot",
})
#: A nested or link table -> (the table of its owner, the column holding the owner's key).
OWNER = {
    "swot_goal": ("swot_item", "swot_id"),
    "swot_initiative": ("swot_item", "swot_id"),
    "initiative_goal": ("initiative", "initiative_id"),
    "dependency": ("initiative", "initiative_id"),
    "milestone": ("initiative", "initiative_id"),
    "option": ("initiative", "initiative_id"),
    "risk": ("initiative", "initiative_id"),
    "raci": ("initiative", "initiative_id"),
    "cost_line": ("option", "option_id"),
    "benefit_line": ("option", "option_id"),
    "measurement": ("kpi", "kpi_id"),
    "actual_cost": ("initiative", "initiative_id"),
    "actual_benefit": ("initiative", "initiative_id"),
    "review_decision": ("review", "review_id"),
}
_KEY = {"budget_year": "year"}


@dataclass(frozen=True, eq=False)
class Changes:
    """Tables written and the top-level entities to read again (table -> keys)."""

    tables: frozenset[str] = frozenset()
    entities: Mapping[str, frozenset[int]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    #: Everything may have changed (the plan's contents were replaced): read it all again.
    whole: bool = False

    def __or__(self, other: Changes) -> Changes:
        merged = {t: self.entities.get(t, frozenset()) | other.entities.get(t, frozenset())
                  for t in {*self.entities, *other.entities}}
        return Changes(self.tables | other.tables, MappingProxyType(merged),
                       self.whole or other.whole)

    def __bool__(self) -> bool:
        return bool(self.tables) or self.whole

    def touches(self, tables: Iterable[str]) -> bool:
        """Whether any of ``tables`` was written."""
        return self.whole or not self.tables.isdisjoint(tables)

    @staticmethod
    def everything() -> Changes:
        return Changes(whole=True)

    def ids(self, table: str) -> frozenset[int]:
        return self.entities.get(table, frozenset())

    @staticmethod
    def of(tables: Iterable[str], entities: Mapping[str, Iterable[int]]) -> Changes:
        return Changes(
            frozenset(tables),
            MappingProxyType({t: frozenset(ids) for t, ids in entities.items() if ids}),
        )


def row_changes(
    conn: sqlite3.Connection, rows: Iterable[tuple[str, Mapping[str, Any]]]
) -> Changes:
    """The changes of writing ``rows`` (``(table, row)``, parents before children, as a
    delete captures them); an option's owner is looked up when its row is not among them."""
    tables: set[str] = set()
    entities: dict[str, set[int]] = {}
    option_owner: dict[int, int] = {}
    for table, row in rows:
        tables.add(table)
        if table == "option" and row.get("id") is not None:
            option_owner[int(row["id"])] = int(row["initiative_id"])
        owner, key = _owner(conn, table, row, option_owner)
        if owner is not None and key is not None:
            entities.setdefault(owner, set()).add(key)
    return Changes.of(tables, entities)


def _owner(
    conn: sqlite3.Connection, table: str, row: Mapping[str, Any], option_owner: dict[int, int]
) -> tuple[str | None, int | None]:
    if table in TOP:
        key = row.get(_KEY.get(table, "id"))
        return table, (1 if table == "business" else None if key is None else int(key))
    if table not in OWNER:
        return None, None
    parent, column = OWNER[table]
    parent_key = row.get(column)
    if parent_key is None:
        return None, None
    if parent != "option":
        return parent, int(parent_key)
    initiative = option_owner.get(int(parent_key))
    if initiative is None:
        found = conn.execute(
            "SELECT initiative_id FROM option WHERE id = ?", [parent_key]
        ).fetchone()
        if found is None:
            return None, None
        initiative = option_owner[int(parent_key)] = int(found[0])
    return "initiative", initiative
