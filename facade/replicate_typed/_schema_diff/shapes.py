"""Resolve an OpenAPI schema into comparable facts, one per place below it.

The change reports (``changes.py``: ``scripts/regenerate --spec`` on the API
spec, ``versions.py``: ``replicate-typed models check`` on a model version's
schema) compare meanings, not locations: an inline
schema and a ``$ref`` to a component with the same fields must compare equal, and
``string | null`` must differ from ``string`` only in nullability. This module
does that normalising and nothing else, so the comparison rules can be read
without the resolution details and vice versa.

Each schema is reduced to ``Facts`` (base type, nullability, enum, required,
default, numeric and length bounds, pattern) at every ``Place`` (a root such as
``response 200 application/json`` and a path such as ``.results[].name``). Every
``$ref`` is followed; one already being expanded on the current path (a
recursive schema) is not expanded again and reads as "the same as the schema at
<path>", which a rename leaves equal.
Nullability (``nullable: true``, ``type: [X, "null"]``, a ``{type: null}`` member
of ``anyOf``/``oneOf``, ``null`` in an ``enum``) is kept apart from the base type.
``allOf`` is the merge of its members. Descriptions, titles and examples are
dropped.

Beside the facts, each place gets its ``Anchor``: the innermost component schema
that declares it and the path below that component. The report uses it to print
a change inside a shared component once instead of once per operation; anchors
never take part in comparing facts, so a renamed component still compares equal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

#: A parsed OpenAPI document (the API's spec, or a model version's ``openapi_schema``).
Document = dict[str, Any]
Node = dict[str, Any]

SCHEMAS = "#/components/schemas/"


@dataclass(frozen=True)
class Facts:
    """What the report compares at one place."""

    #: The base type by meaning ("string(date-time)", "object", "integer|string"), no null.
    type: str
    nullable: bool
    required: bool
    #: The allowed values, or None when any value of the type is allowed.
    enum: tuple[Any, ...] | None
    #: The schema's ``default`` as JSON text, or None when it has none.
    default: str | None = None
    #: Range, length and pattern limits; None when the schema sets none. A 3.0
    #: ``exclusiveMinimum: true`` beside ``minimum`` reads as the 3.1 number form.
    minimum: float | None = None
    maximum: float | None = None
    exclusiveMinimum: float | None = None
    exclusiveMaximum: float | None = None
    minLength: int | None = None
    maxLength: int | None = None
    minItems: int | None = None
    maxItems: int | None = None
    #: The ``pattern``; several (an ``allOf`` of patterned members) joined by `` & ``.
    pattern: str | None = None


#: Keywords whose larger value admits fewer values, and those whose smaller value does.
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems")
BOUNDS = (*LOWER_BOUNDS, *UPPER_BOUNDS)


#: A place: the root (``query parameter limit``, ``response 200 application/json``)
#: and the path below it (``.results[].name``; ``{}`` for additionalProperties values).
Place = tuple[str, str]
Fields = dict[Place, Facts]
#: The component schema that declares a place and the path below it (``.urls.stream``).
Anchor = tuple[str, str]


@dataclass
class Flat:
    """A flattened schema: the facts at every place, and where each place is declared."""

    fields: Fields = field(default_factory=dict[Place, Facts])
    anchors: dict[Place, Anchor] = field(default_factory=dict[Place, Anchor])

    def update(self, other: Flat) -> None:
        self.fields.update(other.fields)
        self.anchors.update(other.anchors)


def flatten(spec: Document, root: str, schema: Any, required: bool) -> Flat:
    """The facts (and anchors) of ``schema`` and of every property, item and value below it."""
    flat = Flat()
    for place, facts, anchor in _walk(spec, root, schema, required, path="", expanding={}):
        flat.fields[place] = facts
        if anchor is not None:
            flat.anchors[place] = anchor
    return flat


def _walk(
    spec: Document,
    root: str,
    schema: Any,
    required: bool,
    *,
    path: str,
    expanding: Mapping[str, str],
) -> Iterator[tuple[Place, Facts, Anchor | None]]:
    """Yield (place, facts, anchor) for a schema and every place below it.

    ``expanding`` maps each ``$ref`` being expanded on the current path to where.
    """
    shape = _Shape.of(spec, schema, path, dict(expanding))
    # A place is declared by the innermost component enclosing it (its parent's); the
    # root has no parent, so its own component, if it is one, declares it.
    enclosing = expanding if path else dict.fromkeys(shape.expanded, path)
    yield (root, path), shape.facts(required), _anchor(enclosing, path)
    inner = {**expanding, **dict.fromkeys(shape.expanded, path)}
    for name in sorted(shape.properties):
        child = shape.properties[name]
        yield from _walk(
            spec, root, child, name in shape.required, path=f"{path}.{name}", expanding=inner
        )
    if shape.items is not None:
        yield from _walk(spec, root, shape.items, True, path=f"{path}[]", expanding=inner)
    if shape.values is not None:
        yield from _walk(spec, root, shape.values, True, path=f"{path}{{}}", expanding=inner)


def _anchor(enclosing: Mapping[str, str], path: str) -> Anchor | None:
    """The innermost component among ``enclosing`` (ref -> where expanded), by name on a tie."""
    components = [(-len(at), ref, at) for ref, at in enclosing.items() if ref.startswith(SCHEMAS)]
    if not components:
        return None
    _, ref, at = min(components)
    return ref.removeprefix(SCHEMAS), path[len(at) :]


@dataclass
class _Shape:
    """What one schema means, its ``$ref``, ``allOf``, ``anyOf`` and ``oneOf`` resolved."""

    #: Base types ("string", "object"); empty when the schema does not say.
    types: set[str] = field(default_factory=set[str])
    nullable: bool = False
    enum: list[Any] | None = None
    properties: dict[str, Any] = field(default_factory=dict[str, Any])
    required: set[str] = field(default_factory=set[str])
    items: Any = None
    values: Any = None
    default: str | None = None
    #: Numeric and length bounds (``BOUNDS``) that are set, by keyword.
    bounds: dict[str, float] = field(default_factory=dict[str, float])
    #: Every pattern a value must match (all of them, for ``allOf``).
    patterns: set[str] = field(default_factory=set[str])
    #: The ``$ref`` targets followed to reach this shape.
    expanded: set[str] = field(default_factory=set[str])

    def facts(self, required: bool) -> Facts:
        types = (self.types or {"object"}) if self.properties else self.types
        if not types and self.items is not None:
            types = {"array"}
        enum = None if self.enum is None else tuple(self.enum)
        bound = self.bounds.get
        return Facts(
            "|".join(sorted(types)) or "any",
            self.nullable,
            required,
            enum,
            self.default,
            minimum=bound("minimum"),
            maximum=bound("maximum"),
            exclusiveMinimum=bound("exclusiveMinimum"),
            exclusiveMaximum=bound("exclusiveMaximum"),
            minLength=_count(bound("minLength")),
            maxLength=_count(bound("maxLength")),
            minItems=_count(bound("minItems")),
            maxItems=_count(bound("maxItems")),
            pattern=" & ".join(sorted(self.patterns)) or None,
        )

    @classmethod
    def of(cls, spec: Document, node: Any, path: str, expanding: dict[str, str]) -> _Shape:
        schema = cast(Node, node) if isinstance(node, dict) else {}
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref in expanding:  # recursive: the same as an enclosing schema
                return cls(types={f"<same as {expanding[ref] or 'top'}>"})
            target = cls.of(spec, resolve(spec, schema), path, {**expanding, ref: path})
            target.expanded.add(ref)
            siblings = {key: value for key, value in schema.items() if key != "$ref"}
            if not siblings:
                return target
            beside = cls.of(spec, siblings, path, expanding)  # 3.1 allows keys beside $ref
            merged = cls._all([target, beside])
            merged.nullable = merged.nullable or beside.nullable
            return merged
        shape = cls._own(schema)
        members = [shape]
        for member in schema.get("allOf", []):
            members.append(cls.of(spec, member, path, expanding))
        alternatives: list[_Shape] = []
        for combinator in ("anyOf", "oneOf"):
            for member in schema.get(combinator, []):
                alternatives.append(cls.of(spec, member, path, expanding))
        if alternatives:
            members.append(cls._any(alternatives))
        merged = cls._all(members) if len(members) > 1 else shape
        # ``nullable: true`` beside ``allOf: [$ref]`` (cog style) makes the ref nullable.
        merged.nullable = merged.nullable or shape.nullable
        return merged

    @classmethod
    def _own(cls, schema: Node) -> _Shape:
        kind: Any = schema.get("type", [])
        types = {str(t) for t in (cast("list[object]", kind) if isinstance(kind, list) else [kind])}
        nullable = "null" in types or bool(schema.get("nullable"))
        types.discard("null")
        if "format" in schema:
            types = {f"{t}({schema['format']})" for t in types}
        enum: list[Any] | None = None
        if "enum" in schema or "const" in schema:
            values: list[Any] = (
                list(schema.get("enum", [])) if "enum" in schema else [schema["const"]]
            )
            nullable = nullable or None in values
            enum = [value for value in values if value is not None]
            if not enum and nullable and not types:  # ``enum: [null]``: the null type
                enum = None
        items = schema.get("items")
        values_schema = schema.get("additionalProperties")
        pattern = schema.get("pattern")
        return cls(
            types=types,
            nullable=nullable,
            enum=enum,
            properties=dict(schema.get("properties", {})),
            required=set(schema.get("required", [])),
            items=items if isinstance(items, dict) else None,
            values=values_schema if isinstance(values_schema, dict) else None,
            default=json.dumps(schema["default"], sort_keys=True) if "default" in schema else None,
            bounds=_own_bounds(schema),
            patterns={pattern} if isinstance(pattern, str) else set(),
        )

    @classmethod
    def _all(cls, members: list[_Shape]) -> _Shape:
        """Every member holds (allOf): the merge of their facts."""
        merged = cls()
        for member in members:
            if member.types:
                merged.types = merged.types & member.types if merged.types else set(member.types)
            if member.enum is not None:
                merged.enum = (
                    member.enum
                    if merged.enum is None
                    else [v for v in merged.enum if v in member.enum]
                )
            for name, child in member.properties.items():
                seen = merged.properties.get(name)
                merged.properties[name] = child if seen is None else {"allOf": [seen, child]}
            merged.required |= member.required
            merged.items = _both(merged.items, member.items, "allOf")
            merged.values = _both(merged.values, member.values, "allOf")
            merged.default = member.default if member.default is not None else merged.default
            for keyword, limit in member.bounds.items():  # every limit holds: the narrowest
                seen = merged.bounds.get(keyword)
                tighter = max if keyword in LOWER_BOUNDS else min
                merged.bounds[keyword] = limit if seen is None else tighter(seen, limit)
            merged.patterns |= member.patterns
            merged.expanded |= member.expanded
        # Nullable only when every member that speaks of types allows null.
        typed = [member for member in members if member.types or member.nullable]
        merged.nullable = bool(typed) and all(member.nullable for member in typed)
        return merged

    @classmethod
    def _any(cls, members: list[_Shape]) -> _Shape:
        """One member holds (anyOf, oneOf): ``{type: null}`` members are nullability."""
        nulls = [m for m in members if m.nullable and not m.types and m.enum is None]
        others = [m for m in members if m not in nulls]
        if len(others) == 1:
            shape = others[0]
        else:
            shape = cls()
            for member in others:
                shape.types |= member.types or {"any"}
                for name, child in member.properties.items():
                    seen = shape.properties.get(name)
                    shape.properties[name] = child if seen is None else {"anyOf": [seen, child]}
                shape.items = _both(shape.items, member.items, "anyOf")
                shape.values = _both(shape.values, member.values, "anyOf")
                shape.expanded |= member.expanded
            every = [m.required for m in others if m.properties]
            shape.required = set(every[0]).intersection(*every[1:]) if every else set()
            # One member holds: the widest limit, none when some member sets none.
            for keyword in BOUNDS:
                limits = [m.bounds.get(keyword) for m in others]
                if limits and all(limit is not None for limit in limits):
                    wider = min if keyword in LOWER_BOUNDS else max
                    shape.bounds[keyword] = wider(limit for limit in limits if limit is not None)
            if others and all(m.patterns == others[0].patterns for m in others):
                shape.patterns = set(others[0].patterns)
            if others and all(m.enum is not None for m in others):
                shape.enum = []
                for member in others:
                    shape.enum += [v for v in member.enum or [] if v not in shape.enum]
        shape.nullable = shape.nullable or bool(nulls) or any(m.nullable for m in others)
        return shape


def _own_bounds(schema: Node) -> dict[str, float]:
    """A schema's numeric limits; 3.0's ``exclusiveMinimum: true`` moves ``minimum`` there."""
    found: dict[str, float] = {}
    for keyword in BOUNDS:
        value = schema.get(keyword)
        if isinstance(value, int | float) and not isinstance(value, bool):
            found[keyword] = value
    for exclusive, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if schema.get(exclusive) is True and inclusive in found:
            found[exclusive] = found.pop(inclusive)
    return found


def _count(value: float | None) -> int | None:
    """A length limit as the integer JSON Schema requires."""
    return None if value is None else int(value)


def _both(first: Any, second: Any, combinator: str) -> Any:
    if first is None:
        return second
    return first if second is None else {combinator: [first, second]}


def resolve(spec: Document, node: Any) -> Node:
    """Follow a local ``$ref`` (to parameters, request bodies, responses, schemas) once."""
    if not isinstance(node, dict):
        return {}
    mapping = cast(Node, node)  # parsed JSON: its keys are strings
    ref = mapping.get("$ref")
    if not isinstance(ref, str):
        return mapping
    target: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        if not isinstance(target, dict):
            return {}
        target = cast(Node, target).get(part.replace("~1", "/").replace("~0", "~"), {})
    return cast(Node, target) if isinstance(target, dict) else {}
