"""The hardened open of a plan file (DESIGN section 3).

A plan file can come from anyone, so before anything reads a table the file's header is
read as bytes, then the file is opened read-only with defensive settings, its schema is
compared with the expected schema of its version (no foreign triggers, views, tables or
indexes), and ``quick_check`` runs. Only then is it opened for writing.
"""

from __future__ import annotations

import sqlite3
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from smbplanner.domain.validation import MAX_TEXT
from smbplanner.storage.errors import NotAPlanFile, PlanDamaged, PlanFileError, PlanTooNew
from smbplanner.storage.migrations import expected_schema, read_schema
from smbplanner.storage.schema import (
    APPLICATION_ID,
    MIGRATIONS_COLUMNS,
    MIGRATIONS_TABLE,
    SCHEMA_VERSION,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 1500
#: The longest text any column may hold in a file, in bytes of UTF-8 (measured on the bytes,
#: so a NUL cannot hide the rest of a text): the app's own limit for a text field, and far
#: more for the JSON of a snapshot (a whole plan).
MAX_TEXT_BYTES = MAX_TEXT * 4
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
#: The most rows any one table may hold: far above a real plan (3,000 initiatives hold about
#: 60,000 cost lines), far below what would take minutes and gigabytes to load.
MAX_ROWS = 500_000


@dataclass(frozen=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int
    wal: bool = False


def read_header(path: Path, *, name: str | None = None) -> Header:
    """Read and check the 100-byte SQLite header without opening the database."""
    name = name or path.name
    if not path.exists():
        raise PlanFileError(f"{name}: no such file")
    if not path.is_file():
        raise PlanFileError(f"{name}: not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as e:
        raise PlanFileError(f"{name}: cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise NotAPlanFile(f"{name}: the file is empty, not an SMB Planner plan")
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise NotAPlanFile(f"{name}: not an SMB Planner plan (not a SQLite database)")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    counter, page_count = struct.unpack(">II", head[24:32])
    user_version, application_id = (
        struct.unpack(">I", head[60:64])[0],
        struct.unpack(">I", head[68:72])[0],
    )
    valid_for = struct.unpack(">I", head[92:96])[0]
    if application_id != APPLICATION_ID:
        raise NotAPlanFile(
            f"{name}: a SQLite database of another application, not an SMB Planner plan"
        )
    if user_version > SCHEMA_VERSION:
        raise PlanTooNew(
            f"{name}: written by a newer version of SMB Planner (plan format {user_version}; "
            f"this version reads up to {SCHEMA_VERSION}); please update SMB Planner"
        )
    if user_version < 1:
        raise PlanDamaged(f"{name}: damaged plan file (no schema version)")
    if page_size < 512 or size % page_size:
        raise PlanDamaged(f"{name}: damaged plan file (truncated or padded)")
    if valid_for == counter and page_count * page_size > size:
        raise PlanDamaged(f"{name}: damaged plan file (truncated)")
    wal = head[18] == 2 or head[19] == 2
    return Header(page_size, page_count, user_version, application_id, wal)


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def connect(path: Path, *, readonly: bool, create: bool = False) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection with the defensive settings, in autocommit mode.

    Transactions are explicit (sqlite-utils' ``atomic()`` on ``sqlutils.database(conn)``);
    nothing is written by connecting.
    """
    mode = "ro" if readonly else ("rwc" if create else "rw")
    conn = sqlite3.connect(
        _uri(path, mode), uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        if sys.version_info >= (3, 12):
            conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
            conn.setconfig(sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, False)
        for pragma in (
            "trusted_schema = OFF",
            "cell_size_check = ON",
            "mmap_size = 0",
            "foreign_keys = ON",
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
        ):
            conn.execute(f"PRAGMA {pragma}")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_migrations_table(db: sqlite3.Connection, name: str, version: int) -> None:
    """The migrations table is sqlite-utils' own: checked by shape, so that a change in how
    sqlite-utils spells its DDL never locks users out of their files."""
    damaged = PlanDamaged(f"{name}: refused: unexpected migration record table")
    table = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if table is None:
        raise PlanDamaged(f"{name}: damaged plan file (no migration record)")
    info = db.execute(f"PRAGMA table_xinfo([{MIGRATIONS_TABLE}])").fetchall()
    if tuple(row[1] for row in info) != MIGRATIONS_COLUMNS:
        raise damaged
    for _cid, _col, col_type, _notnull, default, _pk, hidden in info:
        if col_type.upper() not in ("INTEGER", "TEXT") or default is not None or hidden:
            raise damaged
    sql = (table[0] or "").upper()
    if any(word in sql for word in ("CHECK", "DEFAULT", "REFERENCES", " AS ", "COLLATE")):
        raise damaged
    objects = db.execute(
        "SELECT type, name FROM sqlite_master WHERE tbl_name = ? AND type <> 'table'",
        [MIGRATIONS_TABLE],
    ).fetchall()
    for kind, what in objects:
        if kind != "index":
            raise PlanDamaged(f"{name}: refused: the file contains an unexpected {kind} '{what}'")
        keys = db.execute(f"PRAGMA index_info([{what}])").fetchall()
        partial = db.execute(
            "SELECT partial FROM pragma_index_list(?) WHERE name = ?", [MIGRATIONS_TABLE, what]
        ).fetchone()
        if [k[2] for k in keys] != ["migration_set", "name"] or not partial or partial[0]:
            raise PlanDamaged(f"{name}: refused: the file contains an unexpected index '{what}'")
    count = db.execute(f"SELECT count(*) FROM [{MIGRATIONS_TABLE}]").fetchone()[0]
    if count != version:
        raise PlanDamaged(f"{name}: damaged plan file (migration record does not match version)")


def verify(db: sqlite3.Connection, name: str, version: int, *, quick_check: bool = True) -> None:
    """Refuse a file whose schema is not exactly the expected one, or that is damaged."""
    actual = read_schema(db)
    expected = expected_schema(version)
    if actual != expected:
        extra = sorted(actual - expected)
        missing = sorted(expected - actual)
        if extra:
            kind, what = extra[0][0], extra[0][1]
            known = {n for _, n, _, _ in expected}
            if what in known:
                raise PlanDamaged(
                    f"{name}: refused: the {kind} '{what}' has an unexpected definition"
                )
            raise PlanDamaged(f"{name}: refused: the file contains an unexpected {kind} '{what}'")
        kind, what = missing[0][0], missing[0][1]
        raise PlanDamaged(f"{name}: damaged plan file (the {kind} '{what}' is missing)")
    _check_migrations_table(db, name, version)
    if quick_check:
        rows = db.execute("PRAGMA quick_check(1)").fetchall()
        if rows != [("ok",)]:
            raise PlanDamaged(f"{name}: damaged plan file ({one_line(rows[0][0])})")
    _check_text_sizes(db, name)


def _check_text_sizes(db: sqlite3.Connection, name: str) -> None:
    """Refuse a file holding a text longer than SMB Planner ever writes, or a table with more
    rows than a plan ever has (a hostile or damaged file), before anything loads it into
    memory. Sizes are bytes (``length(CAST(x AS BLOB))``: a NUL hides nothing); one scan in
    SQLite per table."""
    tables = [
        t
        for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if t != MIGRATIONS_TABLE and not t.startswith("sqlite_")
    ]
    for table in tables:
        columns = [
            row[1]
            for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()
            if str(row[2]).upper() == "TEXT"
        ]
        sizes = "".join(f", max(length(CAST([{c}] AS BLOB)))" for c in columns)
        count, *found = db.execute(f"SELECT count(*){sizes} FROM [{table}]").fetchone()
        if count > MAX_ROWS:
            raise PlanDamaged(
                f"{name}: refused: the table {table} has {count:,} rows, more than a plan "
                f"ever holds (at most {MAX_ROWS:,})"
            )
        for column, size in zip(columns, found, strict=True):
            limit = MAX_SNAPSHOT_BYTES if (table, column) == ("snapshot", "data") else (
                MAX_TEXT_BYTES
            )
            if size is not None and size > limit:
                raise PlanDamaged(
                    f"{name}: refused: the text in {table}.{column} is too long for a plan "
                    f"({size:,} bytes; at most {limit:,})"
                )


def one_line(text: object, limit: int = 200) -> str:
    """A message part on one line: line breaks and control characters as spaces, cut."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe_sqlite_error(
    name: str, error: sqlite3.Error, *, writing: bool = False
) -> PlanFileError:
    """One sentence for a SQLite error; ``writing`` when it ended an edit (rolled back)."""
    text = one_line(error)
    if writing and ("full" in text or "I/O" in text):
        cause = "the disk is full" if "full" in text else "the disk reported an error"
        return PlanFileError(
            f"{name}: the change was not saved: {cause}; the plan is as it was before the "
            "change (free some space or check the disk, then try again)"
        )
    if "locked" in text or "busy" in text:
        return PlanFileError(f"{name}: the file is busy in another program; try again")
    if "readonly" in text or "read-only" in text:
        return PlanFileError(
            f"{name}: needs recovery after a crash; open it for editing in SMB Planner"
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return PlanDamaged(f"{name}: damaged plan file ({text})")
    return PlanDamaged(f"{name}: cannot be read ({text})")


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-journal", "-wal")]


def _has_side_files(path: Path) -> bool:
    """A journal or WAL beside the plan (a crash's, or another program's): SQLite would write
    to the plan (roll back, fold in, rewrite its header) as soon as it is read."""
    for side in _side_files(path):
        try:
            if side.stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


def _open_checked(
    path: Path, *, readonly: bool, quick_check: bool, name: str, header: Header | None
) -> tuple[sqlite3.Connection, int]:
    db = None
    try:
        db = connect(path, readonly=readonly)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        expected = header.user_version if header is not None else version
        if version != expected or app_id != APPLICATION_ID or version > SCHEMA_VERSION:
            raise PlanDamaged(f"{name}: damaged plan file (header changed while opening)")
        verify(db, name, version, quick_check=quick_check)
        return db, version
    except sqlite3.Error as e:
        if db is not None:
            db.close()
        raise describe_sqlite_error(name, e) from None
    except BaseException:
        if db is not None:
            db.close()
        raise


def _verified_copy(path: Path, *, quick_check: bool) -> tuple[sqlite3.Connection, int]:
    """Recover a private copy of the plan and its journal or WAL (in a temporary folder),
    verify it, and return it in memory: the file itself is not touched."""
    import shutil
    import tempfile

    name = path.name
    folder = Path(tempfile.mkdtemp(prefix="smbplanner-open-"))
    try:
        copy = folder / "plan.smbplan"
        try:
            shutil.copyfile(path, copy)
            for side in _side_files(path):
                if side.is_file():
                    shutil.copyfile(side, copy.with_name(copy.name + side.name[len(path.name):]))
        except OSError as e:
            raise PlanFileError(f"{name}: cannot be read ({e.strerror or e})") from None
        try:
            connect(copy, readonly=False).close()  # rolls back a journal, folds in a WAL
        except sqlite3.Error as e:
            raise describe_sqlite_error(name, e) from None
        header = read_header(copy, name=name)
        db, version = _open_checked(
            copy, readonly=True, quick_check=quick_check, name=name, header=header
        )
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            db.backup(memory)
            memory.execute("PRAGMA foreign_keys = ON")
            memory.execute("PRAGMA query_only = ON")
        finally:
            db.close()
        return memory, version
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def open_verified(
    path: Path, *, readonly: bool, quick_check: bool = True
) -> tuple[sqlite3.Connection, int]:
    """Open and verify; returns the database and the file's schema version.

    Nothing is written to the file before it passes every check, for editing as for reading:
    the checks run on a read-only connection (or, when SQLite would have to recover the file
    first, on a recovered private copy), and only then is the file opened for writing.
    Reading leaves no side files beside the plan.
    """
    name = path.name
    recover = path.is_file() and _has_side_files(path)
    header = None if recover else read_header(path)
    if header is None or header.wal:
        db, version = _verified_copy(path, quick_check=quick_check)
        if readonly:
            return db, version
        db.close()
        return _open_checked(path, readonly=False, quick_check=False, name=name, header=None)
    db, version = _open_checked(
        path, readonly=True, quick_check=quick_check, name=name, header=header
    )
    if readonly:
        return db, version
    db.close()
    return _open_checked(path, readonly=False, quick_check=False, name=name, header=header)
