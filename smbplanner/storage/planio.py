"""Reading a whole ``Plan`` from the file and writing a whole ``Plan`` into an empty file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from smbplanner.domain.enums import RaciRole
from smbplanner.domain.model import (
    Business,
    Initiative,
    Kpi,
    Option,
    Plan,
    Review,
    SwotItem,
)
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.domain.validation import Problem
from smbplanner.storage.errors import PlanDamaged
from smbplanner.storage.planread import read_plan as _read_plan
from smbplanner.storage.rows import Row, RowError, kind_of


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
        for child in (
            *entity.milestones, *entity.options, *entity.risks, *entity.actual_costs,
            *entity.actual_benefits,
        ):
            insert_entity(db, child, new_id)
    elif isinstance(entity, Option):
        for line in (*entity.costs, *entity.benefits):
            insert_entity(db, line, new_id)
    elif isinstance(entity, Kpi):
        for m in entity.measurements:
            insert_entity(db, m, new_id)
    elif isinstance(entity, Review):
        for decision in entity.verdicts:
            insert_entity(db, decision, new_id)


def insert_plan(db: sqlite3.Connection, plan: Plan) -> None:
    """Write a whole plan into an empty schema (one transaction is the caller's)."""
    business_row = kind_of(Business).to_row(plan.business)
    business_row["id"] = 1
    _insert(db, "business", [business_row])
    for entity in (*plan.goals, *plan.feedback, *plan.people):
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
    # Systems and reviews after the initiatives: a system may name the initiative that
    # replaces it, a review's decisions name initiatives.
    for entity in (
        *plan.systems, *plan.swot, *plan.reviews, *plan.kpis, *plan.budget_years,
        *plan.snapshots,
    ):
        insert_entity(db, entity)
