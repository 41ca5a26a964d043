"""Tracking in words: said on the printed whole units, so the words and the figures agree."""

from __future__ import annotations

from datetime import date

from smbplanner.analysis.tracking import Tracking, initiative_tracking
from smbplanner.analysis.tracking_text import schedule_sentence, shown, tracking_sentences
from smbplanner.domain.enums import CostCategory
from smbplanner.domain.model import ActualCost
from tests.analysis.test_tracking import BUSINESS, _initiative


def _tracking(**cents: int) -> Tracking:
    base = dict(spent_cents=0, planned_cents=0, benefits_cents=0, planned_benefits_cents=0,
                remaining_cents=0, forecast_cents=0, planned_tco_cents=0)
    base.update(cents)
    return Tracking(through_year=2026, owner_forecast=False, npv_cents=0.0,
                    planned_npv_cents=0.0, **base)  # type: ignore[arg-type]


def test_differences_are_made_on_the_printed_parts() -> None:
    # 100.50 − 99.50 is exactly 1.00, but printed 101 − 100 (half away from zero): +1
    s = shown(_tracking(spent_cents=10_050, planned_cents=9_950))
    assert (s.spent, s.planned, s.variance) == (101, 100, 1)
    # 100.49 and 99.50 print 100 and 100: on plan in words although 0.99 apart
    s = shown(_tracking(spent_cents=10_049, planned_cents=9_950))
    assert s.variance == 0


def test_sentences_of_an_overrun() -> None:
    extra = ActualCost(2026, CostCategory.IMPLEMENTATION, 250_000)
    init = _initiative(ActualCost(2026, CostCategory.PURCHASE, 1_000_000), extra,
                       actual_start=date(2026, 4, 2))
    t = initiative_tracking(init, BUSINESS, 2026)
    lines = tracking_sentences(init, t, "EUR", date(2026, 11, 1))
    assert lines == [
        "Started 1 quarter late.",
        "To the end of 2026: spent 12,500 EUR against 10,000 EUR planned (2,500 EUR over).",
        "Benefits realised: 0 EUR against 0 EUR planned (on plan).",
        "Forecast cost at completion: 14,500 EUR, actual to date plus the remaining plan "
        "(planned 12,000 EUR: 2,500 EUR over).",
        "NPV re-forecast: -3,822 EUR (planned -1,322 EUR).",
    ]


def test_schedule_sentences() -> None:
    assert schedule_sentence(_initiative(), date(2026, 6, 1)) == "Not started yet."
    late = _initiative(actual_start=date(2026, 1, 3))
    assert schedule_sentence(late, date(2027, 2, 1)) == (
        "Started as planned. Past due: planned to end by 31 December 2026."
    )
    done = _initiative(actual_start=date(2025, 12, 1), actual_finish=date(2026, 12, 1))
    assert schedule_sentence(done, date(2027, 2, 1)) == (
        "Started 1 quarter early. Finished as planned."
    )
    none = initiative_tracking(_initiative(), BUSINESS, None)
    assert "No actual spend or benefits are recorded in the plan yet." in tracking_sentences(
        _initiative(), none, "EUR", date(2026, 6, 1)
    )
