"""Sample plans: the "Harbour Bakery Co." demo and a large generated plan for benchmarks.

``sample_plan()`` is a rich, deterministic plan a board would recognise (no dates taken from
today, no randomness). ``large_plan()`` is in ``sample.large``.

Every entity carries an explicit id (1..n per entity type; options, cost lines, benefit lines,
milestones, risks and measurements are numbered across the whole plan), because links refer
to ids. Money is integer cents; rates and escalations are basis points.
"""

from __future__ import annotations

from datetime import date

from smbplanner.domain.enums import (
    Criticality,
    KpiDirection,
    Perspective,
    SwotKind,
    SystemAction,
)
from smbplanner.domain.model import (
    BudgetYear,
    Business,
    Feedback,
    Goal,
    Kpi,
    Measurement,
    Person,
    Plan,
    Review,
    SwotItem,
    System,
)
from smbplanner.sample.bakery_actuals import add_actuals, review_decisions
from smbplanner.sample.bakery_initiatives import initiatives
from smbplanner.sample.parts import (
    _NAMES,
    CUSTOMERS,
    DASHBOARD,
    ELENA,
    ERP,
    LOYALTY,
    MARGIN,
    MARTA,
    MFA,
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
    _eur,
    number_nested_ids,
)


def _business() -> Business:
    return Business(
        name="Harbour Bakery Co.",
        industry="Bakery and café chain: a central bakery, 4 shops and 30 wholesale café customers",
        employees=25,
        currency="EUR",
        start_year=2026,
        horizon_years=5,
        discount_rate_bp=800,
        rate_rationale=(
            "8 % is what the bank charges on our overdraft, plus a margin for risk: an "
            "initiative must beat borrowing the money."
        ),
        prepared_by=f"{_NAMES[MARTA]}, owner",
        it_vision=(
            "Technology lets every shop sell, bake and order from one live picture of the "
            "business, so we bake what our customers will buy, serve them faster and throw "
            "less bread away."
        ),
        it_mission=(
            "Keep the tills, ovens and order book running safely every day, and put our limited "
            "IT budget where it moves margin, customer loyalty and waste: simple, secure, "
            "cloud-first tools chosen with the people who use them and supported by one "
            "trusted IT partner."
        ),
    )


def _goals() -> list[Goal]:
    return [
        Goal(
            "Lift operating margin from 6 % to 9 %",
            "Grow revenue from €2.2m to €2.6m by 2029 while cutting waste, card fees and "
            "admin time per sale.",
            Perspective.FINANCIAL,
            5,
            date(2029, 12, 31),
            id=MARGIN,
        ),
        Goal(
            "Make it easy to order ahead and come back",
            "30 % of sales from pre-orders and repeat café accounts; Saturday queues under "
            "4 minutes in every shop.",
            Perspective.CUSTOMER,
            4,
            date(2028, 12, 31),
            id=CUSTOMERS,
        ),
        Goal(
            "One order book from shop to oven",
            "Every shop and café order flows into one system that plans tomorrow's bake: "
            "order errors below 5 per 1,000 and unsold bread below 5 % of the bake.",
            Perspective.INTERNAL_PROCESS,
            4,
            date(2028, 12, 31),
            id=ORDER_BOOK,
        ),
        Goal(
            "A team that runs on live data",
            "Every shop lead and the head baker use live sales and waste figures each week; "
            "new staff are at ease with the tills and order tools in their first week.",
            Perspective.LEARNING_GROWTH,
            3,
            date(2028, 6, 30),
            id=TEAM,
        ),
    ]


# ---------------------------------------------------------------- phase 2: assessment


def _swot() -> list[SwotItem]:
    s, w, o, t = SwotKind.STRENGTH, SwotKind.WEAKNESS, SwotKind.OPPORTUNITY, SwotKind.THREAT
    items = [
        (
            s,
            "Loyal local customers and a strong brand on the harbour front",
            "How can our tills and website recognise regulars and reward them without a paper "
            "stamp card?",
            [CUSTOMERS],
            [POS, LOYALTY],
        ),
        (
            s,
            "Skilled bakers and recipes competitors cannot copy",
            "Can recipes and bake plans live in one system, so quality does not depend on one "
            "person's memory?",
            [ORDER_BOOK, TEAM],
            [ERP],
        ),
        (
            s,
            "Wholesale to 30 cafés gives steady weekday volume",
            "Could cafés order online in the evening instead of phoning the bakery at 5 a.m.?",
            [MARGIN, ORDER_BOOK],
            [WEBSITE, ERP],
        ),
        (
            w,
            "Shop and café orders are retyped into a spreadsheet every morning",
            "Which system should be the single source of truth for what we bake tomorrow?",
            [ORDER_BOOK],
            [ERP],
        ),
        (
            w,
            "The back-office server is 12 years old, out of support, and backed up to a USB disk",
            "If the server died tonight, how many days could we not invoice, and what would "
            "that cost?",
            [MARGIN],
            [SERVER, MFA],
        ),
        (
            w,
            "Tills are out of support and freeze at the Saturday peak",
            "What does a lost Saturday hour at the tills cost, and how fast would new tills pay "
            "for themselves?",
            [CUSTOMERS, MARGIN],
            [POS, WIFI],
        ),
        (
            o,
            "Customers increasingly want to pre-order cakes and Christmas boxes online",
            "Which online ordering option fits our bake schedule without a second order book?",
            [CUSTOMERS, MARGIN],
            [PREORDER, WEBSITE],
        ),
        (
            o,
            "High energy prices make oven efficiency a margin lever",
            "Can oven data show which batches and shifts waste the most energy?",
            [MARGIN, ORDER_BOOK],
            [OVENS],
        ),
        (
            o,
            "The regional chamber subsidises digital-skills vouchers for small firms",
            "Which staff skills would unlock the most value from the systems we already pay for?",
            [TEAM],
            [SKILLS],
        ),
        (
            t,
            "Phishing and ransomware attacks on small food businesses are rising",
            "Would one stolen email password let someone redirect a supplier payment today?",
            [MARGIN],
            [MFA, SERVER],
        ),
        (
            t,
            "Supermarket in-store bakeries undercut us on price",
            "Which figures would show where we win on freshness and where we lose on price?",
            [MARGIN, CUSTOMERS],
            [DASHBOARD],
        ),
        (
            t,
            "Skilled shop and bakery staff are hard to hire and keep",
            "Do our tools make a new shop assistant productive in their first week?",
            [TEAM],
            [SKILLS, POS],
        ),
    ]
    return [
        SwotItem(kind, text, question, sorted(goal_ids), sorted(initiative_ids), id=n)
        for n, (kind, text, question, goal_ids, initiative_ids) in enumerate(items, start=1)
    ]


def _systems() -> list[System]:
    crit, act = Criticality, SystemAction
    return [
        System(
            "Shop tills (POS)",
            "Point of sale",
            "TillMaster Systems",
            _eur(3_600),
            2016,
            2025,
            2,
            crit.CRITICAL,
            act.REPLACE,
            "Vendor support ended December 2025; tills freeze at Saturday peaks.",
            id=1,
            replaced_by_id=POS,
        ),
        System(
            "Accounting",
            "Finance",
            "Ledgerline Online",
            _eur(1_440),
            2021,
            None,
            4,
            crit.HIGH,
            act.KEEP,
            "Cloud bookkeeping; till totals are keyed in by hand.",
            id=2,
        ),
        System(
            "Email and office (Microsoft 365)",
            "Collaboration",
            "Microsoft",
            _eur(2_900),
            2019,
            None,
            4,
            crit.HIGH,
            act.KEEP,
            "12 Business Standard and 13 frontline licences; no MFA yet.",
            id=3,
        ),
        System(
            "Back-office file and print server",
            "Infrastructure",
            "Dell PowerEdge T320, Windows Server 2012 R2",
            _eur(2_400),
            2014,
            2023,
            1,
            crit.HIGH,
            act.REPLACE,
            "Out of support since October 2023; backups to a USB disk taken home on Fridays.",
            id=4,
            replaced_by_id=SERVER,
        ),
        System(
            "Ordering spreadsheet",
            "Ordering and production",
            "In-house (Excel workbook)",
            0,
            2016,
            None,
            2,
            crit.CRITICAL,
            act.REPLACE,
            "Orders from 4 shops and 30 cafés retyped at 5 a.m.; one person knows the formulas.",
            id=5,
            replaced_by_id=ERP,
        ),
        System(
            "Shop Wi-Fi and broadband",
            "Network",
            "Coastline Broadband",
            _eur(3_240),
            2018,
            2027,
            2,
            crit.MEDIUM,
            act.INVEST,
            "Consumer routers; card terminals drop off at busy times.",
            id=6,
        ),
        System(
            "Website",
            "Marketing",
            "Studio Brine (WordPress)",
            _eur(900),
            2020,
            None,
            3,
            crit.MEDIUM,
            act.INVEST,
            "Brochure site; no ordering, slow on phones.",
            id=7,
        ),
        System(
            "Deck oven controllers",
            "Production equipment",
            "MIWE",
            _eur(1_800),
            2015,
            2030,
            3,
            crit.HIGH,
            act.KEEP,
            "Reliable, but cannot export energy or bake data.",
            id=8,
        ),
    ]


def _feedback() -> list[Feedback]:
    rows = [
        (
            "Shops (front of house)",
            2,
            "Tills freeze on Saturday mornings and the card reader drops the Wi-Fi.",
        ),
        (
            "Bakery production",
            3,
            "Tomorrow's quantities arrive by phone, WhatsApp and email and are retyped at 5 a.m.",
        ),
        ("Finance", 2, "Month-end takes six days of matching till reports to the bank by hand."),
        ("Management", 3, "No live view of sales per shop; decisions wait for Monday's figures."),
        (
            "Wholesale and catering",
            3,
            "Cafés email orders late at night; confirmations and changes are all manual.",
        ),
        (
            "Marketing and online",
            2,
            "The website cannot take pre-orders, so Christmas orders tie up the shop phones.",
        ),
    ]
    return [
        Feedback(department, satisfaction, pain, id=n)
        for n, (department, satisfaction, pain) in enumerate(rows, start=1)
    ]


# ---------------------------------------------------------------- phase 3: prioritise


def _people() -> list[Person]:
    roles = {
        MARTA: ("Owner and managing director", True),
        TOMAS: ("Operations manager", True),
        ELENA: ("Finance lead", True),
        PIETER: ("Head baker", False),
        SAM: ("Account manager, Northpoint IT (external IT partner)", True),
    }
    return [Person(_NAMES[pid], role, on_sc, id=pid) for pid, (role, on_sc) in roles.items()]


def _reviews() -> list[Review]:
    committee = "Marta Jensen, Tomás Ruiz, Elena Novak, Sam Okafor"
    return [
        Review(
            date(2026, 1, 27),
            committee,
            "Approved the MFA roll-out to start at once. Approved replacing the back-office "
            "server; cloud and on-premises options to be compared on 5-year cost by April. "
            "Shop Wi-Fi upgrade to go before the new tills.",
            "The server still runs Windows Server 2012 R2 with USB-disk backups; Sam to take "
            "a full image backup to the cloud this week.",
            id=1,
        ),
        Review(
            date(2026, 4, 21),
            committee + ", Pieter de Vries (for the ERP item)",
            "Chose Cloud (SaaS) for the back office: a higher 5-year cost than a new server, "
            "but far less cash up front, off-site resilience and remote access. New tills "
            "approved for Q4, after the Wi-Fi upgrade.",
            "MFA: 25 of 25 staff enrolled. KPI baselines agreed at 31 December 2025.",
            id=2,
        ),
        Review(
            date(2026, 7, 14),
            committee,
            "Bakery ERP kept as the strategic bet for 2027; Marta to visit two bakeries that "
            "use one. Loyalty app put on hold: it does not pay back within its four-year life; "
            "test the POS loyalty add-on first.",
            "Cloud migration 60 % done. Order errors down to 12 per 1,000 since the new "
            "order checklist. 2027 change budget looks tight once the ERP starts.",
            id=3,
        ),
    ]


# ---------------------------------------------------------------- phase 5: measure

QUARTER_ENDS = (date(2025, 12, 31), date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30))


def _kpis() -> list[Kpi]:
    inc, dec = KpiDirection.INCREASE, KpiDirection.DECREASE
    rows = [
        (
            MARGIN,
            "Operating margin",
            "%",
            inc,
            6.0,
            9.0,
            date(2029, 12, 31),
            "Server uptime (%)",
            (6.0, 6.1, 6.4, 6.6),
        ),
        (
            CUSTOMERS,
            "Sales from pre-orders and repeat café accounts",
            "% of sales",
            inc,
            12.0,
            30.0,
            date(2028, 12, 31),
            "Website visits per month",
            (12.0, 12.4, 13.1, 13.9),
        ),
        (
            CUSTOMERS,
            "Average Saturday queue time",
            "minutes",
            dec,
            9.0,
            4.0,
            date(2027, 12, 31),
            "Till uptime (%)",
            (9.0, 8.8, 8.2, 7.5),
        ),
        (
            ORDER_BOOK,
            "Order errors per 1,000 orders",
            "errors",
            dec,
            14.0,
            5.0,
            date(2028, 12, 31),
            "Tickets closed",
            (14.0, 13.5, 12.0, 11.2),
        ),
        (
            ORDER_BOOK,
            "Unsold bread",
            "% of daily bake",
            dec,
            9.0,
            5.0,
            date(2028, 12, 31),
            "Spreadsheet macros maintained",
            (9.0, 8.9, 8.6, 8.3),
        ),
        (
            TEAM,
            "Shop leads running their shop from live sales data",
            "% of shop leads",
            inc,
            0.0,
            100.0,
            date(2028, 6, 30),
            "Training hours delivered",
            (0.0, 0.0, 25.0, 25.0),
        ),
    ]
    kpis: list[Kpi] = []
    for n, (goal_id, name, unit, direction, base, target, due, replaces, values) in enumerate(
        rows, start=1
    ):
        measurements = [
            Measurement(day, value) for day, value in zip(QUARTER_ENDS, values, strict=True)
        ]
        kpis.append(
            Kpi(goal_id, name, unit, direction, base, target, due, replaces, measurements, id=n)
        )
    return kpis


def _budget_years() -> list[BudgetYear]:
    """Run and change envelopes per year. Planned run spend includes the systems' run costs
    (the old tills run until the cloud POS is in, 2027 Q1; the old server until its
    replacement, end of 2026); 2027 (the ERP starts) is over on change."""
    envelopes = {
        2026: (68_000, 5_000),
        2027: (36_000, 60_000),
        2028: (33_000, 57_000),
        2029: (26_000, 56_000),
        2030: (26_000, 32_000),
    }
    return [BudgetYear(year, _eur(run), _eur(change)) for year, (run, change) in envelopes.items()]


# ---------------------------------------------------------------- assembly


def sample_plan() -> Plan:
    """The Harbour Bakery Co. demo: a complete, deterministic five-year IT strategy."""
    plan = Plan(
        business=_business(),
        goals=_goals(),
        swot=_swot(),
        systems=_systems(),
        feedback=_feedback(),
        initiatives=initiatives(),
        people=_people(),
        reviews=_reviews(),
        kpis=_kpis(),
        budget_years=_budget_years(),
    )
    add_actuals(plan.initiatives)
    plan.reviews[-1].verdicts = review_decisions()
    number_nested_ids(plan)
    return plan
