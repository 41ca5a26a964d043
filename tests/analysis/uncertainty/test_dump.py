from __future__ import annotations

import json
import subprocess
import sys

from smbplanner.analysis.plan_figures import plan_figures
from smbplanner.analysis.uncertainty.dump import range_values
from smbplanner.analysis.uncertainty.ranges import NpvRange, plan_ranges
from smbplanner.domain.model import Plan
from smbplanner.sample import sample_plan
from smbplanner.storage.jsonio import dump_document, to_json_text
from tests.analysis.uncertainty.helpers import business, initiative, simple_option

KEYS = {"p10", "p50", "p90", "p_positive", "draws"}


def test_dump_has_a_range_per_initiative_and_for_the_portfolio() -> None:
    plan = sample_plan()
    figures = plan_figures(plan)
    text = json.dumps(figures, allow_nan=False)  # serialisable, no NaN
    assert json.loads(text) == figures
    assert to_json_text(dump_document(plan, figures))
    ranges = plan_ranges(plan)
    for entry, found in zip(figures["initiatives"], ranges.initiatives, strict=True):
        assert entry["range"] == range_values(found)
        if found is not None:
            assert set(entry["range"]) == KEYS
            assert entry["range"]["p10"] <= entry["range"]["p50"] <= entry["range"]["p90"]
            assert entry["range"]["draws"] == 10_000
    assert set(figures["portfolio_range"]) == KEYS
    assert any(e["range"] is not None for e in figures["initiatives"])


def test_null_ranges_and_units() -> None:
    plan = Plan(business(), initiatives=[initiative(None, 1), initiative(simple_option(), 2)])
    figures = plan_figures(plan)
    assert figures["initiatives"][0]["range"] is None
    assert set(figures["initiatives"][1]["range"]) == KEYS
    assert range_values(NpvRange(-12_345.5, 0.4, 99.0, 0.1234567, 10)) == {
        "p10": -123.46, "p50": 0.0, "p90": 0.99, "p_positive": 0.123457, "draws": 10,
    }
    assert range_values(None) is None
    empty = plan_figures(Plan(business(), initiatives=[initiative(None, 1)]))
    assert empty["portfolio_range"] is None


def test_importing_the_figures_does_not_import_numpy() -> None:
    code = (
        "import sys\n"
        "import smbplanner.analysis.plan_figures\n"
        "import smbplanner.analysis.uncertainty.ranges, smbplanner.analysis.uncertainty.dump\n"
        "import smbplanner.analysis.uncertainty.sensitivity\n"
        "import smbplanner.analysis.uncertainty.breakeven\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
