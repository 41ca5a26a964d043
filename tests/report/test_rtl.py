"""Hebrew and Arabic in the board pack: glyphs the font has, joined Arabic letters, display
order line by line, and a pack that reads back (pypdf) with the words in reading order."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from smbplanner.domain.model import Plan
from smbplanner.report.rtl import has_rtl, order, visual
from smbplanner.report.styles import Styles, UserPara, _bidi_lines
from smbplanner.report.text import BOLD, FONT, MISSING, clean, fit, para, printable, shaped
from smbplanner.sample import sample_plan
from tests.report.conftest import Pack, build
from tests.report.plans import ARABIC, CJK, EMOJI, RD

HEBREW = "מערכת ניהול לקוחות (שלב 2)"
WORDS = ["אחת", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר"]


def _nfkc(text: str) -> str:
    """Arabic presentation forms (what the PDF holds) back to plain letters."""
    return unicodedata.normalize("NFKC", text)


def test_hebrew_is_put_in_display_order_with_brackets_mirrored() -> None:
    assert clean("שלום") == "םולש"
    assert clean(HEBREW) == "(2 בלש) תוחוקל לוהינ תכרעמ"
    assert clean("CRM for שלום עולם now") == "CRM for םלוע םולש now"  # left-to-right base
    assert visual("abc", 1) == "abc" and clean("Plain text") == "Plain text"
    assert [i for i, _ in order("אב cd")] == [3, 4, 2, 1, 0]


def test_arabic_is_joined_into_forms_the_font_has() -> None:
    shown = clean(ARABIC)
    assert MISSING not in shown
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in shown)  # contextual forms
    assert _nfkc(shaped(ARABIC)) == ARABIC  # shaping keeps the letters, in logical order
    for font in (FONT, BOLD):
        face = pdfmetrics.getFont(font).face
        for ch in shown + clean(HEBREW):
            assert ord(ch) in face.charToGlyph, (font, hex(ord(ch)))  # no .notdef box


def test_markup_in_right_to_left_text_stays_literal() -> None:
    # logical order, isolated from the pack's words around it
    assert para("R&D <b>שלום</b>") == "\u2068R&amp;D &lt;b&gt;שלום&lt;/b&gt;\u2069"
    assert printable("<b>שלום</b>") == "<b>םולש</b>"  # left-to-right base ("b" comes first)
    assert printable("שלום <עולם>") == "<םלוע> םולש"  # right-to-left: brackets mirrored


def test_user_text_in_a_sentence_does_not_pull_the_next_number_into_it() -> None:
    sentence = f"1. {para('מערכת ניהול (שלב 2)')}; 3. Website"
    assert visual(sentence, 0) == "1. (2 בלש) לוהינ תכרעמ; 3. Website"


def test_a_right_to_left_label_cut_to_fit_keeps_its_start() -> None:
    label = fit(clean("מערכת ניהול לקוחות מתקדמת מאוד"), 60)
    assert label.startswith("…") and label.endswith("תכרעמ")  # "מערכת" read from the right
    assert fit("Central ordering and production", 60).endswith("…")


def test_cjk_and_emoji_print_as_squares_not_crash() -> None:
    assert set(clean(CJK).replace(" ", "")) == {MISSING}
    assert MISSING in clean(EMOJI)


def test_a_long_right_to_left_paragraph_starts_on_the_right_of_its_first_line() -> None:
    text = " ".join(f"{w}{n}" for n, w in enumerate(WORDS * 2))
    for value in (text, text + "\nשורה"):
        paragraph = Styles().p(value)
        assert isinstance(paragraph, UserPara)
        paragraph.wrap(150, 1000)
        lines = _bidi_lines(paragraph.blPara, 1).lines
        if paragraph.blPara.kind == 0:
            first = " ".join(lines[0][1])
        else:
            first = "".join(f.text for f in lines[0].words)
        assert len(lines) > 2
        assert first.split()[-1] == "0תחא"  # the first word ("אחת0") at the right


def _rtl_plan() -> Plan:
    plan = sample_plan()
    first, second = plan.initiatives[0], plan.initiatives[1]
    plan.initiatives[0] = replace(first, name=HEBREW,
                                  description=" ".join(WORDS * 8) + "\n" + ARABIC)
    plan.initiatives[1] = replace(second, name=ARABIC)
    plan.business = replace(plan.business, name="מאפיית הנמל בע״מ")
    return plan


@pytest.fixture(scope="module")
def rtl_pack() -> Pack:
    return build(_rtl_plan())


def test_right_to_left_names_read_back_in_reading_order(rtl_pack: Pack) -> None:
    text = _nfkc(rtl_pack.text)
    assert ARABIC in text  # pypdf reorders right-to-left runs when it extracts text
    assert "מערכת ניהול לקוחות" in text
    assert "מאפיית הנמל" in text  # in the header of every page
    rtl_lines = [line for line in rtl_pack.text.splitlines() if has_rtl(line)]
    assert len(rtl_lines) > 20 and not any(MISSING in line for line in rtl_lines)


def test_right_to_left_pack_is_deterministic_and_valid(rtl_pack: Pack, tmp_path: Path) -> None:
    assert build(_rtl_plan()).pdf == rtl_pack.pdf
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    path = tmp_path / "rtl.pdf"
    path.write_bytes(rtl_pack.pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_user_text_mixing_latin_and_hebrew_prints_literally() -> None:
    plan = _rtl_plan()
    plan.initiatives[0] = replace(plan.initiatives[0], name=f"{RD} שלום")
    pack = build(plan, sections=("portfolio", "initiatives"))
    assert pack.contains(RD) and "שלום" in pack.text
