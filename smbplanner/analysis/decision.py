"""The decision the board pack asks for: which initiatives form the ask, what they cost by
year beside what is already approved, what the ask returns, and what doing nothing costs.

- **The ask** is every *proposed* initiative (plan order); **already approved** is every
  initiative approved or in progress. Done, on hold and cancelled initiatives are neither.
- Money follows the presentation rule (``analysis.rounding``): each initiative's TCO, benefits
  and NPV in the pack's scenario are rounded to whole units and the ask's totals are the sums
  of those rounded figures, so the resolution's amount equals the sum of the TCOs printed for
  the proposed initiatives (and of the dump's ``tco`` rounded one by one). By year, each
  initiative's TCO is allocated over its calendar years (``allocate``), so every year row and
  the total foot.
- **Payback of the ask**: on the ask's summed cash flows by calendar year, from its first year.
- **Range**: ``portfolio_range`` of the ask (``p_positive``: the share of 10,000 draws in
  which the ask's NPV is above zero), told as the app tells it (``uncertainty.words``).
- **Budget** of an initiative: the envelope of its portfolio ("IT Change budget" / "IT Run
  budget"); **funding**: how it is paid (``Initiative.funding``: cash, loan, lease, grant,
  other). The ask's funding split (``funding_split``) sums each initiative's printed TCO by
  source, so it foots to the ask. **The resolution** is the owner's sentence
  (``Business.resolution``) when there is one, else the one built from the figures
  (``Decision.built``, which the app shows as the starting point).
- **Doing nothing**: systems past their end of life (``assessment.past_end_of_life``) with
  their annual run cost (most critical first, then the costliest), and the open high and
  critical risks (``risks.top_risks``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from smbplanner.analysis import finance
from smbplanner.analysis.assessment import past_end_of_life
from smbplanner.analysis.figure_cache import FigureCache
from smbplanner.analysis.figures import Figures
from smbplanner.analysis.risks import CRITICAL, HIGH, PlanRisk, band, top_risks
from smbplanner.analysis.rounding import allocate, whole
from smbplanner.analysis.tracking import initiative_tracking, tracking_year
from smbplanner.analysis.tracking_text import TrackingShown, shown
from smbplanner.analysis.uncertainty.cache import RangeCache
from smbplanner.analysis.uncertainty.model import NpvRange
from smbplanner.analysis.uncertainty.words import chance_sentence
from smbplanner.domain.enums import (
    Criticality,
    FundingSource,
    InitiativeStatus,
    Portfolio,
    Scenario,
)
from smbplanner.domain.model import Initiative, Plan, System
from smbplanner.domain.numbers import units, years

ASKED = (InitiativeStatus.PROPOSED,)
_CRITICALITY = list(Criticality)
APPROVED = (InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS)
_ENVELOPE = {Portfolio.RUN: "IT Run budget", Portfolio.CHANGE: "IT Change budget"}


@dataclass(frozen=True)
class YearRow:
    year: int
    approved: int  # whole units, allocated from each initiative's TCO
    asked: int

    @property
    def total(self) -> int:
        return self.approved + self.asked


#: How the resolution says each way of paying.
PAID = {FundingSource.CASH: "from the business's own cash", FundingSource.LOAN: "by a loan",
        FundingSource.LEASE: "by leasing", FundingSource.GRANT: "by a grant",
        FundingSource.OTHER: "by other means"}


@dataclass(frozen=True)
class FundingRow:
    source: FundingSource
    count: int  # initiatives
    amount: int  # whole units: the sum of their printed TCOs


def funding_split(items: list[tuple[Initiative, Figures]]) -> list[FundingRow]:
    """Initiatives and their printed TCOs by funding source (sources in the enum's order,
    those with no initiative left out); the amounts add up to the items' printed TCO."""
    counts: dict[FundingSource, int] = {}
    amounts: dict[FundingSource, int] = {}
    for initiative, f in items:
        counts[initiative.funding] = counts.get(initiative.funding, 0) + 1
        amounts[initiative.funding] = amounts.get(initiative.funding, 0) + whole(f.tco_cents)
    return [FundingRow(s, counts[s], amounts[s]) for s in FundingSource if s in counts]


@dataclass(frozen=True)
class Decision:
    scenario: Scenario
    asked: list[Initiative]
    approved: list[Initiative]
    asked_tco: int  # Σ of each proposed initiative's whole-unit TCO
    asked_benefits: int
    asked_npv: int
    approved_tco: int
    rows: list[YearRow]
    payback_years: float | None
    p_positive: float | None
    trials: int
    sources: list[str]  # the budgets the ask is funded from, in order of first mention
    resolution: str  # the owner's sentence, else ``built``
    stale_systems: list[System] = field(default_factory=list)
    open_high_risks: list[PlanRisk] = field(default_factory=list)
    #: The ask's own top open risks (at most 3).
    asked_risks: list[PlanRisk] = field(default_factory=list)
    #: Approved work forecast to cost more than planned (printed overrun > 0), largest first.
    overruns: list[tuple[Initiative, TrackingShown]] = field(default_factory=list)
    #: The ask's printed TCO by funding source (footing to ``asked_tco``).
    funding: list[FundingRow] = field(default_factory=list)
    #: The resolution built from the figures (what ``resolution`` is unless the owner wrote
    #: one).
    built: str = ""

    @property
    def first_year(self) -> int | None:
        spent = [r.year for r in self.rows if r.asked]
        return spent[0] if spent else None

    @property
    def last_year(self) -> int | None:
        spent = [r.year for r in self.rows if r.asked]
        return spent[-1] if spent else None

    @property
    def stale_run_cost(self) -> int:
        """The annual run cost of the systems past end of life, in whole units (footed)."""
        return sum(whole(s.annual_run_cost_cents) for s in self.stale_systems)


def budget_of(initiative: Initiative) -> str:
    """The budget an initiative is paid from: its portfolio's envelope."""
    return _ENVELOPE[initiative.portfolio]


def _by_year(items: list[tuple[Initiative, Figures]], into: dict[int, int]) -> None:
    for initiative, f in items:
        shares = allocate([Fraction(c) for c in f.costs], whole(f.tco_cents))
        for t, amount in enumerate(shares):
            if amount:
                year = initiative.start_year + t
                into[year] = into.get(year, 0) + amount


def _names(items: list[Initiative], limit: int = 4) -> str:
    """Up to ``limit`` names (else the first ``limit - 1`` and "n more")."""
    shown = items if len(items) <= limit else items[: limit - 1]
    names = [" ".join(i.name.split()) for i in shown]
    if len(items) > len(shown):
        names.append(f"{len(items) - len(shown)} more")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _paid(funding: list[FundingRow], currency: str) -> str:
    if not funding:
        return ""
    if len(funding) == 1:
        return f" and paid {PAID[funding[0].source]}"
    parts = [f"{units(r.amount, currency)} {PAID[r.source]}" for r in funding]
    return " and paid " + ", ".join(parts[:-1]) + " and " + parts[-1]


def _sentence(plan: Plan, asked: list[Initiative], tco: int, first: int | None,
              last: int | None, sources: list[str], funding: list[FundingRow]) -> str:
    if not asked and not plan.initiatives:
        return ("No new spending is asked for: the plan has no initiatives yet. The board is "
                "asked to note the plan as a draft.")
    if not asked:
        return ("No new spending is asked for: no initiative is proposed. The board is asked "
                "to note the plan and the progress of the approved initiatives.")
    cur = plan.business.currency
    span = "" if first is None else (
        f" in {first}" if first == last else f" over {first}–{last}")
    what = "the proposed initiative" if len(asked) == 1 else (
        f"the {len(asked)} proposed initiatives")
    source = "the " + sources[0] if len(sources) == 1 else (
        "the " + ", the ".join(sources[:-1]) + " and the " + sources[-1])
    if sources == [_ENVELOPE[Portfolio.RUN], _ENVELOPE[Portfolio.CHANGE]] or sources == [
            _ENVELOPE[Portfolio.CHANGE], _ENVELOPE[Portfolio.RUN]]:
        source = "the IT Run and IT Change budgets"
    return (f"The board is asked to approve {what} ({_names(asked)}) at a total cost of "
            f"ownership of {units(tco, cur)}{span}, funded from {source}"
            f"{_paid(funding, cur)}.")


def decision(plan: Plan, scenario: Scenario = Scenario.LIKELY, *,
             cache: FigureCache | None = None,
             ask_range: NpvRange | None = None) -> Decision:
    """The decision the plan asks for. ``ask_range`` is the ask's ``portfolio_range``
    (``asked_range``); passing it keeps numpy out of callers that do not need it."""
    cache = FigureCache() if cache is None else cache
    b = plan.business

    def figured(statuses: tuple[InitiativeStatus, ...]) -> list[tuple[Initiative, Figures]]:
        out = []
        for i in plan.initiatives:
            if i.status in statuses and (f := cache.initiative(i, b, scenario)) is not None:
                out.append((i, f))
        return out

    asked_f, approved_f = figured(ASKED), figured(APPROVED)
    asked = [i for i in plan.initiatives if i.status in ASKED]
    approved = [i for i in plan.initiatives if i.status in APPROVED]
    by_asked: dict[int, int] = {}
    by_approved: dict[int, int] = {}
    _by_year(asked_f, by_asked)
    _by_year(approved_f, by_approved)
    rows = [YearRow(y, by_approved.get(y, 0), by_asked.get(y, 0))
            for y in sorted(set(by_asked) | set(by_approved))]
    flows: dict[int, int] = {}
    for i, f in asked_f:
        for t, cents in enumerate(f.cash_flows):
            flows[i.start_year + t] = flows.get(i.start_year + t, 0) + cents
    span = range(min(flows), max(flows) + 1) if flows else range(0)
    payback = finance.payback([flows.get(y, 0) for y in span]) if flows else None
    sources = list(dict.fromkeys(budget_of(i) for i in asked))
    funding = funding_split(asked_f)
    tco = sum(whole(f.tco_cents) for _, f in asked_f)
    spent = [r.year for r in rows if r.asked]
    largest = [i for i, _ in sorted(asked_f, key=lambda e: -e[1].tco_cents)]
    largest += [i for i in asked if all(i is not j for j in largest)]
    built = _sentence(plan, largest, tco, spent[0] if spent else None,
                      spent[-1] if spent else None, sources, funding)
    text = " ".join(b.resolution.split()) or built
    stale = sorted((s for s in plan.systems if past_end_of_life(s, b.start_year)),
                   key=lambda s: (-_CRITICALITY.index(s.criticality), -s.annual_run_cost_cents))
    ranked = top_risks(plan, sum(len(i.risks) for i in plan.initiatives))
    high = [r for r in ranked if band(r.score) in (HIGH, CRITICAL)]
    asked_ids = {i.id for i in asked if i.id is not None}
    ask_risks = [r for r in ranked if r.initiative_id in asked_ids]
    return Decision(
        scenario, asked, approved, tco,
        sum(whole(f.benefits_cents) for _, f in asked_f),
        sum(whole(f.npv_cents) for _, f in asked_f),
        sum(whole(f.tco_cents) for _, f in approved_f),
        rows, payback, ask_range.p_positive if ask_range else None,
        ask_range.draws if ask_range else 0,
        sources, text, stale, high, ask_risks[:3], overruns(plan, approved), funding, built)


def overruns(
    plan: Plan, approved: list[Initiative]
) -> list[tuple[Initiative, TrackingShown]]:
    """The approved initiatives whose forecast cost at completion is above their planned TCO
    on the printed figures (``analysis.tracking``), largest overrun first."""
    through = tracking_year(plan)
    found = []
    for initiative in approved:
        printed = shown(initiative_tracking(initiative, plan.business, through))
        if printed.overrun > 0:
            found.append((initiative, printed))
    return sorted(found, key=lambda e: -e[1].overrun)


def asked_range(plan: Plan, cache: RangeCache | None = None) -> NpvRange | None:
    """The ask's NPV range (``portfolio_range`` of the proposed initiatives; imports numpy)."""
    from smbplanner.analysis.uncertainty.ranges import portfolio_range

    asked = [i for i in plan.initiatives if i.status in ASKED]
    return portfolio_range(asked, plan.business, cache=cache) if asked else None


def return_sentence(d: Decision, currency: str) -> str:
    """What the ask returns, in one or two sentences on the printed figures."""
    if not d.asked:
        return ""
    text = (f"Over their lives the proposed initiatives bring {units(d.asked_benefits, currency)}"
            f" of benefits for {units(d.asked_tco, currency)} of costs: a net present value "
            f"of {units(d.asked_npv, currency)}")
    text += (f", paid back after {years(d.payback_years)}." if d.payback_years is not None
             else "; the ask does not pay back within the initiatives' lives.")
    if d.p_positive is not None:
        share = int(d.p_positive * 100)  # what may happen, rounded down
        told = f"all {d.trials:,}" if d.p_positive >= 1 else f"{share} % of {d.trials:,}"
        text += (f" With every cost and benefit varied within the plan's scenario ranges: "
                 f"{chance_sentence(d.p_positive, 'the ask')[:-1]} (NPV above zero in {told} "
                 "trials).")
    return text
