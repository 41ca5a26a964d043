"""A large generated plan for benchmarks: plausible, valid and deterministic for a seed.

``large_plan()`` builds a mid-sized manufacturer's plan with (by default) 300 initiatives and
about 3,000 cost and benefit lines over a 10-year horizon, from ``random.Random(seed)`` only.
Dependencies point only at earlier initiatives that end before the dependant starts, so they
form a DAG that also respects the schedule.
"""

from __future__ import annotations

import random
from datetime import date
from itertools import count

from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    Criticality,
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
    SwotItem,
    System,
)

START_YEAR = 2026

AREAS = (
    "Warehouse",
    "Finance",
    "Customer service",
    "Production",
    "HR",
    "Sales",
    "Logistics",
    "Quality",
    "Purchasing",
    "Maintenance",
    "Field service",
    "Marketing",
)
TOPICS: tuple[tuple[str, Portfolio], ...] = (
    ("barcode scanning", Portfolio.RUN),
    ("invoice automation", Portfolio.CHANGE),
    ("CRM roll-out", Portfolio.CHANGE),
    ("laptop refresh", Portfolio.RUN),
    ("backup and recovery", Portfolio.RUN),
    ("network upgrade", Portfolio.RUN),
    ("e-signature workflow", Portfolio.CHANGE),
    ("mobile app", Portfolio.CHANGE),
    ("reporting dashboard", Portfolio.CHANGE),
    ("ERP module", Portfolio.CHANGE),
    ("security hardening", Portfolio.RUN),
    ("document management", Portfolio.CHANGE),
    ("telephony migration", Portfolio.RUN),
    ("predictive maintenance", Portfolio.CHANGE),
    ("self-service portal", Portfolio.CHANGE),
    ("licence consolidation", Portfolio.RUN),
)
GOALS: tuple[tuple[str, Perspective], ...] = (
    ("Grow revenue 30 % in five years", Perspective.FINANCIAL),
    ("Cut operating cost per order by 15 %", Perspective.FINANCIAL),
    ("Deliver 98 % of orders on time and complete", Perspective.CUSTOMER),
    ("Raise customer satisfaction to 8.5 out of 10", Perspective.CUSTOMER),
    ("Halve order-to-cash time", Perspective.INTERNAL_PROCESS),
    ("Zero unplanned production stops over 4 hours", Perspective.INTERNAL_PROCESS),
    ("Every team lead uses live data weekly", Perspective.LEARNING_GROWTH),
    ("Keep staff turnover below 8 %", Perspective.LEARNING_GROWTH),
)
FIRST_NAMES = (
    "Anna",
    "Ben",
    "Chloé",
    "Daniel",
    "Eva",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Lars",
    "Mia",
    "Nadia",
    "Oscar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tariq",
    "Yara",
)
LAST_NAMES = (
    "Andersen",
    "Bakker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Hansen",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nowak",
    "O'Brien",
    "Petersen",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Visser",
)
ROLES = (
    "Managing director",
    "Finance director",
    "Operations director",
    "Sales director",
    "IT manager",
    "HR manager",
    "Warehouse manager",
    "Production manager",
    "Quality manager",
    "Customer service lead",
    "Logistics planner",
    "Controller",
    "Purchasing lead",
    "Maintenance lead",
    "Marketing lead",
    "Field service lead",
    "Business analyst",
    "External IT partner",
    "Data protection officer",
    "Works council representative",
)
SYSTEM_KINDS = (
    ("ERP", "Business applications"),
    ("Warehouse management", "Logistics"),
    ("CRM", "Sales"),
    ("Payroll", "HR"),
    ("File server", "Infrastructure"),
    ("Firewall", "Network"),
    ("Telephony", "Communication"),
    ("MES", "Production"),
    ("Website", "Marketing"),
    ("Backup appliance", "Infrastructure"),
    ("Label printers", "Logistics"),
    ("Laptops", "End-user devices"),
)
VENDORS = (
    "Microsoft",
    "SAP",
    "Sage",
    "Cisco",
    "HP",
    "Dell",
    "Zebra",
    "Salesforce",
    "Odoo",
    "Siemens",
    "Local IT partner",
    "In-house",
)
COST_TEXT = {
    CostCategory.PURCHASE: "Licences and hardware",
    CostCategory.IMPLEMENTATION: "Implementation partner",
    CostCategory.TRAINING: "User training",
    CostCategory.MAINTENANCE: "Support contract",
    CostCategory.OPERATIONS: "Hosting, energy and staff time",
    CostCategory.DECOMMISSIONING: "Retire the old system",
}
SWOT_TEXT = {
    SwotKind.STRENGTH: (
        "Experienced {area} team",
        "How can IT multiply what the {area} team already does well?",
    ),
    SwotKind.WEAKNESS: ("Manual work in {area}", "Which {area} steps could a system do for us?"),
    SwotKind.OPPORTUNITY: (
        "Customers ask for digital {area} services",
        "What would it take to offer {area} online?",
    ),
    SwotKind.THREAT: ("Competitors automate {area}", "Where would a {area} outage hurt most?"),
}
KPI_NAMES = (
    ("Orders shipped on time", "Server uptime"),
    ("Order-to-cash days", "Tickets closed"),
    ("Customer satisfaction score", "Website page views"),
    ("Cost per order", "Licences renewed"),
    ("Unplanned machine stop hours", "Patches applied"),
    ("Quote turnaround hours", "Emails sent"),
    ("Team leads using live data", "Training hours delivered"),
    ("First-time-right deliveries", "Projects delivered"),
    ("Inventory accuracy", "Scanner uptime"),
    ("Staff turnover", "Helpdesk response time"),
)
HALF_STEPS = tuple(x / 2 for x in range(2, 11))


class _Gen:
    """Holds the random source and the plan-wide id counters."""

    def __init__(self, seed: int, horizon: int) -> None:
        self.rng = random.Random(seed)
        self.horizon = horizon
        kinds = ("option", "cost", "benefit", "milestone", "risk", "measurement")
        self.ids = {kind: count(1) for kind in kinds}

    def next(self, kind: str) -> int:
        return next(self.ids[kind])

    def euros(self, low: int, high: int, step: int = 100) -> int:
        """A round amount of euros between low and high, as cents."""
        return self.rng.randrange(low // step, high // step + 1) * step * 100

    def cost(self, life: int, size: int) -> CostLine:
        rng = self.rng
        category = rng.choice(tuple(CostCategory))
        if (
            category
            in (CostCategory.PURCHASE, CostCategory.IMPLEMENTATION, CostCategory.DECOMMISSIONING)
            or rng.random() < 0.3
        ):
            year = (
                life - 1
                if category is CostCategory.DECOMMISSIONING
                else rng.randrange(min(2, life))
            )
            amount = self.euros(size // 10, size // 2)
            return CostLine(
                category,
                amount,
                LineKind.ONE_OFF,
                year,
                year,
                0,
                f"{COST_TEXT[category]} (one-off)",
                id=self.next("cost"),
            )
        first = rng.randrange(min(2, life))
        amount = self.euros(size // 40, size // 8)
        escalation = rng.choice((0, 0, 200, 300, 500))
        return CostLine(
            category,
            amount,
            LineKind.RECURRING,
            first,
            life - 1,
            escalation,
            f"{COST_TEXT[category]} (annual)",
            id=self.next("cost"),
        )

    def benefit(self, life: int, size: int, n_benefits: int) -> BenefitLine:
        rng = self.rng
        category = rng.choice(tuple(BenefitCategory))
        first = min(1, life - 1)
        if category is BenefitCategory.PRODUCTIVITY:
            hours = rng.randint(1, min(20, max(1, size // 4_000)))
            rate = rng.choice((25, 30, 35, 40, 45))
            amount = hours * rate * 46 * 100
            text = f"{hours} hours/week saved × €{rate}/hour × 46 weeks"
        elif category is BenefitCategory.RISK_REDUCTION:
            pct, loss = rng.choice((5, 10, 15, 20)), size * rng.choice((1, 2, 4))
            amount = pct * loss
            text = f"{pct} % annual probability × €{loss:,} loss avoided"
        else:
            amount = self.euros(size // (4 * n_benefits), size // n_benefits)
            text = category.value.replace("_", " ").capitalize()
        return BenefitLine(
            category, amount, LineKind.RECURRING, first, life - 1, 0, text, id=self.next("benefit")
        )


def _people() -> list[Person]:
    return [
        Person(f"{FIRST_NAMES[n]} {LAST_NAMES[(n * 7) % 20]}", ROLES[n], n < 6, id=n + 1)
        for n in range(20)
    ]


def _raci(g: _Gen, people: int) -> list[RaciEntry]:
    chosen = g.rng.sample(range(1, people + 1), g.rng.randint(2, 5))
    roles = [RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE]
    roles += [
        g.rng.choice((RaciRole.RESPONSIBLE, RaciRole.CONSULTED, RaciRole.INFORMED))
        for _ in chosen[2:]
    ]
    entries = [RaciEntry(pid, role) for pid, role in zip(chosen, roles, strict=True)]
    return sorted(entries, key=lambda e: e.person_id)


def _initiative(g: _Gen, n: int, earlier: list[Initiative], people: list[Person]) -> Initiative:
    rng = g.rng
    area = AREAS[rng.randrange(len(AREAS))]
    topic, portfolio = TOPICS[rng.randrange(len(TOPICS))]
    start_year = START_YEAR + rng.randrange(g.horizon)
    start_quarter, duration = rng.randint(1, 4), rng.randint(1, 8)
    item = Initiative(
        f"{area} {topic} {n}",
        f"{topic.capitalize()} for the {area.lower()} team.",
        portfolio,
        rng.choice(tuple(InitiativeStatus)),
        rng.choice(people).name,
        start_year,
        start_quarter,
        duration,
        id=n,
    )
    if rng.random() > 0.05:
        item.impact, item.feasibility = rng.choice(HALF_STEPS), rng.choice(HALF_STEPS)
    goal_ids = sorted(rng.sample(range(1, 9), rng.randint(1, 3)))
    item.goals = [GoalLink(gid, rng.randint(1, 3)) for gid in goal_ids]
    ready = [e.id for e in earlier if e.end_index <= item.start_index and e.id is not None]
    if ready and rng.random() < 0.5:
        item.depends_on = sorted(rng.sample(ready, min(len(ready), rng.randint(1, 2))))
    end_quarter = item.end_index - 1
    for _ in range(rng.randint(1, 3)):
        q = rng.randint(item.start_index, end_quarter)
        item.milestones.append(
            Milestone(f"{topic.capitalize()} milestone", q // 4, q % 4 + 1, id=g.next("milestone"))
        )
    for _ in range(rng.randint(1, 3)):
        item.risks.append(
            Risk(
                f"{area} {topic} risk",
                rng.choice(tuple(RiskCategory)),
                rng.randint(1, 5),
                rng.randint(1, 5),
                "Pilot first; weekly check-in with the supplier.",
                rng.choice(people).name,
                rng.choice((RiskStatus.OPEN, RiskStatus.OPEN, RiskStatus.CLOSED)),
                id=g.next("risk"),
            )
        )
    item.raci = _raci(g, len(people))
    item.options = _options(g, topic)
    return item


def _options(g: _Gen, topic: str) -> list[Option]:
    rng = g.rng
    size = rng.choice((5_000, 20_000, 60_000, 150_000))
    total = rng.randint(8, 12)
    n_options = 2 if rng.random() < 0.2 else 1
    options = []
    for k in range(n_options):
        share = total // n_options + (total % n_options if k == 0 else 0)
        n_benefits = rng.randint(1, max(1, share // 3))
        life = rng.randint(3, 7)
        kind = ("cloud service", "on-premises")[k] if n_options == 2 else "preferred solution"
        option = Option(f"{topic.capitalize()}: {kind}", "", k == 0, life, id=g.next("option"))
        option.costs = [g.cost(life, size) for _ in range(share - n_benefits)]
        option.benefits = [g.benefit(life, size, n_benefits) for _ in range(n_benefits)]
        options.append(option)
    return options


def _measurements(g: _Gen, baseline: float, target: float) -> list[Measurement]:
    out = []
    for k in range(8):
        year, quarter = START_YEAR - 2 + k // 4, k % 4
        day = date(year, (3, 6, 9, 12)[quarter], (31, 30, 30, 31)[quarter])
        progress = k / 16 + g.rng.uniform(-0.03, 0.03)
        value = round(baseline + (target - baseline) * progress, 2)
        out.append(Measurement(day, value, id=g.next("measurement")))
    return out


def _budget(plan: Plan, g: _Gen) -> list[BudgetYear]:
    """Envelopes around a rough planned spend (no escalation), 85-120 % of it."""
    planned = {START_YEAR + y: [0, 0] for y in range(g.horizon)}
    for item in plan.initiatives:
        option = item.chosen_option
        for line in option.costs if option else ():
            for t in range(line.year_from, line.year_to + 1):
                if item.start_year + t in planned:
                    planned[item.start_year + t][item.portfolio is Portfolio.CHANGE] += (
                        line.amount_cents
                    )
    return [
        BudgetYear(
            year,
            int(run * g.rng.uniform(0.85, 1.2)) // 100_000 * 100_000,
            int(change * g.rng.uniform(0.85, 1.2)) // 100_000 * 100_000,
        )
        for year, (run, change) in planned.items()
    ]


def large_plan(seed: int = 7, initiatives: int = 300, horizon: int = 10) -> Plan:
    """A large, valid plan for benchmarks; the same seed always gives an equal plan."""
    g = _Gen(seed, horizon)
    rng = g.rng
    business = Business(
        "Northwind Components Group",
        "Industrial components manufacturing and distribution",
        420,
        "EUR",
        START_YEAR,
        horizon,
        it_vision="Every order, machine and customer visible in one place, in real time.",
        it_mission="Run reliable, secure systems and invest where they move growth and cost.",
    )
    goals = [
        Goal(
            title,
            f"Benchmark goal {n}",
            perspective,
            rng.randint(1, 5),
            date(START_YEAR + rng.randint(1, max(1, horizon - 1)), 12, 31),
            id=n,
        )
        for n, (title, perspective) in enumerate(GOALS, start=1)
    ]
    people = _people()
    items: list[Initiative] = []
    for n in range(1, initiatives + 1):
        items.append(_initiative(g, n, items, people))
    swot = []
    for n in range(1, 41):
        kind = tuple(SwotKind)[(n - 1) % 4]
        area = rng.choice(AREAS).lower()
        text, question = (part.format(area=area) for part in SWOT_TEXT[kind])
        swot.append(
            SwotItem(
                kind,
                f"{text} ({n})",
                question,
                sorted(rng.sample(range(1, 9), rng.randint(1, 2))),
                sorted(rng.sample(range(1, initiatives + 1), min(initiatives, rng.randint(0, 3)))),
                id=n,
            )
        )
    systems = []
    for n in range(1, 61):
        name, category = SYSTEM_KINDS[(n - 1) % len(SYSTEM_KINDS)]
        installed = rng.randint(2008, 2025)
        systems.append(
            System(
                f"{name} {n}",
                category,
                rng.choice(VENDORS),
                g.euros(500, 60_000),
                installed,
                installed + rng.randint(5, 15),
                rng.randint(1, 5),
                rng.choice(tuple(Criticality)),
                rng.choice(tuple(SystemAction)),
                id=n,
            )
        )
    feedback = [
        Feedback(area, rng.randint(1, 5), f"{area} wants fewer manual steps.", id=n)
        for n, area in enumerate(AREAS, start=1)
    ]
    kpis = []
    for n in range(1, 31):
        direction = rng.choice(tuple(KpiDirection))
        baseline = float(rng.randint(10, 90))
        target = baseline * (1.3 if direction is KpiDirection.INCREASE else 0.6)
        outcome, it_metric = KPI_NAMES[(n - 1) % len(KPI_NAMES)]
        kpis.append(
            Kpi(
                (n - 1) % 8 + 1,
                f"{outcome} ({n})",
                "index",
                direction,
                baseline,
                round(target, 1),
                date(START_YEAR + 3, 12, 31),
                it_metric,
                _measurements(g, baseline, target),
                id=n,
            )
        )
    reviews = [
        Review(date(START_YEAR, month, 15), "Steering committee", f"Quarterly review {k}", "", id=k)
        for k, month in enumerate((1, 4, 7, 10), start=1)
    ]
    plan = Plan(business, goals, swot, systems, feedback, items, people, reviews, kpis)
    plan.budget_years = _budget(plan, g)
    return plan
