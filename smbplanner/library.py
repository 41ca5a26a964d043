"""The starter library: common small-business initiatives with illustrative costs and benefits.

The entries are data (``resources/library/initiatives.json``); this module reads them into
domain objects (no Qt, no storage) and turns one into an ``Initiative`` for a plan, linking it
to the plan's goals of the perspectives the entry typically serves.

Format: ``{"format": "smbplanner-library", "version": 1, "initiatives": [entry, ...]}``; an
entry has ``key``, ``name``, ``description``, ``portfolio`` (run | change), ``perspectives``
(goal perspectives), ``duration_quarters`` and one ``option`` whose ``costs`` and ``benefits``
are lines as in the dump format (``amount`` in currency units, ``escalation`` a fraction).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from smbplanner.domain import validation as v
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, Perspective, Portfolio
from smbplanner.domain.model import BenefitLine, CostLine, Goal, GoalLink, Initiative, Option
from smbplanner.domain.money import MoneyError, to_bp, to_cents
from smbplanner.resources import resource

FORMAT = "smbplanner-library"
VERSION = 1
#: The contribution given to a goal linked by perspective (1 some .. 3 strong).
DEFAULT_CONTRIBUTION = 2

E = TypeVar("E", bound=StrEnum)


class LibraryError(ValueError):
    """The library file is missing or malformed; the message names the place."""


@dataclass(frozen=True)
class LibraryEntry:
    key: str
    name: str
    description: str
    portfolio: Portfolio
    perspectives: tuple[Perspective, ...]
    duration_quarters: int
    option: Option  # a template: ids None; copied by ``make_initiative``


def library_path() -> Path:
    return resource("library", "initiatives.json")


def load_library(path: Path | None = None) -> list[LibraryEntry]:
    """Every entry of the library, validated; raises LibraryError naming what is wrong."""
    path = path or library_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LibraryError(f"{path.name}: cannot be read ({e})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryError(f"{path.name}: is not an SMB Planner library")
    if data.get("version") != VERSION:
        raise LibraryError(f"{path.name}: version {data.get('version')!r} is not supported")
    items = data.get("initiatives")
    if not isinstance(items, list):
        raise LibraryError(f"{path.name}: initiatives must be a list")
    entries = [_entry(item, f"initiatives[{n}]") for n, item in enumerate(items)]
    keys = [e.key for e in entries]
    if len(set(keys)) != len(keys):
        raise LibraryError(f"{path.name}: entry keys must be unique")
    return entries


def goal_links(perspectives: Sequence[Perspective], goals: Sequence[Goal]) -> list[GoalLink]:
    """Links (contribution 2) to every goal whose perspective the entry serves, in goal order;
    none when the plan has no goal of those perspectives (the owner links them by hand)."""
    wanted = set(perspectives)
    return [
        GoalLink(g.id, DEFAULT_CONTRIBUTION)
        for g in goals
        if g.id is not None and g.perspective in wanted
    ]


def make_initiative(
    entry: LibraryEntry, goals: Sequence[Goal], start_year: int, start_quarter: int = 1
) -> Initiative:
    """A new initiative (not stored: ids None) from an entry, its option chosen."""
    option = copy.deepcopy(entry.option)
    option.chosen = True
    return Initiative(
        name=entry.name,
        description=entry.description,
        portfolio=entry.portfolio,
        start_year=start_year,
        start_quarter=start_quarter,
        duration_quarters=entry.duration_quarters,
        goals=goal_links(entry.perspectives, goals),
        options=[option],
    )


# --- reading -----------------------------------------------------------------------------
def _obj(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LibraryError(f"{path}: must be an object")
    return value


def _field(obj: dict[str, Any], key: str, path: str, kind: type, default: Any = ...) -> Any:
    if key not in obj:
        if default is ...:
            raise LibraryError(f"{path}.{key}: is missing")
        return default
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        raise LibraryError(f"{path}.{key}: must be {kind.__name__}")
    return value


def _enum(cls: type[E], value: object, path: str) -> E:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise LibraryError(f"{path}: must be one of: {allowed}") from None


def _check(problems: list[v.Problem], path: str) -> None:
    if problems:
        raise LibraryError(f"{path}.{problems[0]}")


def _line(obj: object, path: str, cls: type[Any], categories: type[StrEnum]) -> Any:
    o = _obj(obj, path)
    try:
        amount = to_cents(o.get("amount"))
        escalation = to_bp(o.get("escalation", 0), low=-9_999, high=10_000)
    except MoneyError as e:
        raise LibraryError(f"{path}.amount or escalation: {e}") from None
    year_from = _field(o, "year_from", path, int)
    line = cls(
        category=_enum(categories, o.get("category"), f"{path}.category"),
        amount_cents=amount,
        kind=_enum(LineKind, o.get("kind"), f"{path}.kind"),
        year_from=year_from,
        year_to=_field(o, "year_to", path, int, year_from),
        escalation_bp=escalation,
        description=_field(o, "description", path, str),
    )
    _check(v.check(line), path)
    return line


def _entry(item: object, path: str) -> LibraryEntry:
    o = _obj(item, path)
    opt = _obj(o.get("option"), f"{path}.option")
    option = Option(
        name=_field(opt, "name", f"{path}.option", str),
        description=_field(opt, "description", f"{path}.option", str, ""),
        life_years=_field(opt, "life_years", f"{path}.option", int, 5),
        costs=[
            _line(x, f"{path}.option.costs[{n}]", CostLine, CostCategory)
            for n, x in enumerate(_field(opt, "costs", f"{path}.option", list))
        ],
        benefits=[
            _line(x, f"{path}.option.benefits[{n}]", BenefitLine, BenefitCategory)
            for n, x in enumerate(_field(opt, "benefits", f"{path}.option", list))
        ],
    )
    _check(v.check(option), f"{path}.option")
    perspectives = tuple(
        _enum(Perspective, p, f"{path}.perspectives[{n}]")
        for n, p in enumerate(_field(o, "perspectives", path, list))
    )
    entry = LibraryEntry(
        key=_field(o, "key", path, str),
        name=_field(o, "name", path, str),
        description=_field(o, "description", path, str),
        portfolio=_enum(Portfolio, o.get("portfolio"), f"{path}.portfolio"),
        perspectives=perspectives,
        duration_quarters=_field(o, "duration_quarters", path, int, 4),
        option=option,
    )
    _check(v.check(make_initiative(entry, [], 2026)), path)
    return entry
