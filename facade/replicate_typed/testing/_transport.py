"""Plug the fake into httpx clients in process: no sockets, no threads."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from replicate_typed.testing._http import IN_PROCESS, Bases, FakeRequest, FakeResponse

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


class FakeTransport(httpx.BaseTransport):
    """Answer a sync httpx client's requests from a FakeReplicate."""

    def __init__(self, fake: FakeReplicate, bases: Bases = IN_PROCESS) -> None:
        self._fake = fake
        self._bases = bases

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        incoming = _incoming(request, request.read())
        return _outgoing(self._fake._emulator.handle(incoming, self._bases), request)


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    """Answer an async httpx client's requests from a FakeReplicate."""

    def __init__(self, fake: FakeReplicate, bases: Bases = IN_PROCESS) -> None:
        self._fake = fake
        self._bases = bases

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        incoming = _incoming(request, await request.aread())
        return _outgoing(self._fake._emulator.handle(incoming, self._bases), request)


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


def _incoming(request: httpx.Request, body: bytes) -> FakeRequest:
    headers = {name.lower(): value for name, value in request.headers.items()}
    return FakeRequest(request.method, request.url, headers, body)


def _outgoing(response: FakeResponse, request: httpx.Request) -> httpx.Response:
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
