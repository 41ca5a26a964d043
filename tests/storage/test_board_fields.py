"""Schema version 4: the owner's board-pack fields, how an initiative is funded, a cost line's
capital flag (None = its category's default) and the initiative that replaces a system."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smbplanner.domain.enums import FundingSource
from smbplanner.domain.model import CostLine, Initiative, System
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.edits import perform, replay
from smbplanner.storage.errors import JsonFormatError
from smbplanner.storage.jsonio import dump_document, plan_to_dict, to_json_text
from smbplanner.storage.jsonload import parse_document
from smbplanner.storage.planfile import PlanFile
from tests.conftest import tiny_plan

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def plan_file(tmp_path: Path) -> PlanFile:
    f = PlanFile.create(tmp_path / "p.smbplan", tiny_plan())
    yield f  # type: ignore[misc]
    f.close()


def test_the_new_fields_are_stored_and_read_back(plan_file: PlanFile) -> None:
    plan = plan_file.load()
    assert plan.business.prepared_by == "Sam, owner"
    assert plan.business.rate_rationale == "Our overdraft costs 8 %."
    assert plan.business.resolution == ""
    assert plan.initiative(2).funding is FundingSource.LEASE
    assert plan.initiative(1).funding is FundingSource.CASH
    costs = plan.initiative(1).options[0].costs
    assert [c.capital for c in costs] == [False, None]  # None stays None, not False
    assert plan.systems[0].replaced_by_id == 2
    plan_file.update(CostLine, costs[1].id, capital=True)
    plan_file.update_business(resolution="Approve 12,000 for the scheduling app in 2026.")
    again = plan_file.load()
    assert again.initiative(1).options[0].costs[1].capital is True
    assert again.business.resolution.startswith("Approve 12,000")


def test_json_carries_the_new_fields_both_ways() -> None:
    plan = tiny_plan()
    text = to_json_text(dump_document(plan, {}))
    back = parse_document(text)
    assert plan_to_dict(back) == plan_to_dict(plan)
    data = plan_to_dict(plan)
    assert data["initiatives"][1]["funding"] == "lease"
    assert data["initiatives"][0]["options"][0]["costs"][0]["capital"] is False
    assert "capital" not in data["initiatives"][0]["options"][0]["benefits"][0]
    assert data["systems"][0]["replaced_by_id"] == 2


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["initiatives"][1].update(funding="crowd"), "plan.initiatives[1].funding"),
        (
            lambda d: d["initiatives"][0]["options"][0]["costs"][0].update(capital="yes"),
            "plan.initiatives[0].options[0].costs[0].capital",
        ),
        (lambda d: d["systems"][0].update(replaced_by_id=99), "systems[0].replaced_by_id"),
    ],
)
def test_bad_new_fields_in_json_are_refused_with_their_path(change, path: str) -> None:
    import json

    document = dump_document(tiny_plan(), {})
    change(document["plan"])
    with pytest.raises((JsonFormatError, ValidationError)) as refused:
        parse_document(json.dumps(document))
    assert path in str(refused.value)


def test_a_system_cannot_name_a_missing_initiative(plan_file: PlanFile) -> None:
    with pytest.raises(ValidationError):
        plan_file.update(System, 1, replaced_by_id=999)
    assert plan_file.load().systems[0].replaced_by_id == 2


def test_deleting_the_replacing_initiative_clears_the_link_and_undo_puts_it_back(
    plan_file: PlanFile,
) -> None:
    before = plan_file.load(snapshots=False)
    done = perform(plan_file, lambda e: e.delete(Initiative, 2))
    assert plan_file.load(snapshots=False).systems[0].replaced_by_id is None  # the system stays
    assert 1 in done.changes.ids("system")  # the system's page is told
    undone = replay(plan_file, done.undo)
    assert plan_file.load(snapshots=False) == before
    assert 1 in undone.changes.ids("system")


def test_a_version_1_file_migrates_to_the_defaults(tmp_path: Path) -> None:
    old = tmp_path / "old.smbplan"
    shutil.copyfile(DATA / "sample-v1.smbplan", old)
    with PlanFile.open(old) as plan_file:
        plan = plan_file.load()
        assert plan.business.resolution == plan.business.prepared_by == ""
        assert {i.funding for i in plan.initiatives} == {FundingSource.CASH}
        assert {c.capital for i in plan.initiatives for o in i.options for c in o.costs} == {None}
        assert {s.replaced_by_id for s in plan.systems} == {None}
        plan_file.update(Initiative, plan.initiatives[0].id, funding=FundingSource.LOAN)
    with PlanFile.open(old) as plan_file:
        assert plan_file.load().initiatives[0].funding is FundingSource.LOAN
