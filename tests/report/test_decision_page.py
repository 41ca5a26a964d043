"""The decision page, read back from the PDF: first after the cover, its resolution's amount
the total of the ask's printed rows, its years footing."""

from __future__ import annotations

import re

from smbplanner.analysis.decision import decision
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.numbers import units
from smbplanner.report import ReportOptions, build_board_pack
from smbplanner.sample import sample_plan
from tests.report.conftest import Pack
from tests.report.pdftables import lines, number


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_decision_page_follows_the_cover(sample_pack: Pack) -> None:
    page = _squash(sample_pack.pages[1])
    assert "Decision sought" in page and "Resolution sought." in page
    d = decision(sample_plan())
    assert units(d.asked_tco, "EUR") in page
    assert "If nothing is done" in page and "Shop tills (POS)" in page
    assert "10,000 trials" in page


def test_the_ask_and_the_years_foot_on_the_printed_rows(sample_pack: Pack) -> None:
    rows = lines(sample_pack.pdf)[1]
    d = decision(sample_plan())
    ask_rows = [r for r in rows if r and r[0].isdigit() and len(r) >= 6 and "Q" in r[2]]
    assert len(ask_rows) == len(d.asked)
    total = next(r for r in rows if r and r[0].startswith("The ask:"))
    tco = [number(r[-3]) for r in ask_rows]
    assert sum(t for t in tco if t is not None) == number(total[-3]) == d.asked_tco
    years = [r for r in rows if r and re.fullmatch(r"20\d\d(–20\d\d)?", r[0])]
    assert years
    for r in years:
        approved, asked, both = (number(c) or 0 for c in r[1:4])
        assert approved + asked == both
    footing = next(r for r in rows if r and r[0] == "Total")
    for column in (1, 2, 3):
        assert sum(number(r[column]) or 0 for r in years) == number(footing[column])
    assert number(footing[2]) == d.asked_tco


def test_the_decision_alone_builds() -> None:
    pdf = build_board_pack(sample_plan(), ReportOptions(sections=("decision",)))
    assert Pack(pdf).contains("Resolution sought.")


def test_the_owner_s_resolution_is_printed_and_the_ask_split_by_funding() -> None:
    from smbplanner.domain.enums import FundingSource
    from tests.report.conftest import build

    plan = sample_plan()
    plan.business.resolution = "Approve the online pre-orders now; the rest in March."
    asked = [i for i in plan.initiatives if i.status == InitiativeStatus.PROPOSED]
    asked[0].funding = FundingSource.LOAN
    pack = build(plan, sections=("cover", "decision"))
    page = _squash(pack.pages[1])
    assert _squash("Resolution sought. Approve the online pre-orders now; the rest in "
                   "March.") in page
    assert "How the ask is paid" in pack.pages[1]
    d = decision(plan)
    tight = re.sub(r"\s+", "", page)
    for row in d.funding:
        assert f"{row.source.value.capitalize()}{row.count}{units(row.amount)}" in tight


def test_the_cover_has_document_control(sample_pack: Pack) -> None:
    cover = _squash(sample_pack.pages[0])
    plan = sample_plan()
    for text in ("Document control", "Version", "2026-11-23", "Date", "23 November 2026",
                 "Status", "For decision", "Prepared by", plan.business.prepared_by):
        assert _squash(text) in cover, text


def test_the_decision_page_names_approved_work_running_over(sample_pack: Pack) -> None:
    """The sample's server replacement (approved, the owner's estimate 38,700 EUR against
    36,569 EUR planned) and MFA (in progress, 410 EUR spent over plan) run over."""
    page = " ".join(sample_pack.pages[1].split())
    assert ("Approved work running over — forecast cost at completion above plan: "
            "Back-office server replacement 38,700 EUR (+2,131 EUR) and Multi-factor "
            "authentication and password manager 10,081 EUR (+410 EUR).") in page
    assert "If nothing is done" in page  # still one page


def test_the_large_plan_s_decision_is_one_page(large_pack: Pack) -> None:
    """300 initiatives whose costs run to 2041: the decision page holds its 14 years (the
    years after the horizon in one row) and everything else; the contents follow."""
    page = _squash(large_pack.pages[1])
    assert "Decision sought" in page and "If nothing is done" in page
    assert "2036–2041" in page and "open high or critical risks" in page
    following = _squash(large_pack.pages[2])
    assert following.startswith("Contents") and "If nothing is done" not in following


def test_the_later_years_row_foots() -> None:
    """The years after the horizon together: their amounts are the sums of those years'
    rows, and the shown rows add up to the same totals as every year's rows."""
    from smbplanner.report.decision import year_rows
    from smbplanner.sample import large_plan

    plan = large_plan()
    d = decision(plan)
    end = plan.business.end_year
    later = [r for r in d.rows if r.year > end]
    assert len(later) > 1
    shown = year_rows(d, end)
    assert len(shown) == sum(1 for r in d.rows if r.year <= end) + 1
    label, approved, asked = shown[-1]
    assert label == f"{later[0].year}–{later[-1].year}"
    assert approved == sum(r.approved for r in later)
    assert asked == sum(r.asked for r in later)
    assert sum(a for _, a, _ in shown) == sum(r.approved for r in d.rows)
    assert sum(b for _, _, b in shown) == sum(r.asked for r in d.rows)
    assert year_rows(d, later[-1].year) == [(str(r.year), r.approved, r.asked) for r in d.rows]


def test_the_empty_pack_has_no_zero_tiles(empty_pack: Pack) -> None:
    """An empty plan's headline tiles say what is missing and the step to take, not 0 EUR."""
    summary = next(p for p in empty_pack.pages if "Headline numbers" in p)
    flat = _squash(summary)
    assert "0 EUR" not in flat
    assert flat.count("Not yet planned") == 5
    assert "add initiatives and their costs in Prioritise" in flat
    assert "No budget set yet" in flat and "set a budget per year in Measure" in flat


def test_the_large_plan_s_budget_tile_is_short(large_pack: Pack) -> None:
    """Over in 8 of 10 years: the tile names the years as a range and the year most over."""
    from smbplanner.analysis.budget import budget_statement
    from smbplanner.analysis.budget_text import budget_headline
    from smbplanner.sample import large_plan

    statement = budget_statement(large_plan(), ReportOptions().scenario)
    headline = budget_headline(statement)
    assert len(statement.over) > 2 and len(headline) < 90
    assert "most in" in headline and headline.count("Run +") + headline.count("Change +") <= 2
    summary = next(p for p in large_pack.pages if "Headline numbers" in p)
    assert re.sub(r"\s+", "", headline) in re.sub(r"\s+", "", summary)
