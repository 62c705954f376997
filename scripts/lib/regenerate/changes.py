"""Compare two OpenAPI documents and report API changes, breaking or additive.

"Breaking" is judged from a client's side: code written against the old spec
may stop working (an operation, parameter, field or enum value is gone, a type
changed, a request now needs something it did not send, or a response may now
carry something the old reader does not expect).

Shapes are compared by meaning, not by location. Each operation's request
(every parameter, every body media type) and each response (status, media type)
is resolved to its full shape: every ``$ref`` is followed, so an inline schema
and a named component with the same fields are the same shape, and moving a
response into a component produces no field lines. A ``$ref`` already being
expanded on the current path (a recursive schema) is not expanded again; it
compares as "the same as the schema at <path>", which a rename leaves equal.
Nullability (``nullable: true``, ``type: [X, "null"]``, a ``{type: null}`` member
of ``anyOf``/``oneOf``, ``null`` in an ``enum``) is compared apart from the base
type, so ``string | null -> string`` is a nullability change, not a retype.
``allOf`` is the merge of its members (a single ``$ref`` is the ref's shape).
Descriptions, titles and examples are not compared.

Every change carries its direction: "request" (what the client sends),
"response" (what it reads) or "both". ``_RULES`` classifies each kind per
direction; "both" is breaking when either direction is. The README's table
("How regeneration works") states the same rules with their reasons.

Components are not compared field by field when an operation uses them: their
fields are covered, with the right direction, through every operation that
reaches them. A component no operation uses is still compared by itself, with
direction "both" (the stricter rule), since the generator writes a class for it.
A component removed and another added with the same resolved shape is one
``schema renamed`` line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from regenerate import patches
from regenerate.spec import Spec, operations

Node = dict[str, Any]
Direction = Literal["request", "response", "both"]

#: Per kind of change: is it breaking for a request field, for a response field?
_RULES: dict[str, tuple[bool, bool]] = {
    # kind: (breaking in a request, breaking in a response)
    "field removed": (True, True),
    "required field added": (True, False),
    "field added": (False, False),
    "field retyped": (True, True),
    "field now required": (True, False),
    "field now optional": (False, True),
    "field now nullable": (False, True),
    "field no longer nullable": (True, False),
    "enum value added": (False, True),  # response: additive when the reader is open, below
    "enum value removed": (True, True),
    "enum restricted": (True, False),
    "enum lifted": (False, True),
    "default changed": (False, False),
}


@dataclass(frozen=True, order=True)
class Change:
    """One difference between the old and the new spec."""

    breaking: bool
    kind: str
    where: str
    detail: str = ""

    def __str__(self) -> str:
        label = "BREAKING" if self.breaking else "additive"
        detail = f"  {self.detail}" if self.detail else ""
        return f"{label:8}  {self.kind:24} {self.where}{detail}"


@dataclass(frozen=True)
class _Field:
    #: The base type by meaning ("string(date-time)", "object", "integer|string"), no null.
    type: str
    nullable: bool
    required: bool
    #: The allowed values, or None when any value of the type is allowed.
    enum: tuple[Any, ...] | None
    #: The schema's ``default`` as JSON text, or None when it has none.
    default: str | None = None


#: A field's place: the root (``query parameter limit``, ``response 200 application/json``)
#: and the path below it (``.results[].name``; ``{}`` for additionalProperties values).
_Place = tuple[str, str]
_Fields = dict[_Place, _Field]


def compare(old: Spec, new: Spec) -> list[Change]:
    """List every change from ``old`` to ``new``, breaking ones first."""
    # Response enums the generated readers keep open (forward-compat patch): a new
    # value there arrives as a plain string instead of failing the parse.
    opened, _ = patches.apply(new, kinds=("forward-compat",))
    changes = _compare_operations(old, new, opened)
    changes += _compare_components(old, new)
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.kind, c.detail))


def report(old: Spec, new: Spec) -> str:
    """Render ``compare`` as the text regenerate prints."""
    changes = compare(old, new)
    if not changes:
        return "API changes: none"
    breaking = sum(change.breaking for change in changes)
    lines = [f"API changes: {breaking} breaking, {len(changes) - breaking} additive"]
    lines += [f"  {change}" for change in changes]
    return "\n".join(lines)


# -- operations --------------------------------------------------------------------------


def _compare_operations(old: Spec, new: Spec, opened: Spec) -> list[Change]:
    before = {op.operation_id: op for op in operations(old)}
    after = {op.operation_id: op for op in operations(new)}
    changes = [Change(True, "operation removed", str(before[i])) for i in before.keys() - after]
    changes += [Change(False, "operation added", str(after[i])) for i in after.keys() - before]
    for operation_id in sorted(before.keys() & after.keys()):
        was, now = before[operation_id], after[operation_id]
        if (was.method, was.path) != (now.method, now.path):
            where = f"{operation_id}"
            detail = f"{was.method.upper()} {was.path} -> {now.method.upper()} {now.path}"
            changes.append(Change(True, "operation moved", where, detail))
        old_op = old["paths"][was.path][was.method]
        new_op = new["paths"][now.path][now.method]
        shared = set(old_op.get("responses", {})) & set(new_op.get("responses", {}))
        old_fields = _operation_fields(old, old["paths"][was.path], old_op, shared)
        new_fields = _operation_fields(new, new["paths"][now.path], new_op, shared)
        opened_op = opened["paths"][now.path][now.method]
        open_fields = _operation_fields(opened, opened["paths"][now.path], opened_op, shared)
        changes += _compare_fields(old_fields, new_fields, operation_id, _direction, open_fields)
        changes += _compare_statuses(old_op, new_op, operation_id)
        changes += _compare_security(old, old_op, new, new_op, operation_id)
    return changes


def _direction(place: _Place) -> Direction:
    return "response" if place[0].startswith("response ") else "request"


def _needs_token(spec: Spec, operation: Node) -> bool:
    """Whether an operation requires credentials.

    An operation's own ``security`` overrides the document's top-level default;
    an empty list, or an empty requirement ``{}`` among the alternatives, means
    the operation may be called without a token.
    """
    requirements: Any = operation.get("security", spec.get("security", []))
    if not isinstance(requirements, list) or not requirements:
        return False
    return all(bool(requirement) for requirement in cast("list[object]", requirements))


def _compare_security(old: Spec, old_op: Node, new: Spec, new_op: Node, where: str) -> list[Change]:
    was, now = _needs_token(old, old_op), _needs_token(new, new_op)
    if was == now:
        return []
    if now:  # callers that sent no token are now refused
        return [Change(True, "token now required", where, "security: none -> token")]
    return [Change(False, "token no longer required", where, "security: token -> none")]


def _operation_fields(spec: Spec, item: Node, operation: Node, statuses: set[str]) -> _Fields:
    """Resolve parameters, request body and the responses in ``statuses`` to their fields."""
    fields: _Fields = {}
    parameters: dict[tuple[str, str], Node] = {}
    for reference in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = _resolve(spec, reference)  # an operation's own overrides the path's
        parameters[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
    for (where, name), parameter in parameters.items():
        root = f"{where} parameter {name}"
        required = bool(parameter.get("required"))
        fields.update(_flatten(spec, root, parameter.get("schema", {}), required))
    body = _resolve(spec, operation.get("requestBody", {}))
    for media_type, media in body.get("content", {}).items():
        root = f"request {media_type}"
        fields.update(_flatten(spec, root, media.get("schema", {}), bool(body.get("required"))))
    for status, reference in operation.get("responses", {}).items():
        if status not in statuses:
            continue  # reported as a whole by _compare_statuses
        response = _resolve(spec, reference)
        for media_type, media in response.get("content", {}).items():
            root = f"response {status} {media_type}"
            fields.update(_flatten(spec, root, media.get("schema", {}), True))
    return fields


def _compare_statuses(old_op: Node, new_op: Node, where: str) -> list[Change]:
    was, now = set(old_op.get("responses", {})), set(new_op.get("responses", {}))
    changes = [Change(True, "response removed", where, f"status {s}") for s in sorted(was - now)]
    changes += [Change(False, "response added", where, f"status {s}") for s in sorted(now - was)]
    return changes


# -- component schemas ----------------------------------------------------------------------

_SCHEMAS = "#/components/schemas/"


def _compare_components(old: Spec, new: Spec) -> list[Change]:
    before = old.get("components", {}).get("schemas", {})
    after = new.get("components", {}).get("schemas", {})
    removed, added = sorted(before.keys() - after), sorted(after.keys() - before)
    changes: list[Change] = []
    shapes = {name: _component_shape(new, name) for name in added}
    for name in removed:
        shape = _component_shape(old, name)
        renamed = next((other for other in added if shapes[other] == shape), None)
        if renamed is None:
            changes.append(Change(True, "schema removed", f"schema {name}"))
            continue
        added.remove(renamed)
        changes.append(_renamed(old, name, renamed))
    changes += [Change(False, "schema added", f"schema {name}") for name in added]
    used = _used_schemas(old) | _used_schemas(new)
    for name in sorted((before.keys() & after.keys()) - used):
        was, now = _component_shape(old, name), _component_shape(new, name)
        changes += _compare_fields(was, now, f"schema {name}", lambda _: "both")
    return changes


def _component_shape(spec: Spec, name: str) -> _Fields:
    return dict(_flatten(spec, "", {"$ref": f"{_SCHEMAS}{name}"}, True))


def _renamed(old: Spec, name: str, renamed: str) -> Change:
    """A rename breaks imports when the generator derives a class name from the component."""
    where = f"schema {name} -> {renamed}"
    root = _component_shape(old, name)[("", "")]
    if root.type == "object" or root.enum is not None:  # a model class or an enum class
        return Change(True, "schema renamed", where, f"class {_class(name)} -> {_class(renamed)}")
    return Change(False, "schema renamed", where, "no generated class")


def _class(name: str) -> str:
    """The class name openapi-python-client derives from a component name."""
    words = re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)
    return "".join(word[0].upper() + word[1:] for word in words)


def _used_schemas(spec: Spec) -> set[str]:
    """Component schemas some operation reaches, directly or through other components."""
    found: set[str] = set()
    stack: list[object] = []
    for operation_ref in operations(spec):
        item = spec["paths"][operation_ref.path]
        operation = item[operation_ref.method]
        stack.append(_resolve(spec, operation.get("requestBody", {})))
        stack += [
            _resolve(spec, p)
            for p in [*item.get("parameters", []), *operation.get("parameters", [])]
        ]
        stack += [_resolve(spec, r) for r in operation.get("responses", {}).values()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            mapping = cast(Node, node)  # parsed JSON: its keys are strings
            ref = mapping.get("$ref")
            if isinstance(ref, str) and ref.startswith(_SCHEMAS):
                name = ref.removeprefix(_SCHEMAS)
                if name not in found:
                    found.add(name)
                    stack.append(spec.get("components", {}).get("schemas", {}).get(name))
            stack.extend(mapping.values())
        elif isinstance(node, list):
            stack.extend(cast("list[object]", node))
    return found


# -- fields -------------------------------------------------------------------------------


def _breaking(kind: str, direction: Direction) -> bool:
    request, response = _RULES[kind]
    return {"request": request, "response": response, "both": request or response}[direction]


def _topmost(places: set[_Place]) -> list[_Place]:
    """The places whose parent is not among them: a removed object's fields go with it."""

    def has_parent(place: _Place) -> bool:
        root, path = place
        return any(
            path[: len(cut)] == cut and path[len(cut) : len(cut) + 1] in (".", "[", "{")
            for other_root, cut in places
            if other_root == root and len(cut) < len(path)
        )

    return sorted(place for place in places if not has_parent(place))


def _compare_fields(
    before: _Fields,
    after: _Fields,
    where: str,
    direction_of: Callable[[_Place], Direction],
    opened: _Fields | None = None,
) -> list[Change]:
    changes: list[Change] = []

    def add(kind: str, place: _Place, detail: str = "", breaking: bool | None = None) -> None:
        if breaking is None:
            breaking = _breaking(kind, direction_of(place))
        text = "".join(place) + (f": {detail}" if detail else "")
        changes.append(Change(breaking, kind, where, text))

    for place in _topmost(before.keys() - after.keys()):
        add("field removed", place)
    for place in _topmost(after.keys() - before.keys()):
        add("required field added" if after[place].required else "field added", place)
    for place in sorted(before.keys() & after.keys()):
        direction: Direction = direction_of(place)
        was, now = before[place], after[place]
        if was.type != now.type:
            add("field retyped", place, f"{was.type} -> {now.type}")
        if was.required != now.required:
            add("field now required" if now.required else "field now optional", place)
        if was.nullable != now.nullable:
            add("field now nullable" if now.nullable else "field no longer nullable", place)
        if was.enum is not None and now.enum is None:
            add("enum lifted", place)
        elif was.enum is None and now.enum is not None:
            add("enum restricted", place, ", ".join(map(repr, now.enum)))
        elif was.enum is not None and now.enum is not None:
            for value in [v for v in was.enum if v not in now.enum]:
                add("enum value removed", place, repr(value))
            reader = opened.get(place) if opened is not None else None
            read_open = direction == "response" and reader is not None and reader.enum is None
            for value in [v for v in now.enum if v not in was.enum]:
                add("enum value added", place, repr(value), False if read_open else None)
        if was.default != now.default and direction in ("request", "both"):
            # What the server assumes for an omitted input changed: reported, not breaking.
            add("default changed", place, f"{was.default or 'none'} -> {now.default or 'none'}")
    return changes


def _flatten(
    spec: Spec,
    root: str,
    schema: Any,
    required: bool,
    *,
    path: str = "",
    expanding: Mapping[str, str] | None = None,
) -> Iterator[tuple[_Place, _Field]]:
    """Yield (place, facts) for a schema and every property, item and value below it.

    ``expanding`` maps each ``$ref`` being expanded on the current path to where.
    """
    shape = _Shape.of(spec, schema, path, dict(expanding or {}))
    yield (root, path), shape.facts(required)
    inner = {**(expanding or {}), **dict.fromkeys(shape.expanded, path)}
    for name in sorted(shape.properties):
        child = shape.properties[name]
        yield from _flatten(
            spec, root, child, name in shape.required, path=f"{path}.{name}", expanding=inner
        )
    if shape.items is not None:
        yield from _flatten(spec, root, shape.items, True, path=f"{path}[]", expanding=inner)
    if shape.values is not None:
        yield from _flatten(spec, root, shape.values, True, path=f"{path}{{}}", expanding=inner)


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
    #: The ``$ref`` targets followed to reach this shape.
    expanded: set[str] = field(default_factory=set[str])

    def facts(self, required: bool) -> _Field:
        types = (self.types or {"object"}) if self.properties else self.types
        if not types and self.items is not None:
            types = {"array"}
        enum = None if self.enum is None else tuple(self.enum)
        return _Field("|".join(sorted(types)) or "any", self.nullable, required, enum, self.default)

    @classmethod
    def of(cls, spec: Spec, node: Any, path: str, expanding: dict[str, str]) -> _Shape:
        schema = cast(Node, node) if isinstance(node, dict) else {}
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref in expanding:  # recursive: the same as an enclosing schema
                return cls(types={f"<same as {expanding[ref] or 'top'}>"})
            target = cls.of(spec, _resolve(spec, schema), path, {**expanding, ref: path})
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
        return cls(
            types=types,
            nullable=nullable,
            enum=enum,
            properties=dict(schema.get("properties", {})),
            required=set(schema.get("required", [])),
            items=items if isinstance(items, dict) else None,
            values=values_schema if isinstance(values_schema, dict) else None,
            default=json.dumps(schema["default"], sort_keys=True) if "default" in schema else None,
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
            if others and all(m.enum is not None for m in others):
                shape.enum = []
                for member in others:
                    shape.enum += [v for v in member.enum or [] if v not in shape.enum]
        shape.nullable = shape.nullable or bool(nulls) or any(m.nullable for m in others)
        return shape


def _both(first: Any, second: Any, combinator: str) -> Any:
    if first is None:
        return second
    return first if second is None else {combinator: [first, second]}


def _resolve(spec: Spec, node: Any) -> Node:
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
