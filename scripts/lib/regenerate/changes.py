"""Compare two OpenAPI documents and report API changes, breaking or additive.

"Breaking" is judged from a client's side: code written against the old spec
may stop working (an operation, parameter, field or enum value is gone, a type
changed, a request now needs something it did not send, or a response may now
carry something the old reader does not expect).

Shapes are compared by meaning, not by location. Each operation's request
(every parameter, every body media type) and each response (status, media type)
is resolved to its full shape by ``shapes.flatten`` (every ``$ref`` followed,
nullability apart from the base type, descriptions dropped; see ``shapes.py``),
so an inline schema and a named component with the same fields are the same
shape, and moving a response into a component produces no field lines.

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
from typing import Any, Literal, cast

from regenerate import patches, shapes
from regenerate.shapes import Fields, Flat, Place
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
    #: The places reaching a change inside a shared component, as (operation, root) with
    #: the root shortened (``("predictions.get", "200")``); empty for a change in one place.
    places: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        label = "BREAKING" if self.breaking else "additive"
        detail = f"  {self.detail}" if self.detail else ""
        return f"{label:8}  {self.kind:24} {self.where}{detail}{self._places()}"

    def _places(self) -> str:
        """``  (in 3 places: things.create 201, things.put request+200)``: by operation."""
        if not self.places:
            return ""
        roots: dict[str, list[str]] = {}
        for operation, root in self.places:
            roots.setdefault(operation, []).append(root)
        named = ", ".join(f"{operation} {'+'.join(each)}" for operation, each in roots.items())
        return f"  (in {len(self.places)} places: {named})"


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
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.kind, c.detail, c.places))


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


def _breaking(kind: str, direction: Direction) -> bool:
    request, response = _RULES[kind]
    return {"request": request, "response": response, "both": request or response}[direction]


def _topmost(places: set[Place]) -> list[Place]:
    """The places whose parent is not among them: a removed object's fields go with it."""

    def has_parent(place: Place) -> bool:
        root, path = place
        return any(
            path[: len(cut)] == cut and path[len(cut) : len(cut) + 1] in (".", "[", "{")
            for other_root, cut in places
            if other_root == root and len(cut) < len(path)
        )

    return sorted(place for place in places if not has_parent(place))


def _compare_fields(
    old: Flat,
    new: Flat,
    where: str,
    direction_of: Callable[[Place], Direction],
    opened: Flat | None = None,
) -> list[_Found]:
    found: list[_Found] = []
    before, after = old.fields, new.fields

    def add(kind: str, place: Place, detail: str = "", breaking: bool | None = None) -> None:
        if breaking is None:
            breaking = _breaking(kind, direction_of(place))
        text = "".join(place) + (f": {detail}" if detail else "")
        # A place present on both sides is grouped only when one component declares it in both.
        anchor = old.anchors.get(place) if place in before else new.anchors.get(place)
        if place in after and new.anchors.get(place) != anchor:
            anchor = None
        component = None if anchor is None else f"schema {anchor[0]}{anchor[1]}"
        root = place[0].removesuffix(" application/json").removeprefix("response ")
        found.append(_Found(Change(breaking, kind, where, text), component, detail, (where, root)))

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
            reader = opened.fields.get(place) if opened is not None else None
            read_open = direction == "response" and reader is not None and reader.enum is None
            for value in [v for v in now.enum if v not in was.enum]:
                add("enum value added", place, repr(value), False if read_open else None)
        if was.default != now.default and direction in ("request", "both"):
            # What the server assumes for an omitted input changed: reported, not breaking.
            add("default changed", place, f"{was.default or 'none'} -> {now.default or 'none'}")
    return found
