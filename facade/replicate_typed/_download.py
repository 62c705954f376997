"""Downloading an output file across dropped connections, without losing or repeating bytes.

No I/O here: ``Download`` says which request to send, trims what a resumed
response repeats, and decides (by the retry policy) whether to try again. When
a connection dies mid-body the next request asks for the rest with ``Range``;
a server that ignores it (200 instead of 206) sends everything again, and the
bytes already delivered are skipped.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from replicate_typed._core import connection_error
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._retry import RetryPolicy


class Download:
    """The bookkeeping of one download: bytes delivered, attempts made."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.delivered = 0
        self._skip = 0
        self._drops = 0

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

    def dropped(
        self, error: httpx.RequestError, retry: RetryPolicy, random: Callable[[], float]
    ) -> Flow[None]:
        """Pause before resuming after the connection died mid-body; raise when out of tries."""
        self._drops += 1
        delay = retry.retry_error(error, self._drops, repeatable=True, random=random)
        if delay is None:
            raise connection_error(self.request(), error) from error
        yield Sleep(delay)
