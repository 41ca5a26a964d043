"""The Harbour Bakery Co. demo: order-book and growth initiatives."""

from __future__ import annotations

from smbplanner.domain.enums import (
    FundingSource,
    InitiativeStatus,
    Portfolio,
    RiskCategory,
    RiskStatus,
)
from smbplanner.domain.model import (
    Initiative,
    Milestone,
    Option,
)
from smbplanner.sample.parts import (
    _NAMES,
    CUSTOMERS,
    DASHBOARD,
    ELENA,
    ERP,
    ESCALATION_3PCT,
    LOYALTY,
    MARGIN,
    MARTA,
    ORDER_BOOK,
    OVENS,
    PIETER,
    POS,
    PREORDER,
    SAM,
    SERVER,
    SKILLS,
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


def order_book() -> list[Initiative]:
    erp = Initiative(
        "Central ordering and production planning (bakery ERP)",
        "One system for shop, café and online orders, recipes and tomorrow's bake plan, fed "
        "by the tills and feeding accounting. Replaces the morning spreadsheet.",
        Portfolio.CHANGE,
        InitiativeStatus.APPROVED,
        _NAMES[MARTA],
        2027,
        2,
        5,
        5.0,
        2.0,
        goals=links((ORDER_BOOK, 3), (MARGIN, 3), (TEAM, 1)),
        depends_on=[SERVER, POS],
        milestones=[
            Milestone("Bakery ERP vendor selected", 2027, 2),
            Milestone("Recipes, products and café accounts migrated", 2027, 4),
            Milestone("Go-live: all orders in one system", 2028, 2),
        ],
        options=[
            Option(
                "Cloud bakery ERP",
                "Ordering, production planning and recipes, 10 users.",
                True,
                7,
                costs=[
                    once(
                        C.IMPLEMENTATION,
                        40_000,
                        "Implementation partner: set-up, recipes and POS/accounting links",
                    ),
                    yearly(
                        C.PURCHASE,
                        9_600,
                        0,
                        6,
                        "ERP subscription, 10 users × €80 a month",
                        ESCALATION_3PCT,
                    ),
                    once(C.TRAINING, 6_000, "Key-user and shop-lead training"),
                    once(C.OPERATIONS, 4_500, "Staff backfill during data migration"),
                    yearly(C.MAINTENANCE, 2_500, 1, 6, "Partner support and upgrades"),
                ],
                benefits=[
                    hours_saved("Orders no longer retyped and checked", 15, 28, 1, 6),
                    gain(
                        B.COST_SAVINGS,
                        18_000,
                        1,
                        6,
                        "Unsold bread cut from 8 % to 5 % of a €600,000 bake",
                    ),
                ],
            ),
            Option(
                "Improved spreadsheet and order form (do minimum)",
                "Online form feeding a tidied-up workbook; no production planning.",
                False,
                3,
                costs=[
                    once(C.IMPLEMENTATION, 3_500, "Order form and workbook rebuild"),
                    yearly(C.OPERATIONS, 1_200, 0, 2, "Form tool subscription"),
                ],
                benefits=[hours_saved("Fewer orders retyped", 4, 28, 0, 2)],
            ),
        ],
        risks=[
            risk(
                "Product codes differ between shops, cafés and the spreadsheet; migration slips",
                RiskCategory.INTEGRATION,
                4,
                5,
                "Clean the product list before the project starts; one owner per code.",
                TOMAS,
            ),
            risk(
                "The head baker's time is the bottleneck in peak season",
                RiskCategory.IMPLEMENTATION,
                3,
                4,
                "No go-live between November and January; backfill night shifts.",
                PIETER,
            ),
            risk(
                "Locked in to a small ERP vendor",
                RiskCategory.OBSOLESCENCE,
                2,
                3,
                "Contract clause for a full data export in open formats.",
                ELENA,
            ),
        ],
        raci=raci(MARTA, [TOMAS, SAM], [PIETER, ELENA]),
        id=ERP,
        funding=FundingSource.LOAN,
    )
    preorder = Initiative(
        "Online pre-orders and click & collect",
        "Customers order celebration cakes, Christmas boxes and tomorrow's bread online and "
        "collect in the shop of their choice; orders flow straight into the bake plan.",
        Portfolio.CHANGE,
        InitiativeStatus.PROPOSED,
        _NAMES[MARTA],
        2028,
        3,
        3,
        4.0,
        2.0,
        goals=links((CUSTOMERS, 3), (MARGIN, 2)),
        depends_on=[ERP, WEBSITE],
        milestones=[
            Milestone("Christmas pre-orders online", 2028, 4),
            Milestone("Click & collect in all shops", 2029, 1),
        ],
        options=[
            Option(
                "Web shop linked to the ERP",
                "Hosted web shop with collection slots per shop.",
                True,
                5,
                costs=[
                    once(C.IMPLEMENTATION, 14_000, "Web shop build and ERP integration"),
                    yearly(
                        C.PURCHASE, 3_600, 0, 4, "E-commerce platform subscription", ESCALATION_3PCT
                    ),
                    yearly(
                        C.OPERATIONS, 1_500, 1, 4, "Online payment fees: 2.5 % of €60,000 sales"
                    ),
                    once(C.TRAINING, 800, "Shop teams: handling collections"),
                ],
                benefits=[
                    gain(
                        B.REVENUE,
                        14_000,
                        1,
                        4,
                        "€40,000 extra sales a year × 35 % contribution margin",
                    ),
                    hours_saved("Fewer phone orders in the shops", 5, 24, 1, 4),
                ],
            )
        ],
        risks=[
            risk(
                "Online orders exceed what the bakery can bake for a slot",
                RiskCategory.INTEGRATION,
                3,
                3,
                "Slot capacity limits set from the bake plan.",
                PIETER,
            ),
            risk(
                "Low uptake outside the Christmas season",
                RiskCategory.OTHER,
                3,
                4,
                "Promote at the tills and on receipts; review after six months.",
                MARTA,
            ),
        ],
        raci=raci(MARTA, [SAM, TOMAS], [PIETER], [ELENA]),
        id=PREORDER,
    )
    dashboard = Initiative(
        "Sales and waste dashboard",
        "Weekly dashboards per shop and product from POS and ERP data: sales, waste, margin.",
        Portfolio.CHANGE,
        InitiativeStatus.PROPOSED,
        _NAMES[ELENA],
        2029,
        1,
        2,
        None,
        None,
        goals=links((MARGIN, 2), (TEAM, 2), (ORDER_BOOK, 1)),
        depends_on=[ERP],
        milestones=[Milestone("First weekly dashboard to shop leads", 2029, 2)],
        options=[
            Option(
                "Power BI on POS and ERP data",
                "Self-service reports, 6 users.",
                True,
                5,
                costs=[
                    yearly(
                        C.PURCHASE,
                        1_008,
                        0,
                        4,
                        "Power BI Pro, 6 users × €14 a month",
                        ESCALATION_3PCT,
                    ),
                    once(C.IMPLEMENTATION, 6_000, "Data model and four standard reports"),
                    once(C.TRAINING, 600, "Reading the dashboard: shop leads and head baker"),
                ],
                benefits=[hours_saved("Weekly reports no longer built by hand", 4, 35, 1, 4)],
            )
        ],
        risks=[
            risk(
                "POS and ERP product codes do not match",
                RiskCategory.INTEGRATION,
                2,
                3,
                "Reuse the cleaned product list from the ERP project.",
                ELENA,
            )
        ],
        raci=raci(ELENA, [SAM], [TOMAS], [MARTA, PIETER]),
        id=DASHBOARD,
    )
    return [erp, preorder, dashboard]


def growth() -> list[Initiative]:
    loyalty = Initiative(
        "Branded loyalty app",
        "Our own iOS and Android app with stamps, birthday treats and pre-order shortcuts.",
        Portfolio.CHANGE,
        InitiativeStatus.ON_HOLD,
        _NAMES[MARTA],
        2029,
        3,
        2,
        2.5,
        2.5,
        goals=links((CUSTOMERS, 2)),
        depends_on=[POS, PREORDER],
        milestones=[Milestone("Decision after the POS loyalty pilot", 2029, 3)],
        options=[
            Option(
                "Custom loyalty app",
                "Built and maintained by an app agency.",
                True,
                4,
                costs=[
                    once(C.IMPLEMENTATION, 22_000, "App development by an agency"),
                    yearly(C.PURCHASE, 2_400, 0, 3, "App stores, push messages and hosting"),
                    yearly(C.MAINTENANCE, 3_000, 1, 3, "Updates for new phone OS versions"),
                    yearly(C.OPERATIONS, 1_200, 0, 3, "Rewards administration (staff time)"),
                ],
                benefits=[
                    gain(
                        B.REVENUE,
                        7_000,
                        1,
                        3,
                        "€20,000 extra repeat sales × 35 % contribution margin",
                    )
                ],
            ),
            Option(
                "Loyalty add-on in the POS",
                "Digital stamp card on the receipt; no app.",
                False,
                4,
                costs=[
                    yearly(C.PURCHASE, 1_200, 0, 3, "POS loyalty module"),
                    once(C.IMPLEMENTATION, 1_000, "Set-up and in-shop signage"),
                ],
                benefits=[
                    gain(
                        B.REVENUE,
                        3_500,
                        1,
                        3,
                        "€10,000 extra repeat sales × 35 % contribution margin",
                    )
                ],
            ),
        ],
        risks=[
            risk(
                "Customers will not install yet another app",
                RiskCategory.OTHER,
                4,
                3,
                "Pilot the POS loyalty add-on first and compare.",
                MARTA,
            )
        ],
        raci=raci(MARTA, [TOMAS], [ELENA]),
        id=LOYALTY,
    )
    ovens = Initiative(
        "Smart oven energy monitoring",
        "Energy meters and sensors on the six deck ovens, linked to the oven controllers, to "
        "find wasteful bakes and spot faults before a night's bake is lost.",
        Portfolio.CHANGE,
        InitiativeStatus.PROPOSED,
        _NAMES[PIETER],
        2028,
        1,
        4,
        4.0,
        1.5,
        goals=links((MARGIN, 2), (ORDER_BOOK, 2)),
        depends_on=[WIFI],
        milestones=[
            Milestone("Pilot on two ovens", 2028, 2),
            Milestone("All six ovens monitored", 2028, 4),
        ],
        options=[
            Option(
                "Sensors and energy dashboard",
                "Meters, gateway and a monitoring subscription.",
                True,
                6,
                costs=[
                    once(C.PURCHASE, 9_000, "Energy meters and oven sensors, 6 ovens × €1,500"),
                    once(C.IMPLEMENTATION, 11_000, "Integration with the MIWE controllers"),
                    yearly(
                        C.PURCHASE, 2_400, 0, 5, "Monitoring platform subscription", ESCALATION_3PCT
                    ),
                    once(C.TRAINING, 700, "Bakers: reading the energy dashboard"),
                ],
                benefits=[
                    gain(
                        B.COST_SAVINGS, 6_650, 1, 5, "Energy use cut 7 % of a €95,000 energy bill"
                    ),
                    loss_avoided("Oven breakdown spoils a night's bake", 5, 40_000, 1, 5),
                    gain(
                        B.COST_SAVINGS, 1_500, 1, 5, "Fewer emergency call-outs (predictive repair)"
                    ),
                ],
            )
        ],
        risks=[
            risk(
                "The 2015 oven controllers cannot export data",
                RiskCategory.INTEGRATION,
                4,
                4,
                "MIWE engineer to confirm the interface before any purchase.",
                PIETER,
            ),
            risk(
                "Sensors fail in bakery heat and flour dust",
                RiskCategory.OTHER,
                2,
                3,
                "Industrial-rated sensors; pilot on two ovens first.",
                SAM,
            ),
        ],
        raci=raci(PIETER, [SAM], [ELENA], [MARTA]),
        id=OVENS,
    )
    skills = Initiative(
        "Staff digital skills programme",
        "Short courses and on-the-job coaching so every shop lead and baker is at ease with "
        "the new tills, shared files and order system; half funded by chamber vouchers.",
        Portfolio.RUN,
        InitiativeStatus.APPROVED,
        _NAMES[TOMAS],
        2026,
        3,
        8,
        3.5,
        4.0,
        goals=links((TEAM, 3), (ORDER_BOOK, 1)),
        milestones=[
            Milestone("Skills survey of all staff", 2026, 3),
            Milestone("Every shop lead trained", 2027, 2),
            Milestone("Second skills survey", 2028, 2),
        ],
        options=[
            Option(
                "Blended training with chamber vouchers",
                "Courses, coaching and short videos.",
                True,
                5,
                costs=[
                    yearly(C.TRAINING, 4_000, 0, 2, "Courses and coaching (after 50 % voucher)"),
                    yearly(
                        C.OPERATIONS, 3_000, 0, 2, "Staff time in training: 125 hours × €24/hour"
                    ),
                ],
                benefits=[hours_saved("Staff confident with the tools", 5, 24, 1, 4)],
            )
        ],
        risks=[
            risk(
                "Training clashes with the Christmas peak",
                RiskCategory.IMPLEMENTATION,
                3,
                2,
                "No sessions from mid-November to early January.",
                TOMAS,
                RiskStatus.CLOSED,
            ),
            risk(
                "Chamber voucher scheme ends early",
                RiskCategory.OTHER,
                2,
                3,
                "Apply for the full two years of vouchers in 2026.",
                ELENA,
            ),
        ],
        raci=raci(TOMAS, [PIETER, SAM], [ELENA], [MARTA]),
        id=SKILLS,
        funding=FundingSource.GRANT,
    )
    return [loyalty, ovens, skills]
