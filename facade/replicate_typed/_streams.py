"""Streamed prediction output.

Written by scripts/unasync from _async_streams.py: edit that file, not this one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs
import httpx
from httpx_sse import EventSource
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_status import PredictionStatus

from replicate_typed._effects import Flow
from replicate_typed._errors import ModelError
from replicate_typed._jobs import PREDICTION
from replicate_typed._stream import ErrorSignal, OutputEvent, StreamEvent, StreamReader

if TYPE_CHECKING:
    from replicate_typed._client import Replicate


class PredictionStream:
    """Iterate for ``OutputEvent``s and ``LogsEvent``s as they happen, then a ``DoneEvent``.

    An ``error`` event raises ``ModelError``; event types this client does not
    know are skipped. A dropped connection is resumed with Last-Event-ID
    (bounded by the retry policy), so no chunk is lost or repeated.
    ``prediction`` is set once iteration has started.
    """

    def __init__(self, client: Replicate, start: Prediction | Flow[Prediction]) -> None:
        self._client = client
        self._start = start
        self.prediction: Prediction | None = start if isinstance(start, Prediction) else None

    def __iter__(self) -> Iterator[StreamEvent]:
        return self._events()

    def iter_text(self) -> Iterator[str]:
        """Only the output chunks, as text: a language model's tokens as they come."""
        for event in self:
            if isinstance(event, OutputEvent):
                yield event.data

    def text(self) -> str:
        """All the output chunks joined: the whole text once the model is done."""
        chunks: list[str] = []
        for chunk in self.iter_text():
            chunks.append(chunk)
        return "".join(chunks)

    def _events(self) -> Iterator[StreamEvent]:
        client, core = self._client, self._client._core
        if isinstance(self._start, Prediction):
            self.prediction = self._start
        else:
            self.prediction = client._perform(self._start)
        reader = StreamReader(self.prediction, core.settings.timeout)
        while True:
            response = client._perform(core.send(reader.request(), repeatable=True))
            dropped: httpx.RequestError | None = None
            try:
                reader.check(response)
                for sse in EventSource(response).iter_sse():
                    event = reader.feed(sse)
                    if isinstance(event, ErrorSignal):
                        raise self._failure(event)
                    if event is not None:
                        yield event
                    if reader.done:
                        return
            except httpx.RequestError as exc:
                dropped = exc
            finally:
                response.close()
            client._perform(reader.reconnect(dropped, core.retry, core.random))

    def _failure(self, signal: ErrorSignal) -> ModelError:
        """The ModelError for an ``error`` event, with the prediction's final state if it loads."""
        assert self.prediction is not None
        try:
            failed = self._client._perform(self._client._jobs.get(PREDICTION, self.prediction.id))
        except Exception:
            failed = attrs.evolve(
                self.prediction, status=PredictionStatus.FAILED, error=signal.message
            )
        if not failed.error:
            failed = attrs.evolve(failed, error=signal.message)
        return ModelError(failed)
