"""Initiatives: one row each, with the name of the option that feeds the plan."""

from __future__ import annotations

import dataclasses
from typing import Any

from smbplanner.domain.enums import FundingSource, InitiativeStatus, Portfolio
from smbplanner.domain.model import Initiative, Option, Plan
from smbplanner.spreadsheets.targets import parsers as p
from smbplanner.spreadsheets.targets.base import (
    Column,
    EntityTarget,
    Planned,
    Values,
    norm,
    problems_of,
)
from smbplanner.storage.edits import EditSession

#: The option a new initiative gets when the sheet names none.
DEFAULT_OPTION = "Main option"


class Initiatives(EntityTarget):
    name, title, noun, cls = "initiatives", "Initiatives", "initiative", Initiative
    columns = (
        Column("name", "Name", p.text, ("initiative", "project", "initiative name",
                                        "project name", "title"), True, width=32),
        Column("description", "Description", p.text, ("details", "scope", "summary"),
               width=40),
        Column("portfolio", "Portfolio", p.choice(
            Portfolio, {"runthebusiness": "run", "changethebusiness": "change",
                        "grow": "change", "growth": "change", "keepthelightson": "run"}),
            ("run or change", "run change", "type"), style="choice"),
        Column("status", "Status", p.choice(
            InitiativeStatus, {"planned": "proposed", "idea": "proposed", "started": "in_progress",
                               "ongoing": "in_progress", "completed": "done",
                               "finished": "done", "paused": "on_hold",
                               "stopped": "cancelled"}), ("state", "stage"), style="choice"),
        Column("owner", "Owner", p.text, ("responsible", "lead", "sponsor"), width=20),
        Column("start_year", "Start year", p.plan_year, ("start", "year", "starts"),
               style="int"),
        Column("start_quarter", "Start quarter", p.whole(1, 4), ("quarter", "q"), style="int"),
        Column("duration_quarters", "Duration (quarters)", p.whole(1, 40),
               ("duration", "quarters", "length"), style="int"),
        Column("impact", "Impact", p.score, ("impact score", "value", "benefit score"),
               style="number"),
        Column("feasibility", "Feasibility", p.score, ("feasibility score", "ease", "effort"),
               style="number"),
        Column("funding", "Funding", p.choice(
            FundingSource, {"own cash": "cash", "owncash": "cash", "bank loan": "loan",
                            "bankloan": "loan", "credit": "loan", "subsidy": "grant"}),
            ("funded by", "financing", "funding source", "paid by"), style="choice"),
        Column("chosen_option", "Chosen option", p.text, ("option", "chosen", "solution"),
               width=24),
    )

    def entities(self, plan: Plan) -> list[Any]:
        return plan.initiatives

    def from_fields(self, plan: Plan, entity: Any) -> Values:
        values = {c.key: getattr(entity, c.key) for c in self.columns[:-1]}
        option = entity.chosen_option
        return {**values, "chosen_option": option.name if option else ""}

    def prepare(self, plan: Plan, values: Values, current: Any) -> Planned:
        fields = {k: v for k, v in values.items() if k != "chosen_option"}
        wanted = values.get("chosen_option")
        name = self.shown_key(values)
        if current is None:
            option = Option(wanted or DEFAULT_OPTION, chosen=True)
            entity = Initiative(**fields, options=[option])
            problems_of(entity, self.columns)
            problems_of(option, self.columns[-1:])
            return Planned("add", self.key(values), name, entity)
        changes = {k: v for k, v in fields.items() if getattr(current, k) != v}
        problems_of(dataclasses.replace(current, **changes), self.columns)
        choose: tuple[str, int | None] | None = None
        chosen = current.chosen_option
        if wanted and (chosen is None or norm(chosen.name) != norm(wanted)):
            found = next((o for o in current.options if norm(o.name) == norm(wanted)), None)
            problems_of(Option(wanted), self.columns[-1:])
            choose = (wanted, found.id if found else None)
        return Planned("update", self.key(values), name, (changes, choose), current.id,
                       unchanged=not changes and choose is None)

    def write(self, session: EditSession, plan: Plan, planned: list[Planned]) -> None:
        for item in planned:
            if item.action == "add":
                entity = item.payload
                session.add(dataclasses.replace(
                    entity, options=[dataclasses.replace(o) for o in entity.options]))
                continue
            changes, choose = item.payload
            if changes:
                session.update(Initiative, item.entity_id, **changes)
            if choose is not None:
                option_name, option_id = choose
                if option_id is None:
                    current = plan.initiative(item.entity_id)
                    life = current.chosen_option.life_years if current and \
                        current.chosen_option else 5
                    option_id = session.add(Option(option_name, life_years=life),
                                            item.entity_id)
                session.choose_option(option_id, item.entity_id)
