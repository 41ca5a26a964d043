"""Makers of damaged and hostile plan files, each from a sound one (or from nothing)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from smbplanner.storage.schema import APPLICATION_ID


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for s in statements:
            conn.execute(s)
    finally:
        conn.close()


def empty(good: Path, out: Path) -> None:
    out.write_bytes(b"")


def random_bytes(good: Path, out: Path) -> None:
    out.write_bytes(random.Random(1).randbytes(8192))


def text_file(good: Path, out: Path) -> None:
    out.write_text("name,amount\nCRM,1200\n")


def truncated_half(good: Path, out: Path) -> None:
    data = good.read_bytes()
    out.write_bytes(data[: len(data) // 2])


def truncated_header(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes()[:60])


def truncated_odd(good: Path, out: Path) -> None:
    data = good.read_bytes()
    out.write_bytes(data[: len(data) - 1000])


def zeroed_page(good: Path, out: Path) -> None:
    data = bytearray(good.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    start = page * 3
    data[start : start + page] = bytes(page)
    out.write_bytes(bytes(data))


def other_application(good: Path, out: Path) -> None:
    _sql(
        out,
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO contacts (name) VALUES ('Ann')",
    )


def wrong_application_id(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(out, "PRAGMA application_id = 42")


def future_version(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(out, "PRAGMA user_version = 99")


def extra_trigger(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(
        out,
        "CREATE TRIGGER evil AFTER INSERT ON goal BEGIN UPDATE business SET name = 'pwned'; END",
    )


def extra_view(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(out, "CREATE VIEW everything AS SELECT * FROM goal")


def extra_table(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(out, "CREATE TABLE payload (x BLOB)")


def table_replaced_by_view(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(
        out,
        "PRAGMA foreign_keys = OFF",
        "DROP TABLE feedback",
        "CREATE VIEW feedback AS SELECT 1 AS id, 'x' AS department, 3 AS satisfaction, "
        "'' AS pain_point",
    )


def altered_check(good: Path, out: Path) -> None:
    """A table whose definition was changed (its CHECK constraints dropped)."""
    out.write_bytes(good.read_bytes())
    _sql(
        out,
        "PRAGMA foreign_keys = OFF",
        "DROP TABLE feedback",
        "CREATE TABLE feedback (id INTEGER PRIMARY KEY, department TEXT, "
        "satisfaction INTEGER, pain_point TEXT)",
    )


def migrations_trigger(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(
        out, "CREATE TRIGGER sneaky AFTER INSERT ON _sqlite_migrations BEGIN DELETE FROM goal; END"
    )


def migrations_expression_index(good: Path, out: Path) -> None:
    out.write_bytes(good.read_bytes())
    _sql(out, "CREATE INDEX sneaky_index ON _sqlite_migrations(lower(name))")


BAD_FILES: dict[str, Callable[[Path, Path], None]] = {
    f.__name__: f
    for f in (
        empty,
        random_bytes,
        text_file,
        truncated_half,
        truncated_header,
        truncated_odd,
        zeroed_page,
        other_application,
        wrong_application_id,
        future_version,
        extra_trigger,
        extra_view,
        extra_table,
        table_replaced_by_view,
        altered_check,
        migrations_trigger,
        migrations_expression_index,
    )
}

EXPECTED_WORDS = {
    "empty": "empty",
    "random_bytes": "not a SQLite database",
    "text_file": "not a SQLite database",
    "truncated_half": "damaged",
    "truncated_header": "not a SQLite database",
    "truncated_odd": "damaged",
    "zeroed_page": "damaged",
    "other_application": "another application",
    "wrong_application_id": "another application",
    "future_version": "newer version",
    "extra_trigger": "unexpected trigger 'evil'",
    "extra_view": "unexpected view 'everything'",
    "extra_table": "unexpected table 'payload'",
    "table_replaced_by_view": "feedback",
    "altered_check": "'feedback' has an unexpected definition",
    "migrations_trigger": "unexpected trigger 'sneaky'",
    "migrations_expression_index": "unexpected index 'sneaky_index'",
}

assert set(EXPECTED_WORDS) == set(BAD_FILES)
assert APPLICATION_ID != 42
