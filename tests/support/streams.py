"""Response bodies that fail part-way, the way a dropped connection does."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx


class Dropping(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that sends some bytes, then loses the connection."""

    def __init__(self, sent: bytes) -> None:
        self._sent = sent

    def __iter__(self) -> Iterator[bytes]:
        yield self._sent
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._sent
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")
