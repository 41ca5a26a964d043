"""Plan files from anyone and unlucky file systems (issue [Data safety], classes 4-10).

4. Outputs never overwrite their input or any plan file.
5. Values that pass the file's CHECKs but not the app's rules are refused in one line naming
   the table, row and field; ``load`` holds snapshot data and dependencies to the same rules.
6. Sizes in bytes (a NUL hides nothing), rows per table, a bounded ``load``, bounded lines.
7. Nothing is written to a file before it is checked; reading leaves no side files.
8. OS errors become one line, with no partial file and no stale lock.
9. Messages are one line; file names are escaped; dialogs are plain text.
10. Temporary files left by a killed process are cleaned at the next create.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from smbplanner.cli import main
from smbplanner.domain.model import Business, Goal, Initiative, Plan
from smbplanner.storage.lock import lock_path
from smbplanner.storage.planfile import PlanFile
from tests.conftest import tiny_plan

if TYPE_CHECKING:
    from smbplanner.ui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.smbplan"
    PlanFile.create(path, tiny_plan()).close()
    return path


@pytest.fixture
def window(tmp_path_factory: pytest.TempPathFactory, qtbot: object) -> Iterator[MainWindow]:
    from PySide6.QtCore import QSettings

    from smbplanner.ui.mainwindow import MainWindow
    from smbplanner.ui.settings import AppSettings

    ini = tmp_path_factory.mktemp("settings") / "settings.ini"
    win = MainWindow(AppSettings(QSettings(str(ini), QSettings.Format.IniFormat)))
    yield win
    win.files.close_plan()
    win.close()


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must be refused: exit 2 and one line on stderr."""
    capsys.readouterr()
    assert main(list(args)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("smbplanner: "), err
    return err


def _sql(path: Path, *statements: str) -> None:
    """Change a plan file behind the app's back (as another program could)."""
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


# --- 4. outputs ----------------------------------------------------------------------------
def test_dump_and_export_never_overwrite_their_input_or_a_plan(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan_path.read_bytes()
    assert "being read" in refused(capsys, "dump", str(plan_path), "-o", str(plan_path))
    refused(capsys, "dump", str(plan_path), "-o", str(plan_path), "--force")
    as_pdf = tmp_path / "plan.pdf"
    as_pdf.write_bytes(before)  # a plan that happens to be named .pdf
    refused(capsys, "export", str(as_pdf), "-o", str(as_pdf), "--force")
    other = tmp_path / "other.smbplan"
    PlanFile.create(other, tiny_plan()).close()
    other_bytes = other.read_bytes()
    assert "is an SMB Planner plan" in refused(
        capsys, "dump", str(plan_path), "-o", str(other), "--force"
    )
    assert plan_path.read_bytes() == before and as_pdf.read_bytes() == before
    assert other.read_bytes() == other_bytes
    out = tmp_path / "out.json"
    out.write_text("old")
    assert "already exists" in refused(capsys, "dump", str(plan_path), "-o", str(out))
    assert out.read_text() == "old"
    assert main(["dump", str(plan_path), "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["format"] == "smbplanner-plan"


# --- 5. values that break the app's rules --------------------------------------------------
BAD_VALUES = {
    "impossible date": (
        "UPDATE goal SET target_date = '2026-02-30' WHERE id = 1",
        "goal row 1 (\"Answer every call\"), field target_date: is not a valid date",
    ),
    "infinite KPI": (
        "UPDATE measurement SET value = 9e999",
        "measurement row",
    ),
    "snapshot data not JSON": (
        "INSERT INTO snapshot (name, taken_at, data) VALUES ('Board', '2026-01-01', 'not json')",
        "snapshot row 1 (\"Board\"), field data: is not valid JSON",
    ),
    "snapshot data not a plan": (
        "INSERT INTO snapshot (name, taken_at, data) VALUES ('Board', '2026-01-01', '{\"x\": 1}')",
        "snapshot row 1",
    ),
    "NUL in a name": (
        "UPDATE goal SET title = 'Grow' || char(0) || 'hidden' WHERE id = 1",
        "goal row 1",
    ),
}


@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_a_value_that_breaks_the_rules_is_refused_in_one_line_everywhere(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    statement, where = BAD_VALUES[case]
    _sql(plan_path, statement)
    commands = [["dump", str(plan_path)], ["check", str(plan_path)]]
    if not case.startswith("snapshot"):  # these read no snapshot
        commands += [
            ["summary", str(plan_path)],
            ["export", str(plan_path), "-o", str(tmp_path / "pack.pdf")],
        ]
    for command in commands:
        err = refused(capsys, *command)
        assert "plan.smbplan: refused: " in err and where in err, err
    assert not (tmp_path / "pack.pdf").exists()


def test_the_app_refuses_such_a_file_with_a_dialog_not_a_blank_window(
    plan_path: Path, window: MainWindow
) -> None:
    _sql(plan_path, "UPDATE goal SET target_date = '2026-02-30' WHERE id = 1")
    warnings: list[str] = []
    window.files.warn = lambda title, text: warnings.append(text)
    assert window.open_path(plan_path) is False
    assert window.files.document is None
    assert len(warnings) == 1 and "goal row 1" in warnings[0] and "target_date" in warnings[0]
    assert not lock_path(plan_path).exists()


def _document(plan: Plan) -> dict[str, object]:
    from smbplanner.storage.jsonio import plan_to_dict

    return {"format": "smbplanner-plan", "version": 2, "plan": plan_to_dict(plan)}


@pytest.mark.parametrize("case", ["huge number", "lone surrogate key", "not a plan", "cycle"])
def test_load_holds_snapshots_and_dependencies_to_the_same_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    plan = Plan(
        business=Business(name="Cycles Ltd"),
        initiatives=[Initiative(id=1, name="A"), Initiative(id=2, name="B")],
    )
    doc = _document(plan)
    inner = _document(Plan(business=Business(name="Then")))["plan"]
    snapshot: dict[str, object] = {"id": 1, "name": "Board", "taken_at": "2026-01-01"}
    text: str
    if case == "cycle":
        inits = doc["plan"]["initiatives"]  # type: ignore[index]
        inits[0]["depends_on"], inits[1]["depends_on"] = [2], [1]
        text = json.dumps(doc)
    else:
        snapshot["data"] = {"x": 1} if case == "not a plan" else inner
        doc["plan"]["snapshots"] = [snapshot]  # type: ignore[index]
        text = json.dumps(doc)
        if case == "huge number":
            text = text.replace('"name": "Then"', '"name": "Then", "weight": 1e400')
        elif case == "lone surrogate key":
            text = text.replace('"name": "Then"', '"name": "Then", "\\ud800": 1')
    source = tmp_path / "in.json"
    source.write_text(text)
    refused(capsys, "load", str(source), str(tmp_path / "out.smbplan"))
    assert not (tmp_path / "out.smbplan").exists()


# --- 6. sizes ------------------------------------------------------------------------------
def test_a_nul_cannot_hide_a_long_text_from_the_size_check(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(plan_path, "UPDATE goal SET description = char(0) || zeroblob(0) || "
                    "printf('%.*c', 2000000, 'x') WHERE id = 1")
    err = refused(capsys, "summary", str(plan_path))
    assert "goal.description is too long" in err


def test_a_table_with_more_rows_than_a_plan_holds_is_refused(
    plan_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smbplanner.storage import connection

    monkeypatch.setattr(connection, "MAX_ROWS", 50)
    _sql(plan_path, "INSERT INTO feedback (department, satisfaction) "
                    "SELECT 'Shop', 3 FROM (WITH RECURSIVE n(i) AS "
                    "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) SELECT i FROM n)")
    assert "the table feedback has 60 rows" in refused(capsys, "summary", str(plan_path))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /dev/zero")
def test_load_reads_a_bounded_amount(tmp_path: Path) -> None:
    import resource

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    done = subprocess.run(
        [sys.executable, "-m", "smbplanner", "load", "/dev/zero", str(tmp_path / "z.smbplan")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, preexec_fn=limit_memory,
    )
    assert done.returncode == 2 and "too large" in done.stderr, done.stderr[-500:]
    assert done.stderr.count("\n") == 1


def test_the_pack_prints_a_bounded_number_of_lines_of_one_text(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    _sql(plan_path, "UPDATE business SET it_vision = 'Vision' || "
                    "replace(printf('%.*c', 600, 'x'), 'x', char(10) || 'line')")
    out = tmp_path / "pack.pdf"
    assert main(["export", str(plan_path), "-o", str(out), "--sections", "summary,goals"]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert 0 < text.count("line") <= 2 * 41  # the summary and the goals page


# --- 7. checked before written; no side files ----------------------------------------------
def _wal_plan(path: Path, *, refused_schema: bool) -> None:
    PlanFile.create(path, tiny_plan()).close()
    statements = ["PRAGMA journal_mode = WAL"]
    if refused_schema:
        statements.append("CREATE VIEW spy AS SELECT 1")
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def test_the_app_leaves_a_refused_file_byte_for_byte(tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "wal.smbplan"
    _wal_plan(path, refused_schema=True)
    before = path.read_bytes()
    warnings: list[str] = []
    window.files.warn = lambda title, text: warnings.append(text)
    assert window.open_path(path) is False
    assert len(warnings) == 1 and "spy" in warnings[0]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.smbplan"]


def test_reading_a_wal_mode_plan_leaves_no_side_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wal.smbplan"
    _wal_plan(path, refused_schema=False)
    before = path.read_bytes()
    for command in (["summary"], ["dump"], ["check"]):
        assert main([*command, str(path)]) in (0, 1)  # check: the tiny plan has findings
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.smbplan"]
    with PlanFile.open(path) as plan_file:  # editing turns it into an ordinary plan
        plan_file.update_business(name="Edited")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.smbplan"]
    assert main(["summary", str(path)]) == 0 and "Edited" in capsys.readouterr().out


# --- 8. OS errors --------------------------------------------------------------------------
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EIO])
def test_an_os_error_while_placing_a_file_is_one_line_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", fail)
    monkeypatch.setattr(os, "replace", fail)
    monkeypatch.setattr(os, "rename", fail)
    target = tmp_path / "new.smbplan"
    err = refused(capsys, "new", str(target), "--name", "Full Disk Ltd")
    assert os.strerror(code) in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["new", "demo", "load"])
def test_a_full_disk_while_sqlite_writes_is_one_line_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    from smbplanner.storage import planfile as planfile_module

    source = tmp_path / "in.json"
    PlanFile.create(tmp_path / "src.smbplan", tiny_plan()).close()
    assert main(["dump", str(tmp_path / "src.smbplan"), "-o", str(source)]) == 0
    (tmp_path / "src.smbplan").unlink()

    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(planfile_module, "insert_plan", full)
    target = tmp_path / "new.smbplan"
    args = {"new": ["new", str(target), "--name", "Full Ltd"], "demo": ["demo", str(target)],
            "load": ["load", str(source), str(target)]}[command]
    assert "disk is full" in refused(capsys, *args)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_a_long_file_name_works_or_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for length in (240, 250, 260):
        target = tmp_path / ("x" * (length - len(".smbplan")) + ".smbplan")
        capsys.readouterr()
        code = main(["new", str(target), "--name", "Long Names Ltd"])
        err = capsys.readouterr().err
        assert code in (0, 2) and (code == 0 or err.count("\n") == 1), err
        assert (code == 0) == (target.name in {p.name for p in tmp_path.iterdir()})
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".lock", ".tmp"))]


def test_the_lock_survives_a_full_disk_and_leaves_no_file(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if b'"pid"' in data:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.load().business.name == "Tiny Plumbing Ltd"
    assert not lock_path(plan_path).exists()


# --- 9. messages ---------------------------------------------------------------------------
def test_a_newline_in_a_file_name_cannot_add_lines_to_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "evil\nsmbplanner: all is fine.smbplan"
    odd.write_bytes(b"not a plan at all" * 10)
    err = refused(capsys, "summary", str(odd))
    assert "\\n" in err


def test_a_plan_without_a_business_profile_names_the_file(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(plan_path, "DELETE FROM business")
    assert "plan.smbplan" in refused(capsys, "summary", str(plan_path))


def test_dialogs_show_file_names_as_plain_text(qtbot: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from smbplanner.ui.planfiles import PlanFiles
    from smbplanner.ui.shared.widgets import ErrorLine

    parent = QWidget()
    files = PlanFiles(parent, None)  # type: ignore[arg-type]
    box = files._message_box("Cannot open plan", "<h1>Your plan is fine</h1>.smbplan: refused")
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert ErrorLine().textFormat() == Qt.TextFormat.PlainText


# --- 10. leftovers -------------------------------------------------------------------------
def test_temporary_files_left_by_a_killed_process_are_cleaned_at_the_next_create(
    tmp_path: Path,
) -> None:
    from smbplanner.storage.filecopy import temp_path_beside

    old = temp_path_beside(tmp_path / "big.smbplan")
    old.write_bytes(b"x" * 1000)
    journal = old.with_name(old.name + "-journal")
    journal.write_bytes(b"y" * 1000)
    recent = temp_path_beside(tmp_path / "other.smbplan")
    recent.write_bytes(b"a save under way")
    an_hour_ago = time.time() - 3600
    for path in (old, journal):
        os.utime(path, (an_hour_ago, an_hour_ago))
    PlanFile.create(tmp_path / "new.smbplan", Plan(business=Business(name="New"),
                                                   goals=[Goal(id=1, title="Grow")])).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["new.smbplan", recent.name])


def test_a_plan_opened_at_start_up_is_checked_right_after_the_first_paint(
    plan_path: Path, window: MainWindow, qtbot: object
) -> None:
    """Start-up reads the business and goals before the first paint and the rest after it;
    a row that breaks the rules there closes the plan with the same one-line dialog."""
    _sql(plan_path, "UPDATE initiative SET name = name || char(0) || 'x'")
    warnings: list[str] = []
    window.files.warn = lambda title, text: warnings.append(text)
    window.show()
    assert window.open_path(plan_path, first_look=True)
    assert "Tiny Plumbing Ltd" in window.windowTitle()
    qtbot.waitUntil(lambda: window.files.document is None)  # type: ignore[attr-defined]
    assert len(warnings) == 1 and "initiative row" in warnings[0], warnings
    assert not lock_path(plan_path).exists()


def test_a_sound_plan_opened_at_start_up_is_read_whole_after_the_first_paint(
    plan_path: Path, window: MainWindow, qtbot: object
) -> None:
    window.show()
    assert window.open_path(plan_path, first_look=True)
    document = window.files.document
    assert document is not None and document.first_look().goals
    qtbot.waitUntil(lambda: document._plan is not None)  # type: ignore[attr-defined]
    assert document.plan().initiatives and document.first_look() is document.plan()
