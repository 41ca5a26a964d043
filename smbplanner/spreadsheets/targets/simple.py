"""The tables that are one entity per row: systems, budget years, goals, people."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from smbplanner.domain.enums import Criticality, Perspective, SystemAction
from smbplanner.domain.model import BudgetYear, Goal, Person, Plan, System
from smbplanner.spreadsheets.targets import parsers as p
from smbplanner.spreadsheets.targets.base import Column, EntityTarget, RowProblem, Values, norm


class Systems(EntityTarget):
    name, title, noun, cls = "systems", "Systems", "system", System
    columns = (
        Column("name", "Name", p.text, ("system", "system name", "application", "app",
                                        "software", "it system", "asset"), True, width=28),
        Column("category", "Category", p.text, ("type", "kind", "area")),
        Column("vendor", "Vendor", p.text, ("supplier", "provider", "manufacturer", "brand")),
        Column("annual_run_cost_cents", "Annual run cost", p.money,
               ("run cost", "annual cost", "yearly cost", "cost per year", "cost", "annual",
                "running cost", "cost year", "licence cost", "license cost"), style="money"),
        Column("year_installed", "Year installed", p.year,
               ("installed", "since", "purchased", "year purchased", "year bought"),
               style="int"),
        Column("end_of_life_year", "End of life", p.year,
               ("eol", "end of life year", "end of support", "replace by", "retire by"),
               style="int"),
        Column("condition", "Condition", p.one_to_five, ("state", "health", "condition 1 5"),
               style="int"),
        Column("criticality", "Criticality", p.choice(Criticality),
               ("importance", "critical", "priority"), style="choice"),
        Column("action", "Action", p.choice(SystemAction), ("plan", "decision", "next step"),
               style="choice"),
        Column("notes", "Notes", p.text, ("note", "comments", "comment", "remarks"), width=30),
        Column("replaced_by", "Replaced by", p.text,
               ("replaced by initiative", "retired by", "replacement", "successor"), width=28),
    )
    needs = ("initiatives",)  # "Replaced by" names an initiative

    def entities(self, plan: Plan) -> list[Any]:
        return plan.systems

    def to_fields(self, plan: Plan, values: Values) -> Values:
        fields = {k: v for k, v in values.items() if k != "replaced_by"}
        if "replaced_by" in values:
            wanted = norm(str(values["replaced_by"]))
            found = next((i for i in plan.initiatives if norm(i.name) == wanted), None)
            if found is None:
                raise RowProblem("replaced_by", f"no initiative named "
                                                f"{values['replaced_by']!r} in the plan "
                                                "(import the initiatives first)")
            fields["replaced_by_id"] = found.id
        return fields

    def from_fields(self, plan: Plan, entity: Any) -> Values:
        values = {c.key: getattr(entity, c.key) for c in self.columns[:-1]}
        by = plan.initiative(entity.replaced_by_id) if entity.replaced_by_id else None
        return {**values, "replaced_by": by.name if by else None}


class Budget(EntityTarget):
    name, title, noun, cls = "budget", "Budget", "budget year", BudgetYear
    name_key = "year"
    columns = (
        Column("year", "Year", p.plan_year, ("budget year", "fiscal year", "fy"), True,
               style="int", width=8),
        Column("run_cents", "Run", p.money,
               ("run budget", "it run", "run envelope", "opex", "operations budget"),
               style="money"),
        Column("change_cents", "Change", p.money,
               ("change budget", "it change", "change envelope", "capex", "projects",
                "project budget"), style="money"),
    )

    def key(self, values: Values) -> Hashable:
        return values.get("year")

    def entities(self, plan: Plan) -> list[Any]:
        return plan.budget_years

    def existing(self, plan: Plan) -> dict[Hashable, Any]:
        return {b.year: b for b in plan.budget_years}

    def entity_id(self, entity: Any) -> Any:
        return entity.year


class Goals(EntityTarget):
    name, title, noun, cls = "goals", "Goals", "goal", Goal
    name_key = "title"
    columns = (
        Column("title", "Title", p.text, ("goal", "name", "business goal", "objective"), True,
               width=32),
        Column("description", "Description", p.text, ("details", "notes"), width=40),
        Column("perspective", "Perspective", p.choice(
            Perspective, {"learning": "learning_growth", "internal": "internal_process",
                          "process": "internal_process", "customers": "customer"}),
            ("scorecard perspective", "bsc perspective"), style="choice"),
        Column("weight", "Weight", p.one_to_five, ("importance", "priority", "weight 1 5"),
               style="int"),
        Column("target_date", "Target date", p.day, ("by", "due", "deadline", "date"),
               style="date"),
    )

    def entities(self, plan: Plan) -> list[Any]:
        return plan.goals


class People(EntityTarget):
    name, title, noun, cls = "people", "People", "person", Person
    columns = (
        Column("name", "Name", p.text, ("person", "full name", "who", "member"), True,
               width=24),
        Column("role", "Role", p.text, ("title", "job title", "position", "function"),
               width=24),
        Column("on_steering_committee", "Steering committee", p.flag,
               ("steering", "on steering committee", "committee", "sc member"), style="flag"),
    )

    def entities(self, plan: Plan) -> list[Any]:
        return plan.people
