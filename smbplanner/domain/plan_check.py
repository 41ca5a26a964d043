"""Validation of a whole plan: every entity, with the path of each problem
(``initiatives[3].options[0].costs[2].amount``), unique ids, and references that resolve."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from smbplanner.domain import validation as v
from smbplanner.domain.model import Initiative, Plan
from smbplanner.domain.validation import Problem


def _each(
    items: Sequence[Any], prefix: str, check: Callable[[Any], list[Problem]]
) -> list[Problem]:
    found: list[Problem] = []
    for index, item in enumerate(items):
        found.extend(p.at(f"{prefix}[{index}]") for p in check(item))
    return found


def _unique_ids(items: Iterable[Any], prefix: str, attr: str = "id") -> list[Problem]:
    seen: set[object] = set()
    found: list[Problem] = []
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if value is None:
            continue
        if value in seen:
            found.append(Problem(f"{prefix}[{index}].{attr}", f"duplicate {attr} {value}"))
        seen.add(value)
    return found


def _initiative(init: Initiative) -> list[Problem]:
    found = v.check(init)
    found += _each(init.goals, "goals", v.check)
    found += _each(init.milestones, "milestones", v.check)
    found += _each(init.risks, "risks", v.check)
    found += _each(init.raci, "raci", v.check)
    found += _each(init.actual_costs, "actual_costs", v.check)
    found += _each(init.actual_benefits, "actual_benefits", v.check)
    for index, option in enumerate(init.options):
        prefix = f"options[{index}]"
        found += [p.at(prefix) for p in v.check(option)]
        found += [p.at(prefix) for p in _each(option.costs, "costs", v.check)]
        found += [p.at(prefix) for p in _each(option.benefits, "benefits", v.check)]
    if sum(1 for o in init.options if o.chosen is True) > 1:
        found.append(Problem("options", "at most one option may be chosen"))
    return found


def check_whole_plan(plan: Plan) -> list[Problem]:
    found = [p.at("business") for p in v.check(plan.business)]
    found += _each(plan.goals, "goals", v.check)
    found += _each(plan.swot, "swot", v.check)
    found += _each(plan.systems, "systems", v.check)
    found += _each(plan.feedback, "feedback", v.check)
    found += _each(plan.initiatives, "initiatives", _initiative)
    found += _each(plan.people, "people", v.check)
    for index, review in enumerate(plan.reviews):
        found += [p.at(f"reviews[{index}]") for p in v.check(review)]
        found += [p.at(f"reviews[{index}]") for p in _each(review.verdicts, "verdicts", v.check)]
    for index, kpi in enumerate(plan.kpis):
        found += [p.at(f"kpis[{index}]") for p in v.check(kpi)]
        found += [
            p.at(f"kpis[{index}]")
            for p in _each(kpi.measurements, "measurements", v.check)
        ]
    found += _each(plan.budget_years, "budget_years", v.check)
    found += _each(plan.snapshots, "snapshots", v.check)
    if found:
        return found
    return _identities(plan) or _references(plan)


def _identities(plan: Plan) -> list[Problem]:
    inits = plan.initiatives
    found: list[Problem] = []
    for name, items in (
        ("goals", plan.goals),
        ("swot", plan.swot),
        ("systems", plan.systems),
        ("feedback", plan.feedback),
        ("initiatives", inits),
        ("people", plan.people),
        ("reviews", plan.reviews),
        ("kpis", plan.kpis),
        ("snapshots", plan.snapshots),
    ):
        found += _unique_ids(items, name)
    found += _unique_ids(plan.budget_years, "budget_years", "year")
    nested: list[tuple[str, list[Any]]] = [
        ("options", [o for i in inits for o in i.options]),
        ("costs", [c for i in inits for o in i.options for c in o.costs]),
        ("benefits", [b for i in inits for o in i.options for b in o.benefits]),
        ("milestones", [m for i in inits for m in i.milestones]),
        ("risks", [r for i in inits for r in i.risks]),
        ("measurements", [m for k in plan.kpis for m in k.measurements]),
        ("actual_costs", [a for i in inits for a in i.actual_costs]),
        ("actual_benefits", [a for i in inits for a in i.actual_benefits]),
        ("verdicts", [d for r in plan.reviews for d in r.verdicts]),
    ]
    for name, items in nested:
        seen: set[int] = set()
        for item in items:
            if item.id is None:
                continue
            if item.id in seen:
                found.append(Problem(name, f"duplicate id {item.id} (ids are unique plan-wide)"))
            seen.add(item.id)
    return found


def _references(plan: Plan) -> list[Problem]:
    goals = {g.id for g in plan.goals if g.id is not None}
    inits = {i.id for i in plan.initiatives if i.id is not None}
    people = {p.id for p in plan.people if p.id is not None}
    found: list[Problem] = []

    def need(ids: set[int], value: object, path: str, what: str) -> None:
        if value not in ids:
            found.append(Problem(path, f"refers to {what} {value!r}, which is not in the plan"))

    for si, item in enumerate(plan.swot):
        for k, gid in enumerate(item.goal_ids):
            need(goals, gid, f"swot[{si}].goal_ids[{k}]", "goal")
        for k, iid in enumerate(item.initiative_ids):
            need(inits, iid, f"swot[{si}].initiative_ids[{k}]", "initiative")
    for ii, init in enumerate(plan.initiatives):
        base = f"initiatives[{ii}]"
        for k, link in enumerate(init.goals):
            need(goals, link.goal_id, f"{base}.goals[{k}].goal_id", "goal")
        if len({g.goal_id for g in init.goals}) != len(init.goals):
            found.append(Problem(f"{base}.goals", "lists a goal twice"))
        for k, dep in enumerate(init.depends_on):
            need(inits, dep, f"{base}.depends_on[{k}]", "initiative")
            if dep == init.id:
                found.append(
                    Problem(f"{base}.depends_on[{k}]", "an initiative cannot depend on itself")
                )
        if len(set(init.depends_on)) != len(init.depends_on):
            found.append(Problem(f"{base}.depends_on", "lists an initiative twice"))
        for k, entry in enumerate(init.raci):
            need(people, entry.person_id, f"{base}.raci[{k}].person_id", "person")
        if len({e.person_id for e in init.raci}) != len(init.raci):
            found.append(Problem(f"{base}.raci", "gives one person two roles"))
    for ki, kpi in enumerate(plan.kpis):
        need(goals, kpi.goal_id, f"kpis[{ki}].goal_id", "goal")
    for si, system in enumerate(plan.systems):
        if system.replaced_by_id is not None:
            need(inits, system.replaced_by_id, f"systems[{si}].replaced_by_id", "initiative")
    for ri, review in enumerate(plan.reviews):
        for k, decision in enumerate(review.verdicts):
            need(inits, decision.initiative_id, f"reviews[{ri}].verdicts[{k}].initiative_id",
                 "initiative")
        if len({d.initiative_id for d in review.verdicts}) != len(review.verdicts):
            found.append(Problem(f"reviews[{ri}].verdicts", "decides on an initiative twice"))
    return found or _cycles(plan)


def _cycles(plan: Plan) -> list[Problem]:
    """A circular dependency (the editor refuses one; a file or JSON must not bring one)."""
    index = {init.id: i for i, init in enumerate(plan.initiatives) if init.id is not None}
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    for root in index:
        if root in state:
            continue
        stack: list[tuple[int, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            node, k = stack[-1]
            deps = plan.initiatives[index[node]].depends_on
            if k == len(deps):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, k + 1)
            nxt = deps[k]
            if state.get(nxt) == 1:
                names = [plan.initiatives[index[n]].name for n, _ in stack]
                start = [n for n, _ in stack].index(nxt)
                loop = " → ".join([*names[start:], plan.initiatives[index[nxt]].name])
                return [
                    Problem(
                        f"initiatives[{index[node]}].depends_on[{k}]",
                        f"makes a circular dependency ({loop})",
                    )
                ]
            if nxt not in state and nxt in index:
                state[nxt] = 1
                stack.append((nxt, 0))
    return []
