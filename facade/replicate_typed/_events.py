"""Typed events a client reports to its ``on_event`` hook, to log or meter without a transport.

Emitted once, by the shared flows (``_core`` for requests, retries and 429s,
``_jobs`` for status changes), so ``Replicate`` and ``AsyncReplicate`` report
the same events in the same order. The hook is a plain callable, for the async
client too; it runs inline, so it should be quick. An exception it raises
(an ``Exception``) is logged on the "replicate_typed" logger and the call goes
on as if there were no hook.

No event carries a header or a body: the token (sent only in the
Authorization header) never appears in one. A URL is the request's own, with
its query. The one exception to "no body": ``StatusChanged.job``, the
prediction or training as parsed (its input and output, never the token), for
a hook that opts in to recording them; it is left out of the event's repr.

Events of one request carry its ``call`` number (the same for all its
attempts, unique in the process), so a hook pairs each ``RequestSent`` with its
``ResponseReceived`` or ``RequestFailed`` when requests run concurrently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from replicate_api.models.prediction import Prediction
from replicate_api.models.training import Training


@dataclass(frozen=True, slots=True)
class RequestSent:
    """A request is about to go out (each attempt of it, retries included)."""

    #: The API operation, e.g. "predictions.get".
    operation: str
    #: The HTTP method, upper case.
    method: str
    #: The request's URL (no headers, so no token).
    url: str
    #: Which send of the request this is: 1 for the first, 2 for the first retry.
    attempt: int
    #: The request's number, shared by its attempts and the events about them.
    call: int = 0


@dataclass(frozen=True, slots=True)
class ResponseReceived:
    """A response arrived, whatever its status (a transport error gives none)."""

    operation: str
    status_code: int
    #: Seconds from sending to the response's headers, on the client's clock.
    elapsed: float
    attempt: int
    call: int = 0


@dataclass(frozen=True, slots=True)
class RequestFailed:
    """A send ended with a transport error (no response): a connection refused, a timeout."""

    operation: str
    #: The transport error's class, e.g. "ConnectError", "ReadTimeout".
    error: str
    #: Seconds from sending to the error, on the client's clock.
    elapsed: float
    attempt: int
    call: int = 0


@dataclass(frozen=True, slots=True)
class Throttled:
    """The API answered 429 Too Many Requests."""

    operation: str
    #: The seconds its Retry-After asked for; None if it sent none (or none readable).
    retry_after: float | None
    attempt: int
    call: int = 0


@dataclass(frozen=True, slots=True)
class RetryScheduled:
    """A request will be sent again after ``delay`` seconds."""

    operation: str
    #: The attempt that failed (the retry is ``attempt + 1``).
    attempt: int
    #: Why: "HTTP 429", "HTTP 503", a transport error's class ("ConnectError"),
    #: or "unreadable body".
    reason: str
    #: Seconds the client will sleep before the retry.
    delay: float
    #: The failed response's status, if a response was the failure.
    status_code: int | None = None
    call: int = 0


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """A prediction's or training's status changed, as the client saw it.

    Seen by a create (``old`` is None) and at each poll of ``wait`` and ``run``.
    """

    kind: Literal["prediction", "training"]
    #: The prediction's or training's id.
    id: str
    #: The model it runs ("owner/name"), if the API said.
    model: str | None
    #: The status before; None when first seen (by a create, or a wait by id).
    old: str | None
    new: str
    #: The prediction or training as seen, input and output included (not in the repr).
    job: Prediction | Training | None = field(default=None, repr=False, compare=False)


#: Every event a client reports.
Event: TypeAlias = (
    RequestSent | ResponseReceived | RequestFailed | Throttled | RetryScheduled | StatusChanged
)
#: The hook ``Replicate(on_event=...)`` and ``AsyncReplicate(on_event=...)`` take.
EventHook: TypeAlias = Callable[[Event], None]
