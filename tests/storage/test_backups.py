"""Automatic backups: per-plan folders, the backup API copy checked with quick_check, the
thinning rule under an injected clock, and both ways of restoring."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smbplanner.domain.model import Goal
from smbplanner.storage import backups
from smbplanner.storage.backups import (
    KEEP_NEWEST,
    AutoBackup,
    Backup,
    BackupError,
    check_backup,
    list_backups,
    plan_folder,
    restore_copy,
    restore_in_place,
    take_backup,
    to_delete,
)
from smbplanner.storage.errors import PlanLocked, PlanReadOnly
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.planfile import PlanFile

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
V1_FIXTURE = Path(__file__).parent.parent / "data" / "sample-v1.smbplan"


class Clock:
    def __init__(self, start: datetime = T0):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> datetime:
        self.now += timedelta(**kw)
        return self.now


def fake(taken: datetime) -> Backup:
    return Backup(Path(f"/nowhere/{taken.isoformat()}"), taken, "editing", 1)


def test_folder_per_plan_under_the_data_folder(tmp_path: Path) -> None:
    a, b = tmp_path / "one" / "shop.smbplan", tmp_path / "two" / "shop.smbplan"
    assert plan_folder(a) != plan_folder(b)
    assert plan_folder(a).parent == backup_dir() == plan_folder(b).parent
    assert plan_folder(a).name.startswith("shop-")
    assert plan_folder(a) == plan_folder(tmp_path / "one" / ".." / "one" / "shop.smbplan")


def test_open_backup_then_one_per_30_minutes_of_editing(plan_path: Path) -> None:
    clock = Clock()
    with PlanFile.open(plan_path) as plan_file:
        auto = AutoBackup(plan_file, clock, tz=UTC)
        first = auto.opened()
        assert first.reason == "open" and first.taken_at == T0
        assert check_backup(first.path).initiatives == 2
        clock.advance(minutes=45)
        assert auto.maybe_backup() is None  # nothing edited since
        plan_file.add(Goal(title="Open a second shop"))
        auto.edited()
        clock.advance(minutes=1)
        second = auto.maybe_backup()
        assert second is not None and second.reason == "editing"
        summary = check_backup(second.path)
        assert (summary.business, summary.goals, summary.initiatives) == (
            "Tiny Plumbing Ltd", 3, 2)
        auto.edited()
        clock.advance(minutes=29)
        assert auto.maybe_backup() is None  # only 29 minutes since the last one
        assert auto.maybe_backup(clock.advance(minutes=1)) is not None
    assert [b.reason for b in list_backups(plan_path)] == ["editing", "editing", "open"]
    assert check_backup(first.path).goals == 2  # the open backup kept the state it saw


def simulate(days: int, *, per_day: int = 16) -> tuple[list[Backup], datetime]:
    """Backups every 30 minutes from 9:00 each day, thinned after each one."""
    kept: list[Backup] = []
    now = T0
    for day in range(days):
        for k in range(per_day):
            now = T0 + timedelta(days=day, minutes=30 * k)
            kept.append(fake(now))
            doomed = {b.path for b in to_delete(kept, now, UTC)}
            kept = [b for b in kept if b.path not in doomed]
    return kept, now


def test_thinning_keeps_10_newest_then_daily_for_a_week_then_weekly() -> None:
    kept, now = simulate(60)
    times = sorted((b.taken_at for b in kept), reverse=True)
    all_times = [T0 + timedelta(days=d, minutes=30 * k) for d in range(60) for k in range(16)]
    newest = sorted(all_times, reverse=True)[:KEEP_NEWEST]
    assert times[:KEEP_NEWEST] == newest
    older = times[KEEP_NEWEST:]
    last_week = [t for t in older if (now.date() - t.date()).days < 7]
    # today's 16 backups: the 10 newest stand for today; then one for each of 6 earlier days
    assert [t.time().hour for t in last_week] == [16] * 6
    assert len({t.date() for t in last_week}) == 6
    beyond = [t for t in older if (now.date() - t.date()).days >= 7]
    weeks = [t.isocalendar()[:2] for t in beyond]
    assert len(weeks) == len(set(weeks))  # one per week
    assert all(t.weekday() == 6 and t.hour == 16 for t in beyond)  # each week's newest
    # 60 days from Monday 2 March end on Thursday 30 April: the weeks of 2 March to 13 April
    # have a weekly backup each; the week of 20 April is represented by its daily ones
    assert len(beyond) == 7
    # thinning as we go gives the same as thinning once at the end
    every = [fake(t) for t in all_times]
    doomed = {d.path for d in to_delete(every, now, UTC)}
    once = [b for b in every if b.path not in doomed]
    assert sorted(b.taken_at for b in once) == sorted(times)


def test_weekly_backups_end_after_a_year_but_the_10_newest_never_go() -> None:
    now = T0
    year_old = [fake(now - timedelta(days=400, hours=h)) for h in range(12)]
    recent_week = fake(now - timedelta(days=20))
    doomed = to_delete([*year_old, recent_week], now, UTC)
    # the 10 newest stay (the recent one and 9 year-old ones); the 3 other year-old ones are
    # older than 52 weeks, so not kept as a week's backup either
    assert [b.taken_at for b in doomed] == [now - timedelta(days=400, hours=h) for h in (9, 10, 11)]
    assert to_delete(year_old[:10], now, UTC) == []


def test_thinning_deletes_real_files_and_leaves_other_files_alone(plan_path: Path) -> None:
    clock = Clock()
    with PlanFile.open(plan_path) as plan_file:
        folder = plan_folder(plan_path)
        folder.mkdir(parents=True)
        (folder / "notes.txt").write_text("mine")
        auto = AutoBackup(plan_file, clock, tz=UTC)
        auto.opened()
        for _ in range(20):  # one a day for three weeks, Monday 2 to Sunday 22 March
            auto.edited()
            auto.maybe_backup(clock.advance(days=1))
        names = sorted(p.name for p in folder.iterdir())
    kept = list_backups(plan_path)
    assert "notes.txt" in names
    # 21 backups: the 10 newest (13 to 22 March) cover the daily window and the week of
    # 9 March; the week of 2 March keeps its newest, Sunday 8 March
    assert len(kept) == KEEP_NEWEST + 1
    assert kept[-1].taken_at == T0 + timedelta(days=6)
    assert kept[-2].taken_at == T0 + timedelta(days=11)
    assert len(names) == len(kept) + 1


def damaging_backup_into(real):  # type: ignore[no-untyped-def]
    def write(source, target: Path, *, force: bool = False) -> None:  # type: ignore[no-untyped-def]
        real(source, target, force=force)
        data = bytearray(target.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        data[page * 2 : page * 3] = bytes(range(256)) * (page // 256)
        target.write_bytes(bytes(data))

    return write


def test_a_backup_that_fails_quick_check_is_deleted_and_reported(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "backup_into", damaging_backup_into(backups.backup_into))
    with PlanFile.open(plan_path) as plan_file:
        with pytest.raises(BackupError, match="failed its check and was deleted"):
            take_backup(plan_file, T0)
        assert list_backups(plan_path) == []
        assert not any(plan_folder(plan_path).iterdir())
        assert plan_file.integrity_problems() == []


def test_unwritable_data_folder_is_a_clear_error_and_the_plan_lives_on(
    plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("SMBPLANNER_DATA_DIR", str(blocker))
    with PlanFile.open(plan_path) as plan_file:
        auto = AutoBackup(plan_file, Clock())
        with pytest.raises(BackupError, match="could not be written"):
            auto.opened()
        plan_file.add(Goal(title="Still editable"))
        assert len(plan_file.load().goals) == 3


def test_restore_as_a_new_file(plan_path: Path, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan_file:
        backup = take_backup(plan_file, T0)
        plan_file.add(Goal(title="Added after the backup"))
        target = restore_copy(backup, tmp_path / "restored.smbplan")
        assert len(plan_file.load().goals) == 3
    with PlanFile.open(target, readonly=True) as restored:
        assert [g.title for g in restored.load().goals] == ["Answer every call", "Cut admin time"]


def test_restore_in_place_keeps_the_lock_and_backs_up_the_current_state(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan_file:
        backup = take_backup(plan_file, T0)
        plan_file.add(Goal(title="Added after the backup"))
        safety = restore_in_place(plan_file, backup, T0 + timedelta(hours=1))
        assert len(plan_file.load().goals) == 2
        assert plan_file.integrity_problems() == []
        assert safety.reason == "before-restore" and check_backup(safety.path).goals == 3
        with pytest.raises(PlanLocked):
            PlanFile.open(plan_path)
        plan_file.add(Goal(title="Editing goes on"))
    with PlanFile.open(plan_path, readonly=True) as f:
        assert [g.title for g in f.load().goals][-1] == "Editing goes on"
        with pytest.raises(PlanReadOnly):
            restore_in_place(f, backup, T0)


def test_an_older_backup_is_migrated_when_restored_in_place(plan_path: Path) -> None:
    old = plan_folder(plan_path) / "20250101T000000000000Z-open.smbplan"
    old.parent.mkdir(parents=True)
    shutil.copyfile(V1_FIXTURE, old)
    (backup,) = list_backups(plan_path)
    assert check_backup(backup.path).version == 1
    with PlanFile.open(plan_path) as plan_file:
        restore_in_place(plan_file, backup, T0)
        assert plan_file.load().business.name == "Harbour Bakery Co."
        assert plan_file.db.execute("PRAGMA user_version").fetchone()[0] >= 2
    assert V1_FIXTURE.read_bytes() == old.read_bytes()
