"""Generate the corpus of damaged and hostile plan files into ``tests/data/bad/``.

Run ``.venv/bin/python -m tests.data.make_bad_files [FOLDER]`` from the project root. The output
is deterministic (byte for byte): the sound base plan is written with 512-byte pages, its
migration timestamps fixed and the SQLite-version field of its header set to a constant, and
every maker derives its file from that base (or from nothing) without randomness.
``tests/reliability/test_corpus.py`` checks that running this script reproduces the committed
files exactly and that each of them is refused cleanly by the CLI and by the app.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.storage.badfiles import BAD_FILES as _BASIC_MAKERS
from tests.storage.badfiles import EXPECTED_WORDS as _BASIC_WORDS

BAD_DIR = Path(__file__).parent / "bad"
SUFFIX = ".smbplan"
FIXED_STAMP = "2026-01-01 00:00:00.000000+00:00"
FIXED_SQLITE_VERSION = (3_040_001).to_bytes(4, "big")
OVERSIZE = 100_000  # characters / bytes: five times the longest text a plan allows
MARKER = "MARKER-from-a-trigger"


def _sql(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for s in statements:
            conn.execute(s, params if "?" in s else ())
    finally:
        conn.close()


def _normalise_header(path: Path) -> None:
    """SQLite writes its own version number at offset 96; make it a constant."""
    data = bytearray(path.read_bytes())
    if len(data) >= 100 and data[:16] == b"SQLite format 3\x00":
        data[96:100] = FIXED_SQLITE_VERSION
        path.write_bytes(bytes(data))


def make_base(out: Path) -> None:
    """A sound, small plan: ``tiny_plan()`` with 512-byte pages and fixed timestamps."""
    from smbplanner.storage.planfile import PlanFile
    from tests.conftest import tiny_plan

    with tempfile.TemporaryDirectory() as tmp:
        made = Path(tmp) / "base.smbplan"
        PlanFile.create(made, tiny_plan()).close()
        out.write_bytes(made.read_bytes())
    _sql(
        out,
        "UPDATE _sqlite_migrations SET applied_at = ?",
        "PRAGMA page_size = 512",
        "VACUUM",
        params=(FIXED_STAMP,),
    )
    _normalise_header(out)


def _copy_then(*statements: str, params: tuple[object, ...] = ()) -> Callable[[Path, Path], None]:
    def make(good: Path, out: Path) -> None:
        out.write_bytes(good.read_bytes())
        _sql(out, *statements, params=params)

    return make


def _truncate_at(cut: float) -> Callable[[Path, Path], None]:
    """Keep ``cut`` bytes (an int), all but ``-cut`` bytes (a negative int) or a fraction."""

    def make(good: Path, out: Path) -> None:
        data = good.read_bytes()
        keep = int(len(data) * cut) if isinstance(cut, float) else cut % len(data)
        out.write_bytes(data[:keep])

    return make


def _oversized_blob(good: Path, out: Path) -> None:
    """A 100,000-byte blob smuggled into a STRICT text column (by rewriting the schema)."""
    out.write_bytes(good.read_bytes())
    conn = sqlite3.connect(out, isolation_level=None)
    try:
        (strict_sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'business'"
        ).fetchone()
        loose_sql = strict_sql.removesuffix(" STRICT") + "      "  # same length, not strict
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'business'", [loose_sql])
        conn.execute("PRAGMA writable_schema = RESET")
        conn.execute("UPDATE business SET it_vision = ?", [bytes(range(256)) * 390])
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'business'", [strict_sql])
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()


#: Name -> maker(good, out). The makers of ``tests/storage/badfiles.py`` plus the ones below.
MAKERS: dict[str, Callable[[Path, Path], None]] = {
    **_BASIC_MAKERS,
    "truncated_first_page": _truncate_at(512),
    "truncated_mid_page": _truncate_at(512 * 7 + 200),
    "truncated_quarter": _truncate_at(0.25),
    "truncated_last_page": _truncate_at(-512),
    "trigger_writes_marker": _copy_then(
        "CREATE TRIGGER marker AFTER UPDATE ON business BEGIN "
        f"INSERT INTO goal (title) VALUES ('{MARKER}'); END",
        "CREATE TRIGGER marker_on_goal AFTER INSERT ON goal WHEN NEW.title <> "
        f"'{MARKER}' BEGIN INSERT INTO goal (title) VALUES ('{MARKER}'); END",
    ),
    "view_over_business": _copy_then(
        f"CREATE VIEW plan_summary AS SELECT name, '{MARKER}' AS note FROM business"
    ),
    "oversized_text": _copy_then(
        "UPDATE business SET it_vision = ?", params=("Grow. " * (OVERSIZE // 6 + 1),)
    ),
    "oversized_blob": _oversized_blob,
}

#: Name -> words the one-line refusal must contain.
EXPECTED_WORDS: dict[str, str] = {
    **_BASIC_WORDS,
    "truncated_first_page": "damaged",
    "truncated_mid_page": "damaged",
    "truncated_quarter": "damaged",
    "truncated_last_page": "damaged",
    "trigger_writes_marker": "unexpected trigger 'marker'",
    "view_over_business": "unexpected view 'plan_summary'",
    "oversized_text": "too long",
    "oversized_blob": "damaged",
}

assert set(EXPECTED_WORDS) == set(MAKERS)


def generate(folder: Path) -> list[Path]:
    """Write ``good.smbplan`` and every bad file into ``folder``; returns the bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / f"good{SUFFIX}"
    good.unlink(missing_ok=True)
    make_base(good)
    written = []
    for name, make in MAKERS.items():
        out = folder / f"{name}{SUFFIX}"
        out.unlink(missing_ok=True)
        make(good, out)
        _normalise_header(out)
        written.append(out)
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else BAD_DIR
    files = generate(folder)
    print(f"Wrote {len(files)} bad plan files and good{SUFFIX} to {folder}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
