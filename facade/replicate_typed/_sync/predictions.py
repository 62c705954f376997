"""Predictions: create, get, list, cancel, wait.

Written by scripts/unasync from _async/predictions.py: edit that file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Literal, TypeVar, overload

from replicate_api.api.predictions import predictions_list
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_page import PredictionPage
from replicate_api.models.prediction_source_filter import PredictionSourceFilter

from replicate_typed._effects import Send
from replicate_typed._inputs import FileStrategy, check_strategy
from replicate_typed._jobs import OnUpdate
from replicate_typed._kinds import PREDICTION
from replicate_typed._options import Deadline, create_options, unset_if_none
from replicate_typed._refs import ModelReference
from replicate_typed._sync.pager import Pager
from replicate_typed._sync.resource import Resource
from replicate_typed._sync.typed import output_reader
from replicate_typed._typed import (
    ModelOf,
    TypedPrediction,
    model_reference,
    typed_input,
    untyped_input,
)
from replicate_typed.bindings._reference import ModelInput, TypedModel

I = TypeVar("I", bound=ModelInput)  # noqa: E741 - the bindings' letter for the input
O = TypeVar("O")  # noqa: E741 - and for the output


class Predictions(Resource):
    """Predictions: create, get, list, cancel, wait."""

    @overload
    def create(
        self,
        ref: ModelReference | None = None,
        input: Mapping[str, object] | None = None,
        *,
        deployment: str | None = None,
        wait: bool | int = False,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> Prediction: ...

    @overload
    def create(
        self,
        ref: ModelOf[I, O],
        input: I,
        *,
        deployment: str | None = None,
        wait: bool | int = False,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> TypedPrediction[O]: ...

    def create(
        self,
        ref: ModelOf[Any, Any] | ModelReference | None = None,
        input: ModelInput | Mapping[str, object] | None = None,
        *,
        deployment: str | None = None,
        wait: bool | int = False,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> TypedPrediction[Any] | Prediction:
        """Create a prediction and return it as the API does (often still running).

        Args:
            ref: "owner/name" (an official model), "owner/name:<version id>", a
                64-hex version id, a Model or a Version; or leave it out and
                pass ``deployment="owner/name"``. Or a ``TypedModel`` from
                generated bindings (with ``deployment=``, a deployment running
                that model): ``input`` is then its input class, and the result
                a ``TypedPrediction`` whose ``output`` has the model's type.
            input: The model's inputs. Local files anywhere in it (a Path, an
                open binary file, bytes, BytesIO) are uploaded through the
                Files API and replaced by their URLs; with
                ``file_strategy="data-uri"`` files up to 256 KB go inline instead.
            wait: True to let the API hold the request until the prediction
                finishes (up to 60 s, "Prefer: wait"), or whole seconds 1-60.
            deadline: After this the API ends the prediction: ``aborted`` if it
                never started, ``canceled`` if it was running. A timedelta,
                seconds, or "30s", "5m", "1h30m"; from 5 s to 24 h.
            webhook: Where the API calls back; plain http only to loopback,
                unless the client allows it.
            webhook_events_filter: For which events the API calls back
                ("start", "output", "logs", "completed").

        Raises:
            ValueError: a bad argument, before any request.
            APIError, APIConnectionError: the request failed; a create is never
                retried once it may have arrived, and ``may_exist`` says so.

        Interrupted (Ctrl-C, task cancellation) while the create is out, it
        looks for the prediction the create may have made and cancels it; the
        interrupt's note says what it found.
        """
        options = create_options(
            wait=wait,
            deadline=deadline,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
            allow_insecure_http=self._runner.core.settings.allow_insecure_http,
        )
        if isinstance(ref, TypedModel):
            read = output_reader(ref, self._runner)
            flow = self._runner.jobs.create_prediction(
                model_reference(ref, deployment),
                typed_input(ref, input),
                deployment=deployment,
                options=options,
                file_strategy=check_strategy(file_strategy),
            )
            return TypedPrediction(self._runner.perform(flow), read=read)
        flow = self._runner.jobs.create_prediction(
            ref,
            untyped_input(input),
            deployment=deployment,
            options=options,
            file_strategy=check_strategy(file_strategy),
        )
        return self._runner.perform(flow)

    def get(self, prediction_id: str) -> Prediction:
        """Fetch a prediction by id."""
        return self._runner.perform(self._runner.jobs.get(PREDICTION, prediction_id))

    def list(
        self,
        *,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        source: Literal["web"] | None = None,
    ) -> Pager[Prediction]:
        """Your predictions, newest first, fetched a page at a time as you iterate."""
        kwargs = predictions_list.request_args(
            created_after=unset_if_none(created_after),
            created_before=unset_if_none(created_before),
            source=unset_if_none(None if source is None else PredictionSourceFilter(source)),
        )
        return self._pager(Send("predictions.list", kwargs), PredictionPage)

    def cancel(self, prediction: Prediction | str) -> Prediction:
        """Cancel a prediction; one that already finished is returned unchanged."""
        return self._runner.perform(self._runner.jobs.cancel(PREDICTION, prediction))

    @overload
    def wait(
        self,
        prediction: Prediction | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate[Prediction] | None = None,
    ) -> Prediction: ...

    @overload
    def wait(
        self,
        prediction: TypedPrediction[O],
        *,
        timeout: float | None = None,
        on_update: OnUpdate[Prediction] | None = None,
    ) -> TypedPrediction[O]: ...

    def wait(
        self,
        prediction: TypedPrediction[Any] | Prediction | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate[Prediction] | None = None,
    ) -> TypedPrediction[Any] | Prediction:
        """Poll until the prediction is succeeded, failed, canceled or aborted, and return it.

        A ``TypedPrediction`` comes back as one, in its final state.

        Polls by ``PollSchedule``. ``on_update`` is called with the prediction
        whenever its status or logs change (``Progress.of(prediction)`` reads a
        progress bar from its logs). Interrupting the wait (Ctrl-C, task
        cancellation) cancels the prediction on the server first.

        Raises:
            PredictionTimeoutError: not finished after ``timeout`` seconds (it is
                left running), or long past its deadline.
            APIError, APIConnectionError, ClientClosedError: a poll failed; it is
                left running and ``error.prediction`` is its last known state.
        """
        if isinstance(prediction, TypedPrediction):
            flow = self._runner.jobs.wait(
                PREDICTION, prediction.prediction, timeout=timeout, on_update=on_update
            )
            return prediction.finished(self._runner.perform(flow))
        flow = self._runner.jobs.wait(PREDICTION, prediction, timeout=timeout, on_update=on_update)
        return self._runner.perform(flow)
