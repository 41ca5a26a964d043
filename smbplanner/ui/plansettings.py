"""Plan settings: the discount rate, the scenario factors, the horizon and the currency.

Each change applies at once as one undo step (``document.update_business``); a value that
cannot be a rate or factor is refused with a message naming the field, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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
        scenarios = QGroupBox(self.tr("Scenario factors"))
        sform = QFormLayout(scenarios)
        for field in self.factors:
            sform.addRow(field.label, field.edit)
        factor_hint = QLabel(self.tr(
            "Each year's costs and benefits are multiplied by these in the optimistic and "
            "pessimistic scenarios; the likely scenario uses the amounts as entered."))
        factor_hint.setWordWrap(True)
        sform.addRow(factor_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        note = QLabel(self.tr("Changes apply at once; Undo takes them back one by one."))
        layout = QVBoxLayout(self)
        layout.addWidget(money)
        layout.addWidget(scenarios)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(buttons)
        document.changed.connect(self.load)
        self.load()
        self.setMinimumWidth(460)

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
