"""Perform effects with blocking calls (``_async_io`` is the async twin)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from replicate_typed._effects import Effect, Send
from replicate_typed._errors import ClientClosedError


class SyncIO:
    """Perform effects with blocking calls."""

    def __init__(self, http: httpx.Client, sleep: Callable[[float], None] | None) -> None:
        self.http: httpx.Client = http
        self.sleep: Callable[[float], None] = sleep or time.sleep

    def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response) or sleep."""
        if not isinstance(effect, Send):
            self.sleep(effect.seconds)
            return None
        if self.http.is_closed:
            raise closed_error(effect)
        request = self.http.build_request(**effect.kwargs, timeout=timeout_of(effect))
        response = self.http.send(
            request, stream=effect.stream, follow_redirects=redirects_of(effect)
        )
        if effect.stream and not response.is_success:
            try:
                response.read()  # an error body is small: keep it for the error
            finally:
                response.close()
        return response


def closed_error(effect: Send) -> ClientClosedError:
    """The typed error for a request on a closed client (httpx would raise a bare RuntimeError)."""
    return ClientClosedError(
        f"{effect.operation}: the client is closed (close(), aclose() or the end of its "
        "with block), so nothing was sent"
    )


def timeout_of(effect: Send) -> httpx.Timeout | Any:
    """The effect's timeout, or the client's own."""
    return effect.timeout or httpx.USE_CLIENT_DEFAULT


def redirects_of(effect: Send) -> bool | Any:
    """Whether to follow redirects: the effect's choice, or the client's own."""
    if effect.follow_redirects is None:
        return httpx.USE_CLIENT_DEFAULT
    return effect.follow_redirects
