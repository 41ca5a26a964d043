"""The exported workbook as LibreOffice recomputes it: its NPV and IRR formulas give the
figures `dump` prints (NPV to the cent, IRR to 1e-6). Skipped where soffice is missing."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from smbplanner.analysis.figures import initiative_figures
from smbplanner.cli import main
from smbplanner.spreadsheets.workbook import FIGURES
from smbplanner.storage.planfile import PlanFile

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CSV filter options: comma, double quotes, UTF-8, from line 1, …, every sheet (-1) to its
# own file "<name>-<sheet>.csv"
ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def recomputed_sheets(book: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``book`` as LibreOffice computes it, as CSV rows."""
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{out}/profile", "--headless",
         "--convert-to", ALL_SHEETS, "--outdir", str(out), str(book)],
        check=True, capture_output=True, timeout=240,
    )
    sheets = {}
    for path in out.glob(f"{book.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            sheets[path.stem.removeprefix(f"{book.stem}-")] = list(csv.reader(f))
    return sheets


def _number(text: str) -> float:
    return float(text.removesuffix("%")) / (100 if text.endswith("%") else 1)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recomputes_npv_and_irr_to_the_dumped_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "sample.smbplan"
    book = tmp_path / "sample.xlsx"
    dumped = tmp_path / "sample.json"
    assert main(["demo", str(plan)]) == 0
    assert main(["export-xlsx", str(plan), "-o", str(book)]) == 0
    assert main(["dump", str(plan), "-o", str(dumped)]) == 0
    figures = {i["name"]: i for i in json.loads(dumped.read_text())["figures"]["initiatives"]}

    with PlanFile.open(plan, readonly=True) as plan_file:
        loaded = plan_file.load()
    exact = {i.name: initiative_figures(i, loaded.business).irr for i in loaded.initiatives}

    rows = recomputed_sheets(book, tmp_path)[FIGURES]
    header = next(r for r in rows if r[:3] == ["Initiative", "Option", "Row"])
    npv_at, irr_at = header.index("NPV"), header.index("IRR")
    flows = [r for r in rows if len(r) > 2 and r[2] == "Cash flow"]
    assert {r[0] for r in flows} == set(figures) and len(flows) == len(figures)
    irrs = 0
    for row in flows:
        expected = figures[row[0]]
        assert round(_number(row[npv_at]), 2) == pytest.approx(expected["npv"], abs=0.0051)
        flows_shown = [float(v) for v in row[3:npv_at] if v != ""]
        assert flows_shown == pytest.approx(expected["cash_flows"], abs=1e-9)
        if expected["irr"] is None:
            assert row[irr_at] == "none"
        else:
            irrs += 1
            # the dump rounds rates to 6 decimals; the app's own IRR agrees to 1e-6
            assert _number(row[irr_at]) == pytest.approx(expected["irr"], abs=1e-6 + 5e-7)
            assert _number(row[irr_at]) == pytest.approx(exact[row[0]], abs=1e-6)
    assert irrs >= 5  # the sample has IRRs to check
