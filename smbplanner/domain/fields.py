"""What a model field is, declared once, on the field itself.

Each field of the model's dataclasses is made with one of the functions below (``text``,
``whole``, ``cents``, ``bp``, ``choice``…), which put a ``Spec`` in the field's metadata. From
that one declaration follow:

- its validation (``domain.validation.check``): type, range, text length, required;
- its row mapping (``storage.rows.Kind``): dates as ISO text, flags as 0/1, scores in half
  steps, enums by value, lists held in other tables;
- its JSON mapping (``storage.jsonmap``): the JSON name, money in currency units, basis
  points as fractions, what may be missing and what it then means.

Adding a field to an entity is adding it here, in the model, with a migration
(``storage.schema`` and ``storage.migrations``) and the widgets that show it.
``tests/domain/test_fields.py`` fails for a model field made without a declaration.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields
from enum import StrEnum
from typing import Any

MAX_TEXT = 20_000  # characters in any one text field
MAX_NAME = 500
MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_LIFE_YEARS = 30
MAX_ESCALATION_BP = 10_000  # 100 % a year
MAX_FACTOR_BP = 100_000  # x10
MAX_DISCOUNT_BP = 10_000  # 100 %
MAX_KPI_VALUE = 1e15
MAX_ID = 2**63 - 1  # SQLite's INTEGER is 64-bit

SPEC = "smbplanner"  # the metadata key


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()  # a ``Spec.json_default`` not given


@dataclass(frozen=True)
class Spec:
    """One field's declaration. ``kind`` is one of:

    ``id`` (the entity's own id), ``ref`` (an id of another entity), ``text``, ``currency``,
    ``whole`` (an integer, within ``low``..``high`` when given), ``cents`` (money), ``bp``
    (basis points, a fraction in JSON), ``choice`` (an enum), ``day`` (a date), ``flag``,
    ``number`` (a finite float), ``score`` (1 to 5 in half steps, or None), ``data`` (a JSON
    object), ``ids`` (a list of ids, held in a link table), ``items`` (a list of child
    entities, held in their own table), ``one`` (one child entity).
    """

    kind: str
    json: str | None = None  # the JSON name (dotted: nested objects) when not the field's name
    #: JSON: must the key be present? None: when the field has no default.
    json_required: bool | None = None
    json_default: Any = UNSET  # JSON: what a missing key means, when not the field's default
    json_default_from: str | None = None  # JSON: a missing key takes this field's value
    json_after: str | None = None  # JSON: written after this field (default: in field order)
    nonempty: bool = False  # text: must not be blank
    limit: int = MAX_TEXT  # text: at most this many characters
    low: int | None = None
    high: int | None = None
    optional: bool = False  # None is allowed
    enum: type[StrEnum] | None = None
    item: type | None = None  # the entity type of ``items`` and ``one``


def _field(spec: Spec, default: Any = MISSING, factory: Any = MISSING) -> Any:
    meta = {SPEC: spec}
    if factory is not MISSING:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def ident() -> Any:
    """The entity's own id: None until stored."""
    return _field(Spec("id", optional=True), None)


def ref(default: Any = MISSING) -> Any:
    """The id of another entity (a KPI's goal, a RACI entry's person)."""
    return _field(Spec("ref"), default)


def text(default: Any = "", *, required: bool = False, limit: int = MAX_TEXT, **json: Any) -> Any:
    """Text; ``required``: must not be blank (and must be in the JSON)."""
    return _field(Spec("text", nonempty=required, limit=limit, **json), default)


def currency(default: str = "EUR", **json: Any) -> Any:
    """An ISO 4217 currency code."""
    return _field(Spec("currency", **json), default)


def whole(
    default: Any = MISSING,
    low: int | None = None,
    high: int | None = None,
    *,
    optional: bool = False,
    **json: Any,
) -> Any:
    """A whole number between ``low`` and ``high`` (None too when ``optional``)."""
    return _field(Spec("whole", low=low, high=high, optional=optional, **json), default)


def cents(default: Any = MISSING, **json: Any) -> Any:
    """Money in integer cents (≥ 0); a number of currency units in JSON."""
    return _field(Spec("cents", **json), default)


def bp(default: Any, low: int, high: int, *, optional: bool = False, **json: Any) -> Any:
    """A rate or factor in basis points between ``low`` and ``high``; a fraction in JSON."""
    return _field(Spec("bp", low=low, high=high, optional=optional, **json), default)


def choice(enum: type[StrEnum], default: Any = MISSING, **json: Any) -> Any:
    """One of an enum's members; its value in rows and JSON."""
    return _field(Spec("choice", enum=enum, **json), default)


def day(default: Any = MISSING, *, optional: bool = False, **json: Any) -> Any:
    """A date (years 1900 to 2200); "YYYY-MM-DD" in rows and JSON."""
    return _field(Spec("day", optional=optional, **json), default)


def flag(default: Any = False, *, optional: bool = False, **json: Any) -> Any:
    """True or false (None too when ``optional``: NULL in rows, null in JSON); 0 or 1 in rows."""
    return _field(Spec("flag", optional=optional, **json), default)


def number(default: Any = MISSING, **json: Any) -> Any:
    """A finite number (a KPI's value)."""
    return _field(Spec("number", **json), default)


def score() -> Any:
    """A score from 1 to 5 in half steps, or None when unscored; stored in half steps."""
    return _field(Spec("score", optional=True), None)


def data() -> Any:
    """A JSON object (a snapshot's plan), kept as JSON text in its row."""
    return _field(Spec("data"), factory=dict)


def ids() -> Any:
    """A list of ids of other entities, held in a link table."""
    return _field(Spec("ids"), factory=list)


def items(item: type) -> Any:
    """A list of child entities, each in its own table (or link table)."""
    return _field(Spec("items", item=item), factory=list)


def one(item: type) -> Any:
    """One child entity (the plan's business profile)."""
    return _field(Spec("one", item=item))


#: Kinds of field not held in the entity's own row.
HELD_ELSEWHERE = frozenset({"ids", "items", "one"})


@dataclass(frozen=True)
class Declared:
    """A field with its declaration, worked out once per class."""

    name: str
    spec: Spec
    default: Any  # the field's default (MISSING when none; a new list for list fields)

    @property
    def json_name(self) -> str:
        return self.spec.json or self.name

    @property
    def problem_name(self) -> str:
        """The name validation problems give: the JSON name, or for a field in a nested JSON
        object, the outer object then the field's public name (``scenarios.optimistic_cost``)."""
        if "." not in self.json_name:
            return self.json_name
        public = self.name.removesuffix("_bp").removesuffix("_cents")
        return f"{self.json_name.split('.', 1)[0]}.{public}"

    @property
    def json_required(self) -> bool:
        if self.spec.json_required is not None:
            return self.spec.json_required
        return self.default is MISSING and self.spec.json_default is UNSET

    @property
    def json_default(self) -> Any:
        return self.default if self.spec.json_default is UNSET else self.spec.json_default


class UndeclaredField(TypeError):
    """A model field made without one of this module's functions."""


def _default(f: Field[Any]) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


_DECLARED: dict[type, tuple[Declared, ...]] = {}
_JSON_ORDER: dict[type, tuple[Declared, ...]] = {}


def declared(cls: type) -> tuple[Declared, ...]:
    """Every field of a model class with its declaration, in field order (worked out once
    per class); raises ``UndeclaredField`` for a field without one."""
    known = _DECLARED.get(cls)
    if known is None:
        known = _DECLARED[cls] = _declare(cls)
    return known


def _declare(cls: type) -> tuple[Declared, ...]:
    found: list[Declared] = []
    for f in fields(cls):
        spec = f.metadata.get(SPEC)
        if not isinstance(spec, Spec):
            raise UndeclaredField(
                f"{cls.__name__}.{f.name} has no declaration: make it with one of "
                "smbplanner.domain.fields' functions (text, whole, cents, bp, choice…)"
            )
        found.append(Declared(f.name, spec, _default(f)))
    return tuple(found)


def json_order(cls: type) -> tuple[Declared, ...]:
    """A class's fields in the order its JSON object lists them: the id first, then the
    fields in order, one declared ``json_after`` another right after it."""
    known = _JSON_ORDER.get(cls)
    if known is None:
        order = sorted(declared(cls), key=lambda d: d.spec.kind != "id")
        for d in [d for d in order if d.spec.json_after]:
            order.remove(d)
            at = next(i for i, o in enumerate(order) if o.name == d.spec.json_after)
            order.insert(at + 1, d)
        known = _JSON_ORDER[cls] = tuple(order)
    return known
