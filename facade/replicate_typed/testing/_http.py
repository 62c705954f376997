"""Requests and responses as the fake sees them, independent of how they travel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Literal

import httpx

#: What goes wrong on the wire instead of (or in the middle of) a response.
WireFault = Literal["drop", "cut", "timeout"]


@dataclass(frozen=True)
class Bases:
    """Where the fake's API, output files and streams are reached."""

    api: str
    delivery: str
    stream: str


#: The URLs a fake uses when plugged in as an httpx transport (no sockets).
IN_PROCESS = Bases(
    api="https://api.replicate.com/v1",
    delivery="https://replicate.delivery",
    stream="https://stream.replicate.com",
)


def served_bases(port: int) -> Bases:
    """The URLs of a fake served on a loopback port.

    Output files and streams are on "localhost" while the API is on
    "127.0.0.1": another origin, as on the real service, so a client that
    leaks its token to file hosts is caught.
    """
    return Bases(
        api=f"http://127.0.0.1:{port}/v1",
        delivery=f"http://localhost:{port}",
        stream=f"http://localhost:{port}",
    )


@dataclass
class FakeRequest:
    """An HTTP request to the fake."""

    method: str
    url: httpx.URL
    headers: dict[str, str]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """A header by name, case-insensitively."""
        return self.headers.get(name.lower())


@dataclass
class FakeResponse:
    """An HTTP response from the fake; ``chunks`` streams the body instead of ``body``.

    A streamed body may pause between chunks: a number among them is the
    seconds to wait before the next (``Ledger.pace`` waits them out).
    """

    status: int
    headers: dict[str, str] = field(default_factory=dict[str, str])
    body: bytes = b""
    chunks: Iterator[bytes | float] | None = None
    wire_fault: WireFault | None = None
    #: For a "timeout" fault served over a socket: how long to stall.
    stall: float = 0.0
    #: Seconds before each byte of a body sent whole (a "trickle" fault); 0: all at once.
    trickle: float = 0.0

    def parts(self) -> Iterator[bytes | float]:
        """The body, streamed (with its pauses) or whole (a byte after each pause, trickled)."""
        if self.chunks is not None:
            yield from self.chunks
        elif self.trickle:
            for index in range(len(self.body)):
                yield self.trickle
                yield self.body[index : index + 1]
        elif self.body:
            yield self.body


def json_response(status: int, payload: Any, media_type: str = "application/json") -> FakeResponse:
    """A JSON response."""
    return FakeResponse(status, {"Content-Type": media_type}, json.dumps(payload).encode())


def problem(status: int, title: str, detail: str, **headers: str) -> FakeResponse:
    """An application/problem+json error response."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    response = json_response(status, body, "application/problem+json")
    response.headers.update(headers)
    return response


def sse_event(event: str, data: str, event_id: str) -> bytes:
    """One server-sent event."""
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {event}\nid: {event_id}\n{lines}\n".encode()


@dataclass(frozen=True)
class FormPart:
    """One part of a multipart/form-data body (its name is its key in the parsed dict)."""

    filename: str | None
    content: bytes


def parse_multipart(content_type: str, body: bytes) -> dict[str, FormPart]:
    """Parts of a multipart/form-data body by field name; ValueError if it is not one."""
    if not content_type.startswith("multipart/form-data") or "boundary=" not in content_type:
        raise ValueError(f"expected multipart/form-data with a boundary, got {content_type!r}")
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    parts: dict[str, FormPart] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        filename = part.get_param("filename", header="content-disposition")
        payload = part.get_payload(decode=True)
        parts[name] = FormPart(
            filename if isinstance(filename, str) else None,
            payload if isinstance(payload, bytes) else b"",
        )
    return parts
