"""Perform effects with blocking calls (``_async_io`` is the async twin)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from replicate_typed._effects import Effect, ReadUntil, Send
from replicate_typed._errors import ClientClosedError
from replicate_typed._safe_interrupts import GuardedBody, interrupts_outside_locks
from replicate_typed._time_limits import BoundedBody, bound_body, timeout_for


class SyncIO:
    """Perform effects with blocking calls; ``clock`` times each response (see ``_time_limits``)."""

    def __init__(
        self,
        http: httpx.Client,
        sleep: Callable[[float], None] | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.http: httpx.Client = http
        self.sleep: Callable[[float], None] = sleep or time.sleep
        self.clock: Callable[[], float] = clock

    def perform(self, effect: Effect) -> Any:
        """Send the request (returning the response), read a streamed body, or sleep."""
        if isinstance(effect, ReadUntil):
            read_until(effect, self.clock)
            return None
        if not isinstance(effect, Send):
            self.sleep(effect.seconds)
            return None
        if self.http.is_closed:
            raise closed_error(effect)
        timeout = timeout_for(effect, self.http.timeout)
        request = self.http.build_request(**effect.kwargs, timeout=timeout)
        sent_at = self.clock()
        with interrupts_outside_locks():
            response = self.http.send(request, stream=True, follow_redirects=redirects_of(effect))
            if effect.stream and response.is_success:
                # The caller reads it, as long as it lasts, and closes it.
                response.stream = GuardedBody(response.stream)
                return response
            # Every other body is read here, in full and in time; an error body is small.
            bound_body(response, effect, timeout, sent_at=sent_at, clock=self.clock)
            try:
                response.read()
            except BaseException:
                response.close()
                raise
        return response

    def close(self) -> None:
        """Close the connection pool."""
        with interrupts_outside_locks():
            self.http.close()


def read_until(effect: ReadUntil, clock: Callable[[], float]) -> None:
    """Read ``effect.response``'s chunks until ``effect.enough`` says so or it ends; close it."""
    response = effect.response
    if effect.deadline is not None:
        response.stream = BoundedBody(response, effect.deadline, clock)
    try:
        for chunk in response.iter_bytes():
            if effect.enough(chunk):
                return
    finally:
        response.close()


def closed_error(effect: Send) -> ClientClosedError:
    """The typed error for a request on a closed client (httpx would raise a bare RuntimeError)."""
    return ClientClosedError(
        f"{effect.operation}: the client is closed (close(), aclose() or the end of its "
        "with block), so nothing was sent"
    )


def redirects_of(effect: Send) -> bool | Any:
    """Whether to follow redirects: the effect's choice, or the client's own."""
    if effect.follow_redirects is None:
        return httpx.USE_CLIENT_DEFAULT
    return effect.follow_redirects


def run_limited(
    calls: Iterable[Callable[[], None]], limit: int, on_interrupt: Callable[[], None]
) -> None:
    """Run every call, at most ``limit`` at once, on worker threads (``_async_io`` uses tasks).

    Ctrl-C reaches only the main thread, waiting here: it runs
    ``on_interrupt`` at once (which tells the calls to stop and cancels what
    they wait on), waits for the workers to return, and raises on.
    """
    pending = iter(calls)
    lock = threading.Lock()

    def next_call() -> Callable[[], None] | None:
        with lock:
            return next(pending, None)

    def worker() -> None:
        while (call := next_call()) is not None:
            call()

    with ThreadPoolExecutor(max_workers=limit, thread_name_prefix="batch") as pool:
        workers = [pool.submit(worker) for _ in range(limit)]
        try:
            for running in workers:
                running.result()
        except KeyboardInterrupt:
            on_interrupt()
            raise
