"""The decision the pack asks for (``analysis.decision``)."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal

from smbplanner.analysis.decision import (
    asked_range,
    budget_of,
    decision,
    funding_split,
    return_sentence,
)
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.plan_figures import plan_figures
from smbplanner.analysis.uncertainty.words import chance_sentence
from smbplanner.domain.enums import FundingSource, InitiativeStatus
from smbplanner.domain.model import Plan
from smbplanner.domain.numbers import units
from smbplanner.sample import sample_plan


def _whole(value: float) -> int:
    """A dump figure (units, 2 decimals) rounded half away from zero, as printed."""
    d = Decimal(str(value))
    return int(abs(d).quantize(Decimal(1), ROUND_HALF_UP)) * (1 if d >= 0 else -1)


def test_the_resolution_amount_is_the_sum_of_the_printed_tco_of_the_proposed() -> None:
    plan = sample_plan()
    figures = plan_figures(plan)["initiatives"]
    proposed = [f for f, i in zip(figures, plan.initiatives, strict=True)
                if i.status == InitiativeStatus.PROPOSED]
    assert proposed
    amount = sum(_whole(f["tco"]) for f in proposed)
    d = decision(plan)
    assert d.asked_tco == amount
    assert units(amount, "EUR") in d.resolution
    assert [i.status for i in d.asked] == [InitiativeStatus.PROPOSED] * len(proposed)
    assert "IT Change budget" in d.resolution and "2027" in d.resolution


def test_the_years_foot_to_the_ask_and_the_approved() -> None:
    d = decision(sample_plan())
    assert sum(r.asked for r in d.rows) == d.asked_tco
    assert sum(r.approved for r in d.rows) == d.approved_tco
    assert all(r.total == r.asked + r.approved for r in d.rows)
    assert [r.year for r in d.rows] == sorted(r.year for r in d.rows)


def test_the_return_uses_the_range_of_the_ask() -> None:
    plan = sample_plan()
    found = asked_range(plan)
    assert found is not None
    d = decision(plan, ask_range=found)
    assert d.p_positive == found.p_positive and d.trials == found.draws
    text = return_sentence(d, "EUR")
    assert units(d.asked_npv, "EUR") in text and "trials" in text
    assert d.payback_years is not None and 0 < d.payback_years < 10


def test_chances_in_words_are_the_apps() -> None:
    assert chance_sentence(0.81, "the ask") == (
        "There is a 4-in-5 chance the ask returns more than it costs.")
    assert chance_sentence(0.999, "the ask") == (
        "The ask is almost certain to return more than it costs.")
    assert chance_sentence(0.001, "the ask") == (
        "The ask is very unlikely to return more than it costs.")


def test_the_owner_s_resolution_replaces_the_built_one() -> None:
    plan = sample_plan()
    built = decision(plan)
    assert built.resolution == built.built
    plan.business.resolution = "  Approve the online\nshop.  "
    own = decision(plan)
    assert own.resolution == "Approve the online shop."
    assert own.built == built.built  # still there: the app's starting point


def test_the_ask_is_split_by_funding_source_and_foots() -> None:
    plan = sample_plan()
    proposed = [i for i in plan.initiatives if i.status == InitiativeStatus.PROPOSED]
    proposed[0].funding = FundingSource.LOAN
    proposed[1].funding = FundingSource.GRANT
    d = decision(plan)
    assert [r.source for r in d.funding] == [FundingSource.CASH, FundingSource.LOAN,
                                             FundingSource.GRANT]
    assert sum(r.amount for r in d.funding) == d.asked_tco
    assert sum(r.count for r in d.funding) == len(d.asked)
    loan = next(r for r in d.funding if r.source == FundingSource.LOAN)
    assert f"{loan.amount:,} EUR by a loan" in d.resolution
    assert budget_of(proposed[0]) == "IT Change budget"
    everything = [(i, f) for i in plan.initiatives
                  if (f := initiative_figures(i, plan.business)) is not None]
    assert sum(r.count for r in funding_split(everything)) == len(everything)


def test_one_funding_source_is_said_in_words() -> None:
    d = decision(sample_plan())
    assert d.resolution.endswith("and paid from the business's own cash.")


def test_doing_nothing_lists_the_systems_past_end_of_life() -> None:
    d = decision(sample_plan())
    assert {s.name for s in d.stale_systems} == {"Shop tills (POS)",
                                                  "Back-office file and print server"}
    assert d.stale_run_cost == 3600 + 2400
    assert all(r.score >= 10 for r in d.open_high_risks)
    assert len(d.asked_risks) <= 3


def test_no_proposal_asks_for_nothing() -> None:
    plan = sample_plan()
    plan = dataclasses.replace(plan, initiatives=[
        dataclasses.replace(i, status=InitiativeStatus.APPROVED) for i in plan.initiatives])
    d = decision(plan)
    assert not d.asked and d.asked_tco == 0
    assert "No new spending" in d.resolution
    assert return_sentence(d, "EUR") == ""
    empty = decision(Plan(business=plan.business))
    assert not empty.rows and "No new spending" in empty.resolution


def test_an_empty_cache_given_is_the_cache_used() -> None:
    """A FigureCache has a length, so an empty one is falsy: ``cache or FigureCache()``
    threw the pack's cache away and every figure was computed twice."""
    from smbplanner.analysis.cash_statement import cash_statement
    from smbplanner.analysis.figure_cache import FigureCache
    from smbplanner.analysis.headlines import FigureBook
    from smbplanner.analysis.portfolio import run_change_split

    plan = sample_plan()
    for use in (lambda c: decision(plan, cache=c), lambda c: cash_statement(plan, cache=c),
                lambda c: FigureBook(plan, c).figures(plan.initiatives[0]),
                lambda c: run_change_split(plan, cache=c)):
        cache = FigureCache()
        use(cache)
        assert len(cache) > 0
