"""What the prioritisation board shows beside its cards: which initiatives pass the filters,
counts and total TCO per category, the Run / Change balance, and the rules of moving a card.

- Filters: an initiative is shown when it matches every filter that is set — its portfolio,
  its status, and (goal filter) a link to that goal. Cancelled initiatives are never on the
  board.
- Summary: per category (quick wins, strategic bets, back burner, unscored) the number of
  shown initiatives and the sum of their TCO (an initiative without an option counts 0);
  the Run / Change balance is ``portfolio.run_change_split`` of the shown initiatives (on
  hold included: the board shows them).
- Moving: a board position (unit coordinates, ``board.to_unit``'s inverse) becomes a score
  rounded to the nearest half step within 1–5; the undo step is named after the category the
  cards land in ("Move 'CRM' to Quick wins", "Move 3 cards to Strategic bets").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from smbplanner.analysis.board import AXIS_HIGH, AXIS_LOW
from smbplanner.analysis.figures import Figures, initiative_figures
from smbplanner.analysis.portfolio import RunChangeSplit, run_change_split
from smbplanner.analysis.quadrant import initiative_quadrant, quadrant
from smbplanner.analysis.risks import CRITICAL, HIGH, band, counts_toward_map
from smbplanner.analysis.rounding import whole
from smbplanner.analysis.suggest import half_step
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Quadrant, Scenario
from smbplanner.domain.model import Initiative, Plan

CATEGORY_NAMES = {
    Quadrant.QUICK_WIN: "Quick wins",
    Quadrant.STRATEGIC_BET: "Strategic bets",
    Quadrant.BACK_BURNER: "Back burner",
    Quadrant.UNSCORED: "Unscored",
}
FiguresOf = Callable[[Initiative, Scenario], Figures | None]


@dataclass(frozen=True)
class BoardFilter:
    portfolio: Portfolio | None = None
    status: InitiativeStatus | None = None
    goal_id: int | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.portfolio, self.status, self.goal_id))


def passes(initiative: Initiative, board_filter: BoardFilter) -> bool:
    """Whether the initiative is on the board under the filter (see the module docstring)."""
    f = board_filter
    return (
        initiative.status != InitiativeStatus.CANCELLED
        and (f.portfolio is None or initiative.portfolio == f.portfolio)
        and (f.status is None or initiative.status == f.status)
        and (f.goal_id is None or any(g.goal_id == f.goal_id for g in initiative.goals))
    )


def filtered_plan(plan: Plan, board_filter: BoardFilter) -> Plan:
    """The plan with only the initiatives that pass the filter (goals and the rest kept)."""
    return dataclasses.replace(
        plan, initiatives=[i for i in plan.initiatives if passes(i, board_filter)]
    )


@dataclass(frozen=True)
class CategoryTotal:
    quadrant: Quadrant
    count: int
    tco_cents: int


@dataclass(frozen=True)
class BoardSummary:
    categories: list[CategoryTotal]  # quick wins, strategic bets, back burner, unscored
    balance: RunChangeSplit

    def of(self, q: Quadrant) -> CategoryTotal:
        return next(c for c in self.categories if c.quadrant == q)


class SummaryParts:
    """What each initiative adds to the summary — its category, whether it is Run, its TCO
    and that TCO as shown — kept per version of the initiative and of the business (a
    patched plan shares what an edit did not touch): after a drop on a board of 3,000 cards
    one initiative is read again, not 3,000 and their figures."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Initiative, object, Scenario,
                                     tuple[Quadrant, bool, int, int]]] = {}
        self._seen: dict[int, tuple[Initiative, object, Scenario,
                                    tuple[Quadrant, bool, int, int]]] = {}

    def of(self, initiative: Initiative, business: object, scenario: Scenario,
           figures: FiguresOf) -> tuple[Quadrant, bool, int, int]:
        entry = self._known.get(id(initiative))
        if entry is None or entry[0] is not initiative or entry[1] is not business or (
                entry[2] != scenario):
            found = figures(initiative, scenario)
            cents = found.tco_cents if found else 0
            entry = (initiative, business, scenario, (
                initiative_quadrant(initiative), initiative.portfolio == Portfolio.RUN, cents,
                whole(cents)))
        self._seen[id(initiative)] = entry
        return entry[3]

    def forget_unused(self) -> None:
        """Keep only the initiatives the last summary read."""
        self._known, self._seen = self._seen, {}


def board_summary(
    plan: Plan,
    board_filter: BoardFilter | None = None,
    scenario: Scenario = Scenario.LIKELY,
    figures: FiguresOf | None = None,
    parts: SummaryParts | None = None,
) -> BoardSummary:
    """Counts and TCO per category and the Run / Change balance of the shown initiatives;
    ``parts`` (with ``figures``) keeps what each initiative adds between calls."""
    shown = filtered_plan(plan, board_filter or BoardFilter())
    counts = dict.fromkeys(Quadrant, 0)
    tco = dict.fromkeys(Quadrant, 0)
    run = change = run_tco = change_tco = run_shown = change_shown = 0
    for initiative in shown.initiatives:
        if parts is not None and figures is not None:
            q, is_run, cents, shown_cents = parts.of(initiative, plan.business, scenario,
                                                     figures)
        else:
            found = (figures(initiative, scenario) if figures is not None
                     else initiative_figures(initiative, plan.business, scenario))
            cents = found.tco_cents if found else 0
            q, is_run = initiative_quadrant(initiative), initiative.portfolio == Portfolio.RUN
            shown_cents = whole(cents)
        counts[q] += 1
        tco[q] += cents
        if is_run:
            run, run_tco, run_shown = run + 1, run_tco + cents, run_shown + shown_cents
        else:
            change, change_tco = change + 1, change_tco + cents
            change_shown += shown_cents
    if parts is not None:
        parts.forget_unused()
    if figures is None:
        balance = run_change_split(shown, scenario, include_on_hold=True)
    else:  # the same split, from figures already computed
        balance = RunChangeSplit(run, change, run_tco, change_tco, run_shown, change_shown)
    return BoardSummary([CategoryTotal(q, counts[q], tco[q]) for q in Quadrant], balance)


def has_open_high_risk(initiative: Initiative) -> bool:
    """An open risk scoring high or critical (10 or more) on an initiative still under way."""
    return any(counts_toward_map(initiative, r) and band(r.score) in (HIGH, CRITICAL)
               for r in initiative.risks)


def from_unit(unit: float) -> float:
    """A unit board coordinate (0–1) as the nearest half-step score within 1–5."""
    return half_step(AXIS_LOW + unit * (AXIS_HIGH - AXIS_LOW))


def nudge(score: float | None, steps: int) -> float | None:
    """A score moved by ``steps`` half steps, kept within 1–5 (None stays None)."""
    return None if score is None else half_step(score + steps / 2)


def move_text(names: Iterable[str], impact: Iterable[float], feasibility: Iterable[float]) -> str:
    """The undo step's name for cards landing at those scores."""
    names, impacts, feasibilities = list(names), list(impact), list(feasibility)
    landed = {quadrant(i, f) for i, f in zip(impacts, feasibilities, strict=True)}
    where = CATEGORY_NAMES[landed.pop()] if len(landed) == 1 else ""
    what = f"'{names[0]}'" if len(names) == 1 else f"{len(names)} cards"
    return f"Move {what} to {where}" if where else f"Move {what}"


def clear_text(names: list[str]) -> str:
    what = f"'{names[0]}'" if len(names) == 1 else f"{len(names)} cards"
    return f"Clear the scores of {what}"


def accept_text(names: list[str]) -> str:
    what = f"'{names[0]}'" if len(names) == 1 else f"{len(names)} cards"
    return f"Accept the suggested position for {what}"
