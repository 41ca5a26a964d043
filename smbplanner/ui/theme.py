"""Light and dark palettes. The app follows the system colour scheme; tests and screenshots
can force either with ``apply_scheme(app, dark=True/False)``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#2f6f9f")


#: The error red on a light and on a dark window.
ERROR_RED = ("#c0392b", "#ff8a7a")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (by default the application's) has a dark window."""
    used = palette if palette is not None else QApplication.palette()
    return used.color(QPalette.ColorRole.Window).lightness() < 128


def error_red(palette: QPalette | None = None) -> str:
    """The error red that reads on ``palette``'s window (by default the application's)."""
    return ERROR_RED[1] if is_dark(palette) else ERROR_RED[0]


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


#: Qt's Fusion light palette (its ``standardPalette()``, Qt 6.6–6.11, derived the same way
#: from one grey), with our accent. Written out rather than asked of the style, because asking
#: creates Python types for QStyle's large enums (about 10 ms of the start-up); and a palette
#: of our own stays the same whatever Qt version or desktop theme is installed.
_GREY = QColor(239, 239, 239)
_MID, _DARK = _GREY.darker(130), _GREY.darker(150)
_SHADOW = _DARK.darker(135)
#: role -> (active and inactive colour, disabled colour)
_LIGHT: dict[QPalette.ColorRole, tuple[QColor, QColor]] = {
    QPalette.ColorRole.WindowText: (QColor("#000000"), QColor("#bebebe")),
    QPalette.ColorRole.Button: (_GREY, _GREY),
    QPalette.ColorRole.Light: (QColor("#ffffff"), QColor("#ffffff")),
    QPalette.ColorRole.Midlight: (_MID.lighter(110), _MID.lighter(110)),
    QPalette.ColorRole.Dark: (_DARK, QColor("#bebebe")),
    QPalette.ColorRole.Mid: (_MID, _MID),
    QPalette.ColorRole.Text: (QColor("#000000"), QColor("#bebebe")),
    QPalette.ColorRole.BrightText: (QColor("#ffffff"), QColor("#ffffff")),
    QPalette.ColorRole.ButtonText: (QColor("#000000"), QColor("#bebebe")),
    QPalette.ColorRole.Base: (QColor("#ffffff"), _GREY),
    QPalette.ColorRole.Window: (_GREY, _GREY),
    QPalette.ColorRole.Shadow: (_SHADOW, _SHADOW.lighter(150)),
    QPalette.ColorRole.Highlight: (ACCENT, ACCENT),
    QPalette.ColorRole.HighlightedText: (QColor("#ffffff"), QColor("#ffffff")),
    QPalette.ColorRole.Link: (QColor("#0000ff"), QColor("#0000ff")),
    QPalette.ColorRole.LinkVisited: (QColor("#ff00ff"), QColor("#ff00ff")),
    QPalette.ColorRole.AlternateBase: (QColor("#f7f7f7"), QColor("#f7f7f7")),
    QPalette.ColorRole.ToolTipBase: (QColor("#ffffdc"), QColor("#ffffdc")),
    QPalette.ColorRole.ToolTipText: (QColor("#000000"), QColor("#000000")),
    QPalette.ColorRole.PlaceholderText: (QColor(0, 0, 0, 128), QColor(0, 0, 0, 128)),
    QPalette.ColorRole.Accent: (QColor("#308cc6"), QColor("#919191")),
}


def _light_palette() -> QPalette:
    p = QPalette()
    for role, (normal, greyed) in _LIGHT.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            p.setColor(group, role, normal)
        p.setColor(QPalette.ColorGroup.Disabled, role, greyed)
    return p


#: The arguments that make a new QApplication start with the Fusion style, so that
#: ``apply_scheme(app, set_style=False)`` need not set it again (see ``create_app``).
FUSION_ARGS = ["-style", "Fusion"]


#: View ▸ Theme: follow the system, or always light or dark (remembered in the settings).
THEMES = ("system", "light", "dark")
_chosen = "system"


def chosen_theme() -> str:
    return _chosen


def choose_theme(app: QApplication, theme: str, *, set_style: bool = True) -> None:
    """Use ``theme`` (one of ``THEMES``; anything else means "system") from now on."""
    global _chosen
    _chosen = theme if theme in THEMES else "system"
    apply_scheme(app, None if _chosen == "system" else _chosen == "dark", set_style=set_style)


def follow_system(app: QApplication) -> None:
    """The system switched between light and dark: follow it unless a theme was chosen."""
    if _chosen == "system":
        apply_scheme(app)


def apply_scheme(app: QApplication, dark: bool | None = None, *, set_style: bool = True) -> None:
    """Fusion style with a light or dark palette (None: follow the system); ``set_style``
    False when the app was started with ``FUSION_ARGS``."""
    if dark is None:
        dark = system_is_dark()
    app.setPalette(_dark_palette() if dark else _light_palette())
    if set_style:  # after the palette: re-polishing then restyles style-sheet widgets in it
        app.setStyle("Fusion")

