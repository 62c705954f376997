"""The spec as a referee: request bodies are checked before a handler runs, responses after.

A request the spec does not allow gets the 400, 415 or 422 problem response
the live API would send; a response the spec does not allow is a bug in the
fake, and raises ``FakeSpecViolation``.
"""

from __future__ import annotations

import json
from typing import Any

from replicate_typed.testing import _spec
from replicate_typed.testing._http import FakeRequest, FakeResponse, problem


class FakeSpecViolation(AssertionError):
    """The fake disagrees with its own spec: a bug in the fake.

    Raised when it is about to send a response the spec does not allow, and
    when ``FakeReplicate()`` finds a spec operation it has no handler for (or
    a handler for an operation the spec does not have).
    """


def request_body(operation: str, request: FakeRequest) -> tuple[Any, FakeResponse | None]:
    """The parsed body, or the 400/415/422 problem response that rejects it."""
    media = (request.header("content-type") or "").partition(";")[0].strip()
    if operation == "files.create":
        return None, None  # multipart: the handler parses and checks it
    if operation == "models.search":
        text = request.body.decode("utf-8", "replace")
        if not text.strip():
            return None, problem(400, "Invalid query", "send the search text as a text/plain body")
        return text, None
    validator = _spec.request_validator(operation, "application/json")
    if validator is None:
        return None, None
    if not request.body:
        required = _spec.operation(operation).get("requestBody", {}).get("required", False)
        if required:
            return None, problem(400, "Missing body", f"{operation} needs a JSON body")
        return {}, None
    if media and media != "application/json":
        return None, problem(415, "Unsupported media type", f"send application/json, not {media}")
    try:
        body = json.loads(request.body)
    except ValueError:
        return None, problem(400, "Invalid JSON", "the request body is not valid JSON")
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    if errors:
        detail = "; ".join(f"{'.'.join(map(str, e.path)) or 'body'}: {e.message}" for e in errors)
        return None, problem(422, "Invalid request", detail)
    return body, None


def check_response(operation: str, response: FakeResponse) -> None:
    """Raise FakeSpecViolation if a documented JSON response breaks the spec."""
    media = response.headers.get("Content-Type", "")
    if response.chunks is not None or not media.endswith("json") or not response.body:
        return
    validator = _spec.response_validator(operation, response.status, media)
    if validator is None:
        return
    errors = list(validator.iter_errors(json.loads(response.body)))
    if errors:
        raise FakeSpecViolation(
            f"{operation} {response.status} breaks the spec: {errors[0].message} "
            f"at {list(errors[0].path)}"
        )
