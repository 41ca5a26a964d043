"""Mapping between domain entities and table rows: one ``Kind`` per stored entity type."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from smbplanner.domain import validation as v
from smbplanner.domain.fields import HELD_ELSEWHERE, declared
from smbplanner.domain.model import (
    ActualBenefit,
    ActualCost,
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Feedback,
    Goal,
    Initiative,
    Kpi,
    Measurement,
    Milestone,
    Option,
    Person,
    Review,
    ReviewDecision,
    Risk,
    Snapshot,
    SwotItem,
    System,
)

Row = dict[str, Any]


class RowError(ValueError):
    """A stored value that does not read as its field's type (a date 2026-02-30, data that
    is not JSON): ``str()`` names the table, row and field."""

    def __init__(self, table: str, row_id: object, field: str, why: str, label: str = ""):
        self.table, self.row_id, self.field = table, row_id, field
        why = " ".join(why.split())[:200]
        named = f' ("{label[:60]}")' if label and label.isprintable() else ""
        where = table if row_id is None else f"{table} row {row_id}{named}, field {field}"
        super().__init__(f"{where}: {why}")


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a finite number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is not a finite number")
    return value


def _date_out(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_in(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _json_in(value: str) -> Any:
    return json.loads(value, parse_constant=_no_constant, parse_float=_finite_float)


def _flag_in(value: int | None) -> bool | None:
    """A stored 0/1 flag; NULL stays None (a flag that may be unset, as ``CostLine.capital``)."""
    return None if value is None else bool(value)


def _half_out(score: float | None) -> int | None:
    return None if score is None else round(score * 2)


def _half_in(half: int | None) -> float | None:
    return None if half is None else half / 2


_READ: dict[str, Callable[[Any], Any]] = {
    "day": _date_in,
    "flag": _flag_in,
    "score": _half_in,
    "data": _json_in,
}


def _json_out(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_WRITE: dict[str, Callable[[Any], Any]] = {
    "day": _date_out,
    "flag": lambda value: None if value is None else int(bool(value)),
    "score": _half_out,
    "data": _json_out,
}

_WHY = {
    "day": "is not a valid date",
    "choice": "is not one of the allowed values",
}


def _enum_out(value: Any) -> Any:
    return None if value is None else value.value


@dataclass(frozen=True)
class Kind:
    """How one entity type is stored: its table and parent column. Its columns and their
    conversions follow from the model's field declarations (``domain.fields``): a date is ISO
    text, a flag 0 or 1, a score in half steps (column ``<name>_half``), an enum its value,
    data JSON text; lists (``ids``, ``items``) are held in other tables."""

    name: str  # user-facing noun: "goal", "cost line"
    cls: type
    table: str
    parent: str | None  # column holding the parent's id (option.initiative_id)
    pk: str = "id"
    label_field: str = "name"

    @cached_property
    def children(self) -> tuple[str, ...]:
        """List fields held in other tables."""
        return tuple(d.name for d in declared(self.cls) if d.spec.kind in HELD_ELSEWHERE)

    @cached_property
    def columns(self) -> list[str]:
        return [d.name for d in declared(self.cls) if d.spec.kind not in HELD_ELSEWHERE]

    @cached_property
    def _mapping(
        self,
    ) -> list[tuple[str, str, str, Callable[[Any], Any] | None, Callable[[Any], Any] | None]]:
        """(field, column, kind, reader, writer) per column, worked out once per kind, not once
        per row (a 3,000-initiative plan reads about 60,000 rows)."""
        out = []
        for d in declared(self.cls):
            kind = d.spec.kind
            if kind in HELD_ELSEWHERE:
                continue
            column = f"{d.name}_half" if kind == "score" else d.name
            read: Callable[[Any], Any] | None = _READ.get(kind)
            write: Callable[[Any], Any] | None = _WRITE.get(kind)
            if kind == "choice":
                read, write = d.spec.enum, _enum_out
            out.append((d.name, column, kind, read, write))
        return out

    @cached_property
    def _reading(self) -> list[tuple[str, str, Callable[[Any], Any] | None]]:
        return [(name, column, read) for name, column, _kind, read, _write in self._mapping]

    @cached_property
    def _writing(self) -> list[tuple[str, str, Callable[[Any], Any] | None]]:
        return [(name, column, write) for name, column, _kind, _read, write in self._mapping]

    @cached_property
    def _kinds(self) -> dict[str, str]:
        return {name: kind for name, _column, kind, _read, _write in self._mapping}

    def check(self, entity: Any) -> list[v.Problem]:
        return v.check(entity)

    def to_row(self, entity: Any, parent_id: int | None = None) -> Row:
        row: Row = {}
        for name, column, write in self._writing:
            value = getattr(entity, name)
            row[column] = value if write is None else write(value)
        if self.parent is not None:
            row[self.parent] = parent_id
        if row.get(self.pk) is None:
            row.pop(self.pk, None)
        return row

    def from_row(self, row: Row) -> Any:
        """The entity of a row; a value that cannot be read as its field's type raises
        ``RowError`` naming the table, the row and the field."""
        values: dict[str, Any] = {}
        for name, column, convert in self._reading:
            value = row[column]
            if convert is not None and value is not None:  # NULL: an optional field
                try:
                    value = convert(value)
                except (ValueError, TypeError, RecursionError) as e:
                    why = self._why(self._kinds[name], row[column], e)
                    raise RowError(
                        self.table, row.get(self.pk), name, why,
                        str(row.get(self.label_field) or ""),
                    ) from None
            values[name] = value
        return self.cls(**values)

    @staticmethod
    def _why(kind: str, value: Any, error: Exception) -> str:
        if kind in _WHY:
            return f"{_WHY[kind]} ({repr(value)[:40]})"
        if isinstance(error, RecursionError):
            return "holds data nested too deeply"
        if kind == "data":
            return f"is not valid JSON data ({error})"
        return str(error)

    def label(self, entity: Any) -> str:
        return str(getattr(entity, self.label_field, "") or "")


KINDS: dict[type, Kind] = {
    k.cls: k
    for k in (
        Kind("business profile", Business, "business", None),
        Kind("goal", Goal, "goal", None, label_field="title"),
        Kind("SWOT item", SwotItem, "swot_item", None, label_field="text"),
        Kind("system", System, "system", None),
        Kind("feedback", Feedback, "feedback", None, label_field="department"),
        Kind("initiative", Initiative, "initiative", None),
        Kind("milestone", Milestone, "milestone", "initiative_id"),
        Kind("option", Option, "option", "initiative_id"),
        Kind("cost line", CostLine, "cost_line", "option_id", label_field="description"),
        Kind("benefit line", BenefitLine, "benefit_line", "option_id", label_field="description"),
        Kind("risk", Risk, "risk", "initiative_id", label_field="description"),
        Kind("actual cost", ActualCost, "actual_cost", "initiative_id", label_field="note"),
        Kind("actual benefit", ActualBenefit, "actual_benefit", "initiative_id",
             label_field="evidence"),
        Kind("person", Person, "person", None),
        Kind("review", Review, "review", None, label_field="date"),
        Kind("review decision", ReviewDecision, "review_decision", "review_id",
             label_field="note"),
        Kind("KPI", Kpi, "kpi", None),
        Kind("measurement", Measurement, "measurement", "kpi_id", label_field="date"),
        Kind("budget year", BudgetYear, "budget_year", None, pk="year", label_field="year"),
        Kind("snapshot", Snapshot, "snapshot", None),
    )
}


def kind_of(entity_or_type: Any) -> Kind:
    cls = entity_or_type if isinstance(entity_or_type, type) else type(entity_or_type)
    try:
        return KINDS[cls]
    except KeyError:
        raise TypeError(f"{cls.__name__} is not a stored entity") from None


def kind_by_table(table: str) -> Kind:
    for k in KINDS.values():
        if k.table == table:
            return k
    raise KeyError(table)
