"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from smbplanner import __version__
from smbplanner.resources import resource
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.theme import apply_scheme


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("SMB Planner")
    app.setOrganizationName("SMB Planner")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "smbplanner.svg"))))
    apply_scheme(app)
    # Follow the system when the user switches between light and dark while the app runs.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_scheme(app))
    return app


def run(plan: Path | None = None, *, exit_when_shown: bool = False) -> int:
    app = create_app()
    window = MainWindow()
    window.show()
    if plan is not None:
        window.open_path(plan)
    if exit_when_shown:
        QTimer.singleShot(0, app.quit)
    return app.exec()
