"""Mapping between domain entities and table rows: one ``Kind`` per stored entity type."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property
from typing import Any

from smbplanner.domain import validation as v
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    Criticality,
    FundingSource,
    InitiativeStatus,
    KpiDirection,
    LineKind,
    Perspective,
    Portfolio,
    RiskCategory,
    RiskStatus,
    SwotKind,
    SystemAction,
)
from smbplanner.domain.model import (
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
    """A stored 0/1 flag; NULL stays None (a flag with a default, as ``CostLine.capital``)."""
    return None if value is None else bool(value)


def _half_out(score: float | None) -> int | None:
    return None if score is None else round(score * 2)


def _half_in(half: int | None) -> float | None:
    return None if half is None else half / 2


@dataclass(frozen=True)
class Kind:
    """How one entity type is stored: table, parent column, simple fields and conversions."""

    name: str  # user-facing noun: "goal", "cost line"
    cls: type
    table: str
    parent: str | None  # column holding the parent's id (option.initiative_id)
    check: Callable[[Any], list[v.Problem]]
    enums: dict[str, type]
    dates: tuple[str, ...] = ()
    bools: tuple[str, ...] = ()
    halves: tuple[str, ...] = ()
    json_fields: tuple[str, ...] = ()
    children: tuple[str, ...] = ()  # list fields held in other tables
    pk: str = "id"
    label_field: str = "name"

    @cached_property
    def columns(self) -> list[str]:
        return [f.name for f in fields(self.cls) if f.name not in self.children]

    @cached_property
    def _readers(self) -> list[tuple[str, str, Callable[[Any], Any] | None]]:
        """(field, column, conversion or None) for reading a row: worked out once per kind,
        not once per row (a 3,000-initiative plan reads about 60,000 rows)."""
        readers: list[tuple[str, str, Callable[[Any], Any] | None]] = []
        for name in self.columns:
            convert: Callable[[Any], Any] | None = None
            column = name
            if name in self.halves:
                column, convert = f"{name}_half", _half_in
            elif name in self.dates:
                convert = _date_in
            elif name in self.bools:
                convert = _flag_in
            elif name in self.json_fields:
                convert = _json_in
            elif name in self.enums:
                convert = self.enums[name]
            readers.append((name, column, convert))
        return readers

    def to_row(self, entity: Any, parent_id: int | None = None) -> Row:
        row: Row = {}
        for name in self.columns:
            value = getattr(entity, name)
            if name in self.dates:
                value = _date_out(value)
            elif name in self.bools:
                value = None if value is None else int(bool(value))
            elif name in self.halves:
                name, value = f"{name}_half", _half_out(value)
            elif name in self.json_fields:
                value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            elif name in self.enums and value is not None:
                value = value.value
            row[name] = value
        if self.parent is not None:
            row[self.parent] = parent_id
        if row.get(self.pk) is None:
            row.pop(self.pk, None)
        return row

    def from_row(self, row: Row) -> Any:
        """The entity of a row; a value that cannot be read as its field's type raises
        ``RowError`` naming the table, the row and the field."""
        values: dict[str, Any] = {}
        for name, column, convert in self._readers:
            value = row[column]
            if convert is not None:
                try:
                    value = convert(value)
                except (ValueError, TypeError, RecursionError) as e:
                    raise RowError(
                        self.table, row.get(self.pk), name, self._why(name, row, e),
                        str(row.get(self.label_field) or ""),
                    ) from None
            values[name] = value
        return self.cls(**values)

    def _why(self, name: str, row: Row, error: Exception) -> str:
        value = row.get(name)
        shown = repr(value)[:40]
        if name in self.dates:
            return f"is not a valid date ({shown})"
        if name in self.enums:
            return f"is not one of the allowed values ({shown})"
        if isinstance(error, RecursionError):
            return "holds data nested too deeply"
        if name in self.json_fields:
            return f"is not valid JSON data ({error})"
        return str(error)

    def label(self, entity: Any) -> str:
        return str(getattr(entity, self.label_field, "") or "")


def _kind(
    name: str, cls: type, table: str, check: Callable[[Any], list[v.Problem]], **kw: Any
) -> Kind:
    return Kind(name=name, cls=cls, table=table, check=check, **kw)


_LINE_ENUMS = {"kind": LineKind}
KINDS: dict[type, Kind] = {
    k.cls: k
    for k in (
        _kind(
            "business profile",
            Business,
            "business",
            v.check_business,
            parent=None,
            enums={},
            pk="id",
        ),
        _kind(
            "goal",
            Goal,
            "goal",
            v.check_goal,
            parent=None,
            enums={"perspective": Perspective},
            dates=("target_date",),
            label_field="title",
        ),
        _kind(
            "SWOT item",
            SwotItem,
            "swot_item",
            v.check_swot,
            parent=None,
            enums={"kind": SwotKind},
            children=("goal_ids", "initiative_ids"),
            label_field="text",
        ),
        _kind(
            "system",
            System,
            "system",
            v.check_system,
            parent=None,
            enums={"criticality": Criticality, "action": SystemAction},
        ),
        _kind(
            "feedback",
            Feedback,
            "feedback",
            v.check_feedback,
            parent=None,
            enums={},
            label_field="department",
        ),
        _kind(
            "initiative",
            Initiative,
            "initiative",
            v.check_initiative,
            parent=None,
            enums={"portfolio": Portfolio, "status": InitiativeStatus, "funding": FundingSource},
            halves=("impact", "feasibility"),
            children=("goals", "depends_on", "milestones", "options", "risks", "raci"),
        ),
        _kind(
            "milestone", Milestone, "milestone", v.check_milestone, parent="initiative_id", enums={}
        ),
        _kind(
            "option",
            Option,
            "option",
            v.check_option,
            parent="initiative_id",
            enums={},
            bools=("chosen",),
            children=("costs", "benefits"),
        ),
        _kind(
            "cost line",
            CostLine,
            "cost_line",
            v.check_cost_line,
            parent="option_id",
            enums={"category": CostCategory, **_LINE_ENUMS},
            bools=("capital",),
            label_field="description",
        ),
        _kind(
            "benefit line",
            BenefitLine,
            "benefit_line",
            v.check_benefit_line,
            parent="option_id",
            enums={"category": BenefitCategory, **_LINE_ENUMS},
            label_field="description",
        ),
        _kind(
            "risk",
            Risk,
            "risk",
            v.check_risk,
            parent="initiative_id",
            enums={"category": RiskCategory, "status": RiskStatus},
            label_field="description",
        ),
        _kind(
            "person",
            Person,
            "person",
            v.check_person,
            parent=None,
            enums={},
            bools=("on_steering_committee",),
        ),
        _kind(
            "review",
            Review,
            "review",
            v.check_review,
            parent=None,
            enums={},
            dates=("date",),
            label_field="date",
        ),
        _kind(
            "KPI",
            Kpi,
            "kpi",
            v.check_kpi,
            parent=None,
            enums={"direction": KpiDirection},
            dates=("target_date",),
            children=("measurements",),
        ),
        _kind(
            "measurement",
            Measurement,
            "measurement",
            v.check_measurement,
            parent="kpi_id",
            enums={},
            dates=("date",),
            label_field="date",
        ),
        _kind(
            "budget year",
            BudgetYear,
            "budget_year",
            v.check_budget_year,
            parent=None,
            enums={},
            pk="year",
            label_field="year",
        ),
        _kind(
            "snapshot",
            Snapshot,
            "snapshot",
            v.check_snapshot,
            parent=None,
            enums={},
            json_fields=("data",),
        ),
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
