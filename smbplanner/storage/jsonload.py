"""Reading the JSON interchange format (see ``jsonio``): every field typed with its JSON path,
then the whole plan validated; a bad document raises ``JsonFormatError`` naming the path."""

from __future__ import annotations

import json
import math
from datetime import date
from enum import StrEnum
from typing import Any

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
    RaciRole,
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
from smbplanner.domain.money import MoneyError, to_bp, to_cents
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.storage.errors import JsonFormatError
from smbplanner.storage.schema import JSON_FORMAT as FORMAT
from smbplanner.storage.schema import SCHEMA_VERSION

MAX_JSON_BYTES = 200 * 1024 * 1024
#: SQLite's INTEGER is 64-bit: a larger whole number (an id, a year) is refused, not stored.
MAX_INTEGER = 2**63 - 1


# --- JSON -> plan ------------------------------------------------------------------------
class _Obj:
    """Typed access to one JSON object, raising ``JsonFormatError`` with the field's path."""

    def __init__(self, value: object, path: str):
        if not isinstance(value, dict):
            raise JsonFormatError(f"{path}: must be an object")
        self.data: dict[str, Any] = value
        self.path = path

    def fail(self, key: str, message: str) -> JsonFormatError:
        return JsonFormatError(f"{self.path}.{key}: {message}")

    def raw(self, key: str, default: object = ..., *, required: bool = False) -> Any:
        if key not in self.data:
            if required or default is ...:
                raise self.fail(key, "is missing")
            return default
        return self.data[key]

    def text(self, key: str, default: str | None = "") -> str:
        value = self.raw(key, default, required=default is None)
        if not isinstance(value, str):
            raise self.fail(key, "must be text")
        return value

    def integer(self, key: str, default: int | None = None, *, optional: bool = False) -> Any:
        value = self.raw(key, default, required=default is None and not optional)
        if value is None and optional:
            return None
        if isinstance(value, float) and value.is_integer() and math.isfinite(value):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        if not -MAX_INTEGER <= value <= MAX_INTEGER:
            raise self.fail(key, "is too large")
        return value

    def number(self, key: str, default: float | None = None) -> float:
        value = self.raw(key, default, required=default is None)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, "must be a number")
        if not math.isfinite(value):
            raise self.fail(key, "must be a finite number")
        return float(value)

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.raw(key, default, required=default is None)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def cents(self, key: str, default: object = ...) -> int:
        value = self.raw(key, default)
        if isinstance(value, str):
            raise self.fail(key, "must be a number ≥ 0")
        try:
            return to_cents(value)
        except MoneyError as e:
            raise self.fail(key, str(e)) from None

    def bp(self, key: str, low: int, high: int, default: object = ...) -> int:
        value = self.raw(key, default)
        if isinstance(value, str):
            raise self.fail(key, "must be a number")
        try:
            return to_bp(value, low=low, high=high)
        except MoneyError as e:
            raise self.fail(key, str(e)) from None

    def enum(self, key: str, kind: type[StrEnum], default: StrEnum | None = None) -> Any:
        value = self.raw(
            key, default.value if default is not None else ..., required=default is None
        )
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise self.fail(key, f"must be one of: {allowed}") from None

    def day(self, key: str, *, optional: bool = False) -> date | None:
        value = self.raw(key, None, required=not optional)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "must be a date (YYYY-MM-DD)")
        try:
            return date.fromisoformat(value) if len(value) == 10 else _bad_date()
        except ValueError:
            raise self.fail(key, "must be a date (YYYY-MM-DD)") from None

    def id(self, key: str = "id") -> int | None:
        return self.integer(key, optional=True)  # type: ignore[no-any-return]

    def items(self, key: str) -> list[_Obj]:
        value = self.raw(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return [_Obj(v, f"{self.path}.{key}[{i}]") for i, v in enumerate(value)]

    def ids(self, key: str) -> list[int]:
        value = self.raw(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of ids")
        for i, v in enumerate(value):
            if isinstance(v, bool) or not isinstance(v, int):
                raise JsonFormatError(f"{self.path}.{key}[{i}]: must be a whole number")
            if not -MAX_INTEGER <= v <= MAX_INTEGER:
                raise JsonFormatError(f"{self.path}.{key}[{i}]: is too large")
        return list(value)

    def score(self, key: str) -> float | None:
        value = self.raw(key, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, "must be a score from 1 to 5 in half steps, or null")
        return float(value)


def _bad_date() -> date:
    raise ValueError("not YYYY-MM-DD")


def _business(o: _Obj) -> Business:
    scen = _Obj(o.raw("scenarios", {}), f"{o.path}.scenarios")
    opt = _Obj(scen.raw("optimistic", {}), f"{scen.path}.optimistic")
    pes = _Obj(scen.raw("pessimistic", {}), f"{scen.path}.pessimistic")
    factor = (0, 100_000)
    return Business(
        name=o.text("name", None),
        industry=o.text("industry"),
        employees=o.integer("employees", 0),
        currency=o.text("currency", None),
        start_year=o.integer("start_year"),
        horizon_years=o.integer("horizon_years"),
        discount_rate_bp=o.bp("discount_rate", 0, 10_000, 0.08),
        optimistic_cost_bp=opt.bp("costs", *factor, 0.9),
        optimistic_benefit_bp=opt.bp("benefits", *factor, 1.15),
        pessimistic_cost_bp=pes.bp("costs", *factor, 1.25),
        pessimistic_benefit_bp=pes.bp("benefits", *factor, 0.75),
        it_vision=o.text("it_vision"),
        it_mission=o.text("it_mission"),
        target_run_share_bp=(
            None
            if o.raw("target_run_share", None) is None
            else o.bp("target_run_share", 0, 10_000)
        ),
        resolution=o.text("resolution"),
        rate_rationale=o.text("rate_rationale"),
        prepared_by=o.text("prepared_by"),
    )


def _lines(o: _Obj, key: str, cls: type[Any], cat: type[StrEnum]) -> list[Any]:
    return [
        cls(
            **(
                {"capital": None if x.raw("capital", None) is None else x.flag("capital")}
                if cls is CostLine
                else {}
            ),
            id=x.id(),
            category=x.enum("category", cat),
            amount_cents=x.cents("amount"),
            kind=x.enum("kind", LineKind),
            year_from=x.integer("year_from"),
            year_to=x.integer("year_to", x.data.get("year_from")),
            escalation_bp=x.bp("escalation", -9_999, 10_000, 0),
            description=x.text("description"),
            low_bp=None if x.raw("low", None) is None else x.bp("low", 0, 10_000),
            high_bp=None if x.raw("high", None) is None else x.bp("high", 10_000, 100_000),
        )
        for x in o.items(key)
    ]


def _init(o: _Obj) -> Initiative:
    return Initiative(
        id=o.id(),
        name=o.text("name", None),
        description=o.text("description"),
        portfolio=o.enum("portfolio", Portfolio, Portfolio.CHANGE),
        status=o.enum("status", InitiativeStatus, InitiativeStatus.PROPOSED),
        owner=o.text("owner"),
        start_year=o.integer("start_year"),
        start_quarter=o.integer("start_quarter", 1),
        duration_quarters=o.integer("duration_quarters", 4),
        impact=o.score("impact"),
        feasibility=o.score("feasibility"),
        funding=o.enum("funding", FundingSource, FundingSource.CASH),
        goals=[
            GoalLink(x.integer("goal_id"), x.integer("contribution", 2)) for x in o.items("goals")
        ],
        depends_on=o.ids("depends_on"),
        milestones=[
            Milestone(
                id=x.id(),
                name=x.text("name", None),
                year=x.integer("year"),
                quarter=x.integer("quarter", 1),
            )
            for x in o.items("milestones")
        ],
        options=[
            Option(
                id=x.id(),
                name=x.text("name", None),
                description=x.text("description"),
                chosen=x.flag("chosen", False),
                life_years=x.integer("life_years", 5),
                costs=_lines(x, "costs", CostLine, CostCategory),
                benefits=_lines(x, "benefits", BenefitLine, BenefitCategory),
            )
            for x in o.items("options")
        ],
        risks=[
            Risk(
                id=x.id(),
                description=x.text("description", None),
                category=x.enum("category", RiskCategory, RiskCategory.OTHER),
                likelihood=x.integer("likelihood", 3),
                impact=x.integer("impact", 3),
                mitigation=x.text("mitigation"),
                owner=x.text("owner"),
                status=x.enum("status", RiskStatus, RiskStatus.OPEN),
            )
            for x in o.items("risks")
        ],
        raci=[RaciEntry(x.integer("person_id"), x.enum("role", RaciRole)) for x in o.items("raci")],
    )


def dict_to_plan(data: object, *, path: str = "plan") -> Plan:
    """A ``Plan`` from the ``plan`` object of a dump; raises ``JsonFormatError``."""
    o = _Obj(data, path)
    plan = Plan(
        business=_business(_Obj(o.raw("business", required=True), f"{path}.business")),
        goals=[
            Goal(
                id=x.id(),
                title=x.text("title", None),
                description=x.text("description"),
                perspective=x.enum("perspective", Perspective, Perspective.FINANCIAL),
                weight=x.integer("weight", 3),
                target_date=x.day("target_date", optional=True),
            )
            for x in o.items("goals")
        ],
        swot=[
            SwotItem(
                id=x.id(),
                kind=x.enum("kind", SwotKind),
                text=x.text("text", None),
                it_question=x.text("it_question"),
                goal_ids=x.ids("goal_ids"),
                initiative_ids=x.ids("initiative_ids"),
            )
            for x in o.items("swot")
        ],
        systems=[
            System(
                id=x.id(),
                name=x.text("name", None),
                category=x.text("category"),
                vendor=x.text("vendor"),
                annual_run_cost_cents=x.cents("annual_run_cost", 0),
                year_installed=x.integer("year_installed", optional=True),
                end_of_life_year=x.integer("end_of_life_year", optional=True),
                condition=x.integer("condition", 3),
                criticality=x.enum("criticality", Criticality, Criticality.MEDIUM),
                action=x.enum("action", SystemAction, SystemAction.KEEP),
                notes=x.text("notes"),
                replaced_by_id=x.integer("replaced_by_id", optional=True),
            )
            for x in o.items("systems")
        ],
        feedback=[
            Feedback(
                id=x.id(),
                department=x.text("department", None),
                satisfaction=x.integer("satisfaction", 3),
                pain_point=x.text("pain_point"),
            )
            for x in o.items("feedback")
        ],
        initiatives=[_init(x) for x in o.items("initiatives")],
        people=[
            Person(
                id=x.id(),
                name=x.text("name", None),
                role=x.text("role"),
                on_steering_committee=x.flag("on_steering_committee", False),
            )
            for x in o.items("people")
        ],
        reviews=[
            Review(
                id=x.id(),
                date=x.day("date"),  # type: ignore[arg-type]
                attendees=x.text("attendees"),
                decisions=x.text("decisions"),
                notes=x.text("notes"),
            )
            for x in o.items("reviews")
        ],
        kpis=[
            Kpi(
                id=x.id(),
                goal_id=x.integer("goal_id"),
                name=x.text("name", None),
                unit=x.text("unit"),
                direction=x.enum("direction", KpiDirection, KpiDirection.INCREASE),
                baseline=x.number("baseline"),
                target=x.number("target"),
                target_date=x.day("target_date", optional=True),
                replaces_it_metric=x.text("replaces_it_metric"),
                measurements=[
                    Measurement(
                        id=m.id(),
                        date=m.day("date"),  # type: ignore[arg-type]
                        value=m.number("value"),
                        note=m.text("note"),
                    )
                    for m in x.items("measurements")
                ],
            )
            for x in o.items("kpis")
        ],
        budget_years=[
            BudgetYear(
                year=x.integer("year"),
                run_cents=x.cents("run", 0),
                change_cents=x.cents("change", 0),
            )
            for x in o.items("budget_years")
        ],
        snapshots=[
            Snapshot(
                id=x.id(),
                name=x.text("name", None),
                taken_at=x.text("taken_at", None),
                data=_snapshot_data(x.raw("data", required=True), f"{x.path}.data"),
            )
            for x in o.items("snapshots")
        ],
    )
    problems = check_whole_plan(plan)
    if problems:
        first = problems[0]
        raise JsonFormatError(f"{path}.{first.field}: {first.message}")
    return plan


def _snapshot_data(data: object, path: str) -> dict[str, Any]:
    """A snapshot's data: a plan as ``dict_to_plan`` reads it, text that is valid Unicode
    (keys too) — held to the rules it must pass when the snapshot is read back."""
    obj = _Obj(data, path).data
    stack: list[object] = [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise JsonFormatError(
                    f"{path}: contains an invalid character (a lone surrogate)"
                ) from None
    dict_to_plan(obj, path=path)
    return obj


def _finite_float(text: str) -> float | _Constant:
    value = float(text)
    return value if math.isfinite(value) else _Constant(text[:40])


def parse_document(text: str | bytes) -> Plan:
    """The ``Plan`` of a dump document's text; raises ``JsonFormatError``."""
    if len(text) > MAX_JSON_BYTES:
        raise JsonFormatError("document: too large (at most 200 MB)")
    try:
        data = json.loads(text, parse_constant=_Constant, parse_float=_finite_float)
    except RecursionError:
        raise JsonFormatError("document: nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise JsonFormatError(f"document: not valid JSON ({e})") from None
    _refuse_constants(data)
    doc = _Obj(data, "document")
    if doc.raw("format", None) != FORMAT:
        raise JsonFormatError(f'format: must be "{FORMAT}"')
    version = doc.raw("version", None)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise JsonFormatError("version: must be a whole number ≥ 1")
    if version > SCHEMA_VERSION:
        raise JsonFormatError(
            f"version: {version} is from a newer SMB Planner (this one reads up to "
            f"{SCHEMA_VERSION}); please update SMB Planner"
        )
    return dict_to_plan(doc.raw("plan", required=True))


class _Constant(str):
    """``NaN``, ``Infinity`` or ``-Infinity`` in the text: kept while parsing, so that the
    refusal can name the field that holds it."""


def _refuse_constants(data: object) -> None:
    stack: list[tuple[object, str]] = [(data, "document")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, _Constant):
            raise JsonFormatError(f"{path}: must be a finite number ({value} is not allowed)")
        if isinstance(value, dict):
            for key, child in reversed(value.items()):  # reversed: found in document order
                child_path = "plan" if path == "document" and key == "plan" else f"{path}.{key}"
                stack.append((child, child_path))
        elif isinstance(value, list):
            stack.extend((value[i], f"{path}[{i}]") for i in reversed(range(len(value))))
