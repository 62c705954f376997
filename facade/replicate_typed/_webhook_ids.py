"""Remember the webhook-ids already accepted, so a replay inside the time window is refused.

The timestamp check of ``verify_webhook`` refuses a captured request once it
is older than the tolerance; within the tolerance only the ``webhook-id``
tells a replay (or Replicate's own retry of a delivery that did arrive) from a
new event. ``verify_webhook(..., seen=store)`` records each id it accepts in
``store`` and refuses one it finds there. ``WebhookIdStore`` is the protocol
to implement over a shared store (Redis ``SET NX EXAT``, a database unique
key) when several processes receive webhooks; ``InMemoryWebhookIds`` serves
one process.
"""

from __future__ import annotations

import threading
from typing import Protocol

#: Ids an InMemoryWebhookIds holds by default: about 15 MB of 36-character ids.
DEFAULT_CAPACITY = 100_000


class WebhookIdStore(Protocol):
    """Where ``verify_webhook`` records the ids of the webhook requests it accepted.

    ``add`` records ``webhook_id`` and returns False if it was already
    recorded (and unexpired). ``now`` and ``expires_at`` are Unix seconds;
    after ``expires_at`` the timestamp check refuses the request anyway, so the
    id may be dropped; ``expires_at`` is None when that check is off: keep it
    as long as you can. Check and record in one atomic step, so that two
    deliveries at once cannot both be accepted.
    """

    def add(self, webhook_id: str, *, now: float, expires_at: float | None) -> bool: ...


class InMemoryWebhookIds:
    """A WebhookIdStore in this process's memory, bounded, safe to share between threads.

    Each id is kept until its ``expires_at``; when ``capacity`` ids are held,
    the oldest is dropped to make room, which only ever weakens the check for
    that oldest id (only requests with a valid signature are recorded, so
    nobody without the secret can fill it).
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise ValueError(
                f"capacity must be a whole number of ids, at least 1, got {capacity!r}"
            )
        self._capacity = capacity
        #: id -> when it may be forgotten (None: never), in the order recorded.
        self._expiry: dict[str, float | None] = {}
        self._lock = threading.Lock()

    def add(self, webhook_id: str, *, now: float, expires_at: float | None) -> bool:
        """Record ``webhook_id`` until ``expires_at``; False if it is already recorded."""
        with self._lock:
            if webhook_id in self._expiry:
                expiry = self._expiry[webhook_id]
                if expiry is None or expiry > now:
                    return False
                del self._expiry[webhook_id]
            self._forget_expired(now)
            while len(self._expiry) >= self._capacity:
                del self._expiry[next(iter(self._expiry))]
            self._expiry[webhook_id] = expires_at
            return True

    def discard(self, webhook_id: str) -> None:
        """Forget ``webhook_id``, e.g. when handling its request failed and a retry should pass."""
        with self._lock:
            self._expiry.pop(webhook_id, None)

    def _forget_expired(self, now: float) -> None:
        # Oldest first; ids recorded later mostly expire later, so stop at the
        # first one still live (anything left over goes when capacity is reached).
        while self._expiry:
            oldest = next(iter(self._expiry))
            expiry = self._expiry[oldest]
            if expiry is None or expiry > now:
                return
            del self._expiry[oldest]
