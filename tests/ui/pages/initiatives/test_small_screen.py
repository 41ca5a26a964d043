"""Legible at 1024×640 (issue 18): the Initiatives page gives the list and editor room on a
small screen — more than 4 rows in sight, the owner field not cut — and a tall window
gives the tabs the larger share."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.page import InitiativesPage


def _page(document: PlanDocument, qtbot: QtBot, keep: list[QWidget], w: int, h: int
          ) -> InitiativesPage:
    page = InitiativesPage(document)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(w, h)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_laptop_screen_shows_the_list_and_the_whole_editor(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    page = _page(document, qtbot, keep, 820, 590)  # the page's part of a 1024×640 window
    view = page.list.view
    last = view.rowAt(view.viewport().height() - 2)
    assert last >= 7 or (last == -1 and view.model().rowCount() <= 8)  # 8 rows or more
    owner = page.editor.owner
    scroll = next(a for a in page.findChildren(QScrollArea) if a.widget() is page.editor)
    right = owner.mapTo(scroll.viewport(), QPoint(owner.width(), 0)).x()
    assert right <= scroll.viewport().width()  # not cut at the right edge
    top, bottom = page.splitter.sizes()
    assert top > bottom


def test_a_tall_window_gives_the_tabs_more(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    page = _page(document, qtbot, keep, 1400, 950)
    top, bottom = page.splitter.sizes()
    assert bottom > top
