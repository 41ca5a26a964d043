"""The impact × feasibility board's layout: axes, regions, priority order, fan-out, sizes."""

from __future__ import annotations

import itertools
import math

import pytest

from smbplanner.analysis.board import (
    REGIONS,
    fan_offsets,
    layout_board,
    priority_numbers,
    priority_order,
    to_unit,
)
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.quadrant import quadrant
from smbplanner.domain.enums import CostCategory, InitiativeStatus, Quadrant
from smbplanner.domain.model import Business, CostLine, Initiative, Option, Plan
from smbplanner.sample import sample_plan

HALF_STEPS = [1 + k / 2 for k in range(9)]


def _initiative(n: int, impact: float | None, feasibility: float | None, cost: int = 0,
                status: InitiativeStatus = InitiativeStatus.APPROVED) -> Initiative:
    options = [Option("o", costs=[CostLine(CostCategory.PURCHASE, cost)])] if cost else []
    return Initiative(f"I{n}", id=n, impact=impact, feasibility=feasibility, options=options,
                      status=status)


def test_axes_put_each_band_in_a_third() -> None:
    assert to_unit(1.0) > 0 and to_unit(5.0) < 1
    lows, mediums, highs = HALF_STEPS[:3], HALF_STEPS[3:6], HALF_STEPS[6:]
    assert all(0 < to_unit(s) < 1 / 3 for s in lows)
    assert all(1 / 3 < to_unit(s) < 2 / 3 for s in mediums)
    assert all(2 / 3 < to_unit(s) < 1 for s in highs)
    assert to_unit(3.0) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("impact", "feasibility"), list(itertools.product(HALF_STEPS, HALF_STEPS))
)
def test_a_score_lies_in_the_region_of_its_category(impact: float, feasibility: float) -> None:
    x, y = to_unit(feasibility), to_unit(impact)
    inside = [r.quadrant for r in REGIONS if r.x0 < x < r.x1 and r.y0 < y < r.y1]
    assert inside == [quadrant(impact, feasibility)]


def test_priority_order() -> None:
    items = [
        _initiative(1, 2.0, 5.0),  # back burner
        _initiative(2, None, 4.0),  # unscored
        _initiative(3, 4.0, 1.5),  # strategic bet
        _initiative(4, 4.0, 3.0),  # quick win
        _initiative(5, 5.0, 3.0),  # quick win, higher impact
        _initiative(6, 5.0, 3.0, status=InitiativeStatus.CANCELLED),
        _initiative(7, 5.0, 4.5),  # quick win, same impact, more feasible
        _initiative(8, 4.0, 3.0),  # ties with 4: plan order
    ]
    assert [i.id for i in priority_order(items)] == [7, 5, 4, 8, 3, 1, 2, 6]
    assert priority_numbers(items) == {7: 1, 5: 2, 4: 3, 8: 4, 3: 5, 1: 6, 2: 7, 6: 8}


def test_fan_offsets_keep_cards_apart() -> None:
    assert fan_offsets(0) == []
    assert fan_offsets(1) == [(0.0, 0.0)]
    for count in range(2, 40):
        points = fan_offsets(count)
        assert len(points) == count
        closest = min(math.dist(a, b) for a, b in itertools.combinations(points, 2))
        assert closest >= 1 - 1e-9, count
        # compact: no point further out than a ring of the same capacity needs
        assert max(math.hypot(*p) for p in points) <= math.ceil(count / 6) + 1e-9


def test_fan_offsets_of_two_sit_side_by_side() -> None:
    (ax, ay), (bx, by) = fan_offsets(2)
    assert ay == pytest.approx(0) and by == pytest.approx(0)
    assert ax == pytest.approx(-0.5) and bx == pytest.approx(0.5)


def test_layout_of_the_sample_plan() -> None:
    plan = sample_plan()
    board = layout_board(plan)
    active = [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]
    scored = [i for i in active if i.impact is not None and i.feasibility is not None]
    assert len(board.cards) == len(scored)
    assert [i.name for _, i in board.unscored] == [
        i.name for i in active if i.impact is None or i.feasibility is None
    ]
    numbers = priority_numbers(plan.initiatives)
    for card in board.cards:
        initiative = plan.initiative(card.initiative_id or 0)
        assert initiative is not None
        assert card.number == numbers[initiative.id or 0]
        figures = initiative_figures(initiative, plan.business)
        assert card.tco_cents == (figures.tco_cents if figures else 0)
        assert card.quadrant == quadrant(card.impact, card.feasibility)
        assert 0 < card.x < 1 and 0 < card.y < 1
    biggest = max(board.cards, key=lambda c: c.tco_cents)
    assert biggest.size == 1.0
    assert [c.number for c in board.cards] == sorted(c.number for c in board.cards)


def test_equal_scores_fan_out_inside_the_board_and_size_follows_tco() -> None:
    items = [_initiative(n, 5.0, 5.0, cost=n * n * 100) for n in range(1, 9)]
    items.append(_initiative(9, 1.0, 1.0))  # no option: TCO 0
    plan = Plan(Business("B"), initiatives=items)
    spacing = 0.05
    board = layout_board(plan, spacing=spacing)
    corner = [c for c in board.cards if c.impact == 5.0]
    assert len(corner) == 8
    for a, b in itertools.combinations(corner, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) >= spacing - 1e-9
    assert all(spacing / 2 <= v <= 1 - spacing / 2 for c in board.cards for v in (c.x, c.y))
    sizes = {c.initiative_id: c.size for c in board.cards}
    assert sizes[8] == 1.0 and sizes[9] == 0.0
    assert sizes[4] == pytest.approx(math.sqrt(16 / 64))  # area grows with TCO
    assert board.cards[-1].quadrant == Quadrant.BACK_BURNER


def test_cancelled_initiatives_are_not_on_the_board() -> None:
    plan = Plan(Business("B"), initiatives=[
        _initiative(1, 4.0, 4.0, status=InitiativeStatus.CANCELLED),
        _initiative(2, None, None, status=InitiativeStatus.CANCELLED),
    ])
    board = layout_board(plan)
    assert board.cards == [] and board.unscored == []


def test_fan_offsets_are_worked_out_once_and_handed_out_as_new_lists() -> None:
    """The offsets per count are cached (a board of 3,000 cards is laid out after each drop);
    each call still returns its own list, so a caller changing it changes nothing else."""
    from smbplanner.analysis.board import fan_offsets

    first = fan_offsets(19)
    assert len(first) == 19 and first[0] == (0.0, 0.0)
    first.append((9.0, 9.0))
    assert fan_offsets(19) == first[:19]
    assert fan_offsets(0) == [] and fan_offsets(1) == [(0.0, 0.0)]


def _summary_edit(old: Initiative, kind: str, status: object) -> Initiative:
    """One initiative after an edit of this kind (a new object, as a patched plan holds)."""
    import dataclasses

    from smbplanner.domain.enums import Portfolio

    flipped = Portfolio.RUN if old.portfolio == Portfolio.CHANGE else Portfolio.CHANGE
    changes: dict[str, object] = {
        "score": {"impact": 4.5, "feasibility": 4.0},
        "unscore": {"feasibility": None},
        "portfolio": {"portfolio": flipped},
        "status": {"status": status},
        "nooption": {"options": []},
    }.get(kind, {})
    return dataclasses.replace(old, **changes) if changes else old  # type: ignore[arg-type]


def test_summary_parts_kept_between_calls_give_the_same_summary() -> None:
    """The Priorities page keeps what each initiative adds to the summary per version of the
    initiative and of the business (``SummaryParts``): after any sequence of edits (scores,
    portfolio, status, options, a new business) the summary is the one counted afresh."""
    import dataclasses

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from smbplanner.analysis.board_summary import BoardFilter, SummaryParts, board_summary
    from smbplanner.analysis.figures import initiative_figures
    from smbplanner.domain.enums import InitiativeStatus, Portfolio, Scenario
    from smbplanner.sample import sample_plan

    base = sample_plan()
    edit = st.tuples(
        st.integers(0, len(base.initiatives) - 1),
        st.sampled_from(["score", "unscore", "portfolio", "status", "nooption", "business"]),
        st.sampled_from(list(InitiativeStatus)),
        st.sampled_from([None, Portfolio.RUN, Portfolio.CHANGE]),
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(edit, max_size=10))
    def check(edits: list[tuple[int, str, InitiativeStatus, Portfolio | None]]) -> None:
        plan = dataclasses.replace(base, initiatives=list(base.initiatives))
        parts = SummaryParts()
        for at, kind, status, portfolio in [(0, "none", InitiativeStatus.PROPOSED, None),
                                            *edits]:
            old = plan.initiatives[at]
            new = _summary_edit(old, kind, status)
            initiatives = list(plan.initiatives)
            initiatives[at] = new
            business = (dataclasses.replace(plan.business) if kind == "business"
                        else plan.business)
            plan = dataclasses.replace(plan, initiatives=initiatives, business=business)
            figures = lambda i, s, b=plan.business: initiative_figures(i, b, s)  # noqa: E731
            shown = BoardFilter(portfolio=portfolio)
            assert board_summary(plan, shown, Scenario.LIKELY, figures, parts) == \
                board_summary(plan, shown, Scenario.LIKELY, figures)
            assert board_summary(plan, shown, Scenario.LIKELY, figures, parts) == \
                board_summary(plan, shown)

    check()
