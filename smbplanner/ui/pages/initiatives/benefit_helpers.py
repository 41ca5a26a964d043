"""Small dialogs that work out an annual benefit the way the seeds do and leave a readable
line: productivity, risk reduction, revenue increase and cost savings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis import benefit_estimates as est
from smbplanner.domain.enums import BenefitCategory, LineKind
from smbplanner.domain.model import BenefitLine
from smbplanner.domain.money import MoneyError
from smbplanner.ui import fmt, terms
from smbplanner.ui.pages.initiatives.common import locale_number
from smbplanner.ui.shared.widgets import ErrorLine


@dataclass(frozen=True)
class Field:
    name: str  # key
    label: str
    kind: str  # "money" | "number" | "weeks"
    default: str = ""
    placeholder: str = ""


@dataclass(frozen=True)
class Helper:
    key: str
    button: str
    title: str
    category: BenefitCategory
    fields: tuple[Field, ...]
    what_hint: str


HELPERS = (
    Helper("productivity", "Productivity…", "Productivity: time saved",
           BenefitCategory.PRODUCTIVITY,
           (Field("hours", "Hours saved per week", "number", placeholder="e.g. 6"),
            Field("rate", "Hourly rate (cost of an hour)", "money", placeholder="e.g. 28"),
            Field("weeks", "Working weeks a year", "weeks", "46")),
           "e.g. Remote access for office staff"),
    Helper("risk", "Risk reduction…", "Risk reduction: loss avoided",
           BenefitCategory.RISK_REDUCTION,
           (Field("probability", "Annual probability (%)", "number", placeholder="e.g. 15"),
            Field("loss", "Loss if it happens", "money", placeholder="e.g. 60,000")),
           "e.g. Server failure stops invoicing"),
    Helper("revenue", "Revenue increase…", "Revenue increase: extra margin",
           BenefitCategory.REVENUE,
           (Field("sales", "Extra sales a year", "money", placeholder="e.g. 40,000"),
            Field("margin", "Margin on those sales (%)", "number", placeholder="e.g. 35")),
           "e.g. Online pre-orders"),
    Helper("savings", "Cost savings…", "Cost savings: what you stop paying",
           BenefitCategory.COST_SAVINGS,
           (Field("cost", "Cost paid today, a year", "money", placeholder="e.g. 2,400"),
            Field("share", "Share saved (%)", "number", "100")),
           "e.g. Old server support contract"),
)


def _weeks(text: str) -> int:
    try:
        weeks = int(text.strip())
    except ValueError:
        raise MoneyError("must be a whole number of weeks") from None
    if not 1 <= weeks <= 53:
        raise MoneyError("must be between 1 and 53")
    return weeks


def _number(text: str) -> Decimal:
    value = fmt.parse_number(text)
    if value < 0:
        raise MoneyError("must be a number ≥ 0")
    return Decimal(repr(value))


class BenefitHelperDialog(QDialog):
    """Asks the numbers of one helper, shows the sum as it is typed, and on OK gives the
    ``line()`` to add (a recurring benefit line with the sum as its description)."""

    def __init__(self, helper: Helper, currency: str, life_years: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.helper, self.currency = helper, currency
        self.setWindowTitle(self.tr(helper.title))
        self.setMinimumWidth(520)  # room for the hints and the years (was squashed)
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr(helper.what_hint))
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("What"), self.what)
        for f in helper.fields:
            box = QLineEdit(f.default)
            box.setPlaceholderText(f.placeholder)
            box.setAccessibleName(f.label)
            box.textChanged.connect(self.update_preview)
            self.inputs[f.name] = box
            form.addRow(self.tr(f.label), box)
        last = max(life_years - 1, 0)
        self.year_from = QSpinBox()
        self.year_from.setRange(0, last)
        self.year_from.setValue(min(1, last))
        self.year_to = QSpinBox()
        self.year_to.setRange(0, last)
        self.year_to.setValue(last)
        years = QHBoxLayout()
        for spin in (self.year_from, self.year_to):
            spin.setPrefix(self.tr("year "))
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("year 30") + 48)
            spin.setToolTip(terms.tip("lifecycle_year"))
        self.year_from.setAccessibleName(self.tr("Every year from"))
        self.year_to.setAccessibleName(self.tr("to"))
        years.addWidget(self.year_from)
        years.addWidget(QLabel(self.tr("to")))
        years.addWidget(self.year_to)
        years.addStretch(1)
        form.addRow(self.tr("Every year from"), years)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("Result"))
        self.error = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.what.textChanged.connect(self.update_preview)
        self.update_preview()

    def _values(self) -> dict[str, Decimal | int]:
        values: dict[str, Decimal | int] = {}
        for f in self.helper.fields:
            text = self.inputs[f.name].text()
            try:
                if f.kind == "money":
                    values[f.name] = fmt.parse_money(text)
                else:
                    values[f.name] = _weeks(text) if f.kind == "weeks" else _number(text)
            except MoneyError as e:
                raise MoneyError(f"{f.label}: {e}") from None
        return values

    def estimate(self) -> est.BenefitEstimate:
        """The helper's sum; raises MoneyError naming the field."""
        v, c, what = self._values(), self.currency, self.what.text()
        compute: dict[str, Callable[[], est.BenefitEstimate]] = {
            "productivity": lambda: est.productivity(
                v["hours"], int(v["rate"]), int(v["weeks"]), c, what, locale_number),
            "risk": lambda: est.risk_reduction(
                v["probability"], int(v["loss"]), c, what, locale_number),
            "revenue": lambda: est.revenue_increase(
                int(v["sales"]), v["margin"], c, what, locale_number),
            "savings": lambda: est.cost_savings(
                int(v["cost"]), v["share"], c, what, locale_number),
        }
        result = compute[self.helper.key]()
        if result.amount_cents <= 0:
            raise MoneyError(self.tr("the result is 0: check the numbers"))
        return result

    def update_preview(self) -> None:
        try:
            self.preview.setText(self.estimate().description)
        except (MoneyError, ValueError):
            self.preview.setText(self.tr("Fill in the numbers to see the sum."))

    def line(self) -> BenefitLine:
        result = self.estimate()
        return BenefitLine(self.helper.category, result.amount_cents, LineKind.RECURRING,
                           self.year_from.value(), self.year_to.value(), 0, result.description)

    def accept(self) -> None:
        if self.year_to.value() < self.year_from.value():
            self.error.show_message(self.tr("To: must not be before the first year"))
            return
        try:
            self.line()
        except (MoneyError, ValueError) as e:
            self.error.show_message(str(e))
            return
        super().accept()
