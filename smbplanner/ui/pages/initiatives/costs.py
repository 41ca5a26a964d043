"""The TCO form and the benefits form of an initiative: one option's lines on a
year-by-category grid (typed and pasted like a spreadsheet) above the detail list of lines.

``LinesEditor(document, "cost")`` edits costs, ``LinesEditor(document, "benefit")`` benefits
(with helpers that work out productivity, risk reduction, revenue and savings). It shows the
option that feeds the plan unless another option is picked in its option box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine, Initiative, Option
from smbplanner.ui import terms
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.benefit_helpers import HELPERS, BenefitHelperDialog, Helper
from smbplanner.ui.pages.initiatives.common import find_initiative
from smbplanner.ui.pages.initiatives.costs_grid import YearGridModel
from smbplanner.ui.pages.initiatives.costs_view import YearGridView
from smbplanner.ui.pages.initiatives.lines_table import KIND_LABELS, LineTableModel
from smbplanner.ui.pages.initiatives.option_picker import short_name
from smbplanner.ui.refresh import FIGURES, watch
from smbplanner.ui.shared.widgets import ChoiceDelegate, ErrorLine, TablePanel


class LinesEditor(QWidget):
    def __init__(self, document: PlanDocument, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in ("cost", "benefit"):
            raise ValueError("kind must be 'cost' or 'benefit'")
        self.document, self.kind = document, kind
        self.initiative_id: int | None = None
        self.option_id: int | None = None
        self._picked: int | None = None  # an option picked in the box (else the chosen one)
        self._own_picker = True  # False: the page's OptionPicker says which option
        #: Runs a helper dialog and returns its result code (tests fill and accept it).
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()

        self.option_box = QComboBox()
        self.option_box.setAccessibleName(self.tr("Option whose {0}s are shown").format(kind))
        self.option_box.activated.connect(self._pick)
        self.life = QLabel()
        self.life.setToolTip(terms.tip("lifecycle_year"))
        self.grid_model = YearGridModel(document, kind, self)
        self.grid = YearGridView(self.grid_model)
        self.error = ErrorLine()
        self.grid_model.message.connect(self.error.show_message)
        self.hint = QLabel(self.tr(
            "Type an amount in a cell to set a one-off {0} (Tab and Enter move on; "
            "“12,500” and “12.5k” both work). Ctrl+V pastes a block copied from a "
            "spreadsheet. Italic amounts come from recurring lines: change those in the list "
            "below.").format(kind))
        self.hint.setWordWrap(True)
        small = self.hint.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.hint.setFont(small)

        self.lines_model = LineTableModel(document, kind)
        title = self.tr("Cost lines") if kind == "cost" else self.tr("Benefit lines")
        self.lines = TablePanel(title, self.lines_model, on_add=self.add_line,
                                add_text=self.tr("Add line"))
        kinds = [(k.value, KIND_LABELS[k]) for k in LineKind]
        self.lines.view.setItemDelegateForColumn(1, ChoiceDelegate(kinds, self.lines.view))
        self.lines.view.setMinimumHeight(140)

        self.helper_buttons: dict[str, QPushButton] = {}
        helpers = QHBoxLayout()
        if kind == "benefit":
            helpers.addWidget(QLabel(self.tr("Work out a benefit:")))
            for helper in HELPERS:
                button = QPushButton(self.tr(helper.button))
                button.setAccessibleName(self.tr("Work out a {0} benefit").format(
                    helper.button.rstrip("…").lower()))
                button.clicked.connect(lambda _=False, h=helper: self.open_helper(h))
                helpers.addWidget(button)
                self.helper_buttons[helper.key] = button
            helpers.addStretch(1)

        top = QHBoxLayout()
        self.option_caption = QLabel(self.tr("Option"))
        top.addWidget(self.option_caption)
        top.addWidget(self.option_box, 1)
        top.addWidget(self.life, 2)
        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(helpers)
        layout.addWidget(self.lines, 1)

        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_option_button = QPushButton(self.tr("Add an option"))
        self.add_option_button.setAccessibleName(self.tr("Add a first option"))
        self.add_option_button.clicked.connect(self.add_option)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.add_option_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(editor)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        watch(self, document, self.sync, FIGURES)
        self.sync()

    # --- what is shown -------------------------------------------------------------------
    def set_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self.initiative_id:
            self._picked = None
        self.initiative_id = initiative_id
        self.sync()

    def set_option(self, option_id: int | None) -> None:
        """Show this option's lines (None: the option that feeds the plan)."""
        self._picked = option_id
        self.sync()

    def follow_picker(self) -> None:
        """The page's one option picker chooses the option (``set_option``); this editor's
        own box goes, and the life line names the option being edited."""
        self._own_picker = False
        self.option_caption.hide()
        self.option_box.hide()
        self.life.setWordWrap(True)
        self.sync()

    def _pick(self, position: int) -> None:
        self.set_option(self.option_box.itemData(position))

    def initiative(self) -> Initiative | None:
        return find_initiative(self.document.plan(), self.initiative_id)

    def current_option(self) -> Option | None:
        initiative = self.initiative()
        if initiative is None:
            return None
        picked = next((o for o in initiative.options if o.id == self._picked), None)
        return picked or initiative.chosen_option

    def sync(self) -> None:
        initiative = self.initiative()
        option = self.current_option()
        option_id = option.id if option else None
        if option_id != self.option_id or self.grid_model.initiative_id != self.initiative_id:
            self.option_id = option_id
            self.grid_model.set_option(self.initiative_id, option_id)
            self.lines_model.set_option(self.initiative_id, option_id)
        else:
            self.grid_model.refresh()
        self._fill_box(initiative, option)
        readonly = self.document.readonly
        for button in self.helper_buttons.values():
            button.setEnabled(option is not None and not readonly)
        if initiative is None or option is None:
            self.empty_text.setText(self._empty_message(initiative))
            self.add_option_button.setVisible(initiative is not None and not readonly)
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.grid.setFixedHeight(self.grid.fitted_height())

    def _empty_message(self, initiative: Initiative | None) -> str:
        if initiative is None:
            return self.tr("Select an initiative to enter its {0}s.").format(self.kind)
        return self.tr(
            "“{0}” has no option yet. An option is one way of doing it (for example cloud or "
            "on-premises); its costs and benefits are entered here, year by year."
        ).format(initiative.name)

    def _fill_box(self, initiative: Initiative | None, option: Option | None) -> None:
        box = self.option_box
        box.blockSignals(True)
        box.clear()
        feeding = initiative.chosen_option if initiative else None
        for o in initiative.options if initiative else []:
            chosen = feeding is not None and o.id == feeding.id
            box.addItem(o.name + (self.tr("  (chosen, feeds the plan)") if chosen else ""), o.id)
        box.setCurrentIndex(max(box.findData(option.id if option else None), 0))
        box.blockSignals(False)
        box.setEnabled(box.count() > 1)
        if option is None or initiative is None:
            self.life.setText("")
            return
        first = initiative.start_year
        life = self.tr("{0}-year life: {1}–{2} (lifecycle years 0–{3})").format(
            option.life_years, first, first + option.life_years - 1, option.life_years - 1)
        if not self._own_picker:
            chosen = feeding is not None and feeding.id == option.id
            whose = self.tr("{0}s of “{1}” ({2})").format(
                self.kind.capitalize(), short_name(option),
                self.tr("✓ chosen, feeds the plan") if chosen
                else self.tr("not chosen: does not feed the plan"))
            life = f"{whose} · {life}"
        self.life.setText(life)

    # --- adding --------------------------------------------------------------------------
    def add_line(self) -> int | None:
        option = self.current_option()
        if option is None or option.id is None:
            return None
        last = option.life_years - 1
        line: CostLine | BenefitLine
        if self.kind == "cost":
            line = CostLine(CostCategory.PURCHASE, 0, LineKind.ONE_OFF, 0, 0, 0,
                            self.tr("New cost"))
        else:
            line = BenefitLine(BenefitCategory.OTHER, 0, LineKind.RECURRING, min(1, last), last,
                               0, self.tr("New benefit"))
        return self.document.add(line, parent_id=option.id, text=f"Add {self.kind} line").value

    def add_option(self) -> int | None:
        if self.initiative_id is None:
            return None
        option = Option(self.tr("Main option"), chosen=True)
        text = "Add option 'Main option'"
        return self.document.add(option, parent_id=self.initiative_id, text=text).value

    def open_helper(self, helper: Helper) -> int | None:
        """Ask the helper's numbers; on OK add the worked-out benefit line."""
        option = self.current_option()
        if option is None or option.id is None:
            return None
        currency = self.document.plan().business.currency
        dialog = BenefitHelperDialog(helper, currency, option.life_years, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        text = f"Add {helper.category.value.replace('_', ' ')} benefit"
        return self.document.add(dialog.line(), parent_id=option.id, text=text).value
