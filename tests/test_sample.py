"""The sample plans: valid, consistent, deterministic, and telling the story they should."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from smbplanner.domain import validation as v
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    LineKind,
    Portfolio,
    RaciRole,
    RiskStatus,
    SwotKind,
)
from smbplanner.domain.model import BenefitLine, CostLine, Initiative, Option, Plan
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.sample import large_plan, sample_plan

PRODUCTIVITY = re.compile(
    r"(\d+(?:\.\d+)?) hours/week saved × €([\d,]+(?:\.\d+)?)/hour × (\d+) weeks"
)
RISK_REDUCTION = re.compile(r"(\d+(?:\.\d+)?) % annual probability × €([\d,]+) loss avoided")


@pytest.fixture(scope="module")
def demo() -> Plan:
    return sample_plan()


@pytest.fixture(scope="module")
def large() -> Plan:
    return large_plan()


# ---------------------------------------------------------------- helpers


def problems(plan: Plan) -> list[str]:
    """Every entity through its validator, with a path in front of each problem."""
    found: list[tuple[str, list[v.Problem]]] = [("business", v.check(plan.business))]
    found += [(f"goal {g.id}", v.check(g)) for g in plan.goals]
    found += [(f"swot {s.id}", v.check(s)) for s in plan.swot]
    found += [(f"system {s.id}", v.check(s)) for s in plan.systems]
    found += [(f"feedback {f.id}", v.check(f)) for f in plan.feedback]
    found += [(f"person {p.id}", v.check(p)) for p in plan.people]
    found += [(f"review {r.id}", v.check(r)) for r in plan.reviews]
    found += [(f"budget {b.year}", v.check(b)) for b in plan.budget_years]
    for k in plan.kpis:
        found.append((f"kpi {k.id}", v.check(k)))
        found += [(f"kpi {k.id} measurement", v.check(m)) for m in k.measurements]
    for i in plan.initiatives:
        at = f"initiative {i.id}"
        found.append((at, v.check(i)))
        found += [(at, v.check(link)) for link in i.goals]
        found += [(at, v.check(m)) for m in i.milestones]
        found += [(at, v.check(r)) for r in i.risks]
        found += [(at, v.check(e)) for e in i.raci]
        for o in i.options:
            found.append((f"{at} option {o.id}", v.check(o)))
            found += [(f"{at} cost {c.id}", v.check(c)) for c in o.costs]
            found += [(f"{at} benefit {b.id}", v.check(b)) for b in o.benefits]
            for line in option_lines(o):
                if line.year_to >= o.life_years:
                    found.append((f"{at} line {line.id}", [v.Problem("year_to", "past life")]))
    return [f"{where}: {p}" for where, ps in found for p in ps]


def options(plan: Plan) -> list[Option]:
    return [o for i in plan.initiatives for o in i.options]


def option_lines(o: Option) -> list[CostLine | BenefitLine]:
    return [*o.costs, *o.benefits]


def lines(plan: Plan) -> list[CostLine | BenefitLine]:
    return [line for o in options(plan) for line in option_lines(o)]


def id_problems(plan: Plan) -> list[str]:
    """Ids present and unique per entity type (nested ones across the whole plan)."""
    groups: dict[str, list[int | None]] = {
        "goal": [g.id for g in plan.goals],
        "swot": [s.id for s in plan.swot],
        "system": [s.id for s in plan.systems],
        "feedback": [f.id for f in plan.feedback],
        "initiative": [i.id for i in plan.initiatives],
        "person": [p.id for p in plan.people],
        "review": [r.id for r in plan.reviews],
        "kpi": [k.id for k in plan.kpis],
        "option": [o.id for o in options(plan)],
        "cost": [c.id for o in options(plan) for c in o.costs],
        "benefit": [b.id for o in options(plan) for b in o.benefits],
        "milestone": [m.id for i in plan.initiatives for m in i.milestones],
        "risk": [r.id for i in plan.initiatives for r in i.risks],
        "measurement": [m.id for k in plan.kpis for m in k.measurements],
    }
    out = []
    for kind, ids in groups.items():
        if None in ids or len(set(ids)) != len(ids):
            out.append(f"{kind} ids missing or repeated")
        elif ids and sorted(ids) != list(range(1, len(ids) + 1)):  # type: ignore[type-var]
            out.append(f"{kind} ids are not 1..{len(ids)}")
    return out


def reference_problems(plan: Plan) -> list[str]:
    goals = {g.id for g in plan.goals}
    initiatives = {i.id for i in plan.initiatives}
    people = {p.id for p in plan.people}
    out = [f"swot {s.id} goal {g}" for s in plan.swot for g in s.goal_ids if g not in goals]
    out += [
        f"swot {s.id} initiative {i}"
        for s in plan.swot
        for i in s.initiative_ids
        if i not in initiatives
    ]
    out += [f"kpi {k.id} goal {k.goal_id}" for k in plan.kpis if k.goal_id not in goals]
    for i in plan.initiatives:
        out += [f"initiative {i.id} goal {g.goal_id}" for g in i.goals if g.goal_id not in goals]
        out += [
            f"initiative {i.id} needs {d}"
            for d in i.depends_on
            if d not in initiatives or d == i.id
        ]
        out += [
            f"initiative {i.id} person {e.person_id}" for e in i.raci if e.person_id not in people
        ]
    return out


def is_dag(plan: Plan) -> bool:
    """Kahn's algorithm over depends_on."""
    waiting = {i.id: set(i.depends_on) for i in plan.initiatives}
    done: set[int | None] = set()
    while waiting:
        ready = [n for n, needs in waiting.items() if needs <= done]
        if not ready:
            return False
        for n in ready:
            done.add(n)
            del waiting[n]
    return True


def quadrant(i: Initiative) -> str:
    """DESIGN section 4 bands: High is 4-5; Hard is 1-2 (half steps)."""
    if i.impact is None or i.feasibility is None:
        return "unscored"
    if i.impact >= 4:
        return "quick_win" if i.feasibility >= 2.5 else "strategic_bet"
    return "back_burner"


def yearly_amounts(items: list[CostLine] | list[BenefitLine], life: int) -> list[Decimal]:
    out = [Decimal(0)] * life
    for line in items:
        for t in range(line.year_from, min(line.year_to, life - 1) + 1):
            growth = (1 + Decimal(line.escalation_bp) / 10_000) ** (t - line.year_from)
            out[t] += line.amount_cents * growth
    return out


def payback_years(o: Option) -> Decimal | None:
    flows = [
        b - c
        for b, c in zip(
            yearly_amounts(o.benefits, o.life_years),
            yearly_amounts(o.costs, o.life_years),
            strict=True,
        )
    ]
    total = Decimal(0)
    for t, flow in enumerate(flows):
        before, total = total, total + flow
        if total >= 0:
            return Decimal(0) if t == 0 else (t - 1) + (-before / flow)
    return None


# ---------------------------------------------------------------- the demo plan


def test_demo_every_entity_is_valid(demo: Plan) -> None:
    assert problems(demo) == []
    assert check_whole_plan(demo) == []


def test_demo_ids_and_references(demo: Plan) -> None:
    assert id_problems(demo) == []
    assert reference_problems(demo) == []


def test_demo_is_deterministic_and_has_no_snapshots(demo: Plan) -> None:
    assert sample_plan() == demo
    assert demo.snapshots == []


def test_demo_business(demo: Plan) -> None:
    b = demo.business
    assert (b.name, b.employees, b.currency) == ("Harbour Bakery Co.", 25, "EUR")
    assert (b.start_year, b.horizon_years, b.discount_rate_bp) == (2026, 5, 800)
    assert b.it_vision and b.it_mission


def test_demo_goals_cover_the_scorecard(demo: Plan) -> None:
    assert len(demo.goals) == 4
    assert len({g.perspective for g in demo.goals}) == 4
    assert all(g.target_date is not None and g.description for g in demo.goals)


def test_demo_swot(demo: Plan) -> None:
    kinds = Counter(s.kind for s in demo.swot)
    assert all(kinds[k] >= 2 for k in SwotKind)
    assert all(s.it_question.endswith("?") and s.goal_ids for s in demo.swot)
    assert any(s.initiative_ids for s in demo.swot)


def test_demo_systems(demo: Plan) -> None:
    assert len(demo.systems) == 8
    assert len([s for s in demo.systems if s.end_of_life_year and s.end_of_life_year < 2026]) == 2
    assert all(s.vendor and s.year_installed for s in demo.systems)
    assert len({s.action for s in demo.systems}) >= 3


def test_demo_feedback_and_people(demo: Plan) -> None:
    assert 5 <= len(demo.feedback) <= 8
    assert len({f.department for f in demo.feedback}) == len(demo.feedback)
    assert len(demo.people) == 5
    assert 3 <= sum(p.on_steering_committee for p in demo.people) <= 4
    assert len(demo.reviews) == 3
    assert all(r.date.year == 2026 and r.attendees and r.decisions for r in demo.reviews)


def test_demo_initiatives_cover_portfolios_and_quadrants(demo: Plan) -> None:
    assert len(demo.initiatives) == 11
    assert {i.portfolio for i in demo.initiatives} == set(Portfolio)
    quadrants = Counter(quadrant(i) for i in demo.initiatives)
    assert quadrants["quick_win"] >= 1
    assert quadrants["strategic_bet"] >= 1
    assert quadrants["back_burner"] >= 1
    assert quadrants["unscored"] == 1


def test_demo_initiative_details(demo: Plan) -> None:
    for i in demo.initiatives:
        assert i.description and i.owner and i.goals, i.name
        assert 2026 <= i.start_year <= 2030, i.name
        assert 1 <= len(i.milestones) <= 3 and 1 <= len(i.risks) <= 3, i.name
        assert all(i.start_year <= m.year <= 2030 for m in i.milestones), i.name
        assert all(3 <= o.life_years <= 7 for o in i.options), i.name
    risks = [r for i in demo.initiatives for r in i.risks]
    assert any(r.score >= 15 and r.status is RiskStatus.OPEN for r in risks)


def test_every_initiative_has_one_chosen_option_and_one_accountable(demo: Plan) -> None:
    for plan in (demo, large_plan(seed=3, initiatives=40)):
        for i in plan.initiatives:
            assert sum(o.chosen for o in i.options) == 1, i.name
            roles = Counter(e.role for e in i.raci)
            assert roles[RaciRole.ACCOUNTABLE] == 1 and roles[RaciRole.RESPONSIBLE] >= 1, i.name
            assert len({e.person_id for e in i.raci}) == len(i.raci), i.name


def test_demo_dependencies_form_a_dag_and_respect_the_schedule(demo: Plan) -> None:
    assert is_dag(demo)
    assert sum(len(i.depends_on) for i in demo.initiatives) >= 5
    for i in demo.initiatives:
        for prerequisite in i.depends_on:
            before = demo.initiative(prerequisite)
            assert before is not None and before.end_index <= i.start_index, i.name


def test_demo_cloud_versus_on_premises(demo: Plan) -> None:
    pairs = [
        i
        for i in demo.initiatives
        if {o.name for o in i.options} == {"Cloud (SaaS)", "On-premises server"}
    ]
    assert len(pairs) == 1
    by_name = {o.name: o for o in pairs[0].options}
    cloud, on_prem = by_name["Cloud (SaaS)"], by_name["On-premises server"]
    assert any(
        c.category is CostCategory.PURCHASE
        and c.kind is LineKind.ONE_OFF
        and c.year_from == 0
        and c.amount_cents >= 1_000_000
        for c in on_prem.costs
    )
    assert any(
        c.category is CostCategory.DECOMMISSIONING and c.year_from == on_prem.life_years - 1
        for c in on_prem.costs
    )
    assert any(
        c.kind is LineKind.RECURRING and c.escalation_bp > 0 and c.category is CostCategory.PURCHASE
        for c in cloud.costs
    )
    assert not any(
        c.category is CostCategory.PURCHASE and c.kind is LineKind.ONE_OFF for c in cloud.costs
    )


def test_demo_uses_every_cost_category_and_both_line_kinds(demo: Plan) -> None:
    costs = [c for o in options(demo) for c in o.costs]
    assert {c.category for c in costs} == set(CostCategory)
    assert {c.kind for c in costs} == set(LineKind)
    assert any(c.escalation_bp == 300 for c in costs)
    benefits = {b.category for o in options(demo) for b in o.benefits}
    assert {
        BenefitCategory.REVENUE,
        BenefitCategory.COST_SAVINGS,
        BenefitCategory.PRODUCTIVITY,
        BenefitCategory.RISK_REDUCTION,
    } <= benefits


@pytest.mark.parametrize("plan_of", [sample_plan, large_plan])
def test_benefit_amounts_equal_the_arithmetic_they_state(plan_of: Callable[[], Plan]) -> None:
    plan = plan_of()
    checked = 0
    for line in lines(plan):
        if not isinstance(line, BenefitLine):
            continue
        if line.category is BenefitCategory.PRODUCTIVITY:
            found = PRODUCTIVITY.search(line.description)
            assert found, line.description
            hours, rate, weeks = (Decimal(x.replace(",", "")) for x in found.groups())
            assert line.amount_cents == hours * rate * weeks * 100, line.description
            checked += 1
        elif line.category is BenefitCategory.RISK_REDUCTION:
            found = RISK_REDUCTION.search(line.description)
            assert found, line.description
            pct, loss = (Decimal(x.replace(",", "")) for x in found.groups())
            assert line.amount_cents == pct * loss, line.description  # pct/100 x loss x 100
            checked += 1
    assert checked >= 5


def test_demo_figures_are_plausible(demo: Plan) -> None:
    paybacks = [payback_years(i.chosen_option) for i in demo.initiatives if i.chosen_option]
    never = [p for p in paybacks if p is None]
    assert 1 <= len(never) <= 2
    within_four = [p for p in paybacks if p is not None and p <= 4]
    assert len(within_four) >= len(paybacks) - 2
    assert sum(1 for p in within_four if p >= 1) > len(paybacks) / 2


def test_demo_kpis(demo: Plan) -> None:
    assert {k.goal_id for k in demo.kpis} == {g.id for g in demo.goals}
    quarter_ends = [date(2025, 12, 31), date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30)]
    for k in demo.kpis:
        assert k.replaces_it_metric and k.target_date and k.unit, k.name
        assert [m.date for m in k.measurements] == quarter_ends, k.name
        values = [m.value for m in k.measurements]
        assert abs(values[-1] - k.target) < abs(values[0] - k.target), k.name
        step = 1 if k.target > k.baseline else -1
        assert all(step * (b - a) >= 0 for a, b in pairwise(values)), k.name


def test_demo_budget_has_one_year_over(demo: Plan) -> None:
    """Planned spend (initiatives' costs plus the systems' run costs, as ``analysis`` counts
    it) is over the budget in 2027 only, and only somewhat."""
    from smbplanner.analysis.budget import planned_spend

    assert [b.year for b in demo.budget_years] == list(range(2026, 2031))
    over = [y for y in planned_spend(demo) if y.over_cents > 0]
    assert [y.year for y in over] == [2027]
    assert over[0].planned_cents < over[0].budget_cents * 1.25


# ---------------------------------------------------------------- the large plan


def test_large_plan_size(large: Plan) -> None:
    assert large.business.horizon_years == 10
    assert len(large.initiatives) == 300
    assert 2_700 <= len(lines(large)) <= 3_300
    assert (len(large.goals), len(large.swot), len(large.systems)) == (8, 40, 60)
    assert (len(large.people), len(large.kpis), len(large.budget_years)) == (20, 30, 10)
    assert all(len(k.measurements) == 8 for k in large.kpis)
    assert all(i.raci for i in large.initiatives)
    assert re.fullmatch(r"[A-Z][\w -]+ \d+", large.initiatives[16].name)


def test_large_plan_is_valid_and_consistent(large: Plan) -> None:
    assert problems(large) == []
    assert check_whole_plan(large) == []
    assert id_problems(large) == []
    assert reference_problems(large) == []


def test_large_plan_dependencies_form_a_dag(large: Plan) -> None:
    assert sum(len(i.depends_on) for i in large.initiatives) > 50
    assert all(d < (i.id or 0) for i in large.initiatives for d in i.depends_on)
    assert is_dag(large)


def test_large_plan_is_deterministic(large: Plan) -> None:
    assert large_plan() == large
    assert large_plan(seed=8) != large
    small = large_plan(seed=1, initiatives=10, horizon=3)
    assert len(small.initiatives) == 10 and len(small.budget_years) == 3
    assert problems(small) == []
