"""Makes the real spreadsheet files the import tests read (run by hand; the files are kept).

``inventory.xlsx`` (and the same as ``inventory.xls``) and ``kpis.ods`` are written by
LibreOffice: openpyxl lays out an
owner's workbook (a title row merged across, formulas, dates as date cells, as text and as
serial numbers, a messy sheet), then ``soffice --headless --convert-to`` recomputes and saves
it, so the files hold LibreOffice's own XML and its cached formula values.
``costs-excel.csv`` is a CSV as a German Excel saves "CSV (Trennzeichen-getrennt)": cp1252,
``;`` separators, decimal commas, amounts as displayed ("1.250,00 €"), CRLF.

    .venv/bin/python tests/data/spreadsheets/make_files.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def _inventory(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "IT systems"
    ws["A1"] = "Harbour Bakery – IT inventory (March 2026)"
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["System", "Vendor", "Monthly cost", "Annual cost", "Installed",
               "End of support", "Criticality", "Notes"])
    rows = [
        ("Till system (5 shops)", "Kassen GmbH", 310.5, 2017, date(2027, 12, 31), "Critical",
         "Card terminals separate"),
        ("Back-office server", "Dell", 95, 2018, date(2026, 6, 30), "High", "Windows 2016"),
        ("Microsoft 365", "Microsoft", 264.6, 2020, None, "High", ""),
        ("Website", "Local agency", 45.25, 2019, date(2028, 1, 1), "Medium", "Café menu page"),
        ("Accounting", "Sage", 61, 2016, None, "Medium", "=not a formula, just text"),
    ]
    for r, (name, vendor, monthly, installed, eol, crit, notes) in enumerate(rows, start=4):
        ws.append([name, vendor, monthly, f"=C{r}*12", installed, eol, crit, notes])
        ws.cell(row=r, column=6).number_format = "DD.MM.YYYY"
        if notes.startswith("="):
            ws.cell(row=r, column=8).data_type = "s"
    ws.append([])  # an empty row inside the table
    ws.append(["Label printer", "Zebra", 0, 0, 2021, None, "Low", "Owned outright"])

    budget = wb.create_sheet("Budget")
    budget.append(["Year", "Run", "Change", "Total"])
    budget.append([2026, 41000, 25000, "=B2+C2"])
    budget.append([2027, "=B2*1.03", 60000, "=B3+C3"])
    budget.append([2028, "=ROUND(B3*1.03;2)".replace(";", ","), 35000.5, "=B4+C4"])

    messy = wb.create_sheet("Messy")
    messy.append(["System", "Annual cost", "Installed", "Condition"])
    messy.append(["Phones", "about 600", 2019, 3])
    messy.append(["Door access", 1200, "2019/20", 4])
    messy.append(["NAS backup", 300, 2020, 3])
    messy.append([None, 450, 2020, 2])  # under a name merged from the row above
    messy.merge_cells("A4:A5")
    messy.append(["CCTV", 900, 2015, 7])
    messy.append(["Phones", 650, 2019, 3])
    wb.save(path)


def _kpis(path: Path) -> None:
    wb = Workbook()
    goals = wb.active
    goals.title = "Goals"
    goals.append(["Goal", "Perspective", "Weight", "Target date"])
    goals.append(["Grow pre-orders", "Customer", 4, date(2027, 12, 31)])
    goals.append(["Cut waste", "Internal process", 5, date(2027, 6, 30)])
    for r in (2, 3):
        goals.cell(row=r, column=4).number_format = "DD/MM/YYYY"

    kpis = wb.create_sheet("KPIs")
    kpis.append(["KPI", "Goal", "Unit", "Baseline", "Target", "Better when"])
    kpis.append(["Pre-orders per week", "Grow pre-orders", "orders", 40, 120, "Higher"])
    kpis.append(["Bread thrown away", "Cut waste", "% of baked", 8.5, 4, "Lower"])

    m = wb.create_sheet("Measurements")
    m.append(["KPI", "Date", "Value", "Note"])
    m.append(["Pre-orders per week", date(2026, 1, 31), 42, "date cell"])
    m.append(["Pre-orders per week", "28.02.2026", 47, "date as text"])
    m.append(["Pre-orders per week", 46112, 55, "date as a serial number"])  # 2026-03-31
    m.append(["Bread thrown away", date(2026, 1, 31), 8.2, ""])
    m.append(["Bread thrown away", "2026-02-28", "=8.2-0.45", "a formula"])
    m.cell(row=2, column=2).number_format = "YYYY-MM-DD"
    m.cell(row=5, column=2).number_format = "YYYY-MM-DD"
    wb.save(path)


def _csv(path: Path) -> None:
    lines = [
        "Initiative;Side;Category;Description;2026;2027;2028;2029",
        "Cloud POS;Cost;Purchase & licences;Tablets and card readers;8.400,00 €;;;",
        "Cloud POS;Cost;Maintenance & support;POS subscription;2.160,00 €;2.160,00 €;"
        "2.160,00 €;2.160,00 €",
        "Cloud POS;Benefit;Cost savings;Fewer till errors;1.250,50 €;3.000,00 €;3.000,00 €;"
        "3.000,00 €",
        "Café web shop;Cost;Implementation;Agency build, phase 1;\"12.000,00 €\";;;",
        "Café web shop;Benefit;Revenue increase;Online orders;;4.800,00 €;6.000,00 €;",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def _libreoffice(source: Path, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice is needed to write the LibreOffice files")
    with tempfile.TemporaryDirectory() as tmp:
        kind = "xls:MS Excel 97" if target.suffix == ".xls" else target.suffix[1:]
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", kind, "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / (source.stem + target.suffix), target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inventory = Path(tmp) / "inventory.xlsx"
        _inventory(inventory)
        _libreoffice(inventory, HERE / "inventory.xlsx")
        _libreoffice(inventory, HERE / "inventory.xls")  # Excel 97-2003, as old offices keep
        kpis = Path(tmp) / "kpis.xlsx"
        _kpis(kpis)
        _libreoffice(kpis, HERE / "kpis.ods")
    _csv(HERE / "costs-excel.csv")


if __name__ == "__main__":
    main()
