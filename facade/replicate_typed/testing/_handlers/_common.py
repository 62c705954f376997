"""What every handler uses: the routed ``Call``, a 404 shortcut, and pagination.

Also the get, cancel and list handlers that predictions and trainings share:
they differ only in the JSON shape of a job. Lists honor ``created_after``
(inclusive) and ``created_before`` (exclusive) where the spec offers them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import httpx

from replicate_typed.testing import _shapes
from replicate_typed.testing._http import Bases, FakeRequest, FakeResponse, json_response, problem
from replicate_typed.testing._jobs import Job
from replicate_typed.testing._ledger import Ledger

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


@dataclass
class Call:
    """A routed request, and what a handler may reach to answer it.

    ``fake`` holds what users configure (models, deployments, files, the
    clock); ``ledger`` holds the predictions and trainings. ``body`` is the
    request body once validated against the spec; ``now`` is when it arrived.
    """

    fake: FakeReplicate
    ledger: Ledger
    request: FakeRequest
    params: dict[str, str]
    body: Any
    bases: Bases
    now: float

    def query(self, name: str) -> str | None:
        """A query parameter."""
        value = self.request.url.params.get(name)
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Held:
    """An answer held back ("Prefer: wait") until ``job`` finishes or the clock reaches ``until``.

    The emulator waits on the fake's clock (letting other requests in), then
    sends what ``respond()`` returns at that moment.
    """

    job: Job
    until: float
    respond: Callable[[], FakeResponse]


Handler = Callable[[Call], FakeResponse | Held]
"""Answers one operation, at once or after holding the request open."""


def not_found(what: str) -> FakeResponse:
    """A 404 problem."""
    return problem(404, "Not found", f"{what} not found")


def delete(table: dict[str, Any], key: str | None, what: str) -> FakeResponse:
    """DELETE of ``table[key]``: 204 once removed, a 404 naming ``what`` if it is not there."""
    if key is None or key not in table:
        return not_found(what)
    del table[key]
    return FakeResponse(204)


def page(call: Call, items: list[Any], render: Callable[[Any], Any] | None = None) -> FakeResponse:
    """One page of ``items`` at the request's cursor, with absolute links.

    ``render`` turns an item into its JSON shape, for the page's items only:
    a fake holding thousands of predictions still lists one page quickly.
    """
    size = call.fake.page_size
    start = int(call.query("cursor") or 0)
    end = start + size
    results = items[start:end]
    body = {
        "next": _page_url(call, end) if end < len(items) else None,
        "previous": _page_url(call, max(0, start - size)) if start > 0 else None,
        "results": results if render is None else [render(item) for item in results],
    }
    return json_response(200, body)


def _page_url(call: Call, cursor: int) -> str:
    """The absolute URL of the page starting at ``cursor``, keeping the other query params."""
    params = dict(call.request.url.params)
    params["cursor"] = str(cursor)
    return str(
        httpx.URL(f"{call.bases.api}{call.request.url.path.removeprefix('/v1')}", params=params)
    )


def job_handlers(kind: Literal["prediction", "training"]) -> dict[str, Handler]:
    """get, cancel and list for predictions or trainings, by operationId."""
    shape = _shapes.prediction if kind == "prediction" else _shapes.training

    def get(call: Call) -> FakeResponse:
        job = call.ledger.get(call.params[f"{kind}_id"], kind)
        if job is None:
            return not_found(kind)
        return json_response(200, shape(job, call.now, call.fake.clock, call.bases))

    def cancel(call: Call) -> FakeResponse:
        job = call.ledger.get(call.params[f"{kind}_id"], kind)
        if job is None:
            return not_found(kind)
        call.ledger.cancel(job)
        return json_response(200, shape(job, call.fake.clock.now(), call.fake.clock, call.bases))

    def list_(call: Call) -> FakeResponse:
        # Every fake job came through the API, so a source=web filter finds none.
        jobs = [] if call.query("source") == "web" else call.ledger.newest_first(kind)
        after, before = call.query("created_after"), call.query("created_before")
        if after is not None or before is not None:
            try:
                since, until = _moment(after), _moment(before)
            except ValueError as exc:
                return problem(400, "Invalid query parameter", str(exc))
            wall = call.fake.clock.wall
            jobs = [
                job
                for job in jobs
                if (since is None or wall(job.created) >= since)
                and (until is None or wall(job.created) < until)
            ]
        return page(call, jobs, lambda job: shape(job, call.now, call.fake.clock, call.bases))

    return {f"{kind}s.get": get, f"{kind}s.cancel": cancel, f"{kind}s.list": list_}


def _moment(value: str | None) -> datetime | None:
    """A ``created_after``/``created_before`` bound (ISO 8601, UTC when it names no zone)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO 8601 date-time, got {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
