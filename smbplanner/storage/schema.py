"""Schema of the plan file, version by version.

The DDL of a released version is frozen: a later version changes the schema only through a
new migration in ``migrations.py``. Every table is STRICT; money is INTEGER cents; rates and
factors are INTEGER basis points; scores are INTEGER half-steps (2 = 1.0 .. 10 = 5.0).

The schema is written as DDL text (not generated) because the hardened open compares the
file's ``sqlite_master`` with the expected text of its version, and because sqlite-utils
offers CHECK constraints only through a private parameter.
"""

from __future__ import annotations

APPLICATION_ID = 0x534D4250  # "SMBP"
SCHEMA_VERSION = 5
JSON_FORMAT = "smbplanner-plan"

_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
_MONEY = "BETWEEN 0 AND 10000000000000"


def _enum(column: str, *values: str) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"CHECK ({column} IN ({quoted}))"


def _bool(column: str) -> str:
    return f"CHECK ({column} IN (0, 1))"


_LINE_COLUMNS = f"""
    amount_cents INTEGER NOT NULL CHECK (amount_cents {_MONEY}),
    kind TEXT NOT NULL {_enum("kind", "one_off", "recurring")},
    year_from INTEGER NOT NULL CHECK (year_from BETWEEN 0 AND 29),
    year_to INTEGER NOT NULL CHECK (year_to BETWEEN year_from AND 29),
    escalation_bp INTEGER NOT NULL DEFAULT 0 CHECK (escalation_bp BETWEEN -9999 AND 10000),
    description TEXT NOT NULL DEFAULT ''"""

V1: tuple[str, ...] = (
    """CREATE TABLE business (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    industry TEXT NOT NULL DEFAULT '',
    employees INTEGER NOT NULL DEFAULT 0 CHECK (employees >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    start_year INTEGER NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    horizon_years INTEGER NOT NULL CHECK (horizon_years BETWEEN 1 AND 10),
    discount_rate_bp INTEGER NOT NULL CHECK (discount_rate_bp BETWEEN 0 AND 10000),
    optimistic_cost_bp INTEGER NOT NULL CHECK (optimistic_cost_bp BETWEEN 0 AND 100000),
    optimistic_benefit_bp INTEGER NOT NULL CHECK (optimistic_benefit_bp BETWEEN 0 AND 100000),
    pessimistic_cost_bp INTEGER NOT NULL CHECK (pessimistic_cost_bp BETWEEN 0 AND 100000),
    pessimistic_benefit_bp INTEGER NOT NULL CHECK (pessimistic_benefit_bp BETWEEN 0 AND 100000),
    it_vision TEXT NOT NULL DEFAULT '',
    it_mission TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description TEXT NOT NULL DEFAULT '',
    perspective TEXT NOT NULL
        {_enum("perspective", "financial", "customer", "internal_process", "learning_growth")},
    weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
    target_date TEXT CHECK (target_date IS NULL OR target_date {_DATE})
) STRICT""",
    f"""CREATE TABLE swot_item (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL {_enum("kind", "strength", "weakness", "opportunity", "threat")},
    text TEXT NOT NULL CHECK (length(text) >= 1),
    it_question TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE system (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    category TEXT NOT NULL DEFAULT '',
    vendor TEXT NOT NULL DEFAULT '',
    annual_run_cost_cents INTEGER NOT NULL CHECK (annual_run_cost_cents {_MONEY}),
    year_installed INTEGER CHECK (year_installed BETWEEN 1900 AND 2200),
    end_of_life_year INTEGER CHECK (end_of_life_year BETWEEN 1900 AND 2200),
    condition INTEGER NOT NULL CHECK (condition BETWEEN 1 AND 5),
    criticality TEXT NOT NULL {_enum("criticality", "low", "medium", "high", "critical")},
    action TEXT NOT NULL {_enum("action", "keep", "invest", "replace", "retire")},
    notes TEXT NOT NULL DEFAULT ''
) STRICT""",
    """CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    department TEXT NOT NULL CHECK (length(department) BETWEEN 1 AND 500),
    satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    pain_point TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE initiative (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    description TEXT NOT NULL DEFAULT '',
    portfolio TEXT NOT NULL {_enum("portfolio", "run", "change")},
    status TEXT NOT NULL {
        _enum("status", "proposed", "approved", "in_progress", "done", "on_hold", "cancelled")
    },
    owner TEXT NOT NULL DEFAULT '',
    start_year INTEGER NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    start_quarter INTEGER NOT NULL CHECK (start_quarter BETWEEN 1 AND 4),
    duration_quarters INTEGER NOT NULL CHECK (duration_quarters BETWEEN 1 AND 40),
    impact_half INTEGER CHECK (impact_half BETWEEN 2 AND 10),
    feasibility_half INTEGER CHECK (feasibility_half BETWEEN 2 AND 10)
) STRICT""",
    """CREATE TABLE swot_goal (
    swot_id INTEGER NOT NULL REFERENCES swot_item(id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    PRIMARY KEY (swot_id, goal_id)
) STRICT""",
    """CREATE TABLE swot_initiative (
    swot_id INTEGER NOT NULL REFERENCES swot_item(id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    PRIMARY KEY (swot_id, initiative_id)
) STRICT""",
    """CREATE TABLE initiative_goal (
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    contribution INTEGER NOT NULL CHECK (contribution BETWEEN 1 AND 3),
    PRIMARY KEY (initiative_id, goal_id)
) STRICT""",
    """CREATE TABLE dependency (
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    depends_on_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, depends_on_id),
    CHECK (initiative_id <> depends_on_id)
) STRICT""",
    """CREATE TABLE milestone (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4)
) STRICT""",
    f"""CREATE TABLE option (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    description TEXT NOT NULL DEFAULT '',
    chosen INTEGER NOT NULL DEFAULT 0 {_bool("chosen")},
    life_years INTEGER NOT NULL CHECK (life_years BETWEEN 1 AND 30)
) STRICT""",
    "CREATE UNIQUE INDEX option_one_chosen ON option(initiative_id) WHERE chosen = 1",
    f"""CREATE TABLE cost_line (
    id INTEGER PRIMARY KEY,
    option_id INTEGER NOT NULL REFERENCES option(id) ON DELETE CASCADE,
    category TEXT NOT NULL {
        _enum(
            "category",
            "purchase",
            "implementation",
            "training",
            "maintenance",
            "operations",
            "decommissioning",
        )
    },{_LINE_COLUMNS}
) STRICT""",
    f"""CREATE TABLE benefit_line (
    id INTEGER PRIMARY KEY,
    option_id INTEGER NOT NULL REFERENCES option(id) ON DELETE CASCADE,
    category TEXT NOT NULL {
        _enum("category", "revenue", "cost_savings", "productivity", "risk_reduction", "other")
    },{_LINE_COLUMNS}
) STRICT""",
    f"""CREATE TABLE risk (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    description TEXT NOT NULL CHECK (length(description) >= 1),
    category TEXT NOT NULL {
        _enum("category", "implementation", "obsolescence", "security", "integration", "other")
    },
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    mitigation TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL {_enum("status", "open", "closed")}
) STRICT""",
    f"""CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    role TEXT NOT NULL DEFAULT '',
    on_steering_committee INTEGER NOT NULL DEFAULT 0 {_bool("on_steering_committee")}
) STRICT""",
    f"""CREATE TABLE raci (
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    role TEXT NOT NULL {_enum("role", "R", "A", "C", "I")},
    PRIMARY KEY (initiative_id, person_id)
) STRICT""",
    f"""CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL CHECK (date {_DATE}),
    attendees TEXT NOT NULL DEFAULT '',
    decisions TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE kpi (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    unit TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL {_enum("direction", "increase", "decrease")},
    baseline REAL NOT NULL,
    target REAL NOT NULL,
    target_date TEXT CHECK (target_date IS NULL OR target_date {_DATE}),
    replaces_it_metric TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE measurement (
    id INTEGER PRIMARY KEY,
    kpi_id INTEGER NOT NULL REFERENCES kpi(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK (date {_DATE}),
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE budget_year (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    run_cents INTEGER NOT NULL CHECK (run_cents {_MONEY}),
    change_cents INTEGER NOT NULL CHECK (change_cents {_MONEY})
) STRICT""",
    """CREATE TABLE snapshot (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    taken_at TEXT NOT NULL,
    data TEXT NOT NULL
) STRICT""",
    "CREATE INDEX swot_goal_goal ON swot_goal(goal_id)",
    "CREATE INDEX swot_initiative_initiative ON swot_initiative(initiative_id)",
    "CREATE INDEX initiative_goal_goal ON initiative_goal(goal_id)",
    "CREATE INDEX dependency_depends_on ON dependency(depends_on_id)",
    "CREATE INDEX milestone_initiative ON milestone(initiative_id)",
    "CREATE INDEX option_initiative ON option(initiative_id)",
    "CREATE INDEX cost_line_option ON cost_line(option_id)",
    "CREATE INDEX benefit_line_option ON benefit_line(option_id)",
    "CREATE INDEX risk_initiative ON risk(initiative_id)",
    "CREATE INDEX raci_person ON raci(person_id)",
    "CREATE INDEX kpi_goal ON kpi(goal_id)",
    "CREATE INDEX measurement_kpi ON measurement(kpi_id)",
)

#: Version 2: the owner's target share of Run spend (basis points; NULL = no target).
V2: tuple[str, ...] = (
    """ALTER TABLE business ADD COLUMN target_run_share_bp INTEGER
    CHECK (target_run_share_bp IS NULL OR target_run_share_bp BETWEEN 0 AND 10000)""",
)

#: Version 3: the owner's own range of a cost or benefit line, as low and high factors in basis
#: points around ×1 (NULL = the plan's scenario factors).
V3: tuple[str, ...] = tuple(
    f"""ALTER TABLE {table} ADD COLUMN {column} INTEGER
    CHECK ({column} IS NULL OR {column} BETWEEN {low} AND {high})"""
    for table in ("cost_line", "benefit_line")
    for column, low, high in (("low_bp", 0, 10000), ("high_bp", 10000, 100000))
)

#: Version 4, for the board pack and the current state: the owner's resolution sentence, the
#: discount rate's rationale and who prepared the plan; how each initiative is funded; whether
#: a cost line is capital (NULL = its category's default); the initiative that retires or
#: replaces a system (its run cost runs until that initiative's planned end).
V4: tuple[str, ...] = (
    "ALTER TABLE business ADD COLUMN resolution TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE business ADD COLUMN rate_rationale TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE business ADD COLUMN prepared_by TEXT NOT NULL DEFAULT ''",
    f"""ALTER TABLE initiative ADD COLUMN funding TEXT NOT NULL DEFAULT 'cash'
    {_enum("funding", "cash", "loan", "lease", "grant", "other")}""",
    "ALTER TABLE cost_line ADD COLUMN capital INTEGER CHECK (capital IS NULL OR capital IN (0, 1))",
    """ALTER TABLE system ADD COLUMN replaced_by_id INTEGER
    REFERENCES initiative(id) ON DELETE SET NULL""",
    "CREATE INDEX system_replaced_by ON system(replaced_by_id)",
)

_COST_CATEGORIES = (
    "purchase", "implementation", "training", "maintenance", "operations", "decommissioning"
)
_BENEFIT_CATEGORIES = ("revenue", "cost_savings", "productivity", "risk_reduction", "other")

#: Version 5: what really happened. Per initiative its actual start and finish, percent
#: complete, the owner's status colour (RAG) and its reason, the owner's estimate of the cost
#: at completion; actual spend per year and cost category; realised benefits per year and
#: benefit category with their evidence; a quarterly review's snapshot and its decision per
#: initiative (continue, change, stop). The review's snapshot is not a foreign key: deleting
#: a snapshot leaves the review.
V5: tuple[str, ...] = (
    f"""ALTER TABLE initiative ADD COLUMN actual_start TEXT
    CHECK (actual_start IS NULL OR actual_start {_DATE})""",
    f"""ALTER TABLE initiative ADD COLUMN actual_finish TEXT
    CHECK (actual_finish IS NULL OR actual_finish {_DATE})""",
    """ALTER TABLE initiative ADD COLUMN percent_complete INTEGER
    CHECK (percent_complete IS NULL OR percent_complete BETWEEN 0 AND 100)""",
    """ALTER TABLE initiative ADD COLUMN rag TEXT
    CHECK (rag IS NULL OR rag IN ('green', 'amber', 'red'))""",
    "ALTER TABLE initiative ADD COLUMN rag_reason TEXT NOT NULL DEFAULT ''",
    f"""ALTER TABLE initiative ADD COLUMN forecast_cost_cents INTEGER
    CHECK (forecast_cost_cents IS NULL OR forecast_cost_cents {_MONEY})""",
    f"""CREATE TABLE actual_cost (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    category TEXT NOT NULL {_enum("category", *_COST_CATEGORIES)},
    amount_cents INTEGER NOT NULL CHECK (amount_cents {_MONEY}),
    note TEXT NOT NULL DEFAULT ''
) STRICT""",
    f"""CREATE TABLE actual_benefit (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    category TEXT NOT NULL {_enum("category", *_BENEFIT_CATEGORIES)},
    amount_cents INTEGER NOT NULL CHECK (amount_cents {_MONEY}),
    evidence TEXT NOT NULL DEFAULT ''
) STRICT""",
    """ALTER TABLE review ADD COLUMN snapshot_id INTEGER
    CHECK (snapshot_id IS NULL OR snapshot_id >= 1)""",
    f"""CREATE TABLE review_decision (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    verdict TEXT NOT NULL {_enum("verdict", "continue", "change", "stop")},
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (review_id, initiative_id)
) STRICT""",
    "CREATE INDEX actual_cost_initiative ON actual_cost(initiative_id)",
    "CREATE INDEX actual_benefit_initiative ON actual_benefit(initiative_id)",
    "CREATE INDEX review_decision_initiative ON review_decision(initiative_id)",
)

#: The table that sqlite-utils' Migrations keeps; checked by its shape, not its text.
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATIONS_COLUMNS = ("id", "migration_set", "name", "applied_at")
MIGRATION_SET = "smbplanner"
