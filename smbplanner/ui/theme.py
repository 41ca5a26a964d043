"""Light and dark palettes. The app follows the system colour scheme; tests and screenshots
can force either with ``apply_scheme(app, dark=True/False)``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#2f6f9f")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(37, 40, 44), QColor(50, 53, 58), QColor(230, 232, 235)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(56, 59, 64),
        QPalette.ColorRole.ToolTipBase: QColor(50, 53, 58),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(48, 51, 56),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 110, 100),
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(120, 180, 240),
        QPalette.ColorRole.PlaceholderText: QColor(140, 145, 150),
        QPalette.ColorRole.Mid: QColor(70, 74, 80),
        QPalette.ColorRole.Light: QColor(110, 115, 122),
        QPalette.ColorRole.Midlight: QColor(85, 90, 96),
        QPalette.ColorRole.Dark: QColor(20, 21, 23),
        QPalette.ColorRole.Shadow: QColor(8, 8, 10),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 124, 130))
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, ACCENT)
    return p


def apply_scheme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion style with a light or dark palette (None: follow the system)."""
    app.setStyle("Fusion")
    if dark is None:
        dark = system_is_dark()
    app.setPalette(_dark_palette() if dark else _light_palette())

