"""Hand-built options and plans for the uncertainty tests."""

from __future__ import annotations

from smbplanner.domain.enums import BenefitCategory, CostCategory, InitiativeStatus, LineKind
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option

#: A business whose scenario factors are all ×1: no uncertainty at all.
CERTAIN = {
    "optimistic_cost_bp": 10_000,
    "pessimistic_cost_bp": 10_000,
    "optimistic_benefit_bp": 10_000,
    "pessimistic_benefit_bp": 10_000,
}


def business(rate_bp: int = 800, **factors: int) -> Business:
    return Business("Test Ltd", discount_rate_bp=rate_bp, **factors)


def simple_option(cost: int = 100_000, benefit: int = 40_000, life: int = 5) -> Option:
    """A one-off cost in year 0 (id 1) and a benefit in years 1..life−1 (id 1)."""
    return Option(
        "Only",
        chosen=True,
        life_years=life,
        costs=[CostLine(CostCategory.PURCHASE, cost, LineKind.ONE_OFF, 0, 0, id=1)],
        benefits=[BenefitLine(BenefitCategory.COST_SAVINGS, benefit, LineKind.RECURRING, 1,
                              life - 1, id=1)],
    )


def initiative(option: Option | None, ident: int | None = 1,
               status: InitiativeStatus = InitiativeStatus.PROPOSED) -> Initiative:
    return Initiative(f"Initiative {ident}", options=[] if option is None else [option],
                      status=status, id=ident)
