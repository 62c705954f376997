"""Plug the fake into httpx clients in process: no sockets, no threads.

One class serves sync and async clients alike, as ``httpx.MockTransport``
does: the fake answers synchronously either way (on a virtual clock it never
waits), so only reading the request body differs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from replicate_typed.testing._http import IN_PROCESS, FakeRequest, FakeResponse

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport answering from a FakeReplicate; ``fake.transport()`` makes one.

        httpx.Client(transport=fake.transport())
        httpx.AsyncClient(transport=fake.transport())

    Wire faults become httpx's own errors: a dropped connection raises
    ``httpx.RemoteProtocolError``, a timeout ``httpx.ReadTimeout``, and a cut
    body raises ``httpx.RemoteProtocolError`` mid-read.
    """

    def __init__(self, fake: FakeReplicate) -> None:
        self._fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a sync client's request."""
        return self._answer(request, request.read())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer an async client's request."""
        return self._answer(request, await request.aread())

    def _answer(self, request: httpx.Request, body: bytes) -> httpx.Response:
        sent = {name.lower(): value for name, value in request.headers.items()}
        incoming = FakeRequest(request.method, request.url, sent, body)
        response = self._fake._emulator.handle(incoming, IN_PROCESS)
        if response.wire_fault == "drop":
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        if response.wire_fault == "timeout":
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return httpx.Response(
            response.status, headers=headers, stream=_Body(response, request), request=request
        )


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that may be cut off mid-way, as a dying connection does."""

    def __init__(self, response: FakeResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        for index, chunk in enumerate(self._response.iter_body()):
            if self._response.wire_fault == "cut":
                if index == 0 and len(chunk) > 1:
                    yield chunk[: len(chunk) // 2]
                raise httpx.RemoteProtocolError(
                    "peer closed connection without sending complete message body",
                    request=self._request,
                )
            yield chunk
        if self._response.wire_fault == "cut":
            raise httpx.RemoteProtocolError("connection closed", request=self._request)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk
