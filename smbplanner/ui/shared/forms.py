"""Form fields bound to one value of the plan: they commit when editing finishes (one undo
command), show a refusal beside the field, and follow undo/redo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from smbplanner.ui.document import Outcome, PlanDocument
from smbplanner.ui.shared.widgets import ErrorLine


class PlainTextField(QPlainTextEdit):
    """A multi-line text box that emits ``editingFinished`` when it loses focus."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class Binding:
    """Ties a widget to ``read(plan)`` and ``write(value) -> bool`` (the write pushes one
    undo command through the document; on refusal the widget goes back to the stored value
    and ``error`` shows why)."""

    def __init__(
        self,
        document: PlanDocument,
        widget: QWidget,
        error: ErrorLine,
        read: Callable[[Any], Any],
        write: Callable[[Any], bool],
        field_label: str,
    ):
        self.document, self.widget, self.error = document, widget, error
        self.read, self.write, self.field_label = read, write, field_label
        self._loading = False
        signal = getattr(widget, "editingFinished", None)
        if isinstance(widget, QComboBox):
            widget.activated.connect(lambda _=0: self.commit())
            if widget.isEditable() and widget.lineEdit() is not None:
                widget.lineEdit().editingFinished.connect(self.commit)
        elif signal is not None:
            signal.connect(self.commit)
        document.changed.connect(self.load)
        self.load()

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentText().strip().upper() if w.isEditable() else w.currentData()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QLineEdit):
            return w.text()
        raise TypeError(type(w).__name__)

    def load(self) -> None:
        value = self.read(self.document.first_look())
        self._loading = True
        try:
            w = self.widget
            if isinstance(w, QSpinBox):
                w.setValue(int(value))
            elif isinstance(w, QComboBox):
                if w.isEditable():
                    w.setCurrentText(str(value))
                else:
                    w.setCurrentIndex(max(w.findData(value), 0))
            elif isinstance(w, QPlainTextEdit):
                if w.toPlainText() != value:
                    w.setPlainText(str(value))
            elif isinstance(w, QLineEdit) and w.text() != value:
                w.setText(str(value))
                w.setCursorPosition(0)
            readonly = self.document.readonly
            if isinstance(w, (QLineEdit, QPlainTextEdit, QSpinBox)):
                w.setReadOnly(readonly)  # still legible and selectable, unlike disabled
            else:
                w.setEnabled(not readonly)
        finally:
            self._loading = False

    def commit(self) -> None:
        if self._loading:
            return
        value = self.value()
        if value == self.read(self.document.first_look()):
            return
        outcome = self.write(value)
        if outcome:
            self.error.show_message("")
        else:
            reason = outcome.refusal.message if isinstance(outcome, Outcome) and (
                outcome.refusal) else "was refused"
            self.error.show_message(f"{self.field_label}: {reason}")
            self.load()
