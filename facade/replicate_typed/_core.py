"""Sending requests, shared by every operation of both clients (see ``_effects``).

Operations are generators ("flows") that yield ``Send``/``Sleep`` effects and
return typed results. Requests are built by the generated endpoint modules'
``request_args`` and responses parsed by the generated models: the facade does
not call ``sync_detailed``/``asyncio_detailed`` because it needs the raw
``httpx.Response`` (problem JSON, Retry-After, an unreadable body) and a
per-request timeout for sync mode, which those functions do not expose. The
contract tests pin both pieces through the generated functions.

Each request is sent through ``Core.send_once``, which counts it in the
request's ``Attempts``; whether to send it again is decided by
``Attempts.retry`` alone, so a request goes out at most ``1 + max_retries``
times (4 by default) whatever mix of failures it meets (see ``_retry``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import KW_ONLY, dataclass
from dataclasses import replace as with_changes
from datetime import datetime
from typing import Any, TypeVar, cast

import httpx
from replicate_api.api.files import files_create
from replicate_api.models.file_create_request import FileCreateRequest
from replicate_api.models.file_create_request_metadata import FileCreateRequestMetadata
from replicate_api.models.file_resource import FileResource
from replicate_api.types import UNSET, File, RequestArgs

from replicate_typed._budget import RateBudget
from replicate_typed._config import Settings
from replicate_typed._effects import Flow, Send, Sleep, response_to
from replicate_typed._errors import (
    APIConnectionError,
    APITimeoutError,
    InvalidResponseError,
    NotFoundError,
    describe_transport_error,
)
from replicate_typed._events import (
    Event,
    EventHook,
    RequestFailed,
    RequestSent,
    ResponseReceived,
    RetryScheduled,
    Throttled,
)
from replicate_typed._inputs import (
    DATA_URI_LIMIT,
    FileStrategy,
    LocalFile,
    find_files,
    replace,
)
from replicate_typed._nested import Location
from replicate_typed._options import check_input
from replicate_typed._pagination import follow
from replicate_typed._polling import PollSchedule
from replicate_typed._rate_limits import LimitClass, limit_class
from replicate_typed._responses import FromDict, error_from_response, parse_model
from replicate_typed._retry import (
    Attempts,
    Failure,
    RetryPolicy,
    TimeLimit,
    retry_after_seconds,
)
from replicate_typed._throttle_hint import throttle_hint

logger = logging.getLogger("replicate_typed")

T = TypeVar("T")


@dataclass(frozen=True)
class Core:
    """Sans-IO sending: retries by the policy, logging, status-to-error mapping, uploads.

    It holds what every flow reads and nothing it changes: the settings, the
    policies, and the clocks and randomness (injected so tests control them).
    """

    settings: Settings
    _: KW_ONLY
    retry: RetryPolicy
    polling: PollSchedule
    clock: Callable[[], float]
    now: Callable[[], datetime]
    random: Callable[[], float]
    #: The client's event hook (``_events``); None: no events are built.
    on_event: EventHook | None = None
    #: The client's rate-limit budget (``_budget``), shared by all its calls; None: no pacing.
    budget: RateBudget | None = None

    # -- events --------------------------------------------------------------------------

    def emit(self, event: Event) -> None:
        """Report ``event`` to the hook; an exception it raises is logged, not raised."""
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:
            logger.warning("the on_event hook raised on %r", event, exc_info=True)

    def _retrying(self, request: Send, attempts: Attempts, failure: Failure, delay: float) -> None:
        if self.on_event is None:
            return
        attempt, call = attempts.sent, attempts.call
        status = failure.status_code if isinstance(failure, httpx.Response) else None
        if status is not None:
            reason = f"HTTP {status}"
        elif isinstance(failure, httpx.RequestError):
            reason = type(failure).__name__
        else:
            reason = "unreadable body"
        self.emit(RetryScheduled(request.operation, attempt, reason, delay, status, call))

    # -- sending -------------------------------------------------------------------------

    def attempts(
        self, *, repeatable: bool, creates: bool = False, time_limit: TimeLimit | None = None
    ) -> Attempts:
        """A new attempt counter for one request, under this client's retry policy.

        ``repeatable``: the server may safely see the request twice (GET, cancel, delete).
        ``creates``: a failure after the request may have arrived says what it
        creates may exist. ``time_limit``: the caller's.
        """
        return Attempts(
            self.retry,
            repeatable=repeatable,
            creates=creates,
            random=self.random,
            time_limit=time_limit,
        )

    def time_limit(self, seconds: float) -> TimeLimit:
        """A time limit ``seconds`` from now, on this client's monotonic clock."""
        return TimeLimit(self.clock() + seconds, self.clock)

    def send_once(self, request: Send, attempts: Attempts) -> Flow[httpx.Response]:
        """Send once, counted in ``attempts`` and logged; return the response, whatever its status.

        Every request goes out through here (see ``_retry``); a transport error
        is raised as it is. A request to the API first waits for its slot in
        the client's budget (``_budget``). Under a time limit the request
        carries the seconds left; with none left, or a slot further away than
        the time left, it is not sent, and fails as a request that found no
        connection in time does (``httpx.PoolTimeout``: certainly not sent).
        """
        kind = None if self.budget is None else self._limit_class(request)
        if kind is not None and self.budget is not None:
            wait = self.budget.reserve(kind)
            if attempts.time_limit is not None and wait >= attempts.time_limit.left():
                attempts.time_limit.reached = True
                raise httpx.PoolTimeout(f"{request.operation}: no time left to send it")
            if wait > 0:
                yield Sleep(wait)
        if attempts.time_limit is not None:
            left = attempts.time_limit.left()
            if left <= 0:
                raise httpx.PoolTimeout(f"{request.operation}: no time left to send it")
            request = with_changes(request, time_left=left)
        number = attempts.sending()
        if self.on_event is not None:
            method = str(request.kwargs["method"]).upper()
            url = self._url(request)
            self.emit(RequestSent(request.operation, method, url, number, attempts.call))
        started = self.clock()
        try:
            response = yield from response_to(request)
        except httpx.RequestError as exc:
            self._log(request, type(exc).__name__, started, number)
            if self.on_event is not None:
                elapsed = self.clock() - started
                error = type(exc).__name__
                self.emit(RequestFailed(request.operation, error, elapsed, number, attempts.call))
            raise
        self._log(request, response.status_code, started, number)
        if self.on_event is not None:
            elapsed = self.clock() - started
            status = response.status_code
            self.emit(ResponseReceived(request.operation, status, elapsed, number, attempts.call))
        return response

    def _limit_class(self, request: Send) -> LimitClass | None:
        """The rate-limit class of an API request; None for another host (a file, a stream)."""
        # Plain string tests, not httpx.URL: this runs before every request (B1).
        # A generated endpoint's URL is a path; page links are absolute.
        url = str(request.kwargs["url"])
        if url.startswith("/") or url.startswith(self.settings.base_url + "/"):
            return limit_class(request.operation)
        return None

    def _throttled(
        self, request: Send, response: httpx.Response, attempts: Attempts, header: float | None
    ) -> float | None:
        """Report a 429 (event, budget); return the seconds it asks to wait, body hint first."""
        retry_after = throttle_hint(response, header)
        self.emit(Throttled(request.operation, retry_after, attempts.sent, attempts.call))
        kind = self._limit_class(request)
        if kind is not None and self.budget is not None:
            hold = None if retry_after is None else min(retry_after, self.retry.max_retry_after)
            self.budget.throttled(kind, hold)
        return retry_after

    def _url(self, request: Send) -> str:
        """The request's URL, absolute (a generated endpoint's is a path under the base URL)."""
        url = httpx.URL(request.kwargs["url"], params=request.kwargs.get("params"))
        if url.is_relative_url:
            return self.absolute(request.kwargs)
        return str(url)

    def send(self, request: Send, attempts: Attempts) -> Flow[httpx.Response]:
        """Send until a 2xx response while ``attempts`` allows; return it or raise a typed error."""
        while True:
            try:
                response = yield from self.send_once(request, attempts)
            except httpx.RequestError as exc:
                delay = attempts.retry(exc)
                if delay is None:
                    may_exist = attempts.creates and attempts.may_have_arrived
                    raise connection_error(request, exc, may_exist) from exc
                self._retrying(request, attempts, exc, delay)
            else:
                if response.is_success:
                    return response
                retry_after = retry_after_seconds(
                    response.headers.get("Retry-After"),
                    date=response.headers.get("Date"),
                    now=self.now,
                )
                if response.status_code == 429:
                    retry_after = self._throttled(request, response, attempts, retry_after)
                delay = attempts.retry(response, retry_after=retry_after)
                if delay is None:
                    raise error_from_response(
                        response,
                        request.operation,
                        retry_after=retry_after,
                        may_exist=attempts.creates and attempts.may_have_arrived,
                    )
                self._retrying(request, attempts, response, delay)
            yield Sleep(delay)

    def _log(self, request: Send, outcome: int | str, started: float, attempt: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            path = httpx.URL(request.kwargs["url"]).path
            elapsed = (self.clock() - started) * 1000
            method = str(request.kwargs["method"]).upper()
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)", method, path, outcome, elapsed, attempt
            )

    def fetch(
        self,
        request: Send,
        parse: Callable[[httpx.Response], T],
        *,
        time_limit: TimeLimit | None = None,
    ) -> Flow[T]:
        """Send a request that is safe to repeat (with retries, within ``time_limit``) and parse it.

        A 2xx body that cannot be read (cut short, mangled by a proxy) is sent
        again, on the same backoff and the same count of attempts as a dropped
        connection; a body that is JSON of the wrong shape is raised at once.
        """
        attempts = self.attempts(repeatable=True, time_limit=time_limit)
        while True:
            response = yield from self.send(request, attempts)
            try:
                return parse(response)
            except InvalidResponseError as exc:
                delay = attempts.retry(exc)
                if delay is None:
                    raise
                self._log(request, "unreadable body", self.clock(), attempts.sent)
                self._retrying(request, attempts, exc, delay)
            yield Sleep(delay)

    def create(
        self, request: Send, model: FromDict[T], *, time_limit: TimeLimit | None = None
    ) -> Flow[T]:
        """Send a create: never again once it may have arrived, as it may be billed.

        It is retried only while the API certainly did not act on it (a 429, a
        connection never made); every error after it may have arrived, an
        unreadable body included, says ``may_exist``.
        """
        attempts = self.attempts(repeatable=False, creates=True, time_limit=time_limit)
        response = yield from self.send(request, attempts)
        return parse_model(response, model, request.operation, may_exist=True)

    def delete(self, request: Send) -> Flow[None]:
        """Send a delete, with retries; a 404 once an attempt may have arrived is success.

        The attempt that arrived may have deleted the thing and lost its
        response, so the retry finds nothing: the delete is done. A 404 when no
        attempt can have arrived (the first, or after a 429 or a connection
        never made) is raised as NotFoundError.
        """
        attempts = self.attempts(repeatable=True)
        try:
            yield from self.send(request, attempts)
        except NotFoundError:
            if not attempts.may_have_arrived:
                raise
            logger.debug("%s: 404 after an earlier attempt may have deleted it", request.operation)

    def parser(self, model: FromDict[T], operation: str) -> Callable[[httpx.Response], T]:
        """A parser of ``operation``'s responses into a generated model."""
        return lambda response: parse_model(response, model, operation)

    def absolute(self, kwargs: RequestArgs) -> str:
        """The full URL of a request built by a generated ``request_args``."""
        return str(httpx.URL(self.settings.base_url + kwargs["url"], params=kwargs.get("params")))

    def follow(self, url: str, operation: str) -> Send:
        """The request for a page link (see ``_pagination.follow``)."""
        return follow(self.settings.base_url, url, operation)

    def upload(
        self,
        local: LocalFile,
        metadata: dict[str, Any] | None = None,
        *,
        time_limit: TimeLimit | None = None,
    ) -> Flow[FileResource]:
        """Upload one file through the Files API (multipart, with its name and type)."""
        with local.open() as handle:
            body = FileCreateRequest(
                content=File(
                    payload=handle, file_name=local.filename, mime_type=local.content_type
                ),
                filename=local.filename,
                type_=local.content_type,
                metadata=UNSET
                if metadata is None
                else FileCreateRequestMetadata.from_dict(metadata),
            )
            request = Send("files.create", files_create.request_args(body=body))
            # A create like any other: an upload sent again could store the file twice.
            return (yield from self.create(request, FileResource, time_limit=time_limit))

    def prepare_input(
        self,
        input: Mapping[str, object] | None,
        strategy: FileStrategy,
        *,
        time_limit: TimeLimit | None = None,
    ) -> Flow[dict[str, Any]]:
        """Check the input, then replace each local file by a data URI or an uploaded file's URL."""
        checked = check_input(input, allow_files=True)
        urls: dict[Location, str] = {}
        for local in find_files(checked):
            if strategy == "data-uri" and local.size is not None and local.size <= DATA_URI_LIMIT:
                urls[local.location] = local.data_uri()
            else:
                uploaded = yield from self.upload(local, time_limit=time_limit)
                urls[local.location] = _file_url(uploaded)
        # Without files the checked copy goes as it is: nothing to replace.
        return cast(dict[str, Any], replace(checked, urls)) if urls else checked


def _file_url(uploaded: FileResource) -> str:
    url = uploaded.urls.get
    if isinstance(url, str) and url:
        return url
    raise InvalidResponseError(
        f"files.create returned file {uploaded.id} without urls.get",
        status=201,
        operation="files.create",
    )


def connection_error(
    request: Send, exc: httpx.RequestError, may_exist: bool = False
) -> APIConnectionError:
    """The typed error for a transport failure; chain it from ``exc``."""
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return kind(
        f"{request.operation}: {describe_transport_error(exc)}",
        operation=request.operation,
        may_exist=may_exist,
    )
