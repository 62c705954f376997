"""Replicate: the synchronous client.

Written by scripts/unasync from _async_client.py: edit that file, not this one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from replicate_api.models.prediction import Prediction

from replicate_typed._config import Settings, adopt_http_client, http_client_options
from replicate_typed._core import Core, OnUpdate
from replicate_typed._effects import Flow, Send
from replicate_typed._io import SyncIO
from replicate_typed._options import Deadline, create_options
from replicate_typed._polling import PollSchedule
from replicate_typed._refs import ModelReference
from replicate_typed._retry import RetryPolicy

T = TypeVar("T")


class Replicate:
    """A client for Replicate's HTTP API; use it as a context manager to close its connections.

    Args:
        api_token: Defaults to the REPLICATE_API_TOKEN environment variable;
            MissingTokenError if neither is set.
        base_url: Defaults to REPLICATE_BASE_URL, then https://api.replicate.com/v1;
            "/v1" is added when missing.
        timeout: Seconds or an ``httpx.Timeout``; by default 5 s to connect and
            30 s to read, stretched for a sync-mode create to its window + 10 s.
        http_client: Your own httpx client; it gets the token auth, the API base
            URL if it has none, and our User-Agent. You close it.
        transport: An httpx transport for the client to use (not with http_client).
        retry: How requests are retried (RetryPolicy()).
        polling: How often ``wait`` polls (PollSchedule()).
        sleep, clock: Replace the sleeper and the monotonic clock, e.g. in tests.
    """

    def __init__(
        self,
        api_token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        polling: PollSchedule | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if http_client is not None and transport is not None:
            raise ValueError("pass http_client or transport, not both")
        settings = Settings.resolve(api_token, base_url, timeout)
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.Client(transport=transport, **http_client_options(settings))
        else:
            adopt_http_client(http_client, settings)
        self._http = http_client
        self._io = SyncIO(http_client, sleep)
        self._core = Core(
            settings,
            retry=retry or RetryPolicy(),
            polling=polling or PollSchedule(),
            clock=clock or time.monotonic,
            now=lambda: datetime.now(UTC),
            random=random.random,
        )
        self.predictions = Predictions(self)
        #: Shortcuts for the most used prediction operations.
        self.create = self.predictions.create
        self.wait = self.predictions.wait
        self.cancel = self.predictions.cancel

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._core.settings.base_url!r})"

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
            self._http.close()

    def run(
        self,
        ref: ModelReference | None = None,
        input: dict[str, Any] | None = None,
        *,
        deployment: str | None = None,
        wait: bool | int = True,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
        timeout: float | None = None,
        on_update: OnUpdate | None = None,
    ) -> Any:
        """Run a model and return its output.

        Creates the prediction in sync mode (``wait``, see ``create``), then
        waits for it whatever status the sync window closed on.

        Raises:
            ModelError: the prediction failed (carries its error and logs).
            PredictionCanceledError: it was canceled or aborted.
            PredictionTimeoutError: ``timeout`` seconds passed; it was canceled.
            ValueError: a bad argument, before any request.
        """
        options = create_options(
            wait=wait,
            deadline=deadline,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
        )
        flow = self._core.run(
            ref,
            input,
            deployment=deployment,
            options=options,
            timeout=timeout,
            on_update=on_update,
        )
        return self._perform(flow)

    def _perform(self, flow: Flow[T]) -> T:
        """Drive a flow: perform each effect it yields and send back the result or error."""
        value: Any = None
        error: BaseException | None = None
        while True:
            try:
                effect = flow.send(value) if error is None else flow.throw(error)
            except StopIteration as done:
                result: T = done.value
                return result
            try:
                value, error = self._io.perform(effect), None
            except BaseException as exc:  # the flow decides: retry, cancel, or raise
                value, error = None, exc


class Predictions:
    """Predictions: create, get, list, cancel, wait."""

    def __init__(self, client: Replicate) -> None:
        self._client = client
        self._core = client._core

    def create(
        self,
        ref: ModelReference | None = None,
        input: dict[str, Any] | None = None,
        *,
        deployment: str | None = None,
        wait: bool | int = False,
        deadline: Deadline | None = None,
        webhook: str | None = None,
        webhook_events_filter: Iterable[str] | None = None,
    ) -> Prediction:
        """Create a prediction and return it as the API does (often still running).

        Args:
            ref: "owner/name" (an official model), "owner/name:<version id>", a
                64-hex version id, a Model or a Version; or leave it out and
                pass ``deployment="owner/name"``.
            input: The model's inputs; must be JSON-serializable.
            wait: True to let the API hold the request until the prediction
                finishes (up to 60 s, "Prefer: wait"), or whole seconds 1-60.
            deadline: After this the API ends the prediction: ``aborted`` if it
                never started, ``canceled`` if it was running. A timedelta,
                seconds, or "30s", "5m", "1h30m"; at least 5 s.
            webhook, webhook_events_filter: Where and for which events
                ("start", "output", "logs", "completed") the API calls back.

        Raises:
            ValueError: a bad argument, before any request.
            APIError, APIConnectionError: the request failed; a create is never
                retried once it may have arrived, and ``prediction_may_exist``
                says so.
        """
        options = create_options(
            wait=wait,
            deadline=deadline,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
        )
        flow = self._core.create(ref, input, deployment=deployment, options=options)
        return self._client._perform(flow)

    def get(self, prediction_id: str) -> Prediction:
        """Fetch a prediction by id."""
        return self._client._perform(self._core.get(prediction_id))

    def list(
        self,
        *,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        source: str | None = None,
    ) -> Iterator[Prediction]:
        """Iterate over your predictions, newest first, fetching pages as needed."""
        request: Send | None = self._core.list_request(
            created_after=created_after, created_before=created_before, source=source
        )
        while request is not None:
            page = self._client._perform(self._core.page(request))
            for prediction in page.results or []:
                yield prediction
            request = self._core.next_page(page, request.operation)

    def cancel(self, prediction: Prediction | str) -> Prediction:
        """Cancel a prediction; one that already finished is returned unchanged."""
        return self._client._perform(self._core.cancel(prediction))

    def wait(
        self,
        prediction: Prediction | str,
        *,
        timeout: float | None = None,
        on_update: OnUpdate | None = None,
    ) -> Prediction:
        """Poll until the prediction is succeeded, failed, canceled or aborted, and return it.

        Polls by ``PollSchedule``. ``on_update`` is called with the prediction
        whenever its status or logs change. Interrupting the wait (Ctrl-C, task
        cancellation) cancels the prediction on the server first.

        Raises:
            PredictionTimeoutError: not finished after ``timeout`` seconds (it is
                left running), or long past its deadline.
        """
        flow = self._core.wait(prediction, timeout=timeout, on_update=on_update)
        return self._client._perform(flow)
