"""Plans that try to break the board pack: empty, and full of hostile or huge text."""

from __future__ import annotations

from datetime import date

from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    InitiativeStatus,
    LineKind,
    Portfolio,
    RaciRole,
    SwotKind,
)
from smbplanner.domain.model import (
    BenefitLine,
    Business,
    CostLine,
    Goal,
    GoalLink,
    Initiative,
    Kpi,
    Measurement,
    Milestone,
    Option,
    Person,
    Plan,
    RaciEntry,
    Review,
    Risk,
    SwotItem,
)

RD = "R&D <b>2027</b> & Co"
EMOJI = "Emoji rollout 🚀😀 with ZWJ 👩‍💻"
CJK = "中文系统升级 日本語のシステム 한국어 시스템"
ARABIC = "نظام إدارة علاقات العملاء"
GREEK_CYRILLIC = "Ελληνικά και Кириллица"
MARKUP = "</para><para>&amp; <br/> <font size=40>big</font> ]]> \x00\x07 tab\there"
LONG_WORD = "X" * 300
LONG_NAME = ("Replace the whole estate of ageing tills, scales, printers and kitchen screens "
             "across every shop ") * 4
HUGE_TEXT = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 350)[:20_000]
HOSTILE_NAMES = [RD, EMOJI, CJK, ARABIC, GREEK_CYRILLIC, MARKUP, LONG_WORD, LONG_NAME[:300]]


def empty_plan() -> Plan:
    return Plan(business=Business(name="Empty Start-up Ltd", start_year=2026, horizon_years=3))


def hostile_plan() -> Plan:
    plan = Plan(
        business=Business(
            name=RD,
            industry=MARKUP,
            currency="JPY",
            start_year=2026,
            horizon_years=10,
            it_vision=HUGE_TEXT,
            it_mission=CJK + " " + ARABIC,
        )
    )
    plan.goals = [Goal(id=1, title=RD), Goal(id=2, title=LONG_WORD, description=HUGE_TEXT)]
    plan.people = [Person(id=n, name=name[:60], role=MARKUP, on_steering_committee=n < 3)
                   for n, name in enumerate(HOSTILE_NAMES, start=1)]
    plan.swot = [SwotItem(kind=kind, text=HUGE_TEXT[:3000], it_question=RD)
                 for kind in SwotKind for _ in range(3)]
    plan.kpis = [Kpi(id=1, goal_id=1, name=RD, unit=EMOJI, baseline=1e12, target=-5.5,
                     replaces_it_metric=LONG_WORD,
                     measurements=[Measurement(date(2026, 1, 1), 3.14159, id=1)])]
    plan.reviews = [Review(date(2026, 3, 1), attendees=LONG_WORD, decisions=HUGE_TEXT, id=1)]
    for n, name in enumerate(HOSTILE_NAMES, start=1):
        plan.initiatives.append(
            Initiative(
                id=n,
                name=name,
                description=HUGE_TEXT if n == 1 else MARKUP,
                owner=LONG_WORD if n == 2 else RD,
                portfolio=Portfolio.RUN if n % 2 else Portfolio.CHANGE,
                status=InitiativeStatus.APPROVED,
                start_year=2024 + n,
                start_quarter=n % 4 + 1,
                duration_quarters=4 * n,
                impact=4.0,
                feasibility=4.0,  # every card on one spot: they must fan out
                goals=[GoalLink(1, 3), GoalLink(2, 1)],
                depends_on=[n - 1] if n > 1 else [],
                milestones=[Milestone(f"{name} step {k}", 2026 + k % 10, k % 4 + 1)
                            for k in range(30 if n == 1 else 1)],
                options=[
                    Option(
                        name=name,
                        description=HUGE_TEXT[:2000],
                        chosen=True,
                        life_years=30 if n == 1 else 5,
                        costs=[CostLine(c, 10**12, LineKind.RECURRING, 0, 29 if n == 1 else 4,
                                        escalation_bp=500) for c in CostCategory],
                        benefits=[BenefitLine(BenefitCategory.OTHER, 10**9)],
                    ),
                    Option(name=LONG_WORD, life_years=3),
                ],
                risks=[Risk(description=name + " " + HUGE_TEXT[:1500], mitigation=HUGE_TEXT[:900],
                            owner=LONG_WORD, likelihood=5, impact=5) for _ in range(3)],
                raci=[RaciEntry(p, RaciRole.ACCOUNTABLE) for p in range(1, 9)],
            )
        )
    return plan
