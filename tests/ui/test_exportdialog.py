"""File ▸ Export PDF…: the dialog builds the board pack that the options describe."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import Scenario
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.exportdialog import ExportDialog


def _dialog(qtbot: QtBot, document: PlanDocument, target: Path) -> ExportDialog:
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.ask_save_path = lambda: target
    dialog.show()
    return dialog


def test_export_chosen_sections_letter_paper(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path
) -> None:
    target = tmp_path / "pack.pdf"
    dialog = _dialog(qtbot, document, target)
    for key, check in dialog.sections.items():
        check.setChecked(key in ("cover", "summary", "portfolio"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.scenario.setCurrentIndex(dialog.scenario.findData(Scenario.PESSIMISTIC))
    dialog.footer.setText("Board only — R&D <b>draft</b>")
    opened: list[Path] = []
    dialog.open_file = opened.append
    assert not dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file()
    assert dialog.progress.value() == dialog.progress.maximum() > 0
    reader = PdfReader(target)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Executive summary" in text and "Initiative portfolio" in text
    assert "Risks" not in text.split("Initiative portfolio", 1)[0]
    assert "Board only — R&D <b>draft</b>" in text
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == 612  # US Letter
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [target]


def test_no_section_or_missing_logo_is_refused_and_nothing_written(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path
) -> None:
    target = tmp_path / "pack.pdf"
    dialog = _dialog(qtbot, document, target)
    for check in dialog.sections.values():
        check.setChecked(False)
    assert not dialog.export()
    assert dialog.error.text() == "choose at least one section"
    dialog.sections["cover"].setChecked(True)
    dialog.logo.setText(str(tmp_path / "nope.png"))
    assert not dialog.export()
    assert "no such logo image" in dialog.error.text()
    assert not target.exists()


def test_cancel_during_export_writes_nothing(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "pack.pdf"
    target.parent.mkdir()
    dialog = _dialog(qtbot, document, target)
    original = dialog._progress

    def cancel_midway(step: int, steps: int, what: str) -> bool:
        if step >= 2:
            dialog._cancel = True
        return original(step, steps, what)

    dialog._progress = cancel_midway  # type: ignore[method-assign]
    assert not dialog.export()
    assert "cancelled" in dialog.status.text()
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_the_owner_chooses_which_initiatives_get_a_page(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path
) -> None:
    """As ``export --detail`` and ``--detail-statuses``: the level and the statuses."""
    from smbplanner.domain.enums import InitiativeStatus

    target = tmp_path / "pack.pdf"
    dialog = _dialog(qtbot, document, target)
    assert dialog.options().detail == "ask"
    assert InitiativeStatus.DONE in dialog.options().detail_statuses
    for key, check in dialog.sections.items():
        check.setChecked(key in ("proposals", "initiatives"))
    dialog.detail.setCurrentIndex(dialog.detail.findData("all"))
    for key, check in dialog.detail_statuses.items():
        check.setChecked(key == "proposed")
    options = dialog.options()
    assert (options.detail, options.detail_statuses) == ("all", (InitiativeStatus.PROPOSED,))
    assert dialog.export()
    text = [page.extract_text() for page in PdfReader(target).pages]
    proposed = [i for i in document.plan().initiatives
                if i.status == InitiativeStatus.PROPOSED]
    assert sum("Figures in three scenarios" in page for page in text) == len(proposed)
    dialog.detail.setCurrentIndex(dialog.detail.findData("none"))
    assert not dialog.detail_statuses["approved"].isEnabled()
    assert dialog.export()
    text = [page.extract_text() for page in PdfReader(target).pages]
    assert not any("Figures in three scenarios" in page for page in text)
