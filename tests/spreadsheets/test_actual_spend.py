"""Actual spend from an accounting export (date, supplier, amount, project, account) through
``smbplanner import --table actual-spend``: transactions summed per initiative, year and
cost category; a second import of the same export changes nothing; bad rows refused in one
line with the plan unchanged.

Sample: the back-office server (initiative 2) has 2026 implementation spend of 7,900 EUR;
the bakery ERP (5) has no actuals."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.cli import main
from smbplanner.domain.enums import CostCategory
from tests.spreadsheets.helpers import load

ERP = "Central ordering and production planning (bakery ERP)"
EXPORT = "\n".join([
    "Date,Contact,Description,Net Amount,Tracking Category,Account",
    f'03/02/2027,Bakery ERP Ltd,Licence Q1,"2,400.00",{ERP},Software subscriptions',
    f"15/03/2027,Partner & Co,Workshop,1800.50,{ERP},Consulting",
    f"28/04/2027,Partner & Co,Data load,1200,{ERP},Consulting",
    "12/01/2027,Migration partner,Cut-over,950,Back-office server replacement,"
    "Professional services",
]) + "\n"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.smbplan"
    assert main(["demo", str(path)]) == 0
    return path


def test_an_accounting_export_becomes_actual_spend(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "ledger.csv"
    export.write_text(EXPORT, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(sample), str(export), "--table", "actual-spend"]) == 0
    assert "Actual spend: added 4 rows, updated 0." in capsys.readouterr().out
    plan = load(sample)
    erp = plan.initiative(5)
    assert erp is not None
    spent = {(a.year, a.category): (a.amount_cents, a.note) for a in erp.actual_costs}
    assert spent == {
        (2027, CostCategory.PURCHASE): (240_000, "Bakery ERP Ltd — Licence Q1"),
        (2027, CostCategory.IMPLEMENTATION): (300_050, "2 transactions: Partner & Co"),
    }
    server = plan.initiative(2)
    assert server is not None
    assert {(a.year, a.category): a.amount_cents for a in server.actual_costs}[
        (2027, CostCategory.IMPLEMENTATION)] == 95_000
    assert main(["import", str(sample), str(export), "--table", "actual-spend",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "row 3: unchanged actual spend" in out  # a second import adds nothing twice
    assert main(["import", str(sample), str(export), "--table", "actual-spend"]) == 0
    again = load(sample).initiative(5)
    assert again is not None and len(again.actual_costs) == 2
    assert sum(a.amount_cents for a in again.actual_costs) == 540_050


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("03/02/2027,X,Y,100,No such project,Software",
         "column E (Tracking Category): no initiative named 'No such project' in the plan"),
        ("03/02/2027,X,Y,-100,Back-office server replacement,Software",
         "column D (Net Amount): '-100'"),
        ("03/02/2027,X,Y,100,Back-office server replacement,Lunch",
         "column F (Account): 'Lunch' is not one of"),
    ],
)
def test_bad_rows_are_refused_in_one_line(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, expected: str
) -> None:
    export = tmp_path / "ledger.csv"
    export.write_text(EXPORT.splitlines()[0] + "\n" + row + "\n", encoding="utf-8")
    before = sample.read_bytes()
    capsys.readouterr()
    assert main(["import", str(sample), str(export), "--table", "actual-spend"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "row 2, " + expected in err, err
    assert sample.read_bytes() == before
