"""Copies of a plan taken with SQLite's backup API, written to a temporary file in the
target folder and renamed into place atomically, so that a half-written file never has
the target's name. Never copies an open file byte by byte."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from smbplanner.storage.errors import PlanFileError, PlanLocked
from smbplanner.storage.lock import lock_path, read_holder


def temp_path_beside(target: Path) -> Path:
    import secrets  # only when a copy is written: not on the start-up's path

    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def check_target(target: Path, *, force: bool) -> None:
    """Refuse to overwrite an existing file without ``force``, or a plan open elsewhere."""
    if target.exists() and target.is_dir():
        raise PlanFileError(f"{target.name}: is a folder")
    if target.exists() and not force:
        raise PlanFileError(f"{target.name}: already exists (use --force to overwrite it)")
    if lock_path(target).exists() and read_holder(target):
        from smbplanner.storage.lock import PlanLock

        probe = PlanLock(target)
        try:
            probe.acquire()
        except PlanLocked:
            raise PlanFileError(
                f"{target.name}: is open in another SMB Planner window; close it there first"
            ) from None
        probe.release()
    if not target.parent.is_dir():
        raise PlanFileError(f"{target.parent}: no such folder")


def write_atomically(target: Path, fill: Callable[[Path], None]) -> None:
    """Run ``fill(tmp)`` to build the file at a temporary path, fsync it, rename it over
    ``target``. On any error the temporary file is removed and ``target`` is untouched."""
    tmp = temp_path_beside(target)
    try:
        fill(tmp)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_into(source: sqlite3.Connection, target: Path, *, force: bool = False) -> None:
    """Copy an open database to ``target`` with the backup API, atomically."""
    check_target(target, force=force)

    def fill(tmp: Path) -> None:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()

    try:
        write_atomically(target, fill)
    except OSError as e:
        raise PlanFileError(f"{target.name}: cannot be written ({e.strerror or e})") from None
