"""The async-to-sync rewrite behind scripts/unasync."""

from __future__ import annotations

from unasync.__main__ import main
from unasync.rewrite import rewrite


def test_rules() -> None:
    source = (
        "async def run(self, client: httpx.AsyncClient) -> AsyncIterator[int]:\n"
        "    async with AsyncReplicate() as c:\n"
        "        await c.aclose()\n"
        "    async for x in AsyncPredictions(c).list():\n"
        "        yield await self._io.perform(x)\n"
        "    sleep: Callable[[float], Awaitable[None]] = AsyncIO.sleep\n"
    )
    assert rewrite(source) == (
        "def run(self, client: httpx.Client) -> Iterator[int]:\n"
        "    with Replicate() as c:\n"
        "        c.close()\n"
        "    for x in Predictions(c).list():\n"
        "        yield self._io.perform(x)\n"
        "    sleep: Callable[[float], None] = SyncIO.sleep\n"
    )


def test_the_sync_client_is_up_to_date() -> None:
    assert main(["--check"]) == 0
