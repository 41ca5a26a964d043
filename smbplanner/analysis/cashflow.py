"""Cost and benefit lines spread over an option's lifecycle years, in exact integer cents.

Year 0 is the year the initiative starts. A one-off line falls in ``year_from``; a recurring
line falls in every year ``year_from..year_to`` and grows by ``escalation_bp`` a year from
its first year: the amount in year t is ``amount × (1 + escalation)^(t − year_from)``,
computed exactly with ``Decimal`` and rounded half-up to whole cents, year by year (no
rounding carries from one year to the next). Years at or beyond the option's life are
ignored. Scenario factors scale each year's total, again rounded half-up to whole cents.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine, Option
from smbplanner.domain.money import BP, round_cents


def _exact_ratio_cents(numerator: int, denominator_power_of_ten: int) -> int:
    """``numerator / 10**k`` rounded half-up to an integer, computed exactly in Decimal."""
    with localcontext() as ctx:
        ctx.prec = len(str(abs(numerator))) + denominator_power_of_ten + 4
        return round_cents(Decimal(numerator).scaleb(-denominator_power_of_ten))


def escalated_amount(amount_cents: int, escalation_bp: int, years: int) -> int:
    """``amount × (1 + escalation_bp/10000)^years``, rounded half-up to whole cents."""
    if years < 0:
        raise ValueError("years must be ≥ 0")
    if escalation_bp == 0 or years == 0:
        return amount_cents
    # (BP + e)^n / BP^n with BP = 10^4: an exact decimal shift of an exact integer.
    return _exact_ratio_cents(amount_cents * (BP + escalation_bp) ** years, 4 * years)


def line_amounts(line: CostLine | BenefitLine, life_years: int) -> list[int]:
    """Cents of one line in each lifecycle year t = 0..life_years−1."""
    amounts = [0] * max(life_years, 0)
    if line.kind == LineKind.ONE_OFF:
        if 0 <= line.year_from < life_years:
            amounts[line.year_from] = line.amount_cents
        return amounts
    first = max(line.year_from, 0)
    last = min(line.year_to, life_years - 1)
    for t in range(first, last + 1):
        amounts[t] = escalated_amount(line.amount_cents, line.escalation_bp, t - line.year_from)
    return amounts


def _sum_lines(lines: list[CostLine] | list[BenefitLine], life_years: int) -> list[int]:
    totals = [0] * max(life_years, 0)
    for line in lines:
        for t, cents in enumerate(line_amounts(line, life_years)):
            totals[t] += cents
    return totals


def costs_by_year(option: Option) -> list[int]:
    """The option's costs in cents per lifecycle year (length ``option.life_years``)."""
    return _sum_lines(option.costs, option.life_years)


def benefits_by_year(option: Option) -> list[int]:
    """The option's benefits in cents per lifecycle year (length ``option.life_years``)."""
    return _sum_lines(option.benefits, option.life_years)


def costs_by_category(option: Option) -> dict[CostCategory, list[int]]:
    """Costs per year for every cost category (in enum order; zeros where there are none)."""
    life = option.life_years
    return {
        category: _sum_lines([c for c in option.costs if c.category == category], life)
        for category in CostCategory
    }


def benefits_by_category(option: Option) -> dict[BenefitCategory, list[int]]:
    """Benefits per year for every benefit category (in enum order; zeros where none)."""
    life = option.life_years
    return {
        category: _sum_lines([b for b in option.benefits if b.category == category], life)
        for category in BenefitCategory
    }


def scale(cents_by_year: list[int], factor_bp: int) -> list[int]:
    """Each year × ``factor_bp``/10000, rounded half-up to whole cents (exact)."""
    if factor_bp == BP:
        return list(cents_by_year)
    return [_exact_ratio_cents(cents * factor_bp, 4) for cents in cents_by_year]
