"""Validation of single entities. Messages name the field (by its public name) and the rule.

``check(entity)`` returns a list of ``Problem``: each field is checked by its declaration in
the model (``domain.fields``), then the entity's rules across fields (``RULES``); ``require``
raises ``ValidationError`` when there is any. Cross-entity rules (references, cycles) live in
``analysis.checks`` and in the storage layer's foreign keys.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from smbplanner.domain.currency import CURRENCIES
from smbplanner.domain.enums import LineKind
from smbplanner.domain.fields import (
    MAX_DISCOUNT_BP,
    MAX_ESCALATION_BP,
    MAX_FACTOR_BP,
    MAX_KPI_VALUE,
    MAX_LIFE_YEARS,
    MAX_NAME,
    MAX_TEXT,
    MAX_YEAR,
    MIN_YEAR,
    Declared,
    declared,
)
from smbplanner.domain.model import BenefitLine, CostLine, Initiative, System
from smbplanner.domain.money import MAX_CENTS


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def at(self, prefix: str) -> Problem:
        return Problem(f"{prefix}.{self.field}" if prefix else self.field, self.message)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more problems; ``str()`` gives the first as "field: message"."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def require(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, name: str, message: str) -> None:
        self.problems.append(Problem(name, message))

    def text(
        self, name: str, value: object, *, required: bool = False, limit: int = MAX_TEXT
    ) -> None:
        if not isinstance(value, str):
            self.add(name, "must be text")
            return
        if required and not value.strip():
            self.add(name, "must not be empty")
        if len(value) > limit:
            self.add(name, f"is too long ({len(value):,} characters; at most {limit:,})")
        if "\x00" in value:
            self.add(name, "must not contain a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.add(name, "contains an invalid character (a lone surrogate)")

    def integer(
        self, name: str, value: object, low: int, high: int, *, optional: bool = False
    ) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(name, "must be a whole number")
        elif not low <= value <= high:
            self.add(name, f"must be between {low} and {high}")

    def cents(self, name: str, value: object, *, allow_negative: bool = False) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(name, "must be an amount in whole cents")
        elif value < 0 and not allow_negative:
            self.add(name, "must be a number ≥ 0")
        elif abs(value) > MAX_CENTS:
            self.add(name, "is too large (at most 100,000,000,000)")

    def number(self, name: str, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(name, "must be a number")
        elif not math.isfinite(value):
            self.add(name, "must be a finite number")
        elif abs(value) > MAX_KPI_VALUE:
            self.add(name, "is too large")

    def enum(self, name: str, value: object, kind: type[StrEnum]) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(m.value for m in kind)
            self.add(name, f"must be one of: {allowed}")

    def day(self, name: str, value: object, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, date):
            self.add(name, "must be a date (YYYY-MM-DD)")
        elif not MIN_YEAR <= value.year <= MAX_YEAR:
            self.add(name, f"must be between {MIN_YEAR} and {MAX_YEAR}")

    def flag(self, name: str, value: object) -> None:
        if not isinstance(value, bool):
            self.add(name, "must be true or false")

    def score(self, name: str, value: object) -> None:
        if value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not 1 <= value <= 5
            or value * 2 != int(value * 2)
        ):
            self.add(name, "must be a score from 1 to 5 in half steps, or empty")


FieldCheck = Callable[[_Checker, Any], None]


def _field_check(d: Declared) -> FieldCheck | None:
    """The check of one declared field, worked out once per class (a 3,000-initiative plan
    checks about 170,000 fields when it is read); None when its kind has no rule of its own:
    ids and references are checked across the plan (``analysis.checks``, foreign keys), lists
    and children each on their own (``domain.plan_check``)."""
    spec, name, kind = d.spec, d.problem_name, d.spec.kind
    if kind == "text":
        required, limit = spec.nonempty, spec.limit

        def text(c: _Checker, v: Any) -> None:
            # the usual case at once: ASCII text (so no lone surrogate) of a fitting length
            if (type(v) is not str or len(v) > limit or not v.isascii() or "\x00" in v
                    or (required and not v.strip())):
                c.text(name, v, required=required, limit=limit)

        return text
    if kind in ("whole", "bp") and spec.low is not None and spec.high is not None:
        low, high, optional = spec.low, spec.high, spec.optional

        def whole(c: _Checker, v: Any) -> None:
            if type(v) is not int or not low <= v <= high:  # the usual case: nothing to say
                c.integer(name, v, low, high, optional=optional)

        return whole
    if kind in ("cents", "choice", "flag"):
        check = _value_check(d)
        if spec.optional:  # None: not set
            return lambda c, v: None if v is None else check(c, v)
        return check
    if kind == "day":
        optional_day = spec.optional
        return lambda c, v: c.day(name, v, optional=optional_day)
    if kind == "number":
        return lambda c, v: c.number(name, v)
    if kind == "score":
        return lambda c, v: c.score(name, v)
    if kind == "currency":

        def currency(c: _Checker, v: Any) -> None:
            if not isinstance(v, str) or v not in CURRENCIES:
                c.add(name, "must be an ISO 4217 code such as EUR, USD or GBP")

        return currency
    if kind == "data":
        return lambda c, v: None if isinstance(v, dict) else c.add(name, "must be an object")
    return None


def _value_check(d: Declared) -> FieldCheck:
    """The check of a set value of a cents, choice or flag field."""
    name, kind = d.problem_name, d.spec.kind
    if kind == "cents":
        return lambda c, v: None if type(v) is int and 0 <= v <= MAX_CENTS else c.cents(name, v)
    if kind == "choice":
        enum = d.spec.enum
        assert enum is not None
        return lambda c, v: None if isinstance(v, enum) else c.enum(name, v, enum)
    return lambda c, v: c.flag(name, v)


_CHECKS: dict[type, Callable[[_Checker, Any], None]] = {}


def _checks(cls: type) -> Callable[[_Checker, Any], None]:
    """One function per class that checks each of its fields in turn, as written by hand (a
    3,000-initiative plan checks about 60,000 entities when it is read): made from the class's
    declarations when first needed."""
    known = _CHECKS.get(cls)
    if known is None:
        env: dict[str, Any] = {}
        calls = []
        for n, d in enumerate(declared(cls)):
            field_check = _field_check(d)
            if field_check is None:
                continue
            if not d.name.isidentifier():
                raise TypeError(f"{cls.__name__}.{d.name}: not a field name")
            env[f"f{n}"] = field_check
            calls.append(f"    f{n}(c, e.{d.name})\n")
        exec("def check(c, e):\n" + ("".join(calls) or "    pass\n"), env)
        known = _CHECKS[cls] = env["check"]
    return known


def _system_years(c: _Checker, s: System) -> None:
    if (
        isinstance(s.year_installed, int)
        and isinstance(s.end_of_life_year, int)
        and s.end_of_life_year < s.year_installed
    ):
        c.add("end_of_life_year", "must not be before year_installed")


def _line_years(c: _Checker, line: CostLine | BenefitLine) -> None:
    if isinstance(line.year_from, int) and isinstance(line.year_to, int):
        if line.kind == LineKind.ONE_OFF and line.year_to != line.year_from:
            c.add("year_to", "must equal year_from for a one-off line")
        if line.year_to < line.year_from:
            c.add("year_to", "must not be before year_from")
    if line.kind == LineKind.ONE_OFF and line.escalation_bp not in (0, None):
        c.add("escalation", "must be 0 for a one-off line")


def _actual_dates(c: _Checker, i: Initiative) -> None:
    if (
        isinstance(i.actual_start, date)
        and isinstance(i.actual_finish, date)
        and i.actual_finish < i.actual_start
    ):
        c.add("actual_finish", "must not be before actual_start")
    if i.actual_finish is not None and i.actual_start is None:
        c.add("actual_start", "is required when actual_finish is set")


#: Rules across an entity's fields, checked after the fields themselves.
RULES: dict[type, Callable[[_Checker, Any], None]] = {
    Initiative: _actual_dates,
    System: _system_years,
    CostLine: _line_years,
    BenefitLine: _line_years,
}


def check(entity: object) -> list[Problem]:
    """The problems of one entity's own fields (not of its children: see ``plan_check``)."""
    c = _Checker()
    _checks(type(entity))(c, entity)
    rule = RULES.get(type(entity))
    if rule is not None:
        rule(c, entity)
    return c.problems


__all__ = [
    "MAX_DISCOUNT_BP",
    "MAX_ESCALATION_BP",
    "MAX_FACTOR_BP",
    "MAX_KPI_VALUE",
    "MAX_LIFE_YEARS",
    "MAX_NAME",
    "MAX_TEXT",
    "MAX_YEAR",
    "MIN_YEAR",
    "Problem",
    "ValidationError",
    "check",
    "require",
]
