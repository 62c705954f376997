"""PredictionStream: a prediction's server-sent events, resumed across drops.

Written by scripts/unasync from _async/streams.py: edit that file.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import httpx
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_status import PredictionStatus

from replicate_typed._effects import Flow
from replicate_typed._errors import ModelError, attach_prediction
from replicate_typed._kinds import PREDICTION
from replicate_typed._sse import DoneEvent, ErrorSignal, OutputEvent, StreamEvent, StreamReader
from replicate_typed._sync.runner import Runner


class PredictionStream:
    """Iterate for ``OutputEvent``s and ``LogsEvent``s as they happen, then a ``DoneEvent``.

    An ``error`` event raises ``ModelError``; event types this client does not
    know are skipped. A dropped connection is resumed with Last-Event-ID
    (bounded by the retry policy: failed connections in a row, see ``_sse``),
    so no chunk is lost or repeated. ``prediction`` is set once iteration has
    started. A stream is read once: iterating it again raises RuntimeError
    (``stream(stream.prediction)`` follows the prediction anew).
    """

    def __init__(self, runner: Runner, start: Prediction | Flow[Prediction]) -> None:
        self._runner = runner
        self._start = start
        self.prediction: Prediction | None = start if isinstance(start, Prediction) else None
        self._read = False

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
        if self._read:
            about = f" of prediction {self.prediction.id}" if self.prediction else ""
            raise RuntimeError(
                f"this stream{about} was already read: a stream is read once; "
                "call stream(stream.prediction) to follow the prediction again"
            )
        self._read = True
        runner, core = self._runner, self._runner.core
        if isinstance(self._start, Prediction):
            self.prediction = self._start
        else:
            self.prediction = runner.perform(self._start)
        try:
            reader = StreamReader(self.prediction, core.settings.timeout)
            attempts = core.attempts(repeatable=True)
            while True:
                response = runner.perform(core.send(reader.request(), attempts))
                dropped: httpx.RequestError | None = None
                try:
                    reader.open(response)
                    for chunk in response.iter_bytes():
                        for event in reader.receive(chunk):
                            if isinstance(event, ErrorSignal):
                                raise self._failure(event)
                            yield event
                            if isinstance(event, DoneEvent):
                                return
                except httpx.RequestError as exc:
                    dropped = exc
                finally:
                    response.close()
                runner.perform(reader.reconnect(dropped, attempts))
        except Exception as exc:  # the prediction exists: the error names it
            attach_prediction(exc, self.prediction)
            raise

    def _failure(self, signal: ErrorSignal) -> ModelError:
        """The ModelError for an ``error`` event, with the prediction's final state if it loads."""
        assert self.prediction is not None
        try:
            failed = self._runner.perform(self._runner.jobs.get(PREDICTION, self.prediction.id))
        except Exception:
            failed = attrs.evolve(
                self.prediction, status=PredictionStatus.FAILED, error=signal.message
            )
        if not failed.error:
            failed = attrs.evolve(failed, error=signal.message)
        return ModelError(failed)
