"""The dialog that adds or edits one SWOT item: its text, IT question, quadrant, the goals it
affects and the initiatives that answer it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.enums import SwotKind, label
from smbplanner.domain.model import Goal, Initiative, SwotItem
from smbplanner.ui.shared.widgets import ErrorLine


@dataclass
class SwotValues:
    kind: SwotKind
    text: str
    it_question: str
    goal_ids: set[int] = field(default_factory=set)
    initiative_ids: set[int] = field(default_factory=set)


class SwotItemDialog(QDialog):
    """Shown with ``open()``; OK calls ``on_submit(values)``, which returns an error message
    (shown beside the fields, the dialog stays open) or None (the dialog closes)."""

    def __init__(
        self,
        kind: SwotKind,
        goals: list[Goal],
        on_submit: Callable[[SwotValues], str | None],
        item: SwotItem | None = None,
        parent: QWidget | None = None,
        initiatives: list[Initiative] | None = None,
    ):
        super().__init__(parent)
        self.on_submit = on_submit
        noun = label(kind).lower()
        title = self.tr("Edit {0}") if item else self.tr("Add {0}")
        self.setWindowTitle(title.format(noun))
        self.setMinimumWidth(680)

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Quadrant"))
        for choice in SwotKind:
            self.kind_combo.addItem(label(choice), choice.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.text_edit = QLineEdit(item.text if item else "")
        self.text_edit.setAccessibleName(self.tr("Item"))
        self.text_edit.setPlaceholderText(self.tr("e.g. Engineers write job sheets on paper"))
        self.question_edit = QLineEdit(item.it_question if item else "")
        self.question_edit.setAccessibleName(self.tr("IT question"))
        self.question_edit.setPlaceholderText(self.tr("e.g. Could engineers log jobs on a phone?"))

        linked = set(item.goal_ids) if item else set()
        self.goal_boxes: dict[int, QCheckBox] = {}
        goals_widget = QWidget()
        goals_layout = QVBoxLayout(goals_widget)
        goals_layout.setContentsMargins(4, 4, 4, 4)
        for goal in goals:
            assert goal.id is not None
            box = QCheckBox(goal.title)
            box.setChecked(goal.id in linked)
            box.setAccessibleName(self.tr("Linked to goal: {0}").format(goal.title))
            goals_layout.addWidget(box)
            self.goal_boxes[goal.id] = box
        if not goals:
            goals_layout.addWidget(
                QLabel(self.tr("No goals yet: add them on the Destination page, then link here."))
            )
        goals_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(goals_widget)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(min(60 + 26 * len(goals), 200))

        initiatives = initiatives or []
        answering = set(item.initiative_ids) if item else set()
        self.initiative_boxes: dict[int, QCheckBox] = {}
        answers_widget = QWidget()
        answers_layout = QVBoxLayout(answers_widget)
        answers_layout.setContentsMargins(4, 4, 4, 4)
        for initiative in initiatives:
            assert initiative.id is not None
            name = initiative.name if len(initiative.name) <= 90 else initiative.name[:89] + "…"
            box = QCheckBox(name)
            box.setToolTip(initiative.name)
            box.setChecked(initiative.id in answering)
            box.setAccessibleName(self.tr("Answered by initiative: {0}").format(initiative.name))
            answers_layout.addWidget(box)
            self.initiative_boxes[initiative.id] = box
        if not initiatives:
            answers_layout.addWidget(QLabel(self.tr(
                "No initiatives yet: once you add them (phase 3), tick here the ones that "
                "answer this item.")))
        answers_layout.addStretch(1)
        answers = QScrollArea()
        answers.setWidget(answers_widget)
        answers.setWidgetResizable(True)
        answers.setMinimumHeight(min(60 + 26 * len(initiatives), 200))

        form = QFormLayout()
        for caption, edit in (
            (self.tr("&Quadrant:"), self.kind_combo),
            (self.tr("&Item:"), self.text_edit),
            (self.tr("IT &question:"), self.question_edit),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(edit)
            form.addRow(buddy, edit)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Goals this item affects:")))
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("Initiatives that answer it:")))
        layout.addWidget(answers, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.text_edit, self.question_edit):
            edit.setCursorPosition(0)  # long texts show their beginning
        self.text_edit.setFocus()

    def values(self) -> SwotValues:
        return SwotValues(
            kind=SwotKind(self.kind_combo.currentData()),
            text=self.text_edit.text().strip(),
            it_question=self.question_edit.text().strip(),
            goal_ids={gid for gid, box in self.goal_boxes.items() if box.isChecked()},
            initiative_ids={i for i, box in self.initiative_boxes.items() if box.isChecked()},
        )

    def submit(self) -> None:
        message = self.on_submit(self.values())
        if message:
            self.error.show_message(message)
        else:
            self.accept()
