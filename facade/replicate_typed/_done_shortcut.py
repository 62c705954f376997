"""The SSE ``done`` shortcut of ``wait``: a streaming prediction's end, heard as it happens.

Polling hears that a prediction finished up to one poll interval late (2 s
once it has run a while), at a GET per poll. A prediction with ``urls.stream``
announces its own end: the server sends ``done`` (or ``error``) on the stream
as it finishes. So ``wait`` opens the stream once, reads it until that event
(or the stream's end), then GETs the prediction once for its final state: a
``run`` that outlives its sync window costs create + stream + GET, and its
overhead is the stream's latency, not a poll interval.

The stream is a shortcut, never a requirement: if it does not open, is not an
event stream, or errors or is cut while read, ``wait`` polls as it would have,
and raises nothing for it. The read ends by the wait's time limit
(``ReadUntil.deadline``, and every read timeout cut to the time left). The
events are parsed by ``_sse.StreamReader``, as ``stream()`` parses them.
Stream requests go to the stream host, so the rate budget does not count them
(``Core._limit_class``).
"""

from __future__ import annotations

import httpx
from replicate_api.models.prediction import Prediction

from replicate_typed._core import Core, logger
from replicate_typed._effects import Flow, ReadUntil
from replicate_typed._errors import InvalidResponseError
from replicate_typed._retry import TimeLimit
from replicate_typed._sse import DoneEvent, ErrorSignal, StreamReader


def streams(prediction: Prediction) -> bool:
    """Whether ``prediction`` offers an event stream to hear its end on."""
    return prediction.urls is not None and bool(prediction.urls.stream)


def hear_done(
    core: Core, prediction: Prediction, *, deadline: float | None, time_limit: TimeLimit | None
) -> Flow[bool]:
    """Read ``prediction``'s stream, once, until it says the prediction ended or it ends.

    Returns True when the stream was read to ``done``, ``error`` or its end:
    the prediction has most likely finished, and one GET tells how. False: the
    stream could not be read (a refused or failed request, not an event
    stream, a drop, the deadline passed); the caller polls instead.
    ``deadline``: the clock reading the read must end by; ``time_limit``: the
    wait's, for the request.
    """
    reader = StreamReader(prediction, core.settings.timeout)
    attempts = core.attempts(repeatable=True, time_limit=time_limit)
    try:
        response = yield from core.send_once(reader.request(), attempts)
        if not response.is_success:  # it arrives read and closed
            logger.debug("prediction %s: stream refused, polling instead", prediction.id)
            return False
        try:
            reader.open(response)
        except InvalidResponseError:
            yield ReadUntil(response, _at_once)  # closes it
            raise
        yield ReadUntil(response, _Ending(reader).heard, deadline)
    except (httpx.RequestError, InvalidResponseError) as exc:
        logger.debug("prediction %s: stream failed (%r), polling instead", prediction.id, exc)
        return False
    return True


class _Ending:
    """Feed a stream's chunks to its reader; say when the prediction's end arrived."""

    def __init__(self, reader: StreamReader) -> None:
        self._reader = reader

    def heard(self, chunk: bytes) -> bool:
        return any(
            isinstance(event, DoneEvent | ErrorSignal) for event in self._reader.receive(chunk)
        )


def _at_once(_chunk: bytes) -> bool:
    return True
