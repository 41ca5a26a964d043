"""The main window with real plan files: open, new, refuse, read-only, undo, close, save as."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.model import Business
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.pages.registry import PAGE_TITLES
from smbplanner.ui.settings import AppSettings
from tests.storage.badfiles import BAD_FILES


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_welcome_then_sample_plan(window: MainWindow, qtbot: QtBot) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "SMB Planner"
    assert not window.actions.close.isEnabled()
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == 1
    assert window.pages.count() == len(PAGE_TITLES) == 7
    title = window.windowTitle()
    assert title.startswith("Harbour Bakery Co. — ") and title.endswith(".smbplan — SMB Planner")
    assert window.saved.text() == "All changes saved"
    for row, name in enumerate(PAGE_TITLES):
        window.actions.pages[row].trigger()
        assert window.pages.currentWidget().title == name  # type: ignore[attr-defined]


def test_edit_undo_redo_through_the_edit_menu(window: MainWindow, sample_path: Path) -> None:
    assert window.open_path(sample_path)
    document = window.files.document
    assert document is not None
    assert not window.actions.undo.isEnabled()
    document.update_business("Change business name", name="Harbour Bakeries")
    assert window.actions.undo.isEnabled()
    assert window.actions.undo.text() == "&Undo Change business name"
    assert window.windowTitle().startswith("Harbour Bakeries — ")
    window.actions.undo.trigger()
    assert document.plan().business.name == "Harbour Bakery Co."
    assert window.actions.redo.text() == "&Redo Change business name"
    window.actions.redo.trigger()
    assert document.plan().business.name == "Harbour Bakeries"


def test_new_plan(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "clinic.smbplan"
    window.files.ask_new_business = lambda: Business(name="Smile Dental", currency="USD")
    window.files.ask_save_path = lambda title, suggested: target
    window.actions.new.trigger()
    assert target.exists()
    assert window.windowTitle().startswith("Smile Dental — clinic.smbplan")
    with PlanFile.open(target, readonly=True) as f:
        assert f.business().currency == "USD"


@pytest.mark.parametrize("name", ["random_bytes", "extra_trigger", "future_version", "empty"])
def test_damaged_file_gets_a_dialog_and_the_app_lives_on(
    window: MainWindow, sample_path: Path, tmp_path: Path, name: str
) -> None:
    bad = tmp_path / f"{name}.smbplan"
    BAD_FILES[name](sample_path, bad)
    before = bad.read_bytes()
    warnings: list[tuple[str, str]] = []
    window.files.warn = lambda title, text: warnings.append((title, text))
    assert window.open_path(sample_path)
    assert not window.open_path(bad)
    assert warnings and warnings[0][0] == "Cannot open plan"
    assert warnings[0][1].startswith(f"{bad.name}: ")
    assert window.files.document is not None and window.files.document.path == sample_path
    assert bad.read_bytes() == before


def test_plan_open_elsewhere_offers_a_read_only_view(window: MainWindow, sample_path: Path) -> None:
    other = PlanFile.open(sample_path)  # another instance holds the plan
    try:
        asked: list[str] = []
        window.files.confirm = lambda title, text: asked.append(text) or True
        assert window.open_path(sample_path)
        assert "open in another SMB Planner window" in asked[0]
        document = window.files.document
        assert document is not None and document.readonly
        assert window.banner.isVisibleTo(window)
        assert "(read-only)" in window.windowTitle()
        document.update_business(name="Nope")
        assert document.plan().business.name == "Harbour Bakery Co."
    finally:
        window.files.close_plan()
        other.close()


def test_close_returns_to_welcome_with_recent_file(window: MainWindow, sample_path: Path) -> None:
    window.open_path(sample_path)
    window.actions.close.trigger()
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "SMB Planner"
    item = window.welcome.recent.item(0)
    assert item is not None and item.text().startswith(sample_path.name)
    with PlanFile.open(sample_path) as f:  # the lock was released
        f.business()


def test_save_as_switches_to_the_copy(
    window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.smbplan"
    window.open_path(sample_path)
    window.files.ask_save_path = lambda title, suggested: target
    window.actions.save_as.trigger()
    document = window.files.document
    assert document is not None and document.path == target
    assert "copy.smbplan" in window.windowTitle()


def test_main_window_module_stays_thin() -> None:
    import smbplanner.ui.mainwindow as module

    assert module.__file__ is not None
    assert len(Path(module.__file__).read_text().splitlines()) < 400


def test_plan_settings_from_the_edit_menu(window: MainWindow, sample_path: Path) -> None:
    from smbplanner.ui.plansettings import PlanSettingsDialog

    assert not window.actions.settings.isEnabled()
    window.open_path(sample_path)
    window.actions.settings.trigger()
    dialogs = window.findChildren(PlanSettingsDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    window.files.close_plan()
    assert not dialogs[0].isVisible()


def test_save_a_copy_keeps_the_original_open(window: MainWindow, sample_path: Path,
                                             tmp_path: Path) -> None:
    target = tmp_path / "copy.smbplan"
    window.open_path(sample_path)
    window.files.ask_save_path = lambda title, suggested: target
    window.actions.save_copy.trigger()
    document = window.files.document
    assert document is not None and document.path == sample_path
    with PlanFile.open(target, readonly=True) as copy:
        assert copy.business().name == "Harbour Bakery Co."


def test_pages_are_built_when_first_shown(window: MainWindow, sample_path: Path) -> None:
    assert window.open_path(sample_path)
    assert window.pages.built() == [0]
    window.actions.pages[PAGE_TITLES.index("Priorities")].trigger()
    assert window.pages.built() == [0, PAGE_TITLES.index("Priorities")]


def test_a_card_opens_its_initiative_in_the_editor(window: MainWindow, sample_path: Path) -> None:
    assert window.open_path(sample_path)
    document = window.files.document
    assert document is not None
    target = document.plan().initiatives[3]
    priorities = window.pages.page(PAGE_TITLES.index("Priorities"))
    priorities.open_initiative.emit(target.id)  # type: ignore[attr-defined]
    assert window.nav.currentRow() == PAGE_TITLES.index("Initiatives")
    initiatives = window.pages.currentWidget()
    assert initiatives.title == "Initiatives"  # type: ignore[attr-defined]
    assert initiatives.current_id() == target.id  # type: ignore[attr-defined]
