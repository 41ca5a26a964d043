"""Schema migrations: applied through sqlite-utils' ``Migrations``.

``PRAGMA user_version`` is the number of migrations applied, i.e. the schema version.
A migration, once released, never changes: a new version adds its statements to
``schema.py``, a step to ``STEPS`` below, bumps ``SCHEMA_VERSION`` and adds a fixture test
that older files migrate.

The expected schema of each version (what the hardened open compares a file with) is built
from the same statements on a plain in-memory ``sqlite3`` database, so that opening a plan
does not need sqlite-utils (kept off the app's start-up; see ``sqlutils``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from smbplanner.storage import sqlutils
from smbplanner.storage.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    SCHEMA_VERSION,
    V1,
    V2,
    V3,
    V4,
    V5,
)

if TYPE_CHECKING:
    import sqlite_utils

#: (name, statements) of every migration, oldest first; a file of version N has the first N.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_initial", V1),
    ("0002_target_run_share", V2),
    ("0003_line_ranges", V3),
    ("0004_board_fields", V4),
    ("0005_actuals", V5),
)


def _step(statements: tuple[str, ...]) -> Callable[[sqlite_utils.Database], None]:
    def apply(db: sqlite_utils.Database) -> None:
        for statement in statements:
            db.execute(statement)

    return apply


@cache
def migrations() -> sqlite_utils.Migrations:
    """The sqlite-utils ``Migrations`` of every step (built, and sqlite-utils imported,
    the first time a plan is created or migrated)."""
    found: sqlite_utils.Migrations = sqlutils.module().Migrations(MIGRATION_SET)
    for name, statements in STEPS:
        found(name=name)(_step(statements))
    return found


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every pending migration in ONE transaction; returns the new schema version."""
    assert len(STEPS) == SCHEMA_VERSION, "every schema version needs exactly one step"
    with db.atomic():
        migrations().apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _normal(sql: str | None) -> str | None:
    return " ".join(sql.split()) if sql else sql


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """(type, name, table, sql) of every object a file of ``version`` holds, but the
    migrations table and its index, which are checked by shape."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for _name, statements in STEPS[:version]:
            for statement in statements:
                conn.execute(statement)
        return read_schema(conn)
    finally:
        conn.close()


def read_schema(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (t, n, tbl, _normal(sql)) for t, n, tbl, sql in rows if tbl != MIGRATIONS_TABLE
    )
