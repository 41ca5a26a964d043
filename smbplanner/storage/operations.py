"""Fine-grained edits: each one validated, one transaction, returning what its undo needs.

``add`` returns the new id; ``update`` returns the previous values of the changed fields
(undo: ``update`` with them); ``delete`` returns a ``Deleted`` holding every row that went
with the entity, cascades included (undo: ``restore``). Link edits return the previous state.
"""

from __future__ import annotations

import dataclasses
import math
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from smbplanner.domain.enums import RaciRole
from smbplanner.domain.model import Business, Snapshot
from smbplanner.domain.validation import Problem, ValidationError, require
from smbplanner.storage.errors import StaleEdit
from smbplanner.storage.planio import insert_entity, load_plan
from smbplanner.storage.planread import read_business as load_business
from smbplanner.storage.rows import Kind, Row, kind_by_table, kind_of

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")


@dataclass(frozen=True)
class Deleted:
    """Rows removed by a delete, parents first: ``(table, row)``."""

    label: str
    rows: tuple[tuple[str, Row], ...]
    #: References the delete set to NULL (``ON DELETE SET NULL``: a system's
    #: ``replaced_by_id``), put back by ``restore``: (table, key column, key, column, value).
    relinks: tuple[tuple[str, str, Any, str, Any], ...] = ()

    @property
    def relinked_rows(self) -> tuple[tuple[str, Row], ...]:
        """The rows whose reference the delete cleared, as ``(table, {key: value})``."""
        return tuple((table, {key: value}) for table, key, value, _c, _v in self.relinks)


def _refused(
    kind: Kind, error: sqlite3.IntegrityError, changed: list[str] | None = None
) -> ValidationError:
    """A constraint the file refused, named by field where it can be told (``changed``: the
    columns an update wrote)."""
    text = str(error)
    references = [c for c in changed or [] if c.endswith("_id")]
    if "FOREIGN KEY" in text and len(references) == 1:
        return ValidationError(
            [Problem(references[0], "refers to something that is not in the plan")]
        )
    if text.startswith("NOT NULL constraint failed: "):
        column = text.rsplit(".", 1)[-1]
        return ValidationError([Problem(column, "is required")])
    if "FOREIGN KEY" in text:
        message = "refers to something that is not in the plan"
    elif "UNIQUE" in text or "PRIMARY KEY" in text:
        message = "already exists"
    else:
        message = f"was refused by the plan file ({text})"
    return ValidationError([Problem(kind.name, message)])


class Operations:
    """Mixed into ``PlanFile``; needs ``conn`` (reads), ``db`` (sqlite-utils, for edits) and
    the ``_write()`` transaction."""

    conn: sqlite3.Connection

    @property
    def db(self) -> sqlite_utils.Database:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite_utils.Database]:
        raise NotImplementedError

    # --- generic entity edits ------------------------------------------------------------
    def get(self, cls: type[T], entity_id: int) -> T:
        """One entity's own fields (nested lists are left empty)."""
        kind = kind_of(cls)
        row = self._row(kind, entity_id)
        entity: T = kind.from_row(row)
        return entity

    def _row(self, kind: Kind, entity_id: int) -> Row:
        cursor = self.conn.execute(
            f"SELECT * FROM [{kind.table}] WHERE [{kind.pk}] = ?", [entity_id]
        )
        found = cursor.fetchone()
        if found is None:
            raise StaleEdit(f"{kind.name} {entity_id} is not in the plan")
        return dict(zip([d[0] for d in cursor.description], found, strict=True))

    def parent_of(self, cls: type, entity_id: int) -> int | None:
        kind = kind_of(cls)
        return None if kind.parent is None else int(self._row(kind, entity_id)[kind.parent])

    def add(self, entity: Any, parent_id: int | None = None) -> int:
        """Insert an entity (and what it nests); returns its id (a budget year: its year)."""
        kind = kind_of(entity)
        require(kind.check(entity))
        require(storable(kind.to_row(entity, parent_id)))
        if kind.parent is not None and parent_id is None:
            raise ValueError(f"a {kind.name} needs its parent's id")
        try:
            with self._write() as db:
                return insert_entity(db.conn, entity, parent_id)
        except sqlite3.IntegrityError as e:
            raise _refused(kind, e) from None

    def update(self, cls: type, entity_id: int, **changes: Any) -> dict[str, Any]:
        """Change some fields; returns their previous values."""
        kind = kind_of(cls)
        unknown = set(changes) - set(kind.columns) | ({kind.pk} & set(changes))
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a {kind.name}")
        with self._write() as db:
            current = kind.from_row(self._row(kind, entity_id))
            old = {name: getattr(current, name) for name in changes}
            updated = dataclasses.replace(current, **changes)
            require(kind.check(updated))
            row = kind.to_row(updated)
            require(storable({k: val for k, val in row.items() if k in changes}))
            row.pop(kind.pk, None)
            if kind.parent:
                row.pop(kind.parent, None)
            new_values = {
                k: val
                for k, val in row.items()
                if k in changes or k.removesuffix("_half") in changes
            }
            try:
                db.execute(
                    "UPDATE [{}] SET {} WHERE [{}] = ?".format(
                        kind.table, ", ".join(f"[{c}] = ?" for c in new_values), kind.pk
                    ),
                    [*new_values.values(), entity_id],
                )
            except sqlite3.IntegrityError as e:
                raise _refused(kind, e, list(new_values)) from None
        return old

    def update_business(self, **changes: Any) -> dict[str, Any]:
        """Change the business profile (name, currency, horizon, discount rate...)."""
        kind = kind_of(Business)
        with self._write() as db:
            current = load_business(db.conn)
            old = {name: getattr(current, name) for name in changes}
            updated = dataclasses.replace(current, **changes)
            require(kind.check(updated))
            row = {k: val for k, val in kind.to_row(updated).items() if k in changes}
            require(storable(row))
            db.execute(
                "UPDATE business SET {} WHERE id = 1".format(", ".join(f"[{c}] = ?" for c in row)),
                list(row.values()),
            )
        return old

    def business(self) -> Business:
        return load_business(self.conn)

    def delete(self, cls: type, entity_id: int) -> Deleted:
        """Delete an entity and everything that belongs to it; returns it all for undo."""
        kind = kind_of(cls)
        with self._write() as db:
            row = self._row(kind, entity_id)
            label = f"{kind.name} '{kind.label(kind.from_row(row))}'"
            captured = tuple(self._capture(kind.table, kind.pk, [entity_id]))
            relinks = self._nulled_by(captured)
            db.execute(f"DELETE FROM [{kind.table}] WHERE [{kind.pk}] = ?", [entity_id])
        return Deleted(label, captured, relinks)

    def restore(self, deleted: Deleted) -> None:
        """Put back what ``delete`` removed, with the same ids."""
        with self._write() as db:
            for table, row in deleted.rows:
                db.execute(
                    "INSERT INTO [{}] ({}) VALUES ({})".format(
                        table, ", ".join(f"[{c}]" for c in row), ", ".join("?" for _ in row)
                    ),
                    list(row.values()),
                )
            for table, key, value, column, target in deleted.relinks:
                db.execute(
                    f"UPDATE [{table}] SET [{column}] = ? WHERE [{key}] = ?", [target, value]
                )

    def _foreign_keys(
        self,
    ) -> tuple[dict[str, list[tuple[str, str, str]]], dict[str, list[tuple[str, str, str]]]]:
        """parent table -> [(child table, child column, parent column)], from the schema:
        (the references a delete cascades to, the references it sets to NULL)."""
        cached = getattr(self, "_fk_cache", None)
        if cached is None:
            cascaded: dict[str, list[tuple[str, str, str]]] = {}
            nulled: dict[str, list[tuple[str, str, str]]] = {}
            tables = [r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )]
            for table in tables:
                # (id, seq, table, from, to, on_update, on_delete, match)
                for fk in self.conn.execute(f"PRAGMA foreign_key_list([{table}])"):
                    into = nulled if str(fk[6]).upper() == "SET NULL" else cascaded
                    into.setdefault(fk[2], []).append((table, str(fk[3]), str(fk[4] or "id")))
            cached = self._fk_cache = (cascaded, nulled)
        return cached

    def _referrers(self) -> dict[str, list[tuple[str, str, str]]]:
        """parent table -> [(child table, child column, parent column)] that cascade."""
        return self._foreign_keys()[0]

    def _nulled_by(
        self, captured: tuple[tuple[str, Row], ...]
    ) -> tuple[tuple[str, str, Any, str, Any], ...]:
        """The references to the captured rows that the delete will set to NULL."""
        nulled = self._foreign_keys()[1]
        out: list[tuple[str, str, Any, str, Any]] = []
        for parent in {t for t, _r in captured if t in nulled}:
            for child, column, parent_column in nulled[parent]:
                ids = [r[parent_column] for t, r in captured if t == parent]
                key = kind_by_table(child).pk
                marks = ", ".join("?" for _ in ids)
                for found, target in self.conn.execute(
                    f"SELECT [{key}], [{column}] FROM [{child}] WHERE [{column}] IN ({marks})",
                    ids,
                ):
                    out.append((child, key, found, column, target))
        return tuple(out)

    def _capture(self, table: str, column: str, values: list[Any]) -> Iterator[tuple[str, Row]]:
        seen: set[tuple[str, tuple[Any, ...]]] = set()
        out: list[tuple[str, Row]] = []
        queue: list[tuple[str, str, list[Any]]] = [(table, column, values)]
        while queue:
            tbl, col, vals = queue.pop(0)
            if not vals:
                continue
            marks = ", ".join("?" for _ in vals)
            cursor = self.db.execute(f"SELECT * FROM [{tbl}] WHERE [{col}] IN ({marks})", vals)
            names = [d[0] for d in cursor.description]
            for raw in cursor.fetchall():
                row = dict(zip(names, raw, strict=True))
                key = (tbl, tuple(raw))
                if key in seen:
                    continue
                seen.add(key)
                out.append((tbl, row))
            for child, child_col, parent_col in self._referrers().get(tbl, []):
                ids = [r[parent_col] for t, r in out if t == tbl]
                queue.append((child, child_col, ids))
        return iter(out)

    # --- links ---------------------------------------------------------------------------
    def _set_pair(
        self, table: str, keys: dict[str, int], values: dict[str, Any] | None
    ) -> Row | None:
        """Set (``values`` a dict, possibly empty) or remove (None) one link row; returns the
        previous row's values or None."""
        where = " AND ".join(f"[{k}] = ?" for k in keys)
        kind_name = table.replace("_", " ")
        with self._write() as db:
            cursor = db.execute(f"SELECT * FROM [{table}] WHERE {where}", list(keys.values()))
            found = cursor.fetchone()
            previous = (
                None
                if found is None
                else dict(zip([d[0] for d in cursor.description], found, strict=True))
            )
            db.execute(f"DELETE FROM [{table}] WHERE {where}", list(keys.values()))
            if values is not None:
                row = {**keys, **values}
                try:
                    db.execute(
                        "INSERT INTO [{}] ({}) VALUES ({})".format(
                            table, ", ".join(f"[{c}]" for c in row), ", ".join("?" for _ in row)
                        ),
                        list(row.values()),
                    )
                except sqlite3.IntegrityError as e:
                    raise ValidationError([Problem(kind_name, _link_message(e))]) from None
        return previous

    def set_goal_link(
        self, initiative_id: int, goal_id: int, contribution: int | None
    ) -> int | None:
        """Link an initiative to a goal it serves (contribution 1-3) or unlink (None)."""
        if contribution is not None and (
            isinstance(contribution, bool) or contribution not in (1, 2, 3)
        ):
            raise ValidationError([Problem("contribution", "must be between 1 and 3")])
        prev = self._set_pair(
            "initiative_goal",
            {"initiative_id": initiative_id, "goal_id": goal_id},
            None if contribution is None else {"contribution": contribution},
        )
        return None if prev is None else int(prev["contribution"])

    def set_dependency(self, initiative_id: int, depends_on_id: int, present: bool) -> bool:
        """Make an initiative depend on another (or not); refuses a cycle."""
        if present and self._reaches(depends_on_id, initiative_id):
            raise ValidationError([Problem("depends_on", "would create a circular dependency")])
        prev = self._set_pair(
            "dependency",
            {"initiative_id": initiative_id, "depends_on_id": depends_on_id},
            {} if present else None,
        )
        return prev is not None

    def _reaches(self, start: int, goal: int) -> bool:
        row = self.db.execute(
            """WITH RECURSIVE reach(id) AS (SELECT ? UNION
                 SELECT d.depends_on_id FROM dependency d JOIN reach r ON d.initiative_id = r.id)
               SELECT 1 FROM reach WHERE id = ? LIMIT 1""",
            [start, goal],
        ).fetchone()
        return row is not None

    def set_raci(
        self, initiative_id: int, person_id: int, role: RaciRole | None
    ) -> RaciRole | None:
        """Set one RACI cell (R, A, C or I) or clear it (None); returns the previous role."""
        if role is not None:
            role = RaciRole(role)
        prev = self._set_pair(
            "raci",
            {"initiative_id": initiative_id, "person_id": person_id},
            None if role is None else {"role": role.value},
        )
        return None if prev is None else RaciRole(prev["role"])

    def set_swot_goal(self, swot_id: int, goal_id: int, present: bool) -> bool:
        prev = self._set_pair(
            "swot_goal", {"swot_id": swot_id, "goal_id": goal_id}, {} if present else None
        )
        return prev is not None

    def set_swot_initiative(self, swot_id: int, initiative_id: int, present: bool) -> bool:
        prev = self._set_pair(
            "swot_initiative",
            {"swot_id": swot_id, "initiative_id": initiative_id},
            {} if present else None,
        )
        return prev is not None

    def choose_option(self, option_id: int | None, initiative_id: int | None = None) -> int | None:
        """Make one option the chosen one of its initiative (or none, with ``None`` and the
        initiative's id); returns the previously chosen option's id."""
        with self._write() as db:
            if option_id is not None:
                initiative_id = int(self._row(kind_by_table("option"), option_id)["initiative_id"])
            if initiative_id is None:
                raise ValueError("choose_option needs an option or an initiative")
            prev = db.execute(
                "SELECT id FROM option WHERE initiative_id = ? AND chosen = 1", [initiative_id]
            ).fetchone()
            db.execute("UPDATE option SET chosen = 0 WHERE initiative_id = ?", [initiative_id])
            if option_id is not None:
                db.execute("UPDATE option SET chosen = 1 WHERE id = ?", [option_id])
        return None if prev is None else int(prev[0])

    # --- snapshots -----------------------------------------------------------------------
    def take_snapshot(self, name: str, *, taken_at: str | None = None) -> int:
        """Store the whole plan as it is now (in the dump format) under a name."""
        from smbplanner.storage.jsonio import plan_to_dict

        data = plan_to_dict(load_plan(self.conn, snapshots=False))
        stamp = taken_at or datetime.now(UTC).isoformat(timespec="seconds")
        return self.add(Snapshot(name=name, taken_at=stamp, data=data))

    def snapshot_plan(self, snapshot_id: int) -> Any:
        """The plan a snapshot holds, as a domain ``Plan`` (validated like a JSON load)."""
        from smbplanner.storage.jsonio import dict_to_plan

        snap = self.get(Snapshot, snapshot_id)
        return dict_to_plan(snap.data, path="snapshot.data")


def storable(row: Row) -> list[Problem]:
    """What SQLite cannot store exactly, whatever the entity's own rules: a value that is not
    a single number or text, a whole number beyond 64 bits, NaN or an infinity, and a reference
    (``..._id``) that is not a whole number (a flag, a fraction or a text would be stored as
    another id, or refused by the file with a message naming no field)."""
    problems = []
    for column, value in row.items():
        name = column.removesuffix("_half")
        if column.endswith("_id") and value is not None and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            problems.append(Problem(name, "must be a whole number"))
        elif not isinstance(value, (type(None), int, float, str)):
            problems.append(Problem(name, "must be a single number or text"))
        elif isinstance(value, int) and not -(2**63) <= value < 2**63:
            problems.append(Problem(name, "is too large"))
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(Problem(name, "must be a finite number"))
    return problems


def _link_message(error: sqlite3.IntegrityError) -> str:
    text = str(error)
    if "FOREIGN KEY" in text:
        return "refers to something that is not in the plan"
    if "CHECK" in text:
        return "is not allowed"
    return f"was refused ({text})"
