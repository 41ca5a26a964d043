"""Dialogs: a new plan, and plain messages."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.currency import CURRENCIES
from smbplanner.domain.model import Business
from smbplanner.domain.validation import check_business
from smbplanner.ui.widgets import ErrorLine


class NewPlanDialog(QDialog):
    """Asks the business name, currency, first year and horizon of a new plan."""

    def __init__(self, parent: QWidget | None = None, *, currency: str = "EUR"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New plan"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Harbour Bakery Co."))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(sorted(CURRENCIES))
        self.currency.setCurrentText(currency)
        self.start_year = QSpinBox()
        self.start_year.setRange(2000, 2100)
        self.start_year.setValue(date.today().year)
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 10)
        self.horizon.setValue(5)
        self.horizon.setSuffix(self.tr(" years"))
        self.error = ErrorLine()
        form = QFormLayout()
        form.addRow(self.tr("Business name"), self.name)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("First year"), self.start_year)
        form.addRow(self.tr("Plan covers"), self.horizon)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def business(self) -> Business:
        return Business(
            name=self.name.text().strip(),
            currency=self.currency.currentText().strip().upper(),
            start_year=self.start_year.value(),
            horizon_years=self.horizon.value(),
        )

    def accept(self) -> None:
        problems = check_business(self.business())
        if problems:
            labels = {"name": self.tr("Business name"), "currency": self.tr("Currency")}
            first = problems[0]
            self.error.show_message(f"{labels.get(first.field, first.field)}: {first.message}")
            return
        super().accept()
