"""The main window: navigation, pages, menus and the status bar. It assembles; the work is
done by the pages, the plan-file controller and the document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from smbplanner import __version__
from smbplanner.ui.actions import build_actions
from smbplanner.ui.backupkeeper import BackupKeeper
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.navlist import PhaseList
from smbplanner.ui.pages.registry import PAGE_TITLES
from smbplanner.ui.pagestack import PageStack
from smbplanner.ui.phaseguide import PhaseGuide
from smbplanner.ui.planfiles import PlanFiles
from smbplanner.ui.readonly import ReadOnlyBanner
from smbplanner.ui.settings import AppSettings

if TYPE_CHECKING:
    from smbplanner.ui.welcome import WelcomePage

APP_NAME = "SMB Planner"


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None):
        super().__init__()
        self.settings = settings or AppSettings()
        self.files = PlanFiles(self, self.settings)
        self.backups = BackupKeeper(self.files, self)
        self.actions = build_actions(self, PAGE_TITLES)
        self._welcome: WelcomePage | None = None  # built when first shown (not for a plan)
        self._closing = False
        self.nav = PhaseList(PAGE_TITLES)
        self.nav.setAccessibleName(self.tr("Phases"))
        self.nav.setFixedWidth(190)
        rows = sum(self.nav.sizeHintForRow(r) for r in range(self.nav.count()))
        self.nav.setFixedHeight(rows + 2 * self.nav.frameWidth() + 2)
        self.guide = PhaseGuide()  # the current phase's checklist, under the pages
        self.guide.setFixedWidth(190)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.nav, 0)
        side.addWidget(self.guide, 1)
        self.pages = PageStack()
        self.banner = ReadOnlyBanner()
        workspace = QWidget()
        inner = QVBoxLayout()
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.banner)
        inner.addWidget(self.pages, 1)
        row = QHBoxLayout(workspace)
        row.addLayout(side)
        row.addLayout(inner, 1)
        self.stack = QStackedWidget()
        self.blank = QWidget()  # shown while pages are swapped, and until the window shows
        self.stack.addWidget(self.blank)
        self.stack.addWidget(workspace)
        self.workspace = workspace
        self.setCentralWidget(self.stack)
        self.saved = QLabel()
        self.statusBar().addPermanentWidget(self.saved)
        self.history = QUndoView()
        self.history.setEmptyLabel(self.tr("<opened>"))
        dock = QDockWidget(self.tr("Undo history"), self)
        dock.setObjectName("undo_history")
        dock.setWidget(self.history)
        dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.history_dock = dock
        self._connect()
        self._show_document(None)
        self.resize(1280, 800)
        if (geometry := self.settings.geometry()) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.state()) is not None:
            self.restoreState(state)

    def _connect(self) -> None:
        a, f = self.actions, self.files
        a.new.triggered.connect(self.new_plan)
        a.open.triggered.connect(f.open_dialog)
        a.open_sample.triggered.connect(f.open_sample)
        a.take_snapshot.triggered.connect(self.take_snapshot)
        saved = QShortcut(QKeySequence.StandardKey.Save, self)  # a habit: say it is done
        saved.activated.connect(lambda: self.statusBar().showMessage(
            self.tr("All changes are saved as you make them."), 4000))
        for theme, action in a.themes.items():
            action.setChecked(theme == self.settings.theme())
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        a.save_as.triggered.connect(lambda: f.save_as())
        a.save_copy.triggered.connect(lambda: f.save_as(copy=True))
        a.close.triggered.connect(f.close_plan)
        a.quit.triggered.connect(self.close)
        a.history.triggered.connect(
            lambda: self.history_dock.setVisible(not self.history_dock.isVisible())
        )
        a.about.triggered.connect(self.about)
        a.guide.triggered.connect(self.show_guide)
        a.settings.triggered.connect(self.plan_settings)
        a.export_pdf.triggered.connect(self.export_pdf)
        a.import_sheet.triggered.connect(self.import_sheet)
        a.export_workbook.triggered.connect(self.export_workbook)
        a.restore_backup.triggered.connect(self.restore_backup)
        a.check_file.triggered.connect(self.check_file)
        self.banner.save_copy_requested.connect(lambda: f.save_as())
        self.backups.message.connect(lambda m: self.statusBar().showMessage(m, 10000))
        a.undo.triggered.connect(lambda: f.document and f.document.undo_stack.undo())
        a.redo.triggered.connect(lambda: f.document and f.document.undo_stack.redo())
        for index, action in enumerate(a.pages):
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
        a.recent_menu.aboutToShow.connect(self._fill_recent)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.currentRowChanged.connect(
            lambda row: self.guide.set_page(PAGE_TITLES[row]) if row >= 0 else None)
        self.guide.go_to.connect(lambda title: self.nav.setCurrentRow(PAGE_TITLES.index(title)))
        self.pages.open_initiative.connect(self.show_initiative)
        f.opened.connect(self._show_document)
        f.closed.connect(lambda: self._show_document(None))

    @property
    def welcome(self) -> WelcomePage:
        """The welcome page, built the first time it is needed: a window started on a plan
        never builds it."""
        if self._welcome is None:
            from smbplanner.ui.welcome import WelcomePage

            f = self.files
            page = WelcomePage()
            page.new_requested.connect(self.new_plan)
            page.open_requested.connect(f.open_dialog)
            page.sample_requested.connect(f.open_sample)
            page.guide_requested.connect(self.show_guide)
            page.recent_requested.connect(lambda p: f.open_path(p))
            self.stack.addWidget(page)
            self._welcome = page
        return self._welcome

    def _show_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())
        self.stack.setCurrentWidget(self.welcome)

    def showEvent(self, event: QShowEvent) -> None:
        if self.files.document is None and self.stack.currentWidget() is self.blank:
            self._show_welcome()
        super().showEvent(event)

    def _fill_recent(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        for path in self.settings.recent_files():
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        if not menu.actions():
            menu.addAction(self.tr("(no recent plans)")).setEnabled(False)

    def _show_document(self, document: PlanDocument | None) -> None:
        self.stack.setCurrentWidget(self.blank)  # removing pages must not show the others
        self.pages.set_document(None)
        for action in self.actions.plan_actions():
            action.setEnabled(document is not None)
        a = self.actions
        for action in (a.undo, a.redo):
            action.setEnabled(False)
        self.guide.set_document(document)
        if document is None:
            self.history.setStack(None)
            if self.isVisible() and not self._closing:  # else the first show does it
                self._show_welcome()
            self.banner.hide()
            self.saved.setText("")
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return
        self.pages.set_document(document)
        stack = document.undo_stack
        self.history.setStack(stack)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: a.undo.setText(self.tr("&Undo {0}").format(t)))
        stack.redoTextChanged.connect(lambda t: a.redo.setText(self.tr("&Redo {0}").format(t)))
        document.changed.connect(lambda: self._update_title(document))
        document.changed.connect(lambda: self.saved.setText(self.tr("All changes saved")))
        document.failed.connect(lambda r: self.statusBar().showMessage(str(r), 8000))
        document.failed.connect(self.banner.show_refusal)
        self.banner.show_for(document)
        self.saved.setText(
            self.tr("Read-only") if document.readonly else self.tr("All changes saved")
        )
        self._update_title(document)
        self.stack.setCurrentWidget(self.workspace)
        self.nav.setCurrentRow(0)
        self.pages.setCurrentIndex(0)

    def _update_title(self, document: PlanDocument) -> None:
        name = document.first_look().business.name
        suffix = self.tr(" (read-only)") if document.readonly else ""
        self.setWindowTitle(f"{name} — {document.path.name}{suffix} — {APP_NAME}")
        self.setWindowFilePath(str(document.path))

    def show_initiative(self, initiative_id: int) -> None:
        """Go to the Initiatives page with ``initiative_id`` in its editor."""
        index = PAGE_TITLES.index("Initiatives")
        self.nav.setCurrentRow(index)
        self.pages.page(index).select_initiative(initiative_id)  # type: ignore[attr-defined]

    def new_plan(self) -> bool:
        """File ▸ New plan: the wizard does phase 1 (goals, vision), so the new plan opens
        on phase 2, Assessment, as the wizard's last page says."""
        if not self.files.new_plan():
            return False
        document = self.files.document
        if document is not None and document.first_look().goals:
            self.nav.setCurrentRow(PAGE_TITLES.index("Assessment"))
        return True

    def take_snapshot(self) -> int | None:
        """File ▸ Take snapshot: on the Snapshots tab, so the owner sees it listed."""
        index = PAGE_TITLES.index("Roadmap & budget")
        self.nav.setCurrentRow(index)
        page = self.pages.page(index)
        page.tabs.setCurrentWidget(page.snapshots)  # type: ignore[attr-defined]
        return page.snapshots.take_snapshot()  # type: ignore[attr-defined, no-any-return]

    def set_theme(self, theme: str) -> None:
        """View ▸ Theme: System, Light or Dark, remembered for the next start."""
        from smbplanner.ui.theme import choose_theme

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        choose_theme(app, theme)
        self.settings.set_theme(theme)
        self.actions.themes[theme].setChecked(True)

    def open_path(self, path: Path, *, first_look: bool = False) -> bool:
        return self.files.open_path(path, first_look=first_look)

    def plan_settings(self) -> None:
        from smbplanner.ui.plansettings import PlanSettingsDialog

        if self.files.document is None:
            return
        dialog = PlanSettingsDialog(self.files.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.files.closed.connect(dialog.close)
        dialog.show()

    def export_pdf(self) -> None:
        from smbplanner.ui.exportdialog import ExportDialog

        if self.files.document is None:
            return
        dialog = ExportDialog(self.files.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.files.closed.connect(dialog.close)
        dialog.show()

    def import_sheet(self) -> None:
        from smbplanner.ui.spreadsheets.importdialog import ImportDialog

        if self.files.document is None:
            return
        dialog = ImportDialog(self.files.document, self)
        dialog.imported.connect(lambda m: self.statusBar().showMessage(m, 10000))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.files.closed.connect(dialog.close)
        dialog.show()

    def export_workbook(self) -> None:
        from smbplanner.ui.spreadsheets.export import export_workbook

        if self.files.document is not None:
            message = export_workbook(self, self.files.document)
            if message:
                self.statusBar().showMessage(message, 10000)

    def restore_backup(self) -> None:
        from smbplanner.ui.restoredialog import RestoreDialog

        if self.files.document is None:
            return
        dialog = RestoreDialog(self.files, self)
        dialog.clock = self.backups.clock
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.files.closed.connect(dialog.close)
        dialog.show()

    def check_file(self) -> None:
        from smbplanner.ui.checkdialog import CheckDialog

        if self.files.document is None:
            return
        dialog = CheckDialog(self.files.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.files.closed.connect(dialog.close)
        dialog.show()

    def show_guide(self) -> None:
        from smbplanner.ui.guide import show_guide

        show_guide(self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About SMB Planner"),
            self.tr(
                "<h3>SMB Planner {0}</h3><p>A business-aligned IT strategy and roadmap for small "
                "and medium businesses. Works offline; one file per business.</p>"
                "<p>MIT licence.</p>"
            ).format(__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self._closing = True  # no welcome page for a window on its way out
        try:
            self.files.close_plan()
        finally:
            self._closing = False
        super().closeEvent(event)
