"""Actual spend from an accounting export: one row per transaction (date, supplier, amount,
the initiative it belongs to and its cost category), summed into the initiative's actual
spend per calendar year and category (``ActualCost``).

The file sets the spend of each (initiative, year, category) it has rows for to the sum of
those rows: importing the same export again gives the same figures (it replaces, never adds
twice); spend the file does not mention is left as it is. A row gives its year by a date (the
transaction's) or a year column; an exported workbook writes the year. Credit notes (negative
amounts) are refused: net them in the accounts first.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import Any

from smbplanner.domain.enums import CostCategory
from smbplanner.domain.model import ActualCost, Initiative, Plan
from smbplanner.spreadsheets import cells
from smbplanner.spreadsheets.targets import parsers as p
from smbplanner.spreadsheets.targets.base import (
    Column,
    Planned,
    RowProblem,
    Target,
    Values,
    norm,
    problems_of,
)
from smbplanner.storage.edits import EditSession

#: Words of accounting exports' account names, for the cost category.
ACCOUNT_WORDS = {
    "licences": "purchase", "licenses": "purchase", "licence": "purchase",
    "license": "purchase", "hardware": "purchase", "software": "purchase",
    "subscription": "purchase", "subscriptions": "purchase", "equipment": "purchase",
    "consulting": "implementation", "consultancy": "implementation",
    "installation": "implementation", "setup": "implementation", "set up": "implementation",
    "project": "implementation", "professional services": "implementation",
    "courses": "training", "course": "training", "education": "training",
    "support": "maintenance", "maintenance and support": "maintenance",
    "repairs": "maintenance", "hosting": "operations", "cloud": "operations",
    "energy": "operations", "broadband": "operations", "internet": "operations",
    "telecoms": "operations", "disposal": "decommissioning",
    "recycling": "decommissioning",
}
MAX_NOTE = 400


def _category(value: Any, fmt: cells.Format) -> CostCategory:
    """A cost category by its value or label, else by a word of an account's name
    ("Software subscriptions" → purchase & licences; the longest known phrase wins)."""
    try:
        found: CostCategory = cells.choice(value, CostCategory)
        return found
    except cells.CellError:
        words = norm(cells.text(value, fmt))
        for phrase in sorted(ACCOUNT_WORDS, key=len, reverse=True):
            if f" {phrase} " in f" {words} ":
                return CostCategory(ACCOUNT_WORDS[phrase])
        raise


class ActualSpend(Target):
    name, title, noun = "actual-spend", "Actual spend", "actual spend"
    shared_keys = True  # the transactions of one initiative, year and category add up
    needs = ("initiatives",)
    columns = (
        Column("initiative", "Initiative", p.text,
               ("initiative name", "project", "project name", "tracking category",
                "cost centre", "cost center", "job"), True, width=28),
        Column("date", "Date", p.day,
               ("transaction date", "invoice date", "posting date", "posted", "paid on",
                "date paid", "document date"), style="date"),
        Column("year", "Year", p.plan_year, ("financial year", "fiscal year", "period year"),
               style="int", width=8),
        Column("supplier", "Supplier", p.text,
               ("vendor", "payee", "contact", "contact name", "creditor", "paid to"), width=22),
        Column("amount_cents", "Amount", p.money,
               ("net", "net amount", "amount excl vat", "total", "gross", "value", "debit",
                "spend", "cost"), True, style="money"),
        Column("category", "Category", _category,
               ("cost category", "account", "account name", "nominal", "nominal account",
                "expense type", "type"), True, style="choice", width=22),
        Column("note", "Note", p.text,
               ("description", "reference", "memo", "details", "narrative", "invoice"),
               width=30),
    )

    @staticmethod
    def _year(values: Values) -> int | None:
        if values.get("year") is not None:
            return int(values["year"])
        when = values.get("date")
        return when.year if isinstance(when, date) else None

    def key(self, values: Values) -> Hashable:
        year = self._year(values)
        if values.get("initiative") is None or year is None or values.get("category") is None:
            return None
        return (norm(str(values["initiative"])), year, values["category"])

    def shown_key(self, values: Values) -> str:
        category = values.get("category")
        what = category.value if isinstance(category, CostCategory) else "?"
        return f"{values.get('initiative', '')} {self._year(values) or '?'} {what}"

    def existing(self, plan: Plan) -> dict[Hashable, Any]:
        return {(norm(i.name), a.year, a.category): (i, a)
                for i in plan.initiatives for a in i.actual_costs}

    def _initiative(self, plan: Plan, name: Any) -> Initiative:
        wanted = norm(str(name))
        found = next((i for i in plan.initiatives if norm(i.name) == wanted), None)
        if found is None or found.id is None:
            raise RowProblem("initiative", f"no initiative named {str(name)!r} in the plan")
        return found

    def prepare(self, plan: Plan, values: Values, current: Any) -> Planned:
        year = self._year(values)
        if year is None:
            raise RowProblem("date", "is empty (a date or a year is needed)")
        if values.get("date") is not None and values.get("year") is not None and (
                values["date"].year != values["year"]):
            raise RowProblem("year", f"{values['year']} is not the year of its date "
                                     f"({values['date'].isoformat()})")
        initiative = self._initiative(plan, values["initiative"])
        spent = ActualCost(year, values["category"], values["amount_cents"],
                           str(values.get("note") or ""))
        problems_of(spent, self.columns)
        supplier = str(values.get("supplier") or "").strip()
        payload = (initiative.id, spent, supplier)
        if current is None:
            return Planned("add", self.key(values), self.shown_key(values), payload)
        return Planned("update", self.key(values), self.shown_key(values), payload,
                       current[1].id)

    def settle(self, plan: Plan, planned: list[Planned]) -> None:
        """A key whose rows add up to the spend already recorded changes nothing."""
        current = self.existing(plan)
        for key, items in _groups(planned).items():
            found = current.get(key)
            if found is not None and sum(i.payload[1].amount_cents for i in items) == (
                    found[1].amount_cents):
                for item in items:
                    item.unchanged = True

    def write(self, session: EditSession, plan: Plan, planned: list[Planned]) -> None:
        for items in _groups(planned).values():
            if all(item.unchanged for item in items):
                continue
            initiative_id, first, _ = items[0].payload
            total = sum(item.payload[1].amount_cents for item in items)
            note = _note(items)
            if items[0].action == "add":
                session.add(ActualCost(first.year, first.category, total, note), initiative_id)
            else:
                session.update(ActualCost, items[0].entity_id, amount_cents=total, note=note)

    def rows(self, plan: Plan) -> list[Values]:
        return [
            {"initiative": i.name, "date": None, "year": a.year, "supplier": "",
             "amount_cents": a.amount_cents, "category": a.category, "note": a.note}
            for i in plan.initiatives
            for a in sorted(i.actual_costs, key=lambda a: (a.year, list(CostCategory).index(
                a.category)))
        ]


def _groups(planned: list[Planned]) -> dict[Hashable, list[Planned]]:
    groups: dict[Hashable, list[Planned]] = {}
    for item in planned:
        groups.setdefault(item.key, []).append(item)
    return groups


def _note(items: list[Planned]) -> str:
    """One row: its own note; several: how many, and from whom."""
    if len(items) == 1:
        _, spent, supplier = items[0].payload
        text = " — ".join(t for t in (supplier, spent.note) if t)
        return text[:MAX_NOTE]
    suppliers = list(dict.fromkeys(item.payload[2] for item in items if item.payload[2]))
    text = f"{len(items)} transactions"
    if suppliers:
        text += ": " + ", ".join(suppliers)
    return text[:MAX_NOTE]


__all__ = ["ACCOUNT_WORDS", "ActualSpend"]
