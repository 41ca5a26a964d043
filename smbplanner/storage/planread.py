"""Reading plans: the whole plan, or only the top-level entities an edit touched.

Each reader takes ``keys`` — None for every row, or the ids (years, for budget years) to read —
and returns the entities with everything nested in them, in key order. ``patch_plan`` reads
what a ``Changes`` names and returns a new ``Plan`` sharing every untouched entity with the
old one (so caches keyed on an entity's identity stay valid for what did not change).
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from smbplanner.domain.enums import RaciRole
from smbplanner.domain.model import (
    ActualBenefit,
    ActualCost,
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Feedback,
    Goal,
    GoalLink,
    Initiative,
    Kpi,
    Measurement,
    Milestone,
    Option,
    Person,
    Plan,
    RaciEntry,
    Review,
    ReviewDecision,
    Risk,
    Snapshot,
    SwotItem,
    System,
)
from smbplanner.storage.changes import Changes
from smbplanner.storage.rows import Row, RowError, kind_of

Keys = Iterable[int] | None


def _where(column: str, keys: Keys, through: str = "") -> tuple[str, list[Any]]:
    """A WHERE clause selecting ``keys`` of ``column`` (all rows for None); ``through``: a
    subquery the keys go through (cost lines by their option's initiative)."""
    if keys is None:
        return "", []
    inner = "SELECT value FROM json_each(?)"
    if through:
        inner = through.format(inner)
    return f" WHERE [{column}] IN ({inner})", [json.dumps(sorted(set(keys)))]


def _rows(
    db: sqlite3.Connection, table: str, order: str, where: tuple[str, list[Any]] = ("", [])
) -> list[Row]:
    cursor = db.execute(f"SELECT * FROM [{table}]{where[0]} ORDER BY {order}", where[1])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _by_parent(
    db: sqlite3.Connection, cls: type, where: tuple[str, list[Any]]
) -> dict[int, list[Any]]:
    kind = kind_of(cls)
    assert kind.parent is not None
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in _rows(db, kind.table, "id", where):
        grouped[row[kind.parent]].append(kind.from_row(row))
    return grouped


def read_business(db: sqlite3.Connection) -> Business:
    rows = _rows(db, "business", "id")
    if not rows:
        raise RowError("business", None, "row", "the plan has no business profile")
    row = dict(rows[0])
    row.pop("id")
    business: Business = kind_of(Business).from_row(row)
    return business


def read_simple(db: sqlite3.Connection, cls: type, keys: Keys = None) -> list[Any]:
    """Goals, systems, feedback, people, reviews, snapshots: one row each."""
    kind = kind_of(cls)
    return [kind.from_row(r) for r in _rows(db, kind.table, "id", _where("id", keys))]


def read_budget_years(db: sqlite3.Connection, years: Keys = None) -> list[BudgetYear]:
    kind = kind_of(BudgetYear)
    return [kind.from_row(r) for r in _rows(db, "budget_year", "year", _where("year", years))]


def read_swot(db: sqlite3.Connection, keys: Keys = None) -> list[SwotItem]:
    goals: dict[int, list[int]] = defaultdict(list)
    for r in _rows(db, "swot_goal", "swot_id, goal_id", _where("swot_id", keys)):
        goals[r["swot_id"]].append(r["goal_id"])
    inits: dict[int, list[int]] = defaultdict(list)
    for r in _rows(db, "swot_initiative", "swot_id, initiative_id", _where("swot_id", keys)):
        inits[r["swot_id"]].append(r["initiative_id"])
    items = []
    for r in _rows(db, "swot_item", "id", _where("id", keys)):
        item: SwotItem = kind_of(SwotItem).from_row(r)
        item.goal_ids, item.initiative_ids = goals.get(r["id"], []), inits.get(r["id"], [])
        items.append(item)
    return items


def read_initiatives(db: sqlite3.Connection, keys: Keys = None) -> list[Initiative]:
    """Initiatives with their options (and lines), milestones, risks, links and RACI."""
    keys = None if keys is None else sorted(set(keys))
    own = _where("initiative_id", keys)
    via_option = _where("option_id", keys, "SELECT id FROM option WHERE initiative_id IN ({})")
    costs = _by_parent(db, CostLine, via_option)
    benefits = _by_parent(db, BenefitLine, via_option)
    options = _by_parent(db, Option, own)
    for group in options.values():
        for option in group:
            option.costs = costs.get(option.id, [])
            option.benefits = benefits.get(option.id, [])
    milestones, risks = _by_parent(db, Milestone, own), _by_parent(db, Risk, own)
    spent, realised = _by_parent(db, ActualCost, own), _by_parent(db, ActualBenefit, own)
    links: dict[int, list[GoalLink]] = defaultdict(list)
    for r in _rows(db, "initiative_goal", "initiative_id, goal_id", own):
        links[r["initiative_id"]].append(GoalLink(r["goal_id"], r["contribution"]))
    deps: dict[int, list[int]] = defaultdict(list)
    for r in _rows(db, "dependency", "initiative_id, depends_on_id", own):
        deps[r["initiative_id"]].append(r["depends_on_id"])
    raci: dict[int, list[RaciEntry]] = defaultdict(list)
    for r in _rows(db, "raci", "initiative_id, person_id", own):
        try:
            role = RaciRole(r["role"])
        except ValueError:
            raise RowError(
                "raci", r["initiative_id"], "role", f"{r['role']!r} is not a role"
            ) from None
        raci[r["initiative_id"]].append(RaciEntry(r["person_id"], role))
    found = []
    for r in _rows(db, "initiative", "id", _where("id", keys)):
        init: Initiative = kind_of(Initiative).from_row(r)
        i = r["id"]
        init.goals, init.depends_on, init.raci = links.get(i, []), deps.get(i, []), raci.get(i, [])
        init.milestones, init.options = milestones.get(i, []), options.get(i, [])
        init.risks = risks.get(i, [])
        init.actual_costs, init.actual_benefits = spent.get(i, []), realised.get(i, [])
        found.append(init)
    return found


def read_reviews(db: sqlite3.Connection, keys: Keys = None) -> list[Review]:
    """Reviews with their decisions per initiative."""
    decisions = _by_parent(db, ReviewDecision, _where("review_id", keys))
    reviews = []
    for r in _rows(db, "review", "id", _where("id", keys)):
        review: Review = kind_of(Review).from_row(r)
        review.verdicts = decisions.get(r["id"], [])
        reviews.append(review)
    return reviews


def read_kpis(db: sqlite3.Connection, keys: Keys = None) -> list[Kpi]:
    measurements = _by_parent(db, Measurement, _where("kpi_id", keys))
    kpis = []
    for r in _rows(db, "kpi", "id", _where("id", keys)):
        kpi: Kpi = kind_of(Kpi).from_row(r)
        kpi.measurements = measurements.get(r["id"], [])
        kpis.append(kpi)
    return kpis


#: Plan list field -> (table, reader).
LISTS: dict[str, tuple[str, Any]] = {
    "goals": ("goal", lambda db, k: read_simple(db, Goal, k)),
    "swot": ("swot_item", read_swot),
    "systems": ("system", lambda db, k: read_simple(db, System, k)),
    "feedback": ("feedback", lambda db, k: read_simple(db, Feedback, k)),
    "initiatives": ("initiative", read_initiatives),
    "people": ("person", lambda db, k: read_simple(db, Person, k)),
    "reviews": ("review", read_reviews),
    "kpis": ("kpi", read_kpis),
    "budget_years": ("budget_year", read_budget_years),
    "snapshots": ("snapshot", lambda db, k: read_simple(db, Snapshot, k)),
}


def read_plan(db: sqlite3.Connection, *, snapshots: bool = True) -> Plan:
    """The whole plan; lists are in id order (budget years in year order)."""
    plan = Plan(business=read_business(db))
    for name, (_, reader) in LISTS.items():
        if name != "snapshots" or snapshots:
            setattr(plan, name, reader(db, None))
    return plan


def _key(entity: Any) -> int:
    return int(entity.year if isinstance(entity, BudgetYear) else entity.id)


def _patched(old: list[Any], keys: frozenset[int], fresh: list[Any]) -> list[Any]:
    """``old`` with the entities of ``keys`` replaced by ``fresh`` (dropped when gone,
    inserted in key order when new)."""
    kept = [e for e in old if _key(e) not in keys]
    order = [_key(e) for e in kept]
    for entity in fresh:
        at = bisect.bisect_left(order, _key(entity))
        kept.insert(at, entity)
        order.insert(at, _key(entity))
    return kept


def patch_plan(db: sqlite3.Connection, plan: Plan, changes: Changes) -> Plan:
    """``plan`` brought up to date with the file after ``changes``: only the touched
    entities are read again; everything else is shared with ``plan``."""
    updates: dict[str, Any] = {}
    if changes.ids("business"):
        updates["business"] = read_business(db)
    for name, (table, reader) in LISTS.items():
        keys = changes.ids(table)
        if keys and (name != "snapshots" or plan.snapshots):
            updates[name] = _patched(getattr(plan, name), keys, reader(db, keys))
    return dataclasses.replace(plan, **updates) if updates else plan
