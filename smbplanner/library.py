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
import re
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
    none when the plan has no goal of those perspectives. A perspective alone is weak
    evidence (a backup service is "internal process", as is "raise chair utilisation"):
    ``propose_links`` is what the library dialog offers the owner."""
    wanted = set(perspectives)
    return [
        GoalLink(g.id, DEFAULT_CONTRIBUTION)
        for g in goals
        if g.id is not None and g.perspective in wanted
    ]


#: Words that say nothing about what a goal or an initiative is about.
_STOPWORD_TEXT = """
    about after also always and another any are back been before being best better both but
    by can cut does down each easy every few for from get gets give good has have into its
    just keep less like lost make many more most much need new next not now off once one only
    other our out over own per same should since so some still such than that the their them
    then there these they this those through time times too under until up use used very was
    way ways week weeks well were what when where which while who will with within without
    work works year years you your business businesses staff team people every member members
    plan plans instead illustrative estimates estimate replace quote quotes system systems
    never raise minutes hours hour day days today tomorrow account accounts
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+")


def _stems(text: str) -> dict[str, str]:
    """Meaningful words of a text by their stem (the first five letters; shorter words whole):
    "backups" and "backup", "ordering" and "order" meet. Stem -> the word as written."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text.casefold()):
        if len(word) < 4 or word in _STOPWORDS:
            continue
        found.setdefault(word[:5], word)
    return found


@dataclass(frozen=True)
class LinkProposal:
    """A goal the entry may serve: the ``words`` it shares with the goal and whether it is of
    one of the entry's typical perspectives. It is ``proposed`` when the words are evidence
    enough: two or more, or one in both the entry's name and the goal's title."""

    goal: Goal
    words: tuple[str, ...]
    same_perspective: bool
    proposed: bool


def propose_links(entry: LibraryEntry, goals: Sequence[Goal]) -> list[LinkProposal]:
    """Every goal with what speaks for linking the entry to it: goals sharing words with the
    entry's name and description first (most words first), then goals of the entry's
    perspectives, then the rest; plan order within each. Nothing is linked until the owner
    confirms (the dialog ticks the proposed ones for the owner to check)."""
    entry_words = _stems(f"{entry.name} {entry.description}")
    name_words = _stems(entry.name)
    wanted = set(entry.perspectives)
    found = []
    for position, goal in enumerate(goals):
        if goal.id is None:
            continue
        goal_words = _stems(f"{goal.title} {goal.description}")
        shared = [s for s in goal_words if s in entry_words]
        titled = any(s in name_words and s in _stems(goal.title) for s in shared)
        proposed = len(shared) >= 2 or titled
        proposal = LinkProposal(goal, tuple(goal_words[s] for s in shared),
                                goal.perspective in wanted, proposed)
        found.append((not proposed, -len(shared), goal.perspective not in wanted, position,
                      proposal))
    return [p for *_, p in sorted(found, key=lambda f: f[:4])]


def make_initiative(
    entry: LibraryEntry, goals: Sequence[Goal], start_year: int, start_quarter: int = 1,
    links: Sequence[GoalLink] | None = None,
) -> Initiative:
    """A new initiative (not stored: ids None) from an entry, its option chosen; linked to
    ``links`` (those the owner confirmed), or, when None, to the goals of its perspectives
    (``goal_links``: for scripts and tests, not the app)."""
    option = copy.deepcopy(entry.option)
    option.chosen = True
    return Initiative(
        name=entry.name,
        description=entry.description,
        portfolio=entry.portfolio,
        start_year=start_year,
        start_quarter=start_quarter,
        duration_quarters=entry.duration_quarters,
        goals=list(links) if links is not None else goal_links(entry.perspectives, goals),
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
