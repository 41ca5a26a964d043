"""Where SMB Planner keeps its own data (backups); overridable for tests and portable use."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "SMB Planner"


def data_dir() -> Path:
    """The user's data folder (``SMBPLANNER_DATA_DIR`` overrides it)."""
    override = os.environ.get("SMBPLANNER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when needed: not on the start-up's path

    return Path(platformdirs.user_data_dir(APP_NAME, False))


def backup_dir() -> Path:
    return data_dir() / "backups"
