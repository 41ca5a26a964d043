"""Every file SMB Planner creates or replaces goes through here.

A file is built at a temporary name in the target's folder, fsynced, then put in place:
*exclusively* when the target must not exist (a hard link, which fails if the name is
taken, so two racers cannot both win), or by an atomic rename when replacing is allowed.
A plan file is replaced only while its lock is held, so never under an editor. Outputs
(JSON, PDF, workbooks) never overwrite their input nor any plan file, ``--force`` or not.
Copies of a plan use SQLite's backup API; an open file is never copied byte by byte.

Temporary files are named ``.smbplanner-<random>.tmp``; ones left by a killed process
(older than ``LEFTOVER_AGE_S``) are removed at the next create in that folder.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from pathlib import Path

from smbplanner.storage.errors import PlanFileError, PlanLocked
from smbplanner.storage.lock import PlanLock

TEMP_PREFIX = ".smbplanner-"
TEMP_SUFFIX = ".tmp"
LEFTOVER_AGE_S = 15 * 60
#: The first bytes of every plan file: SQLite's magic; the application id is at offset 68.
_SQLITE_MAGIC = b"SQLite format 3\x00"


def shown(path: Path | str) -> str:
    """A file name for a one-line message: control characters (a newline in a crafted
    name) escaped, so that a message is always one line."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def temp_path_beside(target: Path) -> Path:
    import secrets  # only when a copy is written: not on the start-up's path

    return target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")


def clean_leftovers(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove this app's temporary files (and their journals) that a killed process left
    in ``folder``; returns what was removed. Recent ones may belong to a running save."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(TEMP_PREFIX) or TEMP_SUFFIX not in name:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if now - info.st_mtime < LEFTOVER_AGE_S:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def is_plan_file(path: Path) -> bool:
    """Whether ``path`` is an existing SMB Planner plan (by its header; any version)."""
    from smbplanner.storage.schema import APPLICATION_ID

    try:
        with path.open("rb") as f:
            head = f.read(72)
    except OSError:
        return False
    return head.startswith(_SQLITE_MAGIC) and int.from_bytes(head[68:72], "big") == (
        APPLICATION_ID
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_target(target: Path, *, force: bool) -> None:
    """Refuse a folder, a missing folder, or an existing file without ``force``."""
    if target.is_dir():
        raise PlanFileError(f"{shown(target.name)}: is a folder")
    if not target.parent.is_dir():
        raise PlanFileError(f"{shown(target.parent)}: no such folder")
    if (target.exists() or target.is_symlink()) and not force:
        raise PlanFileError(
            f"{shown(target.name)}: already exists (use --force to overwrite it)"
        )


def check_output(target: Path, *, force: bool, sources: Iterable[Path] = ()) -> None:
    """An output (JSON, PDF, workbook): never one of its ``sources`` nor any plan file,
    even with ``force``; an existing file only with ``force``."""
    if target.is_dir():
        raise PlanFileError(f"{shown(target.name)}: is a folder")
    for source in sources:
        if _same_file(target, source):
            raise PlanFileError(
                f"{shown(target.name)}: is the file being read; choose another name"
            )
    if target.exists() and is_plan_file(target):
        raise PlanFileError(
            f"{shown(target.name)}: is an SMB Planner plan; it is never overwritten by an "
            "export (choose another name)"
        )
    check_target(target, force=force)


def _place(tmp: Path, target: Path, *, replace: bool) -> None:
    if replace:
        os.replace(tmp, target)
        return
    if os.name == "nt":
        os.rename(tmp, target)  # refuses an existing target on Windows
        return
    try:
        os.link(tmp, target)  # refuses an existing target: exclusive
    except FileExistsError:
        raise
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # a file system without hard links (FAT, some network shares): the best we can do
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.rename(tmp, target)
        return
    os.unlink(tmp)


def write_atomically(
    target: Path, fill: Callable[[Path], None], *, replace: bool, lock: bool = False
) -> None:
    """Run ``fill(tmp)`` to build the file at a temporary path, fsync it, put it at
    ``target`` (exclusively unless ``replace``). ``lock``: hold the target plan's lock
    throughout, so that a plan open in an editor is never replaced. On any error the
    temporary file is removed and ``target`` is untouched; errors are ``PlanFileError``."""
    name = shown(target.name)
    holding = PlanLock(target) if lock else nullcontext()
    clean_leftovers(target.parent)
    tmp = temp_path_beside(target)
    try:
        with holding:
            fill(tmp)
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            _place(tmp, target, replace=replace)
    except PlanLocked:
        raise PlanFileError(
            f"{name}: is open in another SMB Planner window; close it there first"
        ) from None
    except FileExistsError:
        raise PlanFileError(
            f"{name}: already exists (another program created it meanwhile; use --force "
            "to overwrite it)"
        ) from None
    except OSError as e:
        raise PlanFileError(f"{name}: cannot be written ({e.strerror or e})") from None
    except sqlite3.Error as e:
        why = "the disk is full" if "full" in str(e) else str(e)
        raise PlanFileError(f"{name}: cannot be written ({why})") from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
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
    """Copy an open database to ``target`` with the backup API: exclusively, or replacing
    an existing plan with ``force`` while holding its lock."""
    check_target(target, force=force)

    def fill(tmp: Path) -> None:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()

    write_atomically(target, fill, replace=force, lock=True)
