"""Layout of the impact × feasibility board (DESIGN section 4), for every view that draws it:
the PDF board pack and the desktop grid use the same rules.

Coordinates are *unit* coordinates: x from 0 (left) to 1 (right) is feasibility, Hard → Easy;
y from 0 (bottom) to 1 (top) is impact, Low → High (a screen flips y itself). The drawn score
range is 0.75–5.25, so each band (1–2, 2.5–3.5, 4–5) takes exactly a third of an axis and the
band edges fall half-way between half steps (2.25 and 3.75).

- Regions: *strategic bets* are the top-left third (impact High, feasibility Hard), *quick wins*
  the rest of the top row (impact High, feasibility Medium or Easy), the *back burner* the two
  lower rows — exactly ``quadrant.quadrant``.
- Cards: one per scored initiative that is not cancelled, centred on its scores. Cards with the
  same two scores fan out around that point (``fan_offsets``) in priority order, at least
  ``spacing`` apart; a group near an edge moves inwards as a whole to stay on the board.
- Size: ``size = sqrt(tco / largest tco)`` (0–1), so that a card's *area* grows with its TCO;
  an initiative without an option has a TCO of 0 and the smallest card.
- Priority order (``priority_order``), which also numbers the cards: quick wins, strategic
  bets, back burner, unscored; within each, higher impact first, then higher feasibility, then
  plan order; cancelled initiatives last.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from smbplanner.analysis.figures import Figures, initiative_figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Quadrant, Scenario
from smbplanner.domain.model import Initiative, Plan

AXIS_LOW, AXIS_HIGH = 0.75, 5.25
BAND_EDGES = (2.25, 3.75)
#: Band names along each axis, low to high, with the centre of each band in unit coordinates.
FEASIBILITY_BANDS = (("Hard", 1 / 6), ("Medium", 1 / 2), ("Easy", 5 / 6))
IMPACT_BANDS = (("Low", 1 / 6), ("Medium", 1 / 2), ("High", 5 / 6))
QUADRANT_RANK = {
    Quadrant.QUICK_WIN: 0,
    Quadrant.STRATEGIC_BET: 1,
    Quadrant.BACK_BURNER: 2,
    Quadrant.UNSCORED: 3,
}


def to_unit(score: float) -> float:
    """A score (1–5) as a unit coordinate along its axis."""
    return (score - AXIS_LOW) / (AXIS_HIGH - AXIS_LOW)


@dataclass(frozen=True)
class Region:
    """A shaded area of the board, in unit coordinates."""

    quadrant: Quadrant
    x0: float
    y0: float
    x1: float
    y1: float


REGIONS = (
    Region(Quadrant.STRATEGIC_BET, 0.0, 2 / 3, 1 / 3, 1.0),
    Region(Quadrant.QUICK_WIN, 1 / 3, 2 / 3, 1.0, 1.0),
    Region(Quadrant.BACK_BURNER, 0.0, 0.0, 1.0, 2 / 3),
)


def _sort_key(index: int, initiative: Initiative) -> tuple[int, int, float, float, int]:
    cancelled = initiative.status == InitiativeStatus.CANCELLED
    return (
        1 if cancelled else 0,
        QUADRANT_RANK[initiative_quadrant(initiative)],
        -(initiative.impact or 0.0),
        -(initiative.feasibility or 0.0),
        index,
    )


def priority_order(initiatives: list[Initiative]) -> list[Initiative]:
    """Every initiative in priority order (see the module's docstring)."""
    keyed = sorted((_sort_key(n, i), n) for n, i in enumerate(initiatives))
    return [initiatives[n] for _, n in keyed]


def priority_numbers(initiatives: list[Initiative]) -> dict[int, int]:
    """Initiative id → its number (1, 2, …) in priority order; initiatives without an id are
    numbered too, but cannot be looked up."""
    return {
        i.id: n for n, i in enumerate(priority_order(initiatives), start=1) if i.id is not None
    }


def fan_offsets(count: int) -> list[tuple[float, float]]:
    """Offsets, in units of the spacing, for ``count`` cards that share one point: none for 0;
    the point itself for 1; a ring whose neighbours are 1 apart for 2–6 (the first card on the
    upper left, then clockwise); the point and hexagonal rings around it from 7 on."""
    return list(_fan_offsets(count))


@lru_cache(maxsize=512)
def _fan_offsets(count: int) -> tuple[tuple[float, float], ...]:
    """``fan_offsets``, worked out once per count: a board of 3,000 cards has about 80 groups
    of up to 100 cards, laid out again after each drop."""
    if count <= 0:
        return ()
    if count == 1:
        return ((0.0, 0.0),)
    if count <= 6:
        radius = 0.5 / math.sin(math.pi / count)
        start = math.pi / 2 + math.pi / count
        step = 2 * math.pi / count
        return tuple(
            (radius * math.cos(start - k * step), radius * math.sin(start - k * step))
            for k in range(count)
        )
    offsets = [(0.0, 0.0)]
    ring = 1
    while len(offsets) < count:
        corners = [
            (ring * math.cos(math.pi / 3 * j), ring * math.sin(math.pi / 3 * j)) for j in range(6)
        ]
        for j in range(6):
            (ax, ay), (bx, by) = corners[j], corners[(j + 1) % 6]
            for k in range(ring):
                offsets.append((ax + (bx - ax) * k / ring, ay + (by - ay) * k / ring))
        ring += 1
    return tuple(offsets[:count])


@dataclass(frozen=True)
class BoardCard:
    initiative_id: int | None
    number: int  # in priority order
    name: str
    impact: float
    feasibility: float
    quadrant: Quadrant
    portfolio: Portfolio
    tco_cents: int
    x: float  # unit coordinates, after fanning out
    y: float
    size: float  # 0..1, sqrt of the TCO's share of the largest


@dataclass(frozen=True)
class Board:
    cards: list[BoardCard] = field(default_factory=list)
    #: (number, initiative) of active initiatives with a missing score, in priority order.
    unscored: list[tuple[int, Initiative]] = field(default_factory=list)


def _clamp(value: float, margin: float) -> float:
    return min(max(value, margin), 1.0 - margin)


def _inside(centre: float, offsets: list[float], margin: float) -> float:
    """The centre moved just enough for every card of its group to stay on the board."""
    low, high = centre + min(offsets), centre + max(offsets)
    if low < margin:
        centre += margin - low
    elif high > 1.0 - margin:
        centre -= high - (1.0 - margin)
    return centre


def layout_board(
    plan: Plan,
    scenario: Scenario = Scenario.LIKELY,
    spacing: float = 0.04,
    figures: Callable[[Initiative, Scenario], Figures | None] | None = None,
    include: Callable[[Initiative], bool] | None = None,
) -> Board:
    """The cards of the plan's board (rules in the module's docstring). ``spacing`` is the
    distance between fanned-out cards, in unit coordinates; ``figures`` may give each
    initiative's figures already computed (``initiative_figures`` otherwise); ``include``
    keeps only some scored initiatives on the board (their numbers and sizes unchanged)."""
    ordered = priority_order(plan.initiatives)
    scored: list[tuple[int, Initiative, int]] = []
    unscored: list[tuple[int, Initiative]] = []
    for number, initiative in enumerate(ordered, start=1):
        if initiative.status == InitiativeStatus.CANCELLED:
            continue
        if initiative.impact is None or initiative.feasibility is None:
            unscored.append((number, initiative))
            continue
        found = (
            figures(initiative, scenario)
            if figures is not None
            else initiative_figures(initiative, plan.business, scenario)
        )
        scored.append((number, initiative, found.tco_cents if found else 0))
    largest = max((tco for _, _, tco in scored), default=0)
    groups: dict[tuple[float, float], list[tuple[int, Initiative, int]]] = {}
    for entry in scored:
        if include is not None and not include(entry[1]):
            continue
        initiative = entry[1]
        key = (float(initiative.feasibility or 0), float(initiative.impact or 0))
        groups.setdefault(key, []).append(entry)
    cards: list[BoardCard] = []
    margin = spacing / 2
    for (feasibility, impact), members in groups.items():
        offsets = [(dx * spacing, dy * spacing) for dx, dy in fan_offsets(len(members))]
        cx = _inside(to_unit(feasibility), [dx for dx, _ in offsets], margin)
        cy = _inside(to_unit(impact), [dy for _, dy in offsets], margin)
        for (number, initiative, tco), (dx, dy) in zip(members, offsets, strict=True):
            cards.append(
                BoardCard(
                    initiative_id=initiative.id,
                    number=number,
                    name=initiative.name,
                    impact=impact,
                    feasibility=feasibility,
                    quadrant=initiative_quadrant(initiative),
                    portfolio=initiative.portfolio,
                    tco_cents=tco,
                    x=_clamp(cx + dx, margin),
                    y=_clamp(cy + dy, margin),
                    size=math.sqrt(tco / largest) if largest > 0 and tco > 0 else 0.0,
                )
            )
    cards.sort(key=lambda c: c.number)
    return Board(cards, unscored)
