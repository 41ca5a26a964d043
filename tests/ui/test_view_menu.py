"""View ▸ Theme (remembered), File ▸ Take snapshot instead of a Save that did nothing, and
menu texts that read as written (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings
from smbplanner.ui.theme import apply_scheme, choose_theme, is_dark


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def restore_light(qapp: QApplication) -> Iterator[None]:
    yield
    choose_theme(qapp, "system", set_style=False)
    apply_scheme(qapp, dark=False)


def _menu(window: MainWindow, *path: str) -> QMenu:
    menu: QMenu | None = None
    actions = window.menuBar().actions()
    for title in path:
        action = next(a for a in actions if a.text().replace("&", "") == title)
        menu = action.menu()
        assert isinstance(menu, QMenu)
        actions = menu.actions()
    assert menu is not None
    return menu


def _item(menu: QMenu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_theme_is_chosen_in_the_view_menu_and_remembered(
    qtbot: QtBot, settings: AppSettings, restore_light: None
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    themes = _menu(window, "View", "Theme")
    assert [a.text().replace("&", "") for a in themes.actions()] == ["System", "Light", "Dark"]
    assert _item(themes, "System").isChecked()
    _item(themes, "Dark").trigger()
    assert is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: is_dark(window.palette()))  # the window follows
    assert settings.theme() == "dark" and _item(themes, "Dark").isChecked()
    assert not _item(themes, "System").isChecked()  # one at a time
    _item(themes, "Light").trigger()
    assert not is_dark(QApplication.palette()) and settings.theme() == "light"
    _item(themes, "Dark").trigger()
    window.close()

    again = MainWindow(settings)  # the next start
    qtbot.addWidget(again)
    assert _item(_menu(again, "View", "Theme"), "Dark").isChecked()


def test_page_titles_read_as_written(qtbot: QtBot, settings: AppSettings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    view = _menu(window, "View")
    titles = [a.text() for a in view.actions() if a.text()]
    assert "Roadmap && budget" in titles and "KPIs && scorecard" in titles  # "&&" shows "&"


def test_take_snapshot_replaces_save(
    qtbot: QtBot, settings: AppSettings, sample_path: Path
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(sample_path)
    file_menu = _menu(window, "File")
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Save" not in texts and "Take snapshot…" in texts
    page = window.pages.page(4)
    page.snapshots.ask_name = lambda default: "Before the bank meeting"  # type: ignore[attr-defined]
    before = len(page.snapshots.snapshots)  # type: ignore[attr-defined]
    _item(file_menu, "Take snapshot…").trigger()
    assert window.pages.currentIndex() == 4
    assert page.tabs.currentWidget() is page.snapshots  # type: ignore[attr-defined]
    names = [s.name for s in page.snapshots.snapshots]  # type: ignore[attr-defined]
    assert len(names) == before + 1 and "Before the bank meeting" in names
    # Ctrl+S, a habit, says that everything is saved and takes nothing
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "All changes are saved as you make them."
    assert len(page.snapshots.snapshots) == before + 1  # type: ignore[attr-defined]


def test_every_menu_has_distinct_mnemonics(qtbot: QtBot, settings: AppSettings) -> None:
    """Alt+letter reaches one item per menu ("Save a Copy" and "Close plan" both took C)."""
    import re

    window = MainWindow(settings)
    qtbot.addWidget(window)

    def check(menu: QMenu) -> None:
        keys: dict[str, str] = {}
        for action in menu.actions():
            found = re.search(r"&(.)", action.text().replace("&&", ""))
            if found:
                key = found.group(1).casefold()
                assert key not in keys, (menu.title(), keys.get(key), action.text())
                keys[key] = action.text()
            if action.menu() is not None:
                check(action.menu())

    for action in window.menuBar().actions():
        check(action.menu())
