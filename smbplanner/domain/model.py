"""The plan's entities as plain dataclasses.

Money is integer cents; rates, escalations and scenario factors are integer basis points
(see ``money``). ``id`` is None until the entity is stored; ids refer across entities
(a KPI's ``goal_id``, a dependency's ``depends_on_id``).
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass
from datetime import date

from smbplanner.domain import fields as f
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
    Rag,
    RiskCategory,
    RiskStatus,
    SwotKind,
    SystemAction,
    Verdict,
)
from smbplanner.domain.fields import (
    MAX_DISCOUNT_BP,
    MAX_ESCALATION_BP,
    MAX_FACTOR_BP,
    MAX_ID,
    MAX_LIFE_YEARS,
    MAX_NAME,
    MAX_YEAR,
    MIN_YEAR,
)

DEFAULT_DISCOUNT_RATE_BP = 800
#: Scenario factors in basis points: (costs, benefits).
DEFAULT_OPTIMISTIC = (9_000, 11_500)
DEFAULT_PESSIMISTIC = (12_500, 7_500)


@dataclass
class Business:
    """The business profile and the plan's settings (one per plan)."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    industry: str = f.text(limit=MAX_NAME)
    employees: int = f.whole(0, 0, 10_000_000)
    currency: str = f.currency("EUR", json_required=True)
    start_year: int = f.whole(2026, 2000, 2100, json_required=True)
    horizon_years: int = f.whole(5, 1, 10, json_required=True)
    discount_rate_bp: int = f.bp(DEFAULT_DISCOUNT_RATE_BP, 0, MAX_DISCOUNT_BP, json="discount_rate")
    optimistic_cost_bp: int = f.bp(
        DEFAULT_OPTIMISTIC[0], 0, MAX_FACTOR_BP, json="scenarios.optimistic.costs"
    )
    optimistic_benefit_bp: int = f.bp(
        DEFAULT_OPTIMISTIC[1], 0, MAX_FACTOR_BP, json="scenarios.optimistic.benefits"
    )
    pessimistic_cost_bp: int = f.bp(
        DEFAULT_PESSIMISTIC[0], 0, MAX_FACTOR_BP, json="scenarios.pessimistic.costs"
    )
    pessimistic_benefit_bp: int = f.bp(
        DEFAULT_PESSIMISTIC[1], 0, MAX_FACTOR_BP, json="scenarios.pessimistic.benefits"
    )
    it_vision: str = f.text()
    it_mission: str = f.text()
    #: The share of each year's planned spend the owner aims to put into Run (the rest is
    #: Change), in basis points (6000 = 60 %); None when no target is set. Schema version 2.
    target_run_share_bp: int | None = f.bp(None, 0, 10_000, optional=True, json="target_run_share")
    #: Schema version 4, for the board pack: the resolution the board is asked to pass, in
    #: the owner's words ('' = the sentence built from the figures); why the discount rate
    #: is what it is ('' = the default sentence); who prepared the plan.
    resolution: str = f.text()
    rate_rationale: str = f.text()
    prepared_by: str = f.text(limit=MAX_NAME)

    @property
    def end_year(self) -> int:
        """The last calendar year of the plan's horizon."""
        return self.start_year + self.horizon_years - 1


@dataclass
class Goal:
    """A business goal the IT strategy must serve, weighted 1 (nice to have) to 5 (vital)."""

    title: str = f.text(MISSING, required=True, limit=MAX_NAME)
    description: str = f.text()
    perspective: Perspective = f.choice(Perspective, Perspective.FINANCIAL)
    weight: int = f.whole(3, 1, 5)  # 1 (nice to have) .. 5 (vital)
    target_date: date | None = f.day(None, optional=True)
    id: int | None = f.ident()


@dataclass
class SwotItem:
    """A strength, weakness, opportunity or threat, with the IT question it raises."""

    kind: SwotKind = f.choice(SwotKind)
    text: str = f.text(MISSING, required=True)
    it_question: str = f.text()
    goal_ids: list[int] = f.ids()
    initiative_ids: list[int] = f.ids()
    id: int | None = f.ident()


@dataclass
class System:
    """A current system: what it costs to run, its condition and what to do with it."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    category: str = f.text(limit=MAX_NAME)
    vendor: str = f.text(limit=MAX_NAME)
    annual_run_cost_cents: int = f.cents(0, json="annual_run_cost")
    year_installed: int | None = f.whole(None, MIN_YEAR, MAX_YEAR, optional=True)
    end_of_life_year: int | None = f.whole(None, MIN_YEAR, MAX_YEAR, optional=True)
    condition: int = f.whole(3, 1, 5)  # 1 poor .. 5 excellent
    criticality: Criticality = f.choice(Criticality, Criticality.MEDIUM)
    action: SystemAction = f.choice(SystemAction, SystemAction.KEEP)
    notes: str = f.text()
    id: int | None = f.ident()
    #: The initiative that retires or replaces this system (None: none); its run cost runs
    #: until that initiative's planned end. Schema version 4.
    replaced_by_id: int | None = f.whole(None, 1, MAX_ID, optional=True)


@dataclass
class Feedback:
    """A department's satisfaction with IT and its main pain point."""

    department: str = f.text(MISSING, required=True, limit=MAX_NAME)
    satisfaction: int = f.whole(3, 1, 5)
    pain_point: str = f.text()
    id: int | None = f.ident()


@dataclass
class CostLine:
    """A cost in lifecycle years: one-off in ``year_from``, or every year from..to."""

    category: CostCategory = f.choice(CostCategory)
    amount_cents: int = f.cents(json="amount", json_after="kind")
    kind: LineKind = f.choice(LineKind, LineKind.ONE_OFF, json_required=True)
    year_from: int = f.whole(0, 0, MAX_LIFE_YEARS - 1, json_required=True)
    year_to: int = f.whole(0, 0, MAX_LIFE_YEARS - 1, json_default_from="year_from")
    #: recurring lines grow by this much a year
    escalation_bp: int = f.bp(0, -MAX_ESCALATION_BP + 1, MAX_ESCALATION_BP, json="escalation")
    description: str = f.text()
    id: int | None = f.ident()
    #: The owner's own range of the amount, as factors in basis points (low ≤ ×1 ≤ high);
    #: None: the plan's scenario factors.
    low_bp: int | None = f.bp(None, 0, 10_000, optional=True, json="low")
    high_bp: int | None = f.bp(None, 10_000, MAX_FACTOR_BP, optional=True, json="high")
    #: Capital (True) or operating (False) spend; None: the default of its category
    #: (``analysis`` defines it). Schema version 4.
    capital: bool | None = f.flag(None, optional=True)


@dataclass
class BenefitLine:
    """A benefit of an option, in cents, one-off or recurring over years of its life."""

    category: BenefitCategory = f.choice(BenefitCategory)
    amount_cents: int = f.cents(json="amount", json_after="kind")
    kind: LineKind = f.choice(LineKind, LineKind.RECURRING, json_required=True)
    year_from: int = f.whole(0, 0, MAX_LIFE_YEARS - 1, json_required=True)
    year_to: int = f.whole(0, 0, MAX_LIFE_YEARS - 1, json_default_from="year_from")
    escalation_bp: int = f.bp(0, -MAX_ESCALATION_BP + 1, MAX_ESCALATION_BP, json="escalation")
    description: str = f.text()
    id: int | None = f.ident()
    #: the owner's own range (see ``CostLine``)
    low_bp: int | None = f.bp(None, 0, 10_000, optional=True, json="low")
    high_bp: int | None = f.bp(None, 10_000, MAX_FACTOR_BP, optional=True, json="high")


@dataclass
class Option:
    """One way to carry out an initiative, with its costs and benefits; one is chosen."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    description: str = f.text()
    chosen: bool = f.flag(False)
    life_years: int = f.whole(5, 1, MAX_LIFE_YEARS)
    costs: list[CostLine] = f.items(CostLine)
    benefits: list[BenefitLine] = f.items(BenefitLine)
    id: int | None = f.ident()


@dataclass
class GoalLink:
    """An initiative's contribution to a goal: 1 some, 2 clear, 3 strong."""

    goal_id: int = f.ref()
    contribution: int = f.whole(2, 1, 3)  # 1 some .. 3 strong


@dataclass
class Milestone:
    """A milestone of an initiative, in a year and quarter."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    year: int = f.whole(MISSING, MIN_YEAR, MAX_YEAR)
    quarter: int = f.whole(1, 1, 4)
    id: int | None = f.ident()


@dataclass
class Risk:
    """A risk of an initiative, scored by likelihood and impact (1 to 5 each)."""

    description: str = f.text(MISSING, required=True)
    #: a risk read from JSON without a category is "other"
    category: RiskCategory = f.choice(
        RiskCategory, RiskCategory.IMPLEMENTATION, json_default=RiskCategory.OTHER
    )
    likelihood: int = f.whole(3, 1, 5)
    impact: int = f.whole(3, 1, 5)
    mitigation: str = f.text()
    owner: str = f.text(limit=MAX_NAME)
    status: RiskStatus = f.choice(RiskStatus, RiskStatus.OPEN)
    id: int | None = f.ident()

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass
class RaciEntry:
    """A person's RACI role on an initiative."""

    person_id: int = f.ref()
    role: RaciRole = f.choice(RaciRole)


@dataclass
class ActualCost:
    """Money really spent on an initiative in a calendar year, in one cost category.
    Schema version 5."""

    year: int = f.whole(MISSING, 2000, 2100)
    category: CostCategory = f.choice(CostCategory)
    amount_cents: int = f.cents(json="amount")
    note: str = f.text()  # where it comes from: an invoice, the accounts
    id: int | None = f.ident()


@dataclass
class ActualBenefit:
    """A benefit really realised by an initiative in a calendar year, with its evidence.
    Schema version 5."""

    year: int = f.whole(MISSING, 2000, 2100)
    category: BenefitCategory = f.choice(BenefitCategory)
    amount_cents: int = f.cents(json="amount")
    evidence: str = f.text()  # how the owner knows: till reports, timesheets, a bill
    id: int | None = f.ident()


@dataclass
class Initiative:
    """A piece of IT work: its place on the roadmap and the grid, goals, options, risks."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    description: str = f.text()
    portfolio: Portfolio = f.choice(Portfolio, Portfolio.CHANGE)
    status: InitiativeStatus = f.choice(InitiativeStatus, InitiativeStatus.PROPOSED)
    owner: str = f.text(limit=MAX_NAME)
    start_year: int = f.whole(2026, 2000, 2100, json_required=True)
    start_quarter: int = f.whole(1, 1, 4)
    duration_quarters: int = f.whole(4, 1, 40)
    impact: float | None = f.score()  # 1.0 .. 5.0 in half steps, None when unscored
    feasibility: float | None = f.score()
    funding: FundingSource = f.choice(FundingSource, FundingSource.CASH)  # schema version 4
    goals: list[GoalLink] = f.items(GoalLink)
    depends_on: list[int] = f.ids()  # ids of prerequisite initiatives
    milestones: list[Milestone] = f.items(Milestone)
    options: list[Option] = f.items(Option)
    risks: list[Risk] = f.items(Risk)
    raci: list[RaciEntry] = f.items(RaciEntry)
    id: int | None = f.ident()
    # --- what really happened (schema version 5) ---
    actual_start: date | None = f.day(None, optional=True)
    actual_finish: date | None = f.day(None, optional=True)
    percent_complete: int | None = f.whole(None, 0, 100, optional=True)  # None: not reported
    rag: Rag | None = f.choice(Rag, None, optional=True)  # the owner's colour, None: not set
    rag_reason: str = f.text()
    #: The owner's own estimate of the total cost at completion; None: actual to date plus
    #: the remaining plan (``analysis.tracking``).
    forecast_cost_cents: int | None = f.cents(None, optional=True, json="forecast_cost")
    actual_costs: list[ActualCost] = f.items(ActualCost)
    actual_benefits: list[ActualBenefit] = f.items(ActualBenefit)

    @property
    def has_actuals(self) -> bool:
        """Whether anything that really happened is recorded (dates, progress, money)."""
        return bool(
            self.actual_costs or self.actual_benefits or self.actual_start or self.rag
            or self.percent_complete is not None or self.actual_finish
        )

    @property
    def chosen_option(self) -> Option | None:
        """The option that feeds the plan: the chosen one, else the first, else None."""
        for option in self.options:
            if option.chosen:
                return option
        return self.options[0] if self.options else None

    @property
    def start_index(self) -> int:
        """Quarters since year 0, quarter 1 (start_year * 4 + quarter - 1)."""
        return self.start_year * 4 + self.start_quarter - 1

    @property
    def end_index(self) -> int:
        """The quarter index just after the initiative ends."""
        return self.start_index + self.duration_quarters


@dataclass
class Person:
    """Someone in the governance: RACI roles, and perhaps the steering committee."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    role: str = f.text(limit=MAX_NAME)
    on_steering_committee: bool = f.flag(False)
    id: int | None = f.ident()


@dataclass
class ReviewDecision:
    """A review's decision on one initiative: continue, change or stop, and why.
    Schema version 5."""

    initiative_id: int = f.ref()
    verdict: Verdict = f.choice(Verdict, Verdict.CONTINUE)
    note: str = f.text()
    id: int | None = f.ident()


@dataclass
class Review:
    """A quarterly review: who came and what was decided."""

    date: date = f.day()
    attendees: str = f.text()
    decisions: str = f.text()
    notes: str = f.text()
    id: int | None = f.ident()
    #: The snapshot taken when the review was held (schema version 5): the next review's
    #: "what changed since the last review" compares with it. Not a foreign key: deleting
    #: the snapshot leaves the review (which then has nothing to compare with).
    snapshot_id: int | None = f.whole(None, 1, MAX_ID, optional=True)
    verdicts: list[ReviewDecision] = f.items(ReviewDecision)


@dataclass
class Measurement:
    """A KPI's value on a date."""

    date: date = f.day()
    value: float = f.number()
    note: str = f.text()
    id: int | None = f.ident()


@dataclass
class Kpi:
    """A KPI tied to a goal: baseline, target and measurements."""

    goal_id: int = f.ref()
    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    unit: str = f.text(limit=MAX_NAME)
    direction: KpiDirection = f.choice(KpiDirection, KpiDirection.INCREASE)
    baseline: float = f.number(0.0, json_required=True)
    target: float = f.number(0.0, json_required=True)
    target_date: date | None = f.day(None, optional=True)
    #: the IT-activity metric this business outcome replaces
    replaces_it_metric: str = f.text()
    measurements: list[Measurement] = f.items(Measurement)
    id: int | None = f.ident()


@dataclass
class BudgetYear:
    """The IT budget of one year: its Run and Change envelopes, in cents."""

    year: int = f.whole(MISSING, 2000, 2100)
    run_cents: int = f.cents(0, json="run")
    change_cents: int = f.cents(0, json="change")

    @property
    def total_cents(self) -> int:
        return self.run_cents + self.change_cents


@dataclass
class Snapshot:
    """A named baseline of the whole plan: ``data`` is the plan in the dump format."""

    name: str = f.text(MISSING, required=True, limit=MAX_NAME)
    taken_at: str = f.text(MISSING, required=True, limit=64)  # ISO 8601, UTC
    data: dict[str, object] = f.data()
    id: int | None = f.ident()


@dataclass
class Plan:
    """The whole plan of one business, as stored in its plan file."""

    business: Business = f.one(Business)
    goals: list[Goal] = f.items(Goal)
    swot: list[SwotItem] = f.items(SwotItem)
    systems: list[System] = f.items(System)
    feedback: list[Feedback] = f.items(Feedback)
    initiatives: list[Initiative] = f.items(Initiative)
    people: list[Person] = f.items(Person)
    reviews: list[Review] = f.items(Review)
    kpis: list[Kpi] = f.items(Kpi)
    budget_years: list[BudgetYear] = f.items(BudgetYear)
    snapshots: list[Snapshot] = f.items(Snapshot)

    def goal(self, goal_id: int) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def initiative(self, initiative_id: int) -> Initiative | None:
        return next((i for i in self.initiatives if i.id == initiative_id), None)

    def person(self, person_id: int) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)
