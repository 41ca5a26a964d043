"""One option picker per initiative, above its tabs: the option whose costs and benefits the
Costs and Benefits tabs edit (both follow it, so on-premises costs cannot slip into the cloud
option on another tab), the chosen option marked ("✓ chosen, feeds the plan"), and "New
option from a copy of …" the option being edited."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from smbplanner.domain.model import Initiative, Option
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import find_initiative, find_option
from smbplanner.ui.refresh import FIGURES, watch

#: How the chosen option is marked wherever options are listed.
CHOSEN_MARK = "✓ chosen"


def short_name(option: Option, limit: int = 50) -> str:
    """The option's name cut to ``limit`` characters, so that what follows it (the chosen
    mark) stays in sight; in full in tooltips."""
    return fmt.clip(option.name, limit)


def option_title(option: Option, initiative: Initiative) -> str:
    """"Cloud (SaaS)  ✓ chosen, feeds the plan" for the chosen option, else its name."""
    feeding = initiative.chosen_option
    if feeding is not None and feeding.id == option.id:
        return f"{short_name(option)}  {CHOSEN_MARK}, feeds the plan"
    return short_name(option)


def copy_of(base: Option, name: str) -> Option:
    """A new option with the base's life and every cost and benefit line (not chosen)."""
    return Option(
        name, description=f"A copy of '{base.name}': change what differs"[:500],
        life_years=base.life_years, chosen=False,
        costs=[dataclasses.replace(c, id=None) for c in base.costs],
        benefits=[dataclasses.replace(b, id=None) for b in base.benefits])


def add_copy(document: PlanDocument, initiative: Initiative, base: Option | None) -> int | None:
    """Add "Option N", a copy of ``base`` (an empty, chosen option when there is none): one
    undo step; the new option's id."""
    if initiative.id is None:
        return None
    name = f"Option {len(initiative.options) + 1}"
    if base is None:
        option, text = Option(name, life_years=5, chosen=True), f"Add option '{name}'"
    else:
        option, text = copy_of(base, name), f"Add option '{name}' (a copy of '{base.name}')"
    return document.add(option, parent_id=initiative.id, text=text).value


class OptionPicker(QWidget):
    """``picked(option_id)`` whenever the option being edited changes (None: no option)."""

    picked = Signal(object)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.option_id: int | None = None
        self._told: int | None = None  # the option last sent with ``picked``
        self.caption = QLabel(self.tr("Option being edited:"))
        self.box = QComboBox()
        self.box.setAccessibleName(self.tr("Option being edited in Costs and Benefits"))
        self.box.setToolTip(self.tr(
            "An option is one way of doing the initiative (for example cloud or on-premises). "
            "The Costs and Benefits tabs both edit this option; the chosen one feeds the plan."))
        self.box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(20)
        self.box.activated.connect(lambda position: self.pick(self.box.itemData(position)))
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.new_copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.box, 2)
        layout.addWidget(self.copy_button)
        layout.addStretch(1)
        watch(self, document, self.sync, FIGURES)
        self.sync()

    def initiative(self) -> Initiative | None:
        return find_initiative(self.document.plan(), self.initiative_id)

    def current_option(self) -> Option | None:
        initiative = self.initiative()
        picked = find_option(initiative, self.option_id)
        return picked or (initiative.chosen_option if initiative else None)

    def set_initiative(self, initiative_id: int | None) -> None:
        """A newly selected initiative starts on its chosen option."""
        if initiative_id != self.initiative_id:
            self.initiative_id, self.option_id = initiative_id, None
        self.sync()

    def pick(self, option_id: int | None) -> None:
        if option_id == self.option_id and self.option_id is not None:
            return
        self.option_id = option_id
        self.sync()

    def sync(self) -> None:
        initiative = self.initiative()
        option = self.current_option()
        self.option_id = option.id if option else None
        box = self.box
        box.blockSignals(True)
        box.clear()
        for o in initiative.options if initiative else []:
            box.addItem(option_title(o, initiative), o.id)  # type: ignore[arg-type]
            box.setItemData(box.count() - 1, o.name, Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(box.findData(self.option_id), 0))
        box.blockSignals(False)
        box.setEnabled(box.count() > 0)
        writable = initiative is not None and not self.document.readonly
        self.copy_button.setEnabled(writable)
        if option is None:
            self.copy_button.setText(self.tr("Add an option"))
            self.copy_button.setToolTip("")
        else:
            name = option.name if len(option.name) <= 22 else option.name[:21] + "…"
            self.copy_button.setText(self.tr("New option from a copy of “{0}”").format(name))
            self.copy_button.setToolTip(self.tr(
                "Add an option with the life and every cost and benefit line of “{0}”, "
                "then change what differs").format(option.name))
        self.setVisible(initiative is not None)
        if self.option_id != self._told:
            self._told = self.option_id
            self.picked.emit(self.option_id)

    def new_copy(self) -> int | None:
        initiative = self.initiative()
        if initiative is None or self.document.readonly:
            return None
        new_id = add_copy(self.document, initiative, self.current_option())
        if new_id is not None:
            self.pick(new_id)  # the owner goes on to change the copy
        return new_id
