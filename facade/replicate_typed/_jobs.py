"""Predictions and trainings: create, wait, run, cancel, written once as flows.

A training lives the same life as a prediction (starting, processing, then a
final status), so ``wait`` and ``cancel`` serve both through a ``JobKind`` (``_kinds``).

Nothing is left running unknown to the caller: an error raised after a
prediction exists carries it (``error.prediction``), and a prediction the
caller stops waiting for gets one cancel request, best effort (Ctrl-C or task
cancellation during ``wait``, ``run`` giving up for any reason, ``stream`` on
a model that does not stream, an interrupted create: see ``_lost_create``),
sent by ``_giving_up``; the create requests themselves are ``_create_request``'s.
How that cancel went is logged and added to the error as a note.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Generic, Literal, TypeAlias

from replicate_api.api.trainings import trainings_create
from replicate_api.models.prediction import Prediction
from replicate_api.models.training import Training
from replicate_api.models.training_request import TrainingRequest
from replicate_api.models.training_request_input import TrainingRequestInput
from replicate_api.types import JSON

from replicate_typed import _refs
from replicate_typed._core import Core, logger
from replicate_typed._create_request import create_request, events_of
from replicate_typed._done_shortcut import hear_done, streams
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._errors import (
    APIConnectionError,
    APIError,
    CarriesPrediction,
    ModelError,
    PredictionCanceledError,
    PredictionTimeoutError,
    UnknownStatusError,
    attach_prediction,
)
from replicate_typed._events import StatusChanged
from replicate_typed._giving_up import cancel_lost_create, cancel_once
from replicate_typed._inputs import FileStrategy
from replicate_typed._kinds import PREDICTION, J, JobKind, check_id, job_id
from replicate_typed._lost_create import InFlight, SentCreate
from replicate_typed._options import CreateOptions, prefer_wait, unset_if_none, window_within
from replicate_typed._polling import is_terminal
from replicate_typed._retry import TimeLimit
from replicate_typed._schema_checks import InputSchemas
from replicate_typed._sse import stream_unavailable
from replicate_typed._status_board import Seat, StatusBoard, poll

#: How long past its deadline a prediction may stay unfinished before ``wait``
#: stops waiting for the server to end it.
DEADLINE_GRACE = 30.0
#: Seconds past its time limit that ``wait`` gives the poll then under way, and
#: that ``run`` gives the cancel it sends on giving up (README: "Timeouts").
TIMEOUT_MARGIN = 1.0


#: Called with the prediction (or training) whenever its status or logs change.
OnUpdate: TypeAlias = Callable[[J], None]


class Jobs:
    """The lifecycle flows of predictions and trainings."""

    def __init__(self, core: Core) -> None:
        self.core = core
        #: The schemas ``check_inputs`` checks untyped inputs against, fetched once each.
        self.input_schemas: InputSchemas = InputSchemas()
        #: The prediction waits in flight, sharing list refreshes when many (``_status_board``).
        self.board: StatusBoard = StatusBoard(core.clock)

    def get(self, kind: JobKind[J], job_id: str, *, time_limit: TimeLimit | None = None) -> Flow[J]:
        """Fetch a prediction's or training's current state (within ``time_limit``)."""
        request = Send(f"{kind.noun}.get", kind.get_request(check_id(job_id)))
        parse = self.core.parser(kind.model, request.operation)
        return (yield from self.core.fetch(request, parse, time_limit=time_limit))

    def cancel(
        self, kind: JobKind[J], job: J | str, *, time_limit: TimeLimit | None = None
    ) -> Flow[J]:
        """Cancel (within ``time_limit``); one already finished comes back unchanged."""
        if isinstance(job, kind.model) and is_terminal(job):
            return job
        request = Send(f"{kind.noun}.cancel", kind.cancel_request(job_id(job)))
        parse = self.core.parser(kind.model, request.operation)
        return (yield from self.core.fetch(request, parse, time_limit=time_limit))

    def wait(
        self,
        kind: JobKind[J],
        job: J | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate[J] | None = None,
        deadline_budget: float | None = None,
    ) -> Flow[J]:
        """Poll until finished; interrupting (Ctrl-C, task cancellation) cancels it first.

        A prediction that streams is heard finishing on its stream instead,
        then fetched once, unless many waits share list refreshes (see
        ``_done_shortcut``); a stream that fails falls back to polling.

        With a time limit (``timeout``, or the prediction's deadline) every
        poll, retries included, must end within the limit plus
        ``TIMEOUT_MARGIN``; a poll stopped by that raises the timeout error,
        as the limit itself does.
        """
        check_timeout(timeout)
        started = self.core.clock()
        current, seen = yield from self._first_look(kind, job, timeout)
        updates = _Updates(on_update)
        updates.see(current)
        if is_terminal(current):  # a run finished in its sync window: nothing to wait for
            return current
        seat = self.board.join(current) if isinstance(current, Prediction) else None
        try:
            shortcut = (
                isinstance(current, Prediction) and streams(current) and not self.board.crowded()
            )
            for delay in self.core.polling.delays():
                if is_terminal(current):
                    return current
                limit, past_deadline = self._limit(current, timeout, deadline_budget)
                pause, time_limit, deadline = delay, None, None
                if limit is not None:
                    left = limit - (self.core.clock() - started)
                    if left <= 0:
                        raise kind.timeout_error(current, limit, past_deadline)
                    pause, deadline = min(delay, left), started + limit
                    time_limit = TimeLimit(deadline + TIMEOUT_MARGIN, self.core.clock)
                yield from self._before_poll(
                    current, pause, shortcut=shortcut, deadline=deadline, time_limit=time_limit
                )
                shortcut = False  # the stream is opened once; after it, polls
                try:
                    current = yield from self._poll(kind, current, seat, time_limit)
                except (APIError, APIConnectionError) as exc:
                    if limit is None or time_limit is None or not time_limit.reached:
                        raise
                    raise kind.timeout_error(current, limit, past_deadline) from exc
                seen = status_seen(self.core, current, seen)
                updates.see(current)
        except BaseException as exc:
            if isinstance(current, Prediction):
                attach_prediction(exc, current)
            if _is_interrupt(exc) and not is_terminal(current):
                _, note = yield from cancel_once(self.core, kind, job_id(current), "interrupted")
                exc.add_note(note)
            raise
        finally:
            self.board.leave(seat)
        raise AssertionError("unreachable: the poll schedule is endless")

    def _first_look(
        self, kind: JobKind[J], job: J | str, timeout: float | None
    ) -> Flow[tuple[J, str]]:
        """The job as ``wait`` starts from (fetched if given by id), and its status, reported."""
        if isinstance(job, kind.model):
            current = job
            seen: str | None = str(current.status)  # reported by whoever saw it first
        else:
            first = None if timeout is None else self.core.time_limit(timeout + TIMEOUT_MARGIN)
            current = yield from self.get(kind, job_id(job), time_limit=first)
            seen = None
        return current, status_seen(self.core, current, seen)

    def _before_poll(
        self,
        current: J,
        pause: float,
        *,
        shortcut: bool,
        deadline: float | None,
        time_limit: TimeLimit | None,
    ) -> Flow[None]:
        """Wait for the next poll: the pause, or with ``shortcut`` the stream's ``done``.

        A stream that could not be read is followed by the pause all the
        same, cut to what is left before ``deadline``, so the poll after it
        comes as the schedule's would (and within the time limit).
        """
        if shortcut and isinstance(current, Prediction):
            heard = yield from hear_done(
                self.core, current, deadline=deadline, time_limit=time_limit
            )
            if heard:
                return
            if deadline is not None:
                pause = max(0.0, min(pause, deadline - self.core.clock()))
        yield Sleep(pause)

    def _poll(
        self, kind: JobKind[J], current: J, seat: Seat | None, time_limit: TimeLimit | None
    ) -> Flow[J]:
        """One poll of ``wait``: a GET, or through the board when many predictions wait."""
        if seat is None or not isinstance(current, Prediction) or not self.board.crowded():
            return (yield from self.get(kind, job_id(current), time_limit=time_limit))
        get = functools.partial(self.get, PREDICTION, current.id, time_limit=time_limit)
        return (yield from poll(self.core, self.board, seat, current, get, time_limit=time_limit))

    def create_prediction(
        self,
        ref: _refs.ModelReference | None,
        input: Mapping[str, object] | None,
        *,
        deployment: str | None,
        options: CreateOptions,
        file_strategy: FileStrategy,
        time_limit: TimeLimit | None = None,
    ) -> Flow[Prediction]:
        """Check the input (``check_inputs``), upload local files, then create the prediction.

        The create is never sent twice once it may exist. Under the client's
        ``check_inputs`` an input the model's schema refuses raises InputError
        before any upload or create (see ``_schema_checks``).

        ``time_limit``: the caller's, for the uploads and the create.

        Interrupted (Ctrl-C, task cancellation) while the create is out, it
        looks for the prediction the create may have made and cancels it
        (``_lost_create``); the interrupt's note says what it found.
        """
        target = _refs.resolve(ref, deployment)
        if self.core.settings.check_inputs:
            yield from self.input_schemas.check(self.core, ref, input)
        body = yield from self.core.prepare_input(input, file_strategy, time_limit=time_limit)
        request = create_request(target, body, options, self.core)
        sent_at = self.core.now()
        in_flight = InFlight()
        try:
            prediction = yield from in_flight.watch(
                self.core.create(request, Prediction, time_limit=time_limit)
            )
        except BaseException as exc:
            if _is_interrupt(exc) and in_flight.sending:
                sent = SentCreate.of(target, request, sent_at)
                exc.add_note((yield from cancel_lost_create(self.core, sent, PREDICTION)))
            raise
        status_seen(self.core, prediction, None)
        return prediction

    def create_to_stream(self, create: Flow[Prediction]) -> Flow[Prediction]:
        """Create a prediction to stream; one whose model does not stream is canceled.

        Whether a model streams shows only on the prediction (``urls.stream``),
        so a prediction without a stream URL gets one cancel request rather
        than running on, billed, for a caller who wanted a stream.

        ``create`` is the create (``create_prediction``). Raises
        StreamUnavailableError with the prediction, saying how the cancel went.
        """
        prediction = yield from create
        if prediction.urls is not None and prediction.urls.stream:
            return prediction
        canceled, note = yield from cancel_once(
            self.core, PREDICTION, prediction.id, "stream gave up"
        )
        raise stream_unavailable(canceled or prediction, note)

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
            webhook_events_filter=events_of(options),
        )
        request = Send(
            "trainings.create",
            trainings_create.request_args(owner, name, version_id, body=training),
        )
        created = yield from self.core.create(request, Training)
        status_seen(self.core, created, None)
        return created

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
    ) -> Flow[Prediction]:
        """Create in sync mode, wait whatever status the window closed on, return it finished.

        The caller reads the output (``output_of``, which raises for a
        prediction that did not succeed): as JSON, or through a typed model's
        output reader.

        With a ``timeout``, the uploads and the create must end within it plus
        ``TIMEOUT_MARGIN`` (the sync window is cut to fit it), and so must
        the wait; giving up, it sends one cancel, given ``TIMEOUT_MARGIN``.
        """
        check_timeout(timeout)
        started = self.core.clock()
        time_limit = None if timeout is None else self.core.time_limit(timeout + TIMEOUT_MARGIN)
        if timeout is not None and options.window is not None and timeout < options.window:
            prefer, window = prefer_wait(window_within(math.floor(options.window), timeout))
            options = dataclasses.replace(options, prefer=prefer, window=window)
        budget = None if options.deadline is None else options.deadline + DEADLINE_GRACE
        prediction = yield from self.create_prediction(
            ref,
            input,
            deployment=deployment,
            options=options,
            file_strategy=file_strategy,
            time_limit=time_limit,
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
        except Exception as exc:  # polls that kept failing, a closed client, on_update raising
            last = exc.prediction if isinstance(exc, CarriesPrediction) else None
            last = last or prediction
            if not is_terminal(last):
                canceled, note = yield from cancel_once(
                    self.core, PREDICTION, last.id, "run gave up"
                )
                last = canceled or last
                exc.add_note(note)
            if isinstance(exc, CarriesPrediction):
                exc.prediction = last
            raise
        return prediction

    def _limit(
        self, current: J, timeout: float | None, budget: float | None
    ) -> tuple[float | None, bool]:
        """The seconds ``wait`` may take in all, and whether a deadline (not the timeout) sets it.

        A deadline counts with a grace period: the server ends the prediction
        then, and ``wait`` only stops waiting if it never does. It is judged on
        the client's monotonic clock, never by the server's timestamps against
        the local wall clock, which may be off by a minute or, for a fake, a
        year: the time from creation to deadline (both by the server's clock)
        counts from when the wait started, after the creation, so it can end
        late but never early. ``budget`` (from ``run``) counts from then too.
        """
        limits = [(budget, True)] if budget is not None else []
        allowed = _deadline_after_creation(current)
        if allowed is not None:
            limits.append((max(0.0, allowed) + DEADLINE_GRACE, True))
        if timeout is not None:
            limits.append((timeout, False))
        if not limits:
            return None, False
        return min(limits, key=lambda limit: (limit[0], limit[1]))

    def _cancel_quietly(self, prediction_id: str) -> Flow[Prediction | None]:
        """Cancel as part of giving up, within TIMEOUT_MARGIN; a failure is logged, not raised."""
        try:
            limit = self.core.time_limit(TIMEOUT_MARGIN)
            return (yield from self.cancel(PREDICTION, prediction_id, time_limit=limit))
        except Exception:
            logger.warning("could not cancel prediction %s", prediction_id, exc_info=True)
            return None


def _deadline_after_creation(job: Prediction | Training) -> float | None:
    """Seconds from a job's creation to its deadline, both by the server's clock (None: none)."""
    deadline = getattr(job, "deadline", None)  # a training has none
    if isinstance(deadline, datetime):
        return (_aware(deadline) - _aware(job.created_at)).total_seconds()
    return None


def _aware(moment: datetime) -> datetime:
    # A timestamp without a zone (the API sends "Z") is read as UTC, so the two compare.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


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


def check_timeout(timeout: float | None) -> None:
    """Refuse a timeout that is not a positive number of seconds."""
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0
    ):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")


def status_seen(core: Core, job: Prediction | Training, old: str | None) -> str:
    """Report a ``StatusChanged`` if ``job``'s status is not ``old``; return its status."""
    new = str(job.status)
    if new != old and core.on_event is not None:
        kind: Literal["prediction", "training"] = (
            "prediction" if isinstance(job, Prediction) else "training"
        )
        model = job.model if isinstance(job.model, str) else None
        core.emit(StatusChanged(kind, job.id, model, old, new, job))
    return new


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


def _is_interrupt(exc: BaseException) -> bool:
    # KeyboardInterrupt, asyncio.CancelledError, SystemExit: the caller is going away.
    return not isinstance(exc, Exception | GeneratorExit)
