"""``dump`` writes the same bytes as before the model's fields were declared once
(``domain.fields``): the JSON format of DESIGN §5 is the contract, not an output of the code."""

from __future__ import annotations

from smbplanner.sample import large_plan, sample_plan
from smbplanner.storage.jsonio import parse_document, plan_to_dict
from tests.data.make_dumps import DUMPS, dump_text, sha256


def test_the_sample_plan_dumps_as_expected() -> None:
    text = dump_text(sample_plan())
    assert text == (DUMPS / "sample.json").read_text(encoding="utf-8")


def test_the_large_demo_dumps_as_expected_and_reads_back_the_same() -> None:
    text = dump_text(large_plan())
    assert sha256(text) == (DUMPS / "large.sha256").read_text(encoding="utf-8").strip()
    again = parse_document(text)
    assert dump_text(again) == text
    assert plan_to_dict(again) == plan_to_dict(parse_document(text))
