"""Compare two OpenAPI documents and report API changes, breaking or additive.

"Breaking" is judged from a client's side: code written against the old spec
may stop working (an operation, parameter, field or enum value is gone, a type
changed, or a request now needs something it did not send).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from regenerate.spec import Spec, operations

Node = dict[str, Any]


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
    type: str
    required: bool
    enum: tuple[Any, ...]
    #: The schema's ``default`` as JSON text, or None when it has none.
    default: str | None = None


def compare(old: Spec, new: Spec) -> list[Change]:
    """List every change from ``old`` to ``new``, breaking ones first."""
    changes = _compare_operations(old, new)
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


def _compare_operations(old: Spec, new: Spec) -> list[Change]:
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
        changes += _compare_fields(
            _operation_fields(old, old_op), _operation_fields(new, new_op), operation_id
        )
        changes += _compare_statuses(old_op, new_op, operation_id)
        changes += _compare_security(old, old_op, new, new_op, operation_id)
    return changes


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


def _operation_fields(spec: Spec, operation: Node) -> dict[str, tuple[str, _Field]]:
    """Flatten parameters, request body and responses; each field tagged with its direction."""
    fields: dict[str, tuple[str, _Field]] = {}
    for reference in operation.get("parameters", []):
        parameter = _resolve(spec, reference)
        schema = parameter.get("schema", {})
        name = f"{parameter.get('in')} parameter {parameter.get('name')}"
        fields[name] = ("request", _field(schema, bool(parameter.get("required"))))
    body = _resolve(spec, operation.get("requestBody", {}))
    for media_type, media in body.get("content", {}).items():
        for path, facts in _flatten(media.get("schema", {}), bool(body.get("required"))):
            fields[f"request {media_type}{path}"] = ("request", facts)
    for status, reference in operation.get("responses", {}).items():
        response = _resolve(spec, reference)
        for media_type, media in response.get("content", {}).items():
            for path, facts in _flatten(media.get("schema", {}), True):
                fields[f"response {status} {media_type}{path}"] = ("response", facts)
    return fields


def _compare_statuses(old_op: Node, new_op: Node, where: str) -> list[Change]:
    was, now = set(old_op.get("responses", {})), set(new_op.get("responses", {}))
    changes = [Change(True, "response removed", where, f"status {s}") for s in sorted(was - now)]
    changes += [Change(False, "response added", where, f"status {s}") for s in sorted(now - was)]
    return changes


# -- component schemas ----------------------------------------------------------------------


def _compare_components(old: Spec, new: Spec) -> list[Change]:
    before = old.get("components", {}).get("schemas", {})
    after = new.get("components", {}).get("schemas", {})
    changes = [Change(True, "schema removed", f"schema {name}") for name in before.keys() - after]
    changes += [Change(False, "schema added", f"schema {name}") for name in after.keys() - before]
    directions = _directions(old) | _directions(new)
    for name in sorted(before.keys() & after.keys()):
        direction = directions.get(name, "response")
        was = {path: (direction, f) for path, f in _flatten(before[name], True)}
        now = {path: (direction, f) for path, f in _flatten(after[name], True)}
        changes += _compare_fields(was, now, f"schema {name}")
    return changes


def _directions(spec: Spec) -> dict[str, str]:
    """Map each component schema to "request", "response" or "both", by where it is used."""
    used: dict[str, set[str]] = {}
    for operation_ref in operations(spec):
        operation = spec["paths"][operation_ref.path][operation_ref.method]
        request = [_resolve(spec, operation.get("requestBody", {}))]
        request += [_resolve(spec, p) for p in operation.get("parameters", [])]
        responses = [_resolve(spec, r) for r in operation.get("responses", {}).values()]
        for direction, nodes in (("request", request), ("response", responses)):
            for name in _referenced_schemas(spec, nodes):
                used.setdefault(name, set()).add(direction)
    return {name: "both" if len(d) > 1 else d.pop() for name, d in used.items()}


def _referenced_schemas(spec: Spec, roots: list[Any]) -> set[str]:
    found: set[str] = set()
    stack: list[object] = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            mapping = cast(Node, node)  # parsed JSON: its keys are strings
            ref = mapping.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[-1]
                if name not in found:
                    found.add(name)
                    stack.append(spec.get("components", {}).get("schemas", {}).get(name))
            stack.extend(mapping.values())
        elif isinstance(node, list):
            stack.extend(cast("list[object]", node))
    return found


# -- fields -------------------------------------------------------------------------------


def _compare_fields(
    before: dict[str, tuple[str, _Field]], after: dict[str, tuple[str, _Field]], where: str
) -> list[Change]:
    changes: list[Change] = []
    for path in sorted(before.keys() - after.keys()):
        changes.append(Change(True, "field removed", where, path))
    for path in sorted(after.keys() - before.keys()):
        direction, facts = after[path]
        # A new required input breaks callers that do not send it.
        breaking = facts.required and direction in ("request", "both")
        changes.append(Change(breaking, "field added", where, path))
    for path in sorted(before.keys() & after.keys()):
        direction, was = before[path]
        now = after[path][1]
        if was.type != now.type:
            changes.append(
                Change(True, "field retyped", where, f"{path}: {was.type} -> {now.type}")
            )
        if was.required != now.required:
            if now.required:
                breaking = direction in ("request", "both")
                changes.append(Change(breaking, "field now required", where, path))
            else:
                breaking = direction in ("response", "both")
                changes.append(Change(breaking, "field now optional", where, path))
        for value in [v for v in was.enum if v not in now.enum]:
            changes.append(Change(True, "enum value removed", where, f"{path}: {value!r}"))
        for value in [v for v in now.enum if v not in was.enum]:
            changes.append(Change(False, "enum value added", where, f"{path}: {value!r}"))
        if was.default != now.default and direction in ("request", "both"):
            # What the server assumes for an omitted input changed: reported, not breaking.
            detail = f"{path}: {was.default or 'none'} -> {now.default or 'none'}"
            changes.append(Change(False, "default changed", where, detail))
    return changes


def _flatten(schema: Node, required: bool, path: str = "") -> Iterator[tuple[str, _Field]]:
    """Yield (path, facts) for a schema and every property and item below it."""
    yield path, _field(schema, required)
    if "$ref" in schema:
        return  # compared where the component itself is compared
    names = set(schema.get("required", []))
    for name, child in schema.get("properties", {}).items():
        yield from _flatten(child, name in names, f"{path}.{name}")
    if isinstance(schema.get("items"), dict):
        yield from _flatten(schema["items"], True, f"{path}[]")


def _field(schema: Node, required: bool) -> _Field:
    default = json.dumps(schema["default"], sort_keys=True) if "default" in schema else None
    return _Field(_type(schema), required, tuple(schema.get("enum", ())), default)


def _type(schema: Node) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for combinator in ("oneOf", "anyOf", "allOf"):
        if combinator in schema:
            return f"{combinator}[{', '.join(_type(s) for s in schema[combinator])}]"
    kind = schema.get("type", "any")
    text = "|".join(cast("list[str]", kind)) if isinstance(kind, list) else str(kind)
    if "format" in schema:
        text += f"({schema['format']})"
    if schema.get("nullable"):
        text += "|null"
    return text


def _resolve(spec: Spec, node: Any) -> Node:
    """Follow a local ``$ref`` (to parameters, request bodies, responses) once."""
    if not isinstance(node, dict):
        return {}
    mapping = cast(Node, node)  # parsed JSON: its keys are strings
    ref = mapping.get("$ref")
    if not isinstance(ref, str):
        return mapping
    target: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
    return cast(Node, target) if isinstance(target, dict) else {}
