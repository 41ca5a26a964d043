"""The board pack read back with pypdf: sections, names, page numbers, fonts, determinism."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.headlines import funded_initiatives, plan_totals
from smbplanner.domain.enums import InitiativeStatus, Scenario
from smbplanner.domain.numbers import units
from smbplanner.report import SECTIONS, ExportCancelled, ReportError, ReportOptions
from smbplanner.report import build_board_pack as build_pdf
from smbplanner.report.text import money
from smbplanner.sample import sample_plan
from tests.report.conftest import AS_OF, Pack, build
from tests.report.plans import GREEK_CYRILLIC, HOSTILE_NAMES, LONG_WORD, MARKUP, RD

HEADINGS = [title for key, title in SECTIONS if key != "cover"]


def test_every_section_heading_and_initiative_name_is_printed(sample_pack: Pack) -> None:
    plan = sample_plan()
    for title in HEADINGS:
        assert sample_pack.contains(title), title
    for initiative in plan.initiatives:
        assert sample_pack.contains(initiative.name), initiative.name
    assert sample_pack.contains(plan.business.name)
    assert sample_pack.contains("IT strategy and roadmap 2026–2030")
    for initiative in funded_initiatives(plan):  # each has its own page, with its heading
        assert any(page.count(initiative.name) and "Figures in three scenarios" in page
                   for page in sample_pack.pages), initiative.name


def test_the_contents_give_the_right_page_for_each_section(sample_pack: Pack) -> None:
    contents = next(page for page in sample_pack.pages if "Contents" in page)
    lines = [line.strip() for line in contents.splitlines()]
    for title in (t for t in HEADINGS if t != "Contents"):
        at = lines.index(title)
        number = int(next(line for line in lines[at + 1 :] if line.isdigit()))
        assert title in sample_pack.pages[number - 1], (title, number)


@pytest.mark.parametrize("name", ["sample_pack", "empty_pack", "hostile_pack"])
def test_page_x_of_y_on_every_page(name: str, request: pytest.FixtureRequest) -> None:
    pack: Pack = request.getfixturevalue(name)
    total = len(pack.pages)
    for n, page in enumerate(pack.pages, start=1):
        assert f"Page {n} of {total}" in page


def _fonts(resources: Any) -> list[DictionaryObject]:
    found = []
    fonts = resources.get("/Font")
    if fonts is not None:
        found += [ref.get_object() for ref in fonts.get_object().values()]
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            found += _fonts(xobject["/Resources"].get_object())
    return found


@pytest.mark.parametrize("name", ["sample_pack", "hostile_pack"])
def test_every_font_is_embedded(name: str, request: pytest.FixtureRequest) -> None:
    pack: Pack = request.getfixturevalue(name)
    seen = set()
    for page in pack.reader.pages:
        for font in _fonts(page["/Resources"].get_object()):
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert seen <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique",
                    "DejaVuSans-BoldOblique"}
    assert "DejaVuSans" in seen


def test_hostile_text_reads_back_without_warnings(
    hostile_pack: Pack, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        for page in PdfReader(io.BytesIO(hostile_pack.pdf)).pages[:25]:
            page.extract_text()
    assert not caplog.records  # e.g. no broken ToUnicode map for characters beyond the BMP


def test_hostile_names_print_literally(hostile_pack: Pack) -> None:
    assert RD in hostile_pack.text  # on one line: not parsed as markup
    for text in (GREEK_CYRILLIC, "</para><para>&amp; <br/> <font size=40>big</font>"):
        assert hostile_pack.contains(text), text
    assert hostile_pack.contains(LONG_WORD[:100])
    assert "\x00" not in hostile_pack.text and "\x07" not in hostile_pack.text
    assert "□" in hostile_pack.text  # characters the font lacks: a square, not a crash
    assert len(HOSTILE_NAMES) == sum(1 for page in hostile_pack.pages
                                     if "Figures in three scenarios" in page and "Page" in page)


def test_the_same_plan_gives_the_same_bytes() -> None:
    first = build_pdf(sample_plan(), ReportOptions(as_of=AS_OF))
    assert build_pdf(sample_plan(), ReportOptions(as_of=AS_OF)) == first
    assert b"/CreationDate" not in first or b"D:20000101" in first  # reportlab's invariant


def test_an_empty_plan_gives_a_short_sensible_pack(empty_pack: Pack) -> None:
    assert len(empty_pack.pages) <= 7  # cover, decision, contents and four of sections
    for title in HEADINGS:  # but Delivery and benefits, printed only with actuals
        assert empty_pack.contains(title) == (title != "Delivery and benefits"), title
    for message in ("No initiatives yet.", "No business goals set yet.",
                    "No risks recorded yet.", "No budget and no planned spend yet."):
        assert empty_pack.contains(message), message


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("name", ["sample_pack", "empty_pack", "hostile_pack"])
def test_qpdf_check_passes(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    pack: Pack = request.getfixturevalue(name)
    path = tmp_path / "pack.pdf"
    path.write_bytes(pack.pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_chosen_sections_only_on_letter_paper_with_landscape_roadmap() -> None:
    pack = build(sample_plan(), sections=("roadmap", "summary"), paper="letter")
    assert pack.contains("Executive summary") and pack.contains("Roadmap")
    for title in ("Contents", "Priority grid", "Risk register", "Appendix"):
        assert not pack.contains(title), title
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pack.reader.pages]
    assert sizes[0] == (612, 792)  # the summary: portrait letter
    assert (792, 612) in sizes  # the roadmap: landscape


def test_numbers_are_those_of_the_analysis() -> None:
    plan = sample_plan()
    for scenario in (Scenario.LIKELY, Scenario.PESSIMISTIC):
        pack = build(plan, sections=("summary", "portfolio"), scenario=scenario)
        totals = plan_totals(plan, scenario)
        # the totals printed are the sums of the printed rows (analysis.rounding)
        assert pack.contains(units(totals.tco, "EUR"))
        assert pack.contains(units(totals.npv, "EUR"))
        for initiative in plan.initiatives:
            figures = initiative_figures(initiative, plan.business, scenario)
            assert figures is not None
            assert pack.contains(money(figures.tco_cents)), initiative.name


def test_cancelled_initiatives_are_listed_but_not_counted() -> None:
    plan = sample_plan()
    plan.initiatives[0].status = InitiativeStatus.CANCELLED
    pack = build(plan, sections=("portfolio",))
    assert pack.contains(plan.initiatives[0].name)
    # the sample has one initiative on hold: not counted either, as in the budget
    assert pack.contains(f"Total of {len(plan.initiatives) - 2} counted initiatives")
    assert pack.contains("Cancelled not counted")  # the status cell's two lines


def test_progress_is_reported_and_can_cancel() -> None:
    calls: list[tuple[int, int, str]] = []

    def progress(step: int, steps: int, what: str) -> bool:
        calls.append((step, steps, what))
        return True

    build_pdf(sample_plan(), ReportOptions(sections=("cover", "summary")), progress)
    assert calls[0] == (0, 3, "Preparing cover") and calls[-1] == (3, 3, "Done")
    assert any(what.startswith("Laying out page") for _, _, what in calls)
    with pytest.raises(ExportCancelled):
        build_pdf(sample_plan(), ReportOptions(), lambda step, steps, what: step < 2)


def test_unusable_options_are_refused(tmp_path: Path) -> None:
    plan = sample_plan()
    for options in (ReportOptions(sections=("cover", "nonsense")), ReportOptions(sections=()),
                    ReportOptions(paper="a3"), ReportOptions(logo_path=tmp_path / "none.png")):
        with pytest.raises(ReportError):
            build_pdf(plan, options)
    bad = tmp_path / "bad.png"
    bad.write_text("not an image")
    with pytest.raises(ReportError, match="logo"):
        build_pdf(plan, ReportOptions(sections=("cover",), logo_path=bad))


def test_a_logo_on_the_cover(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    logo = tmp_path / "logo.png"
    image.new("RGB", (300, 120), (47, 111, 159)).save(logo)
    pdf = build_pdf(sample_plan(), ReportOptions(sections=("cover",), logo_path=logo,
                                                 footer="For the board only"))
    reader = PdfReader(io.BytesIO(pdf))
    assert "/XObject" in reader.pages[0]["/Resources"]
    assert "For the board only" in reader.pages[0].extract_text()


def test_markup_in_the_footer_is_literal() -> None:
    pack = build(sample_plan(), sections=("summary",), footer=MARKUP)
    assert "</para><para>&amp;" in pack.text


def test_an_incomplete_plan_is_marked_draft(empty_pack: Pack, sample_pack: Pack) -> None:
    assert "DRAFT — INCOMPLETE" in empty_pack.pages[0]
    assert empty_pack.contains("Missing before the board can decide")
    for what in ("No business goals are set.", "No budget is set for any year.",
                 "No steering committee is named."):
        assert empty_pack.contains(what), what
    assert "DRAFT" not in sample_pack.pages[0] and not sample_pack.contains("Draft — incomplete")


def test_past_due_initiatives_are_flagged_in_the_portfolio(sample_pack: Pack) -> None:
    page = next(p for p in sample_pack.pages if "Initiative portfolio" in p
                and "Run vs Change" in p)
    flat = " ".join(page.split())
    assert flat.count("past due since the end of Q") == 2  # MFA (Q1 2026), Wi-Fi (Q3 2026)
    assert "the end of Q1 2026" in flat and "the end of Q3 2026" in flat
    assert "2 initiatives are past due" in flat


def test_the_appendix_explains_the_terms_in_plain_words(sample_pack: Pack) -> None:
    for term in ("TCO (total cost of ownership).", "NPV (net present value).",
                 "IRR (internal rate of return).", "Payback.", "Run / Change.", "RACI."):
        assert sample_pack.contains(term), term


@pytest.mark.parametrize("name", ["sample_pack", "empty_pack", "large_pack"])
def test_no_page_holds_only_a_scrap(name: str, request: pytest.FixtureRequest) -> None:
    """No page with just a footnote, a RACI line or a table's last row: every page but the
    cover has more than four lines besides its header and footer."""
    pack: Pack = request.getfixturevalue(name)
    for number, page in enumerate(pack.pages[1:], start=2):
        body = [line for line in page.splitlines()
                if line.strip() and not line.startswith("Page ")
                and "IT strategy and roadmap" not in line and "Confidential" not in line]
        assert len(body) > 4, (number, body)
