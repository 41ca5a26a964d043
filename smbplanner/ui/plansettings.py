"""Plan settings: the discount rate (and why it is what it is), the scenario factors, the
horizon and the currency; and the board pack's own words: the resolution sought (empty: the
sentence built from the figures, shown as the placeholder) and who prepared the plan.

Each change applies at once as one undo step (``document.update_business``); a value that
cannot be a rate or factor is refused with a message naming the field, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.cash_statement import rate_rationale
from smbplanner.analysis.decision import decision
from smbplanner.analysis.options import trimmed
from smbplanner.domain.currency import CURRENCIES
from smbplanner.domain.model import Business
from smbplanner.domain.money import BP, MoneyError, to_bp
from smbplanner.domain.validation import MAX_DISCOUNT_BP, MAX_FACTOR_BP
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import locale_number
from smbplanner.ui.shared.widgets import ErrorLine


def parse_percent(text: str) -> int:
    """"8", "8 %", "7,5" (in a comma locale) -> basis points, 0..100 %."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        raise MoneyError("must not be empty")
    value = Decimal(repr(fmt.parse_number(cleaned))) / 100
    try:
        return to_bp(value, low=0, high=MAX_DISCOUNT_BP)
    except MoneyError:
        raise MoneyError("must be a percentage from 0 to 100, with at most 2 decimals") from None


def parse_factor(text: str) -> int:
    """"1.25", "×1.25", "x 0.9" -> basis points, 0..10."""
    cleaned = text.strip().lstrip("×xX*").strip()
    if not cleaned:
        raise MoneyError("must not be empty")
    value = Decimal(repr(fmt.parse_number(cleaned)))
    try:
        return to_bp(value, low=0, high=MAX_FACTOR_BP)
    except MoneyError:
        raise MoneyError("must be a factor from 0 to 10, e.g. 1.25, with at most 4 decimals"
                         ) from None


class _BpField:
    """A line edit bound to one basis-point setting of the business."""

    def __init__(self, dialog: PlanSettingsDialog, field: str, label: str, what: str,
                 parse: Callable[[str], int], show: Callable[[int], str]):
        self.dialog, self.field, self.label, self.what = dialog, field, label, what
        self.parse, self.show = parse, show
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.edit.editingFinished.connect(self.commit)

    def stored(self) -> int:
        value: int = getattr(self.dialog.document.plan().business, self.field)
        return value

    def load(self) -> None:
        self.edit.setText(self.show(self.stored()))

    def commit(self) -> None:
        text = self.edit.text()
        if text == self.show(self.stored()):
            return
        try:
            value = self.parse(text)
        except MoneyError as e:
            self.dialog.error.show_message(f"{self.label}: {e}")
            self.load()
            return
        if value == self.stored():
            self.load()
            return
        self.dialog.error.show_message("")
        self.dialog.document.update_business(f"Change {self.what}", **{self.field: value})


def _percent(bp: int) -> str:
    return f"{trimmed(bp / 100, 2, locale_number)} %"


def _factor(bp: int) -> str:
    return f"× {trimmed(bp / BP, 4, locale_number)}"


class _Text(QPlainTextEdit):
    """A few lines of the owner's text, stored when the field loses focus."""

    def __init__(self, commit: Callable[[], None], label: str, lines: int = 4) -> None:
        super().__init__()
        self._commit = commit
        self.setAccessibleName(label)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._commit()


class PlanSettingsDialog(QDialog):
    """Non-blocking: changes apply as they are made and follow undo and redo."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Plan settings"))
        self.error = ErrorLine()
        self.rate = _BpField(self, "discount_rate_bp", self.tr("Discount rate"),
                             "discount rate", parse_percent, _percent)
        factors = [
            ("optimistic_cost_bp", self.tr("Optimistic: costs"), "optimistic cost factor"),
            ("optimistic_benefit_bp", self.tr("Optimistic: benefits"),
             "optimistic benefit factor"),
            ("pessimistic_cost_bp", self.tr("Pessimistic: costs"), "pessimistic cost factor"),
            ("pessimistic_benefit_bp", self.tr("Pessimistic: benefits"),
             "pessimistic benefit factor"),
        ]
        self.factors = [_BpField(self, f, label, what, parse_factor, _factor)
                        for f, label, what in factors]
        self.fields = [self.rate, *self.factors]
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 10)
        self.horizon.setSuffix(self.tr(" years"))
        self.horizon.setAccessibleName(self.tr("Horizon"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(sorted(CURRENCIES))
        self.currency.setAccessibleName(self.tr("Currency"))
        self.horizon.editingFinished.connect(
            lambda: self._commit("horizon_years", self.horizon.value(), self.tr("Horizon")))
        self.currency.activated.connect(lambda _=0: self._commit_currency())
        self.currency.lineEdit().editingFinished.connect(self._commit_currency)

        money = QGroupBox(self.tr("Money"))
        form = QFormLayout(money)
        form.addRow(self.tr("Discount rate"), self.rate.edit)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Plan covers"), self.horizon)
        rate_hint = QLabel(self.tr(
            "The return the business could earn elsewhere, or its cost of borrowing; NPV, "
            "present values and discounted payback use it. 8 % is a common choice."))
        rate_hint.setWordWrap(True)
        form.addRow(rate_hint)
        self.rationale = _Text(lambda: self._commit_text(
            "rate_rationale", self.rationale, self.tr("Why this rate")), self.tr("Why this rate"))
        form.addRow(self.tr("Why this rate"), self.rationale)
        scenarios = QGroupBox(self.tr("Scenario factors"))
        sform = QFormLayout(scenarios)
        for field in self.factors:
            sform.addRow(field.label, field.edit)
        factor_hint = QLabel(self.tr(
            "Each year's costs and benefits are multiplied by these in the optimistic and "
            "pessimistic scenarios; the likely scenario uses the amounts as entered."))
        factor_hint.setWordWrap(True)
        sform.addRow(factor_hint)
        board = QGroupBox(self.tr("Board pack"))
        bform = QFormLayout(board)
        self.resolution = _Text(lambda: self._commit_text(
            "resolution", self.resolution, self.tr("Resolution")), self.tr("Resolution"), 8)
        self.start_from_built = QPushButton(self.tr("Start from the built sentence"))
        self.start_from_built.setToolTip(self.tr(
            "Copy the sentence built from the figures into the field, to edit it."))
        self.start_from_built.setAutoDefault(False)  # Return in a field must not press it
        self.start_from_built.clicked.connect(self._start_from_built)
        resolution_hint = QLabel(self.tr(
            "Leave empty to print the sentence built from the figures (shown in grey); it "
            "follows every change to the proposed initiatives."))
        resolution_hint.setWordWrap(True)
        self.prepared_by = QLineEdit()
        self.prepared_by.setAccessibleName(self.tr("Prepared by"))
        self.prepared_by.setPlaceholderText(self.tr("e.g. Marta Jensen, owner"))
        self.prepared_by.editingFinished.connect(lambda: self._commit_text(
            "prepared_by", self.prepared_by, self.tr("Prepared by")))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_from_built)
        start_row.addStretch(1)
        bform.addRow(self.tr("Resolution"), self.resolution)
        bform.addRow("", start_row)
        bform.addRow(resolution_hint)
        bform.addRow(self.tr("Prepared by"), self.prepared_by)
        pack_hint = QLabel(self.tr(
            "Printed on the decision page and in the cover's document control."))
        pack_hint.setWordWrap(True)
        bform.addRow(pack_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        note = QLabel(self.tr("Changes apply at once; Undo takes them back one by one."))
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(money)
        left.addWidget(scenarios)
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(board)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(buttons)
        document.changed.connect(self.load)
        self.load()
        self.setMinimumWidth(860)

    def business(self) -> Business:
        return self.document.plan().business

    def load(self) -> None:
        readonly = self.document.readonly
        for field in self.fields:
            field.load()
            field.edit.setReadOnly(readonly)
        business = self.business()
        self.horizon.blockSignals(True)
        self.horizon.setValue(business.horizon_years)
        self.horizon.blockSignals(False)
        self.currency.blockSignals(True)
        self.currency.setCurrentText(business.currency)
        self.currency.blockSignals(False)
        self.horizon.setEnabled(not readonly)
        self.currency.setEnabled(not readonly)
        for edit, text in ((self.rationale, business.rate_rationale),
                           (self.resolution, business.resolution),
                           (self.prepared_by, business.prepared_by)):
            edit.setReadOnly(readonly)
            typed = (edit.isModified() if isinstance(edit, QLineEdit)
                     else edit.document().isModified())
            if edit.hasFocus() and typed and self._text(edit) != text:
                continue  # being typed: stored when the field is left
            if isinstance(edit, QLineEdit):
                edit.setText(text)
            elif edit.toPlainText() != text:
                edit.setPlainText(text)
            else:
                edit.document().setModified(False)
        self.start_from_built.setEnabled(not readonly)
        self.rationale.setPlaceholderText(rate_rationale(business.discount_rate_bp))
        self.resolution.setPlaceholderText(self.built_resolution())

    def built_resolution(self) -> str:
        """The sentence the pack prints when the owner writes none (likely scenario)."""
        return decision(self.document.plan(), cache=self.document.figure_cache).built

    def _start_from_built(self) -> None:
        self.resolution.setPlainText(self.built_resolution())
        self.resolution.setFocus()

    @staticmethod
    def _text(edit: QLineEdit | QPlainTextEdit) -> str:
        text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        return text.strip()

    def _commit_text(self, field: str, edit: QLineEdit | QPlainTextEdit, label: str) -> None:
        if self.document.readonly:
            return
        self._commit(field, self._text(edit), label)

    def _commit_currency(self) -> None:
        self._commit("currency", self.currency.currentText().strip().upper(),
                     self.tr("Currency"))

    def _commit(self, field: str, value: object, label: str) -> None:
        if getattr(self.business(), field) == value:
            return
        outcome = self.document.update_business(f"Change {label.lower()}", **{field: value})
        if outcome:
            self.error.show_message("")
            return
        self.error.show_message(outcome.message(label))
        self.load()
