"""The cash flow section read back from the PDF: every column foots on the printed rows."""

from __future__ import annotations

from smbplanner.analysis.headlines import plan_totals
from smbplanner.sample import sample_plan
from tests.report.conftest import Pack
from tests.report.pdftables import lines, number


def test_the_cash_flow_table_foots(sample_pack: Pack) -> None:
    at = next(n for n, p in enumerate(sample_pack.pages) if "Cash flow by year" in p)
    rows = lines(sample_pack.pdf)[at]
    years = [r for r in rows if len(r) == 7 and r[0].isdigit() and len(r[0]) == 4]
    total = next(r for r in rows if r and r[0] == "Total")
    assert len(years) >= 5
    cumulative = 0
    for r in years:
        capital, operating, costs, benefits, net, cum = (number(x) or 0 for x in r[1:])
        assert capital + operating == costs and benefits - costs == net
        cumulative += net
        assert cum == cumulative
    for column in range(1, 6):
        assert sum(number(r[column]) or 0 for r in years) == number(total[column])
    assert number(total[3]) == plan_totals(sample_plan()).tco
    owner = sample_plan().business.rate_rationale
    assert owner and sample_pack.contains(f"Discount rate. {owner}")


def test_the_default_rationale_and_the_funding_split() -> None:
    from smbplanner.analysis.cash_statement import rate_rationale
    from smbplanner.domain.enums import FundingSource
    from tests.report.conftest import build

    plan = sample_plan()
    plan.business.rate_rationale = ""
    plan.initiatives[0].funding = FundingSource.LEASE
    pack = build(plan, sections=("finance",))
    assert pack.contains(f"Discount rate. {rate_rationale(800)}")
    at = next(n for n, p in enumerate(pack.pages) if "How the counted initiatives are paid" in p)
    rows = lines(pack.pdf)[at]
    paid = [r for r in rows if r and r[0] in ("Cash", "Loan", "Lease", "Grant", "Other")]
    total = [r for r in rows if r and r[0] == "Total"][-1]
    assert any(r[0] == "Lease" for r in paid)
    assert sum(number(r[2]) or 0 for r in paid) == number(total[2]) == plan_totals(plan).tco
