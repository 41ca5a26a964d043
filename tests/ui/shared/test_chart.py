"""The deferred chart draw: one draw for several requests, none for a deleted canvas."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.ui.shared.chart import draw_soon


class Canvas(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.draws = 0
        self.resize(200, 100)

    def draw(self) -> None:
        self.draws += 1


def test_several_requests_make_one_draw_when_the_loop_is_free(qtbot: QtBot) -> None:
    canvas = Canvas()
    qtbot.addWidget(canvas)
    draw_soon(canvas)
    draw_soon(canvas)
    assert canvas.draws == 0
    qtbot.waitUntil(lambda: canvas.draws == 1)
    QApplication.processEvents()
    assert canvas.draws == 1
    draw_soon(canvas)
    qtbot.waitUntil(lambda: canvas.draws == 2)


def test_a_canvas_deleted_before_its_draw_is_not_drawn(qtbot: QtBot) -> None:
    drawn: list[int] = []

    class Watched(Canvas):
        def draw(self) -> None:
            drawn.append(1)

    canvas = Watched()
    draw_soon(canvas)
    shiboken6.delete(canvas)  # the page is gone before the event loop runs
    qtbot.wait(50)
    assert drawn == []
