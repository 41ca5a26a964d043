"""The eleven initiatives of the Harbour Bakery Co. demo, with options, lines, risks and RACI."""

from __future__ import annotations

from smbplanner.domain.enums import (
    FundingSource,
    InitiativeStatus,
    Portfolio,
    RiskCategory,
)
from smbplanner.domain.model import (
    Initiative,
    Milestone,
    Option,
)
from smbplanner.sample.bakery_change import growth, order_book
from smbplanner.sample.parts import (
    _NAMES,
    CUSTOMERS,
    ELENA,
    ESCALATION_3PCT,
    MARGIN,
    MARTA,
    MFA,
    ORDER_BOOK,
    PIETER,
    POS,
    SAM,
    SERVER,
    TEAM,
    TOMAS,
    WEBSITE,
    WIFI,
    B,
    C,
    gain,
    hours_saved,
    links,
    loss_avoided,
    once,
    raci,
    risk,
    yearly,
)


def _security_and_back_office() -> list[Initiative]:
    mfa = Initiative(
        "Multi-factor authentication and password manager",
        "Turn on MFA for all 25 Microsoft 365 accounts and give every team a shared password "
        "manager, so one phished password can no longer open email, banking or suppliers.",
        Portfolio.RUN,
        InitiativeStatus.IN_PROGRESS,
        _NAMES[MARTA],
        2026,
        1,
        1,
        4.0,
        5.0,
        goals=links((MARGIN, 2), (TEAM, 1)),
        milestones=[Milestone("All 25 staff enrolled in MFA", 2026, 1)],
        options=[
            Option(
                "Authenticator app + team password manager",
                "MFA with an authenticator app or passkeys; password manager with shared vaults.",
                True,
                5,
                costs=[
                    yearly(
                        C.PURCHASE,
                        1_200,
                        0,
                        4,
                        "MFA and password manager licences, 25 users",
                        ESCALATION_3PCT,
                    ),
                    once(C.IMPLEMENTATION, 1_500, "Set-up and enrolment of 25 staff by IT partner"),
                    once(C.TRAINING, 600, "Two 45-minute sessions per shop"),
                    yearly(C.MAINTENANCE, 300, 1, 4, "Partner support for lost phones and resets"),
                ],
                benefits=[loss_avoided("Email takeover or payment fraud", 10, 80_000, 0, 4)],
            )
        ],
        risks=[
            risk(
                "Shop staff share one login and resist personal MFA",
                RiskCategory.IMPLEMENTATION,
                3,
                2,
                "Passkeys on shop tablets; the owner explains why at the team meeting.",
                SAM,
            )
        ],
        raci=raci(MARTA, [SAM], [TOMAS], [ELENA, PIETER]),
        id=MFA,
    )
    cloud = Option(
        "Cloud (SaaS)",
        "Move files, shared folders and printing to Microsoft 365 (SharePoint, OneDrive, "
        "Universal Print) with a cloud backup service; retire the server.",
        True,
        5,
        costs=[
            yearly(
                C.PURCHASE,
                4_200,
                0,
                4,
                "Cloud storage, print and backup subscriptions",
                ESCALATION_3PCT,
            ),
            once(C.IMPLEMENTATION, 6_400, "Migrate files, shares and printers (partner, 8 days)"),
            once(C.TRAINING, 900, "Office staff: working in SharePoint and Teams"),
            yearly(C.MAINTENANCE, 1_200, 0, 4, "Managed cloud support", ESCALATION_3PCT),
            once(C.DECOMMISSIONING, 600, "Wipe and recycle the old server, with certificate"),
        ],
        benefits=[
            gain(B.COST_SAVINGS, 2_400, 1, 4, "Old server support and electricity no longer paid"),
            loss_avoided("Server failure or ransomware stops invoicing", 15, 60_000, 1, 4),
            hours_saved("Remote access for office staff", 4, 28, 1, 4),
        ],
    )
    on_prem = Option(
        "On-premises server",
        "Buy a new tower server with Windows Server licences, keep files in the back office "
        "and back up to an off-site disk rotation.",
        False,
        5,
        costs=[
            once(C.PURCHASE, 11_800, "Tower server, Windows Server 2025 with 15 CALs, UPS"),
            once(C.IMPLEMENTATION, 4_800, "Install, migrate and set up backups (IT partner)"),
            once(C.TRAINING, 400, "Backup rotation routine for the office"),
            yearly(C.MAINTENANCE, 2_200, 1, 4, "Hardware warranty and patching contract"),
            yearly(
                C.OPERATIONS,
                950,
                0,
                4,
                "Electricity, cooling and off-site backup disks",
                ESCALATION_3PCT,
            ),
            once(C.DECOMMISSIONING, 900, "Data wipe and disposal at end of life", year=4),
        ],
        benefits=[
            gain(B.COST_SAVINGS, 2_400, 1, 4, "Old server support contract no longer paid"),
            loss_avoided("Server failure or ransomware stops invoicing", 8, 60_000, 1, 4),
            hours_saved("Faster file access in the office", 2, 28, 1, 4),
        ],
    )
    server = Initiative(
        "Back-office server replacement",
        "Replace the 2014 file and print server (Windows Server 2012 R2, out of support) "
        "before it fails; compare cloud against a new on-premises server on 5-year cost.",
        Portfolio.RUN,
        InitiativeStatus.APPROVED,
        _NAMES[ELENA],
        2026,
        2,
        3,
        4.0,
        3.5,
        goals=links((MARGIN, 2), (ORDER_BOOK, 1)),
        depends_on=[MFA],
        milestones=[
            Milestone("Decision: cloud or on-premises", 2026, 2),
            Milestone("Files and accounting exports migrated", 2026, 4),
        ],
        options=[cloud, on_prem],
        risks=[
            risk(
                "Old server fails before the migration is finished",
                RiskCategory.OBSOLESCENCE,
                3,
                5,
                "Full image backup to the cloud now; spare disk kept on site.",
                SAM,
            ),
            risk(
                "Internet outage at the bakery blocks access to shared files",
                RiskCategory.OTHER,
                2,
                3,
                "4G backup router; key folders synced for offline use.",
                SAM,
            ),
        ],
        raci=raci(ELENA, [SAM], [MARTA], [TOMAS]),
        id=SERVER,
    )
    return [mfa, server]


def _shops() -> list[Initiative]:
    wifi = Initiative(
        "Shop Wi-Fi and network upgrade",
        "Business-grade Wi-Fi and firewalls in the four shops and the bakery, with a 4G "
        "backup line so card payments keep working when broadband drops.",
        Portfolio.RUN,
        InitiativeStatus.APPROVED,
        _NAMES[TOMAS],
        2026,
        2,
        2,
        3.0,
        4.5,
        goals=links((CUSTOMERS, 1), (ORDER_BOOK, 1)),
        milestones=[Milestone("All five sites on the new network", 2026, 3)],
        options=[
            Option(
                "Managed business Wi-Fi, 5 sites",
                "Access points, firewall and 4G failover per site.",
                True,
                5,
                costs=[
                    once(C.PURCHASE, 4_500, "Access points and firewalls, 5 sites × €900"),
                    once(C.IMPLEMENTATION, 2_200, "Site survey, cabling and set-up"),
                    yearly(C.MAINTENANCE, 1_200, 0, 4, "Managed network service", ESCALATION_3PCT),
                    yearly(C.OPERATIONS, 480, 0, 4, "4G backup SIMs, 4 shops × €10 a month"),
                ],
                benefits=[
                    loss_avoided("Card payments down on a busy day", 20, 15_000, 1, 4),
                    hours_saved("Fewer connection problems in the shops", 2, 24, 1, 4),
                ],
            )
        ],
        risks=[
            risk(
                "The old harbour shop needs extra cabling through listed walls",
                RiskCategory.IMPLEMENTATION,
                3,
                2,
                "Survey first; mesh access points where cabling is not allowed.",
                SAM,
            )
        ],
        raci=raci(TOMAS, [SAM], [], [MARTA]),
        id=WIFI,
    )
    pos = Initiative(
        "Cloud POS with integrated card payments",
        "Replace the out-of-support tills with a cloud point of sale linked to card readers "
        "and accounting: automatic cash-up, live sales per shop, faster queues.",
        Portfolio.RUN,
        InitiativeStatus.APPROVED,
        _NAMES[TOMAS],
        2026,
        4,
        2,
        4.5,
        3.5,
        goals=links((CUSTOMERS, 3), (MARGIN, 2), (ORDER_BOOK, 1)),
        depends_on=[WIFI],
        milestones=[
            Milestone("Pilot in the harbour shop", 2026, 4),
            Milestone("All four shops live", 2027, 1),
        ],
        options=[
            Option(
                "Cloud POS, 6 registers",
                "Touchscreen tills, card readers, link to accounting.",
                True,
                5,
                costs=[
                    once(
                        C.PURCHASE, 8_400, "6 tills, printers and card readers (4 shops, 2 spare)"
                    ),
                    yearly(
                        C.PURCHASE,
                        4_968,
                        0,
                        4,
                        "POS subscription, 6 registers × €69 a month",
                        ESCALATION_3PCT,
                    ),
                    once(
                        C.IMPLEMENTATION, 3_200, "Product catalogue, price lists, accounting link"
                    ),
                    once(C.TRAINING, 1_600, "Half-day training per shop team"),
                    once(C.DECOMMISSIONING, 500, "Remove and dispose of the old tills"),
                ],
                benefits=[
                    hours_saved("Automatic cash-up and sales reports", 8, 24, 1, 4),
                    gain(
                        B.REVENUE,
                        8_000,
                        1,
                        4,
                        "Faster Saturday queues: €20,000 extra sales × 40 % gross margin",
                    ),
                    gain(B.COST_SAVINGS, 3_600, 1, 4, "Old till maintenance contract ends"),
                ],
            )
        ],
        risks=[
            risk(
                "Card readers drop off shop Wi-Fi during the switchover",
                RiskCategory.INTEGRATION,
                3,
                4,
                "Wi-Fi upgrade first (prerequisite); 4G fallback on every reader.",
                SAM,
            ),
            risk(
                "Price list errors at go-live",
                RiskCategory.IMPLEMENTATION,
                2,
                3,
                "Two people check the catalogue; pilot in one shop for two weeks.",
                TOMAS,
            ),
        ],
        raci=raci(TOMAS, [SAM], [ELENA], [MARTA, PIETER]),
        id=POS,
        funding=FundingSource.LEASE,
    )
    website = Initiative(
        "Website refresh with café order form",
        "A mobile-first website with opening hours, allergens and an order form for "
        "wholesale café customers.",
        Portfolio.CHANGE,
        InitiativeStatus.PROPOSED,
        _NAMES[MARTA],
        2027,
        1,
        2,
        4.0,
        4.0,
        goals=links((CUSTOMERS, 2), (MARGIN, 1)),
        milestones=[Milestone("New website live", 2027, 2)],
        options=[
            Option(
                "Agency rebuild on the current platform",
                "Studio Brine rebuilds the WordPress site.",
                True,
                4,
                costs=[
                    once(C.IMPLEMENTATION, 7_500, "Mobile-first website with café order form"),
                    yearly(C.OPERATIONS, 720, 0, 3, "Hosting and domain", ESCALATION_3PCT),
                    yearly(C.MAINTENANCE, 600, 1, 3, "Agency updates and security patches"),
                    once(C.TRAINING, 300, "Editing the menu and opening hours"),
                ],
                benefits=[
                    gain(
                        B.REVENUE,
                        5_400,
                        1,
                        3,
                        "Two new café accounts: €18,000 sales × 30 % gross margin",
                    ),
                    hours_saved("Café orders by form instead of phone", 2, 24, 1, 3),
                ],
            )
        ],
        risks=[
            risk(
                "Agency delivers after the spring season",
                RiskCategory.IMPLEMENTATION,
                2,
                2,
                "Fixed launch date in the contract; content ready before kick-off.",
                MARTA,
            )
        ],
        raci=raci(MARTA, [TOMAS], [PIETER], [ELENA]),
        id=WEBSITE,
    )
    return [wifi, pos, website]


def initiatives() -> list[Initiative]:
    initiatives = _security_and_back_office() + _shops() + order_book() + growth()
    return sorted(initiatives, key=lambda i: i.id or 0)


# ---------------------------------------------------------------- phase 4: governance
