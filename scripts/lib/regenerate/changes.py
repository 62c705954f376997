"""Compare two OpenAPI documents and report API changes, breaking or additive.

"Breaking" is judged from a client's side: code written against the old spec
may stop working (an operation, parameter, field or enum value is gone, a type
changed, a request now needs something it did not send, or a response may now
carry something the old reader does not expect).

Shapes are compared by meaning, not by location. Each operation's request
(every parameter, every body media type) and each response (status, media type)
is resolved to its full shape by ``shapes.flatten`` (every ``$ref`` followed,
nullability apart from the base type, descriptions dropped; see
``replicate_typed._schema_diff.shapes``),
so an inline schema and a named component with the same fields are the same
shape, and moving a response into a component produces no field lines.

Every change carries its direction: "request" (what the client sends),
"response" (what it reads) or "both". The field comparison and its rules
table are ``replicate_typed._schema_diff`` (shared with ``replicate-typed
models check``); this module adds what only an API spec has: operations,
statuses, security and component schemas. The README's table ("How
regeneration works") states the rules with their reasons.

Components are not compared field by field when an operation uses them: their
fields are covered, with the right direction, through every operation that
reaches them. A component no operation uses is still compared by itself, with
direction "both" (the stricter rule), since the generator writes a class for it.
A component removed and another added with the same resolved shape is one
``schema renamed`` line.

The same change reached through several operations (or a request and a
response) because they share one component would read as many identical lines;
``_group`` prints it once, under the component (``schema NAME.path``) with the
places that reach it. Only changes equal in label, kind, component path and
values merge: a shared component can break a request and only add to a response,
and each label gets its own line. A change reached from one place keeps the
operation's own path form.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from replicate_typed._schema_diff import shapes
from replicate_typed._schema_diff.changes import (
    Change,
    Direction,
    compare_fields,
    sort_key,
    tally,
)
from replicate_typed._schema_diff.shapes import Fields, Flat, Place

from regenerate import patches
from regenerate.spec import Spec, operations

Node = dict[str, Any]


@dataclass(frozen=True)
class _Found:
    """A field change at one place, before ``_group`` merges those of a shared component."""

    change: Change
    #: ``schema NAME.path`` of the component declaring the place, when there is one.
    component: str | None
    #: The change's values alone (``number -> string``), without the place.
    values: str
    #: The operation and its root, shortened: ``("predictions.get", "200")``, ``"request"``.
    place: tuple[str, str]


def compare(old: Spec, new: Spec) -> list[Change]:
    """List every change from ``old`` to ``new``, breaking ones first."""
    # Response enums the generated readers keep open (forward-compat patch): a new
    # value there arrives as a plain string instead of failing the parse.
    opened, _ = patches.apply(new, kinds=("forward-compat",))
    changes = _compare_operations(old, new, opened)
    changes += _compare_components(old, new)
    return sorted(changes, key=sort_key)


def report(old: Spec, new: Spec) -> str:
    """Render ``compare`` as the text regenerate prints."""
    changes = compare(old, new)
    lines = [f"API changes: {tally(changes)}"]
    lines += [f"  {change}" for change in changes]
    return "\n".join(lines)


# -- operations --------------------------------------------------------------------------


def _compare_operations(old: Spec, new: Spec, opened: Spec) -> list[Change]:
    before = {op.operation_id: op for op in operations(old)}
    after = {op.operation_id: op for op in operations(new)}
    changes = [Change(True, "operation removed", str(before[i])) for i in before.keys() - after]
    changes += [Change(False, "operation added", str(after[i])) for i in after.keys() - before]
    found: list[_Found] = []
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
        found += _compare_fields(old_fields, new_fields, operation_id, _direction, open_fields)
        changes += _compare_statuses(old_op, new_op, operation_id)
        changes += _compare_security(old, old_op, new, new_op, operation_id)
    return changes + _group(found)


def _group(found: list[_Found]) -> list[Change]:
    """One line per change of a shared component; the per-operation line when it is alone.

    The key holds the label: the same component change BREAKING in a request and
    additive in a response stays two lines.
    """
    changes = [item.change for item in found if item.component is None]
    groups: defaultdict[tuple[bool, str, str, str], list[_Found]] = defaultdict(list)
    for item in found:
        if item.component is not None:
            key = (item.change.breaking, item.change.kind, item.component, item.values)
            groups[key].append(item)
    for (breaking, kind, component, values), items in groups.items():
        if len(items) == 1:
            changes.append(items[0].change)
        else:
            places = tuple(sorted(item.place for item in items))
            changes.append(Change(breaking, kind, component, values, places))
    return changes


def _direction(place: Place) -> Direction:
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


def _operation_fields(spec: Spec, item: Node, operation: Node, statuses: set[str]) -> Flat:
    """Resolve parameters, request body and the responses in ``statuses`` to their fields."""
    fields = Flat()
    parameters: dict[tuple[str, str], Node] = {}
    for reference in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = shapes.resolve(spec, reference)  # an operation's own overrides the path's
        parameters[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
    for (where, name), parameter in parameters.items():
        root = f"{where} parameter {name}"
        required = bool(parameter.get("required"))
        fields.update(shapes.flatten(spec, root, parameter.get("schema", {}), required))
    body = shapes.resolve(spec, operation.get("requestBody", {}))
    for media_type, media in body.get("content", {}).items():
        root = f"request {media_type}"
        schema = media.get("schema", {})
        fields.update(shapes.flatten(spec, root, schema, bool(body.get("required"))))
    for status, reference in operation.get("responses", {}).items():
        if status not in statuses:
            continue  # reported as a whole by _compare_statuses
        response = shapes.resolve(spec, reference)
        for media_type, media in response.get("content", {}).items():
            root = f"response {status} {media_type}"
            fields.update(shapes.flatten(spec, root, media.get("schema", {}), True))
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
        found = _compare_fields(Flat(was), Flat(now), f"schema {name}", lambda _: "both")
        changes += [item.change for item in found]
    return changes


def _component_shape(spec: Spec, name: str) -> Fields:
    return shapes.flatten(spec, "", {"$ref": f"{shapes.SCHEMAS}{name}"}, True).fields


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
        stack.append(shapes.resolve(spec, operation.get("requestBody", {})))
        stack += [
            shapes.resolve(spec, p)
            for p in [*item.get("parameters", []), *operation.get("parameters", [])]
        ]
        stack += [shapes.resolve(spec, r) for r in operation.get("responses", {}).values()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            mapping = cast(Node, node)  # parsed JSON: its keys are strings
            ref = mapping.get("$ref")
            if isinstance(ref, str) and ref.startswith(shapes.SCHEMAS):
                name = ref.removeprefix(shapes.SCHEMAS)
                if name not in found:
                    found.add(name)
                    stack.append(spec.get("components", {}).get("schemas", {}).get(name))
            stack.extend(mapping.values())
        elif isinstance(node, list):
            stack.extend(cast("list[object]", node))
    return found


# -- fields -------------------------------------------------------------------------------


def _compare_fields(
    old: Flat,
    new: Flat,
    where: str,
    direction_of: Callable[[Place], Direction],
    opened: Flat | None = None,
) -> list[_Found]:
    """``compare_fields``, each change placed in ``where`` and under its declaring component."""
    found: list[_Found] = []
    for item in compare_fields(old, new, direction_of, opened):
        place = item.place
        text = "".join(place) + (f": {item.values}" if item.values else "")
        # A place present on both sides is grouped only when one component declares it in both.
        anchor = old.anchors.get(place) if place in old.fields else new.anchors.get(place)
        if place in new.fields and new.anchors.get(place) != anchor:
            anchor = None
        component = None if anchor is None else f"schema {anchor[0]}{anchor[1]}"
        root = place[0].removesuffix(" application/json").removeprefix("response ")
        change = Change(item.breaking, item.kind, where, text)
        found.append(_Found(change, component, item.values, (where, root)))
    return found
