"""Automatic, rotating backups of a plan, and restoring one.

Where: ``backup_dir() / "<plan stem>-<8 hex digits>" / "<UTC time>-<reason>.smbplan"``; the hex
digits are the start of the SHA-256 of the plan's absolute path, so that two plans with the
same file name in different folders never mix. ``backup_dir()`` is in the user's data folder
(platformdirs; ``SMBPLANNER_DATA_DIR`` overrides it).

When (``AutoBackup``, driven by the app): once when a plan is opened for editing, then while
it is edited, at the first ``maybe_backup(now)`` at least 30 minutes after the previous backup
when an edit was made since. Each copy is taken with SQLite's backup API into a temporary file
renamed into place (``filecopy.backup_into``), then checked with ``quick_check``: a copy that
fails is deleted and reported (``BackupError``). Before a restore replaces the plan, the current
state is backed up too.

Thinning (``to_delete``), applied after every backup with the clock's ``now``; a backup is KEPT
when at least one of these holds, and every other backup of that plan is deleted:

1. it is one of the 10 newest backups, whatever its age;
2. it is the newest backup of its calendar day, for today and the 6 days before (local time);
3. it is the newest backup of its ISO week (Monday to Sunday, local time) and is less than
   52 weeks (364 days) old.

So a plan edited every day keeps its last 10 backups, one a day for a week and one a week for
a year. Files in the folder whose names are not backup names are never touched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from smbplanner.storage.connection import open_verified, verify
from smbplanner.storage.errors import PlanFileError, PlanReadOnly
from smbplanner.storage.filecopy import backup_into, temp_path_beside
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.planfile import PLAN_SUFFIX, PlanFile
from smbplanner.storage.schema import SCHEMA_VERSION

KEEP_NEWEST = 10
DAILY_DAYS = 7
WEEKLY_MAX_AGE = timedelta(days=364)
INTERVAL = timedelta(minutes=30)

OPEN, EDITING, BEFORE_RESTORE = "open", "editing", "before-restore"
_STAMP = "%Y%m%dT%H%M%S%f"
_NAME = re.compile(r"^(\d{8}T\d{12})Z-(open|editing|before-restore)\.smbplan$")


class BackupError(PlanFileError):
    """A backup that could not be written, or that failed its check and was deleted."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # aware, UTC
    reason: str  # OPEN, EDITING or BEFORE_RESTORE
    size: int  # bytes


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, read from the backup itself."""

    business: str
    goals: int
    initiatives: int
    version: int


def utc_now() -> datetime:
    return datetime.now(UTC)


def plan_folder(plan: Path) -> Path:
    """The folder of one plan's backups (not created here)."""
    absolute = str(Path(plan).resolve())
    import hashlib  # only once a backup is listed or taken: not on the start-up's path

    digest = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = re.sub(r"[^\w .()-]+", "_", Path(plan).stem).strip(" .")[:60] or "plan"
    return backup_dir() / f"{stem}-{digest}"


def list_backups(plan: Path) -> list[Backup]:
    """The plan's backups, newest first (only files named as backups)."""
    folder = plan_folder(plan)
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append(Backup(path, taken, match.group(2), path.stat().st_size))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def to_delete(backups: list[Backup], now: datetime, tz: tzinfo | None = None) -> list[Backup]:
    """The backups the thinning rule (module docstring) deletes; pure, for any clock."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    today = now.astimezone(tz).date()
    keep: set[Path] = {b.path for b in ordered[:KEEP_NEWEST]}
    days_seen: set[object] = set()
    weeks_seen: set[object] = set()
    for b in ordered:  # newest first, so the first of each day or week is its newest
        local = b.taken_at.astimezone(tz)
        day, week = local.date(), local.isocalendar()[:2]
        if day not in days_seen:
            days_seen.add(day)
            if (today - day).days < DAILY_DAYS:
                keep.add(b.path)
        if week not in weeks_seen:
            weeks_seen.add(week)
            if now - b.taken_at < WEEKLY_MAX_AGE:
                keep.add(b.path)
    return [b for b in ordered if b.path not in keep]


def check_backup(path: Path) -> BackupSummary:
    """Open a backup read-only with every check of a plan (schema, ``quick_check``) and read
    its summary; raises ``PlanFileError`` when it is not a sound plan."""
    db, version = open_verified(path, readonly=True)
    try:
        name = db.execute("SELECT name FROM business").fetchone()
        goals = db.execute("SELECT count(*) FROM goal").fetchone()[0]
        initiatives = db.execute("SELECT count(*) FROM initiative").fetchone()[0]
    except sqlite3.Error as e:
        raise PlanFileError(f"{path.name}: cannot be read ({e})") from None
    finally:
        db.close()
    return BackupSummary(name[0] if name else "", goals, initiatives, version)


def take_backup(
    plan_file: PlanFile, now: datetime, reason: str = OPEN, *, tz: tzinfo | None = None
) -> Backup:
    """Back up the open plan, check the copy, then thin the plan's backups."""
    folder = plan_folder(plan_file.path)
    stamp = now.astimezone(UTC).strftime(_STAMP)
    target = folder / f"{stamp}Z-{reason}{PLAN_SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        backup_into(plan_file.conn, target, force=True)
    except (OSError, PlanFileError) as e:
        detail = e.strerror if isinstance(e, OSError) else str(e)
        raise BackupError(
            f"{plan_file.path.name}: the backup could not be written ({detail})"
        ) from None
    try:
        check_backup(target)
    except PlanFileError as e:
        target.unlink(missing_ok=True)
        raise BackupError(
            f"{plan_file.path.name}: the backup failed its check and was deleted ({e})"
        ) from None
    backup = Backup(target, now.astimezone(UTC), reason, target.stat().st_size)
    for old in to_delete(list_backups(plan_file.path), now, tz):
        try:
            old.path.unlink(missing_ok=True)
        except OSError:
            pass  # thinning again after the next backup
    return backup


def restore_copy(backup: Backup, target: Path, *, force: bool = False) -> Path:
    """Write the backup as a new plan file at ``target`` (the backup is checked first)."""
    check_backup(backup.path)
    db, _ = open_verified(backup.path, readonly=True)
    try:
        backup_into(db, target, force=force)
    finally:
        db.close()
    return target


def restore_in_place(
    plan_file: PlanFile, backup: Backup, now: datetime, *, tz: tzinfo | None = None
) -> Backup:
    """Replace the open plan's contents with the backup's, in one SQLite transaction (the
    backup API writing into the open file, with its rollback journal), while this app keeps
    the plan's lock. The current state is backed up first; that backup is returned.

    An older backup is migrated in a temporary copy first. On any error the plan is as before.
    """
    if plan_file.readonly:
        raise PlanReadOnly(f"{plan_file.path.name}: the plan is open read-only; edits are off")
    check_backup(backup.path)
    staging = temp_path_beside(backup.path.with_name("restore" + PLAN_SUFFIX))
    try:
        source, _ = open_verified(backup.path, readonly=True)
        try:
            backup_into(source, staging)
        finally:
            source.close()
        with PlanFile.open(staging) as staged:  # verifies; migrates an older backup
            safety = take_backup(plan_file, now, BEFORE_RESTORE, tz=tz)
            try:
                staged.conn.backup(plan_file.conn)
            except sqlite3.Error as e:
                raise BackupError(
                    f"{plan_file.path.name}: the backup could not be restored ({e})"
                ) from None
        verify(plan_file.conn, plan_file.path.name, SCHEMA_VERSION)
    finally:
        for leftover in (staging, staging.with_name(staging.name + "-journal")):
            leftover.unlink(missing_ok=True)
    return safety


class AutoBackup:
    """The backup schedule of one plan open for editing; the clock is injectable."""

    def __init__(
        self,
        plan_file: PlanFile,
        clock: Callable[[], datetime] = utc_now,
        *,
        tz: tzinfo | None = None,
    ):
        self.plan_file, self.clock, self.tz = plan_file, clock, tz
        self.last_attempt: datetime | None = None
        self.edited_since = False
        self.open_backup_due = False

    def opened(self) -> Backup:
        """The backup taken when the plan is opened for editing."""
        return self._take(self.clock(), OPEN)

    def opened_later(self, hook: Callable[[], None]) -> None:
        """Defer the open backup to ``take_open_backup()``, which the app calls once its
        window is up; ``hook`` (which calls it too) runs before the plan's first edit, so an
        edit never comes before the backup of the plan as it was opened."""
        self.open_backup_due = True
        self.plan_file.before_first_write = hook

    def take_open_backup(self) -> Backup | None:
        """The deferred open backup, once (None when already taken)."""
        if not self.open_backup_due:
            return None
        self.open_backup_due = False
        return self.opened()

    def edited(self) -> None:
        self.edited_since = True

    def maybe_backup(self, now: datetime | None = None) -> Backup | None:
        """Back up when there were edits and 30 minutes passed since the last backup."""
        now = now or self.clock()
        if not self.edited_since:
            return None
        if self.last_attempt is not None and now - self.last_attempt < INTERVAL:
            return None
        return self._take(now, EDITING)

    def _take(self, now: datetime, reason: str) -> Backup:
        self.last_attempt = now  # a failure is retried 30 minutes later, not at every edit
        backup = take_backup(self.plan_file, now, reason, tz=self.tz)
        self.edited_since = False
        return backup
