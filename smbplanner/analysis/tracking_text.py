"""Tracking in words and in printed whole units: one voice for the Tracking tab, the delivery
view and the pack.

The printed figures follow the presentation rule (``analysis.rounding``): spent, planned,
realised, forecast and planned TCO are each rounded to whole units; the variance, the
benefits' variance and the overrun are differences of those printed numbers, so a sentence
never contradicts the figures beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smbplanner.analysis.schedule import planned_end
from smbplanner.analysis.tracking import (
    Tracking,
    finish_slip_quarters,
    overdue,
    start_slip_quarters,
)
from smbplanner.domain import numbers
from smbplanner.domain.enums import Rag, label
from smbplanner.domain.model import Initiative
from smbplanner.domain.numbers import whole


@dataclass(frozen=True)
class TrackingShown:
    """A ``Tracking`` as printed: whole units, the differences made on the printed parts."""

    spent: int
    planned: int
    benefits: int
    planned_benefits: int
    forecast: int
    planned_tco: int
    npv: int
    planned_npv: int

    @property
    def variance(self) -> int:
        return self.spent - self.planned

    @property
    def benefit_variance(self) -> int:
        return self.benefits - self.planned_benefits

    @property
    def overrun(self) -> int:
        return self.forecast - self.planned_tco


def shown(t: Tracking) -> TrackingShown:
    return TrackingShown(
        spent=whole(t.spent_cents),
        planned=whole(t.planned_cents),
        benefits=whole(t.benefits_cents),
        planned_benefits=whole(t.planned_benefits_cents),
        forecast=whole(t.forecast_cents),
        planned_tco=whole(t.planned_tco_cents),
        npv=whole(t.npv_cents),
        planned_npv=whole(t.planned_npv_cents),
    )


def rag_text(rag: Rag | None) -> str:
    return "Not set" if rag is None else label(rag)


def _over_under(amount: int, currency: str, style: numbers.Style, over: str, under: str) -> str:
    if amount == 0:
        return "on plan"
    word = over if amount > 0 else under
    return f"{numbers.units(abs(amount), currency, style)} {word}"


def _quarters(n: int) -> str:
    return "1 quarter" if n == 1 else f"{n} quarters"


def schedule_sentence(initiative: Initiative, as_of: date) -> str:
    """When it started and finished against the plan, or that it is past due."""
    parts: list[str] = []
    start = start_slip_quarters(initiative)
    if start is None:
        parts.append("Not started yet.")
    elif start > 0:
        parts.append(f"Started {_quarters(start)} late.")
    elif start < 0:
        parts.append(f"Started {_quarters(-start)} early.")
    else:
        parts.append("Started as planned.")
    finish = finish_slip_quarters(initiative)
    if finish is not None:
        if finish > 0:
            parts.append(f"Finished {_quarters(finish)} late.")
        elif finish < 0:
            parts.append(f"Finished {_quarters(-finish)} early.")
        else:
            parts.append("Finished as planned.")
    elif overdue(initiative, as_of):
        parts.append(f"Past due: planned to end by {numbers.day(planned_end(initiative))}.")
    return " ".join(parts)


def tracking_sentences(
    initiative: Initiative,
    t: Tracking,
    currency: str,
    as_of: date,
    style: numbers.Style = numbers.PLAIN,
) -> list[str]:
    """What the Tracking tab and the pack say about one initiative against its plan."""
    s = shown(t)

    def money(value: int) -> str:
        return numbers.units(value, currency, style)

    lines = [schedule_sentence(initiative, as_of)]
    if t.through_year is None:
        lines.append("No actual spend or benefits are recorded in the plan yet.")
    else:
        lines.append(
            f"To the end of {t.through_year}: spent {money(s.spent)} against {money(s.planned)} "
            f"planned ({_over_under(s.variance, currency, style, 'over', 'under')})."
        )
        lines.append(
            f"Benefits realised: {money(s.benefits)} against {money(s.planned_benefits)} "
            f"planned ({_over_under(s.benefit_variance, currency, style, 'ahead', 'behind')})."
        )
    whose = "the owner's estimate" if t.owner_forecast else "actual to date plus the remaining plan"
    lines.append(
        f"Forecast cost at completion: {money(s.forecast)}, {whose} (planned "
        f"{money(s.planned_tco)}: {_over_under(s.overrun, currency, style, 'over', 'under')})."
    )
    lines.append(f"NPV re-forecast: {money(s.npv)} (planned {money(s.planned_npv)}).")
    return lines
