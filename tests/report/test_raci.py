"""The RACI in the pack: readable at any number of people, names never broken mid-word."""

from __future__ import annotations

from smbplanner.sample import large_plan, sample_plan
from tests.report.conftest import build


def _words(text: str) -> set[str]:
    return set(text.split())


def test_the_sample_matrix_names_each_person_in_whole_words() -> None:
    plan = sample_plan()
    pack = build(plan, sections=("governance",))
    words = _words(pack.text)
    for person in plan.people:
        if any(e.person_id == person.id for i in plan.initiatives for e in i.raci):
            assert set(person.name.split()) <= words, person.name


def test_many_people_make_a_list_by_role_with_one_row_per_initiative() -> None:
    plan = large_plan()
    pack = build(plan, sections=("governance",))
    assert "Responsible Accountable Consulted Informed" in " ".join(pack.text.split())
    words = _words(pack.text)
    for person in plan.people:
        assert set(person.name.split()) <= words, person.name
    assert len(pack.pages) < 15  # was 22: one table per six people, each row on every one
