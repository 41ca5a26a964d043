"""From the plan to what the board draws: one refresh's figures, the cards' looks (size,
number, tooltip) and the size legend. Figures and rules come from ``analysis``."""

from __future__ import annotations

from collections.abc import Callable

from smbplanner.analysis.board import Board, layout_board, priority_numbers
from smbplanner.analysis.board_summary import CATEGORY_NAMES, has_open_high_risk
from smbplanner.analysis.figures import Figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.domain.enums import Scenario, label
from smbplanner.domain.model import Initiative, Plan
from smbplanner.ui import fmt
from smbplanner.ui.pages.priorities.card import CardLook
from smbplanner.ui.pages.priorities.scene import SIDE

LABELS_UP_TO = 40  # visible cards; beyond that the board shows numbers (as the PDF does)
RADII = (9.0, 20.0)
CROWDED_RADII = (8.0, 12.0)


#: Figures already computed, by (the chosen option's and the business's repr): a moved card
#: keeps its option, so a refresh after a drag recomputes nothing.
#: An initiative's figures in a scenario: the document's ``figures`` (one cache for every
#: view, computed once per version of the initiative).
FigureBook = Callable[[Initiative, Scenario], "Figures | None"]


def radii(visible: int) -> tuple[float, float]:
    return CROWDED_RADII if visible > LABELS_UP_TO else RADII


def board_layout(shown: Plan, book: FigureBook) -> Board:
    scored = sum(1 for i in shown.initiatives
                 if i.impact is not None and i.feasibility is not None)
    low, high = radii(scored)
    return layout_board(shown, Scenario.LIKELY, spacing=(low + high) * 1.05 / SIDE, figures=book)


def tooltip(initiative: Initiative, plan: Plan, figures: Figures | None) -> str:
    cur = plan.business.currency
    lines = [initiative.name, CATEGORY_NAMES[initiative_quadrant(initiative)]]
    if initiative.impact is not None and initiative.feasibility is not None:
        lines[-1] += (f" · impact {fmt.number(initiative.impact)} · "
                      f"feasibility {fmt.number(initiative.feasibility)}")
    lines.append(f"{label(initiative.portfolio)} · {label(initiative.status)}")
    if figures is None:
        lines.append("No option yet: TCO, NPV and payback unknown")
    else:
        payback = ("never within its life" if figures.payback_years is None
                   else "in year 0" if figures.payback_years == 0
                   else f"{fmt.number(figures.payback_years, 1)} years")
        lines.append(f"TCO {fmt.money(figures.tco_cents, cur)} · NPV "
                     f"{fmt.money(figures.npv_cents, cur)} · payback {payback}")
    titles = [g.title for link in initiative.goals if (g := plan.goal(link.goal_id))]
    lines.append("Goals: " + ("; ".join(titles) if titles else "none linked"))
    if has_open_high_risk(initiative):
        lines.append("Has an open high risk")
    lines.append("Double-click or press Enter to open")
    return "\n".join(lines)


class Tooltips:
    """Each initiative's tooltip, made again only for a new version of the initiative, of
    the goals or of the business (a patched plan shares what an edit did not touch), so a
    refresh of 3,000 cards after one drop writes one tooltip, not 3,000."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Initiative, object, object, str]] = {}
        self._used: set[int] = set()
        self._risky: dict[int, tuple[Initiative, bool]] = {}

    def high_risk(self, initiative: Initiative) -> bool:
        """``has_open_high_risk``, worked out again only for a new version of the initiative
        (a pass over its risks, for each of 3,000 cards after each drop, otherwise)."""
        known = self._risky.get(id(initiative))
        if known is not None and known[0] is initiative:
            return known[1]
        found = has_open_high_risk(initiative)
        self._risky[id(initiative)] = (initiative, found)
        return found

    def __call__(self, initiative: Initiative, plan: Plan, book: FigureBook) -> str:
        key = id(initiative)
        self._used.add(key)
        known = self._known.get(key)
        if known and known[0] is initiative and known[1] is plan.goals and (
                known[2] is plan.business):
            return known[3]
        text = tooltip(initiative, plan, book(initiative, Scenario.LIKELY))
        self._known[key] = (initiative, plan.goals, plan.business, text)
        return text

    def forget_unused(self) -> None:
        """Drop the tooltips of initiatives the last refresh did not ask for."""
        self._known = {k: v for k, v in self._known.items() if k in self._used}
        self._risky = {k: v for k, v in self._risky.items() if k in self._used}
        self._used = set()


def card_looks(
    plan: Plan, board: Board, book: FigureBook, tips: Tooltips | None = None,
    *, numbered: bool = False,
) -> dict[int, CardLook]:
    """The cards' looks; ``numbered``: the board was laid out from the whole plan, so its
    cards' numbers are already the plan's priority numbers (not worked out again)."""
    tips = tips or Tooltips()
    numbers = {} if numbered else priority_numbers(plan.initiatives)
    by_id = {i.id: i for i in plan.initiatives if i.id is not None}
    low, high = radii(len(board.cards))
    looks: dict[int, CardLook] = {}
    for card in board.cards:
        if card.initiative_id is None:
            continue
        initiative = by_id[card.initiative_id]
        looks[card.initiative_id] = CardLook(
            card.initiative_id,
            card.name,
            numbers.get(card.initiative_id, card.number),
            card.portfolio,
            low + (high - low) * card.size,
            tips.high_risk(initiative),
            tips(initiative, plan, book),
        )
    return looks


def size_legend(board: Board, currency: str) -> list[tuple[float, str]]:
    """Two reference dots: a quarter of the largest TCO (half the radius span) and the
    largest; nothing when no card has a cost."""
    largest = max((c.tco_cents for c in board.cards), default=0)
    if largest <= 0:
        return []
    low, high = radii(len(board.cards))
    return [(low + (high - low) * 0.5, fmt.money(largest / 4, currency)),
            (high, fmt.money(largest, currency))]
