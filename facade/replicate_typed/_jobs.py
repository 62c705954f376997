"""Predictions and trainings: create, wait, run, cancel, written once as flows.

A training lives the same life as a prediction (starting, processing, then a
final status), so ``wait`` and ``cancel`` serve both through a ``JobKind``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeAlias, TypeVar

from replicate_api.api.deployments import deployments_predictions_create
from replicate_api.api.models import models_predictions_create
from replicate_api.api.predictions import predictions_cancel, predictions_create, predictions_get
from replicate_api.api.trainings import trainings_cancel, trainings_create, trainings_get
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_request import PredictionRequest
from replicate_api.models.prediction_request_input import PredictionRequestInput
from replicate_api.models.training import Training
from replicate_api.models.training_request import TrainingRequest
from replicate_api.models.training_request_input import TrainingRequestInput
from replicate_api.models.version_prediction_request import VersionPredictionRequest
from replicate_api.models.version_prediction_request_input import VersionPredictionRequestInput
from replicate_api.models.webhook_event import WebhookEvent
from replicate_api.types import JSON, UNSET, Unset

from replicate_typed import _refs
from replicate_typed._core import Core, logger
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._errors import (
    ModelError,
    PredictionCanceledError,
    PredictionTimeoutError,
    ReplicateError,
    TrainingTimeoutError,
    UnknownStatusError,
)
from replicate_typed._inputs import FileStrategy
from replicate_typed._options import CreateOptions, prefer_wait, unset_if_none, window_within
from replicate_typed._polling import is_terminal

#: How long past its deadline a prediction may stay unfinished before ``wait``
#: stops waiting for the server to end it.
DEADLINE_GRACE = 30.0

J = TypeVar("J", Prediction, Training)

#: Called with the prediction (or training) whenever its status or logs change.
OnUpdate: TypeAlias = Callable[[J], None]


@dataclass(frozen=True)
class JobKind(Generic[J]):
    """What differs between waiting on a prediction and on a training."""

    noun: str
    model: type[J]
    get_request: Callable[[str], dict[str, Any]]
    cancel_request: Callable[[str], dict[str, Any]]
    #: Builds the error for a wait that gave up: (job, limit, past its deadline?).
    timeout_error: Callable[[J, float, bool], ReplicateError]


PREDICTION = JobKind(
    "predictions",
    Prediction,
    predictions_get._get_kwargs,
    predictions_cancel._get_kwargs,
    lambda p, limit, past: PredictionTimeoutError(p, limit, canceled=False, past_deadline=past),
)
TRAINING = JobKind(
    "trainings",
    Training,
    trainings_get._get_kwargs,
    trainings_cancel._get_kwargs,
    lambda t, limit, past: TrainingTimeoutError(t, limit),
)


class Jobs:
    """The lifecycle flows of predictions and trainings."""

    def __init__(self, core: Core) -> None:
        self.core = core

    def get(self, kind: JobKind[J], job_id: str) -> Flow[J]:
        """Fetch a prediction's or training's current state."""
        request = Send(f"{kind.noun}.get", kind.get_request(check_id(job_id)))
        return (
            yield from self.core.fetch(request, self.core.parser(kind.model, request.operation))
        )

    def cancel(self, kind: JobKind[J], job: J | str) -> Flow[J]:
        """Cancel; one already finished comes back unchanged."""
        if isinstance(job, kind.model) and is_terminal(job):
            return job
        request = Send(f"{kind.noun}.cancel", kind.cancel_request(job_id(job)))
        return (
            yield from self.core.fetch(request, self.core.parser(kind.model, request.operation))
        )

    def wait(
        self,
        kind: JobKind[J],
        job: J | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate[J] | None = None,
        deadline_budget: float | None = None,
    ) -> Flow[J]:
        """Poll until finished; interrupting (Ctrl-C, task cancellation) cancels it first."""
        check_timeout(timeout)
        started = self.core.clock()
        current = job if isinstance(job, kind.model) else (yield from self.get(kind, job_id(job)))
        updates = _Updates(on_update)
        updates.see(current)
        try:
            for delay in self.core.polling.delays():
                if is_terminal(current):
                    return current
                limit, past_deadline = self._limit(current, timeout, deadline_budget)
                pause = delay
                if limit is not None:
                    left = limit - (self.core.clock() - started)
                    if left <= 0:
                        raise kind.timeout_error(current, limit, past_deadline)
                    pause = min(delay, left)
                yield Sleep(pause)
                current = yield from self.get(kind, job_id(current))
                updates.see(current)
        except BaseException as exc:
            if _is_interrupt(exc) and not is_terminal(current):
                yield from self._cancel_on_interrupt(kind, job_id(current))
            raise
        raise AssertionError("unreachable: the poll schedule is endless")

    def create_prediction(
        self,
        ref: _refs.ModelReference | None,
        input: Mapping[str, object] | None,
        *,
        deployment: str | None,
        options: CreateOptions,
        file_strategy: FileStrategy,
    ) -> Flow[Prediction]:
        """Upload local files, then create the prediction (never sent twice once it may exist)."""
        target = _refs.resolve(ref, deployment)
        body = yield from self.core.prepare_input(input, file_strategy)
        request = _create_request(target, body, options, self.core)
        return (yield from self.core.create(request, Prediction))

    def create_training(
        self,
        ref: str,
        destination: str,
        input: Mapping[str, object] | None,
        *,
        options: CreateOptions,
        file_strategy: FileStrategy,
    ) -> Flow[Training]:
        """Upload local files, then start a training of a model version."""
        owner, name, version_id = _refs.versioned(ref)
        _refs.owner_and_name(destination, "destination")
        body = yield from self.core.prepare_input(input, file_strategy)
        training = TrainingRequest(
            destination=destination,
            input_=TrainingRequestInput.from_dict(body),
            webhook=unset_if_none(options.webhook),
            webhook_events_filter=_events(options),
        )
        request = Send(
            "trainings.create", trainings_create._get_kwargs(owner, name, version_id, body=training)
        )
        return (yield from self.core.create(request, Training))

    def run(
        self,
        ref: _refs.ModelReference | None,
        input: Mapping[str, object] | None,
        *,
        deployment: str | None,
        options: CreateOptions,
        file_strategy: FileStrategy,
        timeout: float | None,
        on_update: OnUpdate[Prediction] | None,
    ) -> Flow[JSON]:
        """Create in sync mode, wait whatever status the window closed on, return the output."""
        check_timeout(timeout)
        started = self.core.clock()
        if timeout is not None and options.window is not None and timeout < options.window:
            prefer, window = prefer_wait(window_within(math.floor(options.window), timeout))
            options = dataclasses.replace(options, prefer=prefer, window=window)
        budget = None if options.deadline is None else options.deadline + DEADLINE_GRACE
        prediction = yield from self.create_prediction(
            ref, input, deployment=deployment, options=options, file_strategy=file_strategy
        )
        remaining = None if timeout is None else timeout - (self.core.clock() - started)
        try:
            if remaining is None or remaining > 0:
                prediction = yield from self.wait(
                    PREDICTION,
                    prediction,
                    timeout=remaining,
                    on_update=on_update,
                    deadline_budget=budget,
                )
            elif not is_terminal(prediction):  # the create alone used up the timeout
                raise PredictionTimeoutError(prediction, timeout or 0.0, canceled=False)
            elif on_update is not None:
                on_update(prediction)
        except PredictionTimeoutError as exc:
            canceled = yield from self._cancel_quietly(exc.prediction.id)
            raise PredictionTimeoutError(
                canceled or exc.prediction,
                timeout if timeout is not None and not exc.past_deadline else exc.timeout,
                canceled=canceled is not None,
                past_deadline=exc.past_deadline,
            ) from None
        return output_of(prediction)

    def _limit(
        self, current: J, timeout: float | None, budget: float | None
    ) -> tuple[float | None, bool]:
        """The seconds ``wait`` may take in all, and whether a deadline (not the timeout) sets it.

        A deadline counts with a grace period: the server ends the prediction
        then, and ``wait`` only stops waiting if it never does.
        """
        limits = [(budget, True)] if budget is not None else []
        deadline = getattr(current, "deadline", None)
        if isinstance(deadline, datetime):
            left = (deadline - self.core.now()).total_seconds() + DEADLINE_GRACE
            limits.append((max(0.0, left), True))
        if timeout is not None:
            limits.append((timeout, False))
        if not limits:
            return None, False
        return min(limits, key=lambda limit: (limit[0], limit[1]))

    def _cancel_quietly(self, prediction_id: str) -> Flow[Prediction | None]:
        """Cancel as part of giving up; a failure to cancel is logged, not raised."""
        try:
            return (yield from self.cancel(PREDICTION, prediction_id))
        except Exception:
            logger.warning("could not cancel prediction %s", prediction_id, exc_info=True)
            return None

    def _cancel_on_interrupt(self, kind: JobKind[J], job_id: str) -> Flow[None]:
        """Ask the server to stop what the caller stopped waiting for: one attempt, no retry."""
        request = Send(f"{kind.noun}.cancel", kind.cancel_request(job_id), cleanup=True)
        try:
            response = yield from self.core.send_once(request, self.core.attempts(repeatable=True))
        except Exception as exc:
            logger.warning("interrupted: could not cancel %s: %r", job_id, exc)
            return
        if response.is_success:
            logger.info("interrupted: canceled %s", job_id)
        else:
            logger.warning(
                "interrupted: could not cancel %s: HTTP %d", job_id, response.status_code
            )


def output_of(prediction: Prediction) -> JSON:
    """The output of a finished prediction, or the error that says why there is none."""
    status = str(prediction.status)
    if status == "succeeded":
        return prediction.output
    if status == "failed":
        raise ModelError(prediction)
    if status in ("canceled", "aborted"):
        raise PredictionCanceledError(prediction)
    raise UnknownStatusError(prediction)


def job_id(job: Prediction | Training | str) -> str:
    """The id of a prediction or training, or the id given."""
    if isinstance(job, str):
        return check_id(job)
    return job.id


def check_id(value: str) -> str:
    """Refuse an empty or non-string id before any request."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"id must be a non-empty string, got {value!r}")
    return value


def check_timeout(timeout: float | None) -> None:
    """Refuse a timeout that is not a positive number of seconds."""
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0
    ):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")


class _Updates(Generic[J]):
    """Call ``on_update`` when the status or logs change."""

    def __init__(self, on_update: OnUpdate[J] | None) -> None:
        self._on_update: OnUpdate[J] | None = on_update
        self._last: tuple[object, object] | None = None

    def see(self, job: J) -> None:
        seen = (str(job.status), job.logs)
        if self._on_update is not None and seen != self._last:
            self._on_update(job)
        self._last = seen


def _create_request(
    target: _refs.Target, input: dict[str, Any], options: CreateOptions, core: Core
) -> Send:
    headers: dict[str, Any] = {
        "prefer": unset_if_none(options.prefer),
        "cancel_after": unset_if_none(options.cancel_after),
    }
    timeout = core.settings.read_timeout_for_window(options.window)
    if isinstance(target, _refs.ModelVersion):
        version_body = VersionPredictionRequest(
            version=target.version_id,
            input_=VersionPredictionRequestInput.from_dict(input),
            webhook=unset_if_none(options.webhook),
            webhook_events_filter=_events(options),
        )
        kwargs = predictions_create._get_kwargs(body=version_body, **headers)
        return Send("predictions.create", kwargs, timeout)
    body = PredictionRequest(
        input_=PredictionRequestInput.from_dict(input),
        webhook=unset_if_none(options.webhook),
        webhook_events_filter=_events(options),
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


def _events(options: CreateOptions) -> list[WebhookEvent] | Unset:
    if options.webhook_events_filter is None:
        return UNSET
    return [WebhookEvent(event) for event in options.webhook_events_filter]


def _is_interrupt(exc: BaseException) -> bool:
    # KeyboardInterrupt, asyncio.CancelledError, SystemExit: the caller is going away.
    return not isinstance(exc, Exception | GeneratorExit)
