"""The banner over a read-only plan: why it is read-only, the last refused edit, and a way
out ("Save as an editable copy…")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smbplanner.domain.validation import Problem
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.theme import is_dark

# (background, border, text) for a light and a dark window
_LIGHT = ("#fbe7b0", "#d9a521", "#3d2b00")
_DARK = ("#4a3b12", "#b88a1e", "#fbe7b0")


class ReadOnlyBanner(QFrame):
    """Hidden unless the document is read-only; ``show_for(document)`` sets it up."""

    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readonly_banner")
        self.setAccessibleName(self.tr("Read-only notice"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setAccessibleName(self.tr("Refused change"))
        self.refusal.hide()
        self.save_copy = QPushButton(self.tr("Save as an editable copy…"))
        self.save_copy.setAccessibleName(self.tr("Save as an editable copy"))
        self.save_copy.setToolTip(
            self.tr("Write a copy of this plan under a new name and open it for editing")
        )
        self.save_copy.clicked.connect(self.save_copy_requested)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.message)
        texts.addWidget(self.refusal)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        row.addLayout(texts, 1)
        row.addWidget(self.save_copy, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()  # styled when first shown: a style sheet costs start-up time

    def show_for(self, document: PlanDocument | None) -> None:
        self.refusal.clear()
        self.refusal.hide()
        if document is None or not document.readonly:
            self.hide()
            return
        from html import escape  # only for a read-only plan: not on the start-up's path

        reason = document.plan_file.readonly_reason or self.tr("it was opened read-only")
        self.message.setText(
            self.tr("<b>Read-only:</b> {0}. Save a copy to edit.").format(escape(reason))
        )
        self._restyle()
        self.show()

    def show_refusal(self, refusal: Problem) -> None:
        """The last edit that was refused, so that a click that did nothing says why."""
        if self.isHidden():
            return
        reason = refusal.message
        self.refusal.setText(self.tr("Not changed: {0}").format(reason))
        self.refusal.show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self.isHidden():
            self._restyle()

    def _restyle(self) -> None:
        # the application's palette: the banner's own window is the style sheet's yellow
        background, border, text = _DARK if is_dark() else _LIGHT
        sheet = (
            f"QFrame#readonly_banner {{ background: {background}; "
            f"border-bottom: 2px solid {border}; }} "
            f"QFrame#readonly_banner QLabel {{ color: {text}; background: transparent; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
