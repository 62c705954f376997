"""Pin one operation's request and response through the generated low-level client.

A contract test names its operation once, in ``@pytest.mark.operation``, and
gets an ``Exchange`` for it (the ``exchange`` fixture). It serves a documented
response (validated against the spec first), calls the operation's endpoint
module (``spec.endpoint``) through both ``sync_detailed`` and
``asyncio_detailed``, checks that the two sent the same request, and then pins
that request exactly: method, full URL, auth, content type, headers and body.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pytest_httpx import HTTPXMock
from replicate_api.client import AuthenticatedClient
from replicate_api.types import Response

from tests.support import payloads, spec
from tests.support.payloads import API, TOKEN

PROBLEM_JSON = "application/problem+json"
JSON_TYPES = ("application/json", PROBLEM_JSON)
T = TypeVar("T")


@dataclass
class Exchange:
    """One operation's request/response pair under test."""

    httpx_mock: HTTPXMock
    operation_id: str

    def respond(
        self,
        status: int,
        body: Any = None,
        *,
        media_type: str = "application/json",
        content: bytes | None = None,
    ) -> None:
        """Serve a documented response; a JSON body must validate against the spec."""
        assert status in spec.documented_statuses(self.operation_id), (
            f"{self.operation_id} does not document status {status}"
        )
        if body is not None and media_type in JSON_TYPES:
            spec.validate_response(self.operation_id, status, body, media_type)
            content = json.dumps(body).encode()
        headers = {"Content-Type": media_type} if content is not None else {}
        self.httpx_mock.add_response(
            status_code=status, headers=headers, content=content or b"", is_reusable=True
        )

    def respond_problem(self, status: int, title: str, detail: str) -> None:
        """Serve an ``application/problem+json`` body (see ``payloads.problem``)."""
        self.respond(status, payloads.problem(status, title, detail), media_type=PROBLEM_JSON)

    def call(self, *args: Any, **kwargs: Any) -> Response[Any]:
        """Call the operation's endpoint sync and async; both must send one identical request."""
        endpoint = spec.endpoint(self.operation_id)
        with AuthenticatedClient(API, TOKEN, raise_on_unexpected_status=True) as client:
            sync_response: Response[Any] = endpoint.sync_detailed(*args, client=client, **kwargs)

        async def call_async() -> Response[Any]:
            async with AuthenticatedClient(API, TOKEN, raise_on_unexpected_status=True) as client:
                result: Response[Any] = await endpoint.asyncio_detailed(
                    *args, client=client, **kwargs
                )
                return result

        async_response = asyncio.run(call_async())
        sync_request, async_request = self.httpx_mock.get_requests()
        assert _comparable(async_request) == _comparable(sync_request)
        assert async_response.status_code == sync_response.status_code
        assert _parsed_equal(async_response.parsed, sync_response.parsed)
        return sync_response

    def parsed(self, kind: type[T], *args: Any, **kwargs: Any) -> T:
        """``call`` the endpoint; its parsed response must be a ``kind``, and is returned."""
        parsed = self.call(*args, **kwargs).parsed
        assert isinstance(parsed, kind), parsed
        return parsed

    def call_for_status(self, *args: Any, **kwargs: Any) -> int:
        """``call`` an endpoint whose response has no body: nothing is parsed; the status."""
        response = self.call(*args, **kwargs)
        assert response.parsed is None, response.parsed
        return response.status_code

    def request(self) -> httpx.Request:
        """The request the sync call sent."""
        return self.httpx_mock.get_requests()[0]

    def assert_request(
        self,
        path_and_query: str,
        *,
        json_body: Any = None,
        text_body: str | None = None,
        headers: dict[str, str] | None = None,
        absent: tuple[str, ...] = (),
    ) -> httpx.Request:
        """Pin the request: method from the spec, URL, auth, headers and body."""
        found, _ = spec.operation(self.operation_id)
        request = self.request()
        assert request.method == found.method.upper()
        assert str(request.url) == f"{API}{path_and_query}"
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        for name, value in (headers or {}).items():
            assert request.headers.get(name) == value, name
        for name in absent:
            assert name not in request.headers, name
        if json_body is not None:
            assert request.headers["Content-Type"] == "application/json"
            assert json.loads(request.content) == json_body
            spec.validate_request(self.operation_id, json_body)
        elif text_body is not None:
            assert request.headers["Content-Type"] == "text/plain"
            assert request.content == text_body.encode()
        elif not request.headers.get("Content-Type", "").startswith("multipart/form-data"):
            assert request.content == b""
        return request


def _comparable(request: httpx.Request) -> tuple[Any, ...]:
    headers = dict(request.headers)
    content_type = headers.pop("content-type", "")
    if content_type.startswith("multipart/form-data"):
        # Each multipart request gets its own random boundary; compare the parts instead.
        boundary = content_type.split("boundary=", 1)[1].encode()
        body = request.content.replace(boundary, b"BOUNDARY")
        content_type = "multipart/form-data"
    else:
        body = request.content
    return request.method, str(request.url), content_type, headers, body


def _parsed_equal(first: Any, second: Any) -> bool:
    # Download responses wrap a fresh BytesIO each time; compare their bytes.
    payload_a, payload_b = getattr(first, "payload", None), getattr(second, "payload", None)
    if payload_a is not None and payload_b is not None:
        return bool(payload_a.getvalue() == payload_b.getvalue())
    return bool(first == second)
