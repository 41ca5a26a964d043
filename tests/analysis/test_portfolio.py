"""Run vs Change balance."""

from __future__ import annotations

from smbplanner.analysis.portfolio import RunChangeSplit, run_change_split
from smbplanner.domain.enums import CostCategory, InitiativeStatus, Portfolio, Scenario
from smbplanner.domain.model import Business, CostLine, Initiative, Option, Plan


def _initiative(
    name: str,
    portfolio: Portfolio,
    cents: int,
    status: InitiativeStatus = InitiativeStatus.APPROVED,
) -> Initiative:
    option = Option("Only", costs=[CostLine(CostCategory.PURCHASE, cents)])
    return Initiative(name, portfolio=portfolio, status=status, options=[option])


def test_split() -> None:
    plan = Plan(
        Business("Clinic"),
        initiatives=[
            _initiative("Backups", Portfolio.RUN, 30_000),
            _initiative("Patch laptops", Portfolio.RUN, 10_000),
            _initiative("Online booking", Portfolio.CHANGE, 60_000),
            _initiative(
                "VR waiting room", Portfolio.CHANGE, 500_000, status=InitiativeStatus.CANCELLED
            ),
            Initiative("Idea", portfolio=Portfolio.CHANGE),  # no option: counted, TCO 0
        ],
    )
    split = run_change_split(plan)
    assert split == RunChangeSplit(
        run_count=2, change_count=2, run_tco_cents=40_000, change_tco_cents=60_000,
        run_tco=400, change_tco=600,  # whole units, sums of the printed TCOs
    )
    plan.initiatives[2].status = InitiativeStatus.ON_HOLD  # not counted, as in the budget
    assert run_change_split(plan).change_tco == 0
    assert run_change_split(plan, include_on_hold=True).change_tco == 600
    plan.initiatives[2].status = InitiativeStatus.APPROVED
    assert split.total_tco_cents == 100_000
    assert split.run_share_pct == 40.0
    # optimistic costs × 0.9
    assert run_change_split(plan, Scenario.OPTIMISTIC).run_tco_cents == 36_000


def test_empty_plan() -> None:
    split = run_change_split(Plan(Business("Empty")))
    assert split == RunChangeSplit(0, 0, 0, 0)
    assert split.run_share_pct is None
