"""What a target table declares, and the plain entity target most tables are.

A target is one small declaration: its columns (key, header, synonyms, parser, how the
export writes it), the key that says which rows match an existing entity, how a row's parsed
values become an entity to add or the changes of one to update (validated as typed input
is), how the accepted rows are written in an edit, and how the plan's entities become rows
for the export. The export and the import read the same declaration, so an exported
workbook imports back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from smbplanner.domain.model import Plan
from smbplanner.spreadsheets.cells import Format
from smbplanner.storage.edits import EditSession
from smbplanner.storage.rows import kind_of

Values = dict[str, Any]
Parser = Callable[[Any, Format], Any]


@dataclass(frozen=True)
class Column:
    """One column of a target table.

    ``style`` says how the export writes it: text, money (cents), date, int, number,
    percent (basis points), factor (basis points), flag, choice."""

    key: str
    label: str
    parse: Parser
    synonyms: tuple[str, ...] = ()
    required: bool = False
    style: str = "text"
    width: int = 14


class RowProblem(ValueError):
    """A row that cannot be imported: the column (its key, or None for the whole row) and
    the reason."""

    def __init__(self, column: str | None, message: str):
        super().__init__(message)
        self.column = column
        self.message = message


@dataclass
class Planned:
    """What one accepted row will do: add, or update the entity with ``entity_id``."""

    action: str  # "add" | "update"
    key: Hashable
    name: str  # the row's name as the preview shows it
    payload: Any = None
    entity_id: Any = None
    #: Rows sharing the key (the lines of one option) are written together.
    row_numbers: list[int] = field(default_factory=list)
    #: An update that changes nothing (every value as in the plan already).
    unchanged: bool = False


def norm(text: str) -> str:
    """A name or header as compared: case, spacing and punctuation ignored."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


class Target:
    """A table the owner can import into and that the export writes."""

    name: ClassVar[str]  # the command line's --table value
    title: ClassVar[str]  # the sheet's name in the workbook; the dialog's choice
    noun: ClassVar[str]  # "system", for messages
    columns: ClassVar[tuple[Column, ...]]
    #: Several rows may share one key (the lines of one option); False: a repeated key is
    #: refused.
    shared_keys: ClassVar[bool] = False
    #: Tables whose names this one refers to (KPIs name goals): imported before it.
    needs: ClassVar[tuple[str, ...]] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def extra_columns(self, plan: Plan) -> list[Column]:
        """Columns that depend on the plan (the lines' years), for the export."""
        return []

    def header_column(self, header: str) -> Column | None:
        """A column for a header this target understands beyond its declared columns."""
        return None

    def key(self, values: Values) -> Hashable:
        raise NotImplementedError

    def shown_key(self, values: Values) -> str:
        return str(values.get(self.columns[0].key, ""))

    def existing(self, plan: Plan) -> dict[Hashable, Any]:
        """The plan's entities by key."""
        raise NotImplementedError

    def prepare(self, plan: Plan, values: Values, current: Any) -> Planned:
        """The row as an add (``current`` None) or an update; raises ``RowProblem``."""
        raise NotImplementedError

    def settle(self, plan: Plan, planned: list[Planned]) -> None:
        """Once every row is prepared: what only the rows together tell (whether an option's
        lines, row by row, are the ones it has)."""

    def write(self, session: EditSession, plan: Plan, planned: list[Planned]) -> None:
        raise NotImplementedError

    def rows(self, plan: Plan) -> list[Values]:
        """The plan's entities as rows (values as ``prepare`` takes them)."""
        raise NotImplementedError


def problems_of(entity: Any, columns: tuple[Column, ...]) -> None:
    """Validate an entity as typed input is; the first problem as a ``RowProblem`` naming
    the column it belongs to."""
    problems = kind_of(entity).check(entity)
    if problems:
        first = problems[0]
        name = first.field.split(".")[0]
        column = next(
            (c.key for c in columns if c.key == name or c.key.startswith(name)), None
        )
        raise RowProblem(column, first.message)


class EntityTarget(Target):
    """A table of one entity class whose fields are the columns (keys = field names),
    matched by its name column. ``to_fields`` turns references (a goal's title) into ids."""

    cls: ClassVar[type]
    name_key: ClassVar[str] = "name"

    def key(self, values: Values) -> Hashable:
        value = values.get(self.name_key)
        return norm(str(value)) if value is not None else None

    def shown_key(self, values: Values) -> str:
        return str(values.get(self.name_key, ""))

    def existing(self, plan: Plan) -> dict[Hashable, Any]:
        return {norm(str(getattr(e, self.name_key))): e for e in self.entities(plan)}

    def entities(self, plan: Plan) -> list[Any]:
        raise NotImplementedError

    def to_fields(self, plan: Plan, values: Values) -> Values:
        return dict(values)

    def from_fields(self, plan: Plan, entity: Any) -> Values:
        return {c.key: getattr(entity, c.key) for c in self.columns}

    def entity_id(self, entity: Any) -> Any:
        return entity.id

    def prepare(self, plan: Plan, values: Values, current: Any) -> Planned:
        fields = self.to_fields(plan, values)
        name = self.shown_key(values)
        if current is None:
            entity = self.cls(**fields)
            problems_of(entity, self.columns)
            return Planned("add", self.key(values), name, entity)
        changes = {k: v for k, v in fields.items() if getattr(current, k) != v}
        problems_of(dataclasses.replace(current, **changes), self.columns)
        return Planned("update", self.key(values), name, changes, self.entity_id(current),
                       unchanged=not changes)

    def write(self, session: EditSession, plan: Plan, planned: list[Planned]) -> None:
        for item in planned:
            if item.action == "add":
                session.add(dataclasses.replace(item.payload))
            elif item.payload:
                session.update(self.cls, item.entity_id, **item.payload)

    def rows(self, plan: Plan) -> list[Values]:
        return [self.from_fields(plan, e) for e in self.entities(plan)]
