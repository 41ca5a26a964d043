"""The plan's entities as plain dataclasses.

Money is integer cents; rates, escalations and scenario factors are integer basis points
(see ``money``). ``id`` is None until the entity is stored; ids refer across entities
(a KPI's ``goal_id``, a dependency's ``depends_on_id``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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
    RiskCategory,
    RiskStatus,
    SwotKind,
    SystemAction,
)

DEFAULT_DISCOUNT_RATE_BP = 800
#: Scenario factors in basis points: (costs, benefits).
DEFAULT_OPTIMISTIC = (9_000, 11_500)
DEFAULT_PESSIMISTIC = (12_500, 7_500)


@dataclass
class Business:
    """The business profile and the plan's settings (one per plan)."""

    name: str
    industry: str = ""
    employees: int = 0
    currency: str = "EUR"
    start_year: int = 2026
    horizon_years: int = 5
    discount_rate_bp: int = DEFAULT_DISCOUNT_RATE_BP
    optimistic_cost_bp: int = DEFAULT_OPTIMISTIC[0]
    optimistic_benefit_bp: int = DEFAULT_OPTIMISTIC[1]
    pessimistic_cost_bp: int = DEFAULT_PESSIMISTIC[0]
    pessimistic_benefit_bp: int = DEFAULT_PESSIMISTIC[1]
    it_vision: str = ""
    it_mission: str = ""
    #: The share of each year's planned spend the owner aims to put into Run (the rest is
    #: Change), in basis points (6000 = 60 %); None when no target is set. Schema version 2.
    target_run_share_bp: int | None = None
    #: Schema version 4, for the board pack: the resolution the board is asked to pass, in
    #: the owner's words ('' = the sentence built from the figures); why the discount rate
    #: is what it is ('' = the default sentence); who prepared the plan.
    resolution: str = ""
    rate_rationale: str = ""
    prepared_by: str = ""

    @property
    def end_year(self) -> int:
        """The last calendar year of the plan's horizon."""
        return self.start_year + self.horizon_years - 1


@dataclass
class Goal:
    """A business goal the IT strategy must serve, weighted 1 (nice to have) to 5 (vital)."""

    title: str
    description: str = ""
    perspective: Perspective = Perspective.FINANCIAL
    weight: int = 3  # 1 (nice to have) .. 5 (vital)
    target_date: date | None = None
    id: int | None = None


@dataclass
class SwotItem:
    """A strength, weakness, opportunity or threat, with the IT question it raises."""

    kind: SwotKind
    text: str
    it_question: str = ""
    goal_ids: list[int] = field(default_factory=list)
    initiative_ids: list[int] = field(default_factory=list)
    id: int | None = None


@dataclass
class System:
    """A current system: what it costs to run, its condition and what to do with it."""

    name: str
    category: str = ""
    vendor: str = ""
    annual_run_cost_cents: int = 0
    year_installed: int | None = None
    end_of_life_year: int | None = None
    condition: int = 3  # 1 poor .. 5 excellent
    criticality: Criticality = Criticality.MEDIUM
    action: SystemAction = SystemAction.KEEP
    notes: str = ""
    id: int | None = None
    #: The initiative that retires or replaces this system (None: none); its run cost runs
    #: until that initiative's planned end. Schema version 4.
    replaced_by_id: int | None = None


@dataclass
class Feedback:
    """A department's satisfaction with IT and its main pain point."""

    department: str
    satisfaction: int = 3  # 1 .. 5
    pain_point: str = ""
    id: int | None = None


@dataclass
class CostLine:
    """A cost in lifecycle years: one-off in ``year_from``, or every year from..to."""

    category: CostCategory
    amount_cents: int
    kind: LineKind = LineKind.ONE_OFF
    year_from: int = 0
    year_to: int = 0
    escalation_bp: int = 0  # recurring lines grow by this much a year
    description: str = ""
    id: int | None = None
    #: The owner's own range of the amount, as factors in basis points (low ≤ ×1 ≤ high);
    #: None: the plan's scenario factors.
    low_bp: int | None = None
    high_bp: int | None = None
    #: Capital (True) or operating (False) spend; None: the default of its category
    #: (``analysis`` defines it). Schema version 4.
    capital: bool | None = None


@dataclass
class BenefitLine:
    """A benefit of an option, in cents, one-off or recurring over years of its life."""

    category: BenefitCategory
    amount_cents: int
    kind: LineKind = LineKind.RECURRING
    year_from: int = 0
    year_to: int = 0
    escalation_bp: int = 0
    description: str = ""
    id: int | None = None
    low_bp: int | None = None  # the owner's own range (see ``CostLine``)
    high_bp: int | None = None


@dataclass
class Option:
    """One way to carry out an initiative, with its costs and benefits; one is chosen."""

    name: str
    description: str = ""
    chosen: bool = False
    life_years: int = 5
    costs: list[CostLine] = field(default_factory=list)
    benefits: list[BenefitLine] = field(default_factory=list)
    id: int | None = None


@dataclass
class GoalLink:
    """An initiative's contribution to a goal: 1 some, 2 clear, 3 strong."""

    goal_id: int
    contribution: int = 2  # 1 some .. 3 strong


@dataclass
class Milestone:
    """A milestone of an initiative, in a year and quarter."""

    name: str
    year: int
    quarter: int = 1
    id: int | None = None


@dataclass
class Risk:
    """A risk of an initiative, scored by likelihood and impact (1 to 5 each)."""

    description: str
    category: RiskCategory = RiskCategory.IMPLEMENTATION
    likelihood: int = 3  # 1 .. 5
    impact: int = 3  # 1 .. 5
    mitigation: str = ""
    owner: str = ""
    status: RiskStatus = RiskStatus.OPEN
    id: int | None = None

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass
class RaciEntry:
    """A person's RACI role on an initiative."""

    person_id: int
    role: RaciRole


@dataclass
class Initiative:
    """A piece of IT work: its place on the roadmap and the grid, goals, options, risks."""

    name: str
    description: str = ""
    portfolio: Portfolio = Portfolio.CHANGE
    status: InitiativeStatus = InitiativeStatus.PROPOSED
    owner: str = ""
    start_year: int = 2026
    start_quarter: int = 1
    duration_quarters: int = 4
    impact: float | None = None  # 1.0 .. 5.0 in half steps, None when unscored
    feasibility: float | None = None
    funding: FundingSource = FundingSource.CASH  # schema version 4
    goals: list[GoalLink] = field(default_factory=list)
    depends_on: list[int] = field(default_factory=list)  # ids of prerequisite initiatives
    milestones: list[Milestone] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    raci: list[RaciEntry] = field(default_factory=list)
    id: int | None = None

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

    name: str
    role: str = ""
    on_steering_committee: bool = False
    id: int | None = None


@dataclass
class Review:
    """A quarterly review: who came and what was decided."""

    date: date
    attendees: str = ""
    decisions: str = ""
    notes: str = ""
    id: int | None = None


@dataclass
class Measurement:
    """A KPI's value on a date."""

    date: date
    value: float
    note: str = ""
    id: int | None = None


@dataclass
class Kpi:
    """A KPI tied to a goal: baseline, target and measurements."""

    goal_id: int
    name: str
    unit: str = ""
    direction: KpiDirection = KpiDirection.INCREASE
    baseline: float = 0.0
    target: float = 0.0
    target_date: date | None = None
    replaces_it_metric: str = ""  # the IT-activity metric this business outcome replaces
    measurements: list[Measurement] = field(default_factory=list)
    id: int | None = None


@dataclass
class BudgetYear:
    """The IT budget of one year: its Run and Change envelopes, in cents."""

    year: int
    run_cents: int = 0
    change_cents: int = 0

    @property
    def total_cents(self) -> int:
        return self.run_cents + self.change_cents


@dataclass
class Snapshot:
    """A named baseline of the whole plan: ``data`` is the plan in the dump format."""

    name: str
    taken_at: str  # ISO 8601, UTC
    data: dict[str, object] = field(default_factory=dict)
    id: int | None = None


@dataclass
class Plan:
    """The whole plan of one business, as stored in its plan file."""

    business: Business
    goals: list[Goal] = field(default_factory=list)
    swot: list[SwotItem] = field(default_factory=list)
    systems: list[System] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    budget_years: list[BudgetYear] = field(default_factory=list)
    snapshots: list[Snapshot] = field(default_factory=list)

    def goal(self, goal_id: int) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def initiative(self, initiative_id: int) -> Initiative | None:
        return next((i for i in self.initiatives if i.id == initiative_id), None)

    def person(self, person_id: int) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)
