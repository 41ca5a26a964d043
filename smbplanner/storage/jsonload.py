"""Reading the JSON interchange format (see ``jsonio``): every field typed with its JSON path,
then the whole plan validated; a bad document raises ``JsonFormatError`` naming the path."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from smbplanner.domain.fields import Declared, json_order
from smbplanner.domain.model import Plan
from smbplanner.domain.money import MoneyError, to_bp, to_cents
from smbplanner.domain.plan_check import check_whole_plan
from smbplanner.storage.errors import JsonFormatError
from smbplanner.storage.schema import JSON_FORMAT as FORMAT
from smbplanner.storage.schema import SCHEMA_VERSION

T = TypeVar("T")
MAX_JSON_BYTES = 200 * 1024 * 1024
#: SQLite's INTEGER is 64-bit: a larger whole number (an id, a year) is refused, not stored.
MAX_INTEGER = 2**63 - 1


# --- JSON -> plan ------------------------------------------------------------------------
class _Obj:
    """Typed access to one JSON object, raising ``JsonFormatError`` with the field's path."""

    def __init__(self, value: object, path: str):
        if not isinstance(value, dict):
            raise JsonFormatError(f"{path}: must be an object")
        self.data: dict[str, Any] = value
        self.path = path

    def fail(self, key: str, message: str) -> JsonFormatError:
        return JsonFormatError(f"{self.path}.{key}: {message}")

    def raw(self, key: str, default: object = ..., *, required: bool = False) -> Any:
        if key not in self.data:
            if required or default is ...:
                raise self.fail(key, "is missing")
            return default
        return self.data[key]

    def text(self, key: str, default: str | None = "") -> str:
        value = self.raw(key, default, required=default is None)
        if not isinstance(value, str):
            raise self.fail(key, "must be text")
        return value

    def integer(self, key: str, default: int | None = None, *, optional: bool = False) -> Any:
        value = self.raw(key, default, required=default is None and not optional)
        if value is None and optional:
            return None
        if isinstance(value, float) and value.is_integer() and math.isfinite(value):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        if not -MAX_INTEGER <= value <= MAX_INTEGER:
            raise self.fail(key, "is too large")
        return value

    def number(self, key: str, default: float | None = None) -> float:
        value = self.raw(key, default, required=default is None)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, "must be a number")
        if not math.isfinite(value):
            raise self.fail(key, "must be a finite number")
        return float(value)

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.raw(key, default, required=default is None)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def cents(self, key: str, default: object = ...) -> int:
        value = self.raw(key, default)
        if isinstance(value, str):
            raise self.fail(key, "must be a number ≥ 0")
        try:
            return to_cents(value)
        except MoneyError as e:
            raise self.fail(key, str(e)) from None

    def bp(self, key: str, low: int, high: int, default: object = ...) -> int:
        value = self.raw(key, default)
        if isinstance(value, str):
            raise self.fail(key, "must be a number")
        try:
            return to_bp(value, low=low, high=high)
        except MoneyError as e:
            raise self.fail(key, str(e)) from None

    def enum(self, key: str, kind: type[StrEnum], default: StrEnum | None = None) -> Any:
        value = self.raw(
            key, default.value if default is not None else ..., required=default is None
        )
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise self.fail(key, f"must be one of: {allowed}") from None

    def day(self, key: str, *, optional: bool = False) -> date | None:
        value = self.raw(key, None, required=not optional)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "must be a date (YYYY-MM-DD)")
        try:
            return date.fromisoformat(value) if len(value) == 10 else _bad_date()
        except ValueError:
            raise self.fail(key, "must be a date (YYYY-MM-DD)") from None

    def id(self, key: str = "id") -> int | None:
        return self.integer(key, optional=True)  # type: ignore[no-any-return]

    def items(self, key: str) -> list[_Obj]:
        value = self.raw(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return [_Obj(v, f"{self.path}.{key}[{i}]") for i, v in enumerate(value)]

    def ids(self, key: str) -> list[int]:
        value = self.raw(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of ids")
        for i, v in enumerate(value):
            if isinstance(v, bool) or not isinstance(v, int):
                raise JsonFormatError(f"{self.path}.{key}[{i}]: must be a whole number")
            if not -MAX_INTEGER <= v <= MAX_INTEGER:
                raise JsonFormatError(f"{self.path}.{key}[{i}]: is too large")
        return list(value)

    def score(self, key: str) -> float | None:
        value = self.raw(key, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, "must be a score from 1 to 5 in half steps, or null")
        return float(value)


def _bad_date() -> date:
    raise ValueError("not YYYY-MM-DD")


# Each entity is read by its fields' declarations (``domain.fields``), in the order its JSON
# object lists them: a key may be missing when its field has a default (or a JSON default);
# money is read exactly into cents, fractions into basis points within the field's range.


def _within(o: _Obj, json_name: str) -> tuple[_Obj, str]:
    """The object holding a dotted JSON name (``scenarios.optimistic.costs``) and its key."""
    *parents, key = json_name.split(".")
    for part in parents:
        o = _Obj(o.raw(part, {}), f"{o.path}.{part}")
    return o, key


def _reader(d: Declared) -> tuple[Callable[..., Any], bool]:
    spec, kind, default = d.spec, d.spec.kind, d.json_default
    required = d.json_required
    key = d.json_name.rsplit(".", 1)[-1]
    nested = "." in d.json_name
    read: Callable[[_Obj], Any]
    # Each reader takes the usual value at once (text for text, a whole number in range
    # for a whole number) and anything else (missing, null, the wrong type) the full way.
    if kind == "id":

        def read(o: _Obj) -> Any:
            v = o.data.get(key)
            return v if type(v) is int and -MAX_INTEGER <= v <= MAX_INTEGER else o.integer(
                key, optional=True)
    elif kind in ("whole", "ref"):
        if spec.optional:

            def read(o: _Obj) -> Any:
                return o.integer(key, optional=True)
        elif spec.json_default_from is not None:
            source = spec.json_default_from

            def read_from(o: _Obj, values: dict[str, Any]) -> Any:
                return o.integer(key, values[source])

            return read_from, True
        else:
            whole_default = None if required else default

            def read(o: _Obj) -> Any:
                v = o.data.get(key)
                return v if type(v) is int and -MAX_INTEGER <= v <= MAX_INTEGER else o.integer(
                    key, whole_default)
    elif kind in ("text", "currency"):
        text_default = None if required else default

        def read(o: _Obj) -> Any:
            v = o.data.get(key)
            return v if type(v) is str else o.text(key, text_default)
    elif kind == "cents" and spec.optional:

        def read(o: _Obj) -> Any:
            return None if o.raw(key, None) is None else o.cents(key)
    elif kind == "cents":

        def read(o: _Obj) -> Any:
            return o.cents(key) if required or key in o.data else default
    elif kind == "bp":
        low, high = spec.low or 0, spec.high or 0
        if spec.optional:

            def read(o: _Obj) -> Any:
                return None if o.raw(key, None) is None else o.bp(key, low, high)
        else:

            def read(o: _Obj) -> Any:
                return o.bp(key, low, high) if required or key in o.data else default
    elif kind == "choice" and spec.optional:
        optional_enum = spec.enum
        assert optional_enum is not None

        def read(o: _Obj) -> Any:
            return None if o.raw(key, None) is None else o.enum(key, optional_enum)
    elif kind == "choice":
        enum, choice_default = spec.enum, None if required else default
        assert enum is not None

        def read(o: _Obj) -> Any:
            return o.enum(key, enum, choice_default)
    elif kind == "day":
        optional = spec.optional

        def read(o: _Obj) -> Any:
            return o.day(key, optional=optional)
    elif kind == "flag" and spec.optional:

        def read(o: _Obj) -> Any:
            return None if o.raw(key, None) is None else o.flag(key)
    elif kind == "flag":
        flag_default = None if required else default

        def read(o: _Obj) -> Any:
            return o.flag(key, flag_default)
    elif kind == "number":
        number_default = None if required else default

        def read(o: _Obj) -> Any:
            return o.number(key, number_default)
    elif kind == "score":

        def read(o: _Obj) -> Any:
            return o.score(key)
    elif kind == "ids":

        def read(o: _Obj) -> Any:
            return o.ids(key)
    elif kind == "items":
        item = spec.item
        assert item is not None

        def read(o: _Obj) -> Any:
            return [from_json(item, x) for x in o.items(key)]
    elif kind == "one":
        one = spec.item
        assert one is not None

        def read(o: _Obj) -> Any:
            return from_json(one, _Obj(o.raw(key, required=True), f"{o.path}.{key}"))
    elif kind == "data":

        def read(o: _Obj) -> Any:
            return _snapshot_data(o.raw(key, required=True), f"{o.path}.{key}")
    else:
        raise TypeError(f"{d.name}: no JSON reader for a {kind} field")
    if nested:
        name = d.json_name

        def read_nested(o: _Obj, values: dict[str, Any]) -> Any:
            return read(_within(o, name)[0])

        return read_nested, True
    return read, False


_READERS: dict[type, tuple[tuple[str, Callable[..., Any], bool], ...]] = {}


def _readers(cls: type) -> tuple[tuple[str, Callable[..., Any], bool], ...]:
    """(field, reader, whether it reads the fields read before it) in JSON order."""
    known = _READERS.get(cls)
    if known is None:
        known = _READERS[cls] = tuple((d.name, *_reader(d)) for d in json_order(cls))
    return known


def from_json(cls: type[T], o: _Obj) -> T:
    """An entity (and its children) from its JSON object; raises ``JsonFormatError``."""
    values: dict[str, Any] = {}
    for name, read, with_values in _readers(cls):
        values[name] = read(o, values) if with_values else read(o)
    return cls(**values)


def dict_to_plan(data: object, *, path: str = "plan") -> Plan:
    """A ``Plan`` from the ``plan`` object of a dump; raises ``JsonFormatError``."""
    plan = from_json(Plan, _Obj(data, path))
    problems = check_whole_plan(plan)
    if problems:
        first = problems[0]
        raise JsonFormatError(f"{path}.{first.field}: {first.message}")
    return plan


def _snapshot_data(data: object, path: str) -> dict[str, Any]:
    """A snapshot's data: a plan as ``dict_to_plan`` reads it, text that is valid Unicode
    (keys too) — held to the rules it must pass when the snapshot is read back."""
    obj = _Obj(data, path).data
    stack: list[object] = [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise JsonFormatError(
                    f"{path}: contains an invalid character (a lone surrogate)"
                ) from None
    dict_to_plan(obj, path=path)
    return obj


def _finite_float(text: str) -> float | _Constant:
    value = float(text)
    return value if math.isfinite(value) else _Constant(text[:40])


def parse_document(text: str | bytes) -> Plan:
    """The ``Plan`` of a dump document's text; raises ``JsonFormatError``."""
    if len(text) > MAX_JSON_BYTES:
        raise JsonFormatError("document: too large (at most 200 MB)")
    try:
        data = json.loads(text, parse_constant=_Constant, parse_float=_finite_float)
    except RecursionError:
        raise JsonFormatError("document: nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise JsonFormatError(f"document: not valid JSON ({e})") from None
    _refuse_constants(data)
    doc = _Obj(data, "document")
    if doc.raw("format", None) != FORMAT:
        raise JsonFormatError(f'format: must be "{FORMAT}"')
    version = doc.raw("version", None)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise JsonFormatError("version: must be a whole number ≥ 1")
    if version > SCHEMA_VERSION:
        raise JsonFormatError(
            f"version: {version} is from a newer SMB Planner (this one reads up to "
            f"{SCHEMA_VERSION}); please update SMB Planner"
        )
    return dict_to_plan(doc.raw("plan", required=True))


class _Constant(str):
    """``NaN``, ``Infinity`` or ``-Infinity`` in the text: kept while parsing, so that the
    refusal can name the field that holds it."""


def _refuse_constants(data: object) -> None:
    stack: list[tuple[object, str]] = [(data, "document")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, _Constant):
            raise JsonFormatError(f"{path}: must be a finite number ({value} is not allowed)")
        if isinstance(value, dict):
            for key, child in reversed(value.items()):  # reversed: found in document order
                child_path = "plan" if path == "document" and key == "plan" else f"{path}.{key}"
                stack.append((child, child_path))
        elif isinstance(value, list):
            stack.extend((value[i], f"{path}[{i}]") for i in reversed(range(len(value))))
