"""A read-only plan in the window: the banner says why, edits are refused with a message and
change nothing, editing controls are off, and "Save as an editable copy…" is the way out."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.model import Goal
from smbplanner.storage import planfile as planfile_module
from smbplanner.storage.errors import PlanReadOnly
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings
from smbplanner.ui.shared.widgets import TablePanel

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.files.warn = lambda title, text: pytest.fail(f"unexpected dialog: {text}")
    yield win
    win.files.close_plan()


def assert_read_only_and_refusing(window: MainWindow, path: Path, reason: str) -> None:
    before = path.read_bytes()
    document = window.files.document
    assert document is not None and document.readonly
    banner = window.banner
    assert banner.isVisibleTo(window)
    assert banner.message.text() == f"<b>Read-only:</b> {reason}. Save a copy to edit."
    assert "(read-only)" in window.windowTitle() and window.saved.text() == "Read-only"
    panels = window.findChildren(TablePanel)
    assert panels and not any(p.add_button.isEnabled() for p in panels)
    assert not window.actions.undo.isEnabled()
    destination = window.pages.page(0)
    name = destination.name  # type: ignore[attr-defined]
    assert name.isReadOnly() and name.isEnabled()  # legible, selectable, not editable
    assert not document.update_business(name="Changed anyway")
    assert "read-only" in window.statusBar().currentMessage()
    assert banner.refusal.isVisibleTo(window)
    assert banner.refusal.text() == "Not changed: the plan is open read-only; edits are off"
    assert not document.add(Goal(title="Not stored"))
    assert document.undo_stack.count() == 0 and not window.actions.undo.isEnabled()
    assert document.plan().business.name == "Harbour Bakery Co."
    window.files.close_plan()
    assert path.read_bytes() == before
    assert not window.banner.isVisibleTo(window)


def test_explicit_read_only_open(window: MainWindow, sample_path: Path) -> None:
    assert window.files.open_path(sample_path, readonly=True)
    assert_read_only_and_refusing(window, sample_path, "it was opened read-only")


def test_plan_locked_elsewhere_offers_read_only(window: MainWindow, sample_path: Path) -> None:
    other = PlanFile.open(sample_path)
    try:
        window.files.confirm = lambda title, text: False
        assert not window.files.open_path(sample_path)
        assert window.files.document is None
        asked: list[str] = []
        window.files.confirm = lambda title, text: asked.append(text) or True
        assert window.files.open_path(sample_path)
        assert "Open a read-only view?" in asked[0]
        reason = window.banner.message.text()
        assert "the plan is open in another SMB Planner window (by " in reason
        assert "; open it read-only" not in reason
        document = window.files.document
        assert document is not None
        holder = reason.removeprefix("<b>Read-only:</b> ").removesuffix(". Save a copy to edit.")
        assert_read_only_and_refusing(window, sample_path, holder)
    finally:
        other.close()


def test_save_as_an_editable_copy_from_the_banner(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "mine.smbplan"
    assert window.files.open_path(sample_path, readonly=True)
    window.files.ask_save_path = lambda title, suggested: target
    qtbot.mouseClick(window.banner.save_copy, Qt.MouseButton.LeftButton)
    document = window.files.document
    assert document is not None and document.path == target and not document.readonly
    assert not window.banner.isVisibleTo(window)
    assert document.update_business(name="Harbour Bakeries")
    with PlanFile.open(target, readonly=True) as f:
        assert f.business().name == "Harbour Bakeries"


def test_a_file_the_os_says_is_not_writable_opens_read_only(
    window: MainWindow, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The permission answer is simulated so that this runs as root too."""
    real = os.access

    def access(path: object, mode: int, **kw: object) -> bool:
        if Path(str(path)) == sample_path and mode == os.W_OK:
            return False
        return real(path, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(planfile_module.os, "access", access)
    with pytest.raises(PlanReadOnly, match="the file is read-only for you"):
        PlanFile.open(sample_path)
    assert window.files.open_path(sample_path)
    assert_read_only_and_refusing(window, sample_path, "the file is read-only for you")


@pytest.mark.skipif(ROOT, reason="root may write read-only files")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_permissions(window: MainWindow, sample_path: Path, what: str) -> None:
    target = sample_path if what == "file" else sample_path.parent
    mode = target.stat().st_mode
    target.chmod(stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        assert window.files.open_path(sample_path)
        reason = ("the file is read-only for you" if what == "file"
                  else "its folder is read-only for you")
        assert_read_only_and_refusing(window, sample_path, reason)
    finally:
        target.chmod(mode)


def test_the_banner_follows_a_switch_between_light_and_dark(
    window: MainWindow, sample_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    from smbplanner.ui.theme import apply_scheme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert window.files.open_path(sample_path, readonly=True)

    def banner_lightness() -> int:
        image = window.banner.grab().toImage()
        return QColor(image.pixel(image.width() // 2, 3)).lightness()

    try:
        apply_scheme(app, dark=False)
        assert banner_lightness() > 180  # pale yellow
        apply_scheme(app, dark=True)  # what the app does when the system switches
        qtbot.waitUntil(lambda: banner_lightness() < 90)  # dark amber
        apply_scheme(app, dark=False)
        qtbot.waitUntil(lambda: banner_lightness() > 180)
    finally:
        apply_scheme(app, dark=False)
