"""`smbplanner import`, `export-xlsx` and `export-csv` (DESIGN §5's contract: exit 2 and
one line on bad input, the plan unchanged; outputs never over an input or a plan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.cli import main
from smbplanner.spreadsheets.tables import plan_tables
from smbplanner.spreadsheets.targets import TARGETS, import_order
from tests.spreadsheets.helpers import load

DATA = Path(__file__).parents[1] / "data" / "spreadsheets"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.smbplan"
    assert main(["demo", str(path)]) == 0
    return path


def _new(path: Path) -> Path:
    assert main(["new", str(path), "--name", "Harbour Bakery Co.", "--start-year", "2026"]) == 0
    return path


def test_a_refused_row_refuses_the_import_in_one_line_naming_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _new(tmp_path / "p.smbplan")
    before = plan.read_bytes()
    code = main(["import", str(plan), str(DATA / "inventory.xlsx"), "--table", "systems",
                 "--sheet", "Messy"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("smbplanner: inventory.xlsx, sheet 'Messy': row 2, column B "
                          "(Annual cost): 'about 600' is not a number; row 3, column C")
    assert "(and 2 more); nothing was imported" in err
    assert plan.read_bytes() == before


def test_dry_run_prints_what_would_change_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _new(tmp_path / "p.smbplan")
    assert main(["import", str(plan), str(DATA / "kpis.ods"), "--table", "goals"]) == 0
    capsys.readouterr()
    before = plan.read_bytes()
    assert main(["import", str(plan), str(DATA / "inventory.xlsx"), "--table", "budget",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["row 2: add budget year '2026'", "row 3: add budget year '2027'",
                   "row 4: add budget year '2028'",
                   "Dry run: Budget: would add 3 rows, update 0. Nothing was changed."]
    assert plan.read_bytes() == before
    # the sheet named as the table is the default ("Goals" of the ODS, not its first sheet)
    assert main(["import", str(plan), str(DATA / "kpis.ods"), "--table", "goals",
                 "--dry-run"]) == 0
    assert "row 2: unchanged goal 'Grow pre-orders'" in capsys.readouterr().out


def test_existing_names_are_updated_or_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _new(tmp_path / "p.smbplan")
    ods = str(DATA / "kpis.ods")
    assert main(["import", str(plan), ods, "--table", "goals"]) == 0
    assert main(["import", str(plan), str(DATA / "inventory.xlsx"), "--table", "systems"]) == 0
    capsys.readouterr()
    assert main(["import", str(plan), str(DATA / "inventory.xlsx"), "--table", "systems",
                 "--existing", "skip"]) == 0
    assert "added 0 rows, updated 0, skipped 6" in capsys.readouterr().out


def test_bad_files_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _new(tmp_path / "p.smbplan")
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    cases = [
        ([str(junk), "--table", "systems"], "junk.xlsx: cannot be read as a spreadsheet"),
        ([str(tmp_path / "missing.csv"), "--table", "systems"], "missing.csv: cannot be read"),
        ([str(DATA / "inventory.xlsx"), "--table", "systems", "--sheet", "Nope"],
         "inventory.xlsx: has no sheet named 'Nope' (it has: IT systems, Budget, Messy)"),
        ([str(DATA / "kpis.ods"), "--table", "systems", "--sheet", "Goals"],
         "no column for Name"),
    ]
    for args, message in cases:
        assert main(["import", str(plan), *args]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err


def test_export_xlsx_never_overwrites_a_plan_or_an_existing_file(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _new(tmp_path / "other.smbplan")
    before = other.read_bytes()
    named_xlsx = tmp_path / "plan.xlsx"
    named_xlsx.write_bytes(before)  # a plan file whatever its name
    assert main(["export-xlsx", str(sample), "-o", str(named_xlsx), "--force"]) == 2
    assert "is an SMB Planner plan" in capsys.readouterr().err
    out = tmp_path / "out.xlsx"
    assert main(["export-xlsx", str(sample), "-o", str(out)]) == 0
    assert main(["export-xlsx", str(sample), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["export-xlsx", str(sample), "-o", str(out), "--force"]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert other.read_bytes() == before


def test_csv_per_table_imports_back_into_a_new_plan(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tables"
    assert main(["export-csv", str(sample), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in TARGETS)
    assert main(["export-csv", str(sample), "-o", str(folder)]) == 2
    copy = _new(tmp_path / "copy.smbplan")
    for t in import_order():
        assert main(["import", str(copy), str(folder / f"{t.name}.csv"), "--table",
                     t.name]) == 0
    assert plan_tables(load(copy)) == plan_tables(load(sample))


def test_csv_text_that_looks_like_a_formula_is_guarded_and_imports_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _new(tmp_path / "p.smbplan")
    source = tmp_path / "people.csv"
    source.write_text('Name,Role\n"=HYPERLINK(""http://x"",""Click"")",-owner\n')
    assert main(["import", str(plan), str(source), "--table", "people"]) == 0
    folder = tmp_path / "out"
    assert main(["export-csv", str(plan), "-o", str(folder)]) == 0
    text = (folder / "people.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://x"",""Click"")",\'-owner,no'
    copy = _new(tmp_path / "copy.smbplan")
    assert main(["import", str(copy), str(folder / "people.csv"), "--table", "people"]) == 0
    person = load(copy).people[0]
    assert (person.name, person.role) == ('=HYPERLINK("http://x","Click")', "-owner")
