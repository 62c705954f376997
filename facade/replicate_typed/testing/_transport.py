"""Plug the fake into httpx clients in process: no sockets, no threads.

One class serves sync and async clients alike, as ``httpx.MockTransport``
does. What differs is how the fake's waits pass (a sync-mode create held
open, a slow response, a stream's next chunk): a sync client's thread waits
them out (``Ledger.drive``); an async client's task awaits them on the event
loop (``Ledger.async_drive``), so its other tasks run meanwhile, on a virtual
clock as on a real one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from replicate_typed.testing._http import IN_PROCESS, FakeRequest, FakeResponse
from replicate_typed.testing._ledger import Ledger

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport answering from a FakeReplicate; ``fake.transport()`` makes one.

        httpx.Client(transport=fake.transport())
        httpx.AsyncClient(transport=fake.transport())

    Wire faults become httpx's own errors: a dropped connection raises
    ``httpx.RemoteProtocolError``, a timeout ``httpx.ReadTimeout``, and a cut
    body raises ``httpx.RemoteProtocolError`` mid-read. A trickled body comes
    a byte at a time, each after a pause on the fake's clock.
    """

    def __init__(self, fake: FakeReplicate) -> None:
        self._fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a sync client's request."""
        emulator = self._fake._emulator  # pyright: ignore[reportPrivateUsage]  # package-private
        answer = emulator.answer(_incoming(request, request.read()), IN_PROCESS)
        return _respond(emulator.ledger.drive(answer), request, emulator.ledger)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer an async client's request, letting other tasks run while it waits."""
        emulator = self._fake._emulator  # pyright: ignore[reportPrivateUsage]  # package-private
        answer = emulator.answer(_incoming(request, await request.aread()), IN_PROCESS)
        return _respond(await emulator.ledger.async_drive(answer), request, emulator.ledger)


def _incoming(request: httpx.Request, body: bytes) -> FakeRequest:
    sent = {name.lower(): value for name, value in request.headers.items()}
    return FakeRequest(request.method, request.url, sent, body)


def _respond(response: FakeResponse, request: httpx.Request, ledger: Ledger) -> httpx.Response:
    """The fake's response as httpx's, or the error its wire fault becomes."""
    if response.wire_fault == "drop":
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    if response.wire_fault == "timeout":
        raise httpx.ReadTimeout("The read operation timed out", request=request)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    return httpx.Response(
        response.status, headers=headers, stream=_Body(response, request, ledger), request=request
    )


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that may be cut off mid-way, as a dying connection does."""

    def __init__(self, response: FakeResponse, request: httpx.Request, ledger: Ledger) -> None:
        self._response = response
        self._request = request
        self._ledger = ledger

    def __iter__(self) -> Iterator[bytes]:
        return self._ledger.pace(self._parts())

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._ledger.async_pace(self._parts()):
            yield chunk

    def _parts(self) -> Iterator[bytes | float]:
        """The body's chunks and pauses; a cut one ends half-way through its first chunk."""
        parts = self._response.parts()
        if self._response.wire_fault != "cut":
            yield from parts
            return
        for part in parts:
            if isinstance(part, bytes):
                if len(part) > 1:
                    yield part[: len(part) // 2]
                break
            yield part
        raise httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body", request=self._request
        )
