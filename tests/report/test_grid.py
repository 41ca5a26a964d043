"""The priority grid: names on the board are whole or absent (never cut), and a large plan
draws its largest initiatives and lists every other one."""

from __future__ import annotations

from smbplanner.report.grid import LABELS_UP_TO, label_lines
from smbplanner.sample import large_plan, sample_plan
from tests.report.conftest import Pack, build


def test_labels_are_whole_names_or_none() -> None:
    from smbplanner.report.text import register_fonts

    register_fonts()
    assert label_lines("Branded loyalty app") == ["Branded loyalty app"]
    lines = label_lines("Central ordering and production planning (bakery ERP)")
    assert lines is not None and len(lines) == 2
    assert " ".join(lines) == "Central ordering and production planning (bakery ERP)"
    assert label_lines("Replace the whole estate of ageing tills, scales, printers and "
                       "kitchen screens across every shop") is None
    assert label_lines("X" * 80) is None


def test_the_sample_grid_cuts_no_name(sample_pack: Pack) -> None:
    page = next(p for p in sample_pack.pages if "Priority grid" in p and "Feasibility" in p)
    assert "…" not in page
    assert "Central ordering and production" in page


def test_a_large_grid_draws_the_largest_and_lists_the_rest() -> None:
    plan = large_plan()
    pack = build(plan, sections=("grid",))
    text = " ".join(pack.text.split())
    scored = [i for i in plan.initiatives if i.impact is not None and i.feasibility is not None
              and i.status.value != "cancelled"]
    assert f"The {LABELS_UP_TO} largest by total cost of ownership are drawn" in text
    assert f"Not drawn: the other {len(scored) - LABELS_UP_TO} scored initiatives" in text
    for initiative in plan.initiatives:
        if initiative.status.value != "cancelled":
            assert " ".join(initiative.name.split()) in text, initiative.name
    assert "…" not in text


def test_the_grid_key_lists_every_sample_initiative_once() -> None:
    plan = sample_plan()
    pack = build(plan, sections=("grid",))
    for initiative in plan.initiatives:
        assert pack.contains(initiative.name)
