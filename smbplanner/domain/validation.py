"""Validation of single entities. Messages name the field (by its public name) and the rule.

Each ``check_*`` function returns a list of ``Problem``; ``require`` raises
``ValidationError`` when there is any. Cross-entity rules (references, cycles) live in
``analysis.checks`` and in the storage layer's foreign keys.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from smbplanner.domain.currency import CURRENCIES
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
    RaciEntry,
    Review,
    Risk,
    Snapshot,
    SwotItem,
    System,
)
from smbplanner.domain.money import MAX_CENTS

MAX_TEXT = 20_000  # characters in any one text field
MAX_NAME = 500
MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_LIFE_YEARS = 30
MAX_ESCALATION_BP = 10_000  # 100 % a year
MAX_FACTOR_BP = 100_000  # x10
MAX_DISCOUNT_BP = 10_000  # 100 %
MAX_KPI_VALUE = 1e15


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


def check_business(b: Business) -> list[Problem]:
    c = _Checker()
    c.text("name", b.name, required=True, limit=MAX_NAME)
    c.text("industry", b.industry, limit=MAX_NAME)
    c.integer("employees", b.employees, 0, 10_000_000)
    if not isinstance(b.currency, str) or b.currency not in CURRENCIES:
        c.add("currency", "must be an ISO 4217 code such as EUR, USD or GBP")
    c.integer("start_year", b.start_year, 2000, 2100)
    c.integer("horizon_years", b.horizon_years, 1, 10)
    c.integer("discount_rate", b.discount_rate_bp, 0, MAX_DISCOUNT_BP)
    for name in (
        "optimistic_cost",
        "optimistic_benefit",
        "pessimistic_cost",
        "pessimistic_benefit",
    ):
        c.integer(f"scenarios.{name}", getattr(b, f"{name}_bp"), 0, MAX_FACTOR_BP)
    c.text("it_vision", b.it_vision)
    c.text("it_mission", b.it_mission)
    c.integer("target_run_share", b.target_run_share_bp, 0, 10_000, optional=True)
    c.text("resolution", b.resolution)
    c.text("rate_rationale", b.rate_rationale)
    c.text("prepared_by", b.prepared_by, limit=MAX_NAME)
    return c.problems


def check_goal(g: Goal) -> list[Problem]:
    c = _Checker()
    c.text("title", g.title, required=True, limit=MAX_NAME)
    c.text("description", g.description)
    c.enum("perspective", g.perspective, Perspective)
    c.integer("weight", g.weight, 1, 5)
    c.day("target_date", g.target_date, optional=True)
    return c.problems


def check_swot(s: SwotItem) -> list[Problem]:
    c = _Checker()
    c.enum("kind", s.kind, SwotKind)
    c.text("text", s.text, required=True)
    c.text("it_question", s.it_question)
    return c.problems


def check_system(s: System) -> list[Problem]:
    c = _Checker()
    c.text("name", s.name, required=True, limit=MAX_NAME)
    c.text("category", s.category, limit=MAX_NAME)
    c.text("vendor", s.vendor, limit=MAX_NAME)
    c.cents("annual_run_cost", s.annual_run_cost_cents)
    c.integer("year_installed", s.year_installed, MIN_YEAR, MAX_YEAR, optional=True)
    c.integer("end_of_life_year", s.end_of_life_year, MIN_YEAR, MAX_YEAR, optional=True)
    if (
        isinstance(s.year_installed, int)
        and isinstance(s.end_of_life_year, int)
        and s.end_of_life_year < s.year_installed
    ):
        c.add("end_of_life_year", "must not be before year_installed")
    c.integer("condition", s.condition, 1, 5)
    c.enum("criticality", s.criticality, Criticality)
    c.enum("action", s.action, SystemAction)
    c.text("notes", s.notes)
    c.integer("replaced_by_id", s.replaced_by_id, 1, 2**63 - 1, optional=True)
    return c.problems


def check_feedback(f: Feedback) -> list[Problem]:
    c = _Checker()
    c.text("department", f.department, required=True, limit=MAX_NAME)
    c.integer("satisfaction", f.satisfaction, 1, 5)
    c.text("pain_point", f.pain_point)
    return c.problems


def _check_line(c: _Checker, line: CostLine | BenefitLine) -> None:
    c.cents("amount", line.amount_cents)
    c.enum("kind", line.kind, LineKind)
    c.integer("year_from", line.year_from, 0, MAX_LIFE_YEARS - 1)
    c.integer("year_to", line.year_to, 0, MAX_LIFE_YEARS - 1)
    c.integer("escalation", line.escalation_bp, -MAX_ESCALATION_BP + 1, MAX_ESCALATION_BP)
    c.text("description", line.description)
    if isinstance(line.year_from, int) and isinstance(line.year_to, int):
        if line.kind == LineKind.ONE_OFF and line.year_to != line.year_from:
            c.add("year_to", "must equal year_from for a one-off line")
        if line.year_to < line.year_from:
            c.add("year_to", "must not be before year_from")
    if line.kind == LineKind.ONE_OFF and line.escalation_bp not in (0, None):
        c.add("escalation", "must be 0 for a one-off line")
    # the owner's own range: low at most ×1, high at least ×1 (×0 to ×10)
    c.integer("low", line.low_bp, 0, 10_000, optional=True)
    c.integer("high", line.high_bp, 10_000, MAX_FACTOR_BP, optional=True)


def check_cost_line(line: CostLine) -> list[Problem]:
    c = _Checker()
    c.enum("category", line.category, CostCategory)
    _check_line(c, line)
    if line.capital is not None:
        c.flag("capital", line.capital)
    return c.problems


def check_benefit_line(line: BenefitLine) -> list[Problem]:
    c = _Checker()
    c.enum("category", line.category, BenefitCategory)
    _check_line(c, line)
    return c.problems


def check_option(o: Option) -> list[Problem]:
    c = _Checker()
    c.text("name", o.name, required=True, limit=MAX_NAME)
    c.text("description", o.description)
    c.flag("chosen", o.chosen)
    c.integer("life_years", o.life_years, 1, MAX_LIFE_YEARS)
    return c.problems


def check_goal_link(link: GoalLink) -> list[Problem]:
    c = _Checker()
    c.integer("contribution", link.contribution, 1, 3)
    return c.problems


def check_milestone(m: Milestone) -> list[Problem]:
    c = _Checker()
    c.text("name", m.name, required=True, limit=MAX_NAME)
    c.integer("year", m.year, MIN_YEAR, MAX_YEAR)
    c.integer("quarter", m.quarter, 1, 4)
    return c.problems


def check_risk(r: Risk) -> list[Problem]:
    c = _Checker()
    c.text("description", r.description, required=True)
    c.enum("category", r.category, RiskCategory)
    c.integer("likelihood", r.likelihood, 1, 5)
    c.integer("impact", r.impact, 1, 5)
    c.text("mitigation", r.mitigation)
    c.text("owner", r.owner, limit=MAX_NAME)
    c.enum("status", r.status, RiskStatus)
    return c.problems


def check_raci(entry: RaciEntry) -> list[Problem]:
    c = _Checker()
    c.enum("role", entry.role, RaciRole)
    return c.problems


def check_initiative(i: Initiative) -> list[Problem]:
    """The initiative's own fields (its options, lines, risks... are checked one by one)."""
    c = _Checker()
    c.text("name", i.name, required=True, limit=MAX_NAME)
    c.text("description", i.description)
    c.enum("portfolio", i.portfolio, Portfolio)
    c.enum("status", i.status, InitiativeStatus)
    c.text("owner", i.owner, limit=MAX_NAME)
    c.integer("start_year", i.start_year, 2000, 2100)
    c.integer("start_quarter", i.start_quarter, 1, 4)
    c.integer("duration_quarters", i.duration_quarters, 1, 40)
    c.score("impact", i.impact)
    c.score("feasibility", i.feasibility)
    c.enum("funding", i.funding, FundingSource)
    return c.problems


def check_person(p: Person) -> list[Problem]:
    c = _Checker()
    c.text("name", p.name, required=True, limit=MAX_NAME)
    c.text("role", p.role, limit=MAX_NAME)
    c.flag("on_steering_committee", p.on_steering_committee)
    return c.problems


def check_review(r: Review) -> list[Problem]:
    c = _Checker()
    c.day("date", r.date)
    c.text("attendees", r.attendees)
    c.text("decisions", r.decisions)
    c.text("notes", r.notes)
    return c.problems


def check_kpi(k: Kpi) -> list[Problem]:
    c = _Checker()
    c.text("name", k.name, required=True, limit=MAX_NAME)
    c.text("unit", k.unit, limit=MAX_NAME)
    c.enum("direction", k.direction, KpiDirection)
    c.number("baseline", k.baseline)
    c.number("target", k.target)
    c.day("target_date", k.target_date, optional=True)
    c.text("replaces_it_metric", k.replaces_it_metric)
    return c.problems


def check_measurement(m: Measurement) -> list[Problem]:
    c = _Checker()
    c.day("date", m.date)
    c.number("value", m.value)
    c.text("note", m.note)
    return c.problems


def check_budget_year(b: BudgetYear) -> list[Problem]:
    c = _Checker()
    c.integer("year", b.year, 2000, 2100)
    c.cents("run", b.run_cents)
    c.cents("change", b.change_cents)
    return c.problems


def check_snapshot(s: Snapshot) -> list[Problem]:
    c = _Checker()
    c.text("name", s.name, required=True, limit=MAX_NAME)
    c.text("taken_at", s.taken_at, required=True, limit=64)
    if not isinstance(s.data, dict):
        c.add("data", "must be an object")
    return c.problems
