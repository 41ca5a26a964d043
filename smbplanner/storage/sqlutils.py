"""sqlite-utils, imported without numpy or pandas: every module of ``storage`` takes it
from here (``from smbplanner.storage.sqlutils import sqlite_utils``).

When numpy or pandas is installed, sqlite-utils imports it at once, only to accept numpy
scalars and pandas timestamps as column values. Plan files never store those, and importing
numpy costs 0.1–0.3 s of the app's start-up. So they are hidden while sqlite-utils is imported
(an ``ImportError``, which sqlite-utils handles) and visible again straight after; a process
that has already imported them gets sqlite-utils as usual.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING

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


if TYPE_CHECKING:
    import sqlite_utils as sqlite_utils
else:
    sqlite_utils = import_without_numpy()
