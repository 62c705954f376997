"""The most times one request is sent: ``1 + max_retries``, whatever keeps failing.

The download and stream loops live in ``FileOutput`` and ``PredictionStream``,
so this drives whole calls, through both clients, over ``httpx.MockTransport``
(no network, no real sleeps). tests/unit/test_core_flows.py and
test_resume_flows.py check the same bound on the flows alone.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import httpx
import pytest
from replicate_typed import (
    AsyncReplicate,
    Prediction,
    Replicate,
    ReplicateError,
    RetryPolicy,
)
from replicate_typed._sync.files import CHUNK_SIZE

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, TOKEN
from tests.support.streams import Dropping

FILE_URL = "https://replicate.delivery/xezq/output.bin"
STARTING = Prediction.from_dict(payloads.prediction("starting", streams=True))
#: The length of the file the cut downloads are for: more than they ever deliver.
FILE_SIZE = 100 * CHUNK_SIZE
Reply = Callable[[httpx.Request], httpx.Response]


def unavailable(_: httpx.Request) -> httpx.Response:
    return httpx.Response(503)


def unreadable(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text="<html>proxy</html>", headers={"Content-Type": "text/html"})


def cut(request: httpx.Request) -> httpx.Response:
    """The file from where the request asks, cut after a whole chunk (the reader hands it on)."""
    wanted = request.headers.get("Range")
    if wanted is None:
        return httpx.Response(200, stream=Dropping(bytes(CHUNK_SIZE)))
    start = int(wanted.removeprefix("bytes=").removesuffix("-"))
    resumed = {"Content-Range": f"bytes {start}-{FILE_SIZE - 1}/{FILE_SIZE}"}
    return httpx.Response(206, headers=resumed, stream=Dropping(bytes(CHUNK_SIZE)))


def dropped(_: httpx.Request) -> httpx.Response:
    # A keep-alive comment, no event: a connection that delivered new events
    # would start the stream's count again (see test_resume_flows.py).
    headers = {"Content-Type": "text/event-stream"}
    return httpx.Response(200, headers=headers, stream=Dropping(b": still there\n"))


class Server:
    """Answer every request with the next of ``replies``, round and round; count them."""

    def __init__(self, *replies: Reply) -> None:
        self._replies = itertools.cycle(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return next(self._replies)(request)


@dataclass(frozen=True)
class Call:
    """One client call, written for each client."""

    sync: Callable[[Replicate], object]
    async_: Callable[[AsyncReplicate], Awaitable[object]]


async def _stream(client: AsyncReplicate) -> object:
    return [event async for event in client.stream(STARTING)]


GET = Call(
    lambda client: client.predictions.get(PREDICTION_ID),
    lambda client: client.predictions.get(PREDICTION_ID),
)
DOWNLOAD = Call(
    lambda client: client.files.output(FILE_URL).read(),
    lambda client: client.files.output(FILE_URL).read(),
)
STREAM = Call(lambda client: list(client.stream(STARTING)), _stream)

CASES: dict[str, tuple[Call, Sequence[Reply]]] = {
    # Every response unreadable, each download cut, each stream dropped...
    "get, unreadable every time": (GET, [unreadable]),
    "download, cut every time": (DOWNLOAD, [cut]),
    "stream, dropped every time": (STREAM, [dropped]),
    # ...and the same between 503s, which once had a count of their own: with
    # three 503s before each, a GET, download or stream went out 16 times.
    "get, 503 and unreadable": (GET, [unavailable, unreadable]),
    "download, 503 and cut": (DOWNLOAD, [unavailable, cut]),
    "stream, 503 and dropped": (STREAM, [unavailable, dropped]),
    "get, 3 x 503 and unreadable": (GET, [unavailable] * 3 + [unreadable]),
    "download, 3 x 503 and cut": (DOWNLOAD, [unavailable] * 3 + [cut]),
    "stream, 3 x 503 and dropped": (STREAM, [unavailable] * 3 + [dropped]),
}
POLICIES = [RetryPolicy(), RetryPolicy(max_retries=0), RetryPolicy(max_retries=5)]


def _send_all(kind: str, call: Call, server: Server, policy: RetryPolicy) -> list[float]:
    """Make ``call`` until it gives up; return the sleeps."""
    slept: list[float] = []
    transport = httpx.MockTransport(server)
    if kind == "sync":
        with (
            Replicate(
                TOKEN, base_url=API, transport=transport, retry=policy, sleep=slept.append
            ) as client,
            pytest.raises(ReplicateError),
        ):
            call.sync(client)
        return slept

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def main() -> None:
        async with AsyncReplicate(
            TOKEN, base_url=API, transport=transport, retry=policy, sleep=sleep
        ) as client:
            with pytest.raises(ReplicateError):
                await call.async_(client)

    asyncio.run(main())
    return slept


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: f"max_retries={p.max_retries}")
@pytest.mark.parametrize("case", CASES)
def test_a_request_is_sent_at_most_one_plus_max_retries_times(
    kind: str, policy: RetryPolicy, case: str
) -> None:
    call, replies = CASES[case]
    server = Server(*replies)

    slept = _send_all(kind, call, server, policy)

    assert len(server.requests) == policy.max_retries + 1
    assert len(slept) == policy.max_retries
    assert len({request.url for request in server.requests}) == 1  # one request, resent


def test_a_resumed_download_asks_for_the_rest() -> None:
    server = Server(cut)

    _send_all("sync", DOWNLOAD, server, RetryPolicy(max_retries=2))

    ranges = [request.headers.get("Range") for request in server.requests]
    assert ranges == [None, f"bytes={CHUNK_SIZE}-", f"bytes={2 * CHUNK_SIZE}-"]
