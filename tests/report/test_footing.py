"""Every printed total adds up: the pack's tables read back from the PDF (sample, large,
pessimistic) and checked as a credit officer checks them, on the printed numbers: totals
equal the sum of their rows; Budget = Run + Change; Over = Planned − Budget; TCO = Σ years;
the headline tiles equal the portfolio's totals."""

from __future__ import annotations

import re
from typing import Any

import pytest

from smbplanner.domain.enums import Scenario
from smbplanner.report import ReportOptions, build_board_pack
from smbplanner.sample import sample_plan
from smbplanner.sample.large import large_plan
from tests.report.pdftables import is_number, lines, number

SECTIONS = ("summary", "portfolio", "budget", "initiatives")
Rows = list[list[str]]


def _n(text: str) -> int:
    value = number(text)
    return 0 if value is None else value


def _budget_rows(pages: list[Rows]) -> Rows:
    for page in pages:
        if ["Budget by year"] in page:
            start = next(n for n, row in enumerate(page) if row[:1] == ["Year"])
            return [row for row in page[start + 1:] if len(row) == 10]
    return []


def check_budget(pages: list[Rows]) -> int:
    rows = _budget_rows(pages)
    years = [r for r in rows if re.fullmatch(r"\d{4}", r[0])]
    assert years, "no budget table"
    for r in rows:
        br, pr, orun, bc, pc, ochange, b, p, o = (number(c) for c in r[1:])
        assert p == _n(r[2]) + _n(r[5]), r  # Planned = Run + Change
        if br is None:  # no budget: nothing is over or under
            assert (bc, b, orun, ochange, o) == (None,) * 5 or r[0] == "Total", r
            continue
        assert b == br + _n(r[4]), r
        if orun is not None:
            assert orun == pr - br and ochange == pc - bc and o == p - b, r  # type: ignore
            assert o == orun + ochange, r  # type: ignore[operator]
    totals = {r[0]: r for r in rows if not re.fullmatch(r"\d{4}", r[0])}
    for name, chosen in (("Total", years), ("Budgeted years",
                                             [r for r in years if number(r[1]) is not None])):
        if name not in totals:
            continue
        for column in range(1, 10):
            if number(totals[name][column]) is None:
                continue
            assert _n(totals[name][column]) == sum(_n(r[column]) for r in chosen), (name, column)
    return len(rows)


def check_portfolio(pages: list[Rows]) -> tuple[int, int]:
    """The portfolio's total row equals the sum of its counted rows; returns (TCO, NPV)."""
    counted: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    excluded = False
    total: tuple[int, int] | None = None
    after_total = False
    for page in pages:
        if not any(row[:4] == ["#", "Initiative", "Status", "Category"] for row in page):
            continue
        for row in page:
            if len(row) >= 9 and row[0].isdigit():
                if current is not None and not excluded:
                    counted.append(current)
                current, excluded = (_n(row[-4]), _n(row[-3])), False
            elif any("not counted" in cell for cell in row):
                excluded = True
            elif row and row[0].startswith("Total of"):
                numbers = [c for c in row[1:] if is_number(c)]
                if len(numbers) == 2:
                    total = (_n(numbers[0]), _n(numbers[1]))
                else:
                    after_total = True
            elif after_total and len(row) == 2 and all(map(is_number, row)):
                total = (_n(row[0]), _n(row[1]))
                after_total = False
    if current is not None and not excluded:
        counted.append(current)
    assert total is not None, "no portfolio total"
    assert total == (sum(t for t, _ in counted), sum(n for _, n in counted))
    return total


def check_tco_tables(pages: list[Rows], scenario: Scenario) -> int:
    """Every 'TCO by category and year' table: rows and columns add up, and the grand total
    is the TCO printed for the pack's scenario above it."""
    checked = 0
    name = scenario.value.capitalize()
    for page in pages:
        scenario_tco = next((_n(r[1]) for r in page if r[:1] == [name] and len(r) == 8), None)
        start = [n for n, r in enumerate(page) if r[:1] == ["Category"]]
        for s in start:
            head = page[s]
            if head[-1] != "Total":
                continue  # a long life split over two tables: the first has no totals
            body: Rows = []
            for row in page[s + 1:]:
                if len(row) != len(head):
                    break
                body.append(row)
            *cells, total = body
            for row in cells:
                assert _n(row[-1]) == sum(_n(c) for c in row[1:-1]), row
            for column in range(1, len(head)):
                assert _n(total[column]) == sum(_n(r[column]) for r in cells), (head, column)
            assert scenario_tco is not None and _n(total[-1]) == scenario_tco
            checked += 1
    return checked


def check_pack(pdf: bytes, scenario: Scenario) -> None:
    pages = lines(pdf)
    assert check_budget(pages)
    tco, npv = check_portfolio(pages)
    text = "\n".join(" ".join(row) for page in pages for row in page)
    tiles = next(page for page in pages if ["Headline numbers"] in page)
    tiles = tiles[tiles.index(["Headline numbers"]) + 1]  # the tiles' first row
    assert tiles == [f"{tco:,} EUR", f"{npv:,} EUR"] or (
        tiles[0] == f"{tco:,} EUR" and tiles[-1] == f"{npv:,} EUR"), tiles
    split = re.search(r"Run initiatives \(([\d,]+) EUR TCO\) and \d+ Change initiatives "
                      r"\(([\d,]+) EUR\)", " ".join(text.split()))
    assert split and _n(split[1]) + _n(split[2]) == tco
    assert check_tco_tables(pages, scenario)


@pytest.mark.parametrize(("make", "scenario"), [
    (sample_plan, Scenario.LIKELY),
    (sample_plan, Scenario.PESSIMISTIC),
    (large_plan, Scenario.LIKELY),
], ids=["sample", "sample-pessimistic", "large"])
def test_every_printed_total_adds_up(make: Any, scenario: Scenario) -> None:
    pdf = build_board_pack(make(), ReportOptions(sections=SECTIONS, scenario=scenario))
    check_pack(pdf, scenario)


@pytest.mark.parametrize("make", [sample_plan, large_plan], ids=["sample", "large"])
def test_summary_totals_add_up(make: Any) -> None:
    """``summary``'s NPV total is the sum of the NPVs it prints for counted initiatives."""
    from smbplanner.summary import plan_summary

    text = plan_summary(make())
    rows = re.findall(r"NPV (-?[\d,]+) EUR(; on hold, not counted)?\)", text)
    total = re.search(r"Net present value: +(-?[\d,]+) EUR", text)
    assert rows and total
    assert _n(total[1]) == sum(_n(v) for v, held in rows if not held)
