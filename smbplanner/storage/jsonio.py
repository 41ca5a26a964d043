"""The JSON interchange format of DESIGN section 5.

``{"format": "smbplanner-plan", "version": N, "plan": {...}, "figures": {...}}``. Money is
a number of currency units (at most 2 decimals), rates and factors are fractions (0.08 for
8 %), dates are "YYYY-MM-DD". A bad document is refused with the path of the first problem,
e.g. ``plan.initiatives[3].options[0].costs[2].amount: must be a number ≥ 0``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from smbplanner.domain.fields import Declared, json_order
from smbplanner.domain.model import Plan
from smbplanner.domain.money import BP, cents_to_units
from smbplanner.storage.schema import JSON_FORMAT, SCHEMA_VERSION

FORMAT = JSON_FORMAT


# --- plan -> JSON ------------------------------------------------------------------------
# Each entity is written by its fields' declarations (``domain.fields``): its id first, then
# its fields in order (a field declared ``json_after`` another comes right after it), under
# their JSON names (dotted: nested objects); money in currency units, basis points as
# fractions, dates as "YYYY-MM-DD", enums by value.
Writer = Callable[[Any], Any]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _fraction(value: int | None) -> float | None:
    return None if value is None else value / BP


def _enum_writer(enum: type[Any]) -> Writer:
    def write(value: Any) -> Any:
        if isinstance(value, enum):
            return value.value
        return None if value is None else enum(value).value

    return write


def _units(value: int | None) -> float | None:
    return None if value is None else cents_to_units(value)


def _writer(d: Declared) -> Writer | None:
    kind = d.spec.kind
    if kind == "cents":
        return _units if d.spec.optional else cents_to_units
    if kind == "bp":
        return _fraction
    if kind == "day":
        return _day
    if kind == "choice":
        assert d.spec.enum is not None
        return _enum_writer(d.spec.enum)
    if kind == "ids":
        return list
    if kind == "items":
        item = d.spec.item
        return lambda values: [to_json(v, item) for v in values]
    if kind == "one":
        return lambda value: to_json(value, d.spec.item)
    return None


@cache
def _writers(cls: type) -> tuple[tuple[str, str, tuple[str, ...], Writer | None], ...]:
    """(field, JSON key, the keys of the objects it is nested in, conversion) in JSON order."""
    return tuple(
        (d.name, d.json_name.rsplit(".", 1)[-1], tuple(d.json_name.split(".")[:-1]), _writer(d))
        for d in json_order(cls)
    )


@cache
def _object_writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    """One function per class that builds its JSON object as a dict display, as written by
    hand (a dump of 3,000 initiatives writes about 60,000 objects): made from the class's
    declarations when first needed. A class with nested JSON objects (the business's
    scenarios, one per plan) is written by ``_nested``."""
    writers = _writers(cls)
    if any(within for _name, _key, within, _write in writers):
        return lambda entity: _nested(entity, writers)
    env: dict[str, Any] = {}
    items = []
    for n, (name, key, _within, write) in enumerate(writers):
        if not name.isidentifier():
            raise TypeError(f"{cls.__name__}.{name}: not a field name")
        if write is None:
            items.append(f"{key!r}: e.{name}")
        else:
            env[f"w{n}"] = write
            items.append(f"{key!r}: w{n}(e.{name})")
    source = "def write(e):\n    return {" + ", ".join(items) + "}\n"
    exec(source, env)
    made: Callable[[Any], dict[str, Any]] = env["write"]
    return made


def _nested(entity: Any, writers: tuple[tuple[str, str, tuple[str, ...], Writer | None], ...]
            ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, key, within, write in writers:
        value = getattr(entity, name)
        if write is not None:
            value = write(value)
        target = out
        for part in within:
            target = target.setdefault(part, {})
        target[key] = value
    return out


def to_json(entity: Any, cls: type | None = None) -> dict[str, Any]:
    """An entity (and its children) as a JSON object."""
    return _object_writer(cls or type(entity))(entity)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """Every stored entity, in id order, ready for ``json.dumps``."""
    return to_json(plan, Plan)


def dump_document(plan: Plan, figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": SCHEMA_VERSION,
        "plan": plan_to_dict(plan),
        "figures": figures,
    }


def to_json_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# Reading lives in jsonload; re-exported so that callers have one module for the format.
from smbplanner.storage.jsonload import dict_to_plan, parse_document  # noqa: E402

__all__ = [
    "FORMAT",
    "dict_to_plan",
    "dump_document",
    "parse_document",
    "plan_to_dict",
    "to_json_text",
]
