"""Shared fixtures. Qt runs offscreen; backups go to a temporary data folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    FundingSource,
    LineKind,
    Perspective,
    Portfolio,
    RaciRole,
    SwotKind,
)
from smbplanner.domain.model import (
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Goal,
    GoalLink,
    Initiative,
    Kpi,
    Measurement,
    Option,
    Person,
    Plan,
    RaciEntry,
    Risk,
    SwotItem,
    System,
)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMBPLANNER_DATA_DIR", str(tmp_path_factory.mktemp("appdata")))


def tiny_plan() -> Plan:
    """A small plan with one of nearly everything, ids set, references resolving."""
    plan = Plan(
        business=Business(
            name="Tiny Plumbing Ltd",
            industry="Plumbing",
            employees=12,
            currency="GBP",
            start_year=2026,
            horizon_years=3,
            prepared_by="Sam, owner",
            rate_rationale="Our overdraft costs 8 %.",
        )
    )
    plan.goals = [
        Goal(
            id=1,
            title="Answer every call",
            perspective=Perspective.CUSTOMER,
            weight=4,
            target_date=date(2027, 12, 31),
        ),
        Goal(id=2, title="Cut admin time", perspective=Perspective.INTERNAL_PROCESS),
    ]
    plan.people = [
        Person(id=1, name="Sam", role="Owner", on_steering_committee=True),
        Person(id=2, name="Kim", role="Office manager"),
    ]
    plan.systems = [
        System(
            id=1,
            name="Old server",
            annual_run_cost_cents=120_000,
            year_installed=2015,
            end_of_life_year=2024,
            replaced_by_id=2,  # the managed backup retires it
        )
    ]
    crm = Initiative(
        id=1,
        name="Job scheduling app",
        portfolio=Portfolio.CHANGE,
        start_year=2026,
        start_quarter=2,
        duration_quarters=3,
        impact=4.5,
        feasibility=3.0,
        goals=[GoalLink(1, 3), GoalLink(2, 1)],
        raci=[RaciEntry(1, RaciRole.ACCOUNTABLE), RaciEntry(2, RaciRole.RESPONSIBLE)],
        risks=[Risk(id=1, description="Engineers do not use it", likelihood=3, impact=4)],
        options=[
            Option(
                id=1,
                name="Cloud (SaaS)",
                chosen=True,
                life_years=3,
                costs=[
                    CostLine(CostCategory.IMPLEMENTATION, 250_000, id=1, capital=False),
                    CostLine(
                        CostCategory.PURCHASE,
                        120_000,
                        LineKind.RECURRING,
                        0,
                        2,
                        300,
                        "Subscription",
                        id=2,
                    ),
                ],
                benefits=[
                    BenefitLine(
                        BenefitCategory.PRODUCTIVITY,
                        644_000,
                        LineKind.RECURRING,
                        1,
                        2,
                        description="5 h/week × £28 × 46 weeks",
                        id=1,
                    )
                ],
            ),
            Option(id=2, name="On-premises server", life_years=3),
        ],
    )
    backup = Initiative(
        id=2,
        name="Managed backup",
        portfolio=Portfolio.RUN,
        start_year=2026,
        depends_on=[1],
        funding=FundingSource.LEASE,
    )
    plan.initiatives = [crm, backup]
    plan.swot = [
        SwotItem(
            kind=SwotKind.WEAKNESS,
            text="Paper job sheets",
            it_question="Could engineers log jobs on a phone?",
            goal_ids=[2],
            initiative_ids=[1],
            id=1,
        )
    ]
    plan.kpis = [
        Kpi(
            id=1,
            goal_id=1,
            name="Calls answered",
            unit="%",
            baseline=82.5,
            target=98.0,
            replaces_it_metric="Phone system uptime",
            measurements=[Measurement(date(2026, 3, 31), 85.25, id=1)],
        )
    ]
    plan.budget_years = [BudgetYear(2026, 500_000, 1_000_000), BudgetYear(2027, 500_000, 0)]
    return plan


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A plan file holding ``tiny_plan()`` (closed)."""
    from smbplanner.storage.planfile import PlanFile

    path = tmp_path / "tiny.smbplan"
    PlanFile.create(path, tiny_plan()).close()
    return path
