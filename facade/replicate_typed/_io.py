"""Perform effects: the only code that differs between the sync and async clients."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from replicate_typed._effects import Effect, Send


class SyncIO:
    """Perform effects with blocking calls."""

    def __init__(self, http: httpx.Client, sleep: Callable[[float], None] | None) -> None:
        self._http = http
        self._sleep = sleep or time.sleep

    def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response) or sleep."""
        if isinstance(effect, Send):
            timeout = effect.timeout or httpx.USE_CLIENT_DEFAULT
            return self._http.request(**effect.request, timeout=timeout)
        self._sleep(effect.seconds)
        return None


class AsyncIO:
    """Perform effects on the running event loop."""

    def __init__(
        self, http: httpx.AsyncClient, sleep: Callable[[float], Awaitable[None]] | None
    ) -> None:
        self._http = http
        self._sleep = sleep or asyncio.sleep

    async def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response) or sleep."""
        if isinstance(effect, Send):
            timeout = effect.timeout or httpx.USE_CLIENT_DEFAULT
            request = self._http.request(**effect.request, timeout=timeout)
            # A cancel sent because the caller's task is being cancelled must
            # not itself be cancelled by the same cancellation.
            return await (asyncio.shield(request) if effect.cleanup else request)
        await self._sleep(effect.seconds)
        return None
