"""Consistency checks across the whole plan, worded for a business owner.

Errors: references to missing goals, initiatives or people; dependency loops; an initiative
starting before a prerequisite ends; RACI without exactly one Accountable and at least one
Responsible (for every initiative that is not cancelled); more than one chosen option;
cost or benefit lines beyond their option's life.
Warnings: initiatives serving no goal, goals no initiative serves, each envelope (Run,
Change) of a year whose planned spend exceeds the budget set for it (the likely scenario's
``budget.budget_statement``, as the Budget page, the pack and ``summary`` say it), systems
past end of life when the plan starts; what really happened that does not add up: money
spent on a proposed initiative (not yet approved), actual spend with no actual start, 100 %
complete with no actual finish.

Cancelled initiatives are skipped by the timing, RACI and alignment checks (but not by the
reference, loop, option and line checks, which concern the data itself).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from smbplanner.analysis.alignment import goals_without_initiatives, unaligned_initiatives
from smbplanner.analysis.budget import budget_statement
from smbplanner.analysis.budget_text import check_messages
from smbplanner.domain.enums import InitiativeStatus, LineKind, RaciRole, SystemAction, label
from smbplanner.domain.model import BenefitLine, CostLine, Initiative, Option, Plan

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def _quarter(index: int) -> str:
    return f"{index // 4} Q{index % 4 + 1}"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(initiative: Initiative) -> str:
    return f"initiative '{initiative.name}'"


def _references(plan: Plan) -> list[Finding]:
    goal_ids = {g.id for g in plan.goals}
    initiative_ids = {i.id for i in plan.initiatives}
    person_ids = {p.id for p in plan.people}
    found: list[Finding] = []
    for i in plan.initiatives:
        name = i.name
        for dep in i.depends_on:
            if dep not in initiative_ids:
                found.append(
                    Finding(
                        ERROR,
                        _where(i),
                        f"'{name}' depends on an initiative that does not exist (id {dep})",
                    )
                )
        for link in i.goals:
            if link.goal_id not in goal_ids:
                found.append(
                    Finding(
                        ERROR,
                        _where(i),
                        f"'{name}' is linked to a goal that does not exist (id {link.goal_id})",
                    )
                )
        for entry in i.raci:
            if entry.person_id not in person_ids:
                found.append(
                    Finding(
                        ERROR,
                        _where(i),
                        f"'{name}' has a RACI entry for a "
                        f"person who does not exist (id {entry.person_id})",
                    )
                )
    for item in plan.swot:
        where = f"SWOT item '{_short(item.text)}'"
        for goal_id in item.goal_ids:
            if goal_id not in goal_ids:
                found.append(
                    Finding(ERROR, where, f"refers to a goal that does not exist (id {goal_id})")
                )
        for initiative_id in item.initiative_ids:
            if initiative_id not in initiative_ids:
                found.append(
                    Finding(
                        ERROR,
                        where,
                        f"refers to an initiative that does not exist (id {initiative_id})",
                    )
                )
    for kpi in plan.kpis:
        if kpi.goal_id not in goal_ids:
            found.append(
                Finding(
                    ERROR,
                    f"KPI '{kpi.name}'",
                    f"'{kpi.name}' belongs to a goal that does not exist (id {kpi.goal_id})",
                )
            )
    return found


def _strongly_connected(graph: dict[int, list[int]], order: list[int]) -> list[list[int]]:
    """Tarjan's components (iterative), each listed in plan order."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    components: list[list[int]] = []
    position = {n: k for k, n in enumerate(order)}
    for root in order:
        if root in index:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            edges = graph[node]
            if child < len(edges):
                work.append((node, child + 1))
                nxt = edges[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            for nxt in edges:  # all children done: fold their low-links in
                if nxt in on_stack:
                    low[node] = min(low[node], low[nxt])
            if low[node] == index[node]:
                members: set[int] = set()
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.add(top)
                    if top == node:
                        break
                components.append([node] if len(members) == 1
                                  else sorted(members, key=position.__getitem__))
    return components


def _shortest_cycle(graph: dict[int, list[int]], start: int, members: set[int]) -> list[int]:
    """The shortest path start → … → start inside ``members`` (without the final start)."""
    previous: dict[int, int] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return path[::-1]
            if nxt in members and nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return [start]


def _cycles(plan: Plan) -> list[Finding]:
    by_id = {i.id: i for i in plan.initiatives if i.id is not None}
    order = list(by_id)
    graph = {n: [d for d in dict.fromkeys(by_id[n].depends_on) if d in by_id] for n in order}
    found: list[Finding] = []
    for n in order:
        if n in graph[n]:
            found.append(Finding(ERROR, _where(by_id[n]), f"'{by_id[n].name}' depends on itself"))
    for component in _strongly_connected(graph, order):
        first = component[0]
        if len(component) == 1:
            continue
        cycle = _shortest_cycle(graph, first, set(component))
        path = " → ".join(f"'{by_id[n].name}'" for n in [*cycle, first])
        message = f"these initiatives depend on each other in a loop, so none can start: {path}"
        others = [n for n in component if n not in cycle]
        if others:
            message += " (also caught in the loop: "
            message += ", ".join(f"'{by_id[n].name}'" for n in others) + ")"
        found.append(Finding(ERROR, _where(by_id[first]), message))
    return found


def _timing(plan: Plan) -> list[Finding]:
    found: list[Finding] = []
    by_id: dict[int, Initiative] = {}  # the first of each id, as plan.initiative finds it
    for i in plan.initiatives:
        if i.id is not None:
            by_id.setdefault(i.id, i)
    for i in plan.initiatives:
        if i.status == InitiativeStatus.CANCELLED:
            continue
        for dep_id in dict.fromkeys(i.depends_on):
            dep = by_id.get(dep_id)
            if dep is None or dep is i or dep.status == InitiativeStatus.CANCELLED:
                continue
            if i.start_index < dep.end_index:
                found.append(
                    Finding(
                        ERROR,
                        _where(i),
                        (
                            f"'{i.name}' starts in {_quarter(i.start_index)}, before its "
                            f"prerequisite '{dep.name}' ends ({_quarter(dep.end_index - 1)})"
                        ),
                    )
                )
    return found


def _raci(plan: Plan) -> list[Finding]:
    found: list[Finding] = []
    for i in plan.initiatives:
        if i.status != InitiativeStatus.CANCELLED:
            found += raci_findings(i)
    return found


def raci_findings(i: Initiative) -> list[Finding]:
    """Exactly one Accountable and at least one Responsible, for one initiative."""
    found: list[Finding] = []
    accountable = sum(1 for e in i.raci if e.role == RaciRole.ACCOUNTABLE)
    responsible = sum(1 for e in i.raci if e.role == RaciRole.RESPONSIBLE)
    if accountable == 0:
        found.append(
            Finding(
                ERROR,
                _where(i),
                f"'{i.name}' has no one Accountable in its "
                "RACI: name exactly one person who answers for it",
            )
        )
    elif accountable > 1:
        found.append(
            Finding(
                ERROR,
                _where(i),
                f"'{i.name}' has {accountable} people "
                "Accountable in its RACI: there must be exactly one",
            )
        )
    if responsible == 0:
        found.append(
            Finding(
                ERROR,
                _where(i),
                f"'{i.name}' has no one Responsible in its "
                "RACI: name at least one person who does the work",
            )
        )
    return found


def _line_span(line: CostLine | BenefitLine) -> tuple[int, str]:
    if line.kind == LineKind.ONE_OFF:
        return line.year_from, f"in year {line.year_from}"
    return line.year_to, f"in years {line.year_from}–{line.year_to}"


def _options(plan: Plan) -> list[Finding]:
    found: list[Finding] = []
    for i in plan.initiatives:
        chosen = [o for o in i.options if o.chosen]
        if len(chosen) > 1:
            names = ", ".join(f"'{o.name}'" for o in chosen)
            found.append(
                Finding(
                    ERROR,
                    _where(i),
                    f"'{i.name}' has {len(chosen)} options marked as chosen ({names}): choose one",
                )
            )
        for option in i.options:
            found.extend(_lines_beyond_life(i, option))
    return found


def _lines_beyond_life(initiative: Initiative, option: Option) -> list[Finding]:
    found: list[Finding] = []
    where = f"option '{option.name}' of '{initiative.name}'"
    life = option.life_years
    lines: list[tuple[str, CostLine | BenefitLine]] = [("cost", c) for c in option.costs]
    lines += [("benefit", b) for b in option.benefits]
    for kind, line in lines:
        last, span = _line_span(line)
        if last >= life:
            found.append(
                Finding(
                    ERROR,
                    where,
                    (
                        f"the {label(line.category)} {kind} {span} goes beyond the option's "
                        f"{life}-year life (years 0–{life - 1}); "
                        f"years from {life} on are not counted"
                    ),
                )
            )
    return found


def _warnings(plan: Plan) -> list[Finding]:
    found: list[Finding] = []
    for i in unaligned_initiatives(plan):
        found.append(
            Finding(
                WARNING,
                _where(i),
                f"'{i.name}' serves no business goal: link "
                "it to a goal, or ask why it is in the plan (technological drift)",
            )
        )
    for goal in goals_without_initiatives(plan):
        found.append(
            Finding(
                WARNING, f"goal '{goal.title}'", f"no initiative serves the goal '{goal.title}'"
            )
        )
    currency = plan.business.currency
    for year, message in check_messages(budget_statement(plan), currency):
        found.append(Finding(WARNING, f"budget {year}", message))
    found += _actuals(plan)
    start = plan.business.start_year
    for system in plan.systems:
        eol = system.end_of_life_year
        if eol is not None and eol < start:
            message = (
                f"'{system.name}' reached its end of life in {eol}, before the plan "
                f"starts ({start})"
            )
            if system.action in (SystemAction.KEEP, SystemAction.INVEST):
                message += ": plan to replace or retire it"
            found.append(Finding(WARNING, f"system '{system.name}'", message))
    return found


def _actuals(plan: Plan) -> list[Finding]:
    """Recorded actuals that do not add up (schema version 5)."""
    found: list[Finding] = []
    for i in plan.initiatives:
        if i.actual_costs and i.status == InitiativeStatus.PROPOSED:
            found.append(Finding(WARNING, _where(i), f"'{i.name}' is only proposed but has "
                                 "actual spend recorded: approve it, or check the spend"))
        if i.actual_costs and i.actual_start is None:
            found.append(Finding(WARNING, _where(i), f"'{i.name}' has actual spend but no "
                                 "actual start: record when the work started"))
        if i.percent_complete == 100 and i.actual_finish is None:
            found.append(Finding(WARNING, _where(i), f"'{i.name}' is 100 % complete but has "
                                 "no actual finish: record when it finished"))
    return found


def check_plan(plan: Plan) -> list[Finding]:
    """Every problem found in the plan: errors first, then warnings, in a stable order."""
    return [
        *_references(plan),
        *_cycles(plan),
        *_timing(plan),
        *_raci(plan),
        *_options(plan),
        *_warnings(plan),
    ]
