"""Backups in the app (on open, then every 30 minutes of editing, with an injected clock) and
File ▸ Restore from backup…: as a new plan, or replacing the open plan after confirmation."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.model import Goal
from smbplanner.storage.backups import list_backups, plan_folder
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.restoredialog import RestoreDialog
from smbplanner.ui.settings import AppSettings


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: Clock) -> Iterator[MainWindow]:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    win.backups.clock = clock
    win.backups.open_delay_ms = 20  # the app waits a second, to stay out of the first paint
    qtbot.addWidget(win)
    win.show()
    yield win
    win.files.close_plan()


def goals(window: MainWindow) -> list[str]:
    assert window.files.document is not None
    return [g.title for g in window.files.document.plan().goals]


def reasons(plan: Path) -> list[str]:
    return [b.reason for b in list_backups(plan)]


def test_backup_on_open_then_every_30_minutes_of_editing(
    window: MainWindow, sample_path: Path, clock: Clock, qtbot: QtBot
) -> None:
    assert window.open_path(sample_path)
    assert reasons(sample_path) == []  # not before the window is up
    qtbot.waitUntil(lambda: reasons(sample_path) == ["open"], timeout=3000)
    assert window.backups.timer.isActive()
    assert window.backups.timer.interval() == 30 * 60 * 1000
    document = window.files.document
    assert document is not None
    clock.now += timedelta(minutes=20)
    document.add(Goal(title="Open a third shop"))
    assert len(list_backups(sample_path)) == 1
    clock.now += timedelta(minutes=11)
    window.backups.timer.timeout.emit()  # the timer fires: edits made, 31 minutes passed
    newest = list_backups(sample_path)[0]
    assert newest.reason == "editing" and newest.taken_at == clock.now
    clock.now += timedelta(hours=2)
    window.backups.tick()  # no edits since: nothing to back up
    assert len(list_backups(sample_path)) == 2
    window.files.close_plan()
    assert not window.backups.timer.isActive()


def test_an_edit_before_the_open_backup_takes_it_first(
    window: MainWindow, sample_path: Path, qtbot: QtBot
) -> None:
    window.backups.open_delay_ms = 60_000
    assert window.open_path(sample_path)
    assert reasons(sample_path) == []
    assert window.files.document is not None
    assert window.files.document.add(Goal(title="Added straight away"))
    (backup,) = list_backups(sample_path)
    assert backup.reason == "open"
    with PlanFile.open(backup.path, readonly=True) as copy:  # the plan as it was opened
        assert "Added straight away" not in [g.title for g in copy.load().goals]
    window.backups.take_open_backup()  # the delayed call finds it taken: no second copy
    assert window.files.document.add(Goal(title="And another"))
    assert reasons(sample_path) == ["open"]


def test_no_open_backup_of_a_plan_closed_unedited_before_it_was_due(
    window: MainWindow, sample_path: Path, qtbot: QtBot
) -> None:
    window.backups.open_delay_ms = 200
    assert window.open_path(sample_path)
    window.files.close_plan()
    qtbot.wait(300)
    assert reasons(sample_path) == []  # nothing changed: the file itself is that state


def test_no_backups_of_a_read_only_view(
    window: MainWindow, sample_path: Path, qtbot: QtBot
) -> None:
    assert window.files.open_path(sample_path, readonly=True)
    qtbot.wait(100)
    assert list_backups(sample_path) == []
    assert not window.backups.timer.isActive()


@pytest.mark.parametrize("first", ["the delay", "an edit"])
def test_a_failed_backup_is_reported_and_editing_goes_on(
    window: MainWindow,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    first: str,
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("SMBPLANNER_DATA_DIR", str(blocker))
    if first == "an edit":
        window.backups.open_delay_ms = 60_000
    assert window.open_path(sample_path)
    assert window.files.document is not None
    if first == "the delay":
        qtbot.waitUntil(
            lambda: "could not be written" in window.statusBar().currentMessage(), timeout=3000
        )
    assert window.files.document.add(Goal(title="Still works"))
    assert "the backup could not be written" in window.statusBar().currentMessage()
    assert "Still works" in goals(window)


def open_dialog(window: MainWindow, qtbot: QtBot) -> RestoreDialog:
    window.actions.restore_backup.trigger()
    (dialog,) = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    return dialog


def test_restore_as_a_new_plan(
    window: MainWindow, sample_path: Path, tmp_path: Path, clock: Clock, qtbot: QtBot
) -> None:
    assert window.open_path(sample_path)
    window.files.document.add(Goal(title="Added after the backup"))  # type: ignore[union-attr]
    dialog = open_dialog(window, qtbot)
    assert dialog.table.topLevelItemCount() == 1
    row = dialog.table.topLevelItem(0)
    assert (row.text(1), row.text(2)) == ("Opened for editing", "4 goals, 11 initiatives")
    target = tmp_path / "restored.smbplan"
    asked: list[str] = []
    dialog.ask_save_path = lambda title, suggested: asked.append(suggested) or target
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name.startswith("bakery (backup ")
    assert window.files.document is not None and window.files.document.path == target
    assert "Added after the backup" not in goals(window)
    with PlanFile.open(sample_path, readonly=True) as original:
        assert original.load().goals[-1].title == "Added after the backup"


def test_replace_the_open_plan_after_confirmation(
    window: MainWindow, sample_path: Path, clock: Clock, qtbot: QtBot
) -> None:
    assert window.open_path(sample_path)
    document = window.files.document
    assert document is not None
    document.add(Goal(title="Added after the backup"))
    assert window.actions.undo.isEnabled()
    dialog = open_dialog(window, qtbot)
    dialog.confirm = lambda title, text: False
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert "Added after the backup" in goals(window)
    questions: list[str] = []
    dialog.confirm = lambda title, text: questions.append(text) or True
    clock.now += timedelta(minutes=5)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert "backed up first" in questions[0]
    assert not dialog.isVisible()
    assert "Added after the backup" not in goals(window)
    assert not window.actions.undo.isEnabled() and document.undo_stack.count() == 0
    assert window.files.document is document and not document.readonly
    reasons = [b.reason for b in list_backups(sample_path)]
    assert reasons == ["before-restore", "open"]
    again = open_dialog(window, qtbot)
    assert again.table.topLevelItem(0).text(1) == "Before a restore"
    assert again.table.topLevelItem(0).text(2) == "5 goals, 11 initiatives"
    assert document.add(Goal(title="Editing goes on"))
    window.files.close_plan()
    with PlanFile.open(sample_path, readonly=True) as f:
        assert [g.title for g in f.load().goals][-1] == "Editing goes on"
        assert len(f.load().goals) == 5


def test_damaged_backup_is_removed_and_reported(
    window: MainWindow, sample_path: Path, qtbot: QtBot
) -> None:
    assert window.open_path(sample_path)
    qtbot.waitUntil(lambda: len(list_backups(sample_path)) == 1, timeout=3000)
    (good,) = list_backups(sample_path)
    bad = good.path.with_name("20260101T000000000000Z-editing.smbplan")
    data = bytearray(good.path.read_bytes())
    data[4096 * 2: 4096 * 3] = bytes(range(256)) * 16
    bad.write_bytes(bytes(data))
    dialog = open_dialog(window, qtbot)
    assert dialog.table.topLevelItemCount() == 1
    assert not bad.exists()
    assert dialog.error.isVisibleTo(dialog)
    assert "was damaged and was removed" in dialog.error.text()


def test_empty_list_and_read_only_plan(
    window: MainWindow, sample_path: Path, qtbot: QtBot
) -> None:
    assert window.files.open_path(sample_path, readonly=True)
    dialog = open_dialog(window, qtbot)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.table.isVisibleTo(dialog)
    assert not dialog.copy_button.isEnabled() and not dialog.replace_button.isEnabled()
    dialog.close()
    window.files.close_plan()
    assert window.open_path(sample_path)  # editable: a backup is taken
    qtbot.waitUntil(lambda: len(list_backups(sample_path)) == 1, timeout=3000)
    window.files.close_plan()
    assert window.files.open_path(sample_path, readonly=True)
    dialog = open_dialog(window, qtbot)
    assert dialog.table.topLevelItemCount() == 1
    assert dialog.copy_button.isEnabled() and not dialog.replace_button.isEnabled()
    shutil.rmtree(plan_folder(sample_path))
    dialog.refresh()
    assert dialog.empty.isVisibleTo(dialog)
