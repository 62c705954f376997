"""Serve a FakeReplicate on a loopback port, for other processes and tools.

A thread per connection, HTTP/1.1 keep-alive, streamed bodies sent chunked.
Wire faults are real: a dropped connection closes the socket, a cut body stops
mid-way, a timeout stalls, a trickled body comes a byte at a time.
"""

from __future__ import annotations

import email.utils
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx

from replicate_typed.testing._clock import RealClock, VirtualClock
from replicate_typed.testing._http import Bases, FakeRequest, FakeResponse, served_bases

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


class ServedFake:
    """A FakeReplicate listening on ``host:port`` in a background thread; ``url`` is its API."""

    def __init__(self, fake: FakeReplicate, host: str = "127.0.0.1", port: int = 0) -> None:
        if isinstance(fake.clock, VirtualClock):
            fake.clock = RealClock()  # other processes cannot move a virtual clock
        self.fake = fake
        self._server = _Server((host, port), _Handler)
        self._server.fake = fake
        self._server.bases = served_bases(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The API base URL, e.g. http://127.0.0.1:8123/v1."""
        return self._server.bases.api

    def start(self) -> Self:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512
    fake: FakeReplicate
    bases: Bases

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        """A client that hangs up mid-response is routine; anything else is reported."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm on, the
    # second waits for a delayed ACK and every response takes 40 ms longer.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        """Keep quiet: a fake that logs every request drowns the output of its users."""

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header, from the fake's clock: a fake whose clock is off is off throughout."""
        server = self.server
        assert isinstance(server, _Server)
        clock = server.fake.clock
        return email.utils.format_datetime(clock.wall(clock.now()), usegmt=True)

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PATCH = do_DELETE = do_PUT = do_QUERY = do_GET

    def _serve(self) -> None:
        server = self.server
        # BaseRequestHandler types it as any BaseServer; this handler only ever gets a _Server.
        assert isinstance(server, _Server)
        body = self._body()
        if body is None:  # the client went away mid-request: a real server acts on none of it
            self._abort()
            return
        host = self.headers.get("Host") or f"127.0.0.1:{server.server_address[1]}"
        url = httpx.URL(f"http://{host}{self.path}")
        headers = {name.lower(): value for name, value in self.headers.items()}
        incoming = FakeRequest(self.command, url, headers, body)
        response = server.fake._emulator.handle(incoming, server.bases)  # pyright: ignore[reportPrivateUsage]  # package-private
        if response.wire_fault == "drop":
            self._abort()
            return
        if response.wire_fault == "timeout":
            threading.Event().wait(response.stall)
            self._abort()
            return
        self._status_line(response)
        for name, value in response.headers.items():
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(name, value)
        if response.chunks is None and response.wire_fault is None:
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            try:
                for piece in server.fake._emulator.ledger.pace(response.parts()):  # pyright: ignore[reportPrivateUsage]  # package-private
                    self.wfile.write(piece)  # more than one piece only when trickled
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for index, chunk in enumerate(server.fake._emulator.ledger.pace(response.parts())):  # pyright: ignore[reportPrivateUsage]  # package-private
                if response.wire_fault == "cut" and index == 0:
                    self._chunk(chunk[: max(1, len(chunk) // 2)])
                    self._abort()
                    return
                self._chunk(chunk)
            if response.wire_fault == "cut":
                self._abort()
                return
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _body(self) -> bytes | None:
        """The request's body; None if the connection closed before all of it arrived."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            parts: list[bytes] = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                parts.append(self.rfile.read(size))
                if len(parts[-1]) < size:
                    return None
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return b"".join(parts)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        return body if len(body) == length else None

    def _chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    def _status_line(self, response: FakeResponse) -> None:
        """``send_response``, less its real-time Date when the emulator sent the fake's own."""
        self.log_request(response.status)
        self.send_response_only(response.status)
        self.send_header("Server", self.version_string())
        if not any(name.lower() == "date" for name in response.headers):
            self.send_header("Date", self.date_time_string())

    def _abort(self) -> None:
        """Drop the connection without finishing the response."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
