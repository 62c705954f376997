"""Load, validate and enumerate an OpenAPI document."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import httpx
import yaml
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate as validate_openapi
from referencing.exceptions import Unresolvable

Spec = dict[str, Any]

#: The HTTP methods an OpenAPI 3.1 path item may hold, which are also the only
#: methods openapi-python-client generates. Anything else (QUERY) is non-standard.
STANDARD_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

#: Path item keys that are not operations.
_PATH_ITEM_FIELDS = {"summary", "description", "servers", "parameters", "$ref"}


class SpecError(Exception):
    """The document is not an OpenAPI description we can generate from."""


@dataclass(frozen=True, order=True)
class Operation:
    """One operation: where it lives and what it is called."""

    operation_id: str
    method: str
    path: str

    @property
    def standard(self) -> bool:
        """Whether the generator knows this operation's HTTP method."""
        return self.method in STANDARD_METHODS

    def __str__(self) -> str:
        return f"{self.operation_id} ({self.method.upper()} {self.path})"


def load(source: str | Path) -> Spec:
    """Read a JSON or YAML OpenAPI document from a file path or an http(s) URL."""
    text = str(source)
    try:
        if text.startswith(("http://", "https://")):
            response = httpx.get(text, timeout=30, follow_redirects=True)
            response.raise_for_status()
            body = response.text
        else:
            body = Path(text).read_text(encoding="utf-8")
    except (OSError, httpx.HTTPError) as exc:
        raise SpecError(f"cannot read {text}: {exc}") from exc
    document = _parse(text, body)
    if not isinstance(document, dict):
        raise SpecError(f"{text} is not an OpenAPI document (a JSON or YAML mapping)")
    # Parsed JSON or YAML, now with string keys: JSON's shape.
    return cast(Spec, _string_keys(text, cast(object, document)))


class _YamlLoader(yaml.SafeLoader):
    """``yaml.safe_load`` without timestamps: ``version: 2024-08-01`` stays a string."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(text: str, body: str) -> object:
    """Parse JSON, else YAML; raise a one-line SpecError when it is neither."""
    try:
        return json.loads(body)
    except json.JSONDecodeError as json_error:
        try:
            return yaml.load(body, Loader=_YamlLoader)  # a SafeLoader: no arbitrary objects
        except yaml.YAMLError as yaml_error:
            where = ""
            mark = getattr(yaml_error, "problem_mark", None)
            if isinstance(mark, yaml.Mark):
                where = f" at line {mark.line + 1}, column {mark.column + 1}"
            problem = getattr(yaml_error, "problem", None) or str(yaml_error).splitlines()[0]
            raise SpecError(
                f"{text} is neither JSON ({json_error}) nor YAML ({problem}{where})"
            ) from yaml_error


def _string_keys(text: str, node: object) -> object:
    """Make mapping keys strings, as JSON's are: YAML reads ``200:`` as an integer."""
    if isinstance(node, dict):
        fixed: dict[str, object] = {}
        for key, value in cast(dict[object, object], node).items():
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                raise SpecError(f"{text}: mapping key {key!r} is not a string")
            fixed[str(key)] = _string_keys(text, value)
        return fixed
    if isinstance(node, list):
        return [_string_keys(text, item) for item in cast(list[object], node)]
    return node


def dump(spec: Spec) -> str:
    """Serialise a document the way openapi.json is committed."""
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def operations(spec: Spec) -> list[Operation]:
    """List every operation, standard HTTP method or not, sorted by operationId."""
    found: list[Operation] = []
    for path, item in spec.get("paths", {}).items():
        for key, operation in item.items():
            if key in _PATH_ITEM_FIELDS or key.startswith("x-") or not isinstance(operation, dict):
                continue
            operation_id: str = cast(Spec, operation).get("operationId", "")
            found.append(Operation(operation_id, key.lower(), path))
    return sorted(found)


def without_nonstandard_methods(spec: Spec) -> Spec:
    """Return a copy holding only operations under methods OpenAPI 3.1 defines."""
    trimmed = copy.deepcopy(spec)
    for operation in operations(spec):
        if not operation.standard:
            del trimmed["paths"][operation.path][operation.method]
    return trimmed


def validate(spec: Spec) -> None:
    """Raise SpecError unless the document is valid OpenAPI 3.x with unique operationIds.

    Operations under non-standard methods (QUERY) are checked for an operationId
    but left out of schema validation, which would reject the method itself.
    """
    version = str(spec.get("openapi", ""))
    if not version.startswith("3."):
        raise SpecError(f"expected an OpenAPI 3.x document, got openapi={version!r}")
    checked = without_nonstandard_methods(spec)
    try:
        validate_openapi(checked)
    except Exception as exc:  # the validator raises several unrelated types
        raise SpecError(f"invalid OpenAPI document: {describe_invalid(exc, checked)}") from exc
    seen: dict[str, Operation] = {}
    for operation in operations(spec):
        if not operation.operation_id:
            raise SpecError(f"{operation.method.upper()} {operation.path} has no operationId")
        if operation.operation_id in seen:
            raise SpecError(
                f"operationId {operation.operation_id!r} is used by both "
                f"{seen[operation.operation_id]} and {operation}"
            )
        seen[operation.operation_id] = operation


#: Longest quoted value kept in a validation message; longer ones are summarised.
_MAX_QUOTED = 60


def describe_invalid(exc: Exception, checked: Spec) -> str:
    """Say where in ``checked`` the validator's error lies and what is wrong, in one line.

    The validator's message quotes the offending value whole (an operation or
    schema can run to thousands of characters); it is summarised here. Errors
    from checking one schema carry a path relative to that schema, so the
    schema is found in the document by identity to make the path absolute.
    """
    if isinstance(exc, Unresolvable):
        ref = exc.ref if exc.ref.startswith("#") else f"#{exc.ref}"
        places = [where for where, node in _walk(checked) if _ref_of(node) == ref]
        at = ", ".join(places[:3]) or "$"
        return f"at {at}: $ref {ref!r} points to nothing in the document"
    if not isinstance(exc, ValidationError):
        return _shorten(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    quoted = repr(exc.instance)
    summary = _summary(exc.instance) if len(quoted) > _MAX_QUOTED else quoted
    message = exc.message.replace(quoted, summary)
    if exc.context:  # anyOf/oneOf: the first alternative's reason says what was expected
        message += f" ({_shorten(exc.context[0].message.replace(quoted, summary), 120)})"
    return f"at {_locate(exc, checked)}: {_shorten(message)}"


def _locate(exc: ValidationError, checked: Spec) -> str:
    relative = list(exc.absolute_path)
    found: list[str] = []
    for where, node in _walk(checked):
        value: object = node
        for part in relative:
            if isinstance(value, dict) and part in value:
                value = cast(Spec, value)[cast(str, part)]
            elif isinstance(value, list) and isinstance(part, int):
                items = cast(list[object], value)
                if part >= len(items):
                    break
                value = items[part]
            else:
                break
        else:
            if value is exc.instance:
                found.append(_join(where, relative))
    if len(found) == 1 or (found and not relative):
        return found[0]
    # Not found, or a small value (5, True) found in several schemas: keep the
    # validator's own path, relative to the schema it was checking.
    return f"{exc.json_path} (within one schema)" if relative else exc.json_path


def _walk(node: object, where: str = "$") -> list[tuple[str, object]]:
    found = [(where, node)]
    if isinstance(node, dict):
        for key, value in cast(Spec, node).items():
            found += _walk(value, _join(where, [key]))
    elif isinstance(node, list):
        for index, value in enumerate(cast(list[object], node)):
            found += _walk(value, _join(where, [index]))
    return found


def _join(where: str, parts: list[str | int]) -> str:
    for part in parts:
        if isinstance(part, int):
            where += f"[{part}]"
        elif part.isidentifier():
            where += f".{part}"
        else:
            where += f"[{part!r}]"
    return where


def _ref_of(node: object) -> object:
    return cast(Spec, node).get("$ref") if isinstance(node, dict) else None


def _summary(value: object) -> str:
    if isinstance(value, dict):
        keys = list(cast(Spec, value))
        shown = ", ".join(keys[:5]) + (", ..." if len(keys) > 5 else "")
        return f"the object {{{shown}}}"
    if isinstance(value, list):
        return f"a list of {len(cast(list[object], value))} items"
    return _shorten(repr(value), _MAX_QUOTED)


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
