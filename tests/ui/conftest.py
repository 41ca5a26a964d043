"""UI fixtures: real plan files on disk, real widgets, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smbplanner.domain.model import Business
from smbplanner.sample import sample_plan
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.document import PlanDocument


@pytest.fixture(autouse=True)
def _english_locale() -> Iterator[None]:
    """Numbers shown as an English (US) user sees them, whatever the machine's locale."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.smbplan"
    PlanFile.create(path, sample_plan()).close()
    return path


@pytest.fixture
def document(sample_path: Path, qapp: object) -> Iterator[PlanDocument]:
    """The sample plan open for editing; closed after the test."""
    doc = PlanDocument(PlanFile.open(sample_path))
    yield doc
    doc.close()


@pytest.fixture
def empty_document(tmp_path: Path, qapp: object) -> Iterator[PlanDocument]:
    path = tmp_path / "empty.smbplan"
    doc = PlanDocument(PlanFile.create(path, Business(name="Empty Ltd")))
    yield doc
    doc.close()


def reopen(document: PlanDocument) -> PlanFile:
    """Close the document and open its file read-only, to see what is really stored."""
    path = document.path
    document.close()
    return PlanFile.open(path, readonly=True)
