"""Schema migrations, through sqlite-utils' ``Migrations``.

``PRAGMA user_version`` is the number of migrations applied, i.e. the schema version.
A migration, once released, never changes: version 2 adds ``@MIGRATIONS(name="0002_...")``
below, bumps ``SCHEMA_VERSION`` and adds a fixture test that version-1 files migrate.
"""

from __future__ import annotations

from functools import cache

from smbplanner.storage.schema import APPLICATION_ID, MIGRATION_SET, SCHEMA_VERSION, V1, V2
from smbplanner.storage.sqlutils import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations(MIGRATION_SET)


@MIGRATIONS(name="0001_initial")
def _initial(db: sqlite_utils.Database) -> None:
    for statement in V1:
        db.execute(statement)


@MIGRATIONS(name="0002_target_run_share")
def _target_run_share(db: sqlite_utils.Database) -> None:
    for statement in V2:
        db.execute(statement)


def migration_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every pending migration in ONE transaction; returns the new schema version."""
    names = migration_names()
    assert len(names) == SCHEMA_VERSION, "every schema version needs exactly one migration"
    with db.atomic():
        MIGRATIONS.apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _normal(sql: str | None) -> str | None:
    return " ".join(sql.split()) if sql else sql


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """(type, name, table, sql) of every object a file of ``version`` holds, but the
    migrations table and its index, which are checked by shape."""
    names = migration_names()
    db = sqlite_utils.Database(memory=True, execute_plugins=False, recursive_triggers=False)
    stop = names[version] if version < len(names) else None
    MIGRATIONS.apply(db, stop_before=stop)
    return read_schema(db)


def read_schema(db: sqlite_utils.Database) -> frozenset[tuple[str, str, str, str | None]]:
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (t, n, tbl, _normal(sql)) for t, n, tbl, sql in rows if tbl != "_sqlite_migrations"
    )
