"""Replicate: the asynchronous client.

Written by scripts/unasync from _async/client.py: edit that file.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, cast, overload

import httpx
from replicate_api.models.prediction import Prediction
from replicate_api.types import JSON

from replicate_typed._budget import RateBudget, budget_for
from replicate_typed._config import (
    Settings,
    adopt_http_client,
    http_client_options,
    read_token,
)
from replicate_typed._core import Core
from replicate_typed._events import EventHook
from replicate_typed._inputs import FileStrategy, check_strategy
from replicate_typed._io import SyncIO
from replicate_typed._jobs import OnUpdate, output_of
from replicate_typed._options import Deadline, check_input, create_options
from replicate_typed._outputs import wrap_files
from replicate_typed._polling import PollSchedule
from replicate_typed._rate_limits import RateLimits
from replicate_typed._refs import ModelReference, resolve
from replicate_typed._retry import RetryPolicy
from replicate_typed._shortcut import overloaded_shortcut_to, shortcut_to
from replicate_typed._sync.files import FileOutput, Files
from replicate_typed._sync.predictions import Predictions
from replicate_typed._sync.runner import Runner
from replicate_typed._sync.streams import PredictionStream
from replicate_typed._sync.trainings import Trainings
from replicate_typed._sync.typed import output_reader
from replicate_typed._typed import (
    ModelOf,
    TypedPrediction,
    model_reference,
    typed_input,
    untyped_input,
)
from replicate_typed.bindings._reference import ModelInput, TypedModel

if TYPE_CHECKING:
    from replicate_api.models.search_results import SearchResults

    from replicate_typed._batch.summary import (
        BatchProgress,
        BatchResult,
        BatchRetry,
        BatchSummary,
        Price,
    )
    from replicate_typed._sync.account import AccountInfo
    from replicate_typed._sync.collections import Collections
    from replicate_typed._sync.deployments import Deployments
    from replicate_typed._sync.hardware import HardwareOptions
    from replicate_typed._sync.models import Models
    from replicate_typed._sync.search import Search
    from replicate_typed._sync.webhooks import Webhooks

I = TypeVar("I", bound=ModelInput)  # noqa: E741 - the bindings' letter for the input
O = TypeVar("O")  # noqa: E741 - and for the output


class Replicate:
    """A client for Replicate's HTTP API; use it as a context manager to close its connections.

    Args:
        api_token: Defaults to the REPLICATE_API_TOKEN environment variable;
            MissingTokenError if neither is set.
        base_url: Defaults to REPLICATE_BASE_URL, then https://api.replicate.com/v1;
            "/v1" is added when missing. Plain http is refused (ValueError)
            except to a loopback host, unless ``allow_insecure_http``.
        timeout: Each HTTP request's timeout, seconds or an ``httpx.Timeout``; by
            default 5 s to connect and 30 s to read, stretched for a sync-mode
            create to its window + 10 s. (``run`` and ``wait`` take their own
            ``timeout``: how long the whole wait may take.)
        headers: Sent with every request to the API (only there, like the
            token); a User-Agent here gets ours appended and goes everywhere.
        allow_insecure_http: Allow plain http base URLs and webhook URLs to
            hosts other than loopback (or set REPLICATE_ALLOW_INSECURE_HTTP=1).
        http_client: Your own httpx client; it gets the token auth, the API base
            URL if it has none, and our User-Agent after its own. You close it.
        transport: An httpx transport for the client to use (not with http_client).
        retry: How requests are retried (RetryPolicy()).
        polling: How often ``wait`` polls (PollSchedule()).
        sleep: Replace the sleeper, e.g. in tests.
        clock: Replace the monotonic clock, e.g. in tests.
        check_inputs: Before creating a prediction of a model or version named
            by reference, check the input against the version's schema
            (fetched once per model or version, then cached): a bad field
            raises ``InputError`` (a ValueError) before any request creates
            anything. Deployments are not checked. Typed calls are always checked.
        on_event: Called with each typed event (``RequestSent``,
            ``ResponseReceived``, ``RetryScheduled``, ``Throttled``,
            ``StatusChanged``) as it happens, to log or meter. A plain
            callable, for the async client too; it runs inline, so keep it
            quick. An exception it raises is logged and does not break the call.
        rate_limits: How the client paces its requests to the API, shared by
            all its calls (tasks and threads alike). None (the default): the
            documented rates, 600 creates and 3,000 other requests a minute,
            with a minute's worth at once; a 429 holds the class for its
            Retry-After, once for all callers, and slows it. ``RateLimits``:
            pace to those (say, the ones a fake enforces), a little below.
            A ``RateBudget``: used as it is (e.g. one shared across processes).
            False: no pacing.
    """

    def __init__(
        self,
        api_token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        polling: PollSchedule | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        check_inputs: bool = False,
        on_event: EventHook | None = None,
        rate_limits: RateLimits | RateBudget | Literal[False] | None = None,
    ) -> None:
        token = read_token(api_token)
        # From here on only the Secret holds the token, so a traceback that
        # captures locals (or a debugger) shows none, whatever fails below.
        del api_token
        if http_client is not None and transport is not None:
            raise ValueError("pass http_client or transport, not both")
        settings = Settings.resolve(
            token,
            base_url,
            timeout,
            allow_insecure_http=allow_insecure_http,
            headers=headers,
            check_inputs=check_inputs,
        )
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.Client(transport=transport, **http_client_options(settings))
        adopt_http_client(http_client, settings)
        core = Core(
            settings,
            retry=retry or RetryPolicy(),
            polling=polling or PollSchedule(),
            clock=clock or time.monotonic,
            now=lambda: datetime.now(UTC),
            random=random.random,
            on_event=on_event,
            budget=budget_for(rate_limits, clock or time.monotonic),
        )
        self._io = SyncIO(http_client, sleep, core.clock)
        self._runner = Runner(self._io, core)
        self.predictions: Predictions = Predictions(self._runner)
        self.trainings: Trainings = Trainings(self._runner)
        self.files: Files = Files(self._runner)

    # These resources load on first use: their generated endpoints and
    # models are most of what a client would otherwise import up front.

    @cached_property
    def models(self) -> Models:
        """Models, their versions and examples, and model search."""
        from replicate_typed._sync.models import Models

        return Models(self._runner)

    @cached_property
    def deployments(self) -> Deployments:
        """Deployments: create, get, list, update, delete."""
        from replicate_typed._sync.deployments import Deployments

        return Deployments(self._runner)

    @cached_property
    def collections(self) -> Collections:
        """Curated collections of models."""
        from replicate_typed._sync.collections import Collections

        return Collections(self._runner)

    @cached_property
    def hardware(self) -> HardwareOptions:
        """The hardware models can run on."""
        from replicate_typed._sync.hardware import HardwareOptions

        return HardwareOptions(self._runner)

    @cached_property
    def account(self) -> AccountInfo:
        """The account the token belongs to."""
        from replicate_typed._sync.account import AccountInfo

        return AccountInfo(self._runner)

    @cached_property
    def webhooks(self) -> Webhooks:
        """The webhook signing secret."""
        from replicate_typed._sync.webhooks import Webhooks

        return Webhooks(self._runner)

    # Shortcuts for the most used prediction operations.

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

    @overloaded_shortcut_to(Predictions.create)
    def create(self, *args: Any, **kwargs: Any) -> Any:
        method: Callable[..., Any] = self.predictions.create  # the overloads above type the call
        return method(*args, **kwargs)

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

    @overloaded_shortcut_to(Predictions.wait)
    def wait(self, *args: Any, **kwargs: Any) -> Any:
        method: Callable[..., Any] = self.predictions.wait  # the overloads above type the call
        return method(*args, **kwargs)

    @shortcut_to(Predictions.cancel)
    def cancel(self, *args: Any, **kwargs: Any) -> Prediction:
        return self.predictions.cancel(*args, **kwargs)

    def __repr__(self) -> str:
        # __init__ may have failed before _runner was set; traceback's
        # capture_locals still calls this on the half-built client.
        runner: Runner | None = getattr(self, "_runner", None)
        if runner is None:
            return f"<{type(self).__name__} (not initialized)>"
        return f"{type(self).__name__}(base_url={runner.core.settings.base_url!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (not an http_client you passed in)."""
        if self._owns_http:
            self._io.close()

    @overload
    def run(
        self,
        ref: ModelReference | None = None,
        input: Mapping[str, object] | None = None,
        *,
        deployment: str | None = None,
        wait: bool | int = True,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
        file_output: bool = True,
        timeout: float | None = None,
        on_update: OnUpdate[Prediction] | None = None,
    ) -> JSON: ...

    @overload
    def run(
        self,
        ref: ModelOf[I, O],
        input: I,
        *,
        deployment: str | None = None,
        wait: bool | int = True,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
        timeout: float | None = None,
        on_update: OnUpdate[Prediction] | None = None,
    ) -> O: ...

    def run(
        self,
        ref: ModelOf[Any, Any] | ModelReference | None = None,
        input: ModelInput | Mapping[str, object] | None = None,
        *,
        deployment: str | None = None,
        wait: bool | int = True,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
        file_output: bool = True,
        timeout: float | None = None,
        on_update: OnUpdate[Prediction] | None = None,
    ) -> Any:
        """Run a model and return its output.

        Creates the prediction in sync mode (``wait``, see ``predictions.create``
        for the other options), then waits for it whatever status the sync window
        closed on. File URLs in the output come back as ``FileOutput`` objects
        (str URLs that can ``read``, ``iter_bytes`` and ``save``); pass
        ``file_output=False`` for plain URLs.

        ``ref`` may be a ``TypedModel`` from generated bindings: ``input`` is
        then its input class, checked before any request, and the output is
        read as the model's output type (``file_output`` is not offered: the
        type has file objects where files are), or OutputMismatchError.

        Interrupting it (Ctrl-C, task cancellation) cancels the prediction, also
        during the create, whose response never comes: the prediction is then
        looked up by creation time, model and input, and the interrupt's note
        says what was found (see the README, "When a call stops early").

        Raises:
            ModelError: the prediction failed (carries its error and logs).
            PredictionCanceledError: it was canceled or aborted.
            PredictionTimeoutError: ``timeout`` seconds passed; it was canceled.
            APIError, APIConnectionError, ClientClosedError: a request failed. Once
                the prediction exists, ``error.prediction`` is its last known
                state and run has sent one cancel (best effort: a failure to
                cancel is logged and noted on the error, not raised).
            ValueError: a bad argument, before any request.
            OutputMismatchError: a typed model's output does not fit its type.
        """
        options = create_options(
            wait=wait,
            deadline=deadline,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
            allow_insecure_http=self._runner.core.settings.allow_insecure_http,
        )
        strategy = check_strategy(file_strategy)
        if isinstance(ref, TypedModel):
            if not file_output:
                raise ValueError(
                    f"file_output=False is not offered for typed bindings ({ref.model}): "
                    "their output type has file objects where files are"
                )
            read = output_reader(ref, self._runner)
            flow = self._runner.jobs.run(
                model_reference(ref, deployment),
                typed_input(ref, input),
                deployment=deployment,
                options=options,
                file_strategy=strategy,
                timeout=timeout,
                on_update=on_update,
            )
            return TypedPrediction(self._runner.perform(flow), read=read).output
        flow = self._runner.jobs.run(
            ref,
            untyped_input(input),
            deployment=deployment,
            options=options,
            file_strategy=strategy,
            timeout=timeout,
            on_update=on_update,
        )
        output = output_of(self._runner.perform(flow))
        if not file_output:
            return output
        return wrap_files(output, lambda url: FileOutput(url, self._runner))

    @overload
    def batch(
        self,
        ref: ModelOf[I, O],
        inputs: Iterable[I],
        *,
        journal: str | os.PathLike[str],
        concurrency: int | None = None,
        deadline: Deadline | None = None,
        output_dir: str | os.PathLike[str] | None = None,
        on_result: Callable[[BatchResult[O]], None] | None = None,
        on_progress: Callable[[BatchProgress], None] | None = None,
        retry: BatchRetry | None = None,
        allow_duplicates: bool = False,
        prices: Mapping[str, Price] | None = None,
    ) -> BatchSummary: ...

    @overload
    def batch(
        self,
        ref: str,
        inputs: Iterable[Mapping[str, object]],
        *,
        journal: str | os.PathLike[str],
        concurrency: int | None = None,
        deadline: Deadline | None = None,
        output_dir: str | os.PathLike[str] | None = None,
        on_result: Callable[[BatchResult[JSON]], None] | None = None,
        on_progress: Callable[[BatchProgress], None] | None = None,
        retry: BatchRetry | None = None,
        allow_duplicates: bool = False,
        prices: Mapping[str, Price] | None = None,
    ) -> BatchSummary: ...

    def batch(
        self,
        ref: ModelOf[Any, Any] | str,
        inputs: Iterable[ModelInput] | Iterable[Mapping[str, object]],
        *,
        journal: str | os.PathLike[str],
        concurrency: int | None = None,
        deadline: Deadline | None = None,
        output_dir: str | os.PathLike[str] | None = None,
        on_result: Callable[[BatchResult[Any]], None] | None = None,
        on_progress: Callable[[BatchProgress], None] | None = None,
        retry: BatchRetry | None = None,
        allow_duplicates: bool = False,
        prices: Mapping[str, Price] | None = None,
    ) -> BatchSummary:
        """Run every input once, journaled in ``journal``, and return a summary.

        ``ref`` is "owner/name" or "owner/name:version", or a ``TypedModel``
        (``inputs`` are then its input class, and ``on_result`` gets typed
        outputs). Inputs are plain JSON mappings, read and recorded in the
        journal up front. Running the same call again with the same journal
        continues where it stopped (see the README, "Batches"): finished items
        are skipped, known predictions waited for, never created twice.

        Args:
            journal: The SQLite file of this batch (created if absent); a
                journal of another model is a ValueError naming both.
            concurrency: Items in flight at most (default 32); the client's
                rate budget paces the requests anyway.
            deadline: Per item, as ``run``'s (Cancel-After): the server
                aborts an item that never started, unbilled.
            output_dir: Save each success's files under ``<output_dir>/<key12>/``
                as soon as it succeeds, never over an existing file.
            on_result: Called with each item that finishes in this run.
            on_progress: Called with the counts whenever an item starts or ends.
            retry: Run items again that end in ``retry.on`` (off by default).
            allow_duplicates: False: an input listed twice runs once. True:
                each occurrence is its own item.
            prices: Per model ("owner/name"), for ``cost_estimate``.

        Interrupted (Ctrl-C, task cancellation), it cancels every prediction
        in flight, leaves the journal resumable, and lets the interrupt go on.
        """
        # The batch loads on first use: sqlite3 and the journal are its own.
        from replicate_typed._sync.batch import DEFAULT_CONCURRENCY, Batch, BatchOptions

        if concurrency is not None and concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency}")
        create = create_options(deadline=deadline)
        if isinstance(ref, TypedModel):
            model = model_reference(ref, None) or ref.model
            read: Callable[[object], Any] = output_reader(ref, self._runner)
            plain: list[Mapping[str, object]] = [typed_input(ref, input) or {} for input in inputs]
        else:
            resolve(ref, None)
            model = ref
            runner = self._runner

            def wrap(url: str) -> FileOutput:
                return FileOutput(url, runner)

            read = lambda raw: wrap_files(cast(JSON, raw), wrap)  # noqa: E731 - one of two readers
            plain = [untyped_input(cast(Mapping[str, object], input)) or {} for input in inputs]
        options = BatchOptions(
            model=model,
            journal=Path(journal),
            concurrency=concurrency or DEFAULT_CONCURRENCY,
            create=create,
            output_dir=None if output_dir is None else Path(output_dir),
            read=read,
            on_result=on_result,
            on_progress=on_progress,
            retry=retry,
            allow_duplicates=allow_duplicates,
            prices=prices,
        )
        return Batch(self._runner, options, plain).run()

    @overload
    def stream(
        self,
        ref: ModelReference | Prediction | None = None,
        input: Mapping[str, object] | None = None,
        *,
        deployment: str | None = None,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> PredictionStream: ...

    @overload
    def stream(
        self,
        ref: ModelOf[I, Any],
        input: I,
        *,
        deployment: str | None = None,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> PredictionStream: ...

    def stream(
        self,
        ref: ModelOf[Any, Any] | ModelReference | Prediction | None = None,
        input: ModelInput | Mapping[str, object] | None = None,
        *,
        deployment: str | None = None,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        file_strategy: FileStrategy = "upload",
    ) -> PredictionStream:
        """Run a model (or follow an existing prediction) and stream its output events.

        The prediction is created when iteration starts; arguments are checked
        now. Raises StreamUnavailableError (with ``prediction``) if the model does
        not stream; a prediction this call created is then canceled first (one
        cancel request, best effort; the error says how it went).

        ``ref`` may be a ``TypedModel``: ``input`` is then its input class,
        checked now. The chunks are text whatever the output type (server-sent
        events carry text); the typed whole output is ``wait(create(...)).output``.
        """
        if isinstance(ref, Prediction):
            return PredictionStream(self._runner, ref)
        options = create_options(
            deadline=deadline,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
            allow_insecure_http=self._runner.core.settings.allow_insecure_http,
        )
        if isinstance(ref, TypedModel):
            body: Mapping[str, object] | None = typed_input(ref, input)
            ref = model_reference(ref, deployment)
        else:
            body = untyped_input(input)
        resolve(ref, deployment)
        check_input(body, allow_files=True)
        jobs = self._runner.jobs
        create = jobs.create_prediction(
            ref,
            body,
            deployment=deployment,
            options=options,
            file_strategy=check_strategy(file_strategy),
        )
        start = jobs.create_to_stream(create)
        return PredictionStream(self._runner, start)

    def search(self, query: str, *, limit: int | None = None) -> SearchResults:
        """Search public models, collections and docs (the beta /search endpoint)."""
        return self._search(query, limit=limit)

    @cached_property
    def _search(self) -> Search:
        from replicate_typed._sync.search import Search

        return Search(self._runner)
