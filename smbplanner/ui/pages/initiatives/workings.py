"""The “How is this calculated?” window: a figure's working from analysis.workings."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.workings import Working


def working_html(working: Working) -> str:
    """The working as simple HTML: formula, steps, check, per-year table, notes."""
    parts = [f"<h3>{escape(working.title)}</h3>", f"<p><b>{escape(working.formula)}</b></p>"]
    for step in working.steps:
        parts.append(f"<p style='margin-left:18px'>= {escape(step)}</p>")
    if working.check:
        parts.append(f"<p>{escape(working.check)}</p>")
    for line in working.details:
        parts.append(f"<p>{escape(line)}</p>")
    if working.table:
        header, *rows = working.table
        numbers_only = all(cell.isdigit() for cell in (row[0] for row in rows))
        first = "right" if numbers_only else "left"  # year numbers, or row names

        def cells(row: tuple[str, ...], tag: str) -> str:
            return "".join(
                f"<{tag} align='{first if n == 0 else 'right'}'>{escape(v)}</{tag}>"
                for n, v in enumerate(row))

        body = [f"<tr>{cells(header, 'th')}</tr>", *(f"<tr>{cells(r, 'td')}</tr>" for r in rows)]
        parts.append("<table style='margin-top:8px' cellspacing='0' cellpadding='4' border='0'>"
                     + "".join(body) + "</table>")
    for note in working.notes:
        parts.append(f"<p><i>{escape(note)}</i></p>")
    return "".join(parts)


class WorkingDialog(QDialog):
    """A non-modal window showing one working; its owner refreshes it after every edit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("How is this calculated?"))
        self.resize(680, 460)
        self.working: Working | None = None
        self.key = ""
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Working"))
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the working as text"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def show_working(self, key: str, working: Working) -> None:
        self.key, self.working = key, working
        self.setWindowTitle(self.tr("How is this calculated? {0}").format(working.title))
        self.browser.setHtml(working_html(working))

    def text(self) -> str:
        return self.working.text() if self.working else ""

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())
