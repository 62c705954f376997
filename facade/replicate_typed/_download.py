"""Downloading an output file across dropped connections, without losing or repeating bytes.

No I/O here: ``Download`` says which request to send, trims what a resumed
response repeats, and asks the request's ``Attempts`` whether to try again:
a cut counts against the same budget as the retries of each resumed GET, so a
download is sent at most ``1 + max_retries`` times (see ``_retry``). When
a connection dies mid-body the next request asks for the rest with ``Range``;
a server that ignores it (200 instead of 206) sends everything again, and the
bytes already delivered are skipped.
"""

from __future__ import annotations

import httpx

from replicate_typed._core import connection_error
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._retry import Attempts


class Download:
    """The bookkeeping of one download: bytes delivered, and what to skip of a restart."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.delivered = 0
        self._skip = 0

    def request(self) -> Send:
        """The GET for the bytes not delivered yet."""
        headers = {"Range": f"bytes={self.delivered}-"} if self.delivered else {}
        return Send(
            "output.download",
            {"method": "GET", "url": self.url, "headers": headers},
            stream=True,
            follow_redirects=True,
        )

    def accept(self, response: httpx.Response) -> None:
        """Note whether the server resumed (206) or started over (200)."""
        self._skip = 0 if response.status_code == 206 else self.delivered

    def take(self, chunk: bytes) -> bytes:
        """The part of ``chunk`` not delivered before (all of it, unless starting over)."""
        if self._skip:
            dropped = min(self._skip, len(chunk))
            self._skip -= dropped
            chunk = chunk[dropped:]
        self.delivered += len(chunk)
        return chunk

    def dropped(self, error: httpx.RequestError, attempts: Attempts) -> Flow[None]:
        """Pause before resuming after the connection died mid-body.

        Raises APIConnectionError when ``attempts`` (the download's, shared
        with ``Core.send``) allows no more sends.
        """
        delay = attempts.retry(error)
        if delay is None:
            raise connection_error(self.request(), error) from error
        yield Sleep(delay)
