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
        self.http = http
        self.sleep = sleep or time.sleep

    def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response) or sleep."""
        if not isinstance(effect, Send):
            self.sleep(effect.seconds)
            return None
        request = self.http.build_request(**effect.request, timeout=_timeout(effect))
        response = self.http.send(
            request, stream=effect.stream, follow_redirects=_redirects(effect)
        )
        if effect.stream and not response.is_success:
            try:
                response.read()  # an error body is small: keep it for the error
            finally:
                response.close()
        return response


class AsyncIO:
    """Perform effects on the running event loop."""

    def __init__(
        self, http: httpx.AsyncClient, sleep: Callable[[float], Awaitable[None]] | None
    ) -> None:
        self.http = http
        self.sleep = sleep or asyncio.sleep

    async def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response) or sleep."""
        if not isinstance(effect, Send):
            await self.sleep(effect.seconds)
            return None
        send = self._send(effect)
        # A cancel sent because the caller's task is being cancelled must
        # not itself be cancelled by the same cancellation.
        return await (asyncio.shield(send) if effect.cleanup else send)

    async def _send(self, effect: Send) -> httpx.Response:
        request = self.http.build_request(**effect.request, timeout=_timeout(effect))
        response = await self.http.send(
            request, stream=effect.stream, follow_redirects=_redirects(effect)
        )
        if effect.stream and not response.is_success:
            try:
                await response.aread()
            finally:
                await response.aclose()
        return response


def _timeout(effect: Send) -> httpx.Timeout | Any:
    return effect.timeout or httpx.USE_CLIENT_DEFAULT


def _redirects(effect: Send) -> bool | Any:
    if effect.follow_redirects is None:
        return httpx.USE_CLIENT_DEFAULT
    return effect.follow_redirects
