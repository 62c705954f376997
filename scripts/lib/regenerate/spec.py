"""Load, validate and enumerate an OpenAPI document."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import httpx
from openapi_spec_validator import validate as validate_openapi

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
    """Read a JSON OpenAPI document from a file path or an http(s) URL."""
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
    try:
        document = json.loads(body)
    except json.JSONDecodeError as exc:
        raise SpecError(f"{text} is not JSON: {exc}") from exc
    if not isinstance(document, dict):
        raise SpecError(f"{text} is not a JSON object")
    return cast(Spec, document)  # parsed JSON: its keys are strings


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
    try:
        validate_openapi(without_nonstandard_methods(spec))
    except Exception as exc:  # the validator raises several unrelated types
        raise SpecError(f"invalid OpenAPI document: {str(exc).splitlines()[0]}") from exc
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
