"""File ▸ Export PDF…: choose the sections, paper, scenario, logo and footer of the board pack,
and which initiatives get a page of their own (as ``export --detail`` and
``--detail-statuses``), build it with a progress bar, and open it when done. The PDF is
built by ``report`` (reportlab is imported only when the first export starts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.enums import Scenario, label
from smbplanner.report.options import (
    DEFAULT_FOOTER,
    DETAIL_STATUSES,
    SECTIONS,
    ReportError,
    ReportOptions,
)
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.filecopy import check_output, write_atomically
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.widgets import ErrorLine


class ExportDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Export board pack (PDF)"))
        self.written: Path | None = None
        self._cancel = False
        #: Asked for the target file; tests answer it without a modal file dialog.
        self.ask_save_path: Callable[[], Path | None] = self._ask_save_path
        self.open_file: Callable[[Path], object] = lambda p: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(p))
        )

        self.sections: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(box)
        for n, (key, title) in enumerate(SECTIONS):
            check = QCheckBox(title)
            check.setChecked(True)
            self.sections[key] = check
            grid.addWidget(check, n % 7, n // 7)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.scenario = QComboBox()
        for scenario in Scenario:
            self.scenario.addItem(label(scenario), scenario)
        self.scenario.setCurrentIndex(self.scenario.findData(Scenario.LIKELY))
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("optional PNG or JPEG"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose a logo image"))
        browse.clicked.connect(self._browse_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.footer = QLineEdit(DEFAULT_FOOTER)
        self.detail = QComboBox()
        self.detail.addItem(self.tr("The 12 largest proposed and the 12 largest funded"), "ask")
        self.detail.addItem(self.tr("Every initiative"), "all")
        self.detail.addItem(self.tr("None (tables only)"), "none")
        self.detail.setToolTip(self.tr(
            "Which initiatives get a business case page of their own; the others are rows "
            "of a table. In a large plan the default keeps the pack readable."))
        self.detail_statuses: dict[str, QCheckBox] = {}
        statuses = QHBoxLayout()
        for status in DETAIL_STATUSES:
            check = QCheckBox(label(status))
            check.setChecked(True)
            self.detail_statuses[status.value] = check
            statuses.addWidget(check)
        statuses.addStretch(1)
        self.detail.currentIndexChanged.connect(self._detail_changed)
        form = QFormLayout()
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Scenario"), self.scenario)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Footer text"), self.footer)
        form.addRow(self.tr("Business case pages"), self.detail)
        form.addRow(self.tr("Statuses with pages"), statuses)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.error = ErrorLine()
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Open PDF"))
        self.open_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(lambda: self.written and self.open_file(self.written))
        self.close_button.clicked.connect(self._close_or_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.open_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def options(self) -> ReportOptions:
        logo = self.logo.text().strip()
        return ReportOptions(
            sections=tuple(k for k, c in self.sections.items() if c.isChecked()),
            paper=str(self.paper.currentData()),
            scenario=Scenario(self.scenario.currentData()),
            logo_path=Path(logo) if logo else None,
            footer=self.footer.text(),
            detail=str(self.detail.currentData()),
            detail_statuses=tuple(s for s in DETAIL_STATUSES
                                  if self.detail_statuses[s.value].isChecked()),
        )

    def _detail_changed(self) -> None:
        """With no pages at all, the statuses have nothing to choose."""
        paged = self.detail.currentData() != "none"
        for check in self.detail_statuses.values():
            check.setEnabled(paged)

    def _ask_save_path(self) -> Path | None:
        suggested = self.document.path.with_suffix(".pdf")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(suggested), "PDF (*.pdf)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def _browse_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), "", "Images (*.png *.jpg *.jpeg)"
        )
        if name:
            self.logo.setText(name)

    def _close_or_cancel(self) -> None:
        if (
            self.progress.maximum()
            and self.progress.value() < self.progress.maximum()
            and not self.export_button.isEnabled()
        ):
            self._cancel = True
        else:
            self.reject()

    def _progress(self, step: int, steps: int, what: str) -> bool:
        self.progress.setMaximum(max(steps, 1))
        self.progress.setValue(min(step, steps))
        self.status.setText(what)
        QApplication.processEvents()
        return not self._cancel

    def export(self) -> bool:
        """Build the PDF and write it; True when a file was written."""
        from smbplanner.report import ExportCancelled, build_board_pack

        self.error.show_message("")
        try:
            options = self.options().checked()
        except ReportError as e:
            self.error.show_message(str(e))
            return False
        target = self.ask_save_path()
        if target is None:
            return False
        self._cancel = False
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        try:
            pdf = build_board_pack(self.document.plan(), options, progress=self._progress)
            # The save dialog asked before overwriting; a plan file is never overwritten.
            check_output(target, force=True, sources=[self.document.path])
            write_atomically(target, lambda tmp: tmp.write_bytes(pdf), replace=True)
        except ExportCancelled:
            self.status.setText(self.tr("Export cancelled; nothing was written."))
            return False
        except PlanFileError as e:
            self.error.show_message(str(e))
            return False
        except (ReportError, OSError) as e:
            self.error.show_message(f"{target.name}: {e}")
            return False
        finally:
            self.export_button.setEnabled(True)
            self.close_button.setText(self.tr("Close"))
        self.written = target
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("Saved {0}").format(target))
        self.open_button.setEnabled(True)
        return True
