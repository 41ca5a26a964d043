"""One user action = one edit: its steps in ONE SQLite transaction (each step a savepoint),
one undo record, and the ``Changes`` it made (DESIGN §2). Qt-free.

Every step is an operation (``Add``, ``Update``, ``Delete``, ``Restore``, ``Link``,
``ChooseOption``, ``UpdateBusiness``) whose ``apply`` returns its inverse, what it touched and
its value (a new id). ``perform(store, steps)`` runs the steps a caller writes against an
``EditSession`` — all or nothing — and returns a ``Done``: the value, the operations that undo
it (the inverses in reverse order) and the changes. Undoing is ``replay`` of those operations,
which returns in turn the operations that redo it, so an undo record is just a list of
operations that flips on each undo and redo. A refusal (``ValidationError``, ``PlanFileError``)
rolls back the whole edit and propagates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, is_dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from smbplanner.storage.changes import Changes, row_changes
from smbplanner.storage.operations import Deleted
from smbplanner.storage.rows import kind_by_table, kind_of

if TYPE_CHECKING:
    from smbplanner.storage.planfile import PlanFile as Store

T = TypeVar("T")


class Op(Protocol):
    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        """Carry the step out; returns (its inverse, what it touched, its value)."""
        ...


#: List fields stored as link rows -> (link table, the column naming their owner).
_LINK_FIELDS = {
    "goals": ("initiative_goal", "initiative_id"),
    "depends_on": ("dependency", "initiative_id"),
    "raci": ("raci", "initiative_id"),
    "goal_ids": ("swot_goal", "swot_id"),
    "initiative_ids": ("swot_initiative", "swot_id"),
}

Rows = list[tuple[str, dict[str, Any]]]


def _entity_rows(entity: Any, key: int, parent: tuple[str, int] | None) -> Rows:
    """The (table, row) pairs an added entity wrote, nested ones and links included."""
    kind = kind_of(entity)
    row: dict[str, Any] = {kind.pk: key}
    if parent is not None:
        row[parent[0]] = parent[1]
    out: Rows = [(kind.table, row)]
    for name in kind.children:
        items = getattr(entity, name, [])
        if name in _LINK_FIELDS and items:
            table, column = _LINK_FIELDS[name]
            out.append((table, {column: key}))
            continue
        for child in items:
            if is_dataclass(child) and _is_stored(child):
                child_kind = kind_of(child)
                out += _entity_rows(
                    child, getattr(child, child_kind.pk), (child_kind.parent or "", key)
                )
    return out


def _is_stored(value: Any) -> bool:
    try:
        kind_of(value)
    except TypeError:
        return False
    return True


def _changes_of(store: Store, table: str, key: int) -> Changes:
    """The changes of writing one row of ``table`` (its owner read from the file)."""
    kind = kind_by_table(table)
    cursor = store.conn.execute(f"SELECT * FROM [{table}] WHERE [{kind.pk}] = ?", [key])
    found = cursor.fetchone()
    row = {kind.pk: key} if found is None else dict(
        zip([d[0] for d in cursor.description], found, strict=True)
    )
    return row_changes(store.conn, [(table, row)])


@dataclass(frozen=True)
class Add:
    entity: Any
    parent_id: int | None = None

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        kind = kind_of(self.entity)
        new_id = store.add(self.entity, self.parent_id)
        parent = None if kind.parent is None else (kind.parent, self.parent_id or 0)
        rows = _entity_rows(self.entity, new_id, parent)
        return Delete(type(self.entity), new_id), row_changes(store.conn, rows), new_id


@dataclass(frozen=True)
class Update:
    cls: type
    entity_id: int
    changes: dict[str, Any]

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        old = store.update(self.cls, self.entity_id, **self.changes)
        touched = _changes_of(store, kind_of(self.cls).table, self.entity_id)
        return Update(self.cls, self.entity_id, old), touched, None


@dataclass(frozen=True)
class UpdateBusiness:
    changes: dict[str, Any]

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        old = store.update_business(**self.changes)
        return UpdateBusiness(old), Changes.of({"business"}, {"business": {1}}), None


@dataclass(frozen=True)
class Delete:
    cls: type
    entity_id: int

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        deleted = store.delete(self.cls, self.entity_id)
        touched = row_changes(store.conn, deleted.rows + deleted.relinked_rows)
        return Restore(deleted), touched, deleted


@dataclass(frozen=True)
class Restore:
    deleted: Deleted

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        store.restore(self.deleted)
        table, row = self.deleted.rows[0]
        kind = kind_by_table(table)
        touched = row_changes(store.conn, self.deleted.rows + self.deleted.relinked_rows)
        return Delete(kind.cls, int(row[kind.pk])), touched, int(row[kind.pk])


#: A link setter of ``Operations`` -> (its table, the table of the entity its first key names).
LINKS = {
    "set_goal_link": ("initiative_goal", "initiative"),
    "set_dependency": ("dependency", "initiative"),
    "set_raci": ("raci", "initiative"),
    "set_swot_goal": ("swot_goal", "swot_item"),
    "set_swot_initiative": ("swot_initiative", "swot_item"),
}


@dataclass(frozen=True)
class Link:
    setter: str
    keys: tuple[int, ...]
    value: Any

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        table, owner = LINKS[self.setter]
        previous = getattr(store, self.setter)(*self.keys, self.value)
        touched = Changes.of({table}, {owner: {self.keys[0]}})
        return Link(self.setter, self.keys, previous), touched, previous


@dataclass(frozen=True)
class ChooseOption:
    option_id: int | None
    initiative_id: int

    def apply(self, store: Store) -> tuple[Op, Changes, Any]:
        previous = store.choose_option(self.option_id, self.initiative_id)
        touched = Changes.of({"option"}, {"initiative": {self.initiative_id}})
        return ChooseOption(previous, self.initiative_id), touched, previous


class EditSession:
    """The steps of one edit, each applied at once inside the edit's transaction."""

    def __init__(self, store: Store):
        self.store = store
        self.undo: list[Op] = []
        self.changes = Changes()

    def apply(self, op: Op) -> Any:
        inverse, changes, value = op.apply(self.store)
        self.undo.append(inverse)
        self.changes = self.changes | changes
        return value

    def add(self, entity: Any, parent_id: int | None = None) -> int:
        new_id: int = self.apply(Add(entity, parent_id))
        return new_id

    def update(self, cls: type, entity_id: int, **changes: Any) -> None:
        self.apply(Update(cls, entity_id, changes))

    def update_business(self, **changes: Any) -> None:
        self.apply(UpdateBusiness(changes))

    def delete(self, cls: type, entity_id: int) -> Deleted:
        deleted: Deleted = self.apply(Delete(cls, entity_id))
        return deleted

    def link(self, setter: str, keys: tuple[int, ...], value: Any) -> Any:
        return self.apply(Link(setter, tuple(keys), value))

    def choose_option(self, option_id: int | None, initiative_id: int | None = None) -> None:
        if initiative_id is None:
            if option_id is None:
                raise ValueError("choose_option needs an option or an initiative")
            parent = self.store.parent_of(kind_by_table("option").cls, option_id)
            assert parent is not None
            initiative_id = parent
        self.apply(ChooseOption(option_id, initiative_id))


@dataclass(frozen=True)
class Done(Generic[T]):
    """A carried-out edit: its value, the operations that undo it, what it changed."""

    value: T
    undo: tuple[Op, ...]
    changes: Changes = field(default_factory=Changes)


def perform(store: Store, steps: Callable[[EditSession], T]) -> Done[T]:
    """Run ``steps`` as ONE transaction: every step is stored, or none is."""
    session = EditSession(store)
    with store.transaction():
        value = steps(session)
    return Done(value, tuple(reversed(session.undo)), session.changes)


def replay(store: Store, ops: Sequence[Op]) -> Done[None]:
    """Apply ``ops`` in order as one transaction (an undo or a redo); ``undo`` of the result
    reverses it."""

    def run(session: EditSession) -> None:
        for op in ops:
            session.apply(op)

    return perform(store, run)
