"""The logic both clients share, written once as flows (see ``_effects``).

Each public operation is a generator that yields ``Send``/``Sleep`` effects
and returns a typed result. Requests are built by the generated endpoint
modules' ``_get_kwargs`` and responses parsed by the generated models: the
facade does not call ``sync_detailed``/``asyncio_detailed`` because it needs
the raw ``httpx.Response`` (problem JSON, Retry-After, an unreadable body) and
a per-request timeout for sync mode, which those functions do not expose. The
contract tests pin both pieces through the generated functions.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeAlias

import httpx
from replicate_api.api.deployments import deployments_predictions_create
from replicate_api.api.models import models_predictions_create
from replicate_api.api.predictions import (
    predictions_cancel,
    predictions_create,
    predictions_get,
    predictions_list,
)
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_page import PredictionPage
from replicate_api.models.prediction_request import PredictionRequest
from replicate_api.models.prediction_request_input import PredictionRequestInput
from replicate_api.models.prediction_source_filter import PredictionSourceFilter
from replicate_api.models.version_prediction_request import VersionPredictionRequest
from replicate_api.models.version_prediction_request_input import VersionPredictionRequestInput
from replicate_api.models.webhook_event import WebhookEvent
from replicate_api.types import UNSET

from replicate_typed import _refs
from replicate_typed._config import Settings
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._errors import (
    APIConnectionError,
    APITimeoutError,
    InvalidResponseError,
    ModelError,
    PredictionCanceledError,
    PredictionTimeoutError,
    UnknownStatusError,
    describe_transport_error,
)
from replicate_typed._options import CreateOptions, check_input
from replicate_typed._polling import PollSchedule, is_terminal
from replicate_typed._responses import error_from_response, parse_model
from replicate_typed._retry import NOT_SENT_ERRORS, RetryPolicy, retry_after_seconds

logger = logging.getLogger("replicate_typed")

#: Called with the prediction whenever its status or logs change.
OnUpdate: TypeAlias = Callable[[Prediction], None]

#: How long past its deadline a prediction may stay unfinished before ``wait``
#: stops waiting for the server to end it.
DEADLINE_GRACE = 30.0


class Core:
    """Sans-IO logic: request building, retries, polling, status and error handling."""

    def __init__(
        self,
        settings: Settings,
        *,
        retry: RetryPolicy,
        polling: PollSchedule,
        clock: Callable[[], float],
        now: Callable[[], datetime],
        random: Callable[[], float],
    ) -> None:
        self.settings = settings
        self.retry = retry
        self.polling = polling
        self._clock = clock
        self._now = now
        self._random = random

    # -- sending -------------------------------------------------------------------------

    def send(self, send: Send, *, repeatable: bool, creates: bool = False) -> Flow[httpx.Response]:
        """Send with retries by the policy; return a 2xx response or raise a typed error.

        ``repeatable``: the server may safely see the request twice (GET, cancel).
        ``creates``: a failure after the request may have arrived says a
        prediction may exist.
        """
        attempt = 1
        while True:
            started = self._clock()
            try:
                response: httpx.Response = yield send
            except httpx.RequestError as exc:
                self._log(send, type(exc).__name__, started, attempt)
                delay = self.retry.retry_error(
                    exc, attempt, repeatable=repeatable, random=self._random
                )
                if delay is None:
                    may_exist = creates and not isinstance(exc, NOT_SENT_ERRORS)
                    raise _connection_error(send, exc, may_exist) from exc
            else:
                self._log(send, response.status_code, started, attempt)
                if response.is_success:
                    return response
                retry_after = retry_after_seconds(
                    response.headers.get("Retry-After"),
                    date=response.headers.get("Date"),
                    now=self._now,
                )
                delay = self.retry.retry_status(
                    response.status_code,
                    attempt,
                    repeatable=repeatable,
                    retry_after=retry_after,
                    random=self._random,
                )
                if delay is None:
                    raise error_from_response(
                        response,
                        send.operation,
                        retry_after=retry_after,
                        prediction_may_exist=creates and response.status_code >= 500,
                    )
            yield Sleep(delay)
            attempt += 1

    def _log(self, send: Send, outcome: int | str, started: float, attempt: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            path = httpx.URL(send.request["url"]).path
            elapsed = (self._clock() - started) * 1000
            method = str(send.request["method"]).upper()
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)", method, path, outcome, elapsed, attempt
            )

    # -- predictions -----------------------------------------------------------------------

    def create(
        self,
        ref: _refs.ModelReference | None,
        input: Any,
        *,
        deployment: str | None,
        options: CreateOptions,
    ) -> Flow[Prediction]:
        """Create a prediction (never sent twice once it may have arrived)."""
        target = _refs.resolve(ref, deployment)
        send = self._create_request(target, check_input(input), options)
        response = yield from self.send(send, repeatable=False, creates=True)
        return parse_model(response, Prediction, send.operation, prediction_may_exist=True)

    def get(self, prediction_id: str) -> Flow[Prediction]:
        """Fetch a prediction's current state."""
        send = Send("predictions.get", predictions_get._get_kwargs(_check_id(prediction_id)))
        response = yield from self.send(send, repeatable=True)
        return parse_model(response, Prediction, send.operation)

    def cancel(self, prediction: Prediction | str) -> Flow[Prediction]:
        """Cancel a prediction; one already finished comes back unchanged."""
        if isinstance(prediction, Prediction) and is_terminal(prediction):
            return prediction
        send = Send(
            "predictions.cancel", predictions_cancel._get_kwargs(_prediction_id(prediction))
        )
        response = yield from self.send(send, repeatable=True)
        return parse_model(response, Prediction, send.operation)

    def wait(
        self,
        prediction: Prediction | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate | None = None,
        deadline_budget: float | None = None,
    ) -> Flow[Prediction]:
        """Poll until the prediction is finished; see ``AsyncReplicate.wait``."""
        _check_timeout(timeout)
        started = self._clock()
        current = prediction
        if not isinstance(current, Prediction):
            current = yield from self.get(_prediction_id(current))
        updates = _Updates(on_update)
        updates.see(current)
        try:
            for delay in self.polling.delays():
                if is_terminal(current):
                    return current
                limit = self._limit(current, timeout, deadline_budget)
                pause = delay
                if limit is not None:
                    left = limit - (self._clock() - started)
                    if left <= 0:
                        raise PredictionTimeoutError(current, limit, canceled=False)
                    pause = min(delay, left)
                yield Sleep(pause)
                current = yield from self.get(current.id)
                updates.see(current)
        except BaseException as exc:
            if _is_interrupt(exc) and not is_terminal(current):
                yield from self._cancel_on_interrupt(current.id)
            raise
        raise AssertionError("unreachable: the poll schedule is endless")

    def run(
        self,
        ref: _refs.ModelReference | None,
        input: Any,
        *,
        deployment: str | None,
        options: CreateOptions,
        timeout: float | None,
        on_update: OnUpdate | None,
    ) -> Flow[Any]:
        """Create in sync mode, wait for whatever status the window closed on, return the output."""
        _check_timeout(timeout)
        started = self._clock()
        if timeout is not None and options.window is not None and timeout < options.window:
            window = max(1, math.floor(timeout))  # let the create return within the timeout
            options = dataclasses.replace(options, prefer=f"wait={window}", window=float(window))
        budget = None if options.deadline is None else options.deadline + DEADLINE_GRACE
        prediction = yield from self.create(ref, input, deployment=deployment, options=options)
        remaining = None if timeout is None else max(0.0, timeout - (self._clock() - started))
        try:
            prediction = yield from self.wait(
                prediction, timeout=remaining, on_update=on_update, deadline_budget=budget
            )
        except PredictionTimeoutError as exc:
            canceled = yield from self._cancel_quietly(exc.prediction.id)
            raise PredictionTimeoutError(
                canceled or exc.prediction, exc.timeout, canceled=canceled is not None
            ) from None
        return output_of(prediction)

    def list_request(
        self,
        *,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        source: str | None = None,
    ) -> Send:
        """The request for the first page of predictions."""
        kwargs = predictions_list._get_kwargs(
            created_after=UNSET if created_after is None else created_after,
            created_before=UNSET if created_before is None else created_before,
            source=UNSET if source is None else PredictionSourceFilter(source),
        )
        return Send("predictions.list", kwargs)

    def page(self, send: Send) -> Flow[PredictionPage]:
        """Fetch one page of predictions."""
        response = yield from self.send(send, repeatable=True)
        return parse_model(response, PredictionPage, send.operation)

    def next_page(self, page: PredictionPage, operation: str) -> Send | None:
        """The request for the page after ``page``, or None at the end.

        A ``next`` URL on another host than the API's is refused rather than
        followed, so the token cannot be led elsewhere.
        """
        if not isinstance(page.next_, str) or not page.next_:
            return None
        base = httpx.URL(self.settings.base_url)
        url = base.join(page.next_)
        if (url.scheme, url.host, url.port) != (base.scheme, base.host, base.port):
            raise InvalidResponseError(
                f"{operation}: next page URL {page.next_!r} is not on {base.host}; not followed",
                status=200,
                operation=operation,
                body=page.next_,
            )
        return Send(operation, {"method": "get", "url": str(url)})

    # -- helpers ---------------------------------------------------------------------------

    def _create_request(
        self, target: _refs.Target, input: dict[str, Any], options: CreateOptions
    ) -> Send:
        events = (
            UNSET
            if options.webhook_events_filter is None
            else [WebhookEvent(event) for event in options.webhook_events_filter]
        )
        webhook = UNSET if options.webhook is None else options.webhook
        headers: dict[str, Any] = {
            "prefer": UNSET if options.prefer is None else options.prefer,
            "cancel_after": UNSET if options.cancel_after is None else options.cancel_after,
        }
        timeout = self.settings.read_timeout_for_window(options.window)
        if isinstance(target, _refs.ModelVersion):
            version_body = VersionPredictionRequest(
                version=target.version_id,
                input_=VersionPredictionRequestInput.from_dict(input),
                webhook=webhook,
                webhook_events_filter=events,
            )
            kwargs = predictions_create._get_kwargs(body=version_body, **headers)
            return Send("predictions.create", kwargs, timeout)
        body = PredictionRequest(
            input_=PredictionRequestInput.from_dict(input),
            webhook=webhook,
            webhook_events_filter=events,
        )
        if isinstance(target, _refs.OfficialModel):
            kwargs = models_predictions_create._get_kwargs(
                target.owner, target.name, body=body, **headers
            )
            return Send("models.predictions.create", kwargs, timeout)
        kwargs = deployments_predictions_create._get_kwargs(
            target.owner, target.name, body=body, **headers
        )
        return Send("deployments.predictions.create", kwargs, timeout)

    def _limit(
        self, current: Prediction, timeout: float | None, budget: float | None
    ) -> float | None:
        """The seconds ``wait`` may take in all: the timeout, or a passed deadline plus grace."""
        limits = [limit for limit in (timeout, budget) if limit is not None]
        if isinstance(current.deadline, datetime):
            left = (current.deadline - self._now()).total_seconds() + DEADLINE_GRACE
            limits.append(max(0.0, left))
        return min(limits, default=None)

    def _cancel_quietly(self, prediction_id: str) -> Flow[Prediction | None]:
        """Cancel as part of giving up; a failure to cancel is logged, not raised."""
        send = Send("predictions.cancel", predictions_cancel._get_kwargs(prediction_id))
        try:
            response = yield from self.send(send, repeatable=True)
            return parse_model(response, Prediction, send.operation)
        except Exception:
            logger.warning("could not cancel prediction %s", prediction_id, exc_info=True)
            return None

    def _cancel_on_interrupt(self, prediction_id: str) -> Flow[None]:
        """Ask the server to stop a prediction the caller stopped waiting for: one attempt."""
        kwargs = predictions_cancel._get_kwargs(prediction_id)
        try:
            response: httpx.Response = yield Send("predictions.cancel", kwargs, cleanup=True)
        except Exception as exc:
            logger.warning("interrupted: could not cancel prediction %s: %r", prediction_id, exc)
            return
        if response.is_success:
            logger.info("interrupted: canceled prediction %s", prediction_id)
        else:
            logger.warning(
                "interrupted: could not cancel prediction %s: HTTP %d",
                prediction_id,
                response.status_code,
            )


def output_of(prediction: Prediction) -> Any:
    """The output of a finished prediction, or the error that says why there is none."""
    status = str(prediction.status)
    if status == "succeeded":
        return prediction.output
    if status == "failed":
        raise ModelError(prediction)
    if status in ("canceled", "aborted"):
        raise PredictionCanceledError(prediction)
    raise UnknownStatusError(prediction)


class _Updates:
    """Call ``on_update`` when a prediction's status or logs change."""

    def __init__(self, on_update: OnUpdate | None) -> None:
        self._on_update = on_update
        self._last: tuple[str, object] | None = None

    def see(self, prediction: Prediction) -> None:
        seen = (str(prediction.status), prediction.logs)
        if self._on_update is not None and seen != self._last:
            self._on_update(prediction)
        self._last = seen


def _connection_error(send: Send, exc: httpx.RequestError, may_exist: bool) -> APIConnectionError:
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return kind(
        f"{send.operation}: {describe_transport_error(exc)}",
        operation=send.operation,
        prediction_may_exist=may_exist,
    )


def _is_interrupt(exc: BaseException) -> bool:
    # KeyboardInterrupt, asyncio.CancelledError, SystemExit: the caller is going away.
    return not isinstance(exc, Exception | GeneratorExit)


def _prediction_id(prediction: Prediction | str) -> str:
    return prediction.id if isinstance(prediction, Prediction) else _check_id(prediction)


def _check_id(prediction_id: str) -> str:
    if not isinstance(prediction_id, str) or not prediction_id.strip():
        raise ValueError(f"prediction id must be a non-empty string, got {prediction_id!r}")
    return prediction_id


def _check_timeout(timeout: float | None) -> None:
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0
    ):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
