"""sqlite-utils, imported on first use and without numpy or pandas: every module of
``storage`` takes it from here (``sqlutils.database(conn)``, ``sqlutils.module()``).

Opening and reading a plan use plain ``sqlite3``; sqlite-utils (transactions, migrations,
foreign-key introspection) is needed only once the plan is edited, created or migrated. Its
import costs about 0.15 s (it always imports click, pluggy and dateutil), so it is kept off
the app's start-up: ``module()`` imports it the first time it is asked for.

When numpy or pandas is installed, sqlite-utils imports it at once, only to accept numpy
scalars and pandas timestamps as column values. Plan files never store those, and importing
numpy costs 0.1–0.3 s more. So they are hidden while sqlite-utils is imported (an
``ImportError``, which sqlite-utils handles) and visible again straight after; a process
that has already imported them gets sqlite-utils as usual.
"""

from __future__ import annotations

import importlib
import sqlite3
import sys
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

HIDDEN = ("numpy", "pandas")


def import_without_numpy() -> ModuleType:
    hidden = [name for name in HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


@cache
def module() -> ModuleType:
    """The ``sqlite_utils`` module, imported (without numpy) on the first call."""
    return import_without_numpy()


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """``conn`` as a sqlite-utils Database: no plugins, and SQLite's own trigger rules."""
    db: sqlite_utils.Database = module().Database(
        conn, execute_plugins=False, recursive_triggers=False
    )
    return db
