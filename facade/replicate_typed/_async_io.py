"""Perform effects on the running event loop (the async twin of ``_io``).

Kept apart so the sync client never imports asyncio. An ``AsyncIO`` belongs
to the event loop of its first request: httpx's connections cannot move
between loops (a second loop would get a bare ``RuntimeError``, possibly after
a create was sent), so a request from another loop is refused before it goes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from typing import Any

import httpx

from replicate_typed._effects import Effect, ReadUntil, Send
from replicate_typed._errors import EventLoopError
from replicate_typed._io import closed_error, redirects_of
from replicate_typed._time_limits import BoundedBody, bound_body, timeout_for


class AsyncIO:
    """Perform effects on the running event loop; ``clock`` times each response."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        sleep: Callable[[float], Awaitable[None]] | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.http: httpx.AsyncClient = http
        self.sleep: Callable[[float], Awaitable[None]] = sleep or asyncio.sleep
        self.clock: Callable[[], float] = clock
        #: The loop of the first request: the only one this client's connections work on.
        self._loop: asyncio.AbstractEventLoop | None = None

    async def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response), read a streamed body, or sleep."""
        if isinstance(effect, ReadUntil):
            await self._read_until(effect)
            return None
        if not isinstance(effect, Send):
            await self.sleep(effect.seconds)
            return None
        if effect.cleanup:
            # A cancel sent because the caller's task is being cancelled must
            # not itself be cancelled by the same cancellation.
            return await asyncio.shield(self.perform(replace(effect, cleanup=False)))
        if asyncio.get_running_loop() is not self._loop:
            self._adopt_loop(effect)
        if self.http.is_closed:
            raise closed_error(effect)
        # Inline rather than a helper coroutine: one frame less for each of
        # hundreds of concurrent runs (scripts/bench B3 measures peak memory).
        timeout = timeout_for(effect, self.http.timeout)
        request = self.http.build_request(**effect.kwargs, timeout=timeout)
        sent_at = self.clock()
        response = await self.http.send(request, stream=True, follow_redirects=redirects_of(effect))
        if effect.stream and response.is_success:
            return response
        bound_body(response, effect, timeout, sent_at=sent_at, clock=self.clock)
        try:
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response

    async def _read_until(self, effect: ReadUntil) -> None:
        """Read the response's chunks until ``effect.enough`` says so or it ends; close it."""
        response = effect.response
        if effect.deadline is not None:
            response.stream = BoundedBody(response, effect.deadline, self.clock)
        try:
            async for chunk in response.aiter_bytes():
                if effect.enough(chunk):
                    return
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self.http.aclose()

    def _adopt_loop(self, effect: Send) -> None:
        """Take the running loop as this client's if it has none yet; refuse any other."""
        if self._loop is not None:
            raise EventLoopError(
                f"{effect.operation}: this AsyncReplicate was first used on another event loop, "
                "and its connections cannot move to this one; nothing was sent. Create the "
                "client inside the event loop that uses it (one client per loop)."
            )
        self._loop = asyncio.get_running_loop()


async def run_limited(
    calls: Iterable[Callable[[], Awaitable[None]]],
    limit: int,
    on_interrupt: Callable[[], Awaitable[None]],
) -> None:
    """Run every call, at most ``limit`` at once, as tasks of this loop (``_io`` uses threads).

    Cancelled (Ctrl-C under ``asyncio.run``, or the caller's task), every
    running call is cancelled and awaited, so each cleans up after itself
    (a wait cancels its prediction); then ``on_interrupt`` runs and the
    cancellation goes on.
    """
    pending = iter(calls)

    async def worker() -> None:
        for call in pending:
            await call()

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(limit):
                group.create_task(worker())
    except asyncio.CancelledError:
        await on_interrupt()
        raise
