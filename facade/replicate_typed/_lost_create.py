"""Find the prediction an interrupted create may have made, so it can be canceled (no I/O).

A sync-mode create ("Prefer: wait", ``run``'s default) holds its response
until the prediction finishes or the window closes, up to a minute. A caller
interrupted in that time (Ctrl-C, task cancellation) never learns the
prediction's id, yet the prediction exists and is billed. The API lists
predictions newest first and filters them by creation time
(``created_after``), so the one the create made is found by listing those
created since just before the create was sent and keeping the unfinished
ones with the create's model, version or deployment and exactly its input.

Clocks: ``created_after`` is read on the server's clock but computed on
this machine's, so it starts ``MARGIN`` seconds before the send; when the
list's ``Date`` header shows the server's clock further behind than that, the
list is asked for again from the corrected moment. Identical creates made at
the same moment cannot be told apart: when several predictions match, none is
canceled and the caller names them all.
"""

from __future__ import annotations

import email.utils
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from replicate_api.api.predictions import predictions_list
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_page import PredictionPage

from replicate_typed import _refs
from replicate_typed._core import Core
from replicate_typed._effects import Flow, Received, Send
from replicate_typed._pagination import parser
from replicate_typed._polling import is_terminal
from replicate_typed._responses import error_from_response

T = TypeVar("T")

#: How long before the send ``created_after`` starts: room for clocks that
#: disagree a little, and for the send itself.
MARGIN = timedelta(seconds=30)
#: A ``Date`` header counts whole seconds.
DATE_RESOLUTION = timedelta(seconds=1)
#: Pages read at most: the create's prediction is among the newest.
MAX_PAGES = 3


@dataclass(frozen=True)
class SentCreate:
    """What identifies the prediction a create request may have made."""

    target: _refs.Target
    #: The input as the server received it (JSON).
    input: Any
    #: This machine's wall-clock time just before the create went out.
    sent_at: datetime

    @classmethod
    def of(cls, target: _refs.Target, request: Send, sent_at: datetime) -> SentCreate:
        """The create ``request`` for ``target``, sent at ``sent_at``."""
        body: dict[str, Any] = request.kwargs.get("json", {})
        return cls(target, json.loads(json.dumps(body.get("input", {}))), sent_at)

    def may_have_made(self, prediction: Prediction, since: datetime) -> bool:
        """Whether ``prediction`` (created at or after ``since``) may be this create's."""
        created = prediction.created_at
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        if created < since or prediction.input_ != self.input:
            return False
        target = self.target
        if isinstance(target, _refs.ModelVersion):
            return prediction.version == target.version_id
        name = f"{target.owner}/{target.name}"
        if isinstance(target, _refs.OfficialModel):
            return prediction.model == name
        return prediction.deployment == name


@dataclass(frozen=True)
class Found:
    """The predictions a create may have made, and whether the list reached back to the send."""

    predictions: list[Prediction]
    #: The list was read to its end: a prediction the create made is among ``predictions``.
    complete: bool


def find_unfinished(core: Core, sent: SentCreate) -> Flow[list[Prediction]]:
    """The unfinished predictions that may be the one ``sent`` made; raises if a list fails.

    Every request is sent once (the caller is going away) and shielded from
    the interrupt that led to it.
    """
    found = yield from find_made(core, sent)
    return [p for p in found.predictions if not is_terminal(p)]


def find_made(core: Core, sent: SentCreate, *, max_pages: int = MAX_PAGES) -> Flow[Found]:
    """The predictions, finished or not, that may be the one ``sent`` made; raises if a list fails.

    ``complete``: whether the list was read to its end within ``max_pages``.
    """
    listed_from = sent.sent_at - MARGIN
    found, offset, complete = yield from _created_after(core, listed_from, max_pages)
    sent_on_server = sent.sent_at + offset
    if sent_on_server - DATE_RESOLUTION < listed_from:  # the server's clock is far behind
        found, _, complete = yield from _created_after(core, sent_on_server - MARGIN, max_pages)
    since = sent_on_server - MARGIN
    return Found([p for p in found if sent.may_have_made(p, since)], complete)


def _created_after(
    core: Core, moment: datetime, max_pages: int
) -> Flow[tuple[list[Prediction], timedelta, bool]]:
    """Predictions created at or after ``moment``, how far the server's clock is ahead,
    and whether the list was read to its end."""
    request = Send(
        "predictions.list", predictions_list.request_args(created_after=moment), cleanup=True
    )
    parse = parser(PredictionPage, request.operation)
    found: list[Prediction] = []
    offset: timedelta | None = None
    for _ in range(max_pages):
        response = yield from core.send_once(request, core.attempts(repeatable=True))
        if not response.is_success:
            raise error_from_response(response, request.operation)
        if offset is None:
            offset = _server_ahead_by(response.headers.get("Date"), core.now())
        page = parse(response)
        found.extend(page.results)
        if page.next is None:
            return found, offset or timedelta(0), True
        request = replace(core.follow(page.next, request.operation), cleanup=True)
    return found, offset or timedelta(0), False


def _server_ahead_by(date: str | None, now: datetime) -> timedelta:
    """How far the server's clock (its ``Date`` header) is ahead of ``now``; 0 without one."""
    if not date:
        return timedelta(0)
    try:
        server_now = email.utils.parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError):
        return timedelta(0)
    if server_now.tzinfo is None:
        server_now = server_now.replace(tzinfo=UTC)
    return server_now - now


class InFlight:
    """Whether a flow is waiting on a request: a create interrupted then may have arrived.

    A create interrupted while it backs off (after a 429, or a connection
    that never opened) certainly made nothing, so only an interrupt during a
    send calls for a search.
    """

    def __init__(self) -> None:
        self.sending = False

    def watch(self, flow: Flow[T]) -> Flow[T]:
        """Pass ``flow``'s effects and their results through, noting whether each is a send."""
        received: Received = None
        error: BaseException | None = None
        while True:
            try:
                effect = flow.send(received) if error is None else flow.throw(error)
            except StopIteration as done:
                result: T = done.value
                return result
            self.sending = isinstance(effect, Send)
            try:
                received, error = (yield effect), None
            except BaseException as exc:  # thrown in by the performer: the flow decides
                received, error = None, exc
