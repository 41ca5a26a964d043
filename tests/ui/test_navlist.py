"""The phase list at the window's left: roomy rows, the titles drawn, and colours that follow
a switch between light and dark while the app runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smbplanner.ui.navlist import PAD_Y, PhaseList
from smbplanner.ui.pages.registry import PAGE_TITLES
from smbplanner.ui.theme import apply_scheme


@pytest.fixture
def phases(qtbot: QtBot, qapp: QApplication) -> Iterator[PhaseList]:
    apply_scheme(qapp, dark=False)
    nav = PhaseList(PAGE_TITLES)
    nav.resize(190, 400)
    qtbot.addWidget(nav)
    nav.show()
    nav.setCurrentRow(0)
    yield nav
    apply_scheme(qapp, dark=False)


def _row(image: QImage, y: int) -> list[QColor]:
    return [QColor(image.pixel(x, y)) for x in range(image.width())]


def _near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()),
               abs(a.blue() - b.blue())) <= tolerance


def test_rows_are_padded_and_every_title_is_drawn(phases: PhaseList) -> None:
    line = phases.fontMetrics().height()
    assert phases.font().pointSizeF() == 11
    for row in range(phases.count()):
        rect = phases.visualItemRect(phases.item(row))
        assert rect.height() >= line + 2 * PAD_Y
    image = phases.viewport().grab().toImage()
    base = phases.palette().base().color()
    highlight = phases.palette().highlight().color()
    first = phases.visualItemRect(phases.item(0))
    top = _row(image, first.top() + 3)
    assert sum(_near(c, highlight) for c in top) > 0.9 * len(top)  # selection spans the row
    for row in range(phases.count()):
        middle = _row(image, phases.visualItemRect(phases.item(row)).center().y())
        background = highlight if row == 0 else base
        text = [x for x, c in enumerate(middle) if not _near(c, background)]
        assert len(text) > 5, PAGE_TITLES[row]  # the title is drawn on the row
        assert min(text) >= 6  # padded from the edge


def test_the_list_follows_a_switch_to_dark(phases: PhaseList, qapp: QApplication) -> None:
    apply_scheme(qapp, dark=True)
    QApplication.processEvents()
    image = phases.viewport().grab().toImage()
    below_rows = image.height() - 5
    assert QColor(image.pixel(5, below_rows)).lightness() < 100
