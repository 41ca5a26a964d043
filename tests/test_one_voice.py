"""One voice: the Budget tab's model, the board pack (read back from the PDF), ``summary``,
``check`` and ``dump`` give the same over/under per year and envelope, and the same NPV per
initiative — on the sample, the large plan, a dental clinic's plan and generated plans."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from smbplanner.analysis.board import priority_numbers
from smbplanner.analysis.budget import budget_rows, budget_statement
from smbplanner.analysis.checks import check_plan
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.plan_figures import plan_figures
from smbplanner.domain.enums import (
    BenefitCategory,
    CostCategory,
    InitiativeStatus,
    LineKind,
    Portfolio,
)
from smbplanner.domain.model import (
    BenefitLine,
    BudgetYear,
    Business,
    CostLine,
    Initiative,
    Option,
    Plan,
    System,
)
from smbplanner.domain.money import to_cents
from smbplanner.domain.numbers import whole
from smbplanner.report import ReportOptions, build_board_pack
from smbplanner.sample import sample_plan
from smbplanner.sample.large import large_plan
from smbplanner.summary import plan_summary
from tests.report.pdftables import lines, number

Overs = dict[int, tuple[int, int] | None]  # year → (Run, Change) over (+) / under (−)
ENVELOPE = re.compile(r"(Run|Change) ([+\-−][\d,]+)")


def _amount(text: str) -> int:
    return int(text.replace(",", "").replace("−", "-").replace(" EUR", ""))


def _positive(overs: Overs) -> dict[int, dict[str, int] | None]:
    """Only what is over (what the sentences name), per year and envelope."""
    return {y: None if v is None else {k: a for k, a in zip(("Run", "Change"), v, strict=True)
                                       if a > 0} for y, v in overs.items()}


def dump_overs(plan: Plan) -> Overs:
    """The dump's exact figures, printed by the presentation rule: the rounded parts."""
    out: Overs = {}
    for y in plan_figures(plan)["years"]:
        if y["over_run"] is None:
            assert y["over_change"] is None and y["over"] is None and not y["has_budget"]
            out[y["year"]] = None
            continue
        assert y["over_run"] > 0 or y["over_change"] > 0 or y["over"] <= 0

        def shown(key: str, y: dict[str, Any] = y) -> int:
            return whole(to_cents(y[f"planned_{key}"])) - whole(to_cents(y[f"budget_{key}"]))
        out[y["year"]] = (shown("run"), shown("change"))
    return out


def pack_overs(pdf: bytes) -> Overs:
    out: Overs = {}
    for page in lines(pdf):
        if ["Budget by year"] not in page:
            continue
        table = page[next((n for n, row in enumerate(page) if row[:1] == ["Year"]), 0):]
        for row in table:
            if len(row) == 10 and re.fullmatch(r"\d{4}", row[0]):
                run, change, total = number(row[3]), number(row[6]), number(row[9])
                out[int(row[0])] = None if run is None else (run, change)  # type: ignore[assignment]
                if run is not None:
                    assert change is not None and total == run + change
    return out


def tab_overs(plan: Plan) -> dict[int, dict[str, int] | None]:
    from smbplanner.ui.pages.budget.table import BudgetFiguresModel

    model = BudgetFiguresModel()
    model.set_rows(budget_rows(plan), plan.business.currency)
    out: dict[int, dict[str, int] | None] = {}
    for row in model.rows:
        text = model.text(row, 7)
        out[row.year] = None if text == "no budget set" else {
            k: _amount(v) for k, v in ENVELOPE.findall(text)}
    return out


def summary_overs(plan: Plan) -> dict[int, dict[str, int]]:
    line = next((t for t in plan_summary(plan).splitlines() if "Budget:" in t), "")
    return {int(year): {k: _amount(v) for k, v in ENVELOPE.findall(inner)}
            for year, inner in re.findall(r"(\d{4}) \(([^)]*)\)", line)}


def check_overs(plan: Plan) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    for f in check_plan(plan):
        m = re.fullmatch(r"planned (Run|Change) spend in (\d{4}) of [\d,]+ EUR is ([\d,]+) EUR "
                         r"over the \1 budget of [\d,]+ EUR", f.message)
        if m:
            out.setdefault(int(m[2]), {})[m[1]] = _amount(m[3])
    return out


def npvs(plan: Plan, pdf: bytes) -> dict[str, dict[int, int]]:
    """Each initiative's NPV as the dump, the pack's portfolio table, ``summary`` and the
    app's figures panel print it, keyed by initiative id."""
    from smbplanner.ui.pages.initiatives.figures import figure_text

    with_option = [i for i in plan.initiatives if i.chosen_option is not None]
    dumped = {e["id"]: whole(to_cents(e["npv"], allow_negative=True))
              for e in plan_figures(plan)["initiatives"]}
    numbers = priority_numbers(plan.initiatives)
    by_number: dict[str, int] = {}
    for page in lines(pdf):
        if any(row[:4] == ["#", "Initiative", "Status", "Category"] for row in page):  # repeats
            for row in page:
                if len(row) >= 9 and row[0].isdigit():
                    by_number[row[0]] = _amount(row[-3])
    summary = plan_summary(plan)
    app = {}
    for i in with_option:
        fig = initiative_figures(i, plan.business)
        assert fig is not None
        app[i.id] = _amount(figure_text("npv", fig, "EUR"))
    return {
        "dump": {i.id: dumped[i.id] for i in with_option},
        "pack": {i.id: by_number[str(numbers[i.id])] for i in with_option},
        "summary": {i.id: _amount(re.findall(rf"- {re.escape(i.name)} \(.*?NPV (-?[\d,]+) EUR",
                                             summary)[0])
                    for i in with_option if i.status != InitiativeStatus.CANCELLED},
        "app": app,
    }


def assert_one_voice(plan: Plan) -> None:
    for n, i in enumerate(plan.initiatives, start=1):
        i.id = i.id or n
    pdf = build_board_pack(plan, ReportOptions(sections=("summary", "portfolio", "budget")))
    dump = dump_overs(plan)
    printed = pack_overs(pdf)
    # the pack's rule (report/budget.py) on the printed figures: a year's planned spend is the
    # sum of its rounded envelopes (two Run and Change lines of 0.25 EUR print 0, not 1)
    statement = budget_statement(plan)
    if printed or statement.budgeted or any(y.planned for y in statement.shown):
        assert printed == dump  # else the pack says "No budget and no planned spend yet."
    over = _positive(dump)
    assert tab_overs(plan) == over
    named = {y: v for y, v in over.items() if v}
    assert summary_overs(plan) == named
    assert check_overs(plan) == named
    # the pack's "Budget fit" tile says what summary says (summary adds the currency)
    line = next((t for t in plan_summary(plan).splitlines() if "Budget:" in t), None)
    if line is not None:
        said = line.split("Budget: ", 1)[1].replace(" EUR", "")
        printed = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert re.sub(r"\s+", "", said) in re.sub(r"\s+", "", printed)
    found = npvs(plan, pdf)
    assert found["pack"] == found["dump"] == found["app"]
    assert found["summary"] == {k: v for k, v in found["dump"].items() if k in found["summary"]}


def _one(name: str, portfolio: Portfolio, costs: dict[int, int], *, benefit: int = 0,
         status: InitiativeStatus = InitiativeStatus.APPROVED, start: int = 2026) -> Initiative:
    lines_ = [CostLine(CostCategory.PURCHASE, c, LineKind.ONE_OFF, t, t) for t, c in costs.items()]
    benefits = [BenefitLine(BenefitCategory.OTHER, benefit, LineKind.RECURRING, 1, 2)
                ] if benefit else []
    option = Option("o", chosen=True, life_years=3, costs=lines_, benefits=benefits)
    return Initiative(name, portfolio=portfolio, status=status, start_year=start,
                      options=[option])


def dental_plan() -> Plan:
    """The issue's clinic: Change over in 2026 and 2027 while Run has money left (so the
    year as a whole was "under" in 2027), and a year without a budget."""
    return Plan(
        Business("Smile Dental Clinic", start_year=2026, horizon_years=3),
        initiatives=[
            _one("Practice management system", Portfolio.CHANGE, {0: 1_800_000, 1: 1_077_000},
                 benefit=2_500_000),
            _one("Imaging upgrade", Portfolio.RUN, {0: 400_050}, benefit=300_000),
        ],
        systems=[System("Chairs", annual_run_cost_cents=727_950)],
        budget_years=[BudgetYear(2026, 1_200_000, 1_500_000), BudgetYear(2027, 800_000, 800_000)],
    )


def test_the_dental_clinic_is_over_in_change_both_years(qapp: Any) -> None:
    plan = dental_plan()
    assert "Over budget in 2026 (Change +3,000 EUR), 2027 (Change +2,770 EUR)" in (
        plan_summary(plan))
    assert "no budget set for 2028" in plan_summary(plan)
    assert_one_voice(plan)


@pytest.mark.parametrize("make", [sample_plan, large_plan], ids=["sample", "large"])
def test_sample_and_large_plan(make: Any, qapp: Any) -> None:
    assert_one_voice(make())


CENTS = st.integers(0, 3_000_000)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    horizon = draw(st.integers(1, 4))
    years = range(2026, 2026 + horizon)
    initiatives = [
        _one(f"Initiative {n}", draw(st.sampled_from(Portfolio)),
             draw(st.dictionaries(st.integers(0, 2), CENTS, max_size=3)),
             benefit=draw(CENTS), start=draw(st.sampled_from(years)),
             status=draw(st.sampled_from(InitiativeStatus)))
        for n in range(draw(st.integers(0, 4)))
    ]
    budgeted = draw(st.lists(st.sampled_from(years), unique=True))
    return Plan(
        Business("Generated", start_year=2026, horizon_years=horizon),
        initiatives=initiatives,
        systems=[System(f"S{n}", annual_run_cost_cents=draw(CENTS))
                 for n in range(draw(st.integers(0, 2)))],
        budget_years=[BudgetYear(y, draw(CENTS), draw(CENTS)) for y in budgeted],
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(plans())
def test_generated_plans(qapp: Any, plan: Plan) -> None:
    assert_one_voice(plan)
