"""Turn httpx responses into typed results or typed errors (no I/O here)."""

from __future__ import annotations

import json
from typing import Any, Protocol, TypeVar, cast

import httpx

from replicate_typed._errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from replicate_typed._redaction import redact_headers, redact_text

_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
}
_EXCERPT = 200

T_co = TypeVar("T_co", covariant=True)


class FromDict(Protocol[T_co]):
    """A generated model class: builds itself from a JSON object."""

    def from_dict(self, src_dict: Any, /) -> T_co: ...


def error_from_response(
    response: httpx.Response,
    operation: str,
    *,
    retry_after: float | None = None,
    may_exist: bool = False,
) -> APIError:
    """Build the APIError subclass for an error status, reading problem JSON when present.

    The token the request carried is taken out of the body and headers first,
    in case the server echoed it (see ``_redaction``).
    """
    token = _sent_token(response)
    body = redact_text(response.text, token)
    problem = _problem(body)
    title = _text(problem.get("title"))
    detail = _text(problem.get("detail"))
    instance = _text(problem.get("instance"))
    summary = f"{response.status_code} {title or response.reason_phrase}".rstrip()
    if detail:
        summary += f": {detail}"
    elif not problem and body.strip():
        summary += f": {_excerpt(body)}"
    kwargs: dict[str, Any] = {
        "status": response.status_code,
        "operation": operation,
        "body": body,
        "title": title,
        "detail": detail,
        "instance": instance,
        "headers": redact_headers(dict(response.headers), token),
        "may_exist": may_exist,
    }
    message = f"{operation} failed with {summary}"
    if response.status_code == 429:
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    if response.status_code >= 500:
        return InternalServerError(message, **kwargs)
    return _BY_STATUS.get(response.status_code, APIError)(message, **kwargs)


def parse_model(
    response: httpx.Response,
    model: FromDict[T_co],
    operation: str,
    *,
    may_exist: bool = False,
) -> T_co:
    """Parse a success response into a generated model, or raise InvalidResponseError."""
    data = parse_json(response, operation, may_exist=may_exist)
    return read_model(response, model, data, operation, may_exist=may_exist)


def read_model(
    response: httpx.Response,
    model: FromDict[T_co],
    data: object,
    operation: str,
    *,
    where: str = "",
    may_exist: bool = False,
) -> T_co:
    """Read ``data``, parsed from ``response`` (at ``where`` in it), into a generated model.

    Raises InvalidResponseError naming the field that does not fit.
    """
    at = f" at {where}" if where else ""
    if not isinstance(data, dict):
        why = f"does not match the schema{at} (expected an object, got {type(data).__name__})"
        raise _invalid(response, operation, why, may_exist)
    try:
        return model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _invalid(
            response, operation, f"does not match the schema{at} ({exc!r})", may_exist
        ) from exc


def parse_json(response: httpx.Response, operation: str, *, may_exist: bool = False) -> Any:
    """Decode a success response's JSON body, or raise InvalidResponseError.

    A body nested deeper than Python's json module recurses (about a thousand
    levels) is as unreadable as one cut short.
    """
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, too deep
        raise _invalid(
            response, operation, "is not valid JSON", may_exist, unreadable=True
        ) from exc


def _invalid(
    response: httpx.Response,
    operation: str,
    why: str,
    may_exist: bool,
    *,
    unreadable: bool = False,
) -> InvalidResponseError:
    token = _sent_token(response)
    body = redact_text(response.text, token)
    return InvalidResponseError(
        redact_text(
            f"{operation} returned {response.status_code} but the body {why}: {_excerpt(body)!r}",
            token,
        ),
        status=response.status_code,
        operation=operation,
        body=body,
        headers=redact_headers(dict(response.headers), token),
        may_exist=may_exist,
        unreadable=unreadable,
    )


def _sent_token(response: httpx.Response) -> str:
    """The bearer token the response's request carried ("" if none): what a server could echo."""
    try:
        authorization = response.request.headers.get("Authorization", "")
    except RuntimeError:  # a response built without its request, as in some tests
        return ""
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _problem(body: str) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or too deep to parse: no problem fields
        return {}
    return cast(dict[str, Any], data) if isinstance(data, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"
