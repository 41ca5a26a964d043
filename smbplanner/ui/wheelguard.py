"""The mouse wheel scrolls the page; it changes a value only in the field the owner is in.

Qt's spin boxes, date edits and combo boxes take a wheel turn over them as an edit even
without focus, so scrolling a form over a "Duration" box changed 4 quarters to 1 and saved it.
``WheelGuard``, installed on the application, hands such a turn to the field's parent (the page
scrolls) unless the field has the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, (QAbstractSpinBox, QComboBox))
            and not watched.hasFocus()
        ):
            parent = watched.parentWidget()
            if isinstance(parent, QWidget):
                QCoreApplication.sendEvent(parent, event)
            return True
        return False


def install(app: QCoreApplication) -> WheelGuard:
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
