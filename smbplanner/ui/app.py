"""Starting the desktop application."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from smbplanner import __version__
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.theme import apply_scheme


def has_display() -> bool:
    """Whether a window can be shown (Linux needs X11 or Wayland, or an explicit platform)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("SMB Planner")
    app.setOrganizationName("SMB Planner")
    app.setApplicationVersion(__version__)
    apply_scheme(app)
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
