"""Delivery and benefits: printed only when the plan records actuals; read back from the PDF,
its table foots on the printed rows, the colours, past-due flags and the variance explanations
are there in the app's words."""

from __future__ import annotations

from smbplanner.analysis.tracking import has_actuals
from smbplanner.sample import sample_plan
from tests.report.conftest import Pack, build
from tests.report.pdftables import lines, number


def _page(pack: Pack) -> int:
    return next(n for n, p in enumerate(pack.pages) if "Delivery and benefits" in p
                and "What really happened" in p)


def test_the_sample_pack_has_the_section(sample_pack: Pack) -> None:
    at = _page(sample_pack)
    page = " ".join(sample_pack.pages[at].split())
    assert "to the end of 2026, the last year with actual spend or benefits recorded" in page
    for name in ("Cloud POS", "Back-office server", "Shop Wi-Fi", "Staff digital skills"):
        assert name in page
    assert "Amber past due" in page  # the Wi-Fi upgrade was planned to end in September
    assert "Budget against actual spend" in page
    rows = lines(sample_pack.pdf)[at]
    body = [r for r in rows if len(r) >= 9 and r[-1].lstrip("+-").replace(",", "").isdigit()
            and r[0] != "Total" and r[0] != "2026"]
    total = next(r for r in rows if r and r[0] == "Total")
    figures = [[number(c) for c in r[-7:]] for r in body]
    printed_total = [number(c) for c in total[-7:]]
    assert len(figures) == 5
    for column in (0, 1, 3, 4, 5):  # spent, plan, benefits, plan, forecast
        assert sum(f[column] or 0 for f in figures) == printed_total[column]
    for f in figures:  # the variance holds on the printed figures
        assert f[2] == (f[0] or 0) - (f[1] or 0)
    assert printed_total[:3] == [47_780, 50_648, -2_868]
    assert sample_pack.contains("Red: Data migration overran by six weeks")
    assert sample_pack.contains(
        "To the end of 2026: spent 14,200 EUR against 13,300 EUR planned (900 EUR over).")
    assert sample_pack.contains(
        "Forecast cost at completion: 38,700 EUR, the owner's estimate (planned 36,569 EUR: "
        "2,131 EUR over).")
    assert sample_pack.contains("Evidence (2026, 600 EUR): USB-disk backup service cancelled")
    assert sample_pack.contains("Past due: planned to end by 30 September 2026.")


def test_no_actuals_no_section(empty_pack: Pack) -> None:
    plan = sample_plan()
    for initiative in plan.initiatives:
        initiative.actual_costs, initiative.actual_benefits = [], []
        initiative.actual_start = initiative.actual_finish = initiative.rag = None
        initiative.percent_complete = None
    assert not has_actuals(plan)
    pack = build(plan, sections=("contents", "initiatives", "delivery", "risks"))
    assert not pack.contains("Delivery and benefits")
    assert not empty_pack.contains("Delivery and benefits")
