"""The plan's cash flow by calendar year for a lender: capital and operating costs, benefits,
net and cumulative, in the view's scenario, for the initiatives the budget counts
(``budget.counted``: not cancelled, not on hold).

- **Capital or operating**: a cost line's own flag (``CostLine.capital``) when the owner set
  one, else its category's default (``default_capital``, the one place it is defined): a
  line is capital when its category is purchase & licences or implementation and it is paid
  once; operating otherwise, recurring licence fees (subscriptions) included, as a lender
  reads them.
- **Printed figures** (``analysis.rounding``): each initiative's costs are allocated per line
  and lifecycle year to whole units that add up to its printed TCO (``whole(tco_cents)``,
  as ``tco_table`` does per category), its benefits per year to its printed benefits; a
  year's cells are sums of those, Costs = Capital + Operating, Net = Benefits − Costs,
  Cumulative the running sum of the printed Net, and each total the sum of its column. So
  the costs total is the portfolio's printed TCO total.
- **The discount rate's rationale**: the owner's sentence (``Business.rate_rationale``), else
  a default sentence from the plan's rate (``rate_rationale``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from smbplanner.analysis.budget import counted
from smbplanner.analysis.cashflow import line_amounts
from smbplanner.analysis.figure_cache import FigureCache
from smbplanner.analysis.figures import scenario_factors
from smbplanner.analysis.rounding import allocate, whole
from smbplanner.domain.enums import CostCategory, LineKind, Scenario
from smbplanner.domain.model import DEFAULT_DISCOUNT_RATE_BP, Business, CostLine, Plan
from smbplanner.domain.money import BP

CAPITAL_CATEGORIES = (CostCategory.PURCHASE, CostCategory.IMPLEMENTATION)


def default_capital(line: CostLine) -> bool:
    """Capital unless the owner says otherwise: a one-off purchase & licences or
    implementation line (everything else, recurring licence fees included, is operating)."""
    return line.category in CAPITAL_CATEGORIES and line.kind == LineKind.ONE_OFF


def is_capital(line: CostLine) -> bool:
    """The line's own flag when the owner set one, else its category's default."""
    return default_capital(line) if line.capital is None else line.capital


@dataclass(frozen=True)
class CashRow:
    year: int
    capital: int  # whole units, as printed
    operating: int
    benefits: int

    @property
    def costs(self) -> int:
        return self.capital + self.operating

    @property
    def net(self) -> int:
        return self.benefits - self.costs


@dataclass(frozen=True)
class CashStatement:
    scenario: Scenario
    rows: list[CashRow]
    discount_rate_bp: int
    rationale: str

    @property
    def cumulative(self) -> list[int]:
        out, running = [], 0
        for row in self.rows:
            running += row.net
            out.append(running)
        return out

    def total(self, column: str) -> int:
        return sum(getattr(r, column) for r in self.rows)

    @property
    def turns_positive(self) -> int | None:
        """The first year from which the cumulative net stays at or above zero."""
        found = None
        for row, value in zip(self.rows, self.cumulative, strict=True):
            if value < 0:
                found = None
            elif found is None:
                found = row.year
        return found


def rate_rationale(rate_bp: int) -> str:
    """Why this discount rate, in a sentence (the default until the owner writes one)."""
    rate = f"{rate_bp / 100:g} %"
    if rate_bp == DEFAULT_DISCOUNT_RATE_BP:
        return (f"Future amounts are discounted at {rate} a year, the plan's default: about "
                "what a small business pays to borrow, plus a margin for the risk of the "
                "projects. Set your own cost of capital in the plan's settings if it differs.")
    return (f"Future amounts are discounted at {rate} a year, the rate set in the plan as "
            "its cost of capital (the return the business expects for tying up its money).")


def rationale_text(business: Business) -> str:
    """The owner's rationale for the discount rate (spaces tidied), else the default."""
    return " ".join(business.rate_rationale.split()) or rate_rationale(
        business.discount_rate_bp)


def cash_statement(plan: Plan, scenario: Scenario = Scenario.LIKELY, *,
                   cache: FigureCache | None = None) -> CashStatement:
    cache = FigureCache() if cache is None else cache
    b = plan.business
    cost_bp, _ = scenario_factors(b, scenario)
    capital: dict[int, int] = {}
    operating: dict[int, int] = {}
    benefits: dict[int, int] = {}

    def add(into: dict[int, int], year: int, amount: int) -> None:
        if amount:
            into[year] = into.get(year, 0) + amount

    for initiative in plan.initiatives:
        option = initiative.chosen_option
        f = cache.initiative(initiative, b, scenario)
        if not counted(initiative) or option is None or f is None:
            continue
        life = option.life_years
        lines = list(option.costs)
        amounts: list[Fraction | int] = [c for line in lines for c in line_amounts(line, life)]
        exact = amounts if cost_bp == BP else [Fraction(c * cost_bp, BP) for c in amounts]
        shares = allocate(exact, whole(f.tco_cents)) if exact else []
        for n, line in enumerate(lines):
            into = capital if is_capital(line) else operating
            for t in range(life):
                add(into, initiative.start_year + t, shares[n * life + t])
        gains = allocate(list[Fraction | int](f.benefits), whole(f.benefits_cents))
        for t, amount in enumerate(gains):
            add(benefits, initiative.start_year + t, amount)
    years = sorted(set(capital) | set(operating) | set(benefits))
    rows = [CashRow(y, capital.get(y, 0), operating.get(y, 0), benefits.get(y, 0))
            for y in years]
    return CashStatement(scenario, rows, b.discount_rate_bp, rationale_text(b))
