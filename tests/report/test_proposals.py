"""Business cases of the proposed initiatives: a page each in the sample's pack; in a large
plan only the ask's largest (the rest in a table) unless the detail is "all"."""

from __future__ import annotations

import dataclasses

import pytest

from smbplanner.domain.enums import InitiativeStatus
from smbplanner.report import ReportError, ReportOptions, build_board_pack
from smbplanner.report.options import ASK_PAGES
from smbplanner.sample import sample_plan
from tests.report.conftest import Pack, build


def _case_pages(pack: Pack, name: str) -> list[int]:
    return [n for n, page in enumerate(pack.pages)
            if name in " ".join(page.split()) and "Figures in three scenarios" in page]


def test_every_proposed_initiative_has_its_page(sample_pack: Pack) -> None:
    proposed = [i for i in sample_plan().initiatives if i.status == InitiativeStatus.PROPOSED]
    assert proposed
    for initiative in proposed:
        assert _case_pages(sample_pack, initiative.name), initiative.name
    assert sample_pack.contains("Proposed initiatives")


def test_without_detail_the_proposals_are_a_table() -> None:
    plan = sample_plan()
    pack = build(plan, sections=("proposals", "initiatives"), detail="none")
    assert not any("Figures in three scenarios" in page for page in pack.pages)
    for initiative in plan.initiatives:
        if initiative.status == InitiativeStatus.PROPOSED:
            assert pack.contains(initiative.name)


def test_many_proposals_page_only_the_largest_unless_all() -> None:
    plan = sample_plan()
    template = next(i for i in plan.initiatives if i.status == InitiativeStatus.PROPOSED)
    extra = [dataclasses.replace(template, id=100 + n, name=f"Extra proposal {n:02d}")
             for n in range(ASK_PAGES + 3)]
    plan = dataclasses.replace(plan, initiatives=[*plan.initiatives, *extra])
    pack = build(plan, sections=("proposals",))
    paged = sum(1 for page in pack.pages if "Figures in three scenarios" in page)
    assert paged == ASK_PAGES
    assert pack.contains("without a page of their own")
    full = build(plan, sections=("proposals",), detail="all")
    asked = sum(1 for i in plan.initiatives if i.status == InitiativeStatus.PROPOSED)
    assert sum(1 for page in full.pages if "Figures in three scenarios" in page) == asked


def test_an_unknown_detail_is_refused() -> None:
    with pytest.raises(ReportError, match="detail"):
        build_board_pack(sample_plan(), ReportOptions(detail="some"))


def test_each_business_case_says_how_sure_its_return_is_as_the_app_does(
    sample_pack: Pack,
) -> None:
    """The range and the chance sentence of ``analysis.uncertainty``, the words of the app's
    Figures tab, on every business case page that has costs or benefits."""
    from smbplanner.analysis.uncertainty.ranges import initiative_range
    from smbplanner.analysis.uncertainty.words import chance_sentence
    from smbplanner.report.text import money

    plan = sample_plan()
    shown = 0
    for initiative in plan.initiatives:
        pages = _case_pages(sample_pack, initiative.name)
        found = initiative_range(initiative, plan.business)
        if not pages or found is None:
            continue
        page = " ".join(" ".join(sample_pack.pages[n] for n in pages).split())
        assert "How sure." in page, initiative.name
        assert chance_sentence(found.p_positive) in page, initiative.name
        assert money(found.p50_cents) in page, initiative.name
        shown += 1
    assert shown >= 5


def test_many_funded_initiatives_page_only_the_largest_unless_all() -> None:
    """A large plan's default pack stays readable: the ``ASK_PAGES`` largest funded
    initiatives get a page, the rest are rows of a table (each named once)."""
    plan = sample_plan()
    template = next(i for i in plan.initiatives if i.status == InitiativeStatus.APPROVED)
    extra = [dataclasses.replace(template, id=100 + n, name=f"Extra funded {n:02d}")
             for n in range(ASK_PAGES + 3)]
    plan = dataclasses.replace(plan, initiatives=[*plan.initiatives, *extra])
    funded = sum(1 for i in plan.initiatives if i.status in (
        InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS, InitiativeStatus.DONE))
    pack = build(plan, sections=("initiatives",))
    assert sum(1 for page in pack.pages if "Figures in three scenarios" in page) == ASK_PAGES
    assert pack.contains("Funded initiatives without a page of their own")
    full = build(plan, sections=("initiatives",), detail="all")
    assert sum(1 for page in full.pages if "Figures in three scenarios" in page) == funded


def test_the_owner_chooses_which_statuses_get_pages() -> None:
    plan = sample_plan()
    pack = build(plan, sections=("proposals", "initiatives"), detail="all",
                 detail_statuses=(InitiativeStatus.PROPOSED,))
    proposed = [i for i in plan.initiatives if i.status == InitiativeStatus.PROPOSED]
    assert sum(1 for page in pack.pages if "Figures in three scenarios" in page) == len(
        proposed)
    titles = " ".join(str(entry.title) for entry in _flat(pack.reader.outline))
    for initiative in plan.initiatives:
        if initiative.status == InitiativeStatus.APPROVED:
            assert pack.contains(initiative.name)
            assert initiative.name not in titles
        elif initiative.status == InitiativeStatus.PROPOSED:
            assert initiative.name in titles


def _flat(outline: list) -> list:
    return [e for item in outline for e in (_flat(item) if isinstance(item, list) else [item])]


def test_statuses_are_parsed_and_checked() -> None:
    from smbplanner.report.options import parse_statuses

    assert parse_statuses("Approved, in progress,proposed") == (
        InitiativeStatus.PROPOSED, InitiativeStatus.APPROVED, InitiativeStatus.IN_PROGRESS)
    assert parse_statuses("") == ()
    with pytest.raises(ReportError, match="unknown status 'soon'"):
        parse_statuses("soon")
    with pytest.raises(ReportError, match="on_hold"):
        parse_statuses("on_hold")
