"""Many waits, few requests: one ``predictions.list`` refresh serves every wait in flight.

Each prediction ``wait`` polls with one GET per poll. That is cheap for a
few, but a thousand waits polling every 50 ms would spend the API's 3,000
other requests a minute in a second. So the waits of one client share a
``StatusBoard``: once ``THRESHOLD`` prediction waits are in flight, a wait
whose poll is due reads its prediction from the latest list snapshot taken
after its previous poll, or waits for the refresh another wait is making, or
makes it itself: ``predictions.list`` with ``created_after`` the oldest
waiting prediction's creation (less ``CREATED_MARGIN``), following ``next``
only while waiting ids are unseen, at most one refresh per
``REFRESH_INTERVAL``. What the list does not show (older predictions, a
deployment's, past the page cap, a list that failed) is fetched by GET for
that poll, as is a finished entry that lacks ``COMPLETE_FIELDS``.

The board is shared by asyncio tasks and sync threads alike, so it is guarded
by a ``threading.Lock`` and never blocks: waiting for a refresh is a
``Sleep`` effect of the flow, performed by its client.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeAlias, cast

import httpx
from replicate_api.api.predictions import predictions_list
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_page import PredictionPage

from replicate_typed._core import Core, logger
from replicate_typed._effects import Flow, Sleep
from replicate_typed._effects import Send as SendRequest
from replicate_typed._errors import APIConnectionError, APIError
from replicate_typed._pagination import Trail
from replicate_typed._polling import is_terminal
from replicate_typed._responses import parse_json, read_model
from replicate_typed._retry import TimeLimit

#: Prediction waits in flight from which polls go through the board. Below it
#: each wait GETs on its own 50 ms schedule: 6 waits make about 40 polls each
#: in their first 2 s, some 240 requests, inside the burst of 300 other
#: requests the fake allows, and a single ``run`` keeps its latency.
THRESHOLD = 6
#: Seconds between the starts of two refreshes: 2 list requests a second
#: (120 of the 3,000 a minute) for up to 100 waits, and a status at most half a
#: second old, finer than the 2 s the poll schedule grows to.
REFRESH_INTERVAL = 0.5
#: How long a wait sleeps while another wait's refresh is under way.
BUSY_PAUSE = 0.025
#: Items on a full page of ``predictions.list``.
PAGE_SIZE = 100
#: Taken off the oldest creation time, so a bound exclusive on the server or
#: timestamps rounded to the second still list that prediction.
CREATED_MARGIN = timedelta(seconds=1)
#: Keys a finished list entry must carry (in its raw JSON, even as null) to be
#: returned as ``wait`` returns a GET: without them the generated model would
#: read a missing output, logs or metrics as None, which is not the same.
COMPLETE_FIELDS = ("output", "logs", "metrics")
#: Seconds of the refresh interval left that count as none (float rounding).
_TOO_SHORT = 1e-6


@dataclass(frozen=True)
class Listed:
    """A prediction as a list page showed it, and whether it has all a GET would."""

    prediction: Prediction
    complete: bool


@dataclass(frozen=True)
class _Snapshot:
    generation: int
    entries: Mapping[str, Listed]


@dataclass(frozen=True)
class Pause:
    """Sleep this long, then consult the board again."""

    seconds: float


@dataclass(frozen=True)
class Refresh:
    """This wait refreshes: list from ``created_after`` until ``wanted`` are all seen."""

    generation: int
    created_after: datetime
    wanted: frozenset[str]


@dataclass(frozen=True)
class Unlisted:
    """The latest snapshot does not show the prediction: GET it."""


Step: TypeAlias = Listed | Pause | Refresh | Unlisted


class Seat:
    """One wait's place on the board: its prediction and the snapshot it last read."""

    __slots__ = ("created_at", "prediction_id", "seen")

    def __init__(self, prediction_id: str, created_at: datetime) -> None:
        self.prediction_id: str = prediction_id
        self.created_at: datetime = created_at
        #: The generation of the newest snapshot this wait has seen past.
        self.seen: int = 0


class StatusBoard:
    """The prediction waits of one client, and the list snapshot they share."""

    def __init__(self, clock: Callable[[], float], *, threshold: int = THRESHOLD) -> None:
        self._clock = clock
        self._threshold = threshold
        self._lock = threading.Lock()
        self._seats: set[Seat] = set()
        self._snapshot: _Snapshot | None = None
        self._started = 0  # generation of the newest refresh begun
        self._refreshing = False
        self._last_start: float | None = None

    def join(self, prediction: Prediction) -> Seat:
        """Count a wait in flight for ``prediction``."""
        seat = Seat(prediction.id, prediction.created_at)
        with self._lock:
            seat.seen = self._started
            self._seats.add(seat)
        return seat

    def leave(self, seat: Seat | None) -> None:
        """The wait ended (finished, failed, interrupted); None: it had no seat (a training)."""
        if seat is None:
            return
        with self._lock:
            self._seats.discard(seat)

    def crowded(self) -> bool:
        """Whether enough waits are in flight for polls to go through the board."""
        with self._lock:
            return len(self._seats) >= self._threshold

    def fetched(self, seat: Seat) -> None:
        """The wait just GETs its prediction: no snapshot begun so far is news to it."""
        with self._lock:
            seat.seen = self._started

    def consult(self, seat: Seat) -> Step:
        """What a wait whose poll is due does now (see the module docstring)."""
        with self._lock:
            snapshot = self._snapshot
            if snapshot is not None and snapshot.generation > seat.seen:
                seat.seen = snapshot.generation
                return snapshot.entries.get(seat.prediction_id) or Unlisted()
            if self._refreshing:
                return Pause(BUSY_PAUSE)
            now = self._clock()
            if self._last_start is not None:
                # A pause too short to move a float clock would never end it: count it as over.
                left = self._last_start + REFRESH_INTERVAL - now
                if left > _TOO_SHORT:
                    return Pause(left)
            self._refreshing, self._last_start = True, now
            self._started += 1
            oldest = min(s.created_at for s in self._seats | {seat})
            wanted = frozenset(s.prediction_id for s in self._seats)
            return Refresh(self._started, oldest - CREATED_MARGIN, wanted)

    def publish(self, generation: int, entries: Mapping[str, Listed] | None) -> None:
        """End the refresh ``generation``; None: it was abandoned (others may start one)."""
        with self._lock:
            self._refreshing = False
            if entries is not None:
                self._snapshot = _Snapshot(generation, entries)


def max_pages(waiting: int) -> int:
    """The most list pages one refresh follows: enough for every wait, plus one."""
    return math.ceil(waiting / PAGE_SIZE) + 1


def refresh(core: Core, step: Refresh) -> Flow[dict[str, Listed]]:
    """List recent predictions through ``core.fetch`` (retries, events apply)."""
    request = SendRequest(
        "predictions.list", predictions_list.request_args(created_after=step.created_after)
    )
    trail = Trail(core.settings.base_url, core.absolute(request.kwargs), request.operation)
    entries: dict[str, Listed] = {}
    for _ in range(max_pages(len(step.wanted))):
        listed, link = yield from core.fetch(request, _parse_page)
        entries.update((entry.prediction.id, entry) for entry in listed)
        if link is None or step.wanted <= entries.keys():
            break
        request = trail.follow(link)
    return entries


def _parse_page(response: httpx.Response) -> tuple[list[Listed], str | None]:
    """A page's entries, each judged complete from its raw JSON, and its ``next`` link."""
    operation = "predictions.list"
    data = parse_json(response, operation)
    page = read_model(response, PredictionPage, data, operation)
    results = cast(dict[str, Any], data).get("results") if isinstance(data, dict) else None
    raw: list[Any] = results if isinstance(results, list) else []  # pyright: ignore[reportUnknownVariableType]
    listed = [
        Listed(prediction, isinstance(item, dict) and all(key in item for key in COMPLETE_FIELDS))
        for prediction, item in zip(page.results or (), raw, strict=False)
    ]
    return listed, page.next_ or None


def poll(
    core: Core,
    board: StatusBoard,
    seat: Seat,
    current: Prediction,
    get: Callable[[], Flow[Prediction]],
    *,
    time_limit: TimeLimit | None,
) -> Flow[Prediction]:
    """One due poll of a crowded wait: from a snapshot when it can, else by ``get``.

    A running entry that lacks ``COMPLETE_FIELDS`` (its logs, say) is news only
    if its status changed; otherwise ``current`` stays, so ``on_update`` does
    not see logs vanish. Pauses stop short of ``time_limit`` (then ``get``
    decides, as a GET poll would).
    """
    while board.crowded():
        step = board.consult(seat)
        if isinstance(step, Unlisted):
            break
        if isinstance(step, Listed):
            if step.complete or not is_terminal(step.prediction):
                if step.complete or str(step.prediction.status) != str(current.status):
                    return step.prediction
                return current
            break  # finished but short of what run returns: fetch it once
        if isinstance(step, Pause):
            if time_limit is not None and time_limit.left() <= step.seconds:
                break
            yield Sleep(step.seconds)
            continue
        entries: dict[str, Listed] | None = None
        try:
            entries = yield from refresh(core, step)
        except (APIError, APIConnectionError) as exc:
            logger.debug("predictions.list refresh failed, polling by GET: %s", exc)
            entries = {}  # a snapshot showing nothing: every wait GETs this round
        finally:
            board.publish(step.generation, entries)
    board.fetched(seat)
    return (yield from get())
