"""Help ▸ User guide: the offline guide from ``resources/guide/guide.html`` in a browser
dialog, with this computer's data and backup folders added at the end."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from smbplanner.resources import resource
from smbplanner.storage.paths import backup_dir, data_dir

GUIDE = ("guide", "guide.html")


def _words() -> str:
    """The section "Words used": every term of ``ui/terms.py`` under its own anchor, so a
    term's "?" opens the guide at its meaning."""
    from smbplanner.ui.terms import TERMS, anchor

    rows = "".join(f"<dt><a name='{anchor(key)}'></a><b>{html.escape(term)}</b></dt>"
                   f"<dd>{html.escape(meaning)}</dd>" for key, (term, meaning) in TERMS.items())
    return f"<h2><a name='words'></a>Words used</h2><dl>{rows}</dl>"


def guide_html() -> str:
    """The guide's HTML, ending with where this computer keeps the data and backups."""
    path = resource(*GUIDE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        text = f"<h1>User guide</h1><p>The guide cannot be read: {html.escape(str(e))}</p>"
    return text + _words() + (
        "<h3>On this computer</h3><ul>"
        f"<li>Data folder: <code>{html.escape(str(data_dir()))}</code></li>"
        f"<li>Backups: <code>{html.escape(str(backup_dir()))}</code></li></ul>"
    )


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("SMB Planner user guide"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(
            "h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14px; } "
            "td, th { padding: 4px; } th { text-align: left; } code { font-family: monospace; }"
        )
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 680)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)


def show_guide(parent: QWidget | None) -> GuideDialog:
    """Open the guide, not modal, deleted when closed."""
    dialog = GuideDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
