"""Trainings: create, get, list, cancel, wait (a training lives a prediction's life)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

from replicate_api.api.trainings import trainings_list
from replicate_api.models.training import Training
from replicate_api.models.training_page import TrainingPage

from replicate_typed._async.pager import AsyncPager
from replicate_typed._async.resource import AsyncResource
from replicate_typed._async.typed import output_reader
from replicate_typed._effects import Send
from replicate_typed._inputs import FileStrategy, check_strategy
from replicate_typed._jobs import OnUpdate
from replicate_typed._kinds import TRAINING
from replicate_typed._options import create_options
from replicate_typed._typed import (
    AsyncTrainingOf,
    TypedTrainingJob,
    training_reference,
    typed_input,
    untyped_input,
)
from replicate_typed.bindings._reference import ModelInput, TypedTraining

I = TypeVar("I", bound=ModelInput)  # noqa: E741 - the bindings' letter for the input
O = TypeVar("O")  # noqa: E741 - and for the output


class AsyncTrainings(AsyncResource):
    """Trainings: fine-tune a model version into a new version of another model."""

    @overload
    async def create(
        self,
        ref: str,
        input: Mapping[str, object] | None = None,
        *,
        destination: str,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> Training: ...

    @overload
    async def create(
        self,
        ref: AsyncTrainingOf[I, O],
        input: I,
        *,
        destination: str,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> TypedTrainingJob[O]: ...

    async def create(
        self,
        ref: AsyncTrainingOf[Any, Any] | str,
        input: ModelInput | Mapping[str, object] | None = None,
        *,
        destination: str,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> TypedTrainingJob[Any] | Training:
        """Start training ``ref`` ("owner/name:<version id>"); the result goes to ``destination``.

        ``input`` is handled as for predictions: local files are uploaded (or
        sent as data URIs), and the call is never retried once it may have
        reached the API. ``ref`` may be a ``TypedTraining`` from generated
        bindings (of a version): ``input`` is then its ``TrainingInput`` class,
        and the result a ``TypedTrainingJob`` whose ``output`` has their type.
        """
        options = create_options(
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
            allow_insecure_http=self._runner.core.settings.allow_insecure_http,
        )
        strategy = check_strategy(file_strategy)
        if isinstance(ref, TypedTraining):
            read = output_reader(ref, self._runner)
            flow = self._runner.jobs.create_training(
                training_reference(ref),
                destination,
                typed_input(ref, input),
                options=options,
                file_strategy=strategy,
            )
            return TypedTrainingJob(await self._runner.perform(flow), read=read)
        flow = self._runner.jobs.create_training(
            ref, destination, untyped_input(input), options=options, file_strategy=strategy
        )
        return await self._runner.perform(flow)

    async def get(self, training_id: str) -> Training:
        """Fetch a training by id."""
        return await self._runner.perform(self._runner.jobs.get(TRAINING, training_id))

    def list(self) -> AsyncPager[Training]:
        """Your trainings, newest first, fetched a page at a time as you iterate."""
        return self._pager(Send("trainings.list", trainings_list.request_args()), TrainingPage)

    async def cancel(self, training: Training | str) -> Training:
        """Cancel a training; one that already finished is returned unchanged."""
        return await self._runner.perform(self._runner.jobs.cancel(TRAINING, training))

    @overload
    async def wait(
        self,
        training: Training | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate[Training] | None = None,
    ) -> Training: ...

    @overload
    async def wait(
        self,
        training: TypedTrainingJob[O],
        *,
        timeout: float | None = None,
        on_update: OnUpdate[Training] | None = None,
    ) -> TypedTrainingJob[O]: ...

    async def wait(
        self,
        training: TypedTrainingJob[Any] | Training | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate[Training] | None = None,
    ) -> TypedTrainingJob[Any] | Training:
        """Poll until the training is finished and return it, as ``predictions.wait`` does.

        A ``TypedTrainingJob`` comes back as one, in its final state.

        Raises:
            TrainingTimeoutError: not finished after ``timeout`` seconds (left running).
        """
        if isinstance(training, TypedTrainingJob):
            flow = self._runner.jobs.wait(
                TRAINING, training.training, timeout=timeout, on_update=on_update
            )
            return training.finished(await self._runner.perform(flow))
        flow = self._runner.jobs.wait(TRAINING, training, timeout=timeout, on_update=on_update)
        return await self._runner.perform(flow)
