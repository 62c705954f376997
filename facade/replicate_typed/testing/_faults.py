"""Faults to inject into the fake, for testing how a client copes.

    fake.inject(Fault.rate_limit(retry_after="2"), operation="predictions.get")
    fake.inject(Fault.server_error(503), operation="predictions.create", times=2)
    fake.inject(Fault.cut_body(), operation="predictions.create")  # work done, reply lost
    fake.inject(Fault.self_link(), operation="predictions.list")  # a list that never ends

``commit`` says whether the server does the work before the fault hits (a
prediction is created, a file stored): what makes a blind retry dangerous.
``FaultSchedule`` keeps what was injected until requests take it;
``before_work`` and ``after_work`` are how the emulator applies one.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from replicate_typed.testing._http import FakeResponse, problem

FaultKind = Literal[
    "rate_limit",
    "server_error",
    "html_error",
    "drop",
    "cut_body",
    "timeout",
    "slow",
    "trickle",
    "malformed_json",
    "unknown_status",
    "unknown_fields",
    "deep_json",
    "self_link",
    "no_event_ids",
]

#: How deep ``Fault.deep_json`` nests its body.
DEEP_JSON = 100_000

_HTML = (
    b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
)


@dataclass(frozen=True)
class Fault:
    """One way for a request to go wrong; build it with the class methods."""

    kind: FaultKind
    """Which way it goes wrong (the class method that built it)."""
    commit: bool
    """Whether the server does the work before the fault hits."""
    status: int = 500
    """The HTTP status of an error response."""
    retry_after: str | None = None
    """For ``rate_limit``: the Retry-After header's value (seconds or an HTTP date)."""
    reported_status: str | None = None
    """For ``unknown_status``: the status the response body reports instead of the real one."""
    seconds: float = 0.0
    """For ``timeout`` and ``slow``: how long the response is held back; for ``trickle``,
    the pause before each byte."""

    @classmethod
    def rate_limit(cls, retry_after: str = "1") -> Fault:
        """429 with Retry-After (seconds or an HTTP date); nothing is done."""
        return cls("rate_limit", commit=False, status=429, retry_after=retry_after)

    @classmethod
    def server_error(cls, status: int = 500, *, commit: bool = False) -> Fault:
        """A 5xx problem response; with ``commit`` the work is done first."""
        return cls("server_error", commit=commit, status=status)

    @classmethod
    def html_error(cls) -> Fault:
        """A proxy's 502 HTML page instead of problem JSON."""
        return cls("html_error", commit=False, status=502)

    @classmethod
    def drop(cls, *, commit: bool = False) -> Fault:
        """The connection is reset before any response (after the work, with ``commit``)."""
        return cls("drop", commit=commit)

    @classmethod
    def cut_body(cls) -> Fault:
        """The work is done, the response starts, and the connection dies mid-body."""
        return cls("cut_body", commit=True)

    @classmethod
    def timeout(cls, seconds: float = 120.0) -> Fault:
        """The work is done but no response comes in time (stalls ``seconds`` when served)."""
        return cls("timeout", commit=True, seconds=seconds)

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        """The response comes, correct, after ``seconds``."""
        return cls("slow", commit=True, seconds=seconds)

    @classmethod
    def trickle(cls, seconds: float = 0.05) -> Fault:
        """The work is done; the body comes a byte every ``seconds``, too often for a read timeout.

        Only a body sent whole trickles (every API response): a file or an
        event stream, which a client reads for as long as it lasts, is sent as usual.
        """
        return cls("trickle", commit=True, seconds=seconds)

    @classmethod
    def malformed_json(cls) -> Fault:
        """The work is done; the success response's JSON is cut in half."""
        return cls("malformed_json", commit=True)

    @classmethod
    def unknown_status(cls, status: str = "queued") -> Fault:
        """The work is done; the response carries a status the spec does not list."""
        return cls("unknown_status", commit=True, reported_status=status)

    @classmethod
    def unknown_fields(cls) -> Fault:
        """The work is done; the response carries fields the spec does not list."""
        return cls("unknown_fields", commit=True)

    @classmethod
    def deep_json(cls) -> Fault:
        """The work is done; the success response's JSON nests 100,000 levels deep.

        Far deeper than a JSON parser recurses: a client must refuse it with a
        typed error, not crash.
        """
        return cls("deep_json", commit=True)

    @classmethod
    def self_link(cls) -> Fault:
        """The work is done; a page's ``next`` link points back at the page itself."""
        return cls("self_link", commit=True)

    @classmethod
    def no_event_ids(cls) -> Fault:
        """The work is done; a stream's events after the first carry no ``id:`` line.

        Valid per the SSE spec (the last id carries over): the events are not repeats.
        """
        return cls("no_event_ids", commit=True)


def before_work(fault: Fault) -> FakeResponse | None:
    """The response that replaces the work, for faults that stop it from happening."""
    if fault.kind == "rate_limit":
        headers = {"Retry-After": fault.retry_after or "1"}
        return problem(429, "Too Many Requests", "Request was throttled.", **headers)
    if fault.kind == "server_error" and not fault.commit:
        return problem(fault.status, "Server error", "Something went wrong on our side.")
    if fault.kind == "html_error":
        return FakeResponse(fault.status, {"Content-Type": "text/html"}, _HTML)
    if fault.kind == "drop" and not fault.commit:
        return FakeResponse(0, wire_fault="drop")
    return None


def after_work(fault: Fault, response: FakeResponse, url: str) -> FakeResponse:
    """The response to the request for ``url`` once the work is done, spoiled as the fault says."""
    if fault.kind == "server_error":
        return problem(fault.status, "Server error", "The request failed after it was processed.")
    if fault.kind == "drop":
        return FakeResponse(0, wire_fault="drop")
    if fault.kind == "cut_body":
        response.wire_fault = "cut"
    elif fault.kind == "timeout":
        response.wire_fault = "timeout"
        response.stall = fault.seconds
    elif fault.kind == "trickle":
        response.trickle = fault.seconds
    elif fault.kind == "malformed_json":
        response.body = response.body[: max(1, len(response.body) // 2)]
    elif fault.kind in ("unknown_status", "unknown_fields", "self_link"):
        response.body = _mutate(fault, response.body, url)
    elif fault.kind == "deep_json" and "json" in response.headers.get("Content-Type", ""):
        response.body = b'{"deep": ' + b"[" * DEEP_JSON + b"]" * DEEP_JSON + b"}"
    elif fault.kind == "no_event_ids" and response.chunks is not None:
        response.chunks = _without_later_ids(response.chunks)
    return response


def _mutate(fault: Fault, body: bytes, url: str) -> bytes:
    try:
        payload = json.loads(body)
    except ValueError:
        return body
    if isinstance(payload, dict):
        if fault.kind == "unknown_status" and "status" in payload:
            payload["status"] = fault.reported_status
        if fault.kind == "unknown_fields":
            payload["x_fake_unknown"] = {"added_in": "a future API", "values": [1, 2]}
        if fault.kind == "self_link" and "next" in payload:
            payload["next"] = url
    return json.dumps(payload).encode()


def _without_later_ids(chunks: Iterator[bytes | float]) -> Iterator[bytes | float]:
    """The events (one per chunk; a float is a pause), ``id:`` lines gone after the first."""
    seen_event = False
    for chunk in chunks:
        if not isinstance(chunk, bytes) or not seen_event:
            seen_event = seen_event or isinstance(chunk, bytes)
            yield chunk
        else:
            yield b"".join(
                line for line in chunk.splitlines(keepends=True) if not line.startswith(b"id:")
            )


@dataclass
class _Injected:
    fault: Fault
    operation: str
    remaining: int


class FaultSchedule:
    """The faults waiting for requests: injected ones in order, then random ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._injected: list[_Injected] = []
        self._random: tuple[list[Fault], float, random.Random, frozenset[str] | None] | None = None

    def inject(self, fault: Fault, operation: str, times: int) -> None:
        """Fail the next ``times`` requests to ``operation`` (an operationId, or "*")."""
        with self._lock:
            self._injected.append(_Injected(fault, operation, times))

    def inject_randomly(
        self, faults: list[Fault], rate: float, seed: int, operations: frozenset[str] | None
    ) -> None:
        """Fail each later request (to ``operations``, or any) with probability ``rate``."""
        with self._lock:
            self._random = (faults, rate, random.Random(seed), operations)

    def take(self, operation: str) -> Fault | None:
        """The fault for this request to ``operation``, if one is due."""
        with self._lock:
            for injected in self._injected:
                if injected.remaining > 0 and injected.operation in ("*", operation):
                    injected.remaining -= 1
                    return injected.fault
            if self._random is not None:
                faults, rate, chance, only = self._random
                if (only is None or operation in only) and chance.random() < rate:
                    return chance.choice(faults)
        return None
