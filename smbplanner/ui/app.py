"""Starting the desktop application."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from smbplanner import __version__
from smbplanner.resources import resource
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.theme import FUSION_ARGS, choose_theme, follow_system


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    created = not isinstance(app, QApplication)
    if created:  # Fusion from the start: cheaper than setting it afterwards
        app = QApplication([*(argv or [sys.argv[0]]), *FUSION_ARGS])
    assert isinstance(app, QApplication)
    app.setApplicationName("SMB Planner")
    app.setOrganizationName("SMB Planner")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "smbplanner.svg"))))
    from smbplanner.ui.settings import AppSettings

    choose_theme(app, AppSettings().theme(), set_style=not created)  # View ▸ Theme
    if created:
        from smbplanner.ui import wheelguard

        wheelguard.install(app)  # the wheel scrolls; it edits only the focused field
    # Follow the system when the user switches between light and dark while the app runs
    # (setting the style again re-polishes the widgets that use style sheets).
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: follow_system(app))
    return app


class _QuitAfterFirstPaint(QObject):
    """Quits the application once the watched window has painted for the first time, after
    printing when that was (``first paint: <seconds since the epoch>``, for the benchmark)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._done)
        return False

    @staticmethod
    def _done() -> None:
        print(f"first paint: {time.time():.6f}", flush=True)
        QApplication.quit()


class _OpenFiles(QObject):
    """macOS: a plan double-clicked in the Finder arrives as a FileOpen event, not in argv."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self.window.open_path(Path(event.file()))
            return True
        return False


def run(plan: Path | None = None, *, exit_when_shown: bool = False) -> int:
    """Show the main window (on ``plan``) and run until it closes; with ``exit_when_shown``,
    quit right after the window's first paint (the start-up benchmark)."""
    app = create_app()
    window = MainWindow()
    if sys.platform == "darwin":  # an application-wide filter sees every event: macOS only
        app.installEventFilter(_OpenFiles(window))
    if exit_when_shown:
        quitter = _QuitAfterFirstPaint(window)
        window.installEventFilter(quitter)
    if plan is not None:  # before showing: the window appears on the plan, not the welcome;
        # its first page is read before the first paint, the rest of the plan after it
        window.open_path(plan, first_look=True)
    window.show()
    return app.exec()
