"""The plan as an XLSX workbook (openpyxl, imported here only).

One sheet per table (the import's tables, so the workbook imports back), headers frozen and
filtered, money as numbers in a currency format, dates as dates, rates as percentages. Then
a *Figures* sheet: each initiative's costs, benefits and cash flows by lifecycle year (likely
scenario, in currency units) with NPV and IRR as live formulas over those cells, as DESIGN
§4 defines them: ``NPV = year 0 + NPV(rate; year 1 … year L−1)`` (Excel's NPV discounts its
first value by one period, so year 0 stays outside it) and ``IRR(year 0 … year L−1)``. A
spreadsheet program recomputes them to the app's figures (to the cent; IRR to 1e-6).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from smbplanner.analysis.figures import initiative_figures
from smbplanner.domain.model import Plan
from smbplanner.spreadsheets.tables import Table, plan_tables

FIGURES = "Figures"
#: Where the Figures sheet keeps the discount rate (an absolute reference in every NPV).
RATE_CELL = "$B$3"
FIRST_FIGURES_ROW = 6
_HEADER_FILL = "DCE6F0"


def money_format(currency: str) -> str:
    return f'#,##0.00 "{currency}";-#,##0.00 "{currency}"'


_FORMATS = {"date": "yyyy-mm-dd", "percent": "0.00%", "factor": "0.00##", "int": "0",
            "number": "#,##0.########"}


def _style_header(ws: Any, row: int, count: int) -> None:
    from openpyxl.styles import Font, PatternFill

    for col in range(1, count + 1):
        cell = ws.cell(row=row, column=col)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)


def _print_setup(ws: Any) -> None:
    """Printed (or saved as PDF) landscape, as wide as the page, the header on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _table_sheet(wb: Any, table: Table, currency: str) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(table.target.title)
    ws.append([c.label for c in table.columns])
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is not None:
                _as_text(ws.cell(row=r, column=c, value=value))
    formats = [money_format(currency) if c.style == "money" else _FORMATS.get(c.style)
               for c in table.columns]
    for index, (column, fmt) in enumerate(zip(table.columns, formats, strict=True), start=1):
        longest = max((len(str(row[index - 1])) for row in table.rows[:2000]
                       if row[index - 1] is not None and column.style == "text"), default=0)
        ws.column_dimensions[get_column_letter(index)].width = min(
            max(column.width, len(column.label) + 3, longest + 2), 40)
        if fmt is None:
            continue
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = fmt
    _style_header(ws, 1, len(table.columns))
    _print_setup(ws)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(table.columns), 1))}{len(table.rows) + 1}"


def _as_text(cell: Any) -> Any:
    """User text that starts with "=" stays text (never a formula the file would run)."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
    return cell


def _units(cents: int) -> float:
    return float(Decimal(cents) / 100)


def _figures_sheet(wb: Any, plan: Plan) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(FIGURES)
    currency = plan.business.currency
    money = money_format(currency)
    ws["A1"] = f"{plan.business.name}: figures of each initiative (likely scenario, {currency})"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = ("Costs and benefits of the option that feeds the plan, by lifecycle year "
                "(year 0 is the year it starts). NPV = year 0 + NPV(rate; years 1…), "
                "IRR = IRR(years 0…): formulas over the cash flow row.")
    ws["A3"] = "Discount rate"
    ws[RATE_CELL.replace("$", "")] = plan.business.discount_rate_bp / 10_000
    ws[RATE_CELL.replace("$", "")].number_format = "0.00%"
    figures = [(i, initiative_figures(i, plan.business)) for i in plan.initiatives]
    life = max((f.life_years for _, f in figures if f is not None), default=1)
    first_year_col = 4  # D
    npv_col, irr_col = first_year_col + life, first_year_col + life + 1
    header = ["Initiative", "Option", "Row", *[f"Year {t}" for t in range(life)], "NPV", "IRR"]
    header_row = FIRST_FIGURES_ROW - 1
    for col, text in enumerate(header, start=1):
        ws.cell(row=header_row, column=col, value=text)
    _style_header(ws, header_row, len(header))
    for col in range(first_year_col, irr_col + 1):
        ws.cell(row=header_row, column=col).alignment = Alignment(horizontal="right")
    row = FIRST_FIGURES_ROW
    for initiative, fig in figures:
        if fig is None:
            continue
        option = initiative.chosen_option
        last = get_column_letter(first_year_col + fig.life_years - 1)
        first = get_column_letter(first_year_col)
        for offset, (name, values) in enumerate((("Costs", fig.costs),
                                                 ("Benefits", fig.benefits))):
            _as_text(ws.cell(row=row + offset, column=1, value=initiative.name))
            _as_text(ws.cell(row=row + offset, column=2, value=option.name if option else ""))
            ws.cell(row=row + offset, column=3, value=name)
            for t, cents in enumerate(values):
                cell = ws.cell(row=row + offset, column=first_year_col + t, value=_units(cents))
                cell.number_format = money
        flow = row + 2
        _as_text(ws.cell(row=flow, column=1, value=initiative.name))
        _as_text(ws.cell(row=flow, column=2, value=option.name if option else ""))
        ws.cell(row=flow, column=3, value="Cash flow").font = Font(bold=True)
        for t in range(fig.life_years):
            letter = get_column_letter(first_year_col + t)
            cell = ws.cell(row=flow, column=first_year_col + t,
                           value=f"={letter}{row + 1}-{letter}{row}")
            cell.number_format = money
        npv = f"={first}{flow}" + (
            f"+NPV({RATE_CELL},{get_column_letter(first_year_col + 1)}{flow}:{last}{flow})"
            if fig.life_years > 1 else "")
        ws.cell(row=flow, column=npv_col, value=npv).number_format = money
        guess = ""
        if fig.irr is not None and _needs_guess(fig.irr, fig.sign_changes):
            guess = f",{round(fig.irr, 2)}"
        irr = ws.cell(row=flow, column=irr_col,
                      value=f'=IFERROR(IRR({first}{flow}:{last}{flow}{guess}),"none")')
        irr.number_format = "0.00%"
        irr.alignment = Alignment(horizontal="right")
        row += 4
    names = [(i.name, i.chosen_option.name if i.chosen_option else "") for i, _ in figures]
    ws.column_dimensions["A"].width = min(max((len(n) for n, _ in names), default=20) + 2, 60)
    ws.column_dimensions["B"].width = min(max((len(o) for _, o in names), default=12) + 2, 40)
    ws.column_dimensions["C"].width = 11
    _print_setup(ws)
    ws.print_title_rows = f"{header_row}:{header_row}"
    for col in range(first_year_col, irr_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.freeze_panes = ws.cell(row=FIRST_FIGURES_ROW, column=first_year_col)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(irr_col)}{max(row - 2, header_row)}"


def _needs_guess(irr: float, sign_changes: int) -> bool:
    """Whether IRR needs a starting guess: spreadsheets start at 10 % and may not reach a
    rate far from it (LibreOffice gives up on −72 %), or may reach another root when the
    flows change sign more than once. The guess is the app's rate rounded to 1 %; the
    formula still finds the exact root."""
    return sign_changes > 1 or not -0.5 < irr < 1.0


def workbook_bytes(plan: Plan) -> bytes:
    """The plan's workbook as XLSX bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    currency = plan.business.currency
    for table in plan_tables(plan):
        _table_sheet(wb, table, currency)
    _figures_sheet(wb, plan)
    wb.properties.title = f"{plan.business.name}: IT plan"
    wb.properties.creator = "SMB Planner"
    wb.properties.created = wb.properties.modified = _fixed_time(plan)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _fixed_time(plan: Plan) -> Any:
    """A fixed time stamp, so that the same plan gives the same workbook."""
    from datetime import datetime

    return datetime.combine(date(plan.business.start_year, 1, 1), datetime.min.time())
