"""Check a model's input (or output) against its version's ``openapi_schema``, before any request.

The API refuses a bad input with a 422 only after the request, and for a
model run by name only after it has queued; checked here, a typo in a field
name or a value out of range fails at once, naming the field, the value and
the rule. Every problem is reported, one per line, so a caller fixes them in
one go.

The rules are those Cog writes into a version's schema: ``required``, the
properties of ``Input`` (any other field is refused), JSON types, numeric and
length bounds, ``pattern``, ``enum`` (also in Cog's ``allOf: [{"$ref": ...}]``
form), ``items``, ``anyOf``/``oneOf``/``allOf``, and ``nullable``. A
``format: uri`` field also takes what the clients upload before sending (a
``Path``, an open binary file, bytes: see ``_inputs``). The value of a secret
field (``x-cog-secret``, or ``format: password``) is never shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from replicate_typed._inputs import is_file

#: The longest shown value, so a 10 MB data URI does not fill the message.
MAX_SHOWN = 60
_SECRET = "<secret>"
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Problem:
    """One way a value breaks the schema.

    Attributes:
        field: where, e.g. ``input.prompt`` or ``input.images[2]``.
        value: the value as shown (truncated; ``<secret>`` for a secret field;
            None when the field is missing).
        rule: what it breaks, in words, naming the schema keyword.
    """

    field: str
    value: str | None
    rule: str

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (got {self.value})"
        return f"{self.field}: {self.rule}{shown}"


class SchemaMismatchError(ValueError):
    """A value that does not fit a model's schema; ``problems`` lists every one."""

    def __init__(self, what: str, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{what} does not fit the model's schema ({count} {noun}):\n{lines}")


class InputError(SchemaMismatchError):
    """An input the model's schema refuses, found before any request was sent."""


class OutputError(SchemaMismatchError):
    """An output that does not fit the model's output schema."""


def check_input(
    openapi_schema: Mapping[str, Any],
    input: Mapping[str, object] | None,
    *,
    component: str = "Input",
) -> None:
    """Raise InputError unless ``input`` fits ``components.schemas[component]``.

    Fields the schema does not list are refused (the API would ignore or
    refuse them; either way the caller meant something else). ``component``
    is e.g. "TrainingInput" for a training.

    Raises:
        InputError: naming each bad field, its value and the rule.
        ValueError: the schema has no such component.
    """
    schema = component_schema(openapi_schema, component)
    value: object = {} if input is None else input
    problems = list(_Checker(openapi_schema).check(schema, value, "input", top=True))
    if problems:
        raise InputError("input", problems)


def check_output(
    openapi_schema: Mapping[str, Any], output: object, *, component: str = "Output"
) -> None:
    """Raise OutputError unless ``output`` (JSON, as the API returns it) fits the output schema."""
    schema = component_schema(openapi_schema, component)
    problems = list(_Checker(openapi_schema).check(schema, output, "output", top=False))
    if problems:
        raise OutputError("output", problems)


def resolve(openapi_schema: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """``schema`` with each local ``$ref`` followed; ValueError for one that leads nowhere."""
    seen: set[str] = set()
    while isinstance(ref := schema.get("$ref"), str):
        if ref in seen:
            raise ValueError(f"schema $ref {ref!r} refers to itself")
        seen.add(ref)
        schema = _pointer(openapi_schema, ref)
    return schema


def component_schema(openapi_schema: Mapping[str, Any], component: str) -> Mapping[str, Any]:
    """``components.schemas[component]``; ValueError names what is missing."""
    found = _child(_child(_child(openapi_schema, "components"), "schemas"), component)
    if not isinstance(found, Mapping):
        raise ValueError(f"the schema has no components.schemas.{component}")
    return cast(Mapping[str, Any], found)


def _child(node: object, key: str) -> object:
    """``node[key]`` if ``node`` is a mapping that has it, else None."""
    return cast(Mapping[str, object], node).get(key) if isinstance(node, Mapping) else None


def _pointer(openapi_schema: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"schema $ref {ref!r} is not local to the version's schema")
    node: object = openapi_schema
    for part in ref[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        node = _child(node, key)
    if not isinstance(node, Mapping):
        raise ValueError(f"schema $ref {ref!r} leads to no schema")
    return cast(Mapping[str, Any], node)


def shown(value: object, schema: Mapping[str, Any] | None = None) -> str:
    """``repr(value)``, cut to MAX_SHOWN characters; never a secret field's value."""
    if schema is not None and is_secret(schema):
        return _SECRET
    if is_file(value):
        return f"<{type(value).__name__}>"
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def is_secret(schema: Mapping[str, Any]) -> bool:
    """Whether a field holds a secret (Cog's ``Secret`` type): its value is never shown."""
    return schema.get("x-cog-secret") is True or schema.get("format") == "password"


class _Checker:
    """Walks a value and its schema together, yielding every problem."""

    def __init__(self, openapi_schema: Mapping[str, Any]) -> None:
        self._root = openapi_schema

    def check(
        self,
        schema: Mapping[str, Any],
        value: object,
        where: str,
        *,
        top: bool = False,
        optional: bool = False,
    ) -> Iterator[Problem]:
        """Every problem of ``value`` against ``schema``; ``optional``: a field not required."""
        schema = resolve(self._root, schema)
        parts = [resolve(self._root, cast(Mapping[str, Any], s)) for s in schema.get("allOf", ())]
        # Cog puts an enum behind allOf: [{"$ref": ...}]; a secret marker may sit beside it.
        secret = is_secret(schema) or any(is_secret(part) for part in parts)
        marker: Mapping[str, Any] | None = {"x-cog-secret": True} if secret else None
        if value is None:
            # Cog writes ``Optional[int] = Input(default=None)`` without ``nullable``,
            # and the API takes null for it: real default examples send it.
            if not optional and not self._nullable(schema, parts):
                yield Problem(where, "None", "must not be null here (nullable)")
            return
        yield from self._own_rules(schema, value, where, marker, top=top)
        for part in parts:
            yield from self._own_rules(part, value, where, marker, top=False)
        yield from self._alternatives(schema, value, where, marker)

    def _nullable(self, schema: Mapping[str, Any], parts: list[Mapping[str, Any]]) -> bool:
        for candidate in (schema, *parts):
            kind = candidate.get("type")
            if candidate.get("nullable") is True or kind == "null":
                return True
            if isinstance(kind, list) and "null" in kind:
                return True
            options = [*candidate.get("anyOf", ()), *candidate.get("oneOf", ())]
            if any(self._nullable(resolve(self._root, option), []) for option in options):
                return True
        # A schema that says nothing (``{}``) takes anything, null included.
        return not any(key in schema for key in ("type", "enum", "anyOf", "oneOf")) and not parts

    def _own_rules(
        self,
        schema: Mapping[str, Any],
        value: object,
        where: str,
        marker: Mapping[str, Any] | None,
        *,
        top: bool,
    ) -> Iterator[Problem]:
        """The rules written on this schema itself (not its allOf/anyOf parts)."""
        show = shown(value, marker or schema)
        kind = schema.get("type")
        enum = schema.get("enum")
        choices = cast(list[object], enum) if isinstance(enum, list) else None
        # Old cog (0.1.x, "shimmed") wrote enums of strings on integer and boolean
        # fields (``type: integer, enum: ["512", "256"]``); the bindings type such a
        # field as those strings, so a value listed as it is passes type and enum.
        listed = choices is not None and any(
            type(choice) is type(value) and choice == value for choice in choices
        )
        if isinstance(kind, str) and not listed and not _is_type(value, kind, schema):
            yield Problem(where, show, f"must be {_A.get(kind, kind)} (type)")
            return
        number = _as_number(value, kind)
        compared = number if isinstance(value, str) and number is not None else value
        if choices is not None and not listed and compared not in choices:
            listing = ", ".join(shown(choice) for choice in choices[:20])
            yield Problem(where, show, f"must be one of {listing} (enum)")
        if number is not None:
            yield from _bounds(schema, number, where, show)
        if isinstance(value, str) and kind not in ("integer", "number"):
            yield from _text_rules(schema, value, where, show)
        if isinstance(value, list | tuple) and isinstance(items := schema.get("items"), Mapping):
            for index, item in enumerate(cast(Sequence[object], value)):
                yield from self.check(cast(Mapping[str, Any], items), item, f"{where}[{index}]")
        if isinstance(value, Mapping):
            yield from self._object(schema, cast(Mapping[str, object], value), where, top=top)

    def _object(
        self, schema: Mapping[str, Any], value: Mapping[str, object], where: str, *, top: bool
    ) -> Iterator[Problem]:
        properties = cast(Mapping[str, Any], schema.get("properties") or {})
        required = cast(list[str], schema.get("required") or [])
        for name in required:
            if name not in value:
                yield Problem(f"{where}.{name}", None, "is required but missing (required)")
        extra = schema.get("additionalProperties", not top)
        for name, item in value.items():
            if name in properties:
                optional = name not in required
                yield from self.check(properties[name], item, f"{where}.{name}", optional=optional)
            elif isinstance(extra, Mapping):
                yield from self.check(cast(Mapping[str, Any], extra), item, f"{where}.{name}")
            elif extra is False:
                yield Problem(
                    f"{where}.{name}", shown(item), f"is not a field; {_fields(properties)}"
                )

    def _alternatives(
        self,
        schema: Mapping[str, Any],
        value: object,
        where: str,
        marker: Mapping[str, Any] | None,
    ) -> Iterator[Problem]:
        for keyword in ("anyOf", "oneOf"):
            options = cast(list[Mapping[str, Any]], schema.get(keyword) or [])
            if options and not any(not any(self.check(o, value, where)) for o in options):
                described = " or ".join(self._describe(option) for option in options)
                yield Problem(
                    where, shown(value, marker or schema), f"must be {described} ({keyword})"
                )

    def _describe(self, option: Mapping[str, Any]) -> str:
        option = resolve(self._root, option)
        kind = option.get("type")
        if isinstance(kind, str):
            return _A.get(kind, kind)
        return str(option.get("title", "a value of another shape"))


def _fields(properties: Mapping[str, Any]) -> str:
    names = sorted(properties)
    if not names:
        return "this model takes none (additionalProperties)"
    listed = ", ".join(names[:_MAX_LISTED]) + (", ..." if len(names) > _MAX_LISTED else "")
    return f"this model takes {listed} (additionalProperties)"


_MAX_LISTED = 12
_A = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
    "null": "null",
}


def _is_type(value: object, kind: str, schema: Mapping[str, Any]) -> bool:
    if kind == "string":
        return isinstance(value, str) or (schema.get("format") == "uri" and _is_local_file(value))
    if kind in ("integer", "number"):
        return _as_number(value, kind) is not None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list | tuple)
    if kind == "object":
        return isinstance(value, Mapping)
    return True  # a type this checker does not know (e.g. "file" in old schemas): the API decides


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _as_number(value: object, kind: object) -> float | None:
    """The number ``value`` is for a field of type ``kind``, or None if it is none.

    A bool is no number. A numeric string is one, as Cog coerces it (and the
    API's own default examples send "512" for integers); a float is no integer.
    """
    if isinstance(value, str) and kind in ("integer", "number"):
        text = value.strip()
        if kind == "integer":
            return float(int(text)) if _INTEGER.match(text) else None
        try:
            return float(text)
        except ValueError:
            return None
    if not _is_number(value) or (kind == "integer" and not isinstance(value, int)):
        return None
    return float(cast(float, value))


_INTEGER = re.compile(r"^[+-]?[0-9]+$")


def _is_local_file(value: object) -> bool:
    try:
        return is_file(value)
    except ValueError:  # a text-mode file: the upload step says how to open it
        return True


def _bounds(schema: Mapping[str, Any], value: float, where: str, show: str) -> Iterator[Problem]:
    if isinstance(value, float) and not math.isfinite(value):
        yield Problem(where, show, "must be a finite number, as JSON has no NaN or infinity (type)")
        return
    low, low_open = _limit(schema, "minimum", "exclusiveMinimum")
    high, high_open = _limit(schema, "maximum", "exclusiveMaximum")
    if low is not None:
        if low_open and value <= low:
            yield Problem(where, show, f"must be greater than {low:g} (exclusiveMinimum)")
        elif value < low:
            yield Problem(where, show, f"must be at least {low:g} (minimum)")
    if high is not None:
        if high_open and value >= high:
            yield Problem(where, show, f"must be less than {high:g} (exclusiveMaximum)")
        elif value > high:
            yield Problem(where, show, f"must be at most {high:g} (maximum)")


def _limit(schema: Mapping[str, Any], inclusive: str, exclusive: str) -> tuple[float | None, bool]:
    """A bound and whether it is exclusive: OpenAPI 3.0 flags it, 3.1 gives the number there."""
    flag: object = schema.get(exclusive)
    if _is_number(flag):
        return float(cast(float, flag)), True
    bound: object = schema.get(inclusive)
    return (float(cast(float, bound)) if _is_number(bound) else None), flag is True


def _text_rules(schema: Mapping[str, Any], value: str, where: str, show: str) -> Iterator[Problem]:
    shortest, longest = schema.get("minLength"), schema.get("maxLength")
    if isinstance(shortest, int) and len(value) < shortest:
        yield Problem(
            where,
            show,
            f"must be at least {shortest} characters long, not {len(value)} (minLength)",
        )
    if isinstance(longest, int) and len(value) > longest:
        yield Problem(
            where, show, f"must be at most {longest} characters long, not {len(value)} (maxLength)"
        )
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and re.search(pattern, value) is None:
        yield Problem(where, show, f"must match the pattern {pattern!r} (pattern)")
    if schema.get("format") == "uri" and not _URI.match(value):
        yield Problem(where, show, "must be a URL or data URI, or a local file to upload (uri)")
