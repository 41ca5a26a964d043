"""One declaration per field (``domain.fields``): every field of every entity the plan holds
is declared, and its row mapping, validation and JSON mapping follow from that declaration.
A field added without a declaration, or without its column, fails here, not silently."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smbplanner.domain import fields as f
from smbplanner.domain.model import Business, Plan, Snapshot
from smbplanner.domain.validation import check
from smbplanner.sample import sample_plan
from smbplanner.storage.jsonio import plan_to_dict, to_json
from smbplanner.storage.jsonload import dict_to_plan
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.rows import KINDS


def _entities(cls: type = Plan, seen: set[type] | None = None) -> set[type]:
    """Plan and every entity type reachable from it through its list and child fields."""
    seen = set() if seen is None else seen
    seen.add(cls)
    for d in f.declared(cls):
        if d.spec.item is not None and d.spec.item not in seen:
            _entities(d.spec.item, seen)
    return seen


ENTITIES = sorted(_entities(), key=lambda c: c.__name__)
LINKED = {"GoalLink", "RaciEntry"}  # held in link tables (initiative_goal, raci)


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_every_model_field_is_declared(cls: type) -> None:
    names = [x.name for x in fields(cls)]
    assert [d.name for d in f.declared(cls)] == names


def test_a_field_without_a_declaration_is_refused() -> None:
    @dataclass
    class Thing:
        name: str = f.text()
        colour: str = ""

    with pytest.raises(f.UndeclaredField, match=r"Thing\.colour has no declaration"):
        f.declared(Thing)


def test_every_entity_but_the_links_and_the_plan_is_stored_by_its_declaration() -> None:
    stored = {c.__name__ for c in KINDS}
    assert stored | LINKED | {"Plan"} == {c.__name__ for c in ENTITIES}


@pytest.fixture(scope="module")
def table_columns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    path: Path = tmp_path_factory.mktemp("fields") / "plan.smbplan"
    PlanFile.create(path, sample_plan()).close()
    db = sqlite3.connect(path)
    try:
        return {
            k.table: {row[1] for row in db.execute(f"PRAGMA table_info({k.table})")}
            for k in KINDS.values()
        }
    finally:
        db.close()


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=lambda k: k.table)
def test_every_field_has_its_column_or_its_own_table(
    kind: Any, table_columns: dict[str, set[str]]
) -> None:
    """A field held in the entity's row maps to a column of its table (a migration added it);
    a list field (ids, items) is held elsewhere; nothing is dropped on the way."""
    mapped = set(kind.to_row(_filled(kind.cls), parent_id=1))
    for d in f.declared(kind.cls):
        if d.spec.kind in f.HELD_ELSEWHERE:
            assert d.name in kind.children
            continue
        column = f"{d.name}_half" if d.spec.kind == "score" else d.name
        assert column in table_columns[kind.table], f"{kind.table}.{column}: no column"
        assert column in mapped or (column == kind.pk), f"{kind.table}.{column}: not written"


def _filled(cls: type) -> Any:
    """An entity of ``cls`` with every field set to a valid value (from the sample plan)."""
    plan = _stored_sample()
    for found in _walk(plan):
        if type(found) is cls:
            return found
    raise AssertionError(f"the sample plan holds no {cls.__name__}")


_SAMPLE: list[Plan] = []


def _stored_sample() -> Plan:
    if not _SAMPLE:
        plan = sample_plan()
        small = plan_to_dict(Plan(Business("Before")))
        plan.snapshots.append(Snapshot("Baseline", "2026-01-01T00:00:00+00:00", small, 1))
        _SAMPLE.append(dict_to_plan(plan_to_dict(plan)))
    return _SAMPLE[0]


def _walk(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        yield value
        for x in fields(value):
            yield from _walk(getattr(value, x.name))
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=lambda k: k.table)
def test_every_field_goes_through_its_row_and_back(kind: Any) -> None:
    entity = _filled(kind.cls)
    row = kind.to_row(entity, parent_id=1)
    if hasattr(entity, kind.pk):
        row.setdefault(kind.pk, getattr(entity, kind.pk))
    back = kind.from_row(row)
    for d in f.declared(kind.cls):
        if d.spec.kind not in f.HELD_ELSEWHERE:
            assert getattr(back, d.name) == getattr(entity, d.name), d.name


@pytest.mark.parametrize("cls", [c for c in ENTITIES if c is not Plan], ids=lambda c: c.__name__)
def test_every_field_has_a_json_name_and_reads_back(cls: type) -> None:
    entity = _filled(cls)
    written = to_json(entity)
    for d in f.declared(cls):
        holder = written
        *outer, key = d.json_name.split(".")
        for part in outer:
            holder = holder[part]
        assert key in holder, f"{cls.__name__}.{d.name}: not in its JSON object"


def test_the_whole_plan_reads_back_from_json_field_for_field() -> None:
    plan = _stored_sample()
    assert dict_to_plan(plan_to_dict(plan)) == plan


#: A value of the wrong type for each kind of field that validation checks.
WRONG: dict[str, object] = {
    "text": 12,
    "currency": "XYZ",
    "whole": "3",
    "cents": 1.5,
    "bp": "0.1",
    "choice": "nonsense",
    "day": "2026-01-01",
    "flag": "yes",
    "number": "1",
    "score": 7,
    "data": [],
}


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_every_checked_field_is_validated_under_its_public_name(cls: type) -> None:
    """Each field whose kind carries a rule is checked: a wrong value is a problem that names
    the field (as JSON and the app name it); ids, references and lists are checked across the
    plan instead (``analysis.checks``, ``domain.plan_check``)."""
    if cls is Plan:
        return
    entity = _filled(cls)
    for d in f.declared(cls):
        kind = d.spec.kind
        if kind not in WRONG or (kind == "whole" and d.spec.low is None):
            assert kind in ("id", "ref", "ids", "items", "one", "whole"), d.name
            continue
        problems = check(replace(entity, **{d.name: WRONG[kind]}))
        assert d.problem_name in {p.field for p in problems}, (cls.__name__, d.name, problems)


def test_problem_names_are_the_json_names() -> None:
    from smbplanner.domain.model import CostLine

    names = {d.name: d.problem_name for d in f.declared(CostLine)}
    assert names["amount_cents"] == "amount" and names["escalation_bp"] == "escalation"
    names = {d.name: d.problem_name for d in f.declared(Business)}
    assert names["optimistic_cost_bp"] == "scenarios.optimistic_cost"
    assert check(replace(Business("x"), start_year=date(2026, 1, 1)))[0].field == "start_year"
