"""What really happened at the Harbour Bakery Co. in 2026, for the initiatives under way:
actual starts and finishes, progress, status colours, actual spend and realised benefits."""

from __future__ import annotations

from datetime import date

from smbplanner.domain.enums import Rag, Verdict
from smbplanner.domain.model import ActualBenefit, ActualCost, Initiative, ReviewDecision
from smbplanner.sample.parts import LOYALTY, MFA, POS, SERVER, SKILLS, WIFI, B, C


def _eur(units: int) -> int:
    return units * 100


def add_actuals(initiatives: list[Initiative]) -> None:
    """Record 2026's actuals on the initiatives that started in 2026."""
    by_id = {i.id: i for i in initiatives}
    mfa = by_id[MFA]
    mfa.actual_start, mfa.actual_finish = date(2026, 1, 12), date(2026, 4, 10)
    mfa.percent_complete, mfa.rag = 100, Rag.GREEN
    mfa.rag_reason = "All 25 staff enrolled; the last two shop managers finished in April."
    mfa.actual_costs = [
        ActualCost(2026, C.PURCHASE, _eur(1_260), "Microsoft and 1Password invoices"),
        ActualCost(2026, C.IMPLEMENTATION, _eur(1_850), "IT partner: one extra day on site"),
        ActualCost(2026, C.TRAINING, _eur(600), "Two lunchtime sessions"),
    ]
    mfa.actual_benefits = [
        ActualBenefit(2026, B.RISK_REDUCTION, _eur(8_000),
                      "Three phishing log-ins blocked by MFA (Microsoft 365 sign-in log)"),
    ]

    server = by_id[SERVER]
    server.actual_start = date(2026, 4, 27)
    server.percent_complete, server.rag = 80, Rag.RED
    server.rag_reason = (
        "Data migration overran by six weeks and cost 1,500 EUR more; the old server stays "
        "on until January."
    )
    server.forecast_cost_cents = _eur(38_700)
    server.actual_costs = [
        ActualCost(2026, C.PURCHASE, _eur(4_200), "Cloud back-office subscription"),
        ActualCost(2026, C.IMPLEMENTATION, _eur(7_900), "Migration partner, two change orders"),
        ActualCost(2026, C.TRAINING, _eur(900), "Vendor training"),
        ActualCost(2026, C.MAINTENANCE, _eur(1_200), "Support contract"),
    ]
    server.actual_benefits = [
        ActualBenefit(2026, B.COST_SAVINGS, _eur(600),
                      "USB-disk backup service cancelled in November (supplier's letter)"),
    ]

    wifi = by_id[WIFI]
    wifi.actual_start = date(2026, 5, 4)
    wifi.percent_complete, wifi.rag = 90, Rag.AMBER
    wifi.rag_reason = "Four shops live; the harbour shop waits for the landlord's permission."
    wifi.actual_costs = [
        ActualCost(2026, C.PURCHASE, _eur(4_500), "Access points and switches"),
        ActualCost(2026, C.IMPLEMENTATION, _eur(2_650), "Cabling: one site needed new conduit"),
        ActualCost(2026, C.MAINTENANCE, _eur(800), "Managed service from June"),
        ActualCost(2026, C.OPERATIONS, _eur(320), "Broadband upgrades"),
    ]
    wifi.actual_benefits = [
        ActualBenefit(2026, B.PRODUCTIVITY, _eur(700),
                      "Card terminals no longer drop out: 14 hours of queue time saved (till "
                      "reports, June to December)"),
    ]

    pos = by_id[POS]
    pos.actual_start = date(2026, 10, 5)
    pos.percent_complete, pos.rag = 40, Rag.GREEN
    pos.rag_reason = "Registers delivered; two shops live, three in January as planned."
    pos.actual_costs = [
        ActualCost(2026, C.PURCHASE, _eur(13_100), "Registers and first-year subscription"),
        ActualCost(2026, C.IMPLEMENTATION, _eur(2_900), "Installation and menu set-up"),
        ActualCost(2026, C.TRAINING, _eur(900), "Shop staff training, first two shops"),
    ]

    skills = by_id[SKILLS]
    skills.actual_start = date(2026, 9, 7)
    skills.percent_complete, skills.rag = 20, Rag.AMBER
    skills.rag_reason = "Only 6 of 25 staff started: the chamber's vouchers arrived in October."
    skills.forecast_cost_cents = _eur(21_000)  # the late start moves the spend, not saves it
    skills.actual_costs = [
        ActualCost(2026, C.TRAINING, _eur(2_800), "Course fees after vouchers"),
        ActualCost(2026, C.OPERATIONS, _eur(1_900), "Cover for staff in training"),
    ]


def review_decisions() -> list[ReviewDecision]:
    """The July review's decision on each initiative it discussed."""
    return [
        ReviewDecision(SERVER, Verdict.CONTINUE, "Finish the migration; keep the old server "
                       "until the cut-over is checked."),
        ReviewDecision(LOYALTY, Verdict.STOP, "Does not pay back within its life; try the POS "
                       "loyalty add-on first."),
        ReviewDecision(WIFI, Verdict.CHANGE, "Go ahead in four shops; the harbour shop when "
                       "the landlord agrees."),
    ]
