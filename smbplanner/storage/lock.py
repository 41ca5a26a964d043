"""One writer per plan file: an OS lock on a small lock file beside the plan.

The lock file ``<plan>.lock`` holds who has the plan open (process, host, user, since). The OS
lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) is what counts: a process that
crashes loses it at once, so a lock file left behind is detected as stale and taken over.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from smbplanner.storage.errors import PlanFileError, PlanLocked


def lock_path(plan: Path) -> Path:
    return plan.with_name(plan.name + ".lock")


def _try_lock(f: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(f: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _holder_text(info: dict[str, object]) -> str:
    who = info.get("user") or "someone"
    host = info.get("host") or "this computer"
    since = str(info.get("since") or "")[:16].replace("T", " ")
    pid = info.get("pid")
    parts = [f"by {who} on {host}"]
    if pid:
        parts.append(f"process {pid}")
    if since:
        parts.append(f"since {since} UTC")
    return ", ".join(parts)


def read_holder(plan: Path) -> dict[str, object]:
    """What the lock file says about its holder (empty if unreadable)."""
    try:
        data = json.loads(lock_path(plan).read_text(encoding="utf-8")[:4096])
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class PlanLock:
    """Held while a plan is open for editing. ``stale`` tells whether a crashed holder's
    lock file was found and taken over."""

    def __init__(self, plan: Path):
        self.plan = plan
        self.path = lock_path(plan)
        self._file: IO[str] | None = None
        self.stale: dict[str, object] | None = None

    def acquire(self) -> PlanLock:
        existed = self.path.exists()
        try:
            f = self.path.open("a+", encoding="utf-8")
        except OSError as e:
            raise PlanFileError(
                f"{self.plan.name}: cannot be opened for editing: the folder is not writable "
                f"({e.strerror or e}); open it read-only instead"
            ) from None
        if not _try_lock(f):
            f.close()
            holder = read_holder(self.plan)
            raise PlanLocked(
                f"{self.plan.name}: the plan is open in another SMB Planner window "
                f"({_holder_text(holder)}); open it read-only, or close it there first"
            )
        if existed:
            self.stale = read_holder(self.plan) or {"note": "unreadable lock file"}
            if (
                self.stale.get("pid") == os.getpid()
                and self.stale.get("host") == host_name()
            ):
                self.stale = None
        info = {
            "pid": os.getpid(),
            "host": host_name(),
            "user": _user(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        f.seek(0)
        f.truncate()
        f.write(json.dumps(info))
        f.flush()
        self._file = f
        return self

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        try:
            _unlock(self._file)
        finally:
            self._file.close()
            self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


def host_name() -> str:
    """This computer's name, as a lock records its holder's."""
    if hasattr(os, "uname"):
        return os.uname().nodename  # the same as socket.gethostname(), without importing it
    import socket

    return socket.gethostname()
