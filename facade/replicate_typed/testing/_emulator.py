"""The emulator's request pipeline: how one request to a FakeReplicate is answered.

    route (spec) -> log -> token -> rate limit -> fault -> body check -> handler
        -> webhooks -> response check

Under /v1 a request is routed by the spec (404, or 405 naming the allowed
methods), logged in ``FakeReplicate.requests``, refused without a token (401;
``search`` needs none), throttled (429) if rate limits are on and its
class's bucket is empty (``_rate_limits``), given any fault injected for its operation, rejected
if its body breaks the spec, and answered by its handler (``_handlers``)
while the fake's lock is held, with a ``Date`` header on the fake's clock; a
sync-mode create is then held open on the fake's clock. Webhooks that came
due are sent; the response is checked against the spec. /delivery and /stream
are the file and stream hosts (``_outputs``); /_fake/requests counts requests
by operation and by the status they were answered with.

Answering is a flow that yields the seconds it waits for; ``Ledger.drive``
performs them in a thread, ``Ledger.async_drive`` on an event loop.
"""

from __future__ import annotations

import hmac
from email.utils import format_datetime
from typing import TYPE_CHECKING

from replicate_typed.testing import _outputs, _spec, _validation, _webhook_sender
from replicate_typed.testing._faults import FaultSchedule, after_work, before_work
from replicate_typed.testing._handlers import registry
from replicate_typed.testing._handlers._common import Call, Held
from replicate_typed.testing._http import (
    IN_PROCESS,
    Bases,
    FakeRequest,
    FakeResponse,
    json_response,
    problem,
)
from replicate_typed.testing._ledger import Flow, Ledger
from replicate_typed.testing._log import RecordedRequest, StatusTally
from replicate_typed.testing._rate_limits import RateLimiter

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


class Emulator:
    """Answers requests for one FakeReplicate; the transports and the server call ``handle``."""

    def __init__(self, fake: FakeReplicate, token: str | None) -> None:
        registry.check(route.operation_id for route in _spec.routes())
        self.fake = fake
        self.ledger = Ledger(fake)
        self.faults = FaultSchedule()
        #: The buckets requests are admitted by; None: no limits (the default).
        self.rate_limiter: RateLimiter | None = None
        #: Where clients reach the fake (updated by each request), for ``predictions()``.
        self.bases = IN_PROCESS
        self._token = token
        self._statuses = StatusTally()

    def handle(self, request: FakeRequest, bases: Bases) -> FakeResponse:
        """Answer one request in this thread; ``bases`` says where the client reached the fake."""
        return self.ledger.drive(self.answer(request, bases))

    def answer(self, request: FakeRequest, bases: Bases) -> Flow[FakeResponse]:
        """Answer one request, yielding the seconds it waits on the fake's clock.

        The caller performs the waits (``Ledger.drive`` or ``async_drive``), so
        an async client's other tasks run while a request is held.
        """
        self.bases = bases
        path = request.url.path
        if path == "/_fake/requests":
            return self._request_counts()
        if path.startswith("/delivery/"):
            self._record(request, "output.download")
            response = _outputs.download(self, request, path)
        elif path.startswith("/stream/"):
            self._record(request, "predictions.stream")
            response = _outputs.stream(self, request, path)
        elif path.startswith("/v1/"):
            response = yield from self._api(request, path.removeprefix("/v1"), bases)
        else:
            return problem(404, "Not found", f"no route for {path}")
        self._statuses.count(response.status)
        return response

    def _api(self, request: FakeRequest, path: str, bases: Bases) -> Flow[FakeResponse]:
        routed = _spec.match(request.method, path)
        operation = routed[0].operation_id if routed else None
        authorized = self._authorized(request)
        self.fake.requests.append(
            RecordedRequest(request.method, str(request.url), operation, authorized)
        )
        if routed is None:
            allowed = _spec.allowed_methods(path)
            if allowed:
                return problem(405, "Method not allowed", f"use {', '.join(allowed)} on {path}")
            return problem(404, "Not found", f"no route for {path}")
        route, params = routed
        if not authorized and route.operation_id != "search":
            return problem(401, "Unauthenticated", "You did not pass a valid authentication token")
        limiter = self.rate_limiter
        if limiter is not None:
            refused = limiter.admit(route.operation_id, self.fake.clock.now())
            if refused is not None:
                return refused
        fault = self.faults.take(route.operation_id)
        if fault is not None:
            if fault.kind == "slow":
                yield fault.seconds
            elif (early := before_work(fault)) is not None:
                return early
        body, invalid = _validation.request_body(route.operation_id, request)
        if invalid is not None:
            return invalid
        handler = registry.HANDLERS[route.operation_id]
        with self.ledger.lock:
            now = self.fake.clock.now()
            answer = handler(Call(self.fake, self.ledger, request, params, body, bases, now))
        if isinstance(answer, Held):
            yield from self.ledger.hold(answer.job, answer.until)
        with self.ledger.lock:
            response = answer.respond() if isinstance(answer, Held) else answer
            # As real servers do, on the fake's own clock: the client reads the
            # server's time from it (e.g. to find a prediction by creation time).
            moment = self.fake.clock.wall(self.fake.clock.now())
            response.headers.setdefault("Date", format_datetime(moment, usegmt=True))
            _webhook_sender.deliver_due(self.fake, self.ledger, bases)
        if fault is not None and fault.kind != "slow":
            return after_work(fault, response, str(request.url))
        _validation.check_response(route.operation_id, response)
        return response

    def _request_counts(self) -> FakeResponse:
        """How many requests the fake has seen, by operation and by the status it answered.

        For tools measuring a client: a benchmark counts the 429s a client
        drew from the server's side, not from what the client says it saw.
        A request still being answered (a held create) has no status yet.
        """
        counts: dict[str, int] = {}
        for seen in list(self.fake.requests):
            counts[seen.operation or "unrouted"] = counts.get(seen.operation or "unrouted", 0) + 1
        return json_response(
            200,
            {
                "total": sum(counts.values()),
                "by_operation": counts,
                "by_status": self._statuses.snapshot(),
            },
        )

    def _record(self, request: FakeRequest, operation: str) -> None:
        """Log a request to the file or stream hosts; ``authorized`` says a token came along."""
        carried = request.header("authorization") is not None
        self.fake.requests.append(
            RecordedRequest(request.method, str(request.url), operation, carried)
        )

    def _authorized(self, request: FakeRequest) -> bool:
        header = request.header("authorization") or ""
        scheme, _, token = header.partition(" ")
        if scheme != "Bearer" or not token.strip():
            return False
        return self._token is None or hmac.compare_digest(token, self._token)
