"""Cost and benefit lines of initiatives' options, one line a row, years as columns.

A row names its initiative (which must be in the plan) and option (default: the one that
feeds the plan; a new name makes a new option). A line is either written out (Kind, Amount,
From, To, Escalation, as the export writes it) or given as amounts per year: columns
"Year 0", "Year 1", … (lifecycle years) or calendar years "2026", "2027", … (counted from
the initiative's start). Equal amounts in consecutive years make one recurring line, a lone
amount a one-off. Rows of an option that already has lines replace them (update) or are
skipped; the option's lines are written together.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

from smbplanner.analysis.cashflow import line_amounts
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, label
from smbplanner.domain.model import BenefitLine, CostLine, Initiative, Option, Plan
from smbplanner.domain.validation import MAX_ESCALATION_BP, MAX_FACTOR_BP
from smbplanner.spreadsheets import cells
from smbplanner.spreadsheets.cells import CellError, Format
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
from smbplanner.spreadsheets.targets.initiatives import DEFAULT_OPTION
from smbplanner.storage.edits import EditSession

COST, BENEFIT = "cost", "benefit"
_YEAR_HEADER = re.compile(r"^(?:lifecycle\s*)?(?:year|yr|y)\s*(\d{1,2})$")
_CALENDAR_HEADER = re.compile(r"^(?:fy\s*)?(20\d\d)$")


def _side(value: Any, fmt: Format) -> str:
    key = cells.text(value).lower().strip()
    if key in ("cost", "costs", "c", "expense", "expenses", "spend", "outflow", "-"):
        return COST
    if key in ("benefit", "benefits", "b", "saving", "savings", "income", "inflow", "+",
               "revenue"):
        return BENEFIT
    raise CellError(f"{cells.shown(value)!r} is not Cost or Benefit")


def _escalation(value: Any, fmt: Format) -> int:
    return cells.percent_bp(value, fmt, low=-MAX_ESCALATION_BP + 1, high=MAX_ESCALATION_BP)


def _low(value: Any, fmt: Format) -> int:
    return cells.factor_bp(value, fmt, low=0, high=10_000)


def _high(value: Any, fmt: Format) -> int:
    return cells.factor_bp(value, fmt, low=10_000, high=MAX_FACTOR_BP)


def year_column(t: int) -> Column:
    return Column(f"y{t}", f"Year {t}", p.money, style="money", width=12)


_CATEGORY_WORDS = {"licences": "purchase", "licenses": "purchase", "hardware": "purchase",
                   "software": "purchase", "support": "maintenance", "hosting": "operations",
                   "savings": "cost_savings", "revenue": "revenue"}


def _category(side: str, value: Any) -> CostCategory | BenefitCategory:
    kind: type[CostCategory] | type[BenefitCategory] = (
        CostCategory if side == COST else BenefitCategory)
    try:
        found: CostCategory | BenefitCategory = cells.choice(value, kind, _CATEGORY_WORDS)
    except CellError as e:
        raise RowProblem("category", str(e)) from None
    return found


def _runs(amounts: dict[int, int]) -> list[tuple[int, int, int]]:
    """(first year, last year, amount) of each run of equal amounts in consecutive years."""
    runs: list[tuple[int, int, int]] = []
    for t in sorted(amounts):
        cents = amounts[t]
        if cents == 0:
            continue
        if runs and runs[-1][1] == t - 1 and runs[-1][2] == cents:
            runs[-1] = (runs[-1][0], t, cents)
        else:
            runs.append((t, t, cents))
    return runs


class Lines(Target):
    name, title, noun = "lines", "Lines", "line"
    shared_keys = True
    needs = ("initiatives",)
    columns = (
        Column("initiative", "Initiative", p.text, ("initiative name", "project"), True,
               width=28),
        Column("option", "Option", p.text, ("option name", "solution"), width=18),
        Column("life_years", "Life (years)", p.life, ("life", "lifetime", "years of use"),
               style="int", width=8),
        Column("side", "Side", _side, ("cost or benefit", "cost benefit", "flow",
                                       "direction"), width=9),
        Column("category", "Category", p.text, ("cost category", "benefit category", "type"),
               width=22),
        Column("description", "Description", p.text, ("item", "line", "what", "details"),
               width=28),
        Column("kind", "Kind", p.choice(LineKind, {"once": "one_off", "oneoff": "one_off",
                                                   "annual": "recurring",
                                                   "yearly": "recurring"}),
               ("frequency", "one off or recurring"), style="choice", width=10),
        Column("amount", "Amount", p.money, ("amount per year", "value", "cost"),
               style="money"),
        Column("year_from", "From year", p.life_year, ("from", "first year", "year"),
               style="int", width=8),
        Column("year_to", "To year", p.life_year, ("to", "last year", "until"), style="int",
               width=8),
        Column("escalation", "Escalation", _escalation,
               ("escalation per year", "growth", "increase per year", "indexation"),
               style="percent", width=10),
        Column("capital", "Capital", p.flag, ("capex", "capital spend", "is capital"),
               style="flag", width=8),
        Column("low", "Low ×", _low, ("low factor",), style="factor", width=8),
        Column("high", "High ×", _high, ("high factor",), style="factor", width=8),
    )

    def header_column(self, header: str) -> Column | None:
        if m := _YEAR_HEADER.match(header):
            return year_column(int(m.group(1)))
        if m := _CALENDAR_HEADER.match(header):
            return Column(f"c{m.group(1)}", m.group(1), p.money, style="money")
        return None

    def extra_columns(self, plan: Plan) -> list[Column]:
        life = max((o.life_years for i in plan.initiatives for o in i.options), default=5)
        return [year_column(t) for t in range(life)]

    def key(self, values: Values) -> Hashable:
        if values.get("initiative") is None:
            return None
        return (norm(str(values["initiative"])), norm(str(values.get("option", ""))))

    def shown_key(self, values: Values) -> str:
        option = values.get("option")
        return f"{values.get('initiative', '')}" + (f" / {option}" if option else "")

    def existing(self, plan: Plan) -> dict[Hashable, Any]:
        found: dict[Hashable, Any] = {}
        for initiative in plan.initiatives:
            chosen = initiative.chosen_option
            for option in initiative.options:
                if option.costs or option.benefits:
                    found[(norm(initiative.name), norm(option.name))] = option
                    if option is chosen:
                        found[(norm(initiative.name), "")] = option
        return found

    def _initiative(self, plan: Plan, name: Any) -> Initiative:
        wanted = norm(str(name))
        for initiative in plan.initiatives:
            if norm(initiative.name) == wanted:
                return initiative
        raise RowProblem("initiative", f"no initiative named {str(name)!r} in the plan "
                                       "(import the initiatives first)")

    def prepare(self, plan: Plan, values: Values, current: Any) -> Planned:
        initiative = self._initiative(plan, values["initiative"])
        wanted = values.get("option")
        option = next((o for o in initiative.options if norm(o.name) == norm(wanted)),
                      None) if wanted else initiative.chosen_option
        option_name = wanted or (option.name if option else DEFAULT_OPTION)
        side = values.get("side")
        if side is None:
            side = COST if _is_cost_category(values.get("category")) else BENEFIT
        if values.get("category") is None:
            raise RowProblem("category", "is empty (a cost or benefit category)")
        category = _category(side, values["category"])
        made = self._lines(values, side, category, initiative)
        life = values.get("life_years") or (option.life_years if option else None)
        last = max(line.year_to for line in made)
        if life is None:
            life = max(5, last + 1)
        elif last >= life:
            raise RowProblem("life_years" if "life_years" in values else None,
                             f"year {last} is beyond the option's life of {life} years")
        for line in made:
            problems_of(line, self.columns)
        action = "update" if current is not None else "add"
        payload = (initiative.id, option.id if option else None, option_name,
                   values.get("life_years"), life, made)
        return Planned(action, self.key(values), self.shown_key(values), payload,
                       option.id if option else None)

    def _lines(self, values: Values, side: str, category: Any,
               initiative: Initiative) -> list[CostLine | BenefitLine]:
        cls = CostLine if side == COST else BenefitLine
        common = {"description": values.get("description", ""), "low_bp": values.get("low"),
                  "high_bp": values.get("high")}
        if "amount" in values:
            start: int = values.get("year_from", 0)
            end: int = values.get("year_to", start)
            kind = values.get("kind") or (LineKind.ONE_OFF if end == start else
                                          LineKind.RECURRING)
            made = [cls(category, values["amount"], kind, start,
                        end if kind == LineKind.RECURRING else start,
                        values.get("escalation", 0) if kind == LineKind.RECURRING else 0,
                        **common)]
        else:
            made = self._by_year(values, cls, category, initiative, common)
        if "capital" in values:
            if cls is BenefitLine:
                raise RowProblem("capital", "only a cost is capital or operating")
            for line in made:
                line.capital = values["capital"]  # type: ignore[union-attr]
        return made

    def _by_year(self, values: Values, cls: type[CostLine] | type[BenefitLine], category: Any,
                 initiative: Initiative, common: Values) -> list[CostLine | BenefitLine]:
        by_year: dict[int, int] = {}
        for key, cents in values.items():
            if key.startswith("y") and key[1:].isdigit():
                by_year[int(key[1:])] = by_year.get(int(key[1:]), 0) + cents
            elif key.startswith("c") and key[1:].isdigit():
                t = int(key[1:]) - initiative.start_year
                if t < 0:
                    if cents:
                        raise RowProblem(key, f"{key[1:]} is before the initiative starts "
                                              f"({initiative.start_year})")
                    continue
                by_year[t] = by_year.get(t, 0) + cents
        runs = _runs(by_year)
        if not runs:
            raise RowProblem("amount", "no amount: fill Amount or the year columns")
        return [cls(category, cents, LineKind.ONE_OFF if a == b else LineKind.RECURRING, a, b,
                    0, **common) for a, b, cents in runs]

    def settle(self, plan: Plan, planned: list[Planned]) -> None:
        """An option's rows that give exactly the lines it has are unchanged (and not
        written again)."""
        groups: dict[tuple[int, int], list[Planned]] = {}
        for item in planned:
            initiative_id, option_id = item.payload[:2]
            if item.action == "update" and option_id is not None:
                groups.setdefault((initiative_id, option_id), []).append(item)
        for (initiative_id, option_id), items in groups.items():
            option = _option(plan, initiative_id, option_id)
            if option is None:
                continue
            new = sorted(_shape(line) for item in items for line in item.payload[5])
            have: list[CostLine | BenefitLine] = [*option.costs, *option.benefits]
            old = sorted(_shape(line) for line in have)
            life = items[0].payload[3]
            if new == old and life in (None, option.life_years):
                for item in items:
                    item.unchanged = True

    def write(self, session: EditSession, plan: Plan, planned: list[Planned]) -> None:
        groups: dict[tuple[int, int | None, str], list[Planned]] = {}
        for item in planned:
            initiative_id, option_id, option_name = item.payload[:3]
            groups.setdefault((initiative_id, option_id, norm(option_name)), []).append(item)
        for (initiative_id, option_id, _), items in groups.items():
            _, _, option_name, given_life, life, _ = items[0].payload
            lines = [line for item in items for line in item.payload[5]]
            if option_id is None:
                initiative = plan.initiative(initiative_id)
                first = not (initiative and initiative.options)
                session.add(Option(option_name, chosen=first, life_years=life,
                                   costs=[x for x in lines if isinstance(x, CostLine)],
                                   benefits=[x for x in lines if isinstance(x, BenefitLine)]),
                            initiative_id)
                continue
            option = _option(plan, initiative_id, option_id)
            if all(item.unchanged for item in items):
                continue
            if any(item.action == "update" for item in items) and option is not None:
                for cost in option.costs:
                    assert cost.id is not None
                    session.delete(CostLine, cost.id)
                for benefit in option.benefits:
                    assert benefit.id is not None
                    session.delete(BenefitLine, benefit.id)
            if given_life is not None and option is not None and option.life_years != life:
                session.update(Option, option_id, life_years=life)
            for line in lines:
                session.add(line, option_id)

    def rows(self, plan: Plan) -> list[Values]:
        out: list[Values] = []
        for initiative in plan.initiatives:
            for option in initiative.options:
                for side, items in ((COST, option.costs), (BENEFIT, option.benefits)):
                    for line in items:
                        row: Values = {
                            "initiative": initiative.name, "option": option.name,
                            "life_years": option.life_years, "side": side.capitalize(),
                            "category": label(line.category), "description": line.description,
                            "kind": line.kind, "amount": line.amount_cents,
                            "year_from": line.year_from, "year_to": line.year_to,
                            "escalation": line.escalation_bp,
                            "capital": getattr(line, "capital", None), "low": line.low_bp,
                            "high": line.high_bp,
                        }
                        for t, cents in enumerate(line_amounts(line, option.life_years)):
                            row[f"y{t}"] = cents
                        out.append(row)
        return out


def _shape(line: CostLine | BenefitLine) -> tuple[Any, ...]:
    """A line without its id, to compare."""
    return (type(line).__name__, line.category.value, line.amount_cents, line.kind.value,
            line.year_from, line.year_to, line.escalation_bp, line.description,
            getattr(line, "capital", None), line.low_bp, line.high_bp)


def _is_cost_category(value: Any) -> bool:
    try:
        cells.choice(value, CostCategory)
    except CellError:
        return False
    return True


def _option(plan: Plan, initiative_id: int, option_id: int) -> Option | None:
    initiative = plan.initiative(initiative_id)
    return next((o for o in initiative.options if o.id == option_id), None) \
        if initiative else None
