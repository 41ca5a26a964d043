"""KPIs (each tied to a goal, named by its title) and their measurements."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from typing import Any

from smbplanner.domain.enums import KpiDirection
from smbplanner.domain.model import Kpi, Measurement, Plan
from smbplanner.spreadsheets.targets import parsers as p
from smbplanner.spreadsheets.targets.base import (
    Column,
    EntityTarget,
    Planned,
    RowProblem,
    Values,
    norm,
    problems_of,
)
from smbplanner.storage.edits import EditSession


def _goal_id(plan: Plan, title: Any) -> int:
    wanted = norm(str(title))
    for goal in plan.goals:
        if norm(goal.title) == wanted and goal.id is not None:
            return goal.id
    raise RowProblem("goal", f"no goal titled {str(title)!r} in the plan (import the goals "
                             "first)")


class Kpis(EntityTarget):
    name, title, noun, cls = "kpis", "KPIs", "KPI", Kpi
    needs = ("goals",)
    columns = (
        Column("name", "Name", p.text, ("kpi", "kpi name", "measure", "metric", "indicator"),
               True, width=28),
        Column("goal", "Goal", p.text, ("business goal", "goal title", "objective"), True,
               width=28),
        Column("unit", "Unit", p.text, ("units", "measured in")),
        Column("direction", "Direction", p.choice(
            KpiDirection, {"up": "increase", "higher": "increase", "higherisbetter": "increase",
                           "down": "decrease", "lower": "decrease",
                           "lowerisbetter": "decrease"}), ("better when", "good when"),
               style="choice"),
        Column("baseline", "Baseline", p.real, ("start", "starting value", "current", "today"),
               style="number"),
        Column("target", "Target", p.real, ("goal value", "target value", "aim"),
               style="number"),
        Column("target_date", "Target date", p.day, ("by", "due", "deadline"), style="date"),
        Column("replaces_it_metric", "Replaces IT metric", p.text,
               ("replaces", "it metric", "instead of"), width=28),
    )

    def entities(self, plan: Plan) -> list[Any]:
        return plan.kpis

    def to_fields(self, plan: Plan, values: Values) -> Values:
        fields = {k: v for k, v in values.items() if k != "goal"}
        if "goal" in values:
            fields["goal_id"] = _goal_id(plan, values["goal"])
        return fields

    def from_fields(self, plan: Plan, entity: Any) -> Values:
        goal = plan.goal(entity.goal_id)
        values = {c.key: getattr(entity, c.key) for c in self.columns if c.key != "goal"}
        return {**values, "goal": goal.title if goal else ""}


class Measurements(EntityTarget):
    name, title, noun, cls = "measurements", "Measurements", "measurement", Measurement
    needs = ("kpis",)
    columns = (
        Column("kpi", "KPI", p.text, ("kpi name", "name", "measure", "metric", "indicator"),
               True, width=28),
        Column("date", "Date", p.day, ("measured", "measured on", "when", "day", "period"),
               True, style="date"),
        Column("value", "Value", p.real, ("actual", "result", "reading", "measurement"), True,
               style="number"),
        Column("note", "Note", p.text, ("notes", "comment", "remarks"), width=30),
    )

    def key(self, values: Values) -> Hashable:
        if values.get("kpi") is None or values.get("date") is None:
            return None
        return (norm(str(values["kpi"])), values["date"])

    def shown_key(self, values: Values) -> str:
        when = values.get("date")
        return f"{values.get('kpi', '')} on {when.isoformat() if when else '?'}"

    def existing(self, plan: Plan) -> dict[Hashable, Any]:
        return {(norm(k.name), m.date): m for k in plan.kpis for m in k.measurements}

    def _kpi(self, plan: Plan, name: Any) -> Kpi:
        wanted = norm(str(name))
        for kpi in plan.kpis:
            if norm(kpi.name) == wanted:
                return kpi
        raise RowProblem("kpi", f"no KPI named {str(name)!r} in the plan (import the KPIs "
                                "first)")

    def prepare(self, plan: Plan, values: Values, current: Any) -> Planned:
        kpi = self._kpi(plan, values["kpi"])
        fields = {k: v for k, v in values.items() if k in ("date", "value", "note")}
        name = self.shown_key(values)
        if current is None:
            entity = Measurement(**fields)
            problems_of(entity, self.columns)
            return Planned("add", self.key(values), name, (kpi.id, entity))
        changes = {k: v for k, v in fields.items() if getattr(current, k) != v}
        problems_of(dataclasses.replace(current, **changes), self.columns)
        return Planned("update", self.key(values), name, changes, current.id,
                       unchanged=not changes)

    def write(self, session: EditSession, plan: Plan, planned: list[Planned]) -> None:
        for item in planned:
            if item.action == "add":
                kpi_id, entity = item.payload
                session.add(dataclasses.replace(entity), kpi_id)
            elif item.payload:
                session.update(Measurement, item.entity_id, **item.payload)

    def rows(self, plan: Plan) -> list[Values]:
        return [
            {"kpi": k.name, "date": m.date, "value": m.value, "note": m.note}
            for k in plan.kpis
            for m in sorted(k.measurements, key=lambda m: m.date)
        ]
