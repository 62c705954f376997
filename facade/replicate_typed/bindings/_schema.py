"""Read a version's ``openapi_schema`` into what a bindings module needs, or refuse it.

The schema is cog's: ``components.schemas.Input`` (an object of named fields,
ordered by ``x-order``) and ``Output`` (any JSON Schema), with enums as
``allOf: [{$ref}]`` into a sibling schema and outputs often a ``$ref`` too.
This module resolves all of that into small frozen descriptions, so the
renderer only formats and never has to understand JSON Schema. What it cannot
describe honestly (no ``Input``, no ``Output``, a ``$ref`` to nowhere, a
cycle) is a ``BindingsError`` that says why; a shape it does not model
precisely (a union output, an untyped object) becomes ``Any`` rather than a
guess.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, cast

Scalar: TypeAlias = Literal["str", "int", "float", "bool"]

_SCALARS: dict[str, Scalar] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}

#: Input constraints kept in the field's docs (``check_input`` enforces them).
CONSTRAINTS = ("minimum", "maximum", "ge", "le", "minLength", "maxLength", "pattern")


class BindingsError(ValueError):
    """A schema bindings cannot be generated for; the message says which and why."""


@dataclass(frozen=True)
class ScalarShape:
    """A JSON string, integer, number or boolean."""

    kind: Scalar


@dataclass(frozen=True)
class EnumShape:
    """One of fixed values (cog's enums, inline or by ``allOf: [{$ref}]``)."""

    values: tuple[str | int | float, ...]


@dataclass(frozen=True)
class FileShape:
    """``format: uri``: a URL; as an input also a local file, as an output a file object."""


@dataclass(frozen=True)
class SecretShape:
    """``x-cog-secret``: a string that must not show in reprs, logs or errors."""


@dataclass(frozen=True)
class AnyShape:
    """A value bindings do not type more precisely (``{}``, unions, free-form objects)."""


@dataclass(frozen=True)
class ListShape:
    """A JSON array; ``iterator`` when cog streams it, ``concatenate`` when it is text."""

    item: Shape
    iterator: bool = False
    concatenate: bool = False


@dataclass(frozen=True)
class Field:
    """One property of an input or of an object output."""

    name: str
    python_name: str
    shape: Shape
    required: bool
    nullable: bool
    default: object
    has_default: bool
    description: str
    constraints: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class ObjectShape:
    """An object with named properties: an output class (``title`` names it)."""

    title: str
    fields: tuple[Field, ...]


Shape: TypeAlias = (
    ScalarShape | EnumShape | FileShape | SecretShape | AnyShape | ListShape | ObjectShape
)


@dataclass(frozen=True)
class Interface:
    """A version's inputs (in ``x-order``) and its output shape."""

    inputs: tuple[Field, ...]
    output: Shape


def read_interface(
    openapi_schema: Mapping[str, Any], *, input_name: str = "Input", output_name: str = "Output"
) -> Interface:
    """The interface ``components.schemas[input_name]`` / ``[output_name]`` describe.

    ``TrainingInput``/``TrainingOutput`` for a training interface. BindingsError
    when either is missing or malformed.
    """
    schemas = _components(openapi_schema)
    reader = _Reader(schemas)
    if input_name not in schemas:
        raise BindingsError(
            f"the schema has no components.schemas.{input_name}"
            " (a version from before cog described its inputs); nothing to type the input from"
        )
    if output_name not in schemas:
        raise BindingsError(
            f"the schema has no components.schemas.{output_name}; nothing to type the output from"
        )
    inputs = reader.input_fields(schemas[input_name], input_name)
    output = reader.shape(schemas[output_name], output_name, output=True)
    return Interface(inputs=inputs, output=output)


def python_name(name: str, taken: set[str]) -> str:
    """A valid, unused Python identifier for a JSON field name (``from`` -> ``from_``)."""
    candidate = re.sub(r"\W", "_", name)
    if not candidate or candidate[0].isdigit():
        candidate = f"field_{candidate}"
    if keyword.iskeyword(candidate) or keyword.issoftkeyword(candidate):
        candidate = f"{candidate}_"
    if candidate.startswith("__"):
        candidate = f"field{candidate}"
    unique, counter = candidate, 2
    while unique in taken or unique == "to_input":
        unique, counter = f"{candidate}_{counter}", counter + 1
    taken.add(unique)
    return unique


def json_object(node: object) -> Mapping[str, Any] | None:
    """``node`` if it is a JSON object (a mapping; its keys are strings in JSON), else None."""
    return cast("Mapping[str, Any]", node) if isinstance(node, Mapping) else None


def json_array(node: object) -> list[object] | None:
    """``node`` if it is a JSON array, else None."""
    return cast("list[object]", node) if isinstance(node, list) else None


def component_schemas(openapi_schema: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """``components.schemas``, or None when the schema has none."""
    components = json_object(openapi_schema.get("components"))
    return json_object(components.get("schemas")) if components is not None else None


def _components(openapi_schema: Mapping[str, Any]) -> Mapping[str, Any]:
    schemas = component_schemas(openapi_schema)
    if schemas is None:
        raise BindingsError(
            "the schema has no components.schemas: not an OpenAPI schema cog wrote"
            " (cog before 0.3 published none)"
        )
    return schemas


class _Reader:
    """Resolves ``$ref``s against one schema's components while reading shapes."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self._schemas = schemas
        self._resolving: list[str] = []

    def input_fields(self, node: object, where: str) -> tuple[Field, ...]:
        resolved = self._resolve(node, where)
        properties = json_object(resolved.get("properties", {}))
        if resolved.get("type", "object") != "object" or properties is None:
            raise BindingsError(f"{where} is not an object with properties")
        return self._fields(properties, resolved.get("required", []), where, output=False)

    def shape(self, node: object, where: str, *, output: bool) -> Shape:
        resolved = self._resolve(node, where)
        ref = _single_ref(resolved)
        if ref is not None:
            self._enter(ref, where)
            try:
                return self.shape(self._target(ref, where), where, output=output)
            finally:
                self._resolving.pop()
        if "enum" in resolved:
            return _enum(resolved["enum"], where)
        if not output and resolved.get("x-cog-secret") is True:
            return SecretShape()
        kind = resolved.get("type")
        if kind == "array":
            item = self.shape(resolved.get("items", {}), f"{where}[]", output=output)
            iterator = output and resolved.get("x-cog-array-type") == "iterator"
            concatenate = (
                iterator
                and resolved.get("x-cog-array-display") == "concatenate"
                and item == ScalarShape("str")
            )
            return ListShape(item=item, iterator=iterator, concatenate=concatenate)
        if kind == "string" and resolved.get("format") == "uri":
            return FileShape()
        if isinstance(kind, str) and kind in _SCALARS:
            return ScalarShape(_SCALARS[kind])
        properties = json_object(resolved.get("properties"))
        if output and kind in (None, "object") and properties:
            title = resolved.get("title")
            fields = self._fields(properties, resolved.get("required", []), where, output=True)
            if not isinstance(title, str):
                title = where.rpartition(".")[2].replace("[]", " item")
            return ObjectShape(title=title, fields=fields)
        return AnyShape()

    def _fields(
        self, properties: Mapping[str, Any], required: object, where: str, *, output: bool
    ) -> tuple[Field, ...]:
        needed = {name for name in json_array(required) or [] if isinstance(name, str)}
        order = sorted(
            properties.items(),
            key=lambda item: (_order(item[1]), item[0]),
        )
        taken: set[str] = set()
        fields: list[Field] = []
        for name, value in order:
            node = json_object(value)
            if node is None:
                raise BindingsError(f"{where}.{name} is not a schema object")
            shape = self.shape(node, f"{where}.{name}", output=output)
            fields.append(
                Field(
                    name=name,
                    python_name=python_name(name, taken),
                    shape=shape,
                    required=name in needed,
                    nullable=node.get("nullable") is True,
                    default=node.get("default"),
                    has_default="default" in node,
                    description=_text(node.get("description")),
                    constraints=tuple((key, node[key]) for key in CONSTRAINTS if key in node),
                )
            )
        return tuple(fields)

    def _resolve(self, node: object, where: str) -> Mapping[str, Any]:
        """``node`` as a mapping, a lone ``allOf: [x]`` (cog's enum form) merged in."""
        schema = json_object(node)
        if schema is None:
            raise BindingsError(f"{where} is not a schema object")
        if "allOf" not in schema:
            return schema
        rest = {key: value for key, value in schema.items() if key != "allOf"}
        all_of = json_array(schema["allOf"])
        if all_of is None or len(all_of) != 1:
            return rest
        inner = self._resolve(all_of[0], where)
        ref = _single_ref(inner)
        if ref is not None:
            self._enter(ref, where)
            try:
                inner = self._resolve(self._target(ref, where), where)
            finally:
                self._resolving.pop()
        return {**inner, **rest}

    def _target(self, ref: str, where: str) -> object:
        prefix = "#/components/schemas/"
        name = ref.removeprefix(prefix)
        if not ref.startswith(prefix) or name not in self._schemas:
            raise BindingsError(f"{where} refers to {ref!r}, which the schema does not define")
        return self._schemas[name]

    def _enter(self, ref: str, where: str) -> None:
        if ref in self._resolving:
            raise BindingsError(f"{where} refers to {ref!r} inside itself (a recursive schema)")
        self._resolving.append(ref)


def _single_ref(node: Mapping[str, Any]) -> str | None:
    ref = node.get("$ref")
    if ref is None:
        return None
    if not isinstance(ref, str):
        raise BindingsError(f"a $ref is not a string: {ref!r}")
    return ref


def _enum(values: object, where: str) -> EnumShape:
    listed = json_array(values)
    if not listed:
        raise BindingsError(f"{where} has an empty or malformed enum: {values!r}")
    kept: list[str | int | float] = []
    for value in listed:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise BindingsError(f"{where} has an enum value bindings cannot type: {value!r}")
        if value not in kept:
            kept.append(value)
    return EnumShape(values=tuple(kept))


def _order(node: object) -> float:
    schema = json_object(node)
    order = schema.get("x-order") if schema is not None else None
    return float(order) if isinstance(order, int | float) else float("inf")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
