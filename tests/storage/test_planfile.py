"""The plan file: create, open, load, round trips, locks and copies, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from smbplanner.domain.model import Business, Goal, Plan
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.errors import PlanFileError, PlanLocked, PlanReadOnly
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.storage.lock import lock_path
from smbplanner.storage.planfile import PlanFile
from tests.conftest import tiny_plan

HOSTILE = [
    "<b>bold</b> & <script>alert(1)</script>",
    "Café ☕ 🍞🥐 — naïve",
    "東京の店舗",
    "مخبز الميناء",  # right-to-left
    "'; DROP TABLE goal; --",
    "x" * 5000,
    "line one\nline two\ttab",
]


def test_domain_file_domain_is_equal(tmp_path: Path) -> None:
    plan = tiny_plan()
    expected = plan_to_dict(plan)
    with PlanFile.create(tmp_path / "p.smbplan", plan) as f:
        assert plan_to_dict(f.load()) == expected
    with PlanFile.open(tmp_path / "p.smbplan", readonly=True) as f:
        loaded = f.load()
    assert plan_to_dict(loaded) == expected
    assert loaded.initiatives[0].chosen_option is not None
    assert loaded.initiatives[0].chosen_option.name == "Cloud (SaaS)"
    assert loaded.initiatives[0].impact == 4.5
    assert loaded.kpis[0].measurements[0].value == 85.25


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_stored_and_read_back_exactly(tmp_path: Path, text: str) -> None:
    plan = Plan(
        business=Business(name=text[:500], it_vision=text),
        goals=[Goal(title=text[:500], description=text, id=1)],
    )
    with PlanFile.create(tmp_path / "h.smbplan", plan) as f:
        goal_id = f.add(Goal(title="second", description=text))
        f.update(Goal, goal_id, title=text[:500])
    with PlanFile.open(tmp_path / "h.smbplan") as f:
        loaded = f.load()
        tables = f.db.table_names()
    assert loaded.business.it_vision == text
    assert [g.description for g in loaded.goals] == [text, text]
    assert loaded.goals[1].title == text[:500]
    assert "goal" in tables


def test_create_refuses_to_overwrite_without_force(plan_path: Path) -> None:
    before = plan_path.read_bytes()
    with pytest.raises(PlanFileError, match="already exists"):
        PlanFile.create(plan_path, Business(name="Other"))
    assert plan_path.read_bytes() == before
    PlanFile.create(plan_path, Business(name="Other"), force=True).close()
    with PlanFile.open(plan_path, readonly=True) as f:
        assert f.business().name == "Other"


def test_invalid_plan_leaves_no_file(tmp_path: Path) -> None:
    plan = tiny_plan()
    plan.initiatives[0].options[0].costs[0].amount_cents = -5
    target = tmp_path / "bad.smbplan"
    with pytest.raises(
        ValidationError, match=r"initiatives\[0\]\.options\[0\]\.costs\[0\]\.amount"
    ):
        PlanFile.create(target, plan)
    assert list(tmp_path.iterdir()) == []


def test_second_writer_is_refused_at_once_and_reader_allowed(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as first:
        with pytest.raises(PlanLocked, match="open in another SMB Planner window"):
            PlanFile.open(plan_path)
        with PlanFile.open(plan_path, readonly=True) as reader:
            assert reader.business().name == "Tiny Plumbing Ltd"
        first.add(Goal(title="Still editable"))
    assert not lock_path(plan_path).exists()


def test_stale_lock_of_a_crashed_process_is_taken_over(plan_path: Path) -> None:
    lock_path(plan_path).write_text('{"pid": 999999, "host": "elsewhere", "user": "ghost"}')
    with PlanFile.open(plan_path) as f:
        assert f.stale_lock is not None and f.stale_lock["user"] == "ghost"
    assert not lock_path(plan_path).exists()


def test_readonly_refuses_edits_and_never_writes(plan_path: Path) -> None:
    before = plan_path.read_bytes()
    with PlanFile.open(plan_path, readonly=True) as f:
        f.load()
        with pytest.raises(PlanReadOnly):
            f.add(Goal(title="Nope"))
    assert plan_path.read_bytes() == before
    assert not lock_path(plan_path).exists()


def test_save_as_and_save_copy(plan_path: Path, tmp_path: Path) -> None:
    copy, moved = tmp_path / "copy.smbplan", tmp_path / "moved.smbplan"
    with PlanFile.open(plan_path) as f:
        f.add(Goal(title="Added before copy"))
        f.save_copy(copy)
        f.add(Goal(title="Only in original"))
        with pytest.raises(PlanFileError, match="already exists"):
            f.save_copy(copy)
        g = f.save_as(moved)
    with g:
        assert g.path == moved
        assert [x.title for x in g.load().goals][-1] == "Only in original"
    with PlanFile.open(copy, readonly=True) as c:
        assert [x.title for x in c.load().goals][-1] == "Added before copy"
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_integrity_of_a_sound_file(plan_path: Path) -> None:
    with PlanFile.open(plan_path, readonly=True) as f:
        assert f.integrity_problems() == []
