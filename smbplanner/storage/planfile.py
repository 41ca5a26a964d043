"""An open plan file: the one gateway between the app and its SQLite document.

Edits commit at once, one transaction each (see ``operations``). Opening is hardened
(``connection``), one writer holds the lock (``lock``), copies go through the backup API
(``filecopy``). Reading never modifies the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from smbplanner.domain.model import Business, Plan
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.domain.validation import check, require
from smbplanner.storage import sqlutils
from smbplanner.storage.connection import (
    connect,
    describe_sqlite_error,
    one_line,
    open_verified,
)
from smbplanner.storage.errors import PlanDamaged, PlanFileError, PlanReadOnly
from smbplanner.storage.filecopy import backup_into, check_target, write_atomically
from smbplanner.storage.lock import PlanLock
from smbplanner.storage.migrations import migrate
from smbplanner.storage.operations import Operations
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.planio import insert_plan, load_plan, locate
from smbplanner.storage.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

PLAN_SUFFIX = ".smbplan"


class PlanFile(Operations):
    """Use ``PlanFile.open(path)`` or ``PlanFile.create(path, plan)``; close when done."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, *, readonly: bool, lock: PlanLock | None
    ):
        self.path = path
        #: The plain connection: opening and reading use it; edits use ``db``.
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        #: Called once, before the first edit's transaction (the app's backup on open, when
        #: it has not been taken yet); cleared when called.
        self.before_first_write: Callable[[], None] | None = None
        self.readonly = readonly
        self._lock = lock
        #: Information about a crashed holder's lock taken over on open, else None.
        self.stale_lock = lock.stale if lock else None
        #: Why a read-only plan is read-only, in a few words (the app's banner shows it).
        self.readonly_reason = "it was opened read-only" if readonly else ""
        #: The first ``load`` after opening checks every value (and the first with
        #: snapshots, their data).
        self._unchecked = True
        self._snapshots_checked = False

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils Database, made (and sqlite-utils imported) on
        first use: the first edit, not the open."""
        if self._db is None:
            self._db = sqlutils.database(self.conn)
        return self._db

    # --- opening and closing -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> PlanFile:
        """Open a plan; raises a ``PlanFileError`` with a one-line message if refused.

        An older plan is backed up, then migrated in one transaction.
        """
        path = Path(path)
        if readonly:
            conn, version = open_verified(path, readonly=True)
            if version < SCHEMA_VERSION:
                conn = _migrated_in_memory(conn, path)
            return cls(path, conn, readonly=True, lock=None)
        _require_writable(path)
        return cls._open_for_editing(path, PlanLock(path).acquire())

    @classmethod
    def _open_for_editing(cls, path: Path, lock: PlanLock) -> PlanFile:
        """Open with ``lock`` held (released if the open fails)."""
        try:
            conn, version = open_verified(path, readonly=False)
            if version < SCHEMA_VERSION:
                try:
                    _backup_before_migration(conn, path, version)
                    migrate(sqlutils.database(conn))
                except Exception as e:  # the migration's transaction was rolled back
                    conn.close()
                    if isinstance(e, PlanFileError):
                        raise
                    raise PlanFileError(
                        f"{path.name}: could not be updated from plan format {version} to "
                        f"{SCHEMA_VERSION} ({one_line(e)}); the file was left as it was"
                    ) from None
            return cls(path, conn, readonly=False, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def create(cls, path: str | Path, plan: Plan | Business, *, force: bool = False) -> PlanFile:
        """Write a new plan file (a whole ``Plan``, or an empty one for a ``Business``) and
        open it. The file appears only once complete; nothing is left behind on error."""
        path = Path(path)
        if isinstance(plan, Business):
            plan = Plan(business=plan)
        require(check_whole_plan(plan))
        check_target(path, force=force)
        # The plan's lock is held from before the file is written until it is open here: an
        # editor can neither hold the file being replaced nor slip in before this open.
        lock = PlanLock(path).acquire()

        def fill(tmp: Path) -> None:
            conn = connect(tmp, readonly=False, create=True)
            try:
                db = sqlutils.database(conn)
                migrate(db)
                with db.atomic():
                    insert_plan(conn, plan)
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise PlanFileError(f"{path.name}: the plan refers to missing entities")
            finally:
                conn.close()

        try:
            try:
                write_atomically(path, fill, replace=force)
            except sqlite3.IntegrityError as e:
                raise PlanFileError(
                    f"{path.name}: the plan is inconsistent ({one_line(e)})"
                ) from None
        except BaseException:
            lock.release()
            raise
        return cls._open_for_editing(path, lock)

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------
    def load(self, *, snapshots: bool = True) -> Plan:
        """The whole plan, each value held to the same rules as typed input: a file whose
        rows break them is refused with one line naming the table, row and field."""
        check = self._unchecked or (snapshots and not self._snapshots_checked)
        try:
            plan = load_plan(
                self.conn, snapshots=snapshots, name=self.path.name if check else None
            )
        except sqlite3.Error as e:
            raise describe_sqlite_error(self.path.name, e) from None
        # Checked once per open: later edits pass the same rules before they are written.
        self._unchecked = False
        self._snapshots_checked = self._snapshots_checked or snapshots
        return plan

    def load_first(self) -> Plan:
        """The business profile and the goals only (what the app's first page shows), each
        value checked: read before the window's first paint, the rest after it."""
        from smbplanner.domain.model import Goal
        from smbplanner.storage.planread import read_business, read_simple
        from smbplanner.storage.rows import RowError

        try:
            plan = Plan(business=read_business(self.conn), goals=read_simple(self.conn, Goal))
        except RowError as e:
            raise PlanDamaged(f"{self.path.name}: refused: {e}") from None
        except sqlite3.Error as e:
            raise describe_sqlite_error(self.path.name, e) from None
        problems = [p.at("business") for p in check(plan.business)]
        for index, goal in enumerate(plan.goals):
            problems += [p.at(f"goals[{index}]") for p in check(goal)]
        if problems:
            raise PlanDamaged(f"{self.path.name}: refused: {locate(plan, problems[0])}")
        return plan

    def integrity_problems(self) -> list[str]:
        """``integrity_check`` and ``foreign_key_check`` findings (empty when sound)."""
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        found = [] if rows == ["ok"] else rows
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check").fetchall():
            found.append(f"{table} row {rowid} refers to a missing {parent}")
        return found

    # --- copies --------------------------------------------------------------------------
    def save_copy(self, target: str | Path, *, force: bool = False) -> Path:
        """Write a copy of the plan to ``target``; this file stays open."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise PlanFileError(f"{target.name}: is the plan itself")
        backup_into(self.conn, target, force=force)
        return target

    def save_as(self, target: str | Path, *, force: bool = False) -> PlanFile:
        """Copy the plan to ``target``, close this file and return the open copy."""
        target = Path(target)
        self.save_copy(target, force=force)
        self.close()
        return PlanFile.open(target)

    # --- transactions --------------------------------------------------------------------
    def transaction(self) -> AbstractContextManager[sqlite_utils.Database]:
        """One transaction (nested ones are savepoints): an edit's steps run inside one."""
        return self._write()

    @contextmanager
    def _write(self) -> Iterator[sqlite_utils.Database]:
        if self.readonly:
            raise PlanReadOnly(f"{self.path.name}: the plan is open read-only; edits are off")
        if self.before_first_write is not None:
            hook, self.before_first_write = self.before_first_write, None
            hook()
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as e:
            raise describe_sqlite_error(self.path.name, e, writing=True) from None


def _migrated_in_memory(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A read-only view of an older plan: copied into memory and migrated there, so that it
    reads like a current one while the file itself is never written. Closes ``conn``."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.backup(memory)
        memory.execute("PRAGMA foreign_keys = ON")
        migrate(sqlutils.database(memory))
        memory.execute("PRAGMA query_only = ON")
    except Exception as e:
        memory.close()
        raise PlanFileError(
            f"{path.name}: could not be read as plan format {SCHEMA_VERSION} ({e}); "
            "the file was left as it was"
        ) from None
    finally:
        conn.close()
    return memory


def _require_writable(path: Path) -> None:
    """Refuse, as ``PlanReadOnly``, to edit a file or folder this user may not write (the
    app then offers it read-only)."""
    if not path.is_file():
        return  # open_verified says what is wrong
    if not os.access(path, os.W_OK):
        raise PlanReadOnly(f"{path.name}: the file is read-only for you")
    if not os.access(path.parent, os.W_OK):
        raise PlanReadOnly(f"{path.name}: its folder is read-only for you")


def _backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    folder = backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}.v{version}.{stamp}{PLAN_SUFFIX}"
    n = 1
    while target.exists():  # a second try within the same second keeps the first backup
        n += 1
        target = folder / f"{path.stem}.v{version}.{stamp}-{n}{PLAN_SUFFIX}"
    backup_into(conn, target)
    return target
