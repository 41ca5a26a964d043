"""The wheel edits only the focused field; over another field it scrolls the page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.ui.wheelguard import install


def _wheel(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_only_a_focused_field(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    guard = install(app)
    try:
        page = QWidget()
        layout = QVBoxLayout(page)
        duration, other = QSpinBox(), QSpinBox()
        for box in (duration, other):
            box.setRange(1, 40)
            box.setValue(4)
            layout.addWidget(box)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        other.setFocus()
        _wheel(duration)  # scrolling the page over a field the owner is not in
        assert duration.value() == 4
        duration.setFocus()
        qtbot.waitUntil(duration.hasFocus)
        _wheel(duration)
        assert duration.value() == 3
    finally:
        app.removeEventFilter(guard)


def test_page_titles_with_an_ampersand_read_as_written(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMainWindow

    from smbplanner.ui.actions import build_actions

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = build_actions(window, ["Roadmap & budget", "KPIs & scorecard"])
    assert [a.text().replace("&&", "&") for a in actions.pages] == [
        "Roadmap & budget", "KPIs & scorecard"]
    assert [a.iconText() for a in actions.pages] == ["Roadmap & budget", "KPIs & scorecard"]
