"""An option's lines on a year-by-category grid, and an initiative's options side by side.

``line_grid`` spreads an option's cost (or benefit) lines over its lifecycle years per
category, with totals and, for every cell, the lines it is made of. ``cell_edit`` decides
what typing an amount into a cell means: a one-off line is added, changed or removed; a cell
that a recurring line covers (or that several one-off lines make up) is refused with the
reason, because one number cannot say which line to change.

``compare_options`` gives each option's costs by year (cumulative too), TCO, up-front cost,
NPV and payback under a scenario, with a short verdict in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import Literal

from smbplanner.analysis import cashflow
from smbplanner.analysis.figures import Figures, option_figures
from smbplanner.analysis.rounding import allocate, whole
from smbplanner.domain import numbers
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, Scenario, label
from smbplanner.domain.model import BenefitLine, Business, CostLine, Initiative, Option

Category = CostCategory | BenefitCategory
Line = CostLine | BenefitLine
LinesKind = Literal["cost", "benefit"]
#: Formats a number with a given count of decimals ("12,500.50"); the UI passes its locale's.
NumberFormat = Callable[[float, int], str]


def plain_number(value: float, decimals: int) -> str:
    """12500.5, 2 -> "12,500.50" (locale-neutral; ``domain.numbers.decimal``)."""
    return numbers.decimal(value, decimals)


def trimmed(value: float, decimals: int, number: NumberFormat = plain_number) -> str:
    """At most ``decimals`` decimals, without trailing zeros ("3", "2.5", "1.075")."""
    target = round(value, decimals)
    shortest = next(d for d in range(decimals + 1) if round(value, d) == target)
    return number(value, shortest)


def whole_money(cents: float, number: NumberFormat = plain_number) -> str:
    """Cents as whole currency units, rounded ("4,826", "−310")."""
    text = number(numbers.whole(cents), 0)  # half away from zero, as everywhere
    return f"−{text[1:]}" if text.startswith("-") else text


def money_text(cents: float, number: NumberFormat = plain_number) -> str:
    """Cents as currency units: whole units when whole ("4,200"), else two decimals."""
    whole = isinstance(cents, int) and cents % 100 == 0
    return number(cents / 100, 0 if whole else 2)


# --- the grid of one option's lines ---------------------------------------------------------


@dataclass(frozen=True)
class LineGrid:
    """Cents per category and lifecycle year, with totals and each cell's lines."""

    kind: LinesKind
    life_years: int
    categories: tuple[Category, ...]
    amounts: dict[Category, list[int]]
    year_totals: list[int]
    category_totals: dict[Category, int]
    total: int
    cells: dict[tuple[Category, int], tuple[Line, ...]]

    @cached_property
    def shown(self) -> dict[Category, list[int]]:
        """Whole units per cell as shown, allocated so that they add up to the total shown
        (``analysis.rounding``): the grid's totals are sums of the shown cells."""
        flat = allocate([c for cat in self.categories for c in self.amounts[cat]],
                        whole(self.total))
        life = self.life_years
        return {cat: flat[n * life:(n + 1) * life] for n, cat in enumerate(self.categories)}

    def shown_at(self, category: Category | None, year: int | None) -> int:
        """A shown cell (``year`` None: the category's total; ``category`` None: the year's
        total, or the grand total when both are None)."""
        rows = [self.shown[category]] if category is not None else list(self.shown.values())
        return sum(sum(r) if year is None else r[year] for r in rows)

    def lines_at(self, category: Category, year: int) -> tuple[Line, ...]:
        """The lines that fall in this cell (one-off in that year, or recurring over it)."""
        return self.cells.get((category, year), ())


def _lines(option: Option, kind: LinesKind) -> Sequence[Line]:
    return option.costs if kind == "cost" else option.benefits


def line_grid(option: Option, kind: LinesKind) -> LineGrid:
    """The option's costs (``kind="cost"``) or benefits on the year-by-category grid."""
    life = option.life_years
    by_category: dict[Category, list[int]]
    if kind == "cost":
        by_category = {c: v for c, v in cashflow.costs_by_category(option).items()}
        categories: tuple[Category, ...] = tuple(CostCategory)
        year_totals = cashflow.costs_by_year(option)
    else:
        by_category = {c: v for c, v in cashflow.benefits_by_category(option).items()}
        categories = tuple(BenefitCategory)
        year_totals = cashflow.benefits_by_year(option)
    cells: dict[tuple[Category, int], list[Line]] = {}
    for line in _lines(option, kind):
        first = line.year_from
        last = line.year_from if line.kind == LineKind.ONE_OFF else line.year_to
        for year in range(max(first, 0), min(last, life - 1) + 1):
            cells.setdefault((line.category, year), []).append(line)
    category_totals = {c: sum(by_category[c]) for c in categories}
    return LineGrid(
        kind=kind,
        life_years=life,
        categories=categories,
        amounts=by_category,
        year_totals=year_totals,
        category_totals=category_totals,
        total=sum(year_totals),
        cells={key: tuple(lines) for key, lines in cells.items()},
    )


def _describe(line: Line, number: NumberFormat) -> str:
    name = f"“{line.description}”" if line.description.strip() else "without a description"
    years = f"years {line.year_from}–{line.year_to}"
    growth = ""
    if line.escalation_bp:
        sign = "+" if line.escalation_bp > 0 else ""
        growth = f", {sign}{trimmed(line.escalation_bp / 100, 2, number)} % a year"
    return f"{name} ({money_text(line.amount_cents, number)} a year, {years}{growth})"


def cell_locked(
    grid: LineGrid, category: Category, year: int, number: NumberFormat = plain_number
) -> str | None:
    """Why an amount cannot be typed into this cell, or None when it can."""
    lines = grid.lines_at(category, year)
    recurring = [line for line in lines if line.kind == LineKind.RECURRING]
    where = f"{label(category)} in year {year}"
    if len(recurring) == 1:
        return (
            f"{where} comes from the recurring line {_describe(recurring[0], number)}. "
            "Change that line in the list below."
        )
    if recurring:
        return (
            f"{where} comes from {len(recurring)} recurring lines. "
            "Change them in the list below."
        )
    if len(lines) > 1:
        return f"{where} is made of {len(lines)} one-off lines. Change them in the list below."
    return None


def beyond_life(line: Line, life_years: int) -> str | None:
    """Why part of a line is not counted (it reaches beyond the option's life), or None."""
    last = line.year_from if line.kind == LineKind.ONE_OFF else line.year_to
    if last < life_years:
        return None
    first = max(line.year_from, life_years)
    span = f"year {last}" if first == last else f"years {first}–{last}"
    return (
        f"Not counted in {span}: the option's life is {life_years} years "
        f"(years 0–{life_years - 1}). Lengthen the life or change the years."
    )


@dataclass(frozen=True)
class CellEdit:
    """What typing an amount into a cell does.

    ``action``: "add" a one-off line, "update" the one line in ``line_ids``, "delete" it
    (the amount typed is 0), "none" (nothing changes) or "refuse" (``reason`` says why).
    """

    action: Literal["add", "update", "delete", "none", "refuse"]
    category: Category
    year: int
    amount_cents: int = 0
    line_ids: tuple[int, ...] = ()
    reason: str = ""


def cell_edit(
    grid: LineGrid,
    category: Category,
    year: int,
    amount_cents: int,
    number: NumberFormat = plain_number,
) -> CellEdit:
    """The edit that makes the cell (category, year) hold ``amount_cents``."""
    if not 0 <= year < grid.life_years:
        return CellEdit("refuse", category, year, amount_cents, reason="is outside the life")
    reason = cell_locked(grid, category, year, number)
    if reason is not None:
        return CellEdit("refuse", category, year, amount_cents, reason=reason)
    lines = grid.lines_at(category, year)
    if not lines:
        action: Literal["add", "none"] = "add" if amount_cents else "none"
        return CellEdit(action, category, year, amount_cents)
    line = lines[0]
    ids = (line.id,) if line.id is not None else ()
    if amount_cents == 0:
        return CellEdit("delete", category, year, 0, ids)
    if amount_cents == line.amount_cents:
        return CellEdit("none", category, year, amount_cents, ids)
    return CellEdit("update", category, year, amount_cents, ids)


# --- options side by side -------------------------------------------------------------------


@dataclass(frozen=True)
class OptionColumn:
    """One option's comparison figures under a scenario (money in cents)."""

    option_id: int | None
    name: str
    chosen: bool  # the option that feeds the plan
    life_years: int
    costs: list[int]
    cumulative_costs: list[int]
    tco_cents: int
    upfront_cents: int  # costs in year 0
    npv_cents: float
    payback_years: float | None
    figures: Figures


@dataclass(frozen=True)
class Comparison:
    scenario: Scenario
    columns: list[OptionColumn]
    verdict: str

    @property
    def years(self) -> int:
        """The longest life among the options (rows of a by-year table)."""
        return max((c.life_years for c in self.columns), default=0)


def option_column(
    option: Option, chosen: bool, business: Business, scenario: Scenario = Scenario.LIKELY
) -> OptionColumn:
    figures = option_figures(option, business, scenario)
    return OptionColumn(
        option_id=option.id,
        name=option.name,
        chosen=chosen,
        life_years=option.life_years,
        costs=figures.costs,
        cumulative_costs=list(accumulate(figures.costs)),
        tco_cents=figures.tco_cents,
        upfront_cents=figures.costs[0] if figures.costs else 0,
        npv_cents=figures.npv_cents,
        payback_years=figures.payback_years,
        figures=figures,
    )


def compare_options(
    initiative: Initiative,
    business: Business,
    scenario: Scenario = Scenario.LIKELY,
    number: NumberFormat = plain_number,
) -> Comparison:
    """The initiative's options side by side, in their stored order."""
    feeding = initiative.chosen_option
    columns = [
        option_column(o, feeding is not None and o.id == feeding.id, business, scenario)
        for o in initiative.options
    ]
    return Comparison(scenario, columns, verdict(columns, number))


def _more_less(difference: float) -> str:
    return "more" if difference > 0 else "less"


def _cost_sentence(a: OptionColumn, b: OptionColumn, number: NumberFormat) -> str:
    tco = a.tco_cents - b.tco_cents
    up = a.upfront_cents - b.upfront_cents
    if a.life_years == b.life_years:
        span = f"over {a.life_years} years"
    else:
        span = f"over its {a.life_years}-year life ({b.name}: {b.life_years} years)"
    if tco == 0:
        first = f"{a.name} costs the same as {b.name} {span}"
    else:
        first = f"{a.name} costs {whole_money(abs(tco), number)} {_more_less(tco)} {span}"
    if up == 0:
        second = "with the same up-front cost"
    else:
        joint = "and" if tco == 0 or (tco > 0) == (up > 0) else "but"
        second = f"{joint} needs {whole_money(abs(up), number)} {_more_less(up)} up front"
    tail = "" if tco == 0 else f" than {b.name}"
    return f"{first} {second}{tail}."


def verdict(columns: Sequence[OptionColumn], number: NumberFormat = plain_number) -> str:
    """A short comparison in words: the chosen option's costs against each other option's,
    then which option has the highest NPV."""
    if not columns:
        return "No options yet: add one to cost this initiative."
    if len(columns) == 1:
        return (
            f"Only one option ({columns[0].name}). Add another, such as cloud against "
            "on-premises, to compare them side by side."
        )
    subject = next((c for c in columns if c.chosen), columns[0])
    sentences = [_cost_sentence(subject, o, number) for o in columns if o is not subject]
    ranked = sorted(columns, key=lambda c: c.npv_cents, reverse=True)
    best, runner = ranked[0], ranked[1]
    gap = best.npv_cents - runner.npv_cents
    if gap == 0:
        sentences.append(f"{best.name} and {runner.name} have the same NPV.")
    else:
        most = "higher" if len(columns) == 2 else "highest"
        sentences.append(
            f"{best.name} has the {most} NPV ({whole_money(best.npv_cents, number)}), "
            f"{whole_money(gap, number)} more than {runner.name} in today's money."
        )
    return " ".join(sentences)
