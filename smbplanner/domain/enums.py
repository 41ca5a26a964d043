"""Enumerations of the plan's vocabulary. Values are the stable strings stored and dumped."""

from __future__ import annotations

from enum import StrEnum


class Perspective(StrEnum):
    """Balanced-scorecard perspective of a goal."""

    FINANCIAL = "financial"
    CUSTOMER = "customer"
    INTERNAL_PROCESS = "internal_process"
    LEARNING_GROWTH = "learning_growth"


class SwotKind(StrEnum):
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    OPPORTUNITY = "opportunity"
    THREAT = "threat"


class Criticality(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class SystemAction(StrEnum):
    KEEP = "keep"
    INVEST = "invest"
    REPLACE = "replace"
    RETIRE = "retire"


class Portfolio(StrEnum):
    """Run: strengthen core operations. Change: growth and innovation."""

    RUN = "run"
    CHANGE = "change"


class InitiativeStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


class CostCategory(StrEnum):
    """The six total-cost-of-ownership categories."""

    PURCHASE = "purchase"  # purchase & licences
    IMPLEMENTATION = "implementation"
    TRAINING = "training"
    MAINTENANCE = "maintenance"  # maintenance & support
    OPERATIONS = "operations"  # hosting, energy, staff time
    DECOMMISSIONING = "decommissioning"


class FundingSource(StrEnum):
    """How an initiative is paid for (schema version 4): the lender's question."""

    CASH = "cash"  # from the business's own cash
    LOAN = "loan"
    LEASE = "lease"
    GRANT = "grant"
    OTHER = "other"


class BenefitCategory(StrEnum):
    REVENUE = "revenue"  # revenue increase
    COST_SAVINGS = "cost_savings"
    PRODUCTIVITY = "productivity"  # hours saved per week x hourly rate x working weeks
    RISK_REDUCTION = "risk_reduction"  # annual probability x loss avoided
    OTHER = "other"


class LineKind(StrEnum):
    """A cost or benefit line is paid once (in one lifecycle year) or every year of a range."""

    ONE_OFF = "one_off"
    RECURRING = "recurring"


class Rag(StrEnum):
    """The owner's status colour of an initiative under way: on track, at risk, in trouble."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Verdict(StrEnum):
    """What a quarterly review decided for an initiative."""

    CONTINUE = "continue"
    CHANGE = "change"
    STOP = "stop"


class RiskCategory(StrEnum):
    IMPLEMENTATION = "implementation"
    OBSOLESCENCE = "obsolescence"
    SECURITY = "security"
    INTEGRATION = "integration"
    OTHER = "other"


class RiskStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class RaciRole(StrEnum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"


class KpiDirection(StrEnum):
    """Whether a KPI improves when it goes up or when it goes down."""

    INCREASE = "increase"
    DECREASE = "decrease"


class Quadrant(StrEnum):
    """Category on the impact x feasibility grid (DESIGN section 4)."""

    QUICK_WIN = "quick_win"
    STRATEGIC_BET = "strategic_bet"
    BACK_BURNER = "back_burner"
    UNSCORED = "unscored"


class Scenario(StrEnum):
    OPTIMISTIC = "optimistic"
    LIKELY = "likely"
    PESSIMISTIC = "pessimistic"


LABELS: dict[StrEnum, str] = {
    Perspective.FINANCIAL: "Financial",
    Perspective.CUSTOMER: "Customer",
    Perspective.INTERNAL_PROCESS: "Internal process",
    Perspective.LEARNING_GROWTH: "Learning and growth",
    CostCategory.PURCHASE: "Purchase & licences",
    CostCategory.IMPLEMENTATION: "Implementation",
    CostCategory.TRAINING: "Training",
    CostCategory.MAINTENANCE: "Maintenance & support",
    CostCategory.OPERATIONS: "Operations",
    CostCategory.DECOMMISSIONING: "Decommissioning",
    BenefitCategory.REVENUE: "Revenue increase",
    BenefitCategory.COST_SAVINGS: "Cost savings",
    BenefitCategory.PRODUCTIVITY: "Productivity",
    BenefitCategory.RISK_REDUCTION: "Risk reduction",
    BenefitCategory.OTHER: "Other",
    Rag.GREEN: "Green",
    Rag.AMBER: "Amber",
    Rag.RED: "Red",
    Quadrant.QUICK_WIN: "Quick win",
    Quadrant.STRATEGIC_BET: "Strategic bet",
    Quadrant.BACK_BURNER: "Back burner",
    Quadrant.UNSCORED: "Unscored",
}


def label(value: StrEnum) -> str:
    """A human label for an enum value (falls back to the value, capitalised)."""
    return LABELS.get(value, value.value.replace("_", " ").capitalize())
