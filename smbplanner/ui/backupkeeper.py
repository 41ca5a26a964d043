"""Automatic backups in the app: on open for editing, then every 30 minutes of editing. The
rules (where, how, which to keep) live in ``storage/backups.py``.

The backup on open is taken once the window is up (``OPEN_BACKUP_DELAY_MS`` after the open),
not before the first paint, so that it never delays showing the plan; the plan file runs it
before the first edit if that comes sooner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from smbplanner.storage.backups import INTERVAL, AutoBackup, utc_now
from smbplanner.storage.changes import Changes
from smbplanner.storage.errors import PlanFileError
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.planfiles import PlanFiles

#: How long after opening a plan its open backup is taken (if no edit came first).
OPEN_BACKUP_DELAY_MS = 1000


class BackupKeeper(QObject):
    """Backs up each plan opened for editing, then every 30 minutes of editing (a timer, and
    a look at the clock after every edit). ``clock`` is injectable; failures are reported
    through ``message`` and never stop the editing."""

    message = Signal(str)

    def __init__(self, files: PlanFiles, parent: QObject | None = None):
        super().__init__(parent)
        self.clock: Callable[[], datetime] = utc_now
        self.open_delay_ms = OPEN_BACKUP_DELAY_MS
        self.auto: AutoBackup | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.tick)
        files.opened.connect(self._opened)
        files.closed.connect(self._closed)

    def _opened(self, document: PlanDocument) -> None:
        self._closed()
        if document.readonly:
            return
        self.auto = AutoBackup(document.plan_file, lambda: self.clock())
        self.auto.opened_later(self.take_open_backup)
        QTimer.singleShot(self.open_delay_ms, self, self.take_open_backup)
        document.changed.connect(self._edited)
        self.timer.start()

    def take_open_backup(self) -> None:
        """The plan's backup on open, unless already taken (a failure is reported, and the
        editing goes on)."""
        if self.auto is not None:
            self._guard(self.auto.take_open_backup)

    def _closed(self) -> None:
        self.timer.stop()
        self.auto = None

    def _edited(self, changes: Changes | None = None) -> None:
        if changes is not None and changes.whole:
            return  # the plan read whole again (after a first look or a restore): no edit
        if self.auto is not None:
            self.auto.edited()
            self.tick()

    def tick(self) -> None:
        if self.auto is not None:
            self._guard(self.auto.maybe_backup)

    def _guard(self, take: Callable[[], object]) -> None:
        try:
            take()
        except PlanFileError as e:
            self.message.emit(str(e))
