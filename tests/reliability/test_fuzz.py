"""Input fuzzing: hostile values (NaN, ±inf, huge, negative, booleans, lone surrogates, NUL,
100,000 characters...) in every numeric and text field of the JSON loader and of the storage
operations are either stored and read back exactly, or refused with a message naming the
field, and then nothing is stored."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smbplanner.domain.model import (
    BenefitLine,
    CostLine,
    Feedback,
    Goal,
    Initiative,
    Kpi,
    Measurement,
    Milestone,
    Option,
    Person,
    Risk,
    SwotItem,
    System,
)
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.errors import JsonFormatError, PlanFileError
from smbplanner.storage.jsonio import parse_document, plan_to_dict
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.rows import kind_of
from smbplanner.storage.schema import JSON_FORMAT, SCHEMA_VERSION
from tests.conftest import tiny_plan

STRESS = bool(os.environ.get("SMBPLANNER_STRESS"))
FUZZ = settings(
    max_examples=1500 if STRESS else 150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(
        [
            math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, 0.1, 2.5, -0.5, 1.005,
            10**19, -(10**19), 10**30, 2**63, -(2**63) - 1, 10**13, 10**15 + 1, -1, 0, 1,
            True, False, None, "", " ", "\x00", "a\x00b", "\ud800", "x\udfffy", "12", "NaN",
            "1e999", "x" * 100_000, "é" * 20_001, "2026-02-30", "9999-12-31", "0.08", [], {},
        ]
    ),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
)


def leaves(value: Any, path: str) -> list[tuple[str, tuple[Any, ...]]]:
    """(display path, key path) of every number, text or null field in a JSON document."""
    found: list[tuple[str, tuple[Any, ...]]] = []

    def walk(v: Any, shown: str, keys: tuple[Any, ...]) -> None:
        if isinstance(v, dict):
            for k, child in v.items():
                walk(child, f"{shown}.{k}", (*keys, k))
        elif isinstance(v, list):
            for i, child in enumerate(v):
                walk(child, f"{shown}[{i}]", (*keys, i))
        elif not isinstance(v, bool):
            found.append((shown, keys))

    walk(value, path, ())
    return found


BASE_PLAN = plan_to_dict(tiny_plan())
JSON_FIELDS = leaves(BASE_PLAN, "plan")


def set_at(data: Any, keys: tuple[Any, ...], value: Any) -> None:
    for k in keys[:-1]:
        data = data[k]
    data[keys[-1]] = value


def get_at(data: Any, keys: tuple[Any, ...]) -> Any:
    for k in keys:
        data = data[k]
    return data


def same(stored: Any, value: Any) -> bool:
    """Read back exactly: equal, and a text, a flag or a null only where one was given (a
    whole number may come back as 3 for 3.0, as JSON does not tell them apart)."""
    exact_types = (bool, str, type(None))
    if isinstance(stored, exact_types) or isinstance(value, exact_types):
        return type(stored) is type(value) and stored == value
    return bool(stored == value)


def test_the_json_loader_stores_exactly_or_refuses_naming_the_field(tmp_path: Path) -> None:
    counts = {"stored": 0, "refused": 0}

    @FUZZ
    @given(field=st.sampled_from(JSON_FIELDS), value=HOSTILE)
    def check(field: tuple[str, tuple[Any, ...]], value: Any) -> None:
        shown, keys = field
        data = json.loads(json.dumps(BASE_PLAN))
        set_at(data, keys, value)
        text = json.dumps({"format": JSON_FORMAT, "version": SCHEMA_VERSION, "plan": data})
        target = tmp_path / "fuzz.smbplan"
        target.unlink(missing_ok=True)
        try:
            plan = parse_document(text)
            PlanFile.create(target, plan).close()
        except (JsonFormatError, ValidationError, PlanFileError) as e:
            message = str(e)
            assert "\n" not in message and "Traceback" not in message
            head = message.split(": ", 1)[0]  # the field, or the list or entity holding it
            assert str(keys[-1]) in message or shown.startswith(head), (shown, value, message)
            assert not target.exists()
            counts["refused"] += 1
            return
        with PlanFile.open(target, readonly=True) as plan_file:
            loaded = plan_to_dict(plan_file.load())
        if keys[-1] == "id":  # lists come back in id order: look the id up in its list
            ids = [x["id"] for x in get_at(loaded, keys[:-2])]
            assert value in ids or value is None, (shown, value, ids)
        else:
            stored = get_at(loaded, keys)
            assert same(stored, value), (shown, value, stored)
        counts["stored"] += 1

    check()
    assert counts["stored"] > 0 and counts["refused"] > 0


#: (class, id) of one stored entity of each kind in ``tiny_plan()``.
TARGETS: list[tuple[type, int]] = [
    (Goal, 1), (Initiative, 1), (System, 1), (Person, 1), (Kpi, 1), (Measurement, 1),
    (Option, 1), (CostLine, 2), (BenefitLine, 1), (Risk, 1), (SwotItem, 1),
]
OPERATION_FIELDS: list[tuple[type | None, int, str]] = [
    (cls, entity_id, name)
    for cls, entity_id in TARGETS
    for name in kind_of(cls).columns
    if name != kind_of(cls).pk
] + [(None, 1, name) for name in kind_of(tiny_plan().business).columns]


def test_the_storage_operations_store_exactly_or_refuse_naming_the_field(
    plan_path: Path,
) -> None:
    counts = {"stored": 0, "refused": 0}
    plan_file = PlanFile.open(plan_path)

    def read(cls: type | None, entity_id: int) -> Any:
        return plan_file.business() if cls is None else plan_file.get(cls, entity_id)

    @FUZZ
    @given(field=st.sampled_from(OPERATION_FIELDS), value=HOSTILE)
    def check(field: tuple[type | None, int, str], value: Any) -> None:
        cls, entity_id, name = field
        before = read(cls, entity_id)
        try:
            if cls is None:
                plan_file.update_business(**{name: value})
            else:
                plan_file.update(cls, entity_id, **{name: value})
        except (ValidationError, PlanFileError) as e:
            message = str(e)
            public = name.removesuffix("_bp").removesuffix("_cents")  # the name users see
            head = message.split(": ", 1)[0].rsplit(".", 1)[-1]  # scenarios.optimistic_cost
            assert head in (name, public), (name, value, message)
            assert "\n" not in message
            assert read(cls, entity_id) == before  # nothing stored
            counts["refused"] += 1
            return
        stored = getattr(read(cls, entity_id), name)
        assert same(stored, value), (cls, name, value, stored)
        counts["stored"] += 1

    try:
        check()
        assert plan_file.integrity_problems() == []
    finally:
        plan_file.close()
    assert counts["stored"] > 0 and counts["refused"] > 0


def test_a_refused_edit_leaves_every_row_as_it_was(plan_path: Path) -> None:
    """Spot check with the whole plan: one refused edit of each hostile kind, nothing moves."""
    with PlanFile.open(plan_path) as plan_file:
        before = plan_to_dict(plan_file.load())
        for value in (math.nan, math.inf, 10**30, True, "\ud800", "a\x00b", "x" * 100_000):
            for cls, field in ((Feedback, "satisfaction"), (Milestone, "year"),
                               (Goal, "title"), (Kpi, "baseline")):
                try:
                    plan_file.add(cls(**{**_minimal(cls), field: value}), 1 if cls in (
                        Milestone,) else None)
                except (ValidationError, PlanFileError) as e:
                    assert field in str(e)
                else:
                    raise AssertionError(f"{cls.__name__}.{field} = {value!r} was stored")
        assert plan_to_dict(plan_file.load()) == before


def _minimal(cls: type) -> dict[str, Any]:
    return {
        Feedback: {"department": "Shop"},
        Milestone: {"name": "Go live", "year": 2026},
        Goal: {"title": "Grow"},
        Kpi: {"goal_id": 1, "name": "Sales", "baseline": 1.0, "target": 2.0},
    }[cls]
