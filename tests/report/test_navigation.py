"""Bookmarks and contents links lead to the page that holds their heading (issue 17: every
one of them used to land on page 1, because the canvas holds its pages until the end)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from tests.report.conftest import Pack


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(reader: PdfReader, items: list | None = None) -> list:
    flat = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            flat += _outline(reader, item)
        else:
            flat.append(item)
    return flat


@pytest.mark.parametrize("name", ["sample_pack", "empty_pack", "large_pack"])
def test_each_outline_entry_leads_to_the_page_with_its_heading(
    name: str, request: pytest.FixtureRequest
) -> None:
    pack: Pack = request.getfixturevalue(name)
    entries = _outline(pack.reader)
    assert entries
    pages = []
    for entry in entries:
        page = pack.reader.get_destination_page_number(entry)
        title = _squash(str(entry.title))
        assert title[:40] in _squash(pack.pages[page]), (entry.title, page + 1)
        pages.append(page)
    assert len(set(pages)) > 1 or len(entries) == 1


def test_each_contents_link_leads_to_the_page_its_line_prints(sample_pack: Pack) -> None:
    reader = sample_pack.reader
    contents = next(n for n, page in enumerate(sample_pack.pages) if "Contents" in page)
    printed = [int(line) for line in sample_pack.pages[contents].split()
               if line.isdigit()]
    links = []
    for ref in reader.pages[contents].get("/Annots") or []:
        annot = ref.get_object()
        assert isinstance(annot, DictionaryObject)
        dest = annot.get("/Dest")
        if dest is None:
            continue
        if not isinstance(dest, ArrayObject):
            dest = reader.named_destinations[str(dest)]
            page = reader.get_destination_page_number(dest)
        else:
            page = reader.get_page_number(dest[0].get_object())
        links.append((-float(annot["/Rect"][1]), page + 1))
    assert len(links) > 5
    assert [page for _, page in sorted(links)] == printed[: len(links)]
