"""How long one exchange may take in all: applied alike by both performers (``_io``, ``_async_io``).

httpx's timeouts bound each wait on its own: to connect, to send a piece, to
read a piece. A server that sends one byte every 50 ms never trips a 1 s read
timeout, so without more a response takes as long as the server likes. Two
limits bound the whole of it, with one mechanism for both clients (the sync
one has no ``asyncio.timeout``):

- **Its own**: the body of a response the performer reads (every API
  response; a streamed download or event stream is the caller's to read, and
  may rightly last long) must have arrived within the read timeout of the
  response starting, its headers arriving.
- **The caller's**: a request sent for a caller with a time limit (``wait``,
  ``run``) carries the seconds left (``Send.time_left``, set by
  ``Core.send_once``). Every httpx timeout of the request is cut to them, and
  the whole exchange, from sending to the last byte, must end within them.

``BoundedBody`` checks the clock as each piece of the body arrives and raises
``httpx.ReadTimeout`` once a limit has passed, so the flows treat it as any
read timeout (retried for a GET, ``prediction_may_exist`` for a create). As
a piece is awaited for at most the (cut) read timeout, a response ends at
most that long after its limit; the status line and headers are bounded per
read only, since the sync client cannot interrupt a blocking read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import httpx

from replicate_typed._effects import Send


def timeout_for(effect: Send, default: httpx.Timeout) -> httpx.Timeout:
    """The httpx timeout to send ``effect`` with: its own or ``default``, cut to the time left."""
    timeout = effect.timeout or default
    left = effect.time_left
    if left is None:
        return timeout

    def cut(seconds: float | None) -> float:
        return left if seconds is None else min(seconds, left)

    return httpx.Timeout(
        connect=cut(timeout.connect),
        read=cut(timeout.read),
        write=cut(timeout.write),
        pool=cut(timeout.pool),
    )


def bound_body(
    response: httpx.Response,
    effect: Send,
    timeout: httpx.Timeout,
    *,
    sent_at: float,
    clock: Callable[[], float],
) -> None:
    """Make reading ``response``'s body raise ReadTimeout once either limit has passed.

    ``sent_at``: the clock when the request was sent; ``timeout``: what it
    was sent with (``timeout_for``). Call it as the headers arrive.
    """
    limits = [] if timeout.read is None else [clock() + timeout.read]
    if effect.time_left is not None:
        limits.append(sent_at + effect.time_left)
    if limits:
        response.stream = BoundedBody(response, min(limits), clock)


class BoundedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that raises ``httpx.ReadTimeout`` if a piece arrives after ``deadline``."""

    def __init__(self, response: httpx.Response, deadline: float, clock: Callable[[], float]):
        self._inner = response.stream
        self._request = response.request
        self._deadline = deadline
        self._clock = clock

    def _check(self) -> None:
        if self._clock() > self._deadline:
            raise httpx.ReadTimeout(
                "the response took longer in all than its time limit", request=self._request
            )

    # httpx checks a body's kind before reading it, and this wrapper is of both
    # kinds: what it wraps is checked here instead, with httpx's own error.
    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._inner, httpx.SyncByteStream):
            raise RuntimeError("Attempted to call a sync iterator on an async stream.")
        for chunk in self._inner:
            self._check()
            yield chunk

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._inner, httpx.AsyncByteStream):
            raise RuntimeError("Attempted to call an async iterator on a sync stream.")
        async for chunk in self._inner:
            self._check()
            yield chunk

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()
