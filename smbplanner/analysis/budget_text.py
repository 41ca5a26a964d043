"""The budget statement in words, for the board pack, ``summary`` and ``check`` (the Budget
page words it the same way through ``ui/fmt``). Made on the printed figures
(``budget.Shown``), so the sentence and the table beside it always agree."""

from __future__ import annotations

from smbplanner.analysis.budget import BudgetStatement, Shown
from smbplanner.domain.enums import Portfolio
from smbplanner.domain.numbers import signed, units

ENVELOPE = {Portfolio.RUN: "Run", Portfolio.CHANGE: "Change"}


def over_text(row: Shown, currency: str = "") -> str:
    """What is over in a year: "Change +3,000" or "Run +500, Change +3,000"."""
    return ", ".join(f"{ENVELOPE[p]} {signed(v, currency)}" for p, v in row.over_envelopes)


def year_list(years: list[int]) -> str:
    """2026, 2027, 2029 → "2026–2027, 2029"."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and runs[-1][-1] == year - 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def budget_sentence(statement: BudgetStatement, currency: str = "") -> str:
    """One sentence: over budget where and by how much per envelope, else within budget;
    the years without a budget named as such."""
    budgeted, over = statement.budgeted, statement.over
    if not budgeted:
        return "No budget set"
    if over:
        text = "Over budget in " + ", ".join(
            f"{y.year} ({over_text(y, currency)})" for y in over)
        text += f" — {len(over)} of {len(budgeted)} budgeted years"
    else:
        n = len(budgeted)
        text = "Within budget in the budgeted year" if n == 1 else (
            f"Within budget in all {n} budgeted years")
    if statement.unbudgeted:
        text += f"; no budget set for {year_list([y.year for y in statement.unbudgeted])}"
    return text


def budget_headline(statement: BudgetStatement, currency: str = "") -> str:
    """``budget_sentence`` short enough for a tile: over in more than two years, the years
    as ranges and the year most over, instead of every year's envelopes."""
    over = statement.over
    if len(over) <= 2:
        return budget_sentence(statement, currency)
    most = max(over, key=lambda y: (sum(v for _, v in y.over_envelopes), -y.year))
    text = (f"Over budget in {len(over)} of {len(statement.budgeted)} budgeted years "
            f"({year_list([y.year for y in over])}); most in {most.year} "
            f"({over_text(most, currency)})")
    if statement.unbudgeted:
        text += f"; no budget set for {year_list([y.year for y in statement.unbudgeted])}"
    return text


def check_messages(statement: BudgetStatement, currency: str) -> list[tuple[int, str]]:
    """``check``'s warnings: one per year and envelope that is over, as (year, message)."""
    found = []
    for y in statement.over:
        for envelope, value in y.over_envelopes:
            run = envelope == Portfolio.RUN
            planned = y.planned_run if run else y.planned_change
            budget = y.budget_run if run else y.budget_change
            name = ENVELOPE[envelope]
            found.append((y.year, (
                f"planned {name} spend in {y.year} of {units(planned, currency)} is "
                f"{units(value, currency)} over the {name} budget of "
                f"{units(budget, currency)}")))
    return found
