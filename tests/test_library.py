"""The starter library: data in resources/, read into valid domain objects, exact amounts,
readable arithmetic, and goals linked by perspective."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from smbplanner.analysis.checks import ERROR, check_plan
from smbplanner.analysis.figures import option_figures
from smbplanner.domain import validation as v
from smbplanner.domain.enums import BenefitCategory, Perspective
from smbplanner.domain.model import Business, Goal, Plan
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.library import (
    LibraryError,
    goal_links,
    library_path,
    load_library,
    make_initiative,
)
from smbplanner.storage.planfile import PlanFile

TOPICS = [
    "cloud-office", "managed-backup", "mfa", "endpoint-protection", "crm", "cloud-accounting",
    "online-shop", "online-booking", "voip", "laptop-refresh", "wifi-upgrade",
    "invoice-automation", "self-service-portal", "security-awareness", "password-manager",
]
GOALS = [
    Goal("Margin", perspective=Perspective.FINANCIAL, id=1),
    Goal("Customers", perspective=Perspective.CUSTOMER, id=2),
    Goal("Process", perspective=Perspective.INTERNAL_PROCESS, id=3),
    Goal("People", perspective=Perspective.LEARNING_GROWTH, id=4),
    Goal("Cash", perspective=Perspective.FINANCIAL, id=5),
]


def _raw() -> dict:  # type: ignore[type-arg]
    return json.loads(library_path().read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_library_has_the_common_initiatives_all_valid() -> None:
    entries = load_library()
    assert len(entries) >= 15
    assert set(TOPICS) <= {e.key for e in entries}
    assert len({e.name for e in entries}) == len(entries)
    for entry in entries:
        initiative = make_initiative(entry, GOALS, 2026)
        assert v.check(initiative) == []
        option = initiative.options[0]
        assert option.chosen and v.check(option) == []
        assert option.costs and option.benefits, entry.key
        for line in option.costs:
            assert v.check(line) == []
        for line in option.benefits:
            assert v.check(line) == []
        assert entry.perspectives and entry.description
        assert initiative.goals, entry.key  # every entry serves at least one perspective


def test_whole_plan_of_library_initiatives_passes_the_plan_checks() -> None:
    initiatives = [make_initiative(e, GOALS, 2026) for e in load_library()]
    for n, initiative in enumerate(initiatives, start=1):
        initiative.id = n
    plan = Plan(Business("Library Ltd"), goals=list(GOALS), initiatives=initiatives)
    assert check_whole_plan(plan) == []
    # Only RACI is left to the owner (who does what is theirs to say); no line beyond its
    # option's life, no reference or timing error.
    errors = [f for f in check_plan(plan) if f.severity == ERROR]
    assert errors and all("in its RACI" in f.message for f in errors)


def test_everything_is_marked_as_an_estimate() -> None:
    for entry in load_library():
        assert entry.description.endswith("Illustrative estimates — replace with your own quotes.")
        assert "replace them with your vendor's quote" in entry.option.description
        for line in (*entry.option.costs, *entry.option.benefits):
            assert line.description.endswith("(estimate)"), line.description


def test_amounts_are_exact_cents_of_the_json_numbers() -> None:
    raw = _raw()["initiatives"]
    entries = load_library()
    for data, entry in zip(raw, entries, strict=True):
        pairs = [
            *zip(data["option"]["costs"], entry.option.costs, strict=True),
            *zip(data["option"]["benefits"], entry.option.benefits, strict=True),
        ]
        for line_data, line in pairs:
            assert line.amount_cents == Decimal(str(line_data["amount"])) * 100
            assert line.escalation_bp == Decimal(str(line_data.get("escalation", 0))) * 10_000
    laptops = next(e for e in entries if e.key == "laptop-refresh")
    assert laptops.option.costs[0].amount_cents == 1_650_000
    assert laptops.option.benefits[0].amount_cents == 1_035_000  # 7.5 × 30 × 46


def _evaluate(expression: str) -> Decimal:
    """The value of "20 users × 12 a month × 12 months", "2.5 % of 40,000", "a × b, plus c"."""
    total = Decimal(0)
    for part in re.split(r",? plus (?:a )?", expression):
        product = Decimal(1)
        for number in re.findall(r"\d[\d,]*(?:\.\d+)?", part):
            product *= Decimal(number.replace(",", ""))
        total += product / 100 if "%" in part else product
    return total


def test_every_line_shows_its_arithmetic() -> None:
    productivity = re.compile(r"([\d.]+) hours/week saved × (\d+)/hour × (\d+) weeks")
    risk = re.compile(r"(\d+) % annual probability × ([\d,]+) loss avoided")
    for entry in load_library():
        for line in (*entry.option.costs, *entry.option.benefits):
            text = line.description.removesuffix(" (estimate)")
            expression = text.rsplit(": ", 1)[-1]
            assert _evaluate(expression) * 100 == line.amount_cents, text
            if line.category == BenefitCategory.PRODUCTIVITY:
                assert productivity.search(text), text
            if line.category == BenefitCategory.RISK_REDUCTION:
                assert risk.search(text), text


def test_figures_of_every_entry_are_positive() -> None:
    for entry in load_library():
        figures = option_figures(entry.option, Business("B"))
        assert figures.tco_cents > 0 and figures.benefits_cents > 0, entry.key


def test_goal_links_follow_perspectives() -> None:
    entries = {e.key: e for e in load_library()}
    crm = entries["crm"]  # customer and financial
    assert crm.perspectives == (Perspective.CUSTOMER, Perspective.FINANCIAL)
    assert [(g.goal_id, g.contribution) for g in goal_links(crm.perspectives, GOALS)] == [
        (1, 2), (2, 2), (5, 2)
    ]
    assert goal_links(crm.perspectives, GOALS[2:4]) == []  # left for the owner to link
    made = make_initiative(crm, [], 2028, 3)
    assert (made.start_year, made.start_quarter, made.goals, made.id) == (2028, 3, [], None)
    assert made.duration_quarters == crm.duration_quarters == 3


def test_stored_copy_leaves_the_template_untouched(tmp_path: Path) -> None:
    entry = load_library()[0]
    initiative = make_initiative(entry, GOALS[:4], 2026)
    plan = Plan(Business("B"), goals=[Goal(g.title, perspective=g.perspective) for g in GOALS[:4]])
    with PlanFile.create(tmp_path / "p.smbplan", plan) as file:
        new_id = file.add(initiative)
        stored = file.load().initiative(new_id)
    assert entry.option.id is None and all(c.id is None for c in entry.option.costs)
    assert stored is not None
    assert [c.amount_cents for c in stored.options[0].costs] == [
        c.amount_cents for c in entry.option.costs
    ]
    assert [g.goal_id for g in stored.goals] == [3, 4]  # internal process, learning and growth


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "is not an SMB Planner library"),
        (lambda d: d.update(version=2), "version 2 is not supported"),
        (lambda d: d["initiatives"][0].pop("name"), "initiatives[0].name: is missing"),
        (lambda d: d["initiatives"][1].update(portfolio="grow"), "initiatives[1].portfolio"),
        (
            lambda d: d["initiatives"][0]["option"]["costs"][0].update(amount=12.345),
            "initiatives[0].option.costs[0].amount or escalation: must have at most 2",
        ),
        (
            lambda d: d["initiatives"][0]["option"]["costs"][0].update(category="cake"),
            "initiatives[0].option.costs[0].category: must be one of",
        ),
        (
            lambda d: d["initiatives"][0]["option"]["benefits"][0].update(year_from=40),
            "initiatives[0].option.benefits[0].year_from: must be between 0 and 29",
        ),
        (lambda d: d["initiatives"][2].update(name=" "), "initiatives[2].name: must not be empty"),
        (lambda d: d["initiatives"].append(d["initiatives"][0]), "keys must be unique"),
    ],
)
def test_malformed_library_is_refused_naming_the_place(
    tmp_path: Path, change: object, message: str
) -> None:
    data = _raw()
    change(data)  # type: ignore[operator]
    path = tmp_path / "initiatives.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LibraryError, match=re.escape(message)):
        load_library(path)


def test_unreadable_library_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="cannot be read"):
        load_library(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot be read"):
        load_library(bad)
