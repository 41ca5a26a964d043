"""Reading a whole ``Plan`` from the file and writing a whole ``Plan`` into an empty file."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from smbplanner.domain.enums import RaciRole
from smbplanner.domain.model import (
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
    Risk,
    Snapshot,
    SwotItem,
    System,
)
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.domain.validation import Problem
from smbplanner.storage.errors import PlanDamaged
from smbplanner.storage.rows import Row, RowError, kind_of


def _rows(db: sqlite3.Connection, table: str, order: str = "id") -> list[Row]:
    cursor = db.execute(f"SELECT * FROM [{table}] ORDER BY {order}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _by_parent(db: sqlite3.Connection, cls: type) -> dict[int, list[Any]]:
    kind = kind_of(cls)
    grouped: dict[int, list[Any]] = defaultdict(list)
    assert kind.parent is not None
    for row in _rows(db, kind.table):
        grouped[row[kind.parent]].append(kind.from_row(row))
    return grouped


def _pairs(db: sqlite3.Connection, table: str, key: str, order: str) -> list[Row]:
    return _rows(db, table, order=f"{key}, {order}")


def load_business(db: sqlite3.Connection) -> Business:
    rows = _rows(db, "business")
    if not rows:
        raise RowError("business", None, "row", "the plan has no business profile")
    row = dict(rows[0])
    row.pop("id")
    business: Business = kind_of(Business).from_row(row)
    return business


def load_plan(
    db: sqlite3.Connection, *, snapshots: bool = True, name: str | None = None
) -> Plan:
    """The whole plan; lists are in id order (budget years in year order).

    With ``name`` (the file's), every value is held to the rules of typed input
    (``check_whole_plan``, snapshot data included): a plan that breaks them is refused with
    ``PlanDamaged``, one line naming the file, table, row and field."""
    try:
        plan = _read_plan(db, snapshots=snapshots)
    except RowError as e:
        raise PlanDamaged(f"{name or 'the plan'}: refused: {e}") from None
    if name is not None:
        problems = check_whole_plan(plan)
        if not problems and snapshots:
            problems = _snapshot_problems(plan)
        if problems:
            raise PlanDamaged(f"{name}: refused: {locate(plan, problems[0])}")
    return plan


def _snapshot_problems(plan: Plan) -> list[Problem]:
    from smbplanner.storage.errors import JsonFormatError
    from smbplanner.storage.jsonload import dict_to_plan

    for index, snap in enumerate(plan.snapshots):
        try:
            dict_to_plan(snap.data, path="data")
        except JsonFormatError as e:
            where, _, why = str(e).partition(": ")
            return [Problem(f"snapshots[{index}].{where}", why)]
    return []


def locate(plan: Plan, problem: Problem) -> str:
    """A problem's path (``initiatives[3].options[0].costs[2].amount``) as the table, row and
    field that hold it: ``cost_line row 17 ("Licences"), field amount: must be …``."""
    entity: Any = None
    rest: list[str] = []
    obj: Any = plan
    for part in problem.field.split("."):
        attr, _, index = part.partition("[")
        try:
            obj = getattr(obj, attr)
            if index:
                obj = obj[int(index.rstrip("]"))]
        except (AttributeError, IndexError, ValueError, TypeError):
            rest.append(part)
            continue
        try:
            kind_of(obj)
        except (KeyError, TypeError):
            rest.append(part)
            continue
        entity, rest = obj, []
    if entity is None:
        return str(problem)
    kind = kind_of(entity)
    row = getattr(entity, kind.pk, None)
    label = kind.label(entity)
    named = f' ("{label[:60]}")' if label and label.isprintable() else ""
    field = ".".join(rest) or "row"
    return f"{kind.table} row {row}{named}, field {field}: {problem.message}"


def _read_plan(db: sqlite3.Connection, *, snapshots: bool) -> Plan:
    plan = Plan(business=load_business(db))
    simple: list[tuple[type, list[Any]]] = [
        (Goal, plan.goals),
        (System, plan.systems),
        (Feedback, plan.feedback),
        (Person, plan.people),
        (Review, plan.reviews),
    ]
    for cls, target in simple:
        kind = kind_of(cls)
        target.extend(kind.from_row(r) for r in _rows(db, kind.table))
    swot_goals: dict[int, list[int]] = defaultdict(list)
    for r in _pairs(db, "swot_goal", "swot_id", "goal_id"):
        swot_goals[r["swot_id"]].append(r["goal_id"])
    swot_inits: dict[int, list[int]] = defaultdict(list)
    for r in _pairs(db, "swot_initiative", "swot_id", "initiative_id"):
        swot_inits[r["swot_id"]].append(r["initiative_id"])
    for r in _rows(db, "swot_item"):
        item: SwotItem = kind_of(SwotItem).from_row(r)
        item.goal_ids = swot_goals.get(r["id"], [])
        item.initiative_ids = swot_inits.get(r["id"], [])
        plan.swot.append(item)

    costs, benefits = _by_parent(db, CostLine), _by_parent(db, BenefitLine)
    options = _by_parent(db, Option)
    for group in options.values():
        for option in group:
            option.costs = costs.get(option.id, [])
            option.benefits = benefits.get(option.id, [])
    milestones, risks = _by_parent(db, Milestone), _by_parent(db, Risk)
    links: dict[int, list[GoalLink]] = defaultdict(list)
    for r in _pairs(db, "initiative_goal", "initiative_id", "goal_id"):
        links[r["initiative_id"]].append(GoalLink(r["goal_id"], r["contribution"]))
    deps: dict[int, list[int]] = defaultdict(list)
    for r in _pairs(db, "dependency", "initiative_id", "depends_on_id"):
        deps[r["initiative_id"]].append(r["depends_on_id"])
    raci: dict[int, list[RaciEntry]] = defaultdict(list)
    for r in _pairs(db, "raci", "initiative_id", "person_id"):
        raci[r["initiative_id"]].append(RaciEntry(r["person_id"], RaciRole(r["role"])))
    for r in _rows(db, "initiative"):
        init: Initiative = kind_of(Initiative).from_row(r)
        i = r["id"]
        init.goals, init.depends_on, init.raci = links.get(i, []), deps.get(i, []), raci.get(i, [])
        init.milestones, init.options = milestones.get(i, []), options.get(i, [])
        init.risks = risks.get(i, [])
        plan.initiatives.append(init)

    measurements = _by_parent(db, Measurement)
    for r in _rows(db, "kpi"):
        kpi: Kpi = kind_of(Kpi).from_row(r)
        kpi.measurements = measurements.get(r["id"], [])
        plan.kpis.append(kpi)
    plan.budget_years = [kind_of(BudgetYear).from_row(r) for r in _rows(db, "budget_year", "year")]
    if snapshots:
        plan.snapshots = [kind_of(Snapshot).from_row(r) for r in _rows(db, "snapshot")]
    return plan


def _insert(db: sqlite3.Connection, table: str, rows: Iterable[Row]) -> None:
    batch = list(rows)
    if not batch:
        return
    columns = list(batch[0])
    sql = "INSERT INTO [{}] ({}) VALUES ({})".format(
        table, ", ".join(f"[{c}]" for c in columns), ", ".join("?" for _ in columns)
    )
    db.executemany(sql, [[r.get(c) for c in columns] for r in batch])


def insert_entity(db: sqlite3.Connection, entity: Any, parent_id: int | None = None) -> int:
    """Insert one entity and everything nested in it; returns its id (or year)."""
    kind = kind_of(entity)
    row = kind.to_row(entity, parent_id)
    cursor = db.execute(
        "INSERT INTO [{}] ({}) VALUES ({})".format(
            kind.table, ", ".join(f"[{c}]" for c in row), ", ".join("?" for _ in row)
        ),
        list(row.values()),
    )
    new_id = int(row[kind.pk]) if row.get(kind.pk) is not None else int(cursor.lastrowid or 0)
    if kind.pk == "id":
        entity.id = new_id
    _insert_children(db, entity, new_id)
    return new_id


def _insert_children(db: sqlite3.Connection, entity: Any, new_id: int) -> None:
    if isinstance(entity, SwotItem):
        _insert(db, "swot_goal", ({"swot_id": new_id, "goal_id": g} for g in entity.goal_ids))
        _insert(
            db,
            "swot_initiative",
            ({"swot_id": new_id, "initiative_id": i} for i in entity.initiative_ids),
        )
    elif isinstance(entity, Initiative):
        _insert(
            db,
            "initiative_goal",
            (
                {"initiative_id": new_id, "goal_id": g.goal_id, "contribution": g.contribution}
                for g in entity.goals
            ),
        )
        _insert(
            db,
            "dependency",
            ({"initiative_id": new_id, "depends_on_id": d} for d in entity.depends_on),
        )
        _insert(
            db,
            "raci",
            (
                {"initiative_id": new_id, "person_id": e.person_id, "role": RaciRole(e.role).value}
                for e in entity.raci
            ),
        )
        for child in (*entity.milestones, *entity.options, *entity.risks):
            insert_entity(db, child, new_id)
    elif isinstance(entity, Option):
        for line in (*entity.costs, *entity.benefits):
            insert_entity(db, line, new_id)
    elif isinstance(entity, Kpi):
        for m in entity.measurements:
            insert_entity(db, m, new_id)


def insert_plan(db: sqlite3.Connection, plan: Plan) -> None:
    """Write a whole plan into an empty schema (one transaction is the caller's)."""
    business_row = kind_of(Business).to_row(plan.business)
    business_row["id"] = 1
    _insert(db, "business", [business_row])
    for entity in (*plan.goals, *plan.systems, *plan.feedback, *plan.people, *plan.reviews):
        insert_entity(db, entity)
    # Initiatives first without cross-links, so that dependencies may point forward.
    deferred: list[tuple[Initiative, list[int]]] = []
    for init in plan.initiatives:
        deferred.append((init, init.depends_on))
        init.depends_on = []
        try:
            insert_entity(db, init)
        finally:
            init.depends_on = deferred[-1][1]
    for init, deps in deferred:
        _insert(db, "dependency", ({"initiative_id": init.id, "depends_on_id": d} for d in deps))
    for entity in (*plan.swot, *plan.kpis, *plan.budget_years, *plan.snapshots):
        insert_entity(db, entity)
