"""The pack's heat map has the app's axes: impact across, likelihood up."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import String

from smbplanner.domain.model import Business, Initiative, Plan, Risk
from smbplanner.report.context import Ctx
from smbplanner.report.options import ReportOptions
from smbplanner.report.risks import CELL, _heat_map
from smbplanner.report.styles import Styles


def test_a_likely_small_risk_sits_top_left_as_in_the_app() -> None:
    plan = Plan(business=Business(name="Axes Ltd", start_year=2026, horizon_years=3))
    plan.initiatives = [Initiative(id=1, name="One", start_year=2026, risks=[
        Risk(description="likely, small", likelihood=5, impact=1),
        Risk(description="unlikely, big", likelihood=1, impact=5),
        Risk(description="unlikely, big too", likelihood=1, impact=5)])]
    d = _heat_map(Ctx(plan, ReportOptions(), Styles(), date(2026, 11, 23)))
    counts = {s.text: (s.x, s.y) for s in d.contents if isinstance(s, String)
              and s.text in ("1", "2") and s.fontSize == 13}
    (x1, y1), (x2, y2) = counts["1"], counts["2"]
    assert x1 < x2 and y1 > y2  # likelihood 5 × impact 1: left and up; 1 × 5: right, down
    assert round(x2 - x1) == round(4 * CELL) and round(y1 - y2) == round(4 * CELL)
    labels = [s.text for s in d.contents if isinstance(s, String)]
    assert "Impact →" in labels
    # the app: ui/pages/initiatives/heatmap.cell_rect puts impact in columns, likelihood in rows


def test_a_long_register_prints_the_high_risks_in_full_and_lists_the_rest() -> None:
    from smbplanner.analysis.headlines import risk_register
    from smbplanner.analysis.risks import CRITICAL, HIGH, band
    from smbplanner.domain.enums import RiskStatus
    from smbplanner.sample import large_plan
    from tests.report.conftest import build

    plan = large_plan()
    register = risk_register(plan)
    high = [e for e in register
            if e.risk.status == RiskStatus.OPEN and band(e.risk.score) in (HIGH, CRITICAL)]
    pack = build(plan, sections=("risks",))
    assert pack.contains(f"The {len(high)} open high and critical risks with their "
                         f"mitigation; the other {len(register) - len(high)} in the short list")
    assert pack.contains("Other risks")
