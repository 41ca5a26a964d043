"""Errors of the plan file. Each message is one clear sentence naming the file and the problem."""

from __future__ import annotations

import sqlite3

#: What SQLite raises: callers outside ``storage`` name no database module.
DATABASE_ERRORS = (sqlite3.Error,)


class PlanFileError(Exception):
    """A plan file that cannot be opened, created or written as asked."""


class NotAPlanFile(PlanFileError):
    """Empty, not SQLite, or another application's database."""


class PlanDamaged(PlanFileError):
    """A plan file that fails its integrity or schema checks."""


class PlanTooNew(PlanFileError):
    """Written by a newer version of SMB Planner."""


class PlanLocked(PlanFileError):
    """Open for editing in another SMB Planner window or process."""


class PlanReadOnly(PlanFileError):
    """An edit on a plan opened read-only, or a file the user may not write."""


class StaleEdit(PlanFileError):
    """An operation on an entity that is not in the file (already deleted, wrong id)."""


class JsonFormatError(ValueError):
    """A JSON document that is not a valid plan; the message starts with the path."""
