"""Servers slow on a clock the test controls: a body that trickles, a response held back.

Both move a ``FakeTime`` the way the real thing would take time, so a test
sees how long the client kept at it without waiting at all.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx

from tests.support.clock import FakeTime

#: How often a trickling server sends its next byte.
TRICKLE = 0.05


class Trickling(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives one byte every ``seconds``: never slow enough for a read timeout."""

    def __init__(self, body: bytes, time: FakeTime, seconds: float = TRICKLE) -> None:
        self._body = body
        self._time = time
        self._seconds = seconds

    def __iter__(self) -> Iterator[bytes]:
        for byte in self._body:
            self._time.now += self._seconds
            yield bytes([byte])

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def trickled(
    payload: Any, time: FakeTime, status: int = 200
) -> Callable[[httpx.Request], httpx.Response]:
    """A pytest-httpx callback answering ``payload`` as JSON, trickled."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"}
        return httpx.Response(status, headers=headers, stream=Trickling(body, time))

    return answer


def held(
    seconds: float, time: FakeTime, answer: Callable[[httpx.Request], httpx.Response]
) -> Callable[[httpx.Request], httpx.Response]:
    """A pytest-httpx callback holding the response ``seconds`` (a server ignoring the window).

    A read timeout shorter than that fires first, as it would for real.
    """

    def hold(request: httpx.Request) -> httpx.Response:
        read = request.extensions["timeout"]["read"]
        if read is not None and read < seconds:
            time.now += read
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        time.now += seconds
        return answer(request)

    return hold
