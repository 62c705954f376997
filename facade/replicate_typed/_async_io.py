"""Perform effects on the running event loop (the async twin of ``_io``).

Kept apart so the sync client never imports asyncio.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import httpx

from replicate_typed._effects import Effect, Send
from replicate_typed._io import redirects_of, timeout_of


class AsyncIO:
    """Perform effects on the running event loop."""

    def __init__(
        self, http: httpx.AsyncClient, sleep: Callable[[float], Awaitable[None]] | None
    ) -> None:
        self.http: httpx.AsyncClient = http
        self.sleep: Callable[[float], Awaitable[None]] = sleep or asyncio.sleep

    async def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response) or sleep."""
        if not isinstance(effect, Send):
            await self.sleep(effect.seconds)
            return None
        if effect.cleanup:
            # A cancel sent because the caller's task is being cancelled must
            # not itself be cancelled by the same cancellation.
            return await asyncio.shield(self.perform(replace(effect, cleanup=False)))
        # Inline rather than a helper coroutine: one frame less for each of
        # hundreds of concurrent runs (scripts/bench B3 measures peak memory).
        request = self.http.build_request(**effect.kwargs, timeout=timeout_of(effect))
        response = await self.http.send(
            request, stream=effect.stream, follow_redirects=redirects_of(effect)
        )
        if effect.stream and not response.is_success:
            try:
                await response.aread()
            finally:
                await response.aclose()
        return response
