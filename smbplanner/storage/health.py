"""The file side of Help ▸ Check plan file: SQLite's own checks, worded for the owner."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from smbplanner.storage.planfile import PlanFile


@dataclass(frozen=True)
class FileHealth:
    """``integrity_check`` and ``foreign_key_check`` findings; both empty when sound."""

    integrity: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.integrity and not self.references


def check_file(plan_file: PlanFile) -> FileHealth:
    """Run ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` (reading only)."""
    db = plan_file.conn
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
        integrity = [] if rows == ["ok"] else rows
        references = [
            f"Row {rowid} of the {table} table refers to a {parent} that does not exist"
            for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()
        ]
    except sqlite3.Error as e:
        return FileHealth(integrity=[f"the file cannot be read ({e})"])
    return FileHealth(integrity, references)
