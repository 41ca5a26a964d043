"""Opening, creating, copying and closing plan files from the app, with clear dialogs.

The dialogs are attributes (``warn``, ``confirm``, ``ask_open_path``, ``ask_save_path``,
``ask_new_business``) so that tests can answer them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from smbplanner.domain.model import Business, Plan
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.errors import PlanDamaged, PlanFileError, PlanLocked, PlanReadOnly
from smbplanner.storage.paths import data_dir
from smbplanner.storage.planfile import PLAN_SUFFIX, PlanFile
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

FILTER = "SMB Planner plans (*.smbplan);;All files (*)"
SAMPLE_NAME = "Sample plan - Harbour Bakery Co.smbplan"


class PlanFiles(QObject):
    opened = Signal(object)  # the new PlanDocument
    closed = Signal()

    def __init__(self, window: QWidget, settings: AppSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.document: PlanDocument | None = None
        self.warn: Callable[[str, str], None] = self._warn
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.ask_open_path: Callable[[], Path | None] = self._ask_open_path
        self.ask_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        #: The new plan's business, or a whole Plan (the guided wizard's goals and vision).
        self.ask_new_business: Callable[[], Business | Plan | None] = self._ask_new_business
        #: What the next warning adds below its message (a refused file: what to do).
        self._advice = ""

    # --- dialogs -------------------------------------------------------------------------
    def _message_box(self, title: str, text: str) -> QMessageBox:
        """A message box showing ``text`` as plain text: a file name or a value quoted in a
        message is never read as markup (a crafted name cannot restyle the dialog)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox  # dialogs' classes: imported when needed

        box = QMessageBox(self.window)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        return box

    def _warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = self._message_box(title, text)
        box.setIcon(QMessageBox.Icon.Warning)
        if self._advice:
            box.setInformativeText(self._advice)
        box.exec()

    def _confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = self._message_box(title, text)
        box.setIcon(QMessageBox.Icon.Question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _ask_open_path(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open plan"), "", FILTER)
        return Path(name) if name else None

    def _ask_save_path(self, title: str, suggested: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.window, title, suggested, FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(PLAN_SUFFIX)

    def _ask_new_business(self) -> Plan | None:
        from PySide6.QtWidgets import QDialog

        from smbplanner.ui.newplanwizard import NewPlanWizard

        wizard = NewPlanWizard(self.window)
        return wizard.plan() if wizard.exec() == QDialog.DialogCode.Accepted else None

    # --- actions -------------------------------------------------------------------------
    def open_path(
        self, path: Path, *, readonly: bool = False, reason: str = "", first_look: bool = False
    ) -> bool:
        """Open a plan; a refused file gets a dialog and the current plan stays open. A plan
        open elsewhere is offered read-only; a file or folder the user may not write opens
        read-only (``reason`` says why, on the window's banner). ``first_look`` (start-up):
        read the business and goals now and the rest after the window's first paint."""
        first: Plan | None = None
        plan: Plan | None = None
        try:
            plan_file = PlanFile.open(path, readonly=readonly)
            try:
                if first_look:
                    first = plan_file.load_first()
                else:
                    plan = plan_file.load(snapshots=False)  # every value checked
            except BaseException:
                plan_file.close()
                raise
        except PlanLocked as e:
            if readonly or not self.confirm(
                self.tr("Plan already open"), f"{e}.\n\n" + self.tr("Open a read-only view?")
            ):
                return False
            return self.open_path(path, readonly=True, reason=_why(e), first_look=first_look)
        except PlanReadOnly as e:
            return self.open_path(path, readonly=True, reason=_why(e), first_look=first_look)
        except (PlanFileError, OSError) as e:
            self._refused(path, e)
            if not Path(path).exists():
                self.settings.remove_recent(Path(path))
            return False
        if reason:
            plan_file.readonly_reason = reason
        self._install(plan_file, plan, first)
        if first is not None:
            _AfterFirstPaint(self.window, self._complete)
        return True

    def _complete(self) -> None:
        """The rest of a plan opened with a first look: read and checked now; a file that
        fails is closed with the same dialog as at opening."""
        document = self.document
        if document is None:
            return
        try:
            document.complete()
        except PlanFileError as e:
            path = document.path
            self.close_plan()
            self._refused(path, e)

    def _refused(self, path: Path, e: Exception) -> None:
        self._advice = self.tr(
            "The file was not changed. If it is one of your own plans, File ▸ Restore "
            "from backup… offers its earlier copies."
        ) if isinstance(e, PlanDamaged) else ""
        try:
            self.warn(self.tr("Cannot open plan"), _message(path, e))
        finally:
            self._advice = ""

    def _install(
        self, plan_file: PlanFile, plan: Plan | None = None, first: Plan | None = None
    ) -> None:
        self.close_plan()
        self.document = PlanDocument(plan_file, self, plan=plan, first=first)
        self.settings.add_recent(plan_file.path)
        self.opened.emit(self.document)

    def open_dialog(self) -> bool:
        path = self.ask_open_path()
        return self.open_path(path) if path else False

    def new_plan(self) -> bool:
        plan = self.ask_new_business()
        if plan is None:
            return False
        name = plan.name if isinstance(plan, Business) else plan.business.name
        path = self.ask_save_path(self.tr("Save new plan as"), f"{name}{PLAN_SUFFIX}")
        if path is None:
            return False
        try:
            plan_file = PlanFile.create(path, plan, force=path.exists())
        except (PlanFileError, ValidationError) as e:
            self.warn(self.tr("Cannot create plan"), str(e))
            return False
        self._install(plan_file)
        return True

    def open_sample(self) -> bool:
        """Open the sample plan, writing it into the user's data folder the first time."""
        from smbplanner.sample import sample_plan

        path = data_dir() / SAMPLE_NAME
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                PlanFile.create(path, sample_plan()).close()
            except (OSError, PlanFileError) as e:
                self.warn(self.tr("Cannot write the sample plan"), str(e))
                return False
        return self.open_path(path)

    def save_as(self, *, copy: bool = False) -> bool:
        if self.document is None:
            return False
        title = self.tr("Save a copy") if copy else self.tr("Save plan as")
        path = self.ask_save_path(
            title,
            str(
                self.document.path.with_name(
                    self.document.path.stem + (" copy" if copy else "") + PLAN_SUFFIX
                )
            ),
        )
        if path is None:
            return False
        try:
            self.document.plan_file.save_copy(path, force=path.exists())
        except PlanFileError as e:
            self.warn(self.tr("Cannot save"), str(e))
            return False
        return True if copy else self.open_path(path)

    def close_plan(self) -> None:
        if self.document is None:
            return
        document, self.document = self.document, None
        document.close()
        self.closed.emit()
        document.deleteLater()


class _AfterFirstPaint(QObject):
    """Calls ``then`` once after ``window``'s next paint, two event-loop turns later: after
    whatever else the paint queued (the start-up benchmark's stamp of the first paint)."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._run))
        return False

    def _run(self) -> None:
        self.then()
        self.deleteLater()


def _message(path: Path, error: Exception) -> str:
    if isinstance(error, OSError):
        return f"{Path(path).name}: {error.strerror or error}"
    return str(error)


def _why(error: PlanFileError) -> str:
    """The reason without the file name or the advice after a semicolon."""
    return str(error).partition(": ")[2].split(";")[0].strip() or str(error)
