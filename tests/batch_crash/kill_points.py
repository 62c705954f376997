"""Where a crash test's child process kills itself: chosen by the test, not by timing.

The child's client sends through a ``KillingTransport``, which counts the
creates (and the output downloads) it carries and SIGKILLs its own process at
the one point the test picked:

- ``before-send``: the Nth create never leaves the process;
- ``after-answer``: the server made the Nth prediction and answered, but the
  answer dies with the process, before the runner could journal it (so only
  reconciliation can find that prediction);
- ``mid-download``: half of the Nth output file has arrived.

Under injected faults the Nth create may be refused (a 429, a 503) or its
connection dropped, and the Nth download cut by the fault: the kill then
comes at the first one after it that the server answered, so every planned
kill happens.

Test-only code: the product never kills itself.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import NoReturn

import httpx


class KillPoint(StrEnum):
    """The moment in a request at which the child dies."""

    BEFORE_SEND = "before-send"
    AFTER_ANSWER = "after-answer"
    MID_DOWNLOAD = "mid-download"


@dataclass(frozen=True)
class Kill:
    """Die at ``point`` of the ``nth`` create (or download) this process makes, counting from 1."""

    point: KillPoint
    nth: int

    def __str__(self) -> str:
        return f"{self.point}:{self.nth}"

    @classmethod
    def parse(cls, text: str) -> Kill:
        """The kill ``str`` wrote, e.g. "after-answer:7"."""
        point, _, nth = text.partition(":")
        return cls(KillPoint(point), int(nth))


class KillingTransport(httpx.BaseTransport):
    """Sends through ``inner`` and SIGKILLs this process at ``kill`` (never, with None).

    ``api_host`` tells API requests from output downloads, which the fake
    serves from another origin.
    """

    def __init__(self, inner: httpx.BaseTransport, kill: Kill | None, api_host: str) -> None:
        self._inner = inner
        self._kill = kill
        self._api_host = api_host
        self._lock = threading.Lock()
        self._creates = 0
        self._downloads = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        kill = self._kill
        if kill is None:
            return self._inner.handle_request(request)
        if _is_create(request):
            with self._lock:
                self._creates += 1
                due = self._creates >= kill.nth
            if due and kill.point is KillPoint.BEFORE_SEND:
                _die()
            response = self._inner.handle_request(request)
            if due and kill.point is KillPoint.AFTER_ANSWER and response.is_success:
                response.read()  # the server has made it and said so
                _die()
            return response
        if request.url.host != self._api_host and kill.point is KillPoint.MID_DOWNLOAD:
            with self._lock:
                self._downloads += 1
                due = self._downloads >= kill.nth
            if due:
                response = self._inner.handle_request(request)
                return _cut_by_death(request, response) if response.is_success else response
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def _is_create(request: httpx.Request) -> bool:
    """POST /v1/predictions, or a model's or a deployment's."""
    return request.method == "POST" and request.url.path.endswith("/predictions")


def _cut_by_death(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """The response, whose body stops half-way because the process dies there."""
    body = response.read()

    def half_then_die() -> Iterator[bytes]:
        yield body[: len(body) // 2]
        _die()

    return httpx.Response(
        response.status_code,
        headers=[(k, v) for k, v in response.headers.multi_items() if k != "content-length"],
        stream=_Stream(half_then_die()),
        request=request,
    )


class _Stream(httpx.SyncByteStream):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks


def _die() -> NoReturn:
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("SIGKILL returned")  # never reached: the process is gone
