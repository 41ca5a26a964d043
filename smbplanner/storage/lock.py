"""One writer per plan file: an OS lock on a small lock file beside the plan.

The lock file ``<plan>.lock`` holds who has the plan open (process, host, user, since). The
OS lock (``flock`` on POSIX, ``msvcrt.locking`` of one fixed byte on Windows) is what counts:
a process that crashes loses it at once, so a lock file left behind with a holder in it is
detected as stale and taken over.

Rules that make the lock safe with files from anyone and with many processes at once:

- The lock file is opened without following a symlink (``O_NOFOLLOW``; on Windows a link is
  refused before and after opening) and must be a regular file with one name (no hard link to
  another file of the user's); otherwise the plan is refused and nothing is written.
- POSIX: release unlinks the file *while still holding* the lock; an acquirer that got the lock
  on a file that no longer has the lock's name (unlinked meanwhile, or replaced) lets it go and
  tries again. So two holders can never overlap, although the file comes and goes.
- Windows: a file open in another process cannot be unlinked, so release empties the file,
  unlocks and closes it, then removes it only if no other process has it open (else it stays,
  empty, and an empty file is never taken for a crashed holder's). One fixed byte is locked
  and unlocked, seeking to it each time (never "from the file position", which differs
  between processes).

Own code rather than the ``filelock`` library: the lock must record its holder in the file
(the second window names who has the plan), refuse links, and tell a crashed holder's file
from a clean one; see DEVELOPING.md.
"""

from __future__ import annotations

import getpass
import json
import os
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path

from smbplanner.storage.errors import PlanFileError, PlanLocked

#: The most of a lock file ever read: its holder's JSON is about 150 bytes.
MAX_LOCK_BYTES = 4096
_ATTEMPTS = 50
#: Windows locks a byte range: one byte far past the holder's JSON, so that a second process
#: can still read who holds the plan (Windows' locks are mandatory for reads too).
_WIN_LOCK_OFFSET = 1 << 30


def lock_path(plan: Path) -> Path:
    return plan.with_name(plan.name + ".lock")


def _open_flags() -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


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


def _parse_holder(raw: bytes) -> dict[str, object]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, MAX_LOCK_BYTES)


def read_holder(plan: Path) -> dict[str, object]:
    """What the lock file says about its holder (empty if absent, unreadable or not a plain
    file). Never follows a link and reads at most ``MAX_LOCK_BYTES``."""
    path = lock_path(plan)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return {}
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return {}
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return {}
        return _parse_holder(_read_fd(fd))
    except OSError:
        return {}
    finally:
        os.close(fd)


class PlanLock:
    """Held while a plan is open for editing (or while a command replaces it). ``stale``
    tells whether a crashed holder's lock file was found and taken over."""

    def __init__(self, plan: Path):
        self.plan = plan
        self.path = lock_path(plan)
        self._fd: int | None = None
        self.stale: dict[str, object] | None = None

    def _refuse(self, why: str) -> PlanFileError:
        return PlanFileError(f"{self.plan.name}: cannot be opened for editing: {why}")

    def _open(self) -> int:
        if sys.platform == "win32" and os.path.islink(self.path):
            raise self._refuse(f"{self.path.name} is a link, not SMB Planner's lock file")
        try:
            fd = os.open(self.path, _open_flags(), 0o644)
        except OSError as e:
            if os.path.islink(self.path):
                raise self._refuse(
                    f"{self.path.name} is a link, not SMB Planner's lock file"
                ) from None
            raise self._refuse(
                f"its lock file {self.path.name} cannot be created ({e.strerror or e}); "
                "open it read-only instead"
            ) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1 or os.path.islink(self.path):
            os.close(fd)
            raise self._refuse(
                f"{self.path.name} is not a plain file of its own (a link or a device); "
                "remove it if SMB Planner is not running"
            )
        return fd

    def _same_file(self, fd: int) -> bool:
        """Whether ``fd`` is still the file at the lock's name (POSIX: not unlinked or
        replaced by a releasing holder)."""
        try:
            return os.path.samestat(os.fstat(fd), os.lstat(self.path))
        except OSError:
            return False

    def acquire(self) -> PlanLock:
        for _ in range(_ATTEMPTS):
            fd = self._open()
            if not _try_lock(fd):
                os.close(fd)
                holder = read_holder(self.plan)
                raise PlanLocked(
                    f"{self.plan.name}: the plan is open in another SMB Planner window "
                    f"({_holder_text(holder)}); open it read-only, or close it there first"
                )
            if self._same_file(fd):
                break
            _unlock(fd)  # a holder released (and unlinked) it between our open and lock
            os.close(fd)
        else:
            raise PlanLocked(f"{self.plan.name}: the plan's lock keeps changing; try again")
        try:
            previous = _parse_holder(_read_fd(fd)) if os.fstat(fd).st_size else {}
        except OSError:
            previous = {}
        if previous and not (
            previous.get("pid") == os.getpid() and previous.get("host") == host_name()
        ):
            self.stale = previous
        info = {
            "pid": os.getpid(),
            "host": host_name(),
            "user": _user(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(info).encode("utf-8"))
        except OSError:
            pass  # a full disk: the OS lock is what counts; the holder's name is a courtesy
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        windows = sys.platform == "win32"
        try:
            if windows:
                try:
                    os.ftruncate(fd, 0)  # a clean release: no holder left to call stale
                except OSError:
                    pass
            elif self._same_file(fd):
                try:
                    self.path.unlink()  # while still locked: see the module's rules
                except OSError:
                    pass
            _unlock(fd)
        finally:
            os.close(fd)
        if windows:
            try:  # fails while another process has it open: then it stays, empty
                self.path.unlink()
            except OSError:
                pass

    def __enter__(self) -> PlanLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    @property
    def held(self) -> bool:
        return self._fd is not None


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
