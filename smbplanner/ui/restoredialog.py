"""File ▸ Restore from backup… (the automatic backups are ``backupkeeper.BackupKeeper``).

Restoring a backup either writes it as a NEW plan file the owner names (nothing else changes;
the new file is opened), or, after a confirmation, replaces the contents of the open plan
(the current state is backed up first, the undo history is cleared). The rules live in
``storage/backups.py``; the dialogs are attributes that tests answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smbplanner.storage.backups import (
    BEFORE_RESTORE,
    EDITING,
    OPEN,
    Backup,
    BackupSummary,
    check_backup,
    list_backups,
    plan_folder,
    restore_copy,
    restore_in_place,
    utc_now,
)
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.planfile import PLAN_SUFFIX
from smbplanner.ui import fmt
from smbplanner.ui.planfiles import PlanFiles
from smbplanner.ui.shared.widgets import ErrorLine

REASONS = {OPEN: "Opened for editing", EDITING: "While editing", BEFORE_RESTORE: "Before a restore"}


def when(backup: Backup) -> str:
    """The backup's time in the user's time zone and locale."""
    moment = QDateTime.fromSecsSinceEpoch(int(backup.taken_at.timestamp()))
    locale = QLocale()
    return (
        f"{locale.toString(moment.date(), QLocale.FormatType.LongFormat)}, "
        f"{locale.toString(moment.time(), QLocale.FormatType.ShortFormat)}"
    )


class RestoreDialog(QDialog):
    """The open plan's backups, newest first, with the two ways to restore one."""

    def __init__(self, files: PlanFiles, parent: QWidget | None = None):
        super().__init__(parent)
        assert files.document is not None
        self.files, self.document = files, files.document
        self.clock: Callable[[], datetime] = utc_now
        self.ask_save_path = files.ask_save_path
        self.confirm = files.confirm
        self.backups: list[Backup] = []
        self.setWindowTitle(self.tr("Restore from backup — {0}").format(self.document.path.name))
        intro = QLabel(
            self.tr(
                "SMB Planner backs up this plan each time you open it for editing and every "
                "30 minutes while you edit. Pick a backup, then save it as a new plan (this "
                "plan stays as it is) or replace this plan with it (its current state is "
                "backed up first)."
            )
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTreeView::item { padding: 2px 10px 2px 0px; }")
        self.table.setHeaderLabels(
            [self.tr("Taken"), self.tr("Why"), self.tr("Contents"), self.tr("Size")]
        )
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.table.itemActivated.connect(lambda *_: self.save_as_new())
        self.empty = QLabel(
            self.tr(
                "No backups of this plan yet. One is taken each time you open the plan for "
                "editing, and every 30 minutes while you edit."
            )
        )
        self.empty.setWordWrap(True)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLine()
        self.copy_button = QPushButton(self.tr("Save as new plan…"))
        self.replace_button = QPushButton(self.tr("Replace this plan…"))
        self.copy_button.clicked.connect(self.save_as_new)
        self.replace_button.clicked.connect(self.replace_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.folder)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 440)
        self.refresh()

    # --- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """List the backups; a damaged one is deleted and reported."""
        self.table.clear()
        self.backups = []
        removed: list[str] = []
        locale = QLocale()
        for backup in list_backups(self.document.path):
            try:
                summary = check_backup(backup.path)
            except PlanFileError as e:
                backup.path.unlink(missing_ok=True)
                removed.append(self.tr("the backup of {0} was damaged and was removed ({1})")
                               .format(when(backup), str(e).partition(": ")[2]))
                continue
            self.backups.append(backup)
            item = QTreeWidgetItem([
                when(backup),
                self.tr(REASONS.get(backup.reason, backup.reason)),
                self._contents(summary),
                locale.formattedDataSize(
                    backup.size, 0, QLocale.DataSizeFormat.DataSizeTraditionalFormat),
            ])
            item.setToolTip(2, summary.business)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)
        self.folder.setText(self.tr("Backups are kept in {0}").format(
            plan_folder(self.document.path)))
        text = "; ".join(removed)
        self.error.show_message(text[:1].upper() + text[1:])
        if self.backups:
            self.table.setCurrentItem(self.table.topLevelItem(0))  # type: ignore[arg-type]
        self._enable()

    def _contents(self, summary: BackupSummary) -> str:
        text = self.tr("{0}, {1}").format(fmt.count(summary.goals, "goal"),
                                          fmt.count(summary.initiatives, "initiative"))
        if summary.business != self.document.plan().business.name:
            text = f"{summary.business}: {text}"
        return text

    def selected(self) -> Backup | None:
        current = self.table.currentItem()
        row = self.table.indexOfTopLevelItem(current) if current is not None else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.copy_button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen and not self.document.readonly)
        if self.document.readonly:
            self.replace_button.setToolTip(self.tr("This plan is open read-only"))

    # --- restoring ---------------------------------------------------------------------------
    def save_as_new(self) -> bool:
        """Write the chosen backup as a new plan file and open it."""
        backup = self.selected()
        if backup is None:
            return False
        stamp = backup.taken_at.astimezone().strftime("%Y-%m-%d %H.%M")
        plan = self.document.path
        suggested = plan.with_name(f"{plan.stem} (backup {stamp}){PLAN_SUFFIX}")
        target = self.ask_save_path(self.tr("Save the backup as a new plan"), str(suggested))
        if target is None:
            return False
        if target.resolve() == plan.resolve():
            self.error.show_message(self.tr(
                "That is this plan's own file: choose another name, or use Replace this plan."))
            return False
        try:
            restore_copy(backup, target, force=target.exists())
        except PlanFileError as e:
            self.error.show_message(str(e))
            return False
        self.accept()
        return self.files.open_path(Path(target))

    def replace_current(self) -> bool:
        """After confirmation, replace the open plan's contents with the chosen backup."""
        backup = self.selected()
        if backup is None or self.document.readonly:
            return False
        question = self.tr(
            "Replace the contents of {0} with the backup of {1}?\n\nThe plan as it is now is "
            "backed up first, so you can come back to it from this list. Undo history is "
            "cleared."
        ).format(self.document.path.name, when(backup))
        if not self.confirm(self.tr("Replace this plan"), question):
            return False
        try:
            restore_in_place(self.document.plan_file, backup, self.clock())
        except PlanFileError as e:
            self.error.show_message(str(e))
            self.refresh()
            return False
        self.document.undo_stack.clear()
        self.document.reload()
        self.accept()
        return True
