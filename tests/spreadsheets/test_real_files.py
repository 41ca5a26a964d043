"""Import each real file of tests/data/spreadsheets: an XLSX and an ODS saved by LibreOffice
and a CSV as a German Excel writes it (made by make_files.py there)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    Criticality,
    InitiativeStatus,
    KpiDirection,
    LineKind,
    Perspective,
)
from smbplanner.domain.model import Business, Initiative, Option
from smbplanner.domain.model import Plan as PlanModel
from smbplanner.storage.planfile import PlanFile
from tests.spreadsheets.helpers import import_into, load, preview_of

DATA = Path(__file__).parents[1] / "data" / "spreadsheets"


@pytest.fixture
def empty_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.smbplan"
    PlanFile.create(path, Business("Harbour Bakery Co.", start_year=2026)).close()
    return path


def test_systems_from_a_libreoffice_xlsx_with_a_title_row_formulas_and_an_empty_row(
    empty_plan: Path,
) -> None:
    done = import_into(empty_plan, DATA / "inventory.xlsx", "systems", "IT systems")
    assert (done.added, done.refused) == (6, 0)
    systems = {s.name: s for s in load(empty_plan).systems}
    till = systems["Till system (5 shops)"]
    # "Annual cost" is =C4*12 in the file: its value as LibreOffice computed it
    assert till.annual_run_cost_cents == 372_600
    assert systems["Microsoft 365"].annual_run_cost_cents == 317_520
    assert (till.vendor, till.year_installed, till.end_of_life_year) == ("Kassen GmbH", 2017,
                                                                       2027)
    assert till.criticality == Criticality.CRITICAL
    assert systems["Microsoft 365"].end_of_life_year is None
    assert systems["Accounting"].notes == "=not a formula, just text"
    assert systems["Website"].notes == "Café menu page"


def test_budget_from_formulas(empty_plan: Path) -> None:
    done = import_into(empty_plan, DATA / "inventory.xlsx", "budget", "Budget")
    assert done.added == 3
    years = {b.year: (b.run_cents, b.change_cents) for b in load(empty_plan).budget_years}
    assert years == {2026: (4_100_000, 2_500_000), 2027: (4_223_000, 6_000_000),
                     2028: (4_349_690, 3_500_050)}


def test_a_messy_sheet_is_refused_row_by_row_and_nothing_is_imported(empty_plan: Path) -> None:
    preview = preview_of(empty_plan, DATA / "inventory.xlsx", "systems", "Messy")
    problems = [str(p) for p in preview.problems]
    assert problems == [
        "row 2, column B (Annual cost): 'about 600' is not a number",
        "row 3, column C (Installed): '2019/20' is not a number",
        "row 5, column A (System): is empty (a merged cell: its value is in row 4)",
        "row 6, column D (Condition): 7 is not from 1 to 5",
        "row 7: repeats row 2 (Phones)",
    ]
    assert [r.number for r in preview.rows if not r.refused] == [4]


def test_goals_kpis_and_measurements_from_a_libreoffice_ods(empty_plan: Path) -> None:
    ods = DATA / "kpis.ods"
    assert import_into(empty_plan, ods, "goals", "Goals").added == 2
    assert import_into(empty_plan, ods, "kpis", "KPIs").added == 2
    assert import_into(empty_plan, ods, "measurements", "Measurements").added == 5
    plan = load(empty_plan)
    goal = next(g for g in plan.goals if g.title == "Cut waste")
    assert (goal.perspective, goal.weight, goal.target_date) == (
        Perspective.INTERNAL_PROCESS, 5, date(2027, 6, 30))
    kpis = {k.name: k for k in plan.kpis}
    waste = kpis["Bread thrown away"]
    assert (waste.goal_id, waste.direction, waste.baseline) == (goal.id, KpiDirection.DECREASE,
                                                                8.5)
    orders = sorted((m.date, m.value) for m in kpis["Pre-orders per week"].measurements)
    # a date cell, a date as text (31.12 style) and a serial number
    assert orders == [(date(2026, 1, 31), 42), (date(2026, 2, 28), 47),
                      (date(2026, 3, 31), 55)]
    assert sorted(m.value for m in waste.measurements) == [7.75, 8.2]  # 7.75 is a formula's


def _plan_with_initiatives(path: Path, shop_start: int = 2026) -> None:
    plan = PlanModel(Business("Harbour Bakery Co.", start_year=2026))
    plan.initiatives = [
        Initiative("Cloud POS", start_year=2026, options=[Option("SaaS", chosen=True)]),
        Initiative("Café web shop", start_year=shop_start, status=InitiativeStatus.APPROVED),
    ]
    PlanFile.create(path, plan).close()


def test_lines_from_an_excel_csv_cp1252_semicolons_decimal_commas_years_as_columns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.smbplan"
    _plan_with_initiatives(path)
    done = import_into(path, DATA / "costs-excel.csv", "lines")
    assert (done.added, done.refused) == (5, 0)
    pos, shop = load(path).initiatives
    option = pos.chosen_option
    assert option is not None and option.name == "SaaS"
    costs = sorted((c.category, c.kind, c.year_from, c.year_to, c.amount_cents, c.description)
                   for c in option.costs)
    assert costs == [
        (CostCategory.MAINTENANCE, LineKind.RECURRING, 0, 3, 216_000, "POS subscription"),
        (CostCategory.PURCHASE, LineKind.ONE_OFF, 0, 0, 840_000, "Tablets and card readers"),
    ]
    benefits = sorted((b.kind, b.year_from, b.year_to, b.amount_cents) for b in option.benefits)
    assert benefits == [(LineKind.ONE_OFF, 0, 0, 125_050), (LineKind.RECURRING, 1, 3, 300_000)]
    assert all(b.category == BenefitCategory.COST_SAVINGS for b in option.benefits)
    # the web shop had no option: it gets one, 5 years long
    shop_option = shop.chosen_option
    assert shop_option is not None and shop_option.life_years == 5
    assert [(c.amount_cents, c.year_from) for c in shop_option.costs] == [(1_200_000, 0)]
    assert sorted((b.year_from, b.amount_cents) for b in shop_option.benefits) == [
        (1, 480_000), (2, 600_000)]


def test_a_csv_amount_before_the_initiative_starts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.smbplan"
    _plan_with_initiatives(path, shop_start=2027)
    preview = preview_of(path, DATA / "costs-excel.csv", "lines")
    problems = [str(p) for p in preview.problems]
    assert problems == ["row 5, column E (2026): 2026 is before the initiative starts (2027)"]


def test_the_same_inventory_saved_as_xls_reads_the_same(empty_plan: Path) -> None:
    xlsx = preview_of(empty_plan, DATA / "inventory.xlsx", "systems", "IT systems")
    xls = preview_of(empty_plan, DATA / "inventory.xls", "systems", "IT systems")
    assert [r.planned.payload for r in xls.rows if r.planned] == [
        r.planned.payload for r in xlsx.rows if r.planned]
    assert [str(p) for p in preview_of(empty_plan, DATA / "inventory.xls", "systems",
                                       "Messy").problems] == [
        str(p) for p in preview_of(empty_plan, DATA / "inventory.xlsx", "systems",
                                   "Messy").problems]
