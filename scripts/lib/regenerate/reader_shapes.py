"""What a reader field holds (its "shape"), read off the generator's parsed properties.

``shape_of`` maps each openapi-python-client property to one of the small
shape classes here; ``annotation`` gives its Python type. readers.py and
reader_code.py write code from shapes alone, never from the generator's
property classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regenerate.internals import (
    AnyProperty,
    BooleanProperty,
    DateTimeProperty,
    EnumProperty,
    FloatProperty,
    IntProperty,
    ListProperty,
    ModelProperty,
    NoneProperty,
    StringProperty,
    UnionProperty,
)

# -- what a field holds ------------------------------------------------------------------


@dataclass(frozen=True)
class Scalar:
    """A JSON string, integer, number or boolean."""

    python: str  # "str", "int", "float", "bool"


@dataclass(frozen=True)
class Timestamp:
    """An ISO 8601 string read as ``datetime.datetime``."""


@dataclass(frozen=True)
class FreeJSON:
    """Any JSON value (the spec gives no type)."""


@dataclass(frozen=True)
class FreeObject:
    """A JSON object with no declared fields: ``dict[str, JSON]``."""


@dataclass(frozen=True)
class Nested:
    """Another reader model."""

    class_name: str
    module_name: str


@dataclass(frozen=True)
class OpenEnum:
    """A string enum read open: a member, or ``UnknownValue`` for a value not listed."""

    class_name: str
    module_name: str


@dataclass(frozen=True)
class ListOf:
    """A JSON array."""

    item: Shape


@dataclass(frozen=True)
class Nullable:
    """A value the spec allows to be ``null``."""

    inner: Shape


Shape = Scalar | Timestamp | FreeJSON | FreeObject | Nested | OpenEnum | ListOf | Nullable

_SCALARS: dict[type[Any], str] = {
    StringProperty: "str",
    IntProperty: "int",
    FloatProperty: "float",
    BooleanProperty: "bool",
}


class ReaderError(Exception):
    """A response schema uses something a reader model cannot express yet."""


def is_free_object(model: ModelProperty) -> bool:
    """A model with no declared fields: read as a plain ``dict[str, JSON]``."""
    return not (model.required_properties or model.optional_properties)


#: Models as the parsed spec built them, by class name. A property that refers
#: to a model holds a copy made before that model's fields were parsed.
Built = dict[str, ModelProperty]


def shape_of(prop: Any, where: str, built: Built) -> Shape:
    """What a generated property holds, in reader terms."""
    if isinstance(prop, UnionProperty):
        inner = [p for p in prop.inner_properties if not isinstance(p, NoneProperty)]
        nullable = len(inner) < len(prop.inner_properties)
        kinds = {type(p) for p in inner}
        if len(inner) == 2 and kinds == {EnumProperty, StringProperty}:
            # The open-response-enums patch: "a listed value, or any string".
            enum = next(p for p in inner if isinstance(p, EnumProperty))
            shape: Shape = _open_enum(enum)
        elif len(inner) == 1:
            shape = shape_of(inner[0], where, built)
        else:
            raise ReaderError(f"{where}: a union of {sorted(k.__name__ for k in kinds)}")
        return Nullable(shape) if nullable else shape
    if type(prop) in _SCALARS:
        return Scalar(_SCALARS[type(prop)])
    if isinstance(prop, DateTimeProperty):
        return Timestamp()
    if isinstance(prop, AnyProperty):
        return FreeJSON()
    if isinstance(prop, EnumProperty):
        return _open_enum(prop)
    if isinstance(prop, ListProperty):
        return ListOf(shape_of(prop.inner_property, f"{where}[]", built))
    if isinstance(prop, ModelProperty):
        if is_free_object(built.get(prop.class_info.name, prop)):
            return FreeObject()
        return Nested(prop.class_info.name, prop.class_info.module_name)
    raise ReaderError(f"{where}: {type(prop).__name__} is not supported in a response model")


def _open_enum(prop: EnumProperty) -> OpenEnum:
    if prop.value_type is not str:
        raise ReaderError(f"{prop.name}: only string enums are read open")
    return OpenEnum(prop.class_info.name, prop.class_info.module_name)


def annotation(shape: Shape) -> str:
    """The Python type of a value of this shape."""
    match shape:
        case Scalar(python):
            return python
        case Timestamp():
            return "datetime.datetime"
        case FreeJSON():
            return "JSON"
        case FreeObject():
            return "dict[str, JSON]"
        case Nested(class_name, _):
            return class_name
        case OpenEnum(class_name, _):
            return f"{class_name} | UnknownValue"
        case ListOf(item):
            return f"list[{annotation(item)}]"
        case Nullable(inner):
            return f"{annotation(inner)} | None"


def constant(class_name: str) -> str:
    """The module constant that maps an enum's values to members: PredictionStatus -> _BY_VALUE."""
    out = ""
    for index, char in enumerate(class_name):
        if char.isupper() and index:
            out += "_"
        out += char.upper()
    return out + "_BY_VALUE"
