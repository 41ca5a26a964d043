"""File ▸ New plan: the guided wizard through phase 1, driven as a user would, from the main
window to the stored file; and Help ▸ User guide."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import Perspective
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.guide import GuideDialog
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.newplanwizard import NewPlanWizard
from smbplanner.ui.settings import AppSettings


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _when_wizard_shows(drive: Callable[[NewPlanWizard], None]) -> list[str]:
    """Run ``drive`` on the modal wizard once it is shown; returns errors met on the way."""
    errors: list[str] = []

    def poll() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, NewPlanWizard):
            QTimer.singleShot(20, poll)
            return
        try:
            drive(wizard)
        except AssertionError as e:  # report in the test, and do not leave the loop hanging
            errors.append(str(e))
            wizard.reject()

    QTimer.singleShot(0, poll)
    return errors


def _fill(wizard: NewPlanWizard) -> None:
    page = wizard.business_page
    wizard.next()
    assert wizard.currentPage() is page, "an empty name must keep the owner on step 1"
    assert page.error.isVisible() and page.error.text().startswith("Business name:")
    page.name.setText("Smile Dental")
    page.industry.setText("Dental clinic")
    page.currency.setCurrentText("usd")
    page.horizon.setValue(3)
    wizard.next()
    goals = wizard.goals_page
    assert wizard.currentPage() is goals
    wizard.next()
    assert wizard.currentPage() is goals, "at least one goal is needed"
    assert goals.error.text() == "Goal 1: write at least one business goal"
    goals.titles[0].setText("Fill 90 % of chair hours")
    goals.weights[0].setValue(5)
    goals.titles[2].setText("  Online booking for every patient  ")
    goals.perspectives[2].setCurrentIndex(goals.perspectives[2].findData(Perspective.CUSTOMER))
    wizard.next()
    vision = wizard.vision_page
    assert wizard.currentPage() is vision
    vision.vision.setPlainText("Patients book and pay in a minute.")
    vision.mission.setPlainText("Simple, secure systems the staff trust.")
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Create plan…"
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_the_wizard_creates_the_plan_with_goals_and_vision(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "clinic.smbplan"
    suggested: list[str] = []
    window.files.ask_save_path = lambda title, name: suggested.append(name) or target
    errors = _when_wizard_shows(_fill)
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert suggested == ["Smile Dental.smbplan"]
    assert window.windowTitle().startswith("Smile Dental — clinic.smbplan")
    # as the wizard's last page says: the Assessment page comes next, and the side bar's
    # guide says what to do there
    assert window.nav.currentItem().text() == "Assessment"
    assert window.pages.currentWidget().title == "Assessment"  # type: ignore[attr-defined]
    window.files.document.complete()  # type: ignore[union-attr]  # read after the first paint
    guide = window.guide
    assert guide.heading.text().startswith("<b>Phase 2 of 5 · Assessment</b>")
    assert "▸&nbsp;</td><td><b>SWOT: at least one strength" in guide.steps.text()
    window.nav.setCurrentRow(0)
    assert guide.heading.text().startswith("<b>Phase 1 of 5 · Destination</b>")
    assert guide.steps.text().count("✓") == 2  # industry and vision; one goal of 3 to 5
    window.files.close_plan()
    with PlanFile.open(target, readonly=True) as f:
        plan = f.load()
    b = plan.business
    assert (b.name, b.industry, b.currency, b.horizon_years) == (
        "Smile Dental", "Dental clinic", "USD", 3)
    assert b.it_vision == "Patients book and pay in a minute."
    assert b.it_mission == "Simple, secure systems the staff trust."
    assert [(g.title, g.weight, g.perspective) for g in plan.goals] == [
        ("Fill 90 % of chair hours", 5, Perspective.FINANCIAL),
        ("Online booking for every patient", 3, Perspective.CUSTOMER),
    ]


def test_cancelling_the_wizard_creates_nothing(window: MainWindow, tmp_path: Path) -> None:
    asked: list[str] = []
    window.files.ask_save_path = lambda title, name: asked.append(name) or tmp_path / "x.smbplan"

    def cancel(wizard: NewPlanWizard) -> None:
        wizard.business_page.name.setText("Never Ltd")
        wizard.next()
        wizard.button(QWizard.WizardButton.CancelButton).click()

    errors = _when_wizard_shows(cancel)
    window.actions.new.trigger()
    assert errors == [] and asked == []
    assert list(tmp_path.glob("*.smbplan")) == []
    assert window.stack.currentWidget() is window.welcome


def test_user_guide_from_the_help_menu(window: MainWindow) -> None:
    window.actions.guide.trigger()
    dialogs = window.findChildren(GuideDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    text = dialogs[0].browser.toPlainText()
    for phrase in (
        "Destination", "Assessment", "Prioritise", "Govern", "Measure",
        "flow(t) = b·benefits(t) − c·costs(t)", "TCO = Σ c·costs(t)",
        "ROI % = (Σ b·benefits(t) − TCO) / TCO × 100", "NPV = Σ flow(t) / (1+r)^t",
        "(t−1) + (−C(t−1) / flow(t))", "the rate at which NPV = 0", "Discounted payback",
        "Quick wins", "Strategic bets", "Back burner", "Unscored",
        f"Backups: {os.environ['SMBPLANNER_DATA_DIR']}",  # this computer's folder
        "every 30 minutes while you edit", "File ▸ Restore from backup…",
    ):
        assert phrase in text, phrase
    assert window.actions.guide.isEnabled()  # no plan needed


def test_welcome_offers_the_guided_start_and_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    welcome = window.welcome
    assert welcome.new_button.isDefault()
    assert "New plan" in welcome.findChild(QLabel).text()  # the first-run advice
    qtbot.mouseClick(welcome.guide_button, Qt.MouseButton.LeftButton)
    assert len(window.findChildren(GuideDialog)) == 1
