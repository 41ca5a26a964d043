"""Board packs built once per test session (building one takes up to a second)."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from smbplanner.report import ReportOptions, build_board_pack
from smbplanner.sample import sample_plan
from tests.report.plans import empty_plan, hostile_plan

AS_OF = date(2026, 11, 23)


class Pack:
    """A built PDF and what pypdf reads back from it."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.reader = PdfReader(io.BytesIO(pdf))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        self.text = "\n".join(self.pages)

    def contains(self, text: str) -> bool:
        """Whether ``text`` is printed, ignoring how lines wrap."""
        return _squash(text) in _squash(self.text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def build(plan: Any, **options: Any) -> Pack:
    return Pack(build_board_pack(plan, ReportOptions(as_of=AS_OF, **options)))


@pytest.fixture(scope="session")
def sample_pack() -> Pack:
    return build(sample_plan())


@pytest.fixture(scope="session")
def empty_pack() -> Pack:
    return build(empty_plan())


@pytest.fixture(scope="session")
def large_pack() -> Pack:
    """The 300-initiative plan's default pack."""
    from smbplanner.sample import large_plan

    return build(large_plan())


@pytest.fixture(scope="session")
def hostile_pack() -> Pack:
    return build(hostile_plan())
